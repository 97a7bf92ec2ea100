import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FieldJob, FieldJobDetail, FieldPhotoView, ProofView } from '@anxin/contracts';
import { api, ApiError, CLIENT_ERROR_CODES, getCsrfToken, toApiError } from '../../api/client.ts';
import { PWA_DEFAULTS } from '../../pwa/config.ts';

/**
 * The technician app's server calls. Every write carries an Idempotency-Key. A write that fails for
 * lack of network is queued in localStorage with its key and resent, in order, when the browser
 * is back online: the server answers a resent request it already handled with the stored answer,
 * so nothing is done twice. Photos are not queued (too large for localStorage); they need network.
 */
export const FIELD_KEY = ['fieldwork'] as const;
const QUEUE_KEY = 'anxin.field.queue';

export interface QueuedWrite {
  key: string;
  orderId: string;
  path: string;
  body: unknown;
  action: string;
  queuedAt: string;
}

export const newKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;

// ---- the offline queue ----

const listeners = new Set<() => void>();
let cache: QueuedWrite[] | null = null;

function readQueue(): QueuedWrite[] {
  if (cache) return cache;
  try {
    cache = JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]') as QueuedWrite[];
  } catch {
    cache = [];
  }
  return cache;
}

function writeQueue(q: QueuedWrite[]): void {
  cache = q;
  try {
    localStorage.setItem(QUEUE_KEY, JSON.stringify(q));
  } catch {
    // Storage full or blocked: the queue still lives in memory until the page closes.
  }
  listeners.forEach((l) => l());
}

export const pendingFor = (orderId: string): QueuedWrite[] =>
  readQueue().filter((w) => w.orderId === orderId);

export function usePending(orderId?: string): QueuedWrite[] {
  const all = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    readQueue,
    readQueue,
  );
  return orderId ? all.filter((w) => w.orderId === orderId) : all;
}

async function postJson<T>(path: string, body: unknown, key: string): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'content-type': 'application/json',
    'idempotency-key': key,
  };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(path, {
      method: 'POST',
      headers,
      body: JSON.stringify(body ?? {}),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network });
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as T;
}

const isOffline = (e: unknown) =>
  (e instanceof ApiError && e.status === 0) ||
  (typeof navigator !== 'undefined' && navigator.onLine === false);

export type WriteResult<T> = { queued: false; value: T } | { queued: true };

/**
 * Sends a write now, or queues it when offline (or when earlier writes of the same order are
 * still queued: order matters — 到达 must not overtake 出发).
 */
export async function fieldWrite<T>(
  orderId: string,
  action: string,
  path: string,
  body: unknown,
): Promise<WriteResult<T>> {
  const entry: QueuedWrite = {
    key: newKey(),
    orderId,
    path,
    body,
    action,
    queuedAt: new Date().toISOString(),
  };
  if (pendingFor(orderId).length === 0) {
    try {
      return { queued: false, value: await postJson<T>(path, body, entry.key) };
    } catch (e) {
      if (!isOffline(e)) throw e;
    }
  }
  writeQueue([...readQueue(), entry]);
  return { queued: true };
}

let flushing = false;
/** Resends queued writes in order; stops at the first network failure. Returns refused writes. */
export async function flushQueue(): Promise<{
  sent: number;
  refused: { write: QueuedWrite; error: ApiError }[];
}> {
  const refused: { write: QueuedWrite; error: ApiError }[] = [];
  let sent = 0;
  if (flushing) return { sent, refused };
  flushing = true;
  try {
    for (;;) {
      const next = readQueue()[0];
      if (!next) break;
      try {
        await postJson(next.path, next.body, next.key);
        sent += 1;
      } catch (e) {
        if (isOffline(e)) break;
        // Refused by the server (state moved on, bad data): drop it and tell the user.
        refused.push({ write: next, error: e as ApiError });
      }
      writeQueue(readQueue().filter((w) => w.key !== next.key));
    }
  } finally {
    flushing = false;
  }
  return { sent, refused };
}

/**
 * Flushes on mount and whenever the browser comes back online, retrying while it says online and
 * writes are still queued; refreshes the jobs after.
 */
export function useQueueSync(onRefused?: (r: { write: QueuedWrite; error: ApiError }[]) => void) {
  const qc = useQueryClient();
  const run = useCallback(async () => {
    if (!readQueue().length) return;
    const r = await flushQueue();
    if (r.sent || r.refused.length) await qc.invalidateQueries({ queryKey: FIELD_KEY });
    if (r.refused.length) onRefused?.(r.refused);
  }, [qc, onRefused]);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const attempt = async () => {
      clearTimeout(timer);
      await run();
      // 'online' can fire before the connection (or the service worker's view of it) works: while
      // writes are still queued and the browser says it is online, try again shortly.
      if (!stopped && readQueue().length && navigator.onLine)
        timer = setTimeout(() => void attempt(), PWA_DEFAULTS.queueRetrySeconds * 1000);
    };
    void attempt();
    const on = () => void attempt();
    window.addEventListener('online', on);
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('online', on);
    };
  }, [run]);
  return run;
}

