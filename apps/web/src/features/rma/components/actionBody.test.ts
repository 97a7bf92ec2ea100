import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { bodyOf } from './actionBody.ts';

describe('RMA action bodies', () => {
  it('sends business dates and fen, and leaves empty optional fields out', () => {
    expect(
      bodyOf('ship', 3, {
        pickupCarrier: ' 顺丰 ',
        pickupTrackingNo: 'SF1',
        pickedUpOn: dayjs('2026-11-04'),
        dispatchCarrier: '',
      }),
    ).toEqual({
      action: 'ship',
      version: 3,
      pickupCarrier: '顺丰',
      pickupTrackingNo: 'SF1',
      pickedUpOn: '2026-11-04',
    });
    expect(bodyOf('record_refund', 2, { refund: 1999.5, refundedOn: dayjs('2026-11-05') })).toEqual({
      action: 'record_refund',
      version: 2,
      refundFen: 199_950,
      refundedOn: '2026-11-05',
    });
  });
  it('turns charge-back lines in yuan into fen lines', () => {
    expect(
      bodyOf('close', 7, {
        cause: 'no_reason',
        responsibleParty: 'seller',
        chargebacks: [{ party: 'outlet', amount: 30, note: '' }],
      }),
    ).toEqual({
      action: 'close',
      version: 7,
      cause: 'no_reason',
      responsibleParty: 'seller',
      chargebacks: [{ party: 'outlet', amountFen: 3_000 }],
    });
  });
});
