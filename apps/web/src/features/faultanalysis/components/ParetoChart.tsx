import { useEffect, useRef } from 'react';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { FaultAnalysis } from '@anxin/contracts';
import { nameOf } from '../format.ts';

use([
  BarChart,
  LineChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** Failures per key as bars (the vital few in red) with the cumulative share as a line. */
export function ParetoChart({ data }: { data: FaultAnalysis }) {
  const { t, i18n } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current);
    const items = data.pareto.slice(0, 20);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 56, top: 36, bottom: 80 },
      xAxis: {
        type: 'category',
        data: items.map((r) => nameOf(r, i18n.language)),
        axisLabel: { rotate: 30, width: 110, overflow: 'truncate', interval: 0 },
      },
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { show: false } },
      ],
      series: [
        {
          name: t('faultAnalysis.count'),
          type: 'bar',
          barMaxWidth: 36,
          data: items.map((r) => ({ value: r.count, itemStyle: { color: r.vital ? '#f54a45' : '#3370ff' } })),
        },
        {
          name: t('faultAnalysis.cumulative'),
          type: 'line',
          yAxisIndex: 1,
          data: items.map((r) => Math.round(r.cumulative * 1000) / 10),
          itemStyle: { color: '#16a34a' },
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#999' },
            data: [{ yAxis: data.vitalPercent }],
          },
        },
      ],
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [data, t, i18n.language]);
  return <div ref={el} style={{ width: '100%', height: 340 }} data-testid="fault-pareto-chart" />;
}
