import fs from 'node:fs';
import path from 'node:path';
import { checkConsistency, type ConsistencyReport } from './consistency.ts';
import { DB_FILE, FILES_DIR, isEmptyDir, readManifest, sha256File, type Manifest } from './manifest.ts';

export interface RestoreOptions {
  /** A directory written by `backupSqlite`. */
  from: string;
  /** The data directory to fill; must be empty or missing. */
  dataDir: string;
}

/**
 * Brings a backup back into an empty data directory. Nothing is written before every file's
 * checksum matches the manifest; the files land in a staging directory beside the target and are
 * renamed into place at the end, so a failed restore leaves no half-filled data directory. The
 * result is checked (integrity, files, events, counts) before it is reported as done.
 */
export async function restoreSqlite(
  o: RestoreOptions,
): Promise<{ manifest: Manifest; report: ConsistencyReport }> {
  const manifest = readManifest(o.from);
  if (!isEmptyDir(o.dataDir))
    throw new Error(`data directory ${o.dataDir} is not empty: restore only into an empty directory`);
  await verifyChecksums(o.from, manifest);
  const target = path.resolve(o.dataDir);
  const staging = `${target}.restoring-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    for (const f of manifest.files) {
      const dst = path.join(staging, ...f.path.split('/'));
      await fs.promises.mkdir(path.dirname(dst), { recursive: true });
      await fs.promises.copyFile(path.join(o.from, ...f.path.split('/')), dst);
    }
    fs.mkdirSync(path.join(staging, FILES_DIR), { recursive: true });
    const report = await checkConsistency(
      { dbFile: path.join(staging, DB_FILE), filesDir: path.join(staging, FILES_DIR) },
      manifest,
    );
    if (!report.ok) throw new Error(`restored data is inconsistent:\n  ${report.problems.join('\n  ')}`);
    if (fs.existsSync(target)) fs.rmdirSync(target);
    fs.renameSync(staging, target);
    return { manifest, report };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

async function verifyChecksums(dir: string, manifest: Manifest): Promise<void> {
  const bad: string[] = [];
  for (const f of manifest.files) {
    const p = path.join(dir, ...f.path.split('/'));
    if (!fs.existsSync(p)) bad.push(`${f.path}: missing`);
    else if ((await sha256File(p)) !== f.sha256) bad.push(`${f.path}: checksum differs`);
  }
  if (!manifest.files.some((f) => f.path === DB_FILE)) bad.push(`${DB_FILE}: not in the manifest`);
  if (bad.length) throw new Error(`backup failed verification, nothing restored:\n  ${bad.join('\n  ')}`);
}
