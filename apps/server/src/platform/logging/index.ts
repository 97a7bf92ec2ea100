import { pino, type Logger, type LoggerOptions } from 'pino';

/**
 * Personal data never reaches logs: phone numbers, ID numbers and addresses are redacted by key
 * wherever they appear (bodies, params, nested objects), and free text is scrubbed of digit runs
 * that look like mainland mobile or ID numbers.
 */
export const REDACT_KEYS = [
  'phone',
  'phones',
  'mobile',
  'tel',
  'idNumber',
  'idCard',
  'address',
  'addressLine',
  'password',
  'otp',
  'code',
  'token',
  'authorization',
  'cookie',
  'set-cookie',
  'x-csrf-token',
];

const paths = REDACT_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `*.*.*.${k}`, `req.headers["${k}"]`]);

const PHONE_OR_ID = /(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx]|\d{15})(?!\d)/g;
export const scrubText = (s: string): string => s.replace(PHONE_OR_ID, '[redacted]');

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths, censor: '[redacted]' },
    hooks: {
      logMethod(args, method) {
        const scrubbed = args.map((a) => (typeof a === 'string' ? scrubText(a) : a)) as typeof args;
        return method.apply(this, scrubbed);
      },
    },
    serializers: {
      req: (req: { id: string; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        url: scrubText(req.url),
      }),
    },
  };
}

export function createLogger(level: string): Logger {
  return pino(loggerOptions(level));
}
export type { Logger };
