import { useEffect } from 'react';
import { App, Button, Cascader, Flex, Form, InputNumber, Modal, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DispatchMode } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { regionPath, useRegions } from '../../customers/index.ts';
import { usePolicy, usePutPolicy } from '../api.ts';
import { DISPATCH_MODES } from '../vocab.ts';

interface Values {
  acceptanceMinutes: number;
  defaultMode: DispatchMode;
  regions: { region?: string[]; mode: DispatchMode }[];
}

/** The dispatch policy: time to accept and the mode per region (audited on the server). */
export function PolicyModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const policy = usePolicy(open);
  const put = usePutPolicy();
  const regions = useRegions();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!open || !policy.data) return;
    const v = policy.data.value;
    form.setFieldsValue({
      acceptanceMinutes: v.acceptanceMinutes,
      defaultMode: v.defaultMode,
      regions: Object.entries(v.regionModes).map(([code, mode]) => ({
        region: regionPath(code.replace(/(00)+$/, '')),
        mode,
      })),
    });
  }, [open, policy.data, form]);

  const save = async (v: Values) => {
    const regionModes: Record<string, DispatchMode> = {};
    for (const r of v.regions ?? []) {
      const code = r.region?.at(-1);
      if (code) regionModes[code.padEnd(6, '0')] = r.mode;
    }
    await put.mutateAsync({
      value: { acceptanceMinutes: v.acceptanceMinutes, defaultMode: v.defaultMode, regionModes },
      version: policy.data?.version ?? 0,
    });
    message.success(t('dispatch.policyForm.saved'));
    onClose();
  };

  const modeOptions = DISPATCH_MODES.map((m) => ({ value: m, label: t(`dispatch.modes.${m}`) }));
  return (
    <Modal
      open={open}
      title={t('dispatch.policyForm.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('dispatch.policyForm.save')}
      confirmLoading={put.isPending}
      okButtonProps={{ 'data-testid': 'dispatch-policy-save' } as never}
      destroyOnHidden
      width={560}
    >
      <ProblemAlert error={put.error ?? policy.error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={(v) => void save(v).catch(() => undefined)}>
        <Flex gap={16}>
          <Form.Item
            name="acceptanceMinutes"
            label={t('dispatch.policyForm.acceptanceMinutes')}
            rules={[{ required: true }]}
          >
            <InputNumber min={1} max={14400} data-testid="dispatch-policy-minutes" />
          </Form.Item>
          <Form.Item name="defaultMode" label={t('dispatch.policyForm.defaultMode')} style={{ flex: 1 }}>
            <Select options={modeOptions} />
          </Form.Item>
        </Flex>
        <Form.List name="regions">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Flex key={f.key} gap={8} align="baseline">
                  <Form.Item name={[f.name, 'region']} rules={[{ required: true }]} style={{ flex: 1 }}>
                    <Cascader
                      options={regions.data}
                      changeOnSelect
                      showSearch
                      placeholder={t('dispatch.policyForm.regionCode')}
                    />
                  </Form.Item>
                  <Form.Item name={[f.name, 'mode']} initialValue="auto" style={{ width: 140 }}>
                    <Select options={modeOptions} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(f.name)} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ mode: 'auto' })}>
                {t('dispatch.policyForm.addRegion')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
