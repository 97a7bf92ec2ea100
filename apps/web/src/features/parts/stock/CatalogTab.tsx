import { useMemo, useState } from 'react';
import { App, Button, Flex, Input, Popconfirm, Select, Space, Table, Tag, Tooltip } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PART_KINDS, type PartItem } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import {
  templateHref,
  useCatalog,
  usePatchItem,
  useProductModels,
  type CatalogFilters,
} from '../api/stock.ts';
import { ItemDrawer } from './ItemDrawer.tsx';
import { ImportDialog } from './ImportDialog.tsx';
import { yuan } from './format.ts';

/** 目录: the parts catalogue, searchable by code or name, filtered by kind, model and state. */
export function CatalogTab() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const canManage = me.permissions.includes('parts:manage');
  const [filters, setFilters] = useState<CatalogFilters>({ active: 'true' });
  const [search, setSearch] = useState('');
  const [editing, setEditing] = useState<PartItem | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const list = useCatalog(filters);
  const models = useProductModels(me.permissions.includes('product:read'));
  const patch = usePatchItem();
  const en = i18n.language === 'en-US';
  const items = useMemo(() => (list.data?.pages ?? []).flatMap((p) => p.items), [list.data]);

  const modelName = useMemo(() => {
    const m = new Map((models.data ?? []).map((x) => [x.id, x.modelCode]));
    return (id: string) => m.get(id) ?? id;
  }, [models.data]);

  const toggle = (item: PartItem) =>
    patch.mutate(
      { id: item.id, patch: { version: item.version, active: !item.active } },
      {
        onSuccess: () =>
          message.success(
            t(item.active ? 'parts.stock.catalog.deactivated' : 'parts.stock.catalog.activated'),
          ),
      },
    );

  const set = (over: Partial<CatalogFilters>) => setFilters((f) => ({ ...f, ...over }));

  return (
    <Flex vertical gap={12} data-testid="parts-catalog">
      <Flex gap={8} wrap="wrap" justify="space-between">
        <Space wrap>
          <Input.Search
            allowClear
            style={{ width: 240 }}
            placeholder={t('parts.stock.catalog.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            data-testid="parts-catalog-search"
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('parts.fields.kind')}
            value={filters.kind}
            onChange={(v?: string) => set({ kind: v })}
            options={PART_KINDS.map((k) => ({ value: k, label: t(`parts.kinds.${k}`) }))}
          />
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            style={{ width: 200 }}
            placeholder={t('parts.fields.models')}
            value={filters.modelId}
            onChange={(v?: string) => set({ modelId: v })}
            options={(models.data ?? []).map((m) => ({ value: m.id, label: `${m.modelCode} ${m.name}` }))}
          />
          <Select
            style={{ width: 120 }}
            value={filters.active ?? 'all'}
            onChange={(v: string) => set({ active: v === 'all' ? undefined : (v as 'true' | 'false') })}
            options={[
              { value: 'true', label: t('parts.stock.catalog.activeOnly') },
              { value: 'false', label: t('parts.stock.catalog.inactiveOnly') },
              { value: 'all', label: t('parts.stock.catalog.all') },
            ]}
          />
        </Space>
        <Space wrap>
          <Button
            icon={<DownloadOutlined />}
            href={templateHref()}
            download
            data-testid="parts-catalog-template"
          >
            {t('parts.stock.catalog.template')}
          </Button>
          {canManage && (
            <>
              <Button
                icon={<UploadOutlined />}
                onClick={() => setImporting(true)}
                data-testid="parts-catalog-import"
              >
                {t('parts.stock.catalog.import')}
              </Button>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing('new')}
                data-testid="parts-catalog-new"
              >
                {t('parts.stock.catalog.new')}
              </Button>
            </>
          )}
        </Space>
      </Flex>
      {list.error && <ProblemAlert error={list.error} />}
      {patch.error && <ProblemAlert error={patch.error} />}
      <Table<PartItem>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={items}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 1200 }}
        locale={{ emptyText: t('parts.stock.catalog.empty') }}
        columns={[
          { title: t('parts.fields.code'), dataIndex: 'code', width: 130, fixed: 'left' },
          {
            title: t('parts.fields.name'),
            width: 200,
            render: (_, r) => (en && r.nameEn ? r.nameEn : r.nameZh),
          },
          { title: t('parts.fields.kind'), width: 80, render: (_, r) => t(`parts.kinds.${r.kind}`) },
          { title: t('parts.fields.partClass'), dataIndex: 'partClass', width: 110 },
          {
            title: t('parts.fields.listPrice'),
            width: 100,
            align: 'right',
            render: (_, r) => yuan(r.listPriceFen),
          },
          {
            title: t('parts.fields.costPrice'),
            width: 100,
            align: 'right',
            render: (_, r) => yuan(r.costPriceFen),
          },
          {
            title: t('parts.fields.warrantyClaimable'),
            width: 90,
            render: (_, r) => (r.warrantyClaimable ? t('parts.stock.yes') : t('parts.stock.no')),
          },
          {
            title: t('parts.fields.serialized'),
            width: 90,
            render: (_, r) => (r.serialized ? t('parts.stock.yes') : t('parts.stock.no')),
          },
          {
            title: t('parts.fields.models'),
            width: 200,
            render: (_, r) =>
              r.universal ? (
                <Tag color="blue">{t('parts.stock.catalog.universal')}</Tag>
              ) : (
                <Tooltip title={r.modelIds.map(modelName).join(', ')}>
                  <span>
                    {r.modelIds.slice(0, 3).map(modelName).join(', ')}
                    {r.modelIds.length > 3 ? ` +${r.modelIds.length - 3}` : ''}
                  </span>
                </Tooltip>
              ),
          },
          {
            title: t('parts.fields.discontinueOn'),
            width: 160,
            render: (_, r) => (
              <Space size={4}>
                {r.discontinueOn ?? '—'}
                {r.lastTimeBuy && (
                  <Tag color="orange" data-testid={`parts-ltb-${r.code}`}>
                    {t('parts.lastTimeBuy')}
                  </Tag>
                )}
              </Space>
            ),
          },
          {
            title: t('parts.stock.catalog.state'),
            width: 80,
            render: (_, r) =>
              r.active ? (
                <Tag color="green">{t('parts.stock.catalog.active')}</Tag>
              ) : (
                <Tag>{t('parts.stock.catalog.inactive')}</Tag>
              ),
          },
          ...(canManage
            ? [
                {
                  title: t('parts.stock.actions'),
                  key: 'actions',
                  width: 140,
                  fixed: 'right' as const,
                  render: (_: unknown, r: PartItem) => (
                    <Space size={0}>
                      <Button
                        type="link"
                        size="small"
                        onClick={() => setEditing(r)}
                        data-testid={`parts-item-edit-${r.code}`}
                      >
                        {t('parts.stock.edit')}
                      </Button>
                      {r.active ? (
                        <Popconfirm
                          title={t('parts.stock.catalog.confirmDeactivate', { code: r.code })}
                          onConfirm={() => toggle(r)}
                          okText={t('parts.stock.catalog.deactivate')}
                          cancelText={t('parts.stock.cancel')}
                        >
                          <Button
                            type="link"
                            size="small"
                            danger
                            data-testid={`parts-item-deactivate-${r.code}`}
                          >
                            {t('parts.stock.catalog.deactivate')}
                          </Button>
                        </Popconfirm>
                      ) : (
                        <Button
                          type="link"
                          size="small"
                          onClick={() => toggle(r)}
                          data-testid={`parts-item-activate-${r.code}`}
                        >
                          {t('parts.stock.catalog.activate')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {list.hasNextPage && (
        <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('parts.stock.loadMore')}
        </Button>
      )}
      <ItemDrawer
        item={editing === 'new' ? null : editing}
        open={editing !== null}
        models={models.data ?? []}
        onClose={() => setEditing(null)}
      />
      <ImportDialog open={importing} onClose={() => setImporting(false)} />
    </Flex>
  );
}
