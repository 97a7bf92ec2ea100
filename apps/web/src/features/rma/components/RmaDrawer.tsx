import { useState } from 'react';
import {
  Button,
  Card,
  Descriptions,
  Drawer,
  Flex,
  Image,
  Skeleton,
  Tag,
  Timeline,
  Typography,
  Upload,
} from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { RMA_RULES, rmaActionsFrom, type RmaAction, type RmaCase } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { yuan } from '../../../components/money.ts';
import { useSession } from '../../auth/index.ts';
import { photoUrl, useRmaCase, useUploadRmaPhoto } from '../api.ts';
import { ActionForm } from './ActionForm.tsx';
import { EvaluationPanel } from './EvaluationPanel.tsx';
import { RmaStatusTag } from './RmaStatusTag.tsx';

/** Facts of a case as label/value rows; empty values are left out. */
function facts(c: RmaCase, t: (k: string) => string) {
  const rows: [string, React.ReactNode][] = [
    [t('rma.field.kind'), t(`rma.kind.${c.kind}`)],
    [t('rma.field.remedy'), t(`rma.remedy.${c.remedy}`)],
    [t('rma.field.source'), t(`rma.source.${c.source}`)],
    [t('rma.field.customer'), c.customerName],
    [t('rma.field.product'), c.productSerial],
    [t('rma.field.order'), c.orderNumber],
    [t('rma.field.outlet'), c.outletName],
    [t('rma.field.requestedOn'), c.requestedOn],
    [t('rma.field.description'), c.description],
    [t('rma.field.cause'), t(`rma.cause.${c.cause}`)],
    [t('rma.field.responsibleParty'), c.responsibleParty ? t(`rma.party.${c.responsibleParty}`) : null],
    [t('rma.field.overrideReason'), c.overrideReason],
    [t('rma.field.overrideNote'), c.overrideNote],
    [t('rma.field.findings'), c.findings],
    [t('rma.field.reason'), c.rejectReason],
    [
      t('rma.field.pickupTrackingNo'),
      c.pickupTrackingNo ? `${c.pickupCarrier ?? ''} ${c.pickupTrackingNo} · ${c.pickedUpOn ?? ''}` : null,
    ],
    [
      t('rma.field.dispatchTrackingNo'),
      c.dispatchTrackingNo
        ? `${c.dispatchCarrier ?? ''} ${c.dispatchTrackingNo} · ${c.dispatchedOn ?? ''}`
        : null,
    ],
    [t('rma.field.refundFen'), c.refundFen !== null ? `¥${yuan(c.refundFen)} · ${c.refundedOn ?? ''}` : null],
    [t('rma.field.depreciationFen'), c.depreciationFen ? `¥${yuan(c.depreciationFen)}` : null],
    [t('rma.field.newSerial'), c.newSerial ? `${c.newSerial} · ${c.exchangedOn ?? ''}` : null],
  ];
  return rows
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([label, children], i) => ({ key: String(i), label, children }));
}

/** 退换货单 detail: facts, the evaluation as requested, photos, the next steps and the history. */
export function RmaDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const me = useSession();
  const q = useRmaCase(id);
  const upload = useUploadRmaPhoto();
  const [action, setAction] = useState<RmaAction | null>(null);
  const c = q.data;
  const actions = c
    ? rmaActionsFrom(c.status, c.kind).filter((a) =>
        me.permissions.includes(RMA_RULES.find((r) => r.action === a)!.permission),
      )
    : [];
  const canPhoto = !!c && c.status === 'inspecting' && me.permissions.includes('rma:manage');
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      size={720}
      title={
        c ? (
          <Flex gap={8} align="center">
            <span className="anxin-mono">{c.number}</span>
            <RmaStatusTag status={c.status} />
          </Flex>
        ) : (
          t('rma.title')
        )
      }
      data-testid="rma-drawer"
    >
      {q.isPending && id && <Skeleton active />}
      <ProblemAlert error={q.error} />
      {c && (
        <Flex vertical gap={16}>
          {actions.length > 0 && (
            <Flex gap={8} wrap data-testid="rma-actions">
              {actions.map((a) => (
                <Button
                  key={a}
                  type={a.startsWith('reject') ? 'default' : 'primary'}
                  danger={a.startsWith('reject')}
                  onClick={() => setAction(a)}
                  data-testid={`rma-action-${a}`}
                >
                  {t(`rma.action.${a}`)}
                </Button>
              ))}
            </Flex>
          )}
          <Descriptions size="small" column={1} bordered items={facts(c, t as never)} />
          <Card size="small" title={t('rma.evaluation.title')}>
            <EvaluationPanel evaluation={c.evaluation} />
          </Card>
          <Card
            size="small"
            title={t('rma.field.photos')}
            extra={
              canPhoto && (
                <Upload
                  accept="image/jpeg,image/png,image/webp"
                  showUploadList={false}
                  customRequest={({ file, onSuccess, onError }) => {
                    upload
                      .mutateAsync({ id: c.id, file: file as File })
                      .then(() => onSuccess?.(null))
                      .catch((e: Error) => onError?.(e));
                  }}
                >
                  <Button
                    size="small"
                    icon={<UploadOutlined />}
                    loading={upload.isPending}
                    data-testid="rma-photo-upload"
                  >
                    {t('rma.upload')}
                  </Button>
                </Upload>
              )
            }
          >
            <ProblemAlert error={upload.error} />
            <Image.PreviewGroup>
              <Flex gap={8} wrap data-testid="rma-photos">
                {c.photos.map((p) => (
                  <Image
                    key={p.id}
                    width={96}
                    height={96}
                    style={{ objectFit: 'cover' }}
                    src={photoUrl(c.id, p.id)}
                  />
                ))}
                {c.photos.length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
              </Flex>
            </Image.PreviewGroup>
          </Card>
          {c.chargebacks.length > 0 && (
            <Card size="small" title={t('rma.field.chargebacks')}>
              <Flex vertical gap={4} data-testid="rma-chargebacks">
                {c.chargebacks.map((l, i) => (
                  <Flex key={i} gap={8}>
                    <Tag>{t(`rma.party.${l.party}`)}</Tag>
                    <span>¥{yuan(l.amountFen)}</span>
                    {l.note && <Typography.Text type="secondary">{l.note}</Typography.Text>}
                  </Flex>
                ))}
              </Flex>
            </Card>
          )}
          <Card size="small" title={t('rma.history')}>
            <Timeline
              items={c.events.map((e, i) => ({
                key: i,
                children: (
                  <Flex vertical>
                    <span>
                      {t(`rma.event.${e.type}` as never)}
                      {e.actorName && <Typography.Text type="secondary"> · {e.actorName}</Typography.Text>}
                    </span>
                    <Typography.Text type="secondary">
                      {dayjs(e.at).format('YYYY-MM-DD HH:mm')}
                    </Typography.Text>
                    {e.reason && <span>{e.reason}</span>}
                  </Flex>
                ),
              }))}
            />
          </Card>
          <ActionForm c={c} action={action} onClose={() => setAction(null)} />
        </Flex>
      )}
    </Drawer>
  );
}
