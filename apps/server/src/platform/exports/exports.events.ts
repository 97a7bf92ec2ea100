import { z } from 'zod';
import { defineEvents, type CatalogueOf } from '../events/catalogue.ts';

/**
 * Data leaving the system (PIPL: who exported what personal information, when, under which filter).
 * One event per export on stream `export/<exportId>`; the id is also printed in the file, so a
 * file found outside can be traced back to this entry. Past the audit retention the retention job
 * keeps kind, time and row count and drops who and which filter (`redacted`).
 */
const EXPORT_EVENT_SCHEMAS = {
  recorded: z.object({
    kind: z.string(),
    rows: z.number().int().min(0),
    filter: z.record(z.string(), z.unknown()).optional(),
    format: z.string().optional(),
    redacted: z.boolean().optional(),
  }),
};
export const EXPORT_EVENTS = defineEvents('platform', 'export', EXPORT_EVENT_SCHEMAS);

declare module '../events/catalogue.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merged into the platform catalogue
  interface EventCatalogue extends CatalogueOf<'export', typeof EXPORT_EVENT_SCHEMAS> {}
}
