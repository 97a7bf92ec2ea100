import { useEffect } from 'react';
import { App, DatePicker, Form, Modal, Radio, Select, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ROLES, type CreateAssignment, type Role } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useAssign, useCourses, useLearners } from '../api.ts';

interface Values {
  seriesId: string;
  kind: 'role' | 'outlet' | 'technician';
  role?: Role;
  outletId?: string;
  technicianIds?: string[];
  dueOn: Dayjs;
}

/** Assigns a published course to a role, an outlet or named technicians, due on a date. */
export function AssignDialog({
  seriesId,
  open,
  onClose,
}: {
  seriesId: string | null;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const courses = useCourses('published');
  const learners = useLearners(open);
  const assign = useAssign();
  const kind = Form.useWatch('kind', form);
  useEffect(() => {
    if (open) {
      assign.reset();
      form.setFieldsValue({ seriesId: seriesId ?? undefined, kind: 'outlet', dueOn: dayjs().add(14, 'day') });
    }
  }, [open, seriesId]);
  const outlets = new Map<string, string>();
  for (const l of learners.data?.items ?? [])
    if (l.outletId) outlets.set(l.outletId, l.outletName ?? l.outletId);

  const submit = async (v: Values) => {
    const target: CreateAssignment['target'] =
      v.kind === 'role'
        ? { kind: 'role', role: v.role! }
        : v.kind === 'outlet'
          ? { kind: 'outlet', outletId: v.outletId! }
          : { kind: 'technician', technicianIds: v.technicianIds ?? [] };
    try {
      const out = await assign.mutateAsync({
        seriesId: v.seriesId,
        target,
        dueOn: v.dueOn.format('YYYY-MM-DD'),
      });
      message.success(
        t('training.assign.done', { count: out.items.reduce((n, a) => n + a.technicianCount, 0) }),
      );
      onClose();
    } catch (err) {
      applyFieldErrors(form, err, {
        'target.role': 'role',
        'target.outletId': 'outletId',
        'target.technicianIds': 'technicianIds',
      });
    }
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('training.assign.title')}
      okText={t('training.assign.submit')}
      onOk={() => form.submit()}
      confirmLoading={assign.isPending}
      okButtonProps={{ 'data-testid': 'assign-submit' } as ButtonProps}
      destroyOnHidden
    >
      <ProblemAlert error={assign.error} style={{ marginBottom: 12 }} />
      <Form form={form} layout="vertical" onFinish={submit} data-testid="assign-form">
        <Form.Item name="seriesId" label={t('training.assign.course')} rules={[{ required: true }]}>
          <Select
            showSearch
            optionFilterProp="label"
            options={(courses.data?.items ?? []).map((c) => ({ value: c.seriesId, label: c.title }))}
            data-testid="assign-course"
          />
        </Form.Item>
        <Form.Item name="kind">
          <Radio.Group
            optionType="button"
            options={(['role', 'outlet', 'technician'] as const).map((k) => ({
              value: k,
              label: t(`training.assign.targetKind.${k}`),
            }))}
          />
        </Form.Item>
        {kind === 'role' && (
          <Form.Item name="role" label={t('training.assign.role')} rules={[{ required: true }]}>
            <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
        )}
        {kind === 'outlet' && (
          <Form.Item name="outletId" label={t('training.assign.outlet')} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={[...outlets].map(([value, label]) => ({ value, label }))}
              data-testid="assign-outlet"
            />
          </Form.Item>
        )}
        {kind === 'technician' && (
          <Form.Item
            name="technicianIds"
            label={t('training.assign.technicians')}
            rules={[{ required: true }]}
          >
            <Select
              mode="multiple"
              showSearch
              optionFilterProp="label"
              options={(learners.data?.items ?? []).map((l) => ({
                value: l.id,
                label: l.outletName ? `${l.name} · ${l.outletName}` : l.name,
              }))}
              data-testid="assign-technicians"
            />
          </Form.Item>
        )}
        <Form.Item name="dueOn" label={t('training.assign.dueOn')} rules={[{ required: true }]}>
          <DatePicker disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
