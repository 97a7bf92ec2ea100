import { Alert, Card, Drawer, Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { useComplaint } from '../api.ts';
import { CapaTable } from './CapaTable.tsx';
import { InvestigationForm } from './InvestigationForm.tsx';
import { SeverityTag, StatusTag } from './Tags.tsx';
import { Facts } from './drawer/Facts.tsx';
import { History } from './drawer/History.tsx';
import { Steps } from './drawer/Steps.tsx';

/** One complaint: facts and due times, the step its status allows, CAPA and the history. */
export function ComplaintDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const canManage = me.permissions.includes('complaint:manage');
  const detail = useComplaint(id);
  const d = detail.data;
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={760}
      destroyOnHidden
      title={
        d ? (
          <Flex gap={8} align="center" wrap>
            <span data-testid="cp-number">
              {t('complaints.detail.title', { number: d.complaint.number })}
            </span>
            <StatusTag status={d.complaint.status} testId="cp-status" />
            <SeverityTag severity={d.complaint.severity} />
          </Flex>
        ) : undefined
      }
    >
      <div data-testid="cp-detail">
        {detail.error && <ProblemAlert error={detail.error} />}
        {!d ? (
          <Flex justify="center" style={{ padding: 48 }}>
            <Spin />
          </Flex>
        ) : (
          <Flex vertical gap={16}>
            {!canManage && <Alert type="info" showIcon title={t('complaints.detail.readOnly')} />}
            <Facts d={d} />
            {(d.complaint.status === 'investigating' || d.complaint.responsibility) && (
              <Card size="small" title={t('complaints.detail.investigation')}>
                <InvestigationForm d={d} editable={canManage && d.complaint.status === 'investigating'} />
              </Card>
            )}
            {d.complaint.status !== 'registered' && d.complaint.status !== 'acknowledged' && (
              <Card size="small" title={t('complaints.detail.capa')}>
                <CapaTable
                  d={d}
                  editable={canManage && ['investigating', 'resolved'].includes(d.complaint.status)}
                />
              </Card>
            )}
            {/* The next step comes after the investigation and CAPA it depends on. */}
            {canManage && <Steps d={d} />}
            <History d={d} />
          </Flex>
        )}
      </div>
    </Drawer>
  );
}
