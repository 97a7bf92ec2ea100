import { useEffect } from 'react';
import { App, AutoComplete, Button, Flex, Form, Input, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  DEPARTMENTS,
  RESPONSIBILITIES,
  type ComplaintDetail,
  type Department,
  type Responsibility,
} from '@anxin/contracts';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import {
  useComplaintPolicy,
  useOutletOptions,
  useResponsibleCandidates,
  useSaveInvestigation,
} from '../api.ts';

interface Values {
  rootCause?: string | null;
  responsibility?: Responsibility | null;
  responsibleDepartment?: Department | null;
  responsibleOutletId?: string | null;
  responsibleTechnicianId?: string | null;
  responsiblePerson?: string | null;
  causeIsAttitude: boolean;
  findings?: string | null;
}

/** Root cause, responsibility with the responsible party, attitude flag and findings. */
export function InvestigationForm({ d, editable }: { d: ComplaintDetail; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const [form] = Form.useForm<Values>();
  const save = useSaveInvestigation();
  const policy = useComplaintPolicy();
  const outlets = useOutletOptions(me.permissions.includes('outlet:read'));
  const c = d.complaint;
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN';
  const responsibility = Form.useWatch('responsibility', form);
  const chosenOutlet = Form.useWatch('responsibleOutletId', form);
  // The technicians of the outlet held responsible (else the complaint's own) for both pickers.
  const candidates = useResponsibleCandidates(
    c.id,
    chosenOutlet ?? c.responsibleOutlet?.id ?? c.outlet?.id,
    editable,
  );

  useEffect(() => {
    form.setFieldsValue({
      rootCause: c.rootCause,
      responsibility: c.responsibility,
      responsibleDepartment: c.responsibleDepartment,
      // Sensible defaults: the complaint's own outlet and technician.
      responsibleOutletId: c.responsibleOutlet?.id ?? c.outlet?.id ?? null,
      responsibleTechnicianId: c.responsibleTechnician?.id ?? c.technician?.id ?? null,
      responsiblePerson: c.responsiblePerson,
      causeIsAttitude: c.causeIsAttitude,
      findings: c.findings,
    });
  }, [c.id, c.version]);

  const outletOptions = new Map<string, string>();
  for (const o of outlets.data?.items ?? []) outletOptions.set(o.id, o.name);
  for (const o of [c.outlet, c.responsibleOutlet]) if (o) outletOptions.set(o.id, o.name);
  const techOptions = new Map<string, string>();
  for (const x of [c.technician, c.responsibleTechnician]) if (x) techOptions.set(x.id, x.name);
  for (const x of candidates.data?.technicians ?? []) techOptions.set(x.id, x.name);

  const submit = (v: Values) => {
    const r = v.responsibility ?? null;
    save.mutate(
      {
        id: c.id,
        body: {
          version: c.version,
          rootCause: v.rootCause ?? null,
          responsibility: r,
          // Only the party that goes with the responsibility is sent; the others are cleared.
          responsibleDepartment:
            r === 'product_quality' || r === 'logistics' || r === 'policy'
              ? (v.responsibleDepartment ?? null)
              : null,
          responsibleOutletId: r === 'outlet' ? (v.responsibleOutletId ?? null) : null,
          responsibleTechnicianId: r === 'technician' ? (v.responsibleTechnicianId ?? null) : null,
          responsiblePerson: v.responsiblePerson?.trim() || null,
          causeIsAttitude: v.causeIsAttitude,
          findings: v.findings?.trim() || null,
        },
      },
      {
        onSuccess: () => void message.success(t('complaints.detail.saved')),
        onError: (e) => applyFieldErrors(form, e),
      },
    );
  };

  return (
    <Form<Values> form={form} layout="vertical" onFinish={submit} disabled={!editable}>
      <Flex gap={12} wrap>
        <Form.Item name="rootCause" label={t('complaints.detail.rootCause')} style={{ flex: '1 1 200px' }}>
          <Select
            allowClear
            data-testid="cp-inv-root-cause"
            options={(policy.data?.policy.rootCauses ?? []).map((r) => ({
              value: r.code,
              label: r.label[lang],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="responsibility"
          label={t('complaints.detail.responsibility')}
          style={{ flex: '1 1 200px' }}
        >
          <Select
            allowClear
            data-testid="cp-inv-responsibility"
            options={RESPONSIBILITIES.map((r) => ({
              value: r,
              label: t(`complaints.responsibilities.${r}`),
            }))}
          />
        </Form.Item>
      </Flex>
      {(responsibility === 'product_quality' ||
        responsibility === 'logistics' ||
        responsibility === 'policy') && (
        <Form.Item
          name="responsibleDepartment"
          label={t('complaints.detail.department')}
          extra={responsibility === 'product_quality' ? t('complaints.detail.routedHint') : undefined}
        >
          <Select
            allowClear
            data-testid="cp-inv-department"
            options={DEPARTMENTS.map((x) => ({ value: x, label: t(`complaints.departments.${x}`) }))}
          />
        </Form.Item>
      )}
      {responsibility === 'outlet' && (
        <Form.Item name="responsibleOutletId" label={t('complaints.detail.responsibleOutlet')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="cp-inv-outlet"
            options={[...outletOptions].map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      )}
      {responsibility === 'technician' && (
        <Form.Item name="responsibleTechnicianId" label={t('complaints.detail.responsibleTechnician')}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={candidates.isFetching}
            data-testid="cp-inv-technician"
            options={[...techOptions].map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      )}
      <Flex gap={12} wrap align="end">
        <Form.Item
          name="responsiblePerson"
          label={t('complaints.detail.responsiblePerson')}
          style={{ flex: '1 1 200px' }}
        >
          {/* A person picker (the outlet's technicians) that also takes any other name typed in. */}
          <AutoComplete
            maxLength={100}
            allowClear
            data-testid="cp-inv-person"
            placeholder={t('complaints.detail.responsiblePersonHint')}
            options={[...new Set(techOptions.values())].map((name) => ({ value: name }))}
            filterOption={(input, o) => !!o?.value && String(o.value).includes(input)}
          />
        </Form.Item>
        <Form.Item name="causeIsAttitude" valuePropName="checked" label={t('complaints.detail.attitude')}>
          <Switch data-testid="cp-inv-attitude" />
        </Form.Item>
      </Flex>
      <Form.Item name="findings" label={t('complaints.detail.findings')}>
        <Input.TextArea rows={3} maxLength={4000} data-testid="cp-inv-findings" />
      </Form.Item>
      {/* Errors naming fields that are not shown (e.g. a department for another responsibility). */}
      {save.error && <ProblemAlert error={save.error} style={{ marginBottom: 12 }} />}
      {editable ? (
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="cp-inv-save">
          {t('complaints.detail.saveInvestigation')}
        </Button>
      ) : (
        c.responsibility && (
          <Typography.Text type="secondary">
            {t(`complaints.responsibilities.${c.responsibility}`)}
          </Typography.Text>
        )
      )}
    </Form>
  );
}
