#!/usr/bin/env node
/**
 * Draws the phone apps' icons (public/pwa/*.png) from public/favicon.svg with Chromium. Run by
 * hand when the logo changes; the PNGs are committed. `maskable` keeps the logo inside the safe
 * zone (the inner 80 %) on the brand colour, as Android crops it to a circle or squircle.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const webDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const svg = fs.readFileSync(path.join(webDir, 'public/favicon.svg'), 'utf8');
const out = path.join(webDir, 'public/pwa');
fs.mkdirSync(out, { recursive: true });

const icons = [
  { name: 'icon-192.png', size: 192, pad: 0.08, bg: '#ffffff' },
  { name: 'icon-512.png', size: 512, pad: 0.08, bg: '#ffffff' },
  { name: 'maskable-512.png', size: 512, pad: 0.22, bg: '#0f766e', white: true },
];
const browser = await chromium.launch({ executablePath: process.env.ANXIN_CHROMIUM ?? '/usr/bin/chromium' });
for (const icon of icons) {
  const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
  const art = icon.white
    ? svg.replace('fill="#0f766e"', 'fill="#ffffff"').replace('stroke="#fff"', 'stroke="#0f766e"')
    : svg;
  const inner = Math.round(icon.size * (1 - 2 * icon.pad));
  await page.setContent(
    `<body style="margin:0;background:${icon.bg};display:grid;place-items:center;height:100vh">` +
      `<div style="width:${inner}px;height:${inner}px">${art.replace('<svg ', '<svg width="100%" height="100%" ')}</div></body>`,
  );
  await page.screenshot({ path: path.join(out, icon.name) });
  await page.close();
}
await browser.close();
