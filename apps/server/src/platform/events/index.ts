export * from './append.ts';
export * from './catalogue.ts';
export type { ActorKind, EventTables } from './events.schema.ts';
export * from './outbox.ts';
export { redactStreamPayloads } from './redact.ts';
