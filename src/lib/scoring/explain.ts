/**
 * "Why" for one KPI of one unit (DESIGN §1, issue 4 §6): which months were used and how they were
 * aggregated, how the measure was computed, which band matched (its criterion text), the score, and what
 * the next band asks for. Composites show their sub-items' points and how they combine. Pure text.
 */
import { reachableBands } from '../domain/bands';
import { missGaps, nextBand } from '../domain/gaps';
import { monthLabel } from '../domain/periods';
import type { ScorecardRow } from './district-queries';
import {
  aggregateText,
  bandCondition,
  combineName,
  formatMeasured,
  formatNumber,
  gapText,
  measureName,
  rawGapText,
  type Lang
} from './kpi-text';

export interface ExplainLine {
  /** What the line is about (`เดือนที่ใช้`, `ค่าที่ใช้จัดระดับ`, …). */
  term: string;
  text: string;
}

const TERMS = {
  th: {
    months: 'เดือนที่ใช้',
    aggregate: 'การรวมค่า',
    measure: 'ค่าที่ใช้จัดระดับ',
    band: 'เกณฑ์ที่ผ่าน',
    score: 'คะแนน',
    next: 'ระดับถัดไป',
    target: 'ระดับเป้าหมาย'
  },
  en: {
    months: 'Months used',
    aggregate: 'Aggregation',
    measure: 'Measured value',
    band: 'Band reached',
    score: 'Score',
    next: 'Next level',
    target: 'Target level'
  }
} as const;

const num = (value: number | null, lang: Lang) => formatNumber(value, lang, 2);

function monthsLine(row: ScorecardRow, periodMonths: readonly string[], lang: Lang): string {
  const reported = new Set(row.months.map((m) => m.month));
  const label = (month: string) => monthLabel(month, lang, 'short');
  if (reported.size === 0) return lang === 'th' ? 'ไม่ได้รายงานเลยในช่วงนี้' : 'nothing reported in this period';
  const missing = periodMonths.filter((month) => !reported.has(month));
  const listed = row.months.map((m) => label(m.month)).join(', ');
  if (lang === 'th') {
    const gaps = missing.length > 0 ? ` (ไม่ได้รายงาน: ${missing.map(label).join(', ')})` : '';
    return `รายงาน ${reported.size} จาก ${periodMonths.length} เดือน: ${listed}${gaps}`;
  }
  const gaps = missing.length > 0 ? ` (not reported: ${missing.map(label).join(', ')})` : '';
  return `${reported.size} of ${periodMonths.length} months reported: ${listed}${gaps}`;
}

function aggregateLine(row: ScorecardRow, lang: Lang): string | null {
  const { months, kpi, cell } = row;
  if (months.length === 0) return null;
  const values = months.map((m) => m.value).filter((v): v is number => v !== null);
  let formula: string;
  switch (kpi.aggregate) {
    case 'sum':
      formula = `${values.map((v) => num(v, lang)).join(' + ')} = ${num(cell.value, lang)}`;
      break;
    case 'mean':
      formula = `(${values.map((v) => num(v, lang)).join(' + ')}) ÷ ${values.length} = ${num(cell.value, lang)}`;
      break;
    case 'max': {
      const best = months.find((m) => m.value === cell.value);
      formula = `${best ? monthLabel(best.month, lang, 'short') + ' ' : ''}= ${num(cell.value, lang)}`;
      break;
    }
    default:
      formula = `${cell.lastMonth ? monthLabel(cell.lastMonth, lang, 'short') + ' ' : ''}= ${num(cell.value, lang)}`;
  }
  const extras: string[] = [];
  if (cell.target !== null) extras.push(`${lang === 'th' ? 'เป้าหมาย' : 'target'} ${num(cell.target, lang)}`);
  if (cell.baseline !== null)
    extras.push(`${lang === 'th' ? 'ฐาน' : 'baseline'} ${num(cell.baseline, lang)}`);
  const tail = extras.length > 0 ? `; ${extras.join(', ')}` : '';
  return `${aggregateText(kpi.aggregate, lang)}: ${formula}${tail}`;
}

