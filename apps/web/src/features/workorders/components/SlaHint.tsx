import { Tooltip } from 'antd';
import type { ReactNode } from 'react';

/** The SLA tag's deadline hint (a chunk of its own: Tooltip is not needed by the phone's list). */
export default function SlaHint({ title, children }: { title: string; children: ReactNode }) {
  return <Tooltip title={title}>{children}</Tooltip>;
}
