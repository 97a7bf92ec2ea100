import type { AlertState } from '@anxin/contracts';

/** Alert steps: acknowledge an open alert; resolve an open or acknowledged one. */
const STEPS: Record<'acknowledge' | 'resolve', readonly AlertState[]> = {
  acknowledge: ['open'],
  resolve: ['open', 'acknowledged'],
};

export const canStep = (step: keyof typeof STEPS, from: AlertState): boolean => STEPS[step].includes(from);

/** An instant as Beijing wall-clock time (China keeps no daylight saving). */
const beijing = (iso: string): string =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The order's description, in Chinese: what fired, on which device, how often. */
export function describeAlert(a: {
  ruleName: string;
  deviceSerial: string;
  productSerial: string | null;
  faultCode: string | null;
  value: number | null;
  at: string;
}): string {
  const lines = [
    `设备预警：${a.ruleName}`,
    `设备 ${a.deviceSerial}${a.productSerial ? `（产品序列号 ${a.productSerial}）` : ''}`,
  ];
  if (a.faultCode) lines.push(`故障码：${a.faultCode}`);
  if (a.value !== null) lines.push(`读数：${a.value}`);
  lines.push(`首次上报：${beijing(a.at)}（北京时间）`, '来源：设备遥测（自动生成）');
  return lines.join('\n');
}
