import { sql, type Kysely } from 'kysely';
import { createIndex, INSTANT, JSON_TEXT } from '../platform/db/columns.ts';
import type { DialectName } from '../platform/db/types.ts';

const inList = (col: string, values: readonly string[]) =>
  sql.raw<boolean>(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`);

const KINDS = ['faq', 'fault', 'script', 'manual', 'video'];
const CHANNELS = ['agent', 'technician', 'portal', 'library'];

/**
 * Knowledge base (issue #17): versioned articles reviewed before publishing, a search index of
 * jieba-segmented terms scored by BM25 in TypeScript (the same ranking on both databases, no
 * FTS5/tsvector), admin-editable synonym groups, search and feedback logs, portal self-service
 * sessions (deflections) and the anonymised case library built from closed orders. A remote
 * resolution may name the article that helped (`work_orders.knowledge_article_id`).
 *
 * New permissions `knowledge:*` join existing databases' default roles here; a fresh database gets
 * them from `ensureRoles`.
 */
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('kb_articles')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(inList('kind', KINDS)))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(inList('status', ['draft', 'in_review', 'published', 'archived'])),
    )
    /** The live (published) version's title and visibility, else the first draft's. */
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull().check(inList('visibility', ['internal', 'public'])))
    .addColumn('category_code', 'text')
    .addColumn('published_version_id', 'text')
    .addColumn('helpful_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unhelpful_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('resolved_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await createIndex(db, 'kb_articles_status_idx', 'kb_articles', ['status', 'kind']);

  await db.schema
    .createTable('kb_article_versions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c.notNull().check(inList('status', ['draft', 'in_review', 'published', 'superseded'])),
    )
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull().check(inList('visibility', ['internal', 'public'])))
    .addColumn('category_code', 'text')
    .addColumn('model_codes', JSON_TEXT, (c) => c.notNull().defaultTo('[]'))
    .addColumn('fault_codes', JSON_TEXT, (c) => c.notNull().defaultTo('[]'))
    .addColumn('keywords', JSON_TEXT, (c) => c.notNull().defaultTo('[]'))
    /** Fault library: { symptom, causes[], checks[], fix } (null for other kinds). */
    .addColumn('fault', JSON_TEXT)
    .addColumn('attachments', JSON_TEXT, (c) => c.notNull().defaultTo('[]'))
    .addColumn('author_id', 'text')
    .addColumn('author_name', 'text')
    .addColumn('reviewer_id', 'text')
    .addColumn('reviewer_name', 'text')
    .addColumn('review_note', 'text')
    .addColumn('submitted_at', INSTANT)
    .addColumn('published_at', INSTANT)
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'kb_article_versions_article_idx', 'kb_article_versions', ['article_id', 'number'], {
    unique: true,
  });

  // The search index: one document per published article or case.
  await db.schema
    .createTable('kb_docs')
    .addColumn('doc_id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('doc_kind', 'text', (c) => c.notNull().check(inList('doc_kind', ['article', 'case'])))
    .addColumn('visibility', 'text', (c) => c.notNull().check(inList('visibility', ['internal', 'public'])))
    .addColumn('length', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('kb_terms')
    .addColumn('doc_id', 'text', (c) => c.notNull().references('kb_docs.doc_id').onDelete('cascade'))
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('tf', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('kb_terms_pk', ['doc_id', 'term'])
    .execute();
  await createIndex(db, 'kb_terms_term_idx', 'kb_terms', ['term']);
  /** Filter tags: `category:AC`, `model:KFR-35GW`, `fault:E1`, `kind:fault`. */
  await db.schema
    .createTable('kb_doc_tags')
    .addColumn('doc_id', 'text', (c) => c.notNull().references('kb_docs.doc_id').onDelete('cascade'))
    .addColumn('tag', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kb_doc_tags_pk', ['doc_id', 'tag'])
    .execute();
  await createIndex(db, 'kb_doc_tags_tag_idx', 'kb_doc_tags', ['tag']);

  await db.schema
    .createTable('kb_synonym_groups')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('terms', JSON_TEXT, (c) => c.notNull())
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .addColumn('updated_at', INSTANT, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('kb_searches')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(inList('channel', CHANNELS)))
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('top_doc_id', 'text')
    .addColumn('at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'kb_searches_at_idx', 'kb_searches', ['at']);

  await db.schema
    .createTable('kb_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('article_id', 'text', (c) => c.notNull().references('kb_articles.id'))
    .addColumn('channel', 'text', (c) => c.notNull().check(inList('channel', CHANNELS)))
    .addColumn('helpful', 'integer', (c) => c.notNull())
    .addColumn('order_id', 'text')
    .addColumn('actor_id', 'text')
    .addColumn('at', INSTANT, (c) => c.notNull())
    .execute();
  await createIndex(db, 'kb_feedback_article_idx', 'kb_feedback', ['article_id', 'at']);

  /** A customer's self-service visit in the portal; an outcome of null past a while = left. */
  await db.schema
    .createTable('kb_portal_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('query', 'text')
    .addColumn('article_id', 'text')
    .addColumn('outcome', 'text', (c) => c.check(inList('outcome', ['fixed', 'not_fixed', 'filed'])))
    .addColumn('started_at', INSTANT, (c) => c.notNull())
    .addColumn('ended_at', INSTANT)
    .execute();
  await createIndex(db, 'kb_portal_sessions_started_idx', 'kb_portal_sessions', ['started_at']);

  await db.schema
    .createTable('kb_cases')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('order_id', 'text', (c) => c.notNull().unique())
    .addColumn('order_no', 'text', (c) => c.notNull())
    .addColumn('category_code', 'text')
    .addColumn('model_code', 'text')
    .addColumn('fault_codes', JSON_TEXT, (c) => c.notNull().defaultTo('[]'))
    .addColumn('fault', 'text', (c) => c.notNull())
    .addColumn('diagnosis', 'text', (c) => c.notNull())
    .addColumn('fix', 'text', (c) => c.notNull())
    .addColumn('parts', JSON_TEXT, (c) => c.notNull().defaultTo('[]'))
    .addColumn('closed_at', INSTANT, (c) => c.notNull())
    .addColumn('created_at', INSTANT, (c) => c.notNull())
    .execute();

  await db.schema.alterTable('work_orders').addColumn('knowledge_article_id', 'text').execute();

  await sql`insert into role_permissions (role, permission)
    select name, 'knowledge:read' from roles
    where name in ('agent', 'dispatcher', 'outlet_manager', 'technician', 'quality', 'manager', 'admin')
    on conflict do nothing`.execute(db);
  await sql`insert into role_permissions (role, permission)
    select name, p.permission from roles,
      (select 'knowledge:write' as permission union all select 'knowledge:review') p
    where name in ('quality', 'admin')
    on conflict do nothing`.execute(db);
  await sql`insert into role_permissions (role, permission)
    select name, 'knowledge:manage' from roles where name = 'admin'
    on conflict do nothing`.execute(db);
}
