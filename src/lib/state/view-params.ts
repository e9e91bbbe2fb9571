/**
 * The dashboard's view state as URL parameters, so a link reproduces the view:
 * `f` framework · `p` period · `g` group · `u` unit (district page) · `k` KPI · `p2` second period (compare)
 * · `us` chosen units (comma list) · `q` search · `s` sort (`column` or `-column`) · `lang=en`
 * · `m=top` the misses view lists what is below the top level (absent: below the target level)
 * · `d` what a built-in framework shows: `demo` (its demo data, apart from real results), `real` (its real
 * results, none yet included); absent = real results once there are any, else the demo (issue 11).
 * Pure functions: the layout reads and writes `location` with them.
 */
import { readDataChoice, type DataChoice } from '../domain/demo';

export interface ViewParams {
  framework: string | null;
  /** `d`: demo or real data of a built-in framework; null = real once there is any. */
  data: DataChoice;
  period: string | null;
  /** `*` = all groups. */
  group: string;
  unit: string | null;
  kpi: string | null;
  period2: string | null;
  units: string[];
  search: string;
  sort: string | null;
  lang: 'th' | 'en';
  /** `m`: what the misses view lists — below the KPI's target level (default) or below its top level. */
  missLevel: 'target' | 'top';
}

export const DEFAULT_VIEW: ViewParams = {
  framework: null,
  data: null,
  period: null,
  group: '*',
  unit: null,
  kpi: null,
  period2: null,
  units: [],
  search: '',
  sort: null,
  lang: 'th',
  missLevel: 'target'
};

export function readViewParams(search: URLSearchParams): ViewParams {
  return {
    framework: search.get('f') || null,
    data: readDataChoice(search.get('d')),
    period: search.get('p') || null,
    group: search.get('g') || '*',
    unit: search.get('u') || null,
    kpi: search.get('k') || null,
    period2: search.get('p2') || null,
    units: (search.get('us') ?? '').split(',').filter(Boolean),
    search: search.get('q') ?? '',
    sort: search.get('s') || null,
    lang: search.get('lang') === 'en' ? 'en' : 'th',
    missLevel: search.get('m') === 'top' ? 'top' : 'target'
  };
}

/** Reads a view from a query string (`?f=…&p=…` or without the `?`). */
export function readViewSearch(search: string): ViewParams {
  return readViewParams(new URLSearchParams(search));
}

/** The query string (with `?`, or '' when everything is default) for a view. */
export function viewSearch(view: ViewParams): string {
  const search = new URLSearchParams();
  if (view.framework) search.set('f', view.framework);
  if (view.data) search.set('d', view.data);
  if (view.period) search.set('p', view.period);
  if (view.group !== '*') search.set('g', view.group);
  if (view.unit) search.set('u', view.unit);
  if (view.kpi) search.set('k', view.kpi);
  if (view.period2) search.set('p2', view.period2);
  if (view.units.length > 0) search.set('us', view.units.join(','));
  if (view.search) search.set('q', view.search);
  if (view.sort) search.set('s', view.sort);
  if (view.lang === 'en') search.set('lang', 'en');
  if (view.missLevel === 'top') search.set('m', 'top');
  const text = search.toString();
  return text ? `?${text}` : '';
}

/**
 * Where the view goes after an import: to the framework imported (its latest period, every group) when it is
 * not the one on screen; to the view's latest month when results came in; else nowhere (null).
 */
export function viewAfterImport(
  report: { frameworkId: string | null; error: string | null; files: { added: number; changed: number }[] },
  frameworkOnScreen: string | null
): Partial<ViewParams> | null {
  if (report.frameworkId && report.frameworkId !== frameworkOnScreen && !report.error) {
    return { framework: report.frameworkId, period: null, group: '*', data: null };
  }
  if (report.files.some((file) => file.added + file.changed > 0)) return { data: null };
  return null;
}
