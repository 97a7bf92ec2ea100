import { useQuery } from '@tanstack/react-query';
import type { Workbench } from '@anxin/contracts';
import { api } from '../../api/client.ts';

/** 工作台: to-dos, SLA alarms and figures of the signed-in user (GET /api/v1/workbench). */
export const useWorkbench = (enabled = true) =>
  useQuery({
    queryKey: ['workbench'],
    queryFn: ({ signal }) => api.get<Workbench>('/api/v1/workbench', undefined, { signal }),
    enabled,
    // Counts move all day; a minute is fresh enough for a landing page.
    staleTime: 60_000,
  });
