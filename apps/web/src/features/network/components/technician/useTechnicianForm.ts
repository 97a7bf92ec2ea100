import { useEffect, useState } from 'react';
import { App, Form } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Technician } from '@anxin/contracts';
import { applyFieldErrors } from '../../../../components/fieldErrors.ts';
import { useCategories } from '../../../customers/index.ts';
import { fromHhmm, networkApi, toHhmm, useNetworkMutation, useOutlets } from '../../api.ts';

export interface ShiftRow {
  weekday: number;
  hours: [Dayjs, Dayjs];
  lunch?: [Dayjs, Dayjs] | null;
}
export interface FormValues {
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

export const hm = (m: number) => dayjs(`2000-01-01T${toHhmm(m)}:00`);
const toMin = (d: Dayjs) => fromHhmm(d.format('HH:mm'));
export const PROVINCES = [
  ['44', '广东省'],
  ['33', '浙江省'],
  ['51', '四川省'],
  ['11', '北京市'],
  ['31', '上海市'],
] as const;

export const defaultWeek = (): ShiftRow[] =>
  [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, hours: [hm(510), hm(1050)], lunch: [hm(720), hm(780)] }));

/**
 * The technician form's state: loads the technician (or a new one's defaults) into the form when
 * the drawer opens, and saves it with its version, putting the server's field errors at the fields.
 */
export function useTechnicianForm(tech: Technician | null, open: boolean, hq: boolean, onClose: () => void) {
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

  return { form, outlets, error, save, submit, catOptions };
}
