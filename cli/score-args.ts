/**
 * The `score` command's arguments (cli/score-command.ts): its usage text and the flags read into `Options`
 * (`--flag value` or `--flag=value`); a wrong one is a `UsageError` (exit 2).
 */

export const USAGE = `usage: npm run score -- --framework <built-in id | folder | framework.json> (--results <file> [--results <file> …] | --demo) --period <P> [--format csv|json] [--sheet <name>] [--engine native|wasm] [--parquet <folder>]
       npm run score -- --framework <…> --period <P> --template <out.xlsx|out.csv|out.zip> [--layout long|wide]
       npm run score -- --list
P: 2567-09 (month, BE) · FY2567-Q4 · FY2567-R2 · FY2567
results files: CSV/TSV/TXT in UTF-8 (with or without BOM) or Windows-874, or .xlsx (the first sheet holding a
results table, or --sheet <name>) — read by the same rules as the upload page
--template: writes the reporting template districts fill in (every district × KPI × month of P, values empty):
.xlsx (a sheet per layout, notes, data validation), .csv (--layout long, the default, or wide), or .zip (one
.xlsx per district)`;

export interface Options {
  framework: string | null;
  results: string[];
  period: string | null;
  format: 'csv' | 'json';
  sheet: string | null;
  engine: 'native' | 'wasm';
  demo: boolean;
  list: boolean;
  help: boolean;
  template: string | null;
  layout: 'long' | 'wide' | null;
  parquet: string | null;
}

export class UsageError extends Error {}

export function parseArgs(argv: readonly string[]): Options {
  const options: Options = {
    framework: null,
    results: [],
    period: null,
    format: 'csv',
    sheet: null,
    engine: 'native',
    demo: false,
    list: false,
    help: false,
    template: null,
    layout: null,
    parquet: null
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] =
      argv[i].startsWith('--') && argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i]];
    const value = (): string => {
      const next = inline ?? argv[++i];
      if (next === undefined || (inline === undefined && next.startsWith('--'))) {
        throw new UsageError(`${flag} needs a value`);
      }
      return next;
    };
    switch (flag) {
      case '--framework':
        options.framework = value();
        break;
      case '--results':
        options.results.push(value());
        break;
      case '--period':
        options.period = value();
        break;
      case '--format': {
        const format = value();
        if (format !== 'csv' && format !== 'json')
          throw new UsageError(`--format must be csv or json, not ${format}`);
        options.format = format;
        break;
      }
      case '--sheet':
        options.sheet = value();
        break;
      case '--engine': {
        const engine = value();
        if (engine !== 'native' && engine !== 'wasm') throw new UsageError(`--engine must be native or wasm`);
        options.engine = engine;
        break;
      }
      case '--demo':
        options.demo = true;
        break;
      case '--template':
        options.template = value();
        break;
      case '--parquet':
        options.parquet = value();
        break;
      case '--layout': {
        const layout = value();
        if (layout !== 'long' && layout !== 'wide') throw new UsageError(`--layout must be long or wide`);
        options.layout = layout;
        break;
      }
      case '--list':
        options.list = true;
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        throw new UsageError(`unknown argument ${argv[i]}`);
    }
  }
  return options;
}
