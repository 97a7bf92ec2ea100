import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const SRC = path.resolve(import.meta.dirname, '../../src');

function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? walk(p) : [p];
  });
}

/** Every event catalogue of the server (`*.events.ts` in modules and platform). */
export const catalogueFiles = (): string[] => walk(SRC).filter((f) => f.endsWith('.events.ts'));

/** Imports every catalogue so its types are registered (see platform/events/catalogue.ts). */
export async function loadCatalogues(): Promise<void> {
  for (const f of catalogueFiles()) await import(pathToFileURL(f).href);
}
