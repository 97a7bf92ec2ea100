import type { firstProblemsZhCN } from './problems.first.zh-CN.ts';

export const firstProblemsEnUS: typeof firstProblemsZhCN = {
  errors: {
    server: {
      internal:
        'Something went wrong on the server. Try again later; if it persists, give the request ID to your administrator.',
      unavailable: 'The service is temporarily unavailable. Check your connection and try again.',
    },
    client: {
      unknown: 'An unexpected error occurred ({{status}}).',
    },
  },
};
