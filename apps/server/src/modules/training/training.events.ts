import { anyPayload, defineEvents, type CatalogueOf } from '../../platform/events/catalogue.ts';

/** Training events: course editions, assignments and quiz attempts, each in its change's transaction. */
const COURSE_EVENT_SCHEMAS = {
  drafted: anyPayload,
  edited: anyPayload,
  file_added: anyPayload,
  published: anyPayload,
  retired: anyPayload,
  assigned: anyPayload,
};
export const COURSE_EVENTS = defineEvents('training', 'training_course', COURSE_EVENT_SCHEMAS);

const ATTEMPT_EVENT_SCHEMAS = {
  started: anyPayload,
  passed: anyPayload,
  failed: anyPayload,
};
export const ATTEMPT_EVENTS = defineEvents('training', 'training_attempt', ATTEMPT_EVENT_SCHEMAS);

declare module '../../platform/events/catalogue.ts' {
  interface EventCatalogue
    extends
      CatalogueOf<'training_course', typeof COURSE_EVENT_SCHEMAS>,
      CatalogueOf<'training_attempt', typeof ATTEMPT_EVENT_SCHEMAS> {}
}

export const COURSE_STREAM = 'training_course';
export const ATTEMPT_STREAM = 'training_attempt';
