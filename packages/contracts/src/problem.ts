import { z } from 'zod';

/**
 * One broken rule on one input field as it travels: `path` is a dotted path (`items.0.qty`), `rule`
 * a registered field rule (`FIELD_RULES`) or a refusal code, `params` the rule's parameters. The
 * English `message` is for API users and logs; the web renders `validation.<rule>` instead.
 */
export const FieldErrorSchema = z.object({
  path: z.string(),
  rule: z.string(),
  params: z.record(z.string(), z.unknown()).optional(),
  message: z.string().optional(),
});
export type FieldErrorWire = z.infer<typeof FieldErrorSchema>;

/**
 * RFC 9457 problem details with Anxin extensions: `code` (registered in ERROR_STATUS), `params`
 * (typed per code by ERROR_PARAMS), `requestId` and field `errors`.
 */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string(),
    params: z.record(z.string(), z.unknown()).optional(),
    requestId: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .catchall(z.unknown());
export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const problemTypeUri = (code: string): string =>
  `https://anxin.dev/problems/${code.replace(/\./g, '/')}`;
