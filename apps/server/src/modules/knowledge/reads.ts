import type { ArticleKind } from '@anxin/contracts';
import type { Db } from '../../platform/db/types.ts';
import { findArticleRow } from './knowledge.repository.ts';

/** What another module (training, work orders) may know of an article. */
export interface ArticleRef {
  id: string;
  title: string;
  kind: ArticleKind;
  status: string;
  visibility: 'internal' | 'public';
}

/** One article's reference, or null when there is no such article. */
export async function articleRef(db: Db, id: string): Promise<ArticleRef | null> {
  const r = await findArticleRow(db, id);
  return r ? { id: r.id, title: r.title, kind: r.kind, status: r.status, visibility: r.visibility } : null;
}
