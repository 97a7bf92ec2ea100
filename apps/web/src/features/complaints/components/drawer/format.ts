import { bj } from '../../../workorders/index.ts';

/** An instant as Beijing date and time. */
export const fmt = (iso: string | null) => (iso ? bj(iso).format('YYYY-MM-DD HH:mm') : '—');
