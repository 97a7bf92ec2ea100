import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { CallFigures } from '@anxin/contracts';

use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Answered and abandoned calls per day or half hour (stacked) with the service level as a line. */
export function FiguresChart({ figures }: { figures: CallFigures }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current);
    const s = figures.series;
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: s.map((r) => (figures.interval === 'day' ? r.key.slice(5) : r.key)) },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('callcenter.kpi.answered'),
          type: 'bar',
          stack: 'calls',
          data: s.map((r) => r.answered),
          itemStyle: { color: '#1677ff' },
          barMaxWidth: 22,
        },
        {
          name: t('callcenter.kpi.abandoned'),
          type: 'bar',
          stack: 'calls',
          data: s.map((r) => r.abandoned),
          itemStyle: { color: '#faad14' },
          barMaxWidth: 22,
        },
        {
          name: t('callcenter.kpi.serviceLevelShort'),
          type: 'line',
          yAxisIndex: 1,
          smooth: true,
          data: s.map((r) => (r.serviceLevel === null ? null : Math.round(r.serviceLevel * 1000) / 10)),
          itemStyle: { color: '#16a34a' },
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
  }, [figures, t]);
  return <div ref={el} style={{ width: '100%', height: 300 }} data-testid="callcenter-chart" />;
}
