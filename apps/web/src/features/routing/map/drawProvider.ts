import type { RouteMapProvider } from '@anxin/contracts';
import { ROUTE_COLOURS, type RoutePath } from './routePaths.ts';

// Drawing the routes with a provider's own JS API: one polyline per technician and a numbered
// marker per visit. The providers ship no types (`Api` is their global); the calls are the documented ones
// (AMap JS API 2.0: Map, Polyline, Marker, setFitView; Tianditu 4.0: Map, LngLat, Polyline, Label,
// Marker, setViewport). Returns the clean-up.

type Api = any;

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const badge = (n: number, colour: string) =>
  `<div style="background:${colour};color:#fff;border-radius:10px;min-width:20px;height:20px;` +
  `line-height:20px;text-align:center;font-size:12px;padding:0 4px">${n || '⌂'}</div>`;

function drawAmap(AMap: Api, el: HTMLElement, paths: RoutePath[]): () => void {
  const map = new AMap.Map(el, { zoom: 11 });
  paths.forEach((p, i) => {
    const colour = ROUTE_COLOURS[i % ROUTE_COLOURS.length]!;
    map.add(
      new AMap.Polyline({
        path: p.points.map((x) => [x.lng, x.lat]),
        strokeColor: colour,
        strokeWeight: 4,
      }),
    );
    for (const x of p.points)
      map.add(
        new AMap.Marker({
          position: [x.lng, x.lat],
          content: badge(x.n, colour),
          offset: new AMap.Pixel(-10, -10),
          title: x.lines.join('\n'),
        }),
      );
  });
  map.setFitView();
  return () => map.destroy();
}

function drawTianditu(T: Api, el: HTMLElement, paths: RoutePath[]): () => void {
  const map = new T.Map(el);
  const all: Api[] = [];
  paths.forEach((p, i) => {
    const colour = ROUTE_COLOURS[i % ROUTE_COLOURS.length]!;
    const points = p.points.map((x) => new T.LngLat(x.lng, x.lat));
    all.push(...points);
    map.addOverLay(new T.Polyline(points, { color: colour, weight: 4, opacity: 0.9 }));
    p.points.forEach((x, k) => {
      map.addOverLay(new T.Marker(points[k], { title: x.lines.join('\n') }));
      map.addOverLay(
        new T.Label({ text: escape(String(x.n || '⌂')), position: points[k], offset: new T.Point(-4, -30) }),
      );
    });
  });
  if (all.length) map.setViewport(all);
  return () => map.clearOverLays();
}

export function drawRoutes(
  provider: Exclude<RouteMapProvider, 'none'>,
  api: Api,
  el: HTMLElement,
  paths: RoutePath[],
) {
  return provider === 'amap' ? drawAmap(api, el, paths) : drawTianditu(api, el, paths);
}
