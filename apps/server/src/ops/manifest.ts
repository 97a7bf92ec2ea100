import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type SQLite from 'better-sqlite3';

export const MANIFEST = 'manifest.json';
export const DB_FILE = 'anxin.sqlite';
export const FILES_DIR = 'files';
export const FORMAT = 'anxin-backup/1';

/** One file in the backup, relative slash path from the backup root. */
export interface FileEntry {
  path: string;
  bytes: number;
  sha256: string;
}

/** What a backup holds and the figures a restore must reproduce. */
export interface Manifest {
  format: typeof FORMAT;
  createdAt: string;
  appVersion: string;
  node: string;
  sqlite: string;
  /** The last applied migration and how many are applied. */
  migration: { last: string | null; count: number };
  /** Row count of every table in the snapshot. */
  counts: Record<string, number>;
  /** Events on work-order streams (each order's history). */
  workOrderEvents: number;
  files: FileEntry[];
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export async function entryOf(root: string, rel: string): Promise<FileEntry> {
  const abs = path.join(root, ...rel.split('/'));
  return { path: rel, bytes: (await fs.promises.stat(abs)).size, sha256: await sha256File(abs) };
}

const TABLES_SQL = `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name`;

/** Row counts per table: the figures a restore is checked against. */
export function tableCounts(db: SQLite.Database): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { name } of db.prepare(TABLES_SQL).all() as { name: string }[]) {
    const row = db.prepare(`select count(*) as n from "${name.replaceAll('"', '""')}"`).get() as {
      n: number;
    };
    counts[name] = row.n;
  }
  return counts;
}

export function migrationLevel(db: SQLite.Database): Manifest['migration'] {
  const row = db.prepare(`select max(name) as last, count(*) as count from anxin_migrations`).get() as {
    last: string | null;
    count: number;
  };
  return { last: row.last, count: row.count };
}

export function workOrderEventCount(db: SQLite.Database): number {
  return (
    db.prepare(`select count(*) as n from events where stream_type = 'work_order'`).get() as { n: number }
  ).n;
}

/** Stored files the database refers to: order attachments and field photos, with their checksum. */
export function referencedFiles(db: SQLite.Database): { key: string; sha256: string }[] {
  return db
    .prepare(
      `select storage_key as key, sha256 from attachments
       union all select storage_key as key, sha256 from field_photos order by key`,
    )
    .all() as { key: string; sha256: string }[];
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) throw new Error(`${file} not found: not an Anxin backup`);
  const m = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  if (m.format !== FORMAT)
    throw new Error(`unsupported backup format ${String(m.format)} (expected ${FORMAT})`);
  return m;
}

/** True when `dir` does not exist or holds nothing. */
export function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || fs.readdirSync(dir).length === 0;
}
