import type { ArticleAction, ArticleStatus, ArticleVersionStatus, Permission } from '@anxin/contracts';

/**
 * The review state table, on the article's open version. Publishing supersedes the previous live
 * version, so a published article stays readable while its next draft is written and reviewed.
 */
export interface ArticleRule {
  action: ArticleAction;
  /** Article states the step is allowed from. */
  article: readonly ArticleStatus[];
  /** The open version's state it needs ('none' = no open version). */
  open: ArticleVersionStatus | 'none';
  permission: Permission;
  needsNote?: boolean;
}

export const ARTICLE_RULES: readonly ArticleRule[] = [
  { action: 'submit', article: ['draft', 'published'], open: 'draft', permission: 'knowledge:write' },
  {
    action: 'approve',
    article: ['in_review', 'published'],
    open: 'in_review',
    permission: 'knowledge:review',
  },
  {
    action: 'reject',
    article: ['in_review', 'published'],
    open: 'in_review',
    permission: 'knowledge:review',
    needsNote: true,
  },
  { action: 'archive', article: ['published'], open: 'none', permission: 'knowledge:review' },
  { action: 'restore', article: ['archived'], open: 'none', permission: 'knowledge:review' },
];

/** The article's state once its open version moves (the live version decides when there is one). */
export function articleStatusAfter(action: ArticleAction, hasLive: boolean): ArticleStatus {
  switch (action) {
    case 'submit':
      return hasLive ? 'published' : 'in_review';
    case 'reject':
      return hasLive ? 'published' : 'draft';
    case 'archive':
      return 'archived';
    default:
      return 'published';
  }
}

export function ruleFor(
  action: ArticleAction,
  article: ArticleStatus,
  open: ArticleVersionStatus | 'none',
): ArticleRule | null {
  return (
    ARTICLE_RULES.find((r) => r.action === action && r.article.includes(article) && r.open === open) ?? null
  );
}

export function actionsFor(
  article: ArticleStatus,
  open: ArticleVersionStatus | 'none',
  can: (p: Permission) => boolean,
): ArticleAction[] {
  return ARTICLE_RULES.filter((r) => r.article.includes(article) && r.open === open && can(r.permission)).map(
    (r) => r.action,
  );
}
