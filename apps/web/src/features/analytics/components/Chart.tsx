import { useEffect, useRef } from 'react';
import { BarChart, LineChart, MapChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

use([
  LineChart,
  BarChart,
  PieChart,
  MapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

/** One ECharts canvas with the given option; clicks report the data item's name and index. */
export function Chart({
  option,
  height = 280,
  testId,
  onClick,
}: {
  option: Record<string, unknown>;
  height?: number;
  testId?: string;
  onClick?: (p: { name: string; dataIndex: number }) => void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = init(el.current);
    chart.current = c;
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el.current);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);
  useEffect(() => {
    const c = chart.current;
    if (!c || !onClick) return;
    const h = (p: { name: string; dataIndex: number }) => onClick(p);
    c.on('click', h as never);
    return () => void c.off('click', h as never);
  }, [onClick]);
  return <div ref={el} style={{ width: '100%', height }} data-testid={testId} />;
}
