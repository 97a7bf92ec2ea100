import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CalloutBand, LabourPrice, PriceListView } from '@anxin/contracts';
import { yuan } from '../../../components/money.ts';

type PartPrice = PriceListView['parts'][number];

/** Km band as text: "0–10 公里", "30 公里以上". */
export function BandText({ b }: { b: CalloutBand }) {
  const { t } = useTranslation();
  return (
    <>
      {b.maxKm === null
        ? t('charges.band.open', { min: b.minKm })
        : t('charges.band.range', { min: b.minKm, max: b.maxKm })}
    </>
  );
}

/**
 * 明码标价: the labour, call-out and parts tables of a price list; the staff page and the
 * customer portal show the same tables.
 */
export function PriceTables({ view, compact = false }: { view: PriceListView; compact?: boolean }) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  const list = view.current;
  if (!list) return <Typography.Text type="secondary">{t('charges.priceList.none')}</Typography.Text>;
  const size = compact ? 'small' : 'middle';
  const categories = new Map(view.categories.map((c) => [c.code, en && c.nameEn ? c.nameEn : c.nameZh]));
  return (
    <div className="charges-price-tables" data-testid="price-tables">
      <Typography.Title level={5}>{t('charges.priceList.labour')}</Typography.Title>
      <Table<LabourPrice>
        size={size}
        pagination={false}
        rowKey={(l) => `${l.code}|${l.categoryCode ?? ''}`}
        dataSource={list.labour}
        data-testid="price-labour"
        columns={[
          {
            title: t('charges.fields.service'),
            key: 'name',
            render: (_, l) => (en && l.nameEn ? l.nameEn : l.nameZh),
          },
          {
            title: t('charges.fields.category'),
            key: 'cat',
            render: (_, l) =>
              l.categoryCode
                ? (categories.get(l.categoryCode) ?? l.categoryCode)
                : t('charges.priceList.anyCategory'),
          },
          {
            title: t('charges.fields.price'),
            key: 'amount',
            align: 'right',
            render: (_, l) => `¥${yuan(l.amountFen)}`,
          },
        ]}
      />
      <Typography.Title level={5}>{t('charges.priceList.callout')}</Typography.Title>
      <Table<CalloutBand>
        size={size}
        pagination={false}
        rowKey={(b) => String(b.minKm)}
        dataSource={list.callout}
        data-testid="price-callout"
        columns={[
          { title: t('charges.fields.distance'), key: 'band', render: (_, b) => <BandText b={b} /> },
          {
            title: t('charges.fields.price'),
            key: 'amount',
            align: 'right',
            render: (_, b) => `¥${yuan(b.amountFen)}`,
          },
        ]}
      />
      <Typography.Title level={5}>{t('charges.priceList.parts')}</Typography.Title>
      <Table<PartPrice>
        size={size}
        pagination={view.parts.length > 20 ? { pageSize: 20, size: 'small' } : false}
        rowKey="code"
        dataSource={view.parts}
        data-testid="price-parts"
        locale={{ emptyText: t('charges.priceList.noParts') }}
        columns={
          compact
            ? [
                {
                  title: t('charges.fields.part'),
                  key: 'name',
                  render: (_, p) => (
                    <>
                      {en && p.nameEn ? p.nameEn : p.nameZh}
                      <br />
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {p.code} · {p.unit}
                      </Typography.Text>
                    </>
                  ),
                },
                {
                  title: t('charges.fields.listPrice'),
                  key: 'price',
                  align: 'right',
                  width: 110,
                  render: (_, p) => `¥${yuan(p.listPriceFen)}`,
                },
              ]
            : [
                { title: t('charges.fields.partCode'), dataIndex: 'code', width: 140 },
                {
                  title: t('charges.fields.part'),
                  key: 'name',
                  render: (_, p) => (en && p.nameEn ? p.nameEn : p.nameZh),
                },
                { title: t('charges.fields.unit'), dataIndex: 'unit', width: 64 },
                {
                  title: t('charges.fields.listPrice'),
                  key: 'price',
                  align: 'right',
                  render: (_, p) => `¥${yuan(p.listPriceFen)}`,
                },
              ]
        }
      />
    </div>
  );
}
