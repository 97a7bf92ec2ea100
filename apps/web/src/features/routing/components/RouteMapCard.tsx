import { useEffect, useRef, useState } from 'react';
import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RouteMapConfig, RoutePlanView } from '@anxin/contracts';
import { useMapConfig } from '../api.ts';
import { drawRoutes } from '../map/drawProvider.ts';
import { PlainRoutePlot } from '../map/PlainRoutePlot.tsx';
import { loadProviderScript } from '../map/providerScript.ts';
import { routePaths, type RoutePath } from '../map/routePaths.ts';
import type { RoutePlanState } from '../pages/useRoutePlan.ts';

type Loader = (config: RouteMapConfig) => Promise<unknown>;
type MapState = 'plain' | 'loading' | 'provider' | 'failed';

/** Draws on the provider's map once its script is in; any failure falls back to the plain plot. */
function useProviderMap(config: RouteMapConfig | undefined, paths: RoutePath[], load: Loader) {
  const el = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<MapState>('plain');
  const provider = config?.provider ?? 'none';
  const key = JSON.stringify(paths);
  useEffect(() => {
    if (!config || provider === 'none') return setState('plain');
    let cleanup: (() => void) | undefined;
    let live = true;
    setState('loading');
    load(config)
      .then((api) => {
        if (!live || !el.current) return;
        cleanup = drawRoutes(provider, api, el.current, paths);
        setState('provider');
      })
      .catch(() => live && setState('failed'));
    return () => {
      live = false;
      try {
        cleanup?.();
      } catch {
        // A provider that fails to tear down must not take the page with it.
      }
    };
  }, [config?.provider, config?.key, key, load]);
  return { el, state };
}

/**
 * 线路图: the day's routes, one colour per technician, numbered in visiting order. With a map
 * provider configured (AMap / Tianditu) they are drawn on its map; without one, or when its script
 * cannot load, on their plain coordinates with a note saying so.
 */
export function RouteMapCard({
  rp,
  plan,
  load = loadProviderScript,
}: {
  rp: Pick<RoutePlanState, 'routes'>;
  plan: RoutePlanView;
  load?: Loader;
}) {
  const { t } = useTranslation();
  const config = useMapConfig();
  const paths = routePaths(plan, rp.routes, t('routing.map.start'));
  const { el, state } = useProviderMap(config.data, paths, load);
  const onMap = state === 'provider' || state === 'loading';
  const note =
    state === 'failed'
      ? t('routing.map.failed')
      : state === 'plain' && config.data
        ? t('routing.map.plain')
        : null;
  return (
    <Card
      title={t('routing.map.title')}
      extra={note && <Typography.Text type="secondary">{note}</Typography.Text>}
      data-testid="plan-map"
      data-map-state={state}
    >
      <div
        ref={el}
        style={{ width: '100%', height: 360, display: onMap ? 'block' : 'none' }}
        data-testid="plan-map-provider"
      />
      {!onMap && <PlainRoutePlot paths={paths} />}
    </Card>
  );
}
