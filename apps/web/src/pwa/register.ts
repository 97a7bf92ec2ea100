import { PHONE_APPS, PWA_DEFAULTS, type PhoneApp } from './config.ts';

/** The phone app a path belongs to (`/m/jobs` → technician), or null for the desktop pages. */
export function phoneAppOf(pathname: string): PhoneApp | null {
  return PHONE_APPS.find((a) => pathname.startsWith(a.scope)) ?? null;
}

function addLink(rel: string, href: string): void {
  if (document.head.querySelector(`link[rel="${rel}"]`)) return;
  const link = document.createElement('link');
  link.rel = rel;
  link.href = href;
  document.head.appendChild(link);
}

/**
 * Makes the technician and portal pages installable and usable offline: their own manifest
 * (name, icons, start page) and a service worker scoped to their folder. Desktop pages get
 * neither, so they always load from the network as before.
 */
export function registerPhoneApp(pathname: string): void {
  const app = phoneAppOf(pathname);
  if (!app) return;
  addLink('manifest', `/${app.id}/manifest.webmanifest`);
  addLink('apple-touch-icon', '/pwa/icon-192.png');
  // The worker exists only in a production build (`vite build`); dev serves modules live.
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js', { scope: app.scope }).catch(() => {
      // No worker (private mode, blocked): the app still works online.
    });
  });
}

/** Drops the API reads kept for offline use: called on sign-out so the next user sees none. */
export async function forgetOfflineData(): Promise<void> {
  if (typeof caches === 'undefined') return;
  await caches.delete(PWA_DEFAULTS.apiCache).catch(() => false);
}
