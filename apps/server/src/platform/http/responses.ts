import { ProblemSchema } from '@anxin/contracts';

/** The problem+json responses a route documents in OpenAPI, by status code. */
export function problemResponses<const S extends number>(...statuses: S[]): Record<S, typeof ProblemSchema> {
  return Object.fromEntries(statuses.map((s) => [s, ProblemSchema])) as Record<S, typeof ProblemSchema>;
}
