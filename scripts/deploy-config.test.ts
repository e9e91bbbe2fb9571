/**
 * The host configs in deploy/ (nginx, IIS) must serve every kind of file the build holds with the right
 * content type, its pre-compressed copies with the right encoding, and the cache headers of
 * cache-policy.ts. The kinds the build holds are found, not assumed: the files under static/, the files the
 * app imports by URL (`?url`: the DuckDB WASM and workers), the fonts the font package's CSS points to, and
 * SvelteKit's own output (pages, chunks, styles, version.json); and, when build/ exists (after
 * `npm run build`), every file in it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_FILE_TYPES, buildFileType, extensionOf } from './build-files';
import { IMMUTABLE, REVALIDATE } from './cache-policy';

const ROOT = path.resolve(import.meta.dirname, '..');
const read = (file: string) => readFileSync(path.join(ROOT, file), 'utf8');
const filesUnder = (dir: string) =>
  readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(path.join(ROOT, dir), path.join(entry.parentPath, entry.name)));

/** Extensions of the files the build will hold, worked out from its inputs. */
function producedExtensions(): Set<string> {
  const found = new Set<string>(['html', 'js', 'css', 'json']); // SvelteKit: pages, chunks, styles, version.json
  for (const file of filesUnder('static')) found.add(extensionOf(file));
  const sources = filesUnder('src').filter((file) => /\.(ts|svelte)$/.test(file));
  for (const file of sources) {
    const text = readFileSync(path.join(ROOT, 'src', file), 'utf8');
    for (const match of text.matchAll(/from '([^']+)\?url'/g)) found.add(extensionOf(match[1]));
    for (const match of text.matchAll(/import '(@fontsource[^']*)'/g)) {
      const css = readFileSync(path.join(ROOT, 'node_modules', match[1], 'index.css'), 'utf8');
      for (const url of css.matchAll(/url\(([^)]+)\)/g)) found.add(extensionOf(url[1]));
    }
  }
  return found;
}

const mime = (type: string) => type.split(';')[0].trim();
const COMPRESSED = BUILD_FILE_TYPES.filter((entry) => entry.compress).map((entry) => entry.ext);

describe('the kinds of file the build holds', () => {
  it('are all in build-files.ts', () => {
    const produced = producedExtensions();
    // The inputs really were read: the DuckDB WASM, the fonts and the demo CSVs are among them.
    for (const ext of ['wasm', 'woff2', 'csv']) expect(produced).toContain(ext);
    for (const ext of produced)
      expect(buildFileType(`x.${ext}`), `.${ext} not in build-files.ts`).toBeDefined();
  });

  it.runIf(existsSync(path.join(ROOT, 'build', 'index.html')))(
    'and in build/: every file has a known kind and every compressible one its .br and .gz',
    () => {
      const files = filesUnder('build');
      const originals = files.filter((file) => !/\.(br|gz)$/.test(file));
      for (const file of originals) {
        const kind = buildFileType(file);
        expect(kind, `${file}: kind not in build-files.ts`).toBeDefined();
        if (kind!.compress) {
          // A copy larger than the file is not written (tiny files); every file over 1 kB has both.
          const size = readFileSync(path.join(ROOT, 'build', file)).length;
          if (size > 1024) {
            expect(files, `${file}.br missing: run \`npm run build\``).toContain(`${file}.br`);
            expect(files, `${file}.gz missing: run \`npm run build\``).toContain(`${file}.gz`);
          }
        }
      }
    }
  );
});

