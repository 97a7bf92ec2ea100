import { describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { RouteMapConfig, RoutePlanView } from '@anxin/contracts';
import { renderPage } from '../../../test/dom.tsx';
import { RouteMapCard } from './RouteMapCard.tsx';

// jsdom has no canvas: the plain plot's chart is stood in for, recording what it was asked to draw.
const drawn: unknown[] = [];
vi.mock('echarts/core', () => ({
  use: () => {},
  init: () => ({ setOption: (o: unknown) => drawn.push(o), resize: () => {}, dispose: () => {} }),
}));

const plan = {
  technicians: [
    {
      id: 't1',
      name: '张伟',
      outletId: 'o1',
      skills: [],
      shift: null,
      dropped: false,
      start: { lat: 23.1, lng: 113.3 },
    },
  ],
  jobs: [
    {
      orderId: 'w1',
      number: 'WO20261124001',
      customer: '王女士',
      address: '天河路 1 号',
      lat: 23.12,
      lng: 113.32,
    },
  ],
} as unknown as RoutePlanView;
const routes = [
  {
    technicianId: 't1',
    stops: [{ orderId: 'w1', start: '2026-11-24T01:00:00Z', end: '2026-11-24T02:00:00Z' }],
  },
] as unknown as RoutePlanView['routes'];

const config = (c: RouteMapConfig) => ({ 'GET /api/v1/routing/map': c });

describe('route map card', () => {
  it('falls back to the coordinate plot with a note when the provider script cannot load', async () => {
    const load = vi.fn(() => Promise.reject(new Error('offline')));
    await renderPage(<RouteMapCard rp={{ routes }} plan={plan} load={load} />, {
      api: config({ provider: 'amap', key: 'k1', securityCode: null }),
    });
    await screen.findByText('地图服务加载失败（可能无法连接互联网）：按坐标示意');
    expect(load).toHaveBeenCalledWith({ provider: 'amap', key: 'k1', securityCode: null });
    expect(screen.getByTestId('plan-map').getAttribute('data-map-state')).toBe('failed');
    expect(screen.getByTestId('plan-map-chart')).toBeTruthy();
    // The plot names the visit by number, customer and address.
    expect(JSON.stringify(drawn.at(-1))).toContain('WO20261124001');
    expect(JSON.stringify(drawn.at(-1))).toContain('王女士 · 天河路 1 号');
  });

  it('plots on coordinates without loading anything when no provider is configured', async () => {
    const load = vi.fn(() => Promise.resolve({}));
    await renderPage(<RouteMapCard rp={{ routes }} plan={plan} load={load} />, {
      api: config({ provider: 'none', key: null, securityCode: null }),
      locale: 'en-US',
    });
    await screen.findByText('No map provider configured: plotted by coordinates');
    expect(load).not.toHaveBeenCalled();
    expect(screen.getByTestId('plan-map').getAttribute('data-map-state')).toBe('plain');
  });

  it('draws on the provider map once its API has loaded', async () => {
    const added: unknown[] = [];
    function Ctor(this: Record<string, unknown>, ...args: unknown[]) {
      this.args = args;
    }
    const AMap = {
      Map: function (this: Record<string, unknown>) {
        this.add = (x: unknown) => added.push(x);
        this.setFitView = () => {};
        this.destroy = () => {};
      },
      Polyline: Ctor,
      Marker: Ctor,
      Pixel: Ctor,
    };
    await renderPage(<RouteMapCard rp={{ routes }} plan={plan} load={() => Promise.resolve(AMap)} />, {
      api: config({ provider: 'amap', key: 'k1', securityCode: null }),
    });
    await waitFor(() =>
      expect(screen.getByTestId('plan-map').getAttribute('data-map-state')).toBe('provider'),
    );
    // One polyline (start → visit) and a marker for the start and the visit.
    expect(added).toHaveLength(3);
    expect(screen.queryByTestId('plan-map-chart')).toBeNull();
  });
});
