import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CampaignFilters,
  CommunityEvent,
  CommunityEventInput,
  CommunityFigures,
  Invitation,
  InviteResult,
  Referral,
  ReferralInput,
  ReferralStep,
  ReferrerStat,
  Registration,
  RegistrationInput,
} from '@anxin/contracts';
import { api } from '../../api/client.ts';

/** Customer organisation (客户社群); every write refreshes the lists and the figures. */
const KEY = ['community'] as const;
const P = '/api/v1/community';

export const useReferrals = () =>
  useQuery({
    queryKey: [...KEY, 'referrals'],
    queryFn: ({ signal }) => api.get<{ items: Referral[] }>(`${P}/referrals`, undefined, { signal }),
    select: (d) => d.items,
  });

export const useReferrers = () =>
  useQuery({
    queryKey: [...KEY, 'referrers'],
    queryFn: ({ signal }) => api.get<{ items: ReferrerStat[] }>(`${P}/referrers`, undefined, { signal }),
    select: (d) => d.items,
  });

export const useFigures = () =>
  useQuery({
    queryKey: [...KEY, 'figures'],
    queryFn: ({ signal }) => api.get<CommunityFigures>(`${P}/figures`, undefined, { signal }),
  });

export const useEvents = () =>
  useQuery({
    queryKey: [...KEY, 'events'],
    queryFn: ({ signal }) => api.get<{ items: CommunityEvent[] }>(`${P}/events`, undefined, { signal }),
    select: (d) => d.items,
  });

export const useEvent = (id: string | null) =>
  useQuery({
    queryKey: [...KEY, 'event', id],
    enabled: !!id,
    queryFn: ({ signal }) => api.get<CommunityEvent>(`${P}/events/${id}`, undefined, { signal }),
  });

export const useInvitations = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'invitations', id],
    queryFn: ({ signal }) =>
      api.get<{ items: Invitation[] }>(`${P}/events/${id}/invitations`, undefined, { signal }),
    select: (d) => d.items,
  });

export const useRegistrations = (id: string) =>
  useQuery({
    queryKey: [...KEY, 'registrations', id],
    queryFn: ({ signal }) =>
      api.get<{ items: Registration[] }>(`${P}/events/${id}/registrations`, undefined, { signal }),
    select: (d) => d.items,
  });

function useWrite<V, R>(fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: KEY }) });
}

export const useCreateReferral = () =>
  useWrite((body: ReferralInput) => api.post<Referral>(`${P}/referrals`, body));
export const useStepReferral = () =>
  useWrite(({ id, ...body }: Partial<ReferralStep> & Pick<ReferralStep, 'to' | 'version'> & { id: string }) =>
    api.post<Referral>(`${P}/referrals/${id}/status`, body),
  );
export const useCreateEvent = () =>
  useWrite((body: CommunityEventInput) => api.post<CommunityEvent>(`${P}/events`, body));
export const useStepEvent = () =>
  useWrite(
    ({ id, to, version }: { id: string; to: 'open' | 'closed' | 'done' | 'cancelled'; version: number }) =>
      api.post<CommunityEvent>(`${P}/events/${id}/status`, { to, version }),
  );
export const useInvite = () =>
  useWrite(({ id, filters }: { id: string; filters: CampaignFilters }) =>
    api.post<InviteResult>(`${P}/events/${id}/invitations`, { filters }),
  );
export const useOptOutInvitation = () =>
  useWrite(({ id, invitationId, reason }: { id: string; invitationId: string; reason: string }) =>
    api.post<Invitation>(`${P}/events/${id}/invitations/${invitationId}/opt-out`, { reason }),
  );
export const useRegister = () =>
  useWrite(({ id, body }: { id: string; body: RegistrationInput }) =>
    api.post<Registration>(`${P}/events/${id}/registrations`, body),
  );
export const useCheckIn = () =>
  useWrite(({ id, registrationId }: { id: string; registrationId: string }) =>
    api.post<Registration>(`${P}/events/${id}/registrations/${registrationId}/check-in`),
  );