describe('deploy/nginx.conf', () => {
  const conf = read('deploy/nginx.conf').replace(/#.*$/gm, '');
  const typesBlock = /types\s*\{([^}]*)\}/.exec(conf)?.[1] ?? '';
  const types = new Map<string, string>();
  for (const line of typesBlock.split(';')) {
    const [type, ...exts] = line.trim().split(/\s+/);
    for (const ext of exts) types.set(ext, type);
  }
  const location = (prefix: string) => {
    const start = conf.indexOf(`location ${prefix} {`);
    return start < 0 ? '' : conf.slice(start, conf.indexOf('}', start));
  };

  it('names the content type of every kind of file the build holds', () => {
    for (const entry of BUILD_FILE_TYPES)
      expect(types.get(entry.ext), `.${entry.ext}`).toBe(mime(entry.type));
  });

  it('sends the pre-compressed copies (gzip and brotli) with Vary', () => {
    expect(conf).toMatch(/^\s*gzip_static on;/m);
    expect(conf).toMatch(/^\s*brotli_static on;/m);
    expect(conf).toMatch(/^\s*gzip_vary on;/m);
  });

  it('caches hashed files for a year and revalidates pages and the service worker', () => {
    expect(location('/_app/immutable/')).toContain(`Cache-Control "${IMMUTABLE}"`);
    expect(location('= /service-worker.js')).toContain(`Cache-Control "${REVALIDATE}"`);
    expect(location('/')).toContain(`Cache-Control "${REVALIDATE}"`);
    expect(location('/')).toMatch(/try_files \$uri \$uri\/ =404;/);
  });
});

describe('deploy/web.config (IIS)', () => {
  const xml = read('deploy/web.config').replace(/<!--[\s\S]*?-->/g, '');
  const mimeMaps = new Map(
    [...xml.matchAll(/<mimeMap fileExtension="\.(\w+)" mimeType="([^"]+)" \/>/g)].map((m) => [m[1], m[2]])
  );
  const preconditions = new Map(
    [
      ...xml.matchAll(
        /<preCondition name="([^"]+)">\s*<add input="\{REQUEST_FILENAME\}" pattern="([^"]+)" \/>/g
      )
    ].map((m) => [m[1], new RegExp(m[2])])
  );
  const outbound = [
    ...xml.matchAll(
      /<rule name="[^"]+" preCondition="([^"]+)">\s*<match serverVariable="(\w+)" pattern="\.\*" \/>\s*<action type="Rewrite" value="([^"]+)" \/>/g
    )
  ].map((m) => ({ when: preconditions.get(m[1]), variable: m[2], value: m[3] }));
  /** What the outbound rules set for a served file. */
  const headersFor = (file: string) =>
    Object.fromEntries(
      outbound.filter((rule) => rule.when?.test(file)).map((rule) => [rule.variable, rule.value])
    );
  const inbound = [...xml.matchAll(/<match url="\^\(\.\*\\\.\(([a-z|]+)\)\)\$" \/>/g)].map((m) =>
    m[1].split('|')
  );

  it('maps every kind of file the build holds to its content type', () => {
    for (const entry of BUILD_FILE_TYPES) expect(mimeMaps.get(entry.ext), `.${entry.ext}`).toBe(entry.type);
    expect(mimeMaps.has('br') && mimeMaps.has('gz')).toBe(true);
  });

  it('serves the .br and .gz copy of every compressible kind with its encoding and real type', () => {
    expect(inbound).toHaveLength(2);
    for (const exts of inbound) expect([...exts].sort()).toEqual([...COMPRESSED].sort());
    for (const entry of BUILD_FILE_TYPES.filter((e) => e.compress)) {
      for (const [suffix, encoding] of [
        ['br', 'br'],
        ['gz', 'gzip']
      ]) {
        const headers = headersFor(`C:\\inetpub\\scoreboard\\x.${entry.ext}.${suffix}`);
        expect(headers, `.${entry.ext}.${suffix}`).toEqual({
          RESPONSE_Content_Encoding: encoding,
          RESPONSE_Vary: 'Accept-Encoding',
          RESPONSE_Content_Type: entry.type
        });
      }
    }
    // An uncompressed file is left as IIS serves it.
    expect(headersFor('C:\\inetpub\\scoreboard\\x.wasm')).toEqual({});
  });

  it('caches hashed files for a year and revalidates everything else', () => {
    expect(xml).toMatch(/<system.webServer>[\s\S]*<clientCache cacheControlMode="DisableCache" \/>/);
    const immutable = /<location path="_app\/immutable">([\s\S]*?)<\/location>/.exec(xml)?.[1] ?? '';
    expect(immutable).toContain('cacheControlMaxAge="365.00:00:00"');
    expect(immutable).toContain('immutable');
    expect(xml).toContain('<urlCompression doStaticCompression="false" doDynamicCompression="false" />');
  });
});
