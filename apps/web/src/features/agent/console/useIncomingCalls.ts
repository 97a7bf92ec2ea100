import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { IncomingCall } from '@anxin/contracts';
import { api } from '../../../api/client.ts';

/** How often the console asks for calls: polling works across stateless API nodes. */
const POLL_MS = 2_000;

/**
 * Calls the call platform routes to this agent, polled every 2 s while the console is open. A call
 * leaves when it ends (the server stops listing it) or when the agent dismisses it here.
 */
export function useIncomingCalls(enabled: boolean) {
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const q = useQuery({
    queryKey: ['telephony', 'incoming'],
    queryFn: ({ signal }) =>
      api.get<{ items: IncomingCall[] }>('/api/v1/telephony/incoming', undefined, { signal }),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: true,
    enabled,
  });
  const calls = (q.data?.items ?? []).filter((c) => !dismissed.has(c.callId));
  return {
    calls,
    dismiss: (callId: string) => setDismissed((s) => new Set([...s, callId])),
  };
}
