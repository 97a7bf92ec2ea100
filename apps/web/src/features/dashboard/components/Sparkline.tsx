import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([LineChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** A small line without axes: the shape of a figure over the last days (tooltip per day). */
export function Sparkline({
  points,
  color = '#1677ff',
  format,
  testId,
}: {
  points: { date: string; value: number | null }[];
  color?: string;
  format: (v: number) => string;
  testId?: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current);
    chart.setOption({
      grid: { left: 2, right: 2, top: 4, bottom: 2 },
      tooltip: {
        trigger: 'axis',
        confine: true,
        formatter: (ps: { axisValue: string; value: number | null }[]) => {
          const p = ps[0];
          return p ? `${p.axisValue.slice(5)}  ${p.value === null ? '—' : format(p.value)}` : '';
        },
      },
      xAxis: { type: 'category', show: false, boundaryGap: false, data: points.map((p) => p.date) },
      yAxis: { type: 'value', show: false, min: 0 },
      series: [
        {
          type: 'line',
          data: points.map((p) => p.value),
          smooth: false,
          // A few days with data (a share over days without closings) still show as dots.
          symbol: 'circle',
          symbolSize: 5,
          showSymbol: points.filter((p) => p.value !== null).length <= 3,
          itemStyle: { color },
          connectNulls: true,
          lineStyle: { width: 2, color },
          areaStyle: { color, opacity: 0.12 },
        },
      ],
    });
    // The tile's width settles after the grid lays out: follow the container, not the window.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => chart.resize());
    observer?.observe(el.current);
    return () => {
      observer?.disconnect();
      chart.dispose();
    };
  }, [points, color, format]);
  return <div ref={el} style={{ width: '100%', height: 48, overflow: 'hidden' }} data-testid={testId} />;
}
