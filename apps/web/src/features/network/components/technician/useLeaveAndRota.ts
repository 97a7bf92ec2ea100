import { useState } from 'react';
import { Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Technician } from '@anxin/contracts';
import { networkApi, useLeave, useNetworkMutation, useRota } from '../../api.ts';

/**
 * A technician's leave (30 days back to 120 ahead) and rota with their mutations; `run` reports a
 * failure in `error` instead of throwing.
 */
export function useLeaveAndRota(tech: Technician) {
  const from = dayjs().subtract(30, 'day').startOf('day');
  const to = dayjs().add(120, 'day').startOf('day');
  const leave = useLeave(tech.id, from.toISOString(), to.toISOString());
  const rota = useRota(tech.id, from.format('YYYY-MM-DD'), to.format('YYYY-MM-DD'));
  const [error, setError] = useState<unknown>(null);
  const [leaveForm] = Form.useForm<{ period: [Dayjs, Dayjs]; kind: string; note?: string }>();
  const [rotaForm] = Form.useForm<{ date: Dayjs; kind: 'duty' | 'off' }>();
  const addLeave = useNetworkMutation((body: unknown) => networkApi.addLeave(tech.id, body));
  const removeLeave = useNetworkMutation((leaveId: string) => networkApi.removeLeave(tech.id, leaveId));
  const putRota = useNetworkMutation((v: { date: string; kind: 'duty' | 'off' }) =>
    networkApi.putRota(tech.id, v.date, v.kind),
  );
  const clearRota = useNetworkMutation((date: string) => networkApi.clearRota(tech.id, date));
  const run = async (p: Promise<unknown>) => {
    setError(null);
    try {
      await p;
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };
  return { leave, rota, error, leaveForm, rotaForm, addLeave, removeLeave, putRota, clearRota, run };
}
