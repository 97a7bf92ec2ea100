import { App, Button } from 'antd';
import { CheckOutlined, DownloadOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { StatementDetail, StatementStatus } from '@anxin/contracts';
import { PdfButton } from '../../../components/PdfButton.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { downloadStatement, useRespond, useStatementTransition } from '../api.ts';
import type { StatementStep } from '../statement/useStatementView.ts';

/**
 * The statement's next steps for this viewer, from what the server allows: the outlet confirms,
 * finance returns, reopens, approves (asking why over open disputes) or pays; anyone exports.
 */
export function StatementActions({
  s,
  onStep,
  onExportError,
}: {
  s: StatementDetail;
  onStep: (x: StatementStep) => void;
  onExportError: (e: unknown) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const respond = useRespond();
  const move = useStatementTransition();
  const go = (to: StatementStatus, ok: string) =>
    move.mutate({ id: s.id, body: { to, version: s.version } }, { onSuccess: () => message.success(ok) });
  return (
    <>
      {respond.error || move.error ? <ProblemAlert error={respond.error ?? move.error} /> : null}
      {s.allowed.includes('confirmed') && (
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={respond.isPending}
          data-testid="stl-confirm"
          onClick={() =>
            respond.mutate(
              { id: s.id, body: { action: 'confirm', version: s.version } },
              { onSuccess: () => message.success(t('settlement.detail.confirmed')) },
            )
          }
        >
          {t('settlement.detail.confirm')}
        </Button>
      )}
      {s.status === 'disputed' && s.allowed.includes('draft') && (
        <Button
          icon={<RollbackOutlined />}
          data-testid="stl-return"
          onClick={() => go('draft', t('settlement.detail.returnToDraft'))}
        >
          {t('settlement.detail.returnToDraft')}
        </Button>
      )}
      {s.status === 'confirmed' && s.allowed.includes('draft') && (
        <Button icon={<RollbackOutlined />} data-testid="stl-reopen" onClick={() => onStep('reopen')}>
          {t('settlement.detail.reopen')}
        </Button>
      )}
      {s.allowed.includes('approved') && (
        <Button
          type="primary"
          icon={<CheckOutlined />}
          data-testid="stl-approve"
          loading={move.isPending}
          onClick={() =>
            s.disputedCount > 0 ? onStep('approve') : go('approved', t('settlement.detail.approved'))
          }
        >
          {t('settlement.detail.approve')}
        </Button>
      )}
      {s.allowed.includes('paid') && (
        <Button type="primary" data-testid="stl-pay" onClick={() => onStep('pay')}>
          {t('settlement.detail.pay')}
        </Button>
      )}
      <Button
        icon={<DownloadOutlined />}
        data-testid="stl-export"
        onClick={() => downloadStatement(s.id, s.number).catch(onExportError)}
      >
        {t('settlement.detail.export')}
      </Button>
      <PdfButton
        path={`/api/v1/settlement/statements/${s.id}/statement.pdf`}
        label={t('settlement.detail.pdf')}
        testId="stl-pdf"
      />
    </>
  );
}
