// The bare-stack ceiling: Fastify + Kysely + the same driver, pool and pragmas as the app (through
// openDatabase), no auth, no validation library, no domain logic. One route inserts one row, one
// reads one row by primary key, in the bench's own table on the same database as the app; the
// same-work routes (bare-same-work.ts) do the database work of create, the lists and detail.
//
//   BARE_PORT=0 DATABASE_URL=sqlite:/tmp/x.sqlite node --import tsx bench/bare-server.ts
//
// Prints `listening <port>` on stdout once ready.
import Fastify from 'fastify';
import { sql, type Kysely } from 'kysely';
import { uuidv7 } from 'uuidv7';
import { openDatabase } from '../src/platform/db/open.ts';
import { BARE_SEED_ROWS, BARE_TABLE, bareKey } from './bare-table.ts';
import { registerSameWork } from './bare-same-work.ts';
import type { Database } from '../src/database.ts';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const handle = openDatabase({ databaseUrl: url, dataDir: '.' });
  // The bench's own table: not part of the schema, never touched by the app.
  const db = handle.db as unknown as Kysely<
    Record<string, { id: string; payload: string; created_at: string }>
  >;
  await db.schema
    .createTable(BARE_TABLE)
    .ifNotExists()
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  const have = await sql<{
    n: number;
  }>`select count(*) as n from ${sql.table(BARE_TABLE)} where id like 'bare-%'`.execute(db);
  if (Number(have.rows[0]?.n ?? 0) < BARE_SEED_ROWS) {
    const now = new Date().toISOString();
    for (let i = 0; i < BARE_SEED_ROWS; i += 500) {
      const rows = Array.from({ length: Math.min(500, BARE_SEED_ROWS - i) }, (_, k) => ({
        id: bareKey(i + k),
        payload: JSON.stringify({ n: i + k, note: 'seeded row for the read ceiling' }),
        created_at: now,
      }));
      await db
        .insertInto(BARE_TABLE)
        .values(rows)
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
    }
  }

  const app = Fastify({ logger: false });
  app.post('/rows', async (req, reply) => {
    const id = uuidv7();
    await db
      .insertInto(BARE_TABLE)
      .values({ id, payload: JSON.stringify(req.body ?? {}), created_at: new Date().toISOString() })
      .execute();
    return reply.status(201).send({ id });
  });
  app.get<{ Params: { id: string } }>('/rows/:id', async (req, reply) => {
    const row = await db
      .selectFrom(BARE_TABLE)
      .selectAll()
      .where('id', '=', req.params.id)
      .executeTakeFirst();
    if (!row) return reply.status(404).send({ error: 'not found' });
    return { id: row.id, payload: JSON.parse(row.payload) as unknown, createdAt: row.created_at };
  });
  await registerSameWork(app, handle.db as unknown as Kysely<Database>);
  await app.listen({ port: Number(process.env.BARE_PORT ?? 0), host: '127.0.0.1' });
  const addr = app.server.address();
  process.stdout.write(`listening ${typeof addr === 'object' && addr ? addr.port : 0}\n`);

  const stop = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(
    `bare server failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
  );
  process.exit(1);
});
