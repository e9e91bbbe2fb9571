/**
 * Demo data is a mode, not data (issue 11). A built-in framework ships demo results; they are kept under a
 * framework of their own, `demo:<id>` (the same rules, another id), so that the real framework's results,
 * scores and the check step's counts never see them. A view shows the demo copy while the framework has no
 * real results (or when the user asks for it, `?d=demo`), always labelled `DEMO_LABEL`.
 */
import type { Framework } from './framework';

/** The label on every view, print and export of demo data. */
export const DEMO_LABEL = 'ข้อมูลตัวอย่าง';

const DEMO_PREFIX = 'demo:';

/** The id the demo data of built-in framework `id` is kept under. */
export function demoFrameworkId(id: string): string {
  return `${DEMO_PREFIX}${id}`;
}

export function isDemoFrameworkId(id: string): boolean {
  return id.startsWith(DEMO_PREFIX);
}

/** The framework a (demo or real) id belongs to: `demo:x` → `x`, `x` → `x`. */
export function realFrameworkId(id: string): string {
  return isDemoFrameworkId(id) ? id.slice(DEMO_PREFIX.length) : id;
}

/** The framework that holds a built-in framework's demo data: the same rules under `demo:<id>`. */
export function demoFramework(builtin: Framework): Framework {
  return { ...builtin, id: demoFrameworkId(builtin.id) };
}

/** What the address asks to see of a built-in framework (`?d=`): its demo, its real results, or (null) either. */
export type DataChoice = 'demo' | 'real' | null;

export function readDataChoice(value: string | null): DataChoice {
  return value === 'demo' || value === 'real' ? value : null;
}

/**
 * Whether a view shows the demo data of a framework: only when it has demo data (a built-in), and then when
 * asked (`demo`), or when nothing is asked and the framework has no real results yet.
 */
export function showsDemo(hasDemo: boolean, hasRealResults: boolean, choice: DataChoice): boolean {
  if (!hasDemo) return false;
  if (choice !== null) return choice === 'demo';
  return !hasRealResults;
}

/**
 * A part of an export's file name for a framework id: the demo copy's is labelled (`ข้อมูลตัวอย่าง_<id>`), so
 * a downloaded CSV or PNG of demo numbers says so in its name.
 */
export function frameworkFilePart(id: string): string {
  return isDemoFrameworkId(id) ? `${DEMO_LABEL}_${realFrameworkId(id)}` : id;
}
