import { Button, DatePicker, Form, Input, Select, Space, TimePicker, type FormInstance } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Technician } from '@anxin/contracts';
import { WEEKDAYS } from '../../api.ts';
import { CertTag } from '../bits.tsx';
import { defaultWeek, hm, type FormValues, type ShiftRow } from './useTechnicianForm.ts';

type Options = { value: string; label: string }[];

/** Skills as rows: category and level. */
export function SkillRows({ catOptions }: { catOptions: Options }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** Certificates as rows, each with its expiry status once saved. */
export function CertificationRows({ tech, catOptions }: { tech: Technician | null; catOptions: Options }) {
  const { t } = useTranslation();
  return (
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
  );
}

/** The weekly shifts: a row per weekday with working hours and a break. */
export function ShiftRows({ form }: { form: FormInstance<FormValues> }) {
  const { t } = useTranslation();
  return (
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
  );
}
