import { useEffect, useRef } from 'react';
import { Card, Typography } from 'antd';
import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';
import type { RoutePlanView } from '@anxin/contracts';
import { bj } from '../../workorders/index.ts';
import type { RoutePlanState } from '../pages/useRoutePlan.ts';

use([LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Point = { value: [number, number]; tip: string; symbol?: string; symbolSize?: number };

/** Each technician's day as a path: his start, then his visits in order (coordinates as plotted). */
function pathsOf(plan: RoutePlanView, routes: RoutePlanState['routes'], startWord: string) {
  const jobs = new Map(plan.jobs.map((j) => [j.orderId, j]));
  const techs = new Map(plan.technicians.map((t) => [t.id, t]));
  return routes
    .filter((r) => r.stops.length)
    .map((r) => {
      const tech = techs.get(r.technicianId);
      const points: Point[] = [];
      if (tech?.start)
        points.push({
          value: [tech.start.lng, tech.start.lat],
          tip: `${tech.name} · ${startWord}`,
          symbol: 'diamond',
          symbolSize: 14,
        });
      r.stops.forEach((s, i) => {
        const j = jobs.get(s.orderId);
        if (!j || j.lat === null || j.lng === null) return;
        const who = [j.customer, j.address].filter(Boolean).join(' · ');
        const when = `${bj(s.start).format('HH:mm')}–${bj(s.end).format('HH:mm')}`;
        points.push({ value: [j.lng, j.lat], tip: `${i + 1}. ${j.number}<br/>${who}<br/>${when}` });
      });
      return { name: tech?.name ?? r.technicianId, points };
    });
}

/**
 * 线路图: the day's routes drawn on their coordinates (a plain plot: no map provider is configured),
 * one colour per technician, numbered in visiting order; the tooltip names customer, address, time.
 */
export function RouteMapCard({ rp, plan }: { rp: RoutePlanState; plan: RoutePlanView }) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  const paths = pathsOf(plan, rp.routes, t('routing.map.start'));
  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current);
    chart.setOption({
      tooltip: { trigger: 'item', formatter: (p: { data: Point }) => p.data.tip },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 36, bottom: 36 },
      xAxis: { type: 'value', scale: true, name: t('routing.map.lng'), axisLabel: { formatter: '{value}°' } },
      yAxis: { type: 'value', scale: true, name: t('routing.map.lat'), axisLabel: { formatter: '{value}°' } },
      series: paths.map((p) => ({
        name: p.name,
        type: 'line' as const,
        data: p.points,
        symbol: 'circle',
        symbolSize: 10,
        // Every stop is drawn, however close (a customer's several orders share one address).
        showAllSymbol: true,
        label: { show: true, formatter: (x: { dataIndex: number }) => (x.dataIndex ? `${x.dataIndex}` : '') },
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
  return (
    <Card
      title={t('routing.map.title')}
      extra={<Typography.Text type="secondary">{t('routing.map.plain')}</Typography.Text>}
      data-testid="plan-map"
    >
      <div ref={el} style={{ width: '100%', height: 360 }} data-testid="plan-map-chart" />
    </Card>
  );
}
