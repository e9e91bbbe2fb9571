/**
 * Every kind of file the static build (build/) holds, with the content type a host must send and whether the
 * build writes pre-compressed copies (`.br`, `.gz`) of it. One list for `scripts/precompress.ts`,
 * `scripts/serve.ts` and the host configs in deploy/ (`scripts/deploy-config.test.ts` checks that the configs
 * name every type here and that the build holds no other type).
 */
export interface BuildFileType {
  /** Extension without the dot. */
  ext: string;
  /** Content-Type a host sends for it. */
  type: string;
  /** Whether `.br` and `.gz` copies are written (already-compressed formats are not). */
  compress: boolean;
}

export const BUILD_FILE_TYPES: readonly BuildFileType[] = [
  { ext: 'html', type: 'text/html; charset=utf-8', compress: true },
  { ext: 'js', type: 'text/javascript; charset=utf-8', compress: true },
  { ext: 'css', type: 'text/css; charset=utf-8', compress: true },
  { ext: 'json', type: 'application/json; charset=utf-8', compress: true },
  { ext: 'csv', type: 'text/csv; charset=utf-8', compress: true },
  { ext: 'wasm', type: 'application/wasm', compress: true },
  { ext: 'svg', type: 'image/svg+xml', compress: true },
  { ext: 'txt', type: 'text/plain; charset=utf-8', compress: true },
  { ext: 'woff2', type: 'font/woff2', compress: false },
  { ext: 'png', type: 'image/png', compress: false },
  { ext: 'ico', type: 'image/x-icon', compress: false }
];

/** The pre-compressed copies' extensions, best first. */
export const COMPRESSED_EXTENSIONS = ['br', 'gz'] as const;

/** Extension (no dot, lower case) of a file name; '' when it has none. */
export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function buildFileType(name: string): BuildFileType | undefined {
  const ext = extensionOf(name);
  return BUILD_FILE_TYPES.find((entry) => entry.ext === ext);
}
