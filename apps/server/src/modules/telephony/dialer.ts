import type { Logger } from '../../platform/logging/index.ts';

/** What the call platform is asked to do for click-to-call; a real platform binds its API here. */
export interface Dialer {
  dial(req: { requestId: string; agentUserId: string; number: string }): Promise<void>;
}

/** The development dialer: logs the request (only the number's last four digits) and dials nothing. */
export function loggingDialer(logger: Logger): Dialer {
  return {
    async dial(req) {
      logger.info(
        { requestId: req.requestId, agentUserId: req.agentUserId, numberTail: req.number.slice(-4) },
        'telephony: outbound call requested (development dialer, nothing dialled)',
      );
    },
  };
}
