import { useEffect } from 'react';
import { App, Col, DatePicker, Divider, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_POLICY_PARAMS,
  HOLIDAY_MOVES,
  POLICY_KINDS,
  type PolicyKind,
  type WarrantyPolicy,
} from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useCategories } from '../../customers/index.ts';
import { useCreatePolicy, useNewVersion, useUpdatePolicy } from '../api.ts';

/** What the dialog does: a new policy, a new version of `base`, or an edit of the draft `base`. */
export type PolicyDialogMode = { mode: 'create' } | { mode: 'version' | 'edit'; base: WarrantyPolicy };

interface FormValues {
  categoryCode: string;
  brand?: string;
  kind: PolicyKind;
  nameZh: string;
  nameEn: string;
  effectiveFrom: Dayjs;
  effectiveTo?: Dayjs | null;
  params: Record<string, unknown>;
}

const DATE = 'YYYY-MM-DD';

/** The form for one policy version: common fields, then one input per parameter of the kind. */
export function PolicyDialog({ open, onClose }: { open: PolicyDialogMode | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form) ?? 'sanbao_1995';
  const categories = useCategories();
  const create = useCreatePolicy();
  const version = useNewVersion();
  const update = useUpdatePolicy();
  const pending = create.isPending || version.isPending || update.isPending;
  const error = create.error ?? version.error ?? update.error;

  useEffect(() => {
    if (!open) return;
    create.reset();
    version.reset();
    update.reset();
    form.resetFields();
    if (open.mode === 'create')
      form.setFieldsValue({
        kind: 'sanbao_1995',
        effectiveFrom: dayjs(),
        params: { ...DEFAULT_POLICY_PARAMS.sanbao_1995 },
      });
    else {
      const b = open.base;
      form.setFieldsValue({
        categoryCode: b.categoryCode,
        brand: b.brand ?? undefined,
        kind: b.kind,
        nameZh: b.nameZh,
        nameEn: b.nameEn,
        effectiveFrom: dayjs(b.effectiveFrom),
        effectiveTo: b.effectiveTo ? dayjs(b.effectiveTo) : null,
        params: { ...DEFAULT_POLICY_PARAMS[b.kind], ...b.params },
      });
    }
    // Each opening starts clean: the mutations' old errors and the form's old values go.
  }, [open, form]);

  const onKind = (k: PolicyKind) => form.setFieldValue('params', { ...DEFAULT_POLICY_PARAMS[k] });

  const submit = async () => {
    const v = await form.validateFields();
    const common = {
      kind: v.kind,
      nameZh: v.nameZh,
      nameEn: v.nameEn,
      params: v.params,
      effectiveFrom: v.effectiveFrom.format(DATE),
      effectiveTo: v.effectiveTo ? v.effectiveTo.format(DATE) : null,
    };
    if (!open) return;
    if (open.mode === 'create')
      await create.mutateAsync({ ...common, categoryCode: v.categoryCode, brand: v.brand?.trim() || null });
    else if (open.mode === 'version') await version.mutateAsync({ id: open.base.id, body: common });
    else await update.mutateAsync({ id: open.base.id, body: common });
    message.success(t('warranty.policies.saved'));
    onClose();
  };

  const paramKeys = Object.keys(DEFAULT_POLICY_PARAMS[kind]);
  const labels = Object.fromEntries(paramKeys.map((k) => [`params.${k}`, t(`warranty.param.${k}` as never)]));
  const title =
    open?.mode === 'create'
      ? t('warranty.policies.create')
      : open?.mode === 'version'
        ? t('warranty.policies.newVersion')
        : t('warranty.policies.edit');

  return (
    <Modal
      open={!!open}
      title={title}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      confirmLoading={pending}
      width={720}
      destroyOnHidden
      data-testid="policy-dialog"
    >
      <Form form={form} layout="vertical" requiredMark={false}>
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="categoryCode"
              label={t('warranty.policies.category')}
              rules={[{ required: true }]}
            >
              <Select
                disabled={open?.mode !== 'create'}
                loading={categories.isPending}
                options={(categories.data?.items ?? []).map((c) => ({
                  value: c.code,
                  label: `${c.nameZh}（${c.code}）`,
                }))}
                data-testid="policy-category"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="brand" label={t('warranty.policies.brand')}>
              <Input disabled={open?.mode !== 'create'} placeholder={t('warranty.policies.allBrands')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t('warranty.policies.kind')} rules={[{ required: true }]}>
              <Select
                onChange={onKind}
                options={POLICY_KINDS.map((k) => ({ value: k, label: t(`warranty.kind.${k}`) }))}
                data-testid="policy-kind"
              />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="effectiveFrom"
              label={t('warranty.policies.effectiveFrom')}
              rules={[{ required: true }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="effectiveTo" label={t('warranty.policies.effectiveTo')}>
              <DatePicker style={{ width: '100%' }} placeholder={t('warranty.policies.openEnded')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="nameZh"
              label={t('warranty.policies.nameZh')}
              rules={[{ required: true, max: 100 }]}
            >
              <Input data-testid="policy-name-zh" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="nameEn"
              label={t('warranty.policies.nameEn')}
              rules={[{ required: true, max: 100 }]}
            >
              <Input data-testid="policy-name-en" />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('warranty.policies.params')}
        </Divider>
        <Row gutter={16}>
          {paramKeys.map((k) => {
            // Lists (fault codes, part classes) are typed as tags; every other figure is a number.
            const list = Array.isArray((DEFAULT_POLICY_PARAMS[kind] as Record<string, unknown>)[k]);
            const wide = k === 'holidayMove' || list;
            return (
              <Col key={`${kind}-${k}`} xs={24} sm={wide ? 24 : 12} md={wide ? 12 : 8}>
                <Form.Item name={['params', k]} label={labels[`params.${k}`]} rules={[{ required: !list }]}>
                  {k === 'holidayMove' ? (
                    <Select
                      options={HOLIDAY_MOVES.map((m) => ({
                        value: m,
                        label: t(`warranty.holidayMove.${m}`),
                      }))}
                    />
                  ) : list ? (
                    <Select
                      mode="tags"
                      tokenSeparators={[',', ' ']}
                      placeholder={
                        k.endsWith('FaultCodes') ? t('warranty.policies.faultCodesHint') : undefined
                      }
                    />
                  ) : (
                    <InputNumber
                      min={0}
                      step={k === 'dailyRatePermille' || k === 'usageRatePercent' ? 0.1 : 1}
                      style={{ width: '100%' }}
                      data-testid={`param-${k}`}
                    />
                  )}
                </Form.Item>
              </Col>
            );
          })}
        </Row>
      </Form>
      <ProblemAlert
        error={error}
        labels={{
          ...labels,
          effectiveTo: t('warranty.policies.effectiveTo'),
          categoryCode: t('warranty.policies.category'),
        }}
      />
    </Modal>
  );
}
