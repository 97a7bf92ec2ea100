import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { AimOutlined, PhoneOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { FieldJobDetail } from '@anxin/contracts';
import { formatWindow, SlaTag, StatusTag, UrgencyTag } from '../../../workorders/index.ts';
import { FlagTag, mapUrl } from '../bits.tsx';
import { productLabel } from '../../../../components/productName.ts';

/** The customer, address, product and fault, with call and navigate buttons. */
export function JobHeader({ job }: { job: FieldJobDetail }) {
  const { t } = useTranslation();
  const map = mapUrl(job);
  return (
    <>
      <Card className="field-card" size="small">
        <Flex justify="space-between" align="center" gap={8}>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {job.customerName}
          </Typography.Text>
          <StatusTag status={job.status} />
        </Flex>
        <div className="field-muted">{job.number}</div>
        <Descriptions
          column={1}
          size="small"
          style={{ marginTop: 8 }}
          items={[
            { key: 'a', label: t('fieldwork.appointment'), children: formatWindow(job.appointment) },
            { key: 'addr', label: t('fieldwork.address'), children: job.address ?? '—' },
            {
              key: 'p',
              label: t('fieldwork.product'),
              children: job.product ? (
                <span>
                  {productLabel(job.product)}
                  {job.product.serial ? ` · ${t('fieldwork.serial')} ${job.product.serial}` : ''}{' '}
                  <Tag color={job.product.warrantyStatus === 'in_warranty' ? 'green' : 'default'}>
                    {t(`fieldwork.warranty.${job.product.warrantyStatus as 'unknown'}`)}
                  </Tag>
                </span>
              ) : (
                '—'
              ),
            },
            { key: 'f', label: t('fieldwork.fault'), children: job.faultDescription },
          ]}
        />
        <Flex gap={4} wrap style={{ marginTop: 4 }}>
          <UrgencyTag urgency={job.urgency} />
          <SlaTag state={job.slaState as 'on_track'} dueAt={job.slaDueAt} />
          {job.flags.map((f) => (
            <FlagTag key={f.flag + f.createdAt} flag={f.flag} />
          ))}
        </Flex>
      </Card>
      <div className="field-quick">
        <Button icon={<PhoneOutlined />} href={`tel:${job.contactPhone}`} data-testid="job-call">
          {t('fieldwork.call')}
        </Button>
        <Button
          icon={<AimOutlined />}
          href={map ?? undefined}
          target="_blank"
          disabled={!map}
          data-testid="job-navigate"
        >
          {t('fieldwork.navigate')}
        </Button>
      </div>
    </>
  );
}
