/**
 * The dashboard's view state as URL parameters (`?f=<framework>&p=<period>&g=<group>&lang=en`), so a
 * link reproduces the view. Pure functions: the page reads and writes `location` with them.
 */
export interface ViewParams {
  framework: string | null;
  period: string | null;
  /** `*` = all groups. */
  group: string;
  lang: 'th' | 'en';
}

export const DEFAULT_VIEW: ViewParams = { framework: null, period: null, group: '*', lang: 'th' };

export function readViewParams(search: URLSearchParams): ViewParams {
  return {
    framework: search.get('f') || null,
    period: search.get('p') || null,
    group: search.get('g') || '*',
    lang: search.get('lang') === 'en' ? 'en' : 'th'
  };
}

/** The query string (with `?`, or '' when everything is default) for a view. */
export function viewSearch(view: ViewParams): string {
  const search = new URLSearchParams();
  if (view.framework) search.set('f', view.framework);
  if (view.period) search.set('p', view.period);
  if (view.group !== '*') search.set('g', view.group);
  if (view.lang === 'en') search.set('lang', 'en');
  const text = search.toString();
  return text ? `?${text}` : '';
}
