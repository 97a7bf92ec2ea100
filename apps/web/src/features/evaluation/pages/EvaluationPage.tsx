import { Alert, Button, Col, Flex, Popconfirm, Row, Space, Tag } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { EvidenceDrawer } from '../components/EvidenceDrawer.tsx';
import { AdjustmentsCard } from '../components/detail/AdjustmentsCard.tsx';
import { AdjustmentModal, NaModal } from '../components/detail/EvaluationModals.tsx';
import { HistoryCard } from '../components/detail/HistoryCard.tsx';
import { ScoreCard } from '../components/detail/ScoreCard.tsx';
import { SectionTable } from '../components/detail/SectionTable.tsx';
import { useEvaluationPage } from './useEvaluationPage.ts';

/** One GB/T 27922 evaluation: checklist with evidence, 删减, special deductions/bonus, live score and grade. */
export default function EvaluationPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const page = useEvaluationPage(id);
  const { d, actions, rows, readOnly, mutationError, evidenceFor, setEvidenceFor } = page;
  const { naFor, setNaFor, adjusting, setAdjusting } = page;
  if (!d) return <ProblemAlert error={page.error} />;

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={`${d.evaluation.subject} · ${d.evaluation.period}`}
        description={
          <Space wrap>
            <span>{d.evaluation.assessedOn}</span>
            <Tag>{t('evaluation.detail.schemeVersion', { version: d.evaluation.schemeVersion })}</Tag>
            {!d.scheme.current && <Tag color="orange">{t('evaluation.detail.schemeOutdated')}</Tag>}
            <Tag
              color={d.evaluation.status === 'final' ? 'green' : 'processing'}
              data-testid="evaluation-status"
            >
              {t(`evaluation.status.${d.evaluation.status}`)}
            </Tag>
          </Space>
        }
        extra={
          <>
            <Link to="/reports?tab=evaluations">
              <Button icon={<ArrowLeftOutlined />}>{t('evaluation.detail.back')}</Button>
            </Link>
            {!readOnly && (
              <Popconfirm
                title={t('evaluation.detail.finalizeConfirm')}
                onConfirm={() => actions.finalize.mutate()}
              >
                <Button type="primary" loading={actions.finalize.isPending} data-testid="evaluation-finalize">
                  {t('evaluation.detail.finalize')}
                </Button>
              </Popconfirm>
            )}
          </>
        }
      />
      {d.evaluation.status === 'final' && (
        <Alert type="success" showIcon message={t('evaluation.detail.final')} />
      )}
      <ProblemAlert error={mutationError} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            {d.scheme.definition.sections.map((s) => (
              <SectionTable
                key={s.code}
                s={s}
                d={d}
                rows={rows.filter((r) => r.section === s.code)}
                readOnly={readOnly}
                actions={actions}
                onNotApplicable={setNaFor}
                onEvidence={setEvidenceFor}
              />
            ))}
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16} style={{ position: 'sticky', top: 16 }}>
            <ScoreCard d={d} />
            <AdjustmentsCard d={d} readOnly={readOnly} actions={actions} onAdd={setAdjusting} />
            <HistoryCard d={d} readOnly={readOnly} actions={actions} />
          </Flex>
        </Col>
      </Row>
      <EvidenceDrawer
        // A fresh form per item (its defaults depend on the item's mode).
        key={evidenceFor?.code ?? 'none'}
        item={evidenceFor}
        evidence={d.evidence}
        readOnly={readOnly}
        actions={actions}
        onClose={() => setEvidenceFor(null)}
      />
      <NaModal code={naFor} actions={actions} onClose={() => setNaFor(null)} />
      <AdjustmentModal kind={adjusting} actions={actions} onClose={() => setAdjusting(null)} />
    </Flex>
  );
}
