/**
 * Rejections as a download: the rejected lines of a results file as a CSV file users open in Excel.
 */
import type { Rejection } from '../domain/results';

/** A cell that Excel would run as a formula starts with one of these (DESIGN §8). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvField(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/**
 * Rejections as a CSV file to download: `file,line,column,reason,suggestions` (suggestions joined with ` | `),
 * UTF-8 BOM so that Excel reads the Thai, CRLF line ends, every field quoted, formula starts defused.
 */
export function rejectionsToCsv(rejected: readonly Rejection[]): string {
  const lines = [['file', 'line', 'column', 'reason', 'suggestions'].map(csvField).join(',')];
  for (const rejection of rejected) {
    lines.push(
      [
        rejection.file,
        String(rejection.line),
        rejection.column ?? '',
        rejection.reason,
        (rejection.suggestions ?? []).join(' | ')
      ]
        .map(csvField)
        .join(',')
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
