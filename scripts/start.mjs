#!/usr/bin/env node
// `npm start`: install if needed, build the web app if needed, then serve API + web on one port
// over embedded SQLite (migrates and seeds demo data on first run). Env: ANXIN_PORT, ANXIN_DATA_DIR,
// DATABASE_URL (PostgreSQL), ANXIN_HOST.
import path from 'node:path';
import { ensureInstalled, ensureWebBuilt, root, run } from './lib.mjs';

ensureInstalled();
ensureWebBuilt();
const env = {
  ANXIN_DATA_DIR: process.env.ANXIN_DATA_DIR ?? path.join(root, 'data'),
  ANXIN_WEB_DIST: process.env.ANXIN_WEB_DIST ?? path.join(root, 'apps', 'web', 'dist'),
  NODE_ENV: process.env.NODE_ENV ?? 'production',
};
process.exit(
  run(process.execPath, ['--import', 'tsx', path.join('apps', 'server', 'src', 'main.ts')], { env }),
);
