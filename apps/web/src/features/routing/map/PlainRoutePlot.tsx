import { useEffect, useRef } from 'react';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import { ROUTE_COLOURS, type RoutePath } from './routePaths.ts';

use([LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Point = { value: [number, number]; n: number; tip: string; symbol?: string; symbolSize?: number };

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The routes on their coordinates (no map underneath), numbered in visiting order. */
export function PlainRoutePlot({ paths }: { paths: RoutePath[] }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current);
    chart.setOption({
      color: ROUTE_COLOURS,
      tooltip: { trigger: 'item', formatter: (p: { data: Point }) => p.data.tip },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 36, bottom: 36 },
      xAxis: { type: 'value', scale: true, name: t('routing.map.lng'), axisLabel: { formatter: '{value}°' } },
      yAxis: { type: 'value', scale: true, name: t('routing.map.lat'), axisLabel: { formatter: '{value}°' } },
      series: paths.map((p) => ({
        name: p.name,
        type: 'line' as const,
        data: p.points.map((x): Point => ({
          value: [x.lng, x.lat],
          n: x.n,
          tip: x.lines.filter(Boolean).map(escape).join('<br/>'),
          ...(x.n === 0 ? { symbol: 'diamond', symbolSize: 14 } : {}),
        })),
        symbol: 'circle',
        symbolSize: 10,
        // Every stop is drawn, however close (a customer's several orders share one address).
        showAllSymbol: true,
        label: { show: true, formatter: (x: { data: Point }) => (x.data.n ? `${x.data.n}` : '') },
        lineStyle: { width: 2 },
      })),
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [JSON.stringify(paths), t]);
  return <div ref={el} style={{ width: '100%', height: 360 }} data-testid="plan-map-chart" />;
}
