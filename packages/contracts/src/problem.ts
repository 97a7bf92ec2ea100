import { z } from 'zod';

/** One broken rule on one input field; `path` is a JSON pointer-ish dotted path (`items.0.qty`). */
export const FieldErrorSchema = z.object({
  path: z.string(),
  rule: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldErrorSchema>;

/** RFC 9457 problem details with Anxin extensions (`code`, `requestId`, `errors`). */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string(),
    requestId: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .catchall(z.unknown());
export type Problem = z.infer<typeof ProblemSchema>;

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const problemTypeUri = (code: string): string =>
  `https://anxin.dev/problems/${code.replace(/\./g, '/')}`;
