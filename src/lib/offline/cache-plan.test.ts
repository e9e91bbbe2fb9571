import { describe, expect, it } from 'vitest';
import { cacheName, precacheList, staleCaches, strategyFor } from './cache-plan';

const assets = {
  prerendered: ['/', '/data/', '/rules/'],
  build: [
    '/_app/immutable/entry/start.abc.js',
    '/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm',
    '/_app/immutable/assets/duckdb-mvp.BP0pRkMH.wasm',
    '/_app/immutable/assets/duckdb-browser-eh.worker.hQa-dcAV.js',
    '/_app/immutable/assets/duckdb-browser-mvp.worker.C9hF7LGh.js',
    '/_app/immutable/assets/noto-sans-thai-thai-wght-normal.x1.woff2',
    '/_app/immutable/entry/start.abc.js'
  ],
  files: ['/demo/chachoengsao-2565-r2.csv', '/demo/sakaeo-2567-r1.csv']
};

describe('caches', () => {
  it('names one cache per version and deletes only our older ones', () => {
    expect(cacheName('1733')).toBe('scoreboard-1733');
    expect(
      staleCaches(['scoreboard-1700', 'scoreboard-1733', 'other-app', 'workbox-precache'], 'scoreboard-1733')
    ).toEqual(['scoreboard-1700']);
  });
});

describe('precacheList', () => {
  it('stores the exception-handling DuckDB bundle only where the browser runs it', () => {
    const eh = precacheList(assets, true);
    expect(eh).toContain('/_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm');
    expect(eh).toContain('/_app/immutable/assets/duckdb-browser-eh.worker.hQa-dcAV.js');
    expect(eh.some((url) => url.includes('mvp'))).toBe(false);
    const mvp = precacheList(assets, false);
    expect(mvp).toContain('/_app/immutable/assets/duckdb-mvp.BP0pRkMH.wasm');
    expect(mvp).toContain('/_app/immutable/assets/duckdb-browser-mvp.worker.C9hF7LGh.js');
    expect(mvp.some((url) => /duckdb-(browser-)?eh/.test(url))).toBe(false);
  });

  it('keeps the pages, the fonts and the demo data, once each', () => {
    const list = precacheList(assets, true);
    for (const url of [
      '/',
      '/data/',
      '/_app/immutable/assets/noto-sans-thai-thai-wght-normal.x1.woff2',
      '/demo/sakaeo-2567-r1.csv'
    ])
      expect(list).toContain(url);
    expect(list.filter((url) => url === '/_app/immutable/entry/start.abc.js')).toHaveLength(1);
    // 3 pages, 4 of the 6 distinct build files (the chunk once, no MVP), 2 demo files.
    expect(list).toHaveLength(3 + 4 + 2);
  });
});

describe('strategyFor', () => {
  const scope = 'http://127.0.0.1:4305/';
  const get = (path: string) => strategyFor({ method: 'GET', url: scope + path }, scope);

  it('serves hashed files from the cache first', () => {
    expect(get('_app/immutable/assets/duckdb-eh.9ubY-jlA.wasm')).toBe('cache-first');
    expect(get('_app/immutable/chunks/DLg8Ooxv.js')).toBe('cache-first');
  });

  it('asks the network first for pages and unhashed files, so online visits see the current version', () => {
    expect(get('')).toBe('network-first');
    expect(get('data/?framework=cdd-2565')).toBe('network-first');
    expect(get('demo/sakaeo-2567-r1.csv')).toBe('network-first');
  });

  it('leaves the version check, the worker script, other methods and other sites to the network', () => {
    expect(get('_app/version.json')).toBe('network-only');
    expect(get('service-worker.js')).toBe('network-only');
    expect(strategyFor({ method: 'POST', url: scope + 'data/' }, scope)).toBe('network-only');
    expect(strategyFor({ method: 'GET', url: 'http://example.org/x.js' }, scope)).toBe('network-only');
  });

  it('works under a base path', () => {
    const base = 'http://office.local/scoreboard/';
    expect(strategyFor({ method: 'GET', url: base + '_app/immutable/a.js' }, base)).toBe('cache-first');
    expect(strategyFor({ method: 'GET', url: 'http://office.local/other/' }, base)).toBe('network-only');
  });
});
