/**
 * Pieces of the printed report (issue 13.6) that are not the headline: the source letter as a reader
 * names it (the built-ins' `source` begins with the seed file it was transcribed from — an internal
 * reference, not what the governor reads).
 */
import type { Framework } from '../domain/framework';

/** `หนังสือจังหวัด… ลงวันที่ …` from `seed 000 (000_x.txt): หนังสือจังหวัด…`; null without a source. */
export function reportSource(framework: Pick<Framework, 'source'>): string | null {
  const source = framework.source?.trim();
  if (!source) return null;
  return source.replace(/^seed\s+\d+\s*\([^)]*\)\s*:\s*/i, '') || null;
}
