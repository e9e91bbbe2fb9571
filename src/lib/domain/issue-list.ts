/**
 * The one collector of framework issues (issue 12), for the readers (src/lib/ingest/framework-*.ts) and the
 * validator (framework-validate.ts): each issue once, at most `MAX_ISSUES` listed and the rest counted in
 * one last issue, errors first.
 */
import type { FrameworkIssue } from './framework';

/** Issues listed at most; the rest are counted in one last issue. */
export const MAX_ISSUES = 1_000;

export interface IssueListOptions {
  /** Where the last issue (the count of those left off) is placed; default `framework`. */
  where?: () => string;
  /** Shortens what a message quotes (a cell of a megabyte is named, not copied: issue 7). */
  clip?: (text: string, max?: number) => string;
}

export class IssueList {
  private readonly issues: FrameworkIssue[] = [];
  private readonly seen = new Set<string>();
  private readonly untold = { errors: 0, warnings: 0 };

  constructor(private readonly options: IssueListOptions = {}) {}

  add(issue: FrameworkIssue): void {
    const clip = this.options.clip;
    const added = clip ? { ...issue, where: clip(issue.where, 200), message: clip(issue.message) } : issue;
    const key = `${added.severity}\u0000${added.where}\u0000${added.message}`;
    if (this.seen.has(key)) return;
    if (this.issues.length >= MAX_ISSUES) {
      if (added.severity === 'error') this.untold.errors++;
      else this.untold.warnings++;
      return;
    }
    this.seen.add(key);
    this.issues.push(added);
  }

  error(where: string, message: string): void {
    this.add({ severity: 'error', where, message });
  }

  warning(where: string, message: string): void {
    this.add({ severity: 'warning', where, message });
  }

  hasErrors(): boolean {
    return this.untold.errors > 0 || this.issues.some((issue) => issue.severity === 'error');
  }

  /** Errors first, then warnings; a last issue counts those left off. */
  list(): FrameworkIssue[] {
    const { errors, warnings } = this.untold;
    const more: FrameworkIssue[] = [];
    if (errors + warnings > 0) {
      more.push({
        severity: errors > 0 ? 'error' : 'warning',
        where: this.options.where?.() ?? 'framework',
        message: `และปัญหาอื่นอีก ${errors + warnings} รายการที่ไม่ได้แสดง (ข้อผิดพลาด ${errors}, คำเตือน ${warnings})`
      });
    }
    return [
      ...this.issues.filter((issue) => issue.severity === 'error'),
      ...this.issues.filter((issue) => issue.severity === 'warning'),
      ...more
    ];
  }
}
