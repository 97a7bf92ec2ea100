/**
 * Regenerates holiday-cn.json from a directory of NateScarlet/holiday-cn `{year}.json` files.
 *
 *   npx tsx src/platform/calendar/data/refresh.ts <holiday-cn dir> <snapshot YYYY-MM-DD> [commit]
 *
 * Years whose notice is unpublished (`days: []`) are left out so the calendar fails closed on them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { compactHolidayCnYear, type HolidayCnYearFile, type HolidayData } from '../holiday-data.ts';

const [dir, snapshot, commit] = process.argv.slice(2);
if (!dir || !snapshot) {
  console.error('usage: refresh.ts <holiday-cn dir> <snapshot YYYY-MM-DD> [commit]');
  process.exit(2);
}

const years: HolidayData['years'] = {};
const rawSha256: Record<string, string> = {};
const files = fs.readdirSync(dir).filter((f) => /^\d{4}\.json$/.test(f)).sort();
for (const f of files) {
  const raw = fs.readFileSync(path.join(dir, f));
  rawSha256[f] = createHash('sha256').update(raw).digest('hex');
  const file = JSON.parse(raw.toString('utf8')) as HolidayCnYearFile;
  const entry = compactHolidayCnYear(file);
  if (entry) years[String(file.year)] = entry;
  else console.warn(`${f}: no days (notice not published), left out`);
}
const published = Object.keys(years);
const data: HolidayData = {
  version: `holiday-cn@${snapshot}`,
  source: 'https://github.com/NateScarlet/holiday-cn',
  license: 'MIT, Copyright (c) 2019 NateScarlet; see LICENSE beside this file',
  snapshot,
  commit: commit ?? null,
  rawSha256,
  years,
};
const here = path.dirname(new URL(import.meta.url).pathname);
fs.writeFileSync(path.join(here, 'holiday-cn.json'), JSON.stringify(data, null, 1) + '\n');
// Write rather than copy so a read-only upstream file mode is not carried over.
fs.writeFileSync(path.join(here, 'LICENSE'), fs.readFileSync(path.join(dir, 'LICENSE')));
console.log(`wrote ${published[0]}–${published.at(-1)} (${published.length} years), version ${data.version}`);
