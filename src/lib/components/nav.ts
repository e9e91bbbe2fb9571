/** The views, in the order of the navigation bar (DESIGN §7). */
import type { StringKey } from '../i18n/strings';

export const NAV_ITEMS: readonly { path: string; key: StringKey }[] = [
  { path: '/', key: 'navLeague' },
  { path: '/trends/', key: 'navTrends' },
  { path: '/compare/', key: 'navCompare' },
  { path: '/missions/', key: 'navMissions' },
  { path: '/misses/', key: 'navMisses' },
  { path: '/district/', key: 'navDistrict' },
  { path: '/rules/', key: 'navRules' },
  { path: '/data/', key: 'navData' }
];
