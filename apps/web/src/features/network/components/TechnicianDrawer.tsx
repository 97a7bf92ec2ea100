import { useEffect, useState } from 'react';
import {
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Switch,
  Tabs,
  Tag,
  TimePicker,
  Typography,
} from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Technician } from '@anxin/contracts';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { applyFieldErrors } from '../../../components/fieldErrors.ts';
import { useCategories } from '../../customers/index.ts';
import {
  fromHhmm,
  networkApi,
  toHhmm,
  useLeave,
  useNetworkMutation,
  useOutlets,
  useRota,
  WEEKDAYS,
} from '../api.ts';
import { CertTag } from './bits.tsx';

interface ShiftRow {
  weekday: number;
  hours: [Dayjs, Dayjs];
  lunch?: [Dayjs, Dayjs] | null;
}
interface FormValues {
  name: string;
  phone: string | null;
  outletId: string | null;
  tier: number;
  provinceCode: string | null;
  active: boolean;
  startLat: number | null;
  startLng: number | null;
  skills: Array<{ categoryCode: string; level: number }>;
  certifications: Array<{
    id?: string;
    name: string;
    number: string | null;
    categoryCode: string | null;
    issuedOn: Dayjs;
    expiresOn: Dayjs | null;
  }>;
  shifts: ShiftRow[];
}

const hm = (m: number) => dayjs(`2000-01-01T${toHhmm(m)}:00`);
const toMin = (d: Dayjs) => fromHhmm(d.format('HH:mm'));
const PROVINCES = [
  ['44', '广东省'],
  ['33', '浙江省'],
  ['51', '四川省'],
  ['11', '北京市'],
  ['31', '上海市'],
] as const;

export const defaultWeek = (): ShiftRow[] =>
  [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, hours: [hm(510), hm(1050)], lunch: [hm(720), hm(780)] }));

