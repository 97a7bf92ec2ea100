// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { loadProviderScript, providerScriptUrl } from './providerScript.ts';

describe('map provider script URL', () => {
  it('builds AMap JS API 2.0 and Tianditu API 4.0 URLs with the key', () => {
    expect(providerScriptUrl({ provider: 'amap', key: 'abc123', securityCode: 'x' })).toBe(
      'https://webapi.amap.com/maps?v=2.0&key=abc123',
    );
    expect(providerScriptUrl({ provider: 'tianditu', key: 'tk9', securityCode: null })).toBe(
      'https://api.tianditu.gov.cn/api?v=4.0&tk=tk9',
    );
  });

  it('encodes the key and has no URL without a provider or a key', () => {
    expect(providerScriptUrl({ provider: 'amap', key: 'a&b=c', securityCode: null })).toBe(
      'https://webapi.amap.com/maps?v=2.0&key=a%26b%3Dc',
    );
    expect(providerScriptUrl({ provider: 'none', key: 'abc', securityCode: null })).toBeNull();
    expect(providerScriptUrl({ provider: 'tianditu', key: null, securityCode: null })).toBeNull();
  });
});

describe('loading the provider script', () => {
  afterEach(() => {
    document.head.innerHTML = '';
    delete (window as unknown as Record<string, unknown>)._AMapSecurityConfig;
  });

  it('sets the AMap security code before the script and rejects when the script fails', async () => {
    const p = loadProviderScript({ provider: 'amap', key: 'k1', securityCode: 'sc1' }, { timeoutMs: 5000 });
    const script = document.head.querySelector('script')!;
    expect(script.src).toBe('https://webapi.amap.com/maps?v=2.0&key=k1');
    expect((window as unknown as { _AMapSecurityConfig: unknown })._AMapSecurityConfig).toEqual({
      securityJsCode: 'sc1',
    });
    script.dispatchEvent(new Event('error'));
    await expect(p).rejects.toThrow('failed to load');
    expect(document.head.querySelector('script')).toBeNull();
  });

  it('gives up after the timeout (no internet) and when loaded without its API', async () => {
    await expect(
      loadProviderScript({ provider: 'tianditu', key: 't1', securityCode: null }, { timeoutMs: 10 }),
    ).rejects.toThrow('timed out');
    const p = loadProviderScript({ provider: 'tianditu', key: 't2', securityCode: null });
    document.head.querySelector('script')!.dispatchEvent(new Event('load'));
    await expect(p).rejects.toThrow('without its API');
  });
});