function compositeFormula(row: ScorecardRow, children: readonly ScorecardRow[], lang: Lang): string {
  const name = combineName(row.kpi.combine ?? 'sum', lang);
  const absent = children.filter((child) => child.cell.status === 'missing');
  if (absent.length > 0) {
    const ids = absent.map((child) => child.kpi.kpi).join(', ');
    return lang === 'th'
      ? `${name}: รายการย่อย ${ids} ไม่ได้รายงาน จึงถือว่าไม่ได้รายงาน`
      : `${name}: sub-item ${ids} not reported, so this KPI is not reported`;
  }
  const scores = children.map((child) => `${child.kpi.kpi} ${num(child.cell.score, lang)}`);
  const result = formatMeasured(row.cell.measured, row.kpi, lang, 'full');
  switch (row.kpi.combine) {
    case 'mean':
      return `${name}: (${scores.join(' + ')}) ÷ ${children.length} = ${result}`;
    case 'min':
      return `${name}: ${lang === 'th' ? 'ต่ำสุดของ' : 'lowest of'} ${scores.join(', ')} = ${result}`;
    case 'count_top':
      return `${name}: ${children.map((child) => `${child.kpi.kpi} ${child.cell.isTop ? '✓' : '✗'}`).join(', ')} = ${result}`;
    default:
      return `${name}: ${scores.join(' + ')} = ${result}`;
  }
}

function measureLine(row: ScorecardRow, children: readonly ScorecardRow[], lang: Lang): string | null {
  const { kpi, cell } = row;
  if (kpi.measure === 'combine') return compositeFormula(row, children, lang);
  if (cell.status === 'missing' && cell.value === null) return null;
  const name = measureName(kpi.measure, lang);
  const measured = formatMeasured(cell.measured, kpi, lang, 'full');
  switch (kpi.measure) {
    case 'pct_of_target':
      if (cell.target === null || cell.measured === null) {
        return lang === 'th' ? `${name}: ไม่มีค่าเป้าหมาย จึงคำนวณไม่ได้` : `${name}: no target, cannot be computed`;
      }
      return `${name}: ${num(cell.value, lang)} ÷ ${num(cell.target, lang)} × 100 = ${num(cell.measured, lang)}`;
    case 'growth_pct':
      if (cell.baseline === null || cell.measured === null) {
        return lang === 'th' ? `${name}: ไม่มีค่าฐาน จึงคำนวณไม่ได้` : `${name}: no baseline, cannot be computed`;
      }
      return `${name}: (${num(cell.value, lang)} − ${num(cell.baseline, lang)}) ÷ ${num(cell.baseline, lang)} × 100 = ${num(cell.measured, lang)}`;
    case 'rank_desc':
    case 'rank_asc':
      return lang === 'th'
        ? `${name}: ค่า ${num(cell.value, lang)} ได้${measured} จาก ${row.unitsMeasured} หน่วยที่รายงาน`
        : `${name}: value ${num(cell.value, lang)} is ${measured} of ${row.unitsMeasured} units that reported`;
    default:
      return `${name} = ${measured}`;
  }
}

function bandLine(row: ScorecardRow, lang: Lang): string {
  const { cell, kpi, bands } = row;
  if (cell.status === 'missing') {
    return lang === 'th' ? 'ไม่ได้รายงาน — ได้ 0 คะแนน' : 'not reported — scores 0';
  }
  if (cell.status === 'below') {
    const worst = bands.at(-1);
    const needed = worst ? bandCondition(worst, kpi, lang) : '';
    return lang === 'th'
      ? `ต่ำกว่าเกณฑ์ทุกระดับ — ได้ 0 คะแนน${worst ? ` (ระดับต่ำสุด ${worst.level} ต้อง${needed})` : ''}`
      : `below every band — scores 0${worst ? ` (the lowest level ${worst.level} needs ${needed})` : ''}`;
  }
  const matched = bands.find((band) => band.level === cell.level);
  const condition = matched ? ` (${bandCondition(matched, kpi, lang)})` : '';
  const label = cell.bandLabel ? `: ${cell.bandLabel}` : '';
  return `${lang === 'th' ? 'ระดับ' : 'Level'} ${cell.level}${condition}${label}`;
}

