/**
 * ARCHITECTURE.md's layers, checked: every import of the product's source (tests and test support aside)
 * points down the order below or stays in its folder, and no module imports itself round a loop. A new
 * wrong-way import fails here with the file and the import named.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(dirname(new URL(import.meta.url).pathname), '..');

/** Top to bottom; a folder may import its own rank's folder only if it is itself. */
const LAYERS: readonly (readonly string[])[] = [
  ['routes', 'cli', 'service-worker'],
  ['components'],
  ['export'],
  ['charts'],
  ['state', 'offline'],
  ['scoring'],
  ['frameworks'],
  ['persist'],
  ['ingest'],
  ['db'],
  ['sql'],
  ['domain', 'i18n']
];

/** Test code and the fixtures tests share may reach anywhere. */
const TEST_SUPPORT = /(\.test\.ts|testing\.ts|\/hostile-files\.ts)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|svelte)$/.test(entry.name) && !TEST_SUPPORT.test(path) ? [path] : [];
  });
}

function folderOf(file: string): string {
  if (file.startsWith('src/routes/')) return 'routes';
  if (file.startsWith('cli/')) return 'cli';
  if (file === 'src/service-worker.ts') return 'service-worker';
  return /^src\/lib\/([^/]+)\//.exec(file)?.[1] ?? file;
}

function rankOf(folder: string): number {
  return LAYERS.findIndex((layer) => layer.includes(folder));
}

/** The repo-relative file an import names, or null for a package or a non-code file. */
function resolveImport(from: string, spec: string, known: ReadonlySet<string>): string | null {
  let base: string;
  if (spec.startsWith('$lib/') || spec.startsWith('#lib/')) base = join('src/lib', spec.slice(5));
  else if (spec.startsWith('.')) base = normalize(join(dirname(from), spec));
  else return null;
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')])
    if (known.has(candidate)) return candidate;
  return null;
}

function importGraph(): Map<string, { spec: string; to: string }[]> {
  const files = [
    ...sourceFiles('src/lib'),
    ...sourceFiles('src/routes'),
    ...sourceFiles('cli'),
    'src/service-worker.ts'
  ];
  const known = new Set(files);
  const graph = new Map<string, { spec: string; to: string }[]>();
  for (const file of files) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const edges: { spec: string; to: string }[] = [];
    for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)'([^']+)'/g)) {
      const to = resolveImport(file, match[1], known);
      if (to !== null) edges.push({ spec: match[1], to });
    }
    graph.set(file, edges);
  }
  return graph;
}

/**
 * Tarjan's strongly connected components of more than one module, or a module importing itself — except a
 * Svelte component drawing itself (a composite KPI's sub-items in rules/KpiRules.svelte), which is recursion.
 */
function cycles(graph: Map<string, { to: string }[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const { to } of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to);
        low.set(node, Math.min(low.get(node)!, low.get(to)!));
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node)!, index.get(to)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let top: string;
      do {
        top = stack.pop()!;
        onStack.delete(top);
        component.push(top);
      } while (top !== node);
      const selfLoop = !node.endsWith('.svelte') && (graph.get(node) ?? []).some((edge) => edge.to === node);
      if (component.length > 1 || selfLoop) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('the layers of ARCHITECTURE.md', () => {
  const graph = importGraph();

  test('sees the whole tree, every folder placed in a layer', () => {
    expect(graph.size).toBeGreaterThan(200);
    const unplaced = [...new Set([...graph.keys()].map(folderOf))].filter((folder) => rankOf(folder) < 0);
    expect(unplaced).toEqual([]);
  });

  test('every import points down the layers or stays in its folder', () => {
    const wrongWay: string[] = [];
    for (const [file, edges] of graph) {
      for (const { spec, to } of edges) {
        const [a, b] = [folderOf(file), folderOf(to)];
        if (a !== b && rankOf(a) >= rankOf(b)) wrongWay.push(`${file} imports ${spec} (${a} → ${b})`);
      }
    }
    expect(wrongWay).toEqual([]);
  });

  test('no module imports itself round a loop', () => {
    expect(cycles(graph).map((component) => component.map((file) => relative('.', file)))).toEqual([]);
  });

  test('the check itself catches a wrong-way import and a loop', () => {
    const bad = new Map([
      ['src/lib/sql/a.ts', [{ spec: '../db/types', to: 'src/lib/db/types.ts' }]],
      ['src/lib/db/types.ts', [{ spec: '../sql/a', to: 'src/lib/sql/a.ts' }]]
    ]);
    expect(rankOf(folderOf('src/lib/sql/a.ts'))).toBeGreaterThan(rankOf(folderOf('src/lib/db/types.ts')));
    expect(cycles(bad)).toEqual([['src/lib/db/types.ts', 'src/lib/sql/a.ts']]);
  });
});
