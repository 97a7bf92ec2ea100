import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { LeftOutlined, RightOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { isApiError } from '../../../api/client.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import { useSession } from '../../auth/index.ts';
import { bj } from '../../workorders/index.ts';
import {
  useCoverage,
  useHours,
  useProvisionalYears,
  useSetProvisionalYears,
  useYear,
  type CalendarDay,
} from '../api.ts';
import { DAY_KINDS, YearGrid, kindOf } from '../components/YearGrid.tsx';
import { HoursEditor } from '../components/HoursEditor.tsx';
import { OverrideModal } from '../components/OverrideModal.tsx';

/** Holidays and make-up days of a year, grouped into runs by name, for the side list. */
function holidayRuns(days: CalendarDay[]) {
  const runs: { name: string; kind: string; from: string; to: string; count: number }[] = [];
  for (const d of days) {
    const kind = kindOf(d);
    if (!d.name || kind === 'workday' || kind === 'weekend') continue;
    const last = runs[runs.length - 1];
    if (last && last.name === d.name && last.kind === kind && dayjs(d.date).diff(last.to, 'day') === 1) {
      last.to = d.date;
      last.count++;
    } else runs.push({ name: d.name, kind, from: d.date, to: d.date, count: 1 });
  }
  return runs;
}

/** 工作日历: the China statutory calendar plus this company's overrides and business hours. */
export default function CalendarPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useSession();
  const canManage = me.permissions.includes('calendar:manage');
  const thisYear = dayjs().year();
  const [year, setYear] = useState(thisYear);
  const [picked, setPicked] = useState<CalendarDay | null>(null);
  const coverage = useCoverage();
  const yearView = useYear(year);
  const hours = useHours();
  const provisional = useProvisionalYears();
  const setProvisional = useSetProvisionalYears();

  const years = useMemo(() => {
    const set = new Set<number>([
      thisYear - 1,
      thisYear,
      thisYear + 1,
      ...(coverage.data?.years ?? []).filter((y) => y >= thisYear - 3),
    ]);
    return [...set].sort((a, b) => a - b);
  }, [coverage.data, thisYear]);
  const runs = useMemo(() => holidayRuns(yearView.data?.days ?? []), [yearView.data]);
  const missingYear = isApiError(yearView.error) && yearView.error.code === 'calendar.no_data_for_year';
  const warning = coverage.data?.warning;
  const provisionalYears = provisional.data?.value ?? [];

  const toggleProvisional = async (y: number, on: boolean) => {
    if (!provisional.data) return;
    const next = on ? [...new Set([...provisionalYears, y])].sort() : provisionalYears.filter((x) => x !== y);
    await setProvisional.mutateAsync({ years: next, version: provisional.data.version }).then(
      () =>
        message.success(
          on
            ? t('calendar.provisional.enabled', { year: y })
            : t('calendar.provisional.disabled', { year: y }),
        ),
      () => undefined,
    );
  };

  const enableButton = (y: number) =>
    canManage ? (
      <Button
        size="small"
        type="primary"
        loading={setProvisional.isPending}
        onClick={() => toggleProvisional(y, true)}
        data-testid="calendar-enable-provisional"
      >
        {t('calendar.provisional.enable', { year: y })}
      </Button>
    ) : null;

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('nav.calendar')}
        description={t('calendar.subtitle')}
        extra={
          <Space.Compact>
            <Button
              icon={<LeftOutlined />}
              aria-label={t('calendar.prevYear')}
              onClick={() => setYear(year - 1)}
              data-testid="calendar-prev-year"
            />
            <Select
              value={year}
              onChange={setYear}
              style={{ width: 110 }}
              options={years.map((y) => ({ value: y, label: t('calendar.yearLabel', { year: y }) }))}
              data-testid="calendar-year-select"
              aria-label={t('calendar.year')}
            />
            <Button
              icon={<RightOutlined />}
              aria-label={t('calendar.nextYear')}
              onClick={() => setYear(year + 1)}
              data-testid="calendar-next-year"
            />
          </Space.Compact>
        }
      />
      {warning && !provisionalYears.includes(warning.year) && (
        <Alert
          type="warning"
          showIcon
          data-testid="calendar-coverage-warning"
          title={t('calendar.coverage.missingTitle', { year: warning.year })}
          description={t('calendar.coverage.missingBody', { year: warning.year })}
          action={enableButton(warning.year)}
        />
      )}
      {provisionalYears.length > 0 && (
        <Alert
          type="info"
          showIcon
          data-testid="calendar-provisional-info"
          title={t('calendar.provisional.activeTitle')}
          description={
            <Space wrap>
              {t('calendar.provisional.activeBody')}
              {provisionalYears.map((y) => (
                <Tag
                  key={y}
                  closable={canManage}
                  onClose={(e) => {
                    e.preventDefault();
                    void toggleProvisional(y, false);
                  }}
                  color="gold"
                >
                  {t('calendar.yearLabel', { year: y })}
                </Tag>
              ))}
            </Space>
          }
        />
      )}
      <ProblemAlert error={setProvisional.error} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={18}>
          <Card
            title={
              <Space wrap>
                {t('calendar.yearLabel', { year })}
                {yearView.data?.days.some((d) => d.provisional) && (
                  <Tag color="gold">{t('calendar.provisional.tag')}</Tag>
                )}
              </Space>
            }
            extra={
              yearView.data && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('calendar.dataVersion', { version: yearView.data.version })}
                </Typography.Text>
              )
            }
          >
            <Flex wrap gap={12} className="anxin-cal-legend" style={{ marginBottom: 12 }}>
              {DAY_KINDS.map((k) => (
                <span key={k} className="anxin-cal-legend__item">
                  <span className={`anxin-cal-swatch anxin-cal-day--${k}`} aria-hidden="true" />
                  {t(`calendar.kinds.${k}`)}
                </span>
              ))}
            </Flex>
            {yearView.isPending ? (
              <Skeleton active paragraph={{ rows: 10 }} />
            ) : missingYear ? (
              <Result
                icon={<WarningOutlined style={{ color: 'var(--ant-color-warning)' }} />}
                title={t('calendar.coverage.noDataTitle', { year })}
                subTitle={t('calendar.coverage.noDataBody', { year })}
                extra={enableButton(year)}
                data-testid="calendar-no-data"
              />
            ) : yearView.error ? (
              <ProblemAlert error={yearView.error} />
            ) : (
              <>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
                  {canManage ? t('calendar.clickHint') : t('calendar.readOnlyHint')}
                </Typography.Paragraph>
                <YearGrid
                  year={year}
                  days={yearView.data.days}
                  today={bj(new Date().toISOString()).format('YYYY-MM-DD')}
                  onPick={setPicked}
                />
              </>
            )}
          </Card>
        </Col>
        <Col xs={24} xl={6}>
          <Card title={t('calendar.holidays')} size="small" data-testid="calendar-holiday-list">
            {runs.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.noHolidays')} />
            ) : (
              <ul className="anxin-cal-runs">
                {runs.map((r) => (
                  <li key={`${r.from}-${r.kind}`}>
                    <span className={`anxin-cal-swatch anxin-cal-day--${r.kind}`} aria-hidden="true" />
                    <span className="anxin-cal-runs__name">{r.name}</span>
                    <Typography.Text type="secondary" className="anxin-cal-runs__dates">
                      {r.count > 1
                        ? t('calendar.runRange', {
                            from: dayjs(r.from).format(t('calendar.shortDate')),
                            to: dayjs(r.to).format(t('calendar.shortDate')),
                            count: r.count,
                          })
                        : dayjs(r.from).format(t('calendar.shortDate'))}
                      {' · '}
                      {t(`calendar.kinds.${r.kind as 'holiday'}`)}
                    </Typography.Text>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
      </Row>
      {hours.data ? (
        <HoursEditor hours={hours.data} canManage={canManage} />
      ) : hours.error ? (
        <ProblemAlert error={hours.error} />
      ) : (
        <Skeleton active />
      )}
      <OverrideModal day={picked} canManage={canManage} onClose={() => setPicked(null)} />
    </Flex>
  );
}
