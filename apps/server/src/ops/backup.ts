import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import {
  DB_FILE,
  entryOf,
  FILES_DIR,
  FORMAT,
  isEmptyDir,
  MANIFEST,
  migrationLevel,
  referencedFiles,
  sha256File,
  tableCounts,
  workOrderEventCount,
  type FileEntry,
  type Manifest,
} from './manifest.ts';

export interface BackupOptions {
  /** The SQLite database file of the running system (`<dataDir>/anxin.sqlite`). */
  dbFile: string;
  /** Where uploaded files live (`<dataDir>/files`). */
  filesDir: string;
  /** An empty or missing directory that receives the backup. */
  out: string;
  appVersion: string;
  now?: () => Date;
}

/**
 * Online backup of a running SQLite system. The database is copied with SQLite's backup API
 * (better-sqlite3 `backup()`), which yields one consistent snapshot even while other connections
 * write. Files are copied afterwards, but only those the snapshot refers to: an upload is stored
 * before its row commits, so every referenced file already exists, and files of rows committed
 * after the snapshot are not needed. Each copied file is checked against the checksum its row
 * recorded, so a backup never silently carries a damaged attachment.
 */
export async function backupSqlite(o: BackupOptions): Promise<Manifest> {
  if (!fs.existsSync(o.dbFile)) throw new Error(`database ${o.dbFile} not found`);
  if (!isEmptyDir(o.out)) throw new Error(`backup directory ${o.out} is not empty`);
  fs.mkdirSync(o.out, { recursive: true });
  const snapshotFile = path.join(o.out, DB_FILE);
  const source = new SQLite(o.dbFile, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    // One step copies every page under one read transaction: a consistent snapshot that a
    // concurrent writer cannot force to restart (a paced backup would restart on every write).
    await source.backup(snapshotFile, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const snap = new SQLite(snapshotFile, { fileMustExist: true });
  try {
    // The copy inherits WAL mode; a standalone file is easier to move and checksum.
    snap.pragma('journal_mode = DELETE');
    const files = await copyReferencedFiles(snap, o.filesDir, path.join(o.out, FILES_DIR));
    const manifest: Manifest = {
      format: FORMAT,
      createdAt: (o.now?.() ?? new Date()).toISOString(),
      appVersion: o.appVersion,
      node: process.version,
      sqlite: (snap.prepare('select sqlite_version() as v').get() as { v: string }).v,
      migration: migrationLevel(snap),
      counts: tableCounts(snap),
      workOrderEvents: workOrderEventCount(snap),
      files,
    };
    snap.close();
    manifest.files.unshift(await entryOf(o.out, DB_FILE));
    fs.writeFileSync(path.join(o.out, MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
    return manifest;
  } finally {
    if (snap.open) snap.close();
  }
}

async function copyReferencedFiles(snap: SQLite.Database, from: string, to: string): Promise<FileEntry[]> {
  const entries: FileEntry[] = [];
  const problems: string[] = [];
  for (const { key, sha256 } of referencedFiles(snap)) {
    const src = path.join(from, ...key.split('/'));
    const dst = path.join(to, ...key.split('/'));
    if (!fs.existsSync(src)) {
      problems.push(`${key}: missing`);
      continue;
    }
    await fs.promises.mkdir(path.dirname(dst), { recursive: true });
    await fs.promises.copyFile(src, dst);
    const actual = await sha256File(dst);
    if (actual !== sha256) problems.push(`${key}: checksum ${actual} differs from the recorded ${sha256}`);
    entries.push({ path: `${FILES_DIR}/${key}`, bytes: fs.statSync(dst).size, sha256: actual });
  }
  if (problems.length)
    throw new Error(`backup aborted, stored files do not match the database:\n  ${problems.join('\n  ')}`);
  return entries;
}
