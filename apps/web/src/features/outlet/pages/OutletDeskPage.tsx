import { Link } from 'react-router-dom';
import { Button, Col, Flex, Row } from 'antd';
import { ReloadOutlined, TrophyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { VisitWindowDialog, formatWindow } from '../../workorders/index.ts';
import { AssignDrawer } from '../components/AssignDrawer.tsx';
import { EscalateDialog } from '../components/Escalation.tsx';
import { RejectOfferDialog } from '../components/RejectOfferDialog.tsx';
import { FiguresRow } from '../components/desk/FiguresRow.tsx';
import { OffersCard } from '../components/desk/OffersCard.tsx';
import { OrdersCard } from '../components/desk/OrdersCard.tsx';
import { TechniciansCard } from '../components/desk/TechniciansCard.tsx';
import { ruleMessage } from '../components/rules.ts';
import { useOutletDesk } from './useOutletDesk.ts';

/** 网点工作台: what an outlet manager works through all day, their outlet's data only. */
export default function OutletDeskPage() {
  const { t } = useTranslation();
  const desk = useOutletDesk();
  const { message, refresh, figures, reschedule, rejecting, setRejecting, assigning, setAssigning } = desk;
  const { moving, setMoving, escalating, setEscalating, orders } = desk;

  return (
    <Flex vertical gap={16} data-testid="outlet-desk">
      <PageHeader
        title={t('outlet.title')}
        description={t('outlet.description')}
        extra={
          <>
            {/* The outlet's own monthly scorecard (features/grading). */}
            <Link to="/outlet/scorecard" data-testid="outlet-scorecard-link">
              <Button icon={<TrophyOutlined />}>{t('grading.deskLink')}</Button>
            </Link>
            <Button icon={<ReloadOutlined />} onClick={refresh} data-testid="outlet-refresh">
              {t('outlet.refresh')}
            </Button>
          </>
        }
      />
      <ProblemAlert error={figures.error} />
      <FiguresRow desk={desk} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={17}>
          <Flex vertical gap={16}>
            <OffersCard desk={desk} />
            <OrdersCard desk={desk} />
          </Flex>
        </Col>
        <Col xs={24} xl={7}>
          <TechniciansCard desk={desk} />
        </Col>
      </Row>

      <RejectOfferDialog
        offer={rejecting}
        onClose={() => setRejecting(null)}
        onDone={(number) => message.info(t('outlet.offers.rejected', { number }))}
      />
      <AssignDrawer order={assigning} onClose={() => setAssigning(null)} onDone={(m) => message.success(m)} />
      <VisitWindowDialog
        order={moving}
        save={reschedule}
        requireReason
        title={moving ? t('outlet.reschedule.title', { number: moving.number }) : ''}
        confirmLabel={t('outlet.reschedule.confirm')}
        notice={t('outlet.reschedule.notice')}
        testId="reschedule"
        describeError={(e) => ruleMessage(t, e)}
        onClose={() => setMoving(null)}
        onDone={(w) => message.success(formatWindow(w))}
      />
      {escalating && (
        <EscalateDialog
          order={escalating}
          open={!!escalating}
          onClose={() => setEscalating(null)}
          onReload={() => void orders.refetch()}
        />
      )}
    </Flex>
  );
}
