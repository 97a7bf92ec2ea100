import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { RecallFigureRow } from '@anxin/contracts';

use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** Products completed per week, one line per recall (loaded lazily with ECharts by the page). */
export default function TrendChart({ recalls }: { recalls: RecallFigureRow[] }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 40, right: 16, top: 36, bottom: 30 },
      xAxis: { type: 'category', data: recalls[0]?.trend.map((t) => t.week.slice(5)) ?? [] },
      yAxis: { type: 'value', minInterval: 1 },
      series: recalls.map((r) => ({
        name: r.title,
        type: 'line' as const,
        data: r.trend.map((t) => t.completed),
      })),
    });
    // Follows its own box (the card may settle after the first draw, e.g. when a scrollbar appears).
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [recalls]);
  return <div ref={el} style={{ width: '100%', height: 260 }} data-testid="care-recall-trend" />;
}
