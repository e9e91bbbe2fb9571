/**
 * The browser session: one DuckDB, one workspace, the built-in frameworks with their demo data, and what
 * the user imported. Views read from it through small queries; `revision` changes after every re-score
 * so that views know to read again.
 */
import type { Db } from '../db/types';
import type { Framework, FrameworkIssue } from '../domain/framework';
import { hasErrors } from '../domain/framework-validate';
import type { Rejection } from '../domain/results';
import { BUILTIN_FRAMEWORKS, demoFileName } from '../frameworks/builtin';
import { decodeText } from '../ingest/decode';
import { readFrameworkFiles, type FrameworkFile } from '../ingest/framework-files';
import { readResultsText } from '../ingest/results';
import type { LeagueTable } from '../scoring/league';
import { Workspace, resolveFrameworkUnit } from '../scoring/workspace';

export type SessionStatus = 'starting' | 'loading' | 'ready' | 'error';

/** What one import did: per results file, rows kept and rows rejected; framework issues. */
export interface ImportReport {
  at: number;
  frameworkId: string | null;
  frameworkIssues: FrameworkIssue[];
  files: { file: string; accepted: number; replaced: number; rejected: Rejection[]; warnings: string[] }[];
  error: string | null;
}

export interface SessionDeps {
  openDb: () => Promise<Db>;
  /** Reads a file shipped with the site (demo data), relative to the site root. */
  fetchText: (path: string) => Promise<string>;
}

const FRAMEWORK_FILE = /(^|[\\/])(framework|kpis|levels|targets)\.csv$|\.json$/i;

export function isFrameworkFile(name: string): boolean {
  return FRAMEWORK_FILE.test(name);
}

export class Session {
  status = $state<SessionStatus>('starting');
  error = $state<string | null>(null);
  frameworks = $state<Framework[]>([]);
  revision = $state(0);
  lastImport = $state<ImportReport | null>(null);
  private workspace: Workspace | null = null;
  private readonly deps: SessionDeps;

  constructor(deps: SessionDeps) {
    this.deps = deps;
  }

  async start(): Promise<void> {
    try {
      const db = await this.deps.openDb();
      this.workspace = await Workspace.open(db);
      this.status = 'loading';
      for (const framework of BUILTIN_FRAMEWORKS) await this.loadBuiltin(framework);
      this.frameworks = this.workspace.frameworks;
      this.status = 'ready';
      this.revision++;
    } catch (error) {
      this.status = 'error';
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private async loadBuiltin(framework: Framework): Promise<void> {
    const workspace = this.requireWorkspace();
    await workspace.putFramework(framework);
    const file = demoFileName(framework.id);
    const text = await this.deps.fetchText(`demo/${file}`);
    const report = readResultsText(file, text, { framework });
    await workspace.putResults(framework.id, report.rows);
    await workspace.score(framework.id);
  }

  /** The workspace, for views' read queries (src/lib/scoring/*-queries.ts take it). Throws before `ready`. */
  requireWorkspace(): Workspace {
    if (!this.workspace) throw new Error('the database is not ready');
    return this.workspace;
  }

  framework(id: string): Framework | undefined {
    return this.frameworks.find((framework) => framework.id === id);
  }

  async leagueTable(frameworkId: string, periodId: string, group: string): Promise<LeagueTable> {
    return this.requireWorkspace().leagueTable(frameworkId, periodId, group);
  }

  /**
   * Imports files: framework files (the §9.2 CSVs or a JSON) first, then results files for that
   * framework (or for `currentFrameworkId` when no framework is among the files). Re-scores once.
   */
  async importFiles(
    files: readonly { name: string; bytes: Uint8Array }[],
    currentFrameworkId: string | null
  ) {
    const workspace = this.requireWorkspace();
    const report: ImportReport = {
      at: Date.now(),
      frameworkId: currentFrameworkId,
      frameworkIssues: [],
      files: [],
      error: null
    };
    try {
      const frameworkFiles: FrameworkFile[] = [];
      const resultFiles: { name: string; text: string }[] = [];
      for (const file of files) {
        const text = decodeText(file.bytes).text;
        (isFrameworkFile(file.name) ? frameworkFiles : resultFiles).push({ name: file.name, text });
      }
      if (frameworkFiles.length > 0) {
        const read = readFrameworkFiles(frameworkFiles, {
          resolveUnit: (name, fw) => resolveFrameworkUnit(fw, name) !== null
        });
        report.frameworkIssues = read.issues;
        if (!read.framework || hasErrors(read.issues)) {
          report.error = 'framework';
          this.lastImport = report;
          return report;
        }
        const stored = await workspace.putFramework(read.framework);
        report.frameworkIssues = [...read.issues, ...stored.filter((issue) => !read.issues.includes(issue))];
        if (hasErrors(stored)) {
          report.error = 'framework';
          this.lastImport = report;
          return report;
        }
        report.frameworkId = read.framework.id;
      }
      const framework = report.frameworkId ? workspace.framework(report.frameworkId) : undefined;
      if (resultFiles.length > 0 && !framework) {
        report.error = 'no-framework';
      } else if (framework) {
        for (const file of resultFiles) {
          const read = readResultsText(file.name, file.text, { framework });
          const stored = await workspace.putResults(framework.id, read.rows);
          report.files.push({
            file: file.name,
            accepted: read.rows.length,
            replaced: stored.replaced,
            rejected: read.rejected,
            warnings: read.warnings
          });
        }
        await workspace.score(framework.id);
      }
      this.frameworks = workspace.frameworks;
      this.revision++;
    } catch (error) {
      report.error = error instanceof Error ? error.message : String(error);
    }
    this.lastImport = report;
    return report;
  }
}
