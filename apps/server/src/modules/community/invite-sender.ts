import type { Db } from '../../platform/db/types.ts';
import { notifySms } from '../../platform/notify/index.ts';

/**
 * The one place community sends a message: an invitation SMS queued in the caller's transaction
 * (sent after commit, once per invitation by its dedupe key). Kept to this adapter so the notify
 * channel refactor touches only this file.
 */
export function sendInvitation(
  trx: Db,
  at: Date,
  m: {
    invitationId: string;
    eventId: string;
    to: string;
    text: string;
    params: { title: string; time: string; place: string };
  },
): Promise<string | null> {
  return notifySms(
    trx,
    at,
    {
      to: m.to,
      text: m.text,
      template: 'community_invitation',
      params: m.params,
      ref: `community_event:${m.eventId}`,
    },
    `community-invite:${m.invitationId}`,
  );
}
