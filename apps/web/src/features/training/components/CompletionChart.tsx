import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { OutletCompletion } from '@anxin/contracts';

use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** 培训完成情况 by outlet: assigned, completed, passed and overdue side by side. */
export function CompletionChart({ rows, hqName }: { rows: OutletCompletion[]; hqName: string }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current);
    const series = (['assigned', 'completed', 'passed', 'overdue'] as const).map((k, i) => ({
      name: t(`training.figures.${k}`),
      type: 'bar' as const,
      data: rows.map((r) => r[k]),
      itemStyle: { color: ['#91caff', '#1677ff', '#52c41a', '#faad14'][i] },
      barMaxWidth: 24,
    }));
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 40 },
      xAxis: {
        type: 'category',
        data: rows.map((r) => r.outletName ?? hqName),
        axisLabel: { interval: 0, width: 90, overflow: 'truncate' },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series,
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [rows, hqName, t]);
  return <div ref={el} style={{ width: '100%', height: 300 }} data-testid="training-completion-chart" />;
}
