import type { DispatchMode, Urgency } from '@anxin/contracts';

/* Plain values (importing them from the contracts would pull zod into this chunk). */
export const DISPATCH_MODES = ['manual', 'auto', 'pool'] as const satisfies readonly DispatchMode[];
export const URGENCY_LIST = ['low', 'normal', 'high', 'critical'] as const satisfies readonly Urgency[];
export const MODE_COLOR: Record<DispatchMode, string> = { manual: 'default', auto: 'blue', pool: 'purple' };
