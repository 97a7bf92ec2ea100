import { useState } from 'react';
import { Cascader, DatePicker, InputNumber, Select, Space, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { regionPath, useRegions } from '../../customers/index.ts';

/** What Form.Item hands its input (plus the id it puts on it). */
interface Control<T> {
  id?: string;
  value?: T;
  onChange?: (v: T | null) => void;
  disabled?: boolean;
  'aria-label'?: string;
}

/** One region code, picked and shown by name (any level, or districts only). */
export function RegionInput({ value, onChange, leafOnly, ...rest }: Control<string> & { leafOnly: boolean }) {
  const regions = useRegions();
  const { t } = useTranslation();
  return (
    <Cascader
      {...rest}
      options={regions.data}
      loading={regions.isPending}
      changeOnSelect={!leafOnly}
      showSearch
      placeholder={t('settings.editor.pickRegion')}
      style={{ minWidth: 240 }}
      value={value ? regionPath(value) : undefined}
      onChange={(path) => onChange?.(path?.length ? String(path.at(-1)) : null)}
    />
  );
}

/** A list of region codes as one multiple picker: the regions are shown as named tags. */
export function RegionListInput({
  value,
  onChange,
  leafOnly,
  ...rest
}: Control<string[]> & { leafOnly: boolean }) {
  const regions = useRegions();
  const { t } = useTranslation();
  return (
    <Cascader
      {...rest}
      multiple
      options={regions.data}
      loading={regions.isPending}
      showSearch
      changeOnSelect={!leafOnly}
      // Picking a city of a districts-only list picks its districts.
      showCheckedStrategy={leafOnly ? Cascader.SHOW_CHILD : Cascader.SHOW_PARENT}
      maxTagCount="responsive"
      placeholder={t('settings.editor.pickRegions')}
      style={{ width: '100%' }}
      value={(value ?? []).map(regionPath)}
      onChange={(paths) => onChange?.((paths ?? []).map((p) => String(p.at(-1))))}
    />
  );
}

const pad = (n: number) => String(n).padStart(2, '0');
const dayAt = (hhmm: string): Dayjs => dayjs(`2000-01-01T${hhmm}:00`);

/** A time of day held as `HH:MM` text. */
export function TimeInput({ value, onChange, ...rest }: Control<string>) {
  return (
    <TimePicker
      {...rest}
      format="HH:mm"
      needConfirm={false}
      value={value ? dayAt(value) : null}
      onChange={(d) => onChange?.(d ? d.format('HH:mm') : null)}
    />
  );
}

/** A minute of the day (0–1440) typed and shown as HH:MM; 1440 is the end of the day, 24:00. */
export function ClockInput({ value, onChange, ...rest }: Control<number> & { min?: number; max?: number }) {
  return (
    <InputNumber<number>
      {...rest}
      value={value}
      onChange={(v) => onChange?.(v)}
      step={15}
      style={{ width: 120 }}
      formatter={(v) =>
        v === undefined || String(v) === '' ? '' : `${pad(Math.floor(Number(v) / 60))}:${pad(Number(v) % 60)}`
      }
      parser={(text) => {
        const m = /^\s*(\d{1,2})(?::(\d{1,2}))?\s*$/.exec(text ?? '');
        return m ? Number(m[1]) * 60 + Number(m[2] ?? 0) : NaN;
      }}
    />
  );
}

const UNITS = { seconds: { s: 1, min: 60, h: 3600 }, minutes: { min: 1, h: 60 } } as const;
type Unit = 's' | 'min' | 'h';

/** The largest unit the amount is a whole number of. */
function unitOf(base: 'seconds' | 'minutes', value: number | undefined): Unit {
  const units = Object.entries(UNITS[base]) as [Unit, number][];
  const fit = units.filter(([, f]) => value && value % f === 0).at(-1);
  return (fit ?? units[0]!)[0];
}

/** An amount of time stored in minutes or seconds, typed in the unit the user picks. */
export function DurationInput({
  value,
  onChange,
  base,
  min,
  max,
  ...rest
}: Control<number> & { base: 'seconds' | 'minutes'; min?: number; max?: number }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<Unit>(() => unitOf(base, value));
  const factor = (UNITS[base] as Record<Unit, number>)[unit];
  const units = Object.keys(UNITS[base]) as Unit[];
  return (
    <Space.Compact>
      <InputNumber<number>
        {...rest}
        value={value === undefined || value === null ? null : Math.round((value / factor) * 100) / 100}
        onChange={(v) => onChange?.(v === null ? null : Math.round(v * factor))}
        min={min !== undefined ? min / factor : undefined}
        max={max !== undefined ? max / factor : undefined}
        precision={factor === 1 ? 0 : undefined}
        style={{ width: 140 }}
      />
      <Select<Unit>
        value={unit}
        onChange={setUnit}
        disabled={rest.disabled}
        aria-label={t('settings.editor.unit')}
        style={{ width: 96 }}
        options={units.map((u) => ({ value: u, label: t(`settings.editor.units.${u}`) }))}
      />
    </Space.Compact>
  );
}

/** A business date held as `YYYY-MM-DD` text. */
export function DateInput({ value, onChange, ...rest }: Control<string>) {
  return (
    <DatePicker
      {...rest}
      value={value ? dayjs(value) : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : null)}
    />
  );
}