function scoreLine(row: ScorecardRow, lang: Lang): string {
  const { cell, kpi } = row;
  const parts: string[] = [];
  if (cell.status === 'ok' && cell.points !== null) {
    const base = Math.max(0, cell.score - (cell.adjust ?? 0));
    if (kpi.interpolate && Math.abs(base - cell.points) > 1e-9) {
      parts.push(
        lang === 'th'
          ? `เทียบบัญญัติไตรยางศ์ระหว่างระดับ ${cell.level} (${num(cell.points, lang)}) กับระดับถัดไป = ${num(base, lang)}`
          : `interpolated between level ${cell.level} (${num(cell.points, lang)}) and the next = ${num(base, lang)}`
      );
    } else parts.push(`${num(cell.points, lang)} ${lang === 'th' ? 'คะแนน' : 'points'}`);
    if (cell.adjust !== null && cell.adjust !== 0) {
      parts.push(
        `${lang === 'th' ? 'ปรับคะแนน' : 'adjustment'} ${num(cell.adjust, lang)} → ${num(cell.score, lang)}`
      );
    }
  } else parts.push(`0 ${lang === 'th' ? 'คะแนน' : 'points'}`);
  if (row.weightedScore !== null && kpi.weight !== null) {
    parts.push(
      `${lang === 'th' ? 'ถ่วงน้ำหนัก' : 'weighted'}: ${num(cell.score, lang)} × ${num(kpi.weight, lang)} ÷ 100 = ${formatNumber(row.weightedScore, lang, 4, 2)}`
    );
  }
  return parts.join('; ');
}

function gapLine(gap: ReturnType<typeof missGaps>['next'], row: ScorecardRow, lang: Lang): string {
  if (gap === null) return '';
  const head = `${lang === 'th' ? 'ระดับ' : 'Level'} ${gap.band.level}: ${bandCondition(gap.band, row.kpi, lang)}`;
  if (gap.reached) return head;
  const raw = rawGapText(gap, lang);
  return `${head} — ${gapText(gap, row.kpi, lang, false)}${raw ? ` (${raw})` : ''}`;
}

/** The explanation of one scorecard row; `children` are its sub-items' rows (composites). */
export function explainKpi(
  row: ScorecardRow,
  children: readonly ScorecardRow[],
  periodMonths: readonly string[],
  lang: Lang
): ExplainLine[] {
  const terms = TERMS[lang];
  const lines: ExplainLine[] = [];
  const { kpi, cell } = row;
  if (kpi.measure !== 'combine') {
    lines.push({ term: terms.months, text: monthsLine(row, periodMonths, lang) });
    const aggregate = aggregateLine(row, lang);
    if (aggregate) lines.push({ term: terms.aggregate, text: aggregate });
  }
  const measure = measureLine(row, children, lang);
  if (measure) lines.push({ term: terms.measure, text: measure });
  lines.push({ term: terms.band, text: bandLine(row, lang) });
  lines.push({ term: terms.score, text: scoreLine(row, lang) });

  const gaps = missGaps({
    measured: cell.measured,
    level: cell.status === 'ok' ? cell.level : null,
    unitId: '',
    bands: row.bands.map((band) => ({ ...band, unitId: null })),
    targetLevel: kpi.targetLevel,
    context: { measure: kpi.measure, value: cell.value, target: cell.target, baseline: cell.baseline }
  });
  if (cell.status === 'ok' && nextBand(reachableBands(row.bands), cell.level) === null) {
    lines.push({ term: terms.next, text: lang === 'th' ? 'ได้ระดับสูงสุดแล้ว' : 'already at the top level' });
  } else if (cell.status === 'missing') {
    const target = gaps.target?.band ?? row.bands[0];
    if (target) {
      const need = `${lang === 'th' ? 'ระดับ' : 'Level'} ${target.level}: ${bandCondition(target, kpi, lang)}`;
      lines.push({
        term: terms.target,
        text: `${need} — ${lang === 'th' ? 'ต้องรายงานผล' : 'report a result'}`
      });
    }
  } else if (gaps.next) {
    lines.push({ term: terms.next, text: gapLine(gaps.next, row, lang) });
  }
  if (
    cell.status !== 'missing' &&
    gaps.target &&
    !gaps.target.reached &&
    gaps.target.band.level !== gaps.next?.band.level
  ) {
    lines.push({ term: terms.target, text: gapLine(gaps.target, row, lang) });
  }
  return lines;
}