/** Create or edit a technician: profile, skills, certifications, weekly shifts; leave and rota tab. */
export function TechnicianDrawer({
  tech,
  open,
  hq,
  canPickOutlet,
  onClose,
}: {
  tech: Technician | null;
  open: boolean;
  hq: boolean;
  canPickOutlet: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const categories = useCategories();
  const outlets = useOutlets({ status: 'active' });
  const [error, setError] = useState<unknown>(null);
  const save = useNetworkMutation((body: Record<string, unknown>) =>
    tech
      ? networkApi.updateTechnician(tech.id, { ...body, version: tech.version })
      : networkApi.createTechnician(body),
  );
  const catOptions = (categories.data?.items ?? []).map((c) => ({ value: c.code, label: c.nameZh }));

  useEffect(() => {
    if (!open) return;
    setError(null);
    form.resetFields();
    if (tech)
      form.setFieldsValue({
        ...tech,
        certifications: tech.certifications.map((c) => ({
          ...c,
          issuedOn: dayjs(c.issuedOn),
          expiresOn: c.expiresOn ? dayjs(c.expiresOn) : null,
        })),
        shifts: tech.shifts.map((s) => ({
          weekday: s.weekday,
          hours: [hm(s.startMinute), hm(s.endMinute)],
          lunch:
            s.breakStartMinute !== null && s.breakEndMinute !== null
              ? [hm(s.breakStartMinute), hm(s.breakEndMinute)]
              : null,
        })),
      });
    else
      form.setFieldsValue({
        tier: hq ? 3 : 1,
        active: true,
        skills: [],
        certifications: [],
        shifts: defaultWeek(),
        outletId: hq ? null : outlets.data?.items.length === 1 ? outlets.data.items[0]!.id : null,
      });
  }, [open, tech, hq, form, outlets.data]);

  const submit = async (v: FormValues) => {
    setError(null);
    const body = {
      name: v.name,
      phone: v.phone || null,
      outletId: hq ? null : v.outletId,
      tier: v.tier,
      provinceCode: v.provinceCode ?? null,
      active: v.active,
      startLat: v.startLat ?? null,
      startLng: v.startLng ?? null,
      skills: v.skills ?? [],
      certifications: (v.certifications ?? []).map((c) => ({
        ...(c.id ? { id: c.id } : {}),
        name: c.name,
        number: c.number || null,
        categoryCode: c.categoryCode ?? null,
        issuedOn: c.issuedOn.format('YYYY-MM-DD'),
        expiresOn: c.expiresOn ? c.expiresOn.format('YYYY-MM-DD') : null,
      })),
      shifts: (v.shifts ?? []).map((s) => ({
        weekday: s.weekday,
        startMinute: toMin(s.hours[0]),
        endMinute: toMin(s.hours[1]),
        breakStartMinute: s.lunch ? toMin(s.lunch[0]) : null,
        breakEndMinute: s.lunch ? toMin(s.lunch[1]) : null,
      })),
    };
    try {
      await save.mutateAsync(body);
      message.success(t('network.outlets.saved'));
      onClose();
    } catch (e) {
      const { unmatched } = applyFieldErrors(form, e);
      if (unmatched || !(e as { errors?: unknown[] }).errors?.length) setError(e);
    }
  };

  const profile = (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="technician-form">
      <ProblemAlert error={error} style={{ marginBottom: 12 }} />
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name="name"
            label={t('network.technicians.name')}
            rules={[{ required: true, message: t('network.common.required') }]}
          >
            <Input autoFocus data-testid="technician-name" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="phone" label={t('network.technicians.phone')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item name="active" label={t('network.technicians.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Col>
        {!hq && (
          <Col span={12}>
            <Form.Item
              name="outletId"
              label={t('network.technicians.outlet')}
              rules={[{ required: true, message: t('network.common.required') }]}
            >
              <Select
                disabled={!canPickOutlet && !!tech}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="technician-outlet"
                options={(outlets.data?.items ?? []).map((o) => ({
                  value: o.id,
                  label: `${o.code} ${o.name}`,
                }))}
              />
            </Form.Item>
          </Col>
        )}
        <Col span={hq ? 8 : 6}>
          <Form.Item name="tier" label={t('network.technicians.tier')}>
            <Select
              data-testid="technician-tier"
              options={(hq ? [3, 4] : [1, 2]).map((n) => ({
                value: n,
                label: t(`network.tiers.${n}` as 'network.tiers.1'),
              }))}
            />
          </Form.Item>
        </Col>
        {hq && (
          <Col span={8}>
            <Form.Item name="provinceCode" label={t('network.technicians.province')}>
              <Select
                allowClear
                options={PROVINCES.map(([value, label]) => ({ value, label }))}
                data-testid="technician-province"
              />
            </Form.Item>
          </Col>
        )}
        <Col span={hq ? 8 : 6}>
          <Form.Item label={t('network.technicians.startLocation')}>
            <Space.Compact>
              <Form.Item name="startLat" noStyle>
                <InputNumber min={-90} max={90} step={0.001} placeholder="lat" />
              </Form.Item>
              <Form.Item name="startLng" noStyle>
                <InputNumber min={-180} max={180} step={0.001} placeholder="lng" />
              </Form.Item>
            </Space.Compact>
          </Form.Item>
        </Col>
      </Row>
      <Typography.Title level={5}>{t('network.technicians.skills')}</Typography.Title>
      <Form.List name="skills">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline">
                <Form.Item
                  name={[f.name, 'categoryCode']}
                  rules={[{ required: true, message: t('network.common.required') }]}
                >
                  <Select
                    style={{ width: 180 }}
                    options={catOptions}
                    placeholder={t('network.technicians.category')}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'level']} initialValue={3}>
                  <Select
                    style={{ width: 100 }}
                    options={[1, 2, 3, 4, 5].map((n) => ({ value: n, label: `L${n}` }))}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(f.name)}
                  aria-label={t('network.common.remove')}
                />
              </Space>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ level: 3 })}
              data-testid="technician-add-skill"
              style={{ marginBottom: 16 }}
            >
              {t('network.common.add')}
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Title level={5}>{t('network.technicians.certifications')}</Typography.Title>
      <Form.List name="certifications">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap>
                <Form.Item
                  name={[f.name, 'name']}
                  rules={[{ required: true, message: t('network.common.required') }]}
                >
                  <Input placeholder={t('network.technicians.certName')} style={{ width: 170 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'number']}>
                  <Input placeholder={t('network.technicians.certNumber')} style={{ width: 140 }} />
                </Form.Item>
                <Form.Item name={[f.name, 'categoryCode']}>
                  <Select
                    allowClear
                    style={{ width: 120 }}
                    options={catOptions}
                    placeholder={t('network.technicians.category')}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'issuedOn']}
                  rules={[{ required: true, message: t('network.common.required') }]}
                >
                  <DatePicker placeholder={t('network.technicians.issuedOn')} />
                </Form.Item>
                <Form.Item name={[f.name, 'expiresOn']}>
                  <DatePicker placeholder={t('network.technicians.expiresOn')} />
                </Form.Item>
                {tech?.certifications[f.name] && <CertTag status={tech.certifications[f.name]!.status} />}
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(f.name)}
                  aria-label={t('network.common.remove')}
                />
              </Space>
            ))}
            <Button icon={<PlusOutlined />} onClick={() => add()} style={{ marginBottom: 16 }}>
              {t('network.common.add')}
            </Button>
          </>
        )}
      </Form.List>
      <Typography.Title level={5}>{t('network.technicians.shifts')}</Typography.Title>
      <Form.List name="shifts">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Space key={f.key} align="baseline" wrap data-testid={`shift-row-${f.name}`}>
                <Form.Item
                  name={[f.name, 'weekday']}
                  rules={[{ required: true, message: t('network.common.required') }]}
                >
                  <Select
                    style={{ width: 90 }}
                    options={WEEKDAYS.map((d) => ({
                      value: d,
                      label: t(`network.weekdays.${d}` as 'network.weekdays.1'),
                    }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[f.name, 'hours']}
                  rules={[{ required: true, message: t('network.common.required') }]}
                >
                  <TimePicker.RangePicker
                    format="HH:mm"
                    minuteStep={15}
                    placeholder={[t('network.technicians.shiftTime'), '']}
                  />
                </Form.Item>
                <Form.Item name={[f.name, 'lunch']}>
                  <TimePicker.RangePicker
                    format="HH:mm"
                    minuteStep={15}
                    placeholder={[t('network.technicians.breakTime'), '']}
                  />
                </Form.Item>
                <Button
                  type="text"
                  icon={<DeleteOutlined />}
                  onClick={() => remove(f.name)}
                  aria-label={t('network.common.remove')}
                />
              </Space>
            ))}
            <Space>
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  const used = new Set(
                    (form.getFieldValue('shifts') as ShiftRow[] | undefined)?.map((s) => s.weekday),
                  );
                  const next = WEEKDAYS.find((d) => !used.has(d));
                  if (next) add({ weekday: next, hours: [hm(510), hm(1050)], lunch: [hm(720), hm(780)] });
                }}
              >
                {t('network.technicians.addShift')}
              </Button>
              <Button
                onClick={() => form.setFieldValue('shifts', defaultWeek())}
                data-testid="technician-default-week"
              >
                {t('network.technicians.defaultWeek')}
              </Button>
            </Space>
          </>
        )}
      </Form.List>
    </Form>
  );

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      destroyOnHidden
      title={tech ? t('network.technicians.editTitle', { name: tech.name }) : t('network.technicians.create')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('network.common.cancel')}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => form.submit()}
            data-testid="technician-save"
          >
            {t('network.common.save')}
          </Button>
        </Space>
      }
    >
      <Tabs
        items={[
          { key: 'profile', label: t('network.technicians.profile'), children: profile, forceRender: true },
          {
            key: 'calendar',
            label: t('network.technicians.calendarTab'),
            children: tech ? (
              <LeaveAndRota tech={tech} />
            ) : (
              <Typography.Text type="secondary">{t('network.technicians.saveFirst')}</Typography.Text>
            ),
          },
        ]}
      />
    </Drawer>
  );
}

