import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { StaffingPlan } from '@anxin/contracts';
import { halfHourLabel } from '../format.ts';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Calls per interval (bars) and the agents on the phones and scheduled (steps). */
export function StaffingChart({ plan }: { plan: StaffingPlan }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current);
    const label = (i: number) => (plan.intervalMinutes === 30 ? halfHourLabel(i) : String(i + 1));
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: plan.intervals.map((i) => label(i.index)) },
      yAxis: [
        { type: 'value', minInterval: 1, name: t('callcenter.staffing.volume') },
        { type: 'value', minInterval: 1, name: t('callcenter.staffing.agents'), splitLine: { show: false } },
      ],
      series: [
        {
          name: t('callcenter.staffing.volume'),
          type: 'bar',
          data: plan.intervals.map((i) => i.volume),
          itemStyle: { color: '#91caff' },
          barMaxWidth: 16,
        },
        {
          name: t('callcenter.staffing.agents'),
          type: 'line',
          step: 'middle',
          yAxisIndex: 1,
          data: plan.intervals.map((i) => i.agents),
          itemStyle: { color: '#1677ff' },
        },
        {
          name: t('callcenter.staffing.scheduled'),
          type: 'line',
          step: 'middle',
          yAxisIndex: 1,
          data: plan.intervals.map((i) => i.scheduled),
          itemStyle: { color: '#fa8c16' },
        },
      ],
    });
    // The card's width changes without a window resize (a scroll bar appears, the menu folds).
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [plan, t]);
  return <div ref={el} style={{ width: '100%', height: 300 }} data-testid="callcenter-staffing-chart" />;
}
