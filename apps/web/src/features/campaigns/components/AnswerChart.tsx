import { useEffect, useRef } from 'react';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useTranslation } from 'react-i18next';

use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** One question's answer distribution: customers per option or per rating. */
export function AnswerChart({
  labels,
  counts,
  testId,
}: {
  labels: string[];
  counts: number[];
  testId: string;
}) {
  const { t } = useTranslation();
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const chart = init(el.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, width: 100, overflow: 'truncate' } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('campaigns.results.count'),
          type: 'bar',
          data: counts,
          barMaxWidth: 32,
          itemStyle: { color: '#1677ff' },
        },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [labels, counts, t]);
  return <div ref={el} style={{ width: '100%', height: 220 }} data-testid={testId} />;
}
