/**
 * `score --template <file>` (issue 14.2, cli/score-command.ts): the reporting template of a framework for a
 * period, written as the Data page downloads it. Nothing is scored.
 */
import { writeFile } from 'node:fs/promises';
import { parsePeriodId, periodsOfFramework } from '../src/lib/domain/periods';
import { buildTemplate, templateCsv } from '../src/lib/export/template';
import { USAGE, type Options } from './score-args';
import { ScoreError, failed, issueLine, loadFramework, type Output } from './score-framework';

/**
 * `--template <file>` (issue 14.2): the reporting template of the framework for the period, as the Data page
 * downloads it — .xlsx, .csv (long or wide) or .zip (one workbook per district). Nothing is scored.
 */
export async function writeTemplate(options: Options, out: Output): Promise<number> {
  const file = options.template!;
  const kind = /\.xlsx$/i.test(file)
    ? 'xlsx'
    : /\.csv$/i.test(file)
      ? 'csv'
      : /\.zip$/i.test(file)
        ? 'zip'
        : null;
  if (!options.framework || !options.period || options.results.length > 0 || options.demo || !kind) {
    const why = !kind
      ? `--template needs a file name ending in .xlsx, .csv or .zip, not ${file}`
      : `--template needs --framework and --period, and no --results or --demo`;
    out.stderr(`${why}\n${USAGE}\n`);
    return 2;
  }
  if (options.layout !== null && kind !== 'csv') {
    out.stderr(`--layout is for a .csv template (a workbook has both layouts)\n${USAGE}\n`);
    return 2;
  }
  const period = parsePeriodId(options.period);
  if (!period) {
    out.stderr(`bad period "${options.period}": use 2567-09, FY2567-Q4, FY2567-R2 or FY2567\n`);
    return 1;
  }
  try {
    const { framework, issues } = await loadFramework(options.framework);
    for (const issue of issues.filter((i) => i.severity === 'warning')) out.stderr(issueLine(issue) + '\n');
    const months = new Set(periodsOfFramework(framework.fiscalYear, framework.period).at(-1)?.months ?? []);
    if (!period.months.every((month) => months.has(month))) {
      throw new ScoreError(
        `period ${period.id} is not inside the framework's ${framework.fiscalYear} ${framework.period ?? ''}`.trim()
      );
    }
    const template = buildTemplate(framework, period);
    if (template.units.length === 0 || template.kpis.length === 0)
      throw new ScoreError(`framework ${framework.id} has no units or no KPIs that take results`);
    let bytes: Uint8Array;
    if (kind === 'csv') bytes = new TextEncoder().encode(templateCsv(template, options.layout ?? 'long'));
    else {
      const { templateXlsx, templateZip } = await import('../src/lib/export/template-xlsx');
      bytes = kind === 'zip' ? await templateZip(template) : await templateXlsx(template);
    }
    try {
      await writeFile(file, bytes);
    } catch (error) {
      throw new ScoreError(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
    }
    out.stderr(
      `wrote ${file}: ${template.units.length} unit(s) × ${template.kpis.length} KPI(s) × ${period.months.length} month(s) of ${period.id}\n`
    );
    return 0;
  } catch (error) {
    return failed(error, out);
  }
}