// ---- reads ----

export const useJobs = () =>
  useQuery({
    queryKey: [...FIELD_KEY, 'jobs'],
    queryFn: () => api.get<{ items: FieldJob[]; today: string }>('/api/v1/field/jobs'),
    refetchInterval: 60_000,
    // Asked even offline: the service worker answers with the last list it saw (src/pwa).
    networkMode: 'offlineFirst',
  });

export const useJob = (id: string | undefined) =>
  useQuery({
    queryKey: [...FIELD_KEY, 'job', id],
    queryFn: () => api.get<FieldJobDetail>(`/api/v1/field/jobs/${id}`),
    enabled: !!id,
    networkMode: 'offlineFirst',
  });

export const useProof = (orderId: string | undefined) =>
  useQuery({
    queryKey: [...FIELD_KEY, 'proof', orderId],
    queryFn: () => api.get<ProofView>(`/api/v1/orders/${orderId}/proof`),
    enabled: !!orderId,
  });

export function useVerifyPhoto(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (photoId: string) =>
      api.post<{ ok: boolean }>(`/api/v1/orders/${orderId}/proof/photos/${photoId}/verify`, {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...FIELD_KEY, 'proof', orderId] }),
  });
}

// ---- writes ----

/** One field action of a job (depart, arrive, …): sent now or queued; the job is refreshed after. */
export function useFieldAction<B>(orderId: string, action: string) {
  const qc = useQueryClient();
  return useMutation({
    // Not paused while offline: fieldWrite itself queues the write with its key.
    networkMode: 'always',
    mutationFn: (body: B) =>
      fieldWrite<FieldJobDetail>(orderId, action, `/api/v1/field/jobs/${orderId}/${action}`, body),
    onSuccess: (r) => {
      // Most actions answer with the job; the signature answers with the stored image.
      if (!r.queued && 'flags' in (r.value as object))
        qc.setQueryData([...FIELD_KEY, 'job', orderId], r.value);
      else void qc.invalidateQueries({ queryKey: [...FIELD_KEY, 'job', orderId] });
      void qc.invalidateQueries({ queryKey: [...FIELD_KEY, 'jobs'] });
    },
  });
}

export async function uploadPhoto(
  orderId: string,
  input: { file: File; kind: 'before' | 'after' | 'other'; lat?: number; lng?: number },
): Promise<FieldPhotoView> {
  const body = new FormData();
  body.append('kind', input.kind);
  if (input.lat !== undefined && input.lng !== undefined) {
    body.append('lat', String(input.lat));
    body.append('lng', String(input.lng));
  }
  body.append('file', input.file, input.file.name);
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'idempotency-key': newKey(),
  };
  const csrf = getCsrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  let res: Response;
  try {
    res = await fetch(`/api/v1/field/jobs/${orderId}/photos`, {
      method: 'POST',
      body,
      headers,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({ status: 0, code: CLIENT_ERROR_CODES.network });
  }
  if (!res.ok) throw await toApiError(res);
  return (await res.json()) as FieldPhotoView;
}

export function useUploadPhoto(orderId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: Parameters<typeof uploadPhoto>[1]) => uploadPhoto(orderId, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: [...FIELD_KEY, 'job', orderId] }),
  });
}

export function useSendCode(orderId: string) {
  return useMutation({
    mutationFn: () =>
      postJson<{ sentTo: string; expiresInSeconds: number; resendAfterSeconds: number }>(
        `/api/v1/field/jobs/${orderId}/completion-code`,
        {},
        newKey(),
      ),
  });
}

// ---- drafts: survive a reload ----

const draftKey = (orderId: string, part: string) => `anxin.field.draft.${orderId}.${part}`;

export function loadDraft<T>(orderId: string, part: string): T | undefined {
  try {
    const raw = localStorage.getItem(draftKey(orderId, part));
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

export function saveDraft(orderId: string, part: string, value: unknown): void {
  try {
    localStorage.setItem(draftKey(orderId, part), JSON.stringify(value));
  } catch {
    // A full storage only loses the draft, never the submission.
  }
}

export const clearDraft = (orderId: string, part: string): void =>
  localStorage.removeItem(draftKey(orderId, part));