function LeaveAndRota({ tech }: { tech: Technician }) {
  const { t } = useTranslation();
  const from = dayjs().subtract(30, 'day').startOf('day');
  const to = dayjs().add(120, 'day').startOf('day');
  const leave = useLeave(tech.id, from.toISOString(), to.toISOString());
  const rota = useRota(tech.id, from.format('YYYY-MM-DD'), to.format('YYYY-MM-DD'));
  const [error, setError] = useState<unknown>(null);
  const [leaveForm] = Form.useForm<{ period: [Dayjs, Dayjs]; kind: string; note?: string }>();
  const [rotaForm] = Form.useForm<{ date: Dayjs; kind: 'duty' | 'off' }>();
  const addLeave = useNetworkMutation((body: unknown) => networkApi.addLeave(tech.id, body));
  const removeLeave = useNetworkMutation((leaveId: string) => networkApi.removeLeave(tech.id, leaveId));
  const putRota = useNetworkMutation((v: { date: string; kind: 'duty' | 'off' }) =>
    networkApi.putRota(tech.id, v.date, v.kind),
  );
  const clearRota = useNetworkMutation((date: string) => networkApi.clearRota(tech.id, date));
  const run = async (p: Promise<unknown>) => {
    setError(null);
    try {
      await p;
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="large">
      <ProblemAlert error={error} />
      <div>
        <Typography.Title level={5}>{t('network.technicians.leave')}</Typography.Title>
        <Form
          form={leaveForm}
          layout="inline"
          initialValues={{ kind: 'leave' }}
          onFinish={async (v) => {
            const ok = await run(
              addLeave.mutateAsync({
                startAt: v.period[0].toISOString(),
                endAt: v.period[1].toISOString(),
                kind: v.kind,
                note: v.note || null,
              }),
            );
            if (ok) leaveForm.resetFields();
          }}
          data-testid="leave-form"
        >
          <Form.Item name="period" rules={[{ required: true, message: t('network.common.required') }]}>
            <DatePicker.RangePicker
              showTime={{ format: 'HH:mm', minuteStep: 30 }}
              format="YYYY-MM-DD HH:mm"
              data-testid="leave-period"
            />
          </Form.Item>
          <Form.Item name="kind">
            <Select
              style={{ width: 120 }}
              options={(['leave', 'sick', 'training', 'other'] as const).map((k) => ({
                value: k,
                label: t(`network.leaveKinds.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="note">
            <Input placeholder={t('network.technicians.note')} style={{ width: 140 }} />
          </Form.Item>
          <Button htmlType="submit" type="primary" loading={addLeave.isPending} data-testid="leave-add">
            {t('network.technicians.addLeave')}
          </Button>
        </Form>
        <List
          size="small"
          data-testid="leave-list"
          dataSource={leave.data?.items ?? []}
          renderItem={(l) => (
            <List.Item
              actions={[
                <Button
                  key="rm"
                  type="link"
                  danger
                  size="small"
                  onClick={() => void run(removeLeave.mutateAsync(l.id))}
                >
                  {t('network.common.remove')}
                </Button>,
              ]}
            >
              <Space>
                <Tag>{t(`network.leaveKinds.${l.kind}`)}</Tag>
                {dayjs(l.startAt).format('YYYY-MM-DD HH:mm')} – {dayjs(l.endAt).format('YYYY-MM-DD HH:mm')}
                {l.note && <Typography.Text type="secondary">{l.note}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      </div>
      <div>
        <Typography.Title level={5}>{t('network.technicians.rota')}</Typography.Title>
        <Form
          form={rotaForm}
          layout="inline"
          initialValues={{ kind: 'duty' }}
          onFinish={async (v) => {
            const ok = await run(putRota.mutateAsync({ date: v.date.format('YYYY-MM-DD'), kind: v.kind }));
            if (ok) rotaForm.resetFields();
          }}
        >
          <Form.Item name="date" rules={[{ required: true, message: t('network.common.required') }]}>
            <DatePicker placeholder={t('network.technicians.rotaDate')} data-testid="rota-date" />
          </Form.Item>
          <Form.Item name="kind">
            <Select
              style={{ width: 110 }}
              options={(['duty', 'off'] as const).map((k) => ({
                value: k,
                label: t(`network.rotaKinds.${k}`),
              }))}
            />
          </Form.Item>
          <Button htmlType="submit" data-testid="rota-add">
            {t('network.technicians.addRota')}
          </Button>
        </Form>
        <Space wrap style={{ marginTop: 8 }} data-testid="rota-list">
          {(rota.data?.items ?? []).map((r) => (
            <Tag
              key={r.date}
              color={r.kind === 'duty' ? 'blue' : 'default'}
              closable
              onClose={(e) => {
                e.preventDefault();
                void run(clearRota.mutateAsync(r.date));
              }}
            >
              {r.date} {t(`network.rotaKinds.${r.kind}`)}
            </Tag>
          ))}
        </Space>
      </div>
    </Space>
  );
}
