import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotifyChannel, NotifyDelivery, NotifyLocale, NotifyTemplate } from '@anxin/contracts';
import { api } from '../../api/client.ts';

/** Notification templates, the delivery log and test messages (channel settings: `notify.channels`). */
const KEY = ['notify'] as const;
const P = '/api/v1/notify';

export const useNotifyTemplates = () =>
  useQuery({
    queryKey: [...KEY, 'templates'],
    queryFn: ({ signal }) => api.get<{ items: NotifyTemplate[] }>(`${P}/templates`, undefined, { signal }),
  });

export const useNotifyDeliveries = (channel?: NotifyChannel) =>
  useQuery({
    queryKey: [...KEY, 'deliveries', channel ?? null],
    refetchInterval: 5_000,
    queryFn: ({ signal }) =>
      api.get<{ items: NotifyDelivery[] }>(
        `${P}/deliveries`,
        { limit: 100, ...(channel ? { channel } : {}) },
        { signal },
      ),
  });

type TemplateKey = { event: string; channel: NotifyChannel; locale: NotifyLocale };
const templateUrl = (k: TemplateKey) =>
  `${P}/templates/${encodeURIComponent(k.event)}/${k.channel}/${k.locale}`;

export function useSaveTemplate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: TemplateKey & { subject: string; body: string; version: number }) =>
      api.put<{ items: NotifyTemplate[] }>(templateUrl(v), {
        subject: v.subject,
        body: v.body,
        version: v.version,
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, 'templates'] }),
  });
}

export const usePreviewTemplate = () =>
  useMutation({
    mutationFn: (v: TemplateKey & { subject: string; body: string }) =>
      api.post<{ subject: string; body: string }>(`${templateUrl(v)}/preview`, {
        subject: v.subject,
        body: v.body,
      }),
  });

export function useSendTest() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { channel: NotifyChannel; to: string; locale: NotifyLocale }) =>
      api.post<{ queued: boolean }>(`${P}/test`, v),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...KEY, 'deliveries'] }),
  });
}
