/**
 * Whether the browser's view is phone-wide (40rem, the width of the `@media (max-width: 40rem)` rules of the
 * headline and the report): long sections — the rules of each KPI, the next steps of each district — start
 * folded there. Read once, when a view is drawn; a phone turned sideways keeps what it started with.
 */
export const PHONE_MEDIA = '(max-width: 40rem)';

export function isPhoneWide(): boolean {
  return window.matchMedia(PHONE_MEDIA).matches;
}
