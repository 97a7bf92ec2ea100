import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { FaultAnalysis } from '@anxin/contracts';
import { nameOf } from '../format.ts';

use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Failures per month of the top keys, one line each. */
export function TrendChart({ data }: { data: FaultAnalysis }) {
  const { i18n } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 24, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: data.trend.months },
      yAxis: { type: 'value', minInterval: 1 },
      series: data.trend.series.map((s) => ({
        name: nameOf(s, i18n.language),
        type: 'line',
        data: s.counts,
      })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [data, i18n.language]);
  return <div ref={el} style={{ width: '100%', height: 280 }} data-testid="fault-trend-chart" />;
}
