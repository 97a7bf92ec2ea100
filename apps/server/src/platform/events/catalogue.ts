import { z } from 'zod';

/**
 * Every event type the system writes, name → payload. Empty here: each module declares its own
 * types in its `*.events.ts` with `defineEvents` and merges them into this interface
 * (`declare module '…/platform/events/catalogue.ts'`), so `appendEvent` only accepts a catalogued
 * type with its payload, and readers (timelines, classification, grading, settlement, webhooks)
 * match types through the catalogue's constants, never bare strings
 * (test/ownership/event-catalogue.test.ts).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface EventCatalogue {}

export type EventType = Extract<keyof EventCatalogue, string>;
export type EventData<T extends EventType> = EventCatalogue[T];

/** The payload of an event nobody reads field by field yet (audit history shown as is). */
export const anyPayload = z.record(z.string(), z.unknown());

type Schemas = Record<string, z.ZodType>;

/** The catalogue entries one `defineEvents` call adds: `<prefix>.<name>` → payload type. */
export type CatalogueOf<P extends string, S extends Schemas> = {
  [K in keyof S & string as `${P}.${K}`]: z.infer<S[K]>;
};

export interface EventGroup<P extends string, S extends Schemas> {
  owner: string;
  prefix: P;
  /** Full type names by short name: `WORKORDER_EVENTS.type.created === 'workorder.created'`. */
  type: { readonly [K in keyof S & string]: `${P}.${K}` };
  schema: { readonly [K in keyof S & string as `${P}.${K}`]: S[K] };
}

const REGISTRY = new Map<string, { owner: string; schema: z.ZodType }>();

/**
 * Declares the event types `<prefix>.<name>` a module writes, with their payload schemas. The names
 * are registered for the runtime check in `appendEvent`; a type declared twice is a startup error.
 */
export function defineEvents<const P extends string, const S extends Schemas>(
  owner: string,
  prefix: P,
  schemas: S,
): EventGroup<P, S> {
  const type: Record<string, string> = {};
  const schema: Record<string, z.ZodType> = {};
  for (const [name, s] of Object.entries(schemas)) {
    const full = `${prefix}.${name}`;
    const seen = REGISTRY.get(full);
    if (seen && seen.owner !== owner)
      throw new Error(`event type ${full} declared by ${seen.owner} and ${owner}`);
    REGISTRY.set(full, { owner, schema: s });
    type[name] = full;
    schema[full] = s;
  }
  return Object.freeze({
    owner,
    prefix,
    type: Object.freeze(type),
    schema: Object.freeze(schema),
  }) as unknown as EventGroup<P, S>;
}

export const isCatalogued = (type: string): boolean => REGISTRY.has(type);

/** Every registered type with its owner (for the catalogue test and the docs). */
export const catalogued = (): ReadonlyMap<string, string> =>
  new Map([...REGISTRY].map(([type, e]) => [type, e.owner]));
