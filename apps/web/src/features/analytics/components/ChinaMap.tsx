import { useEffect, useMemo, useState } from 'react';
import { Spin } from 'antd';
import { registerMap } from 'echarts/core';
import { useTranslation } from 'react-i18next';
import type { AnalyticsRow } from '@anxin/contracts';
import mapUrl from '../map/china.json?url';
import { Chart } from './Chart.tsx';

interface Feature {
  id: string;
  properties: { name: string };
}
let loaded: Promise<Map<string, string>> | null = null;
/** Fetches the vendored province GeoJSON once (its own file) and registers it as 'china'. */
function loadChina(): Promise<Map<string, string>> {
  loaded ??= fetch(mapUrl)
    .then((r) => r.json() as Promise<{ features: Feature[] }>)
    .then((geo) => {
      registerMap('china', geo as never);
      return new Map(geo.features.map((f) => [f.id.slice(0, 2), f.properties.name]));
    });
  return loaded;
}

/** Orders per province on the map of China; a click picks the province (its cities below). */
export function ChinaMap({
  provinces,
  onPick,
}: {
  provinces: AnalyticsRow[];
  onPick: (code: string) => void;
}) {
  const { t } = useTranslation();
  const [names, setNames] = useState<Map<string, string> | null>(null);
  useEffect(() => {
    let live = true;
    void loadChina().then((n) => live && setNames(n));
    return () => {
      live = false;
    };
  }, []);
  const option = useMemo(() => {
    if (!names) return null;
    const data = provinces
      .filter((p) => names.has(p.key))
      .map((p) => ({ name: names.get(p.key)!, value: p.created, code: p.key }));
    const max = Math.max(1, ...data.map((d) => d.value));
    return {
      tooltip: { trigger: 'item' },
      visualMap: {
        min: 0,
        max,
        left: 8,
        bottom: 8,
        calculable: true,
        inRange: { color: ['#e6f4ff', '#1677ff'] },
      },
      series: [{ type: 'map', map: 'china', roam: false, data, emphasis: { label: { show: true } } }],
    };
  }, [names, provinces]);
  const codeOf = useMemo(
    () => new Map([...(names ?? new Map<string, string>())].map(([c, n]) => [n, c])),
    [names],
  );
  if (!option) return <Spin tip={t('analytics.mapLoading')}>{<div style={{ height: 360 }} />}</Spin>;
  return (
    <Chart
      option={option}
      height={360}
      testId="analytics-map"
      onClick={(p) => {
        const code = codeOf.get(p.name);
        if (code) onPick(code);
      }}
    />
  );
}
