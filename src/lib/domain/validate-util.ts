/**
 * What the framework checks share (framework-validate.ts and its parts validate-kpis.ts, validate-bands.ts,
 * validate-targets.ts): the checker's face, and the small helpers that word values in messages.
 */
import { bandDirection, bandInterval, intervalsMeet, type Direction, type ValueRange } from './bands';
import { BAND_OPS, type Band, type Framework, type Kpi, type UnitTarget } from './framework';

/** The checker as its parts see it: the framework's rows, where each is, and the issue list. */
export interface CheckContext {
  readonly framework: Framework;
  /** Non-objects are empty rows here (reported as such), so indices match the locations. */
  readonly kpis: Kpi[];
  readonly bands: Band[];
  readonly targets: UnitTarget[];
  error(where: string, message: string): void;
  warning(where: string, message: string): void;
  frameworkWhere(): string;
  kpiWhere(index: number): string;
  bandWhere(index: number): string;
  targetWhere(index: number): string;
}

/** Does a unit name (district, or province in a national framework) exist? */
export type ResolveUnit = (name: string, framework: Framework) => boolean;

export interface IndexedBand {
  band: Band;
  /** Index in framework.bands, for its location. */
  index: number;
  points: number;
}

export const EPSILON = 1e-9;

/** A throwing callback counts as "unknown unit". */
export function unitKnown(resolveUnit: ResolveUnit, unit: string, fw: Framework): boolean {
  try {
    return resolveUnit(unit, fw) === true;
  } catch {
    return false;
  }
}

/** What is wrong with a band's value(s) for its op, or null. */
export function bandValueProblem(band: Band): string | null {
  const op = band.op;
  if (!includes(BAND_OPS, op)) return unknownValue('op', op, BAND_OPS);
  if (op === 'any') return null;
  if (!isFiniteNumber(band.value)) {
    return `เกณฑ์ ${op} ต้องมีค่า (value) เป็นตัวเลข: ได้ ${show(band.value)}`;
  }
  if (op !== 'between') return null;
  if (!isFiniteNumber(band.value2)) {
    return `เกณฑ์ between ต้องมีค่าปลายช่วง (value2) เป็นตัวเลข: ได้ ${show(band.value2)}`;
  }
  if (band.value > band.value2) {
    return `เกณฑ์ between ต้องมี value ไม่เกิน value2: ได้ ${band.value} ถึง ${band.value2}`;
  }
  return null;
}

/** The parents of a KPI, nearest first; stops at a missing parent (counted) or when a KPI repeats. */
export function parentChain(kpi: Kpi, byId: Map<string, Kpi>): string[] {
  const chain: string[] = [];
  const visited = new Set<string>([kpi.kpi]);
  let parentId = kpi.parent;
  while (parentId !== null && parentId !== undefined) {
    chain.push(parentId);
    if (visited.has(parentId)) break;
    visited.add(parentId);
    const parent = byId.get(parentId);
    if (!parent) break;
    parentId = parent.parent;
  }
  return chain;
}

/** The cycle through `kpi`'s parents (`A → B → A`), or null when its chain ends. */
export function findCycle(kpi: Kpi, kpis: Kpi[], byId: Map<string, number>): string[] | null {
  const path: string[] = [kpi.kpi];
  const position = new Map<string, number>([[kpi.kpi, 0]]);
  let current: Kpi | undefined = kpi;
  while (current && current.parent !== null && current.parent !== undefined) {
    const next: string = current.parent;
    const seenAt = position.get(next);
    if (seenAt !== undefined) return [...path.slice(seenAt), next];
    position.set(next, path.length);
    path.push(next);
    const index = byId.get(next);
    current = index === undefined ? undefined : kpis[index];
  }
  return null;
}

export function generalOrAll(bands: readonly Band[]): Band[] {
  const general = bands.filter((band) => band.unit === null || band.unit === undefined);
  return general.length > 0 ? general : [...bands];
}

export function safeDirection(bands: readonly Band[]): Direction {
  const sane = bands.filter((band) => typeof band.points === 'number' && Number.isFinite(band.points));
  return bandDirection(sane);
}

export function bandName(band: Band): string {
  const unit = band.unit === null || band.unit === undefined ? '' : ` หน่วยงาน ${name(band.unit)}`;
  return `ตัวชี้วัด ${name(band.kpi)} ระดับ ${name(band.level)}${unit}`;
}

/** An id, level or unit name in a message: as written when it is non-empty text, else as `show` puts it. */
export function name(value: unknown): string {
  return typeof value === 'string' && value.trim() !== '' ? value : show(value);
}

/** `ระดับ 4, 3, 2, 1` or `ระดับ 5`. */
export function levelList(bands: readonly Pick<Band, 'level'>[]): string {
  return `ระดับ ${[...new Set(bands.map((band) => name(band.level)))].join(', ')}`;
}

/** The reachable bands tried before the shadowed ones that hold for some of their values: what catches them. */
export function catchers<T extends Pick<Band, 'op' | 'value' | 'value2' | 'level'>>(
  ladder: readonly T[],
  shadowed: readonly T[]
): T[] {
  const found: T[] = [];
  for (const band of ladder) {
    if (shadowed.includes(band)) continue;
    const interval = bandInterval(band);
    const catches = shadowed.some(
      (other) => ladder.indexOf(other) > ladder.indexOf(band) && intervalsMeet(interval, bandInterval(other))
    );
    if (catches) found.push(band);
  }
  return found;
}

/**
 * The valid range of the measured value, when the KPI states one and the measured value is a reported value
 * (`value` measured as the last, mean or highest month: a sum of months or a percentage is not bounded by it).
 */
export function measuredRange(kpi: Pick<Kpi, 'measure' | 'aggregate' | 'min' | 'max'>): ValueRange | null {
  if (kpi.measure !== 'value' || !['last', 'mean', 'max'].includes(kpi.aggregate)) return null;
  const min = isFiniteNumber(kpi.min) ? kpi.min : null;
  const max = isFiniteNumber(kpi.max) ? kpi.max : null;
  if (min === null && max === null) return null;
  if (min !== null && max !== null && min > max) return null;
  return { min, max };
}

export function rangeText({ min, max }: ValueRange): string {
  if (min !== null && max !== null) return `${min}–${max}`;
  return min !== null ? `ไม่น้อยกว่า ${min}` : `ไม่เกิน ${max}`;
}

export function unknownValue(field: string, value: unknown, allowed: readonly string[]): string {
  if (value === null || value === undefined || value === '')
    return `ไม่ได้ระบุ ${field} (ใช้ได้: ${allowed.join(', ')})`;
  return `ไม่รู้จัก ${field} ${show(value)} (ใช้ได้: ${allowed.join(', ')})`;
}

export function includes<T extends string>(allowed: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value);
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

export function isObject<T>(value: T): boolean {
  return typeof value === 'object' && value !== null;
}

export function listOf<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/** A value as it appears in a message: strings quoted, others as JSON would write them. */
export function show(value: unknown): string {
  if (value === undefined) return '(ไม่มี)';
  if (value === null) return '(ว่าง)';
  if (typeof value === 'string') return `"${value.length > 60 ? `${value.slice(0, 60)}…` : value}"`;
  if (typeof value === 'number') return String(value);
  try {
    const json = JSON.stringify(value) ?? String(value);
    return json.length > 60 ? `${json.slice(0, 60)}…` : json;
  } catch {
    return String(value);
  }
}

export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k) ?? [];
    list.push(item);
    groups.set(k, list);
  }
  return groups;
}
