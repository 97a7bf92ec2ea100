import { useState } from 'react';
import { Button, Card, Skeleton } from 'antd';
import { PlusOutlined, UpOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PartPayer } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useOrderParts } from '../api/field.ts';
import { JobPartsList } from './JobPartsList.tsx';
import { PartPicker, RequestedNotice } from './PartPicker.tsx';
import './field.css';

/** Who pays by default: the customer when the product is out of warranty, else a warranty claim. */
export const defaultPayerFor = (warrantyStatus: string | null | undefined): PartPayer =>
  warrantyStatus === 'out_of_warranty' ? 'customer' : 'warranty';

/**
 * 备件 on the job (replaces the free-text parts list): the order's parts and requests, and a
 * picker to reserve from the van or request from HQ.
 */
export function JobPartsPanel({
  orderId,
  warrantyStatus,
  editable,
}: {
  orderId: string;
  warrantyStatus?: string | null;
  /** On site and working: parts may be picked, returned and signed for. */
  editable: boolean;
}) {
  const { t } = useTranslation();
  const parts = useOrderParts(orderId);
  const [picking, setPicking] = useState(false);
  const [requested, setRequested] = useState<string | null>(null);
  return (
    <Card
      className="field-card parts-field-panel"
      size="small"
      title={t('parts.field.panel.title')}
      data-testid="job-parts"
    >
      {requested && <RequestedNotice number={requested} onClose={() => setRequested(null)} />}
      {parts.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : parts.isError ? (
        <ProblemAlert error={parts.error} />
      ) : (
        <JobPartsList orderId={orderId} parts={parts.data} />
      )}
      {editable && (
        <>
          <Button
            block
            size="large"
            type="dashed"
            icon={picking ? <UpOutlined /> : <PlusOutlined />}
            style={{ margin: '8px 0' }}
            data-testid="job-parts-add"
            onClick={() => setPicking(!picking)}
          >
            {picking ? t('parts.field.panel.closePicker') : t('parts.field.panel.add')}
          </Button>
          {picking && (
            <PartPicker
              orderId={orderId}
              defaultPayer={defaultPayerFor(warrantyStatus)}
              onRequested={(n) => {
                setRequested(n);
                setPicking(false);
              }}
            />
          )}
        </>
      )}
    </Card>
  );
}
