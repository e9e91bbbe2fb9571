/**
 * Units, a part of the reading rules (../reading-rules.ts): what the units of a framework are (`scopeOf`: one
 * province's districts, the provinces, or every district) and a line's unit name → its code or the problem
 * (`UnitResolver`: the province column, user-accepted names, work groups, total lines, ambiguous and unknown
 * names with suggestions).
 */
import type { Framework } from '../../domain/framework';
import { stripInvisible } from '../../domain/thai-text';
import {
  DISTRICTS,
  findProvince,
  matchDistrict,
  matchProvince,
  normalizeUnitName,
  provinceById,
  type District,
  type Province
} from '../../domain/units';
import type { UnitIssueKind, UnitSuggestion } from '../results-report';
import { roleKey } from './header-names';
import { orList, type Problem } from './problems';

export type UnitScope =
  | { kind: 'province'; province: Province }
  | { kind: 'provinces' }
  | { kind: 'districts' }
  | { kind: 'invalid'; name: string };

export function scopeOf(framework: Framework): UnitScope {
  const name = framework.province;
  if (name === null || name === undefined || stripInvisible(name) === '') return { kind: 'provinces' };
  if (stripInvisible(name) === '*') return { kind: 'districts' };
  const province = findProvince(name);
  return province ? { kind: 'province', province } : { kind: 'invalid', name };
}

const districtsById = new Map<string, District>(DISTRICTS.map((d) => [d.id, d]));

export type UnitResolution = { ok: true; unitId: string } | { ok: false; problems: Problem[] };

function suggestionText(suggestions: readonly string[]): string {
  return suggestions.length > 0 ? ` — หมายถึง ${orList(suggestions)} หรือไม่?` : '';
}

/** A total line under a table (`รวม`, `รวมทั้งสิ้น`, `Total`): not a unit, and worth saying so. */
const TOTAL_ROW = /^(?:รวม|ผลรวม|ยอดรวม|total|grandtotal|sum)/;

export interface UnitColumns {
  unit: number;
  unitHeader: string;
  province: number | undefined;
  provinceHeader: string | null;
}

/** The unit-name problem of a line: its reason, the suggestions shown, and how a report groups it. */
type UnitProblem = (
  reason: string,
  suggestions?: string[],
  unit?: { kind: UnitIssueKind; suggestions: UnitSuggestion[] }
) => UnitResolution;

/** The province a line's districts are looked up in: the framework's, or the one its province column names. */
type LineProvince = { ok: true; province: Province | null } | { ok: false; problems: Problem[] };

function unitProblemOf(columns: UnitColumns, name: string): UnitProblem {
  return (reason, suggestions, unit) => ({
    ok: false,
    problems: [
      {
        column: columns.unitHeader,
        reason,
        ...(suggestions ? { suggestions } : {}),
        ...(unit ? { unit: { ...unit, name } } : {})
      }
    ]
  });
}

export class UnitResolver {
  constructor(
    private readonly scope: UnitScope,
    private readonly aliases: ReadonlyMap<string, string> | undefined,
    private readonly frameworkName: string
  ) {}

  /** The unit word of the framework: อำเภอ, or จังหวัด for a national framework of provinces. */
  get unitWord(): string {
    return this.scope.kind === 'provinces' ? 'จังหวัด' : 'อำเภอ';
  }

  resolve(cells: readonly string[], columns: UnitColumns): UnitResolution {
    const name = stripInvisible(cells[columns.unit] ?? '');
    const provinceText = columns.province === undefined ? '' : stripInvisible(cells[columns.province] ?? '');
    const unitProblem = unitProblemOf(columns, name);
    if (name === '') return unitProblem(`ไม่ได้ระบุชื่อ${this.unitWord}`);

    const scope = this.scope;
    if (scope.kind === 'invalid') {
      return unitProblem(`จังหวัดของกรอบ "${this.frameworkName}" ("${scope.name}") ไม่อยู่ในรายชื่อจังหวัด`);
    }
    if (scope.kind === 'provinces') return this.resolveProvinceUnit(name, unitProblem);

    // Units are districts: the province column (if any) first.
    const lineProvince = this.provinceOfLine(
      provinceText,
      columns,
      scope.kind === 'province' ? scope.province : null
    );
    if (!lineProvince.ok) return lineProvince;
    return this.resolveDistrict(name, lineProvince.province, unitProblem);
  }

  /** The province column's province, checked against the framework's (`province`: null for every district). */
  private provinceOfLine(
    provinceText: string,
    columns: UnitColumns,
    province: Province | null
  ): LineProvince {
    if (provinceText === '') return { ok: true, province };
    const matched = matchProvince(provinceText);
    if (matched.kind === 'unknown') {
      const suggestions = matched.suggestions.map((p) => p.name);
      return {
        ok: false,
        problems: [
          {
            column: columns.provinceHeader,
            reason: `ไม่พบจังหวัด "${provinceText}"${suggestionText(suggestions)}`,
            suggestions
          }
        ]
      };
    }
    if (province && matched.province.id !== province.id) {
      return {
        ok: false,
        problems: [
          {
            column: columns.provinceHeader,
            reason: `แถวนี้เป็นของจังหวัด${matched.province.name} ไม่ใช่จังหวัด${province.name}ของกรอบ "${this.frameworkName}"`
          }
        ]
      };
    }
    return { ok: true, province: matched.province };
  }

  /** A district name (in `province`, or anywhere when null) → its code, or why not. */
  private resolveDistrict(name: string, province: Province | null, unitProblem: UnitProblem): UnitResolution {
    const aliased = this.aliasedDistrict(name, province);
    if (aliased) return { ok: true, unitId: aliased.id };

    const where = province ? ` ในจังหวัด${province.name}` : '';
    const match = matchDistrict(name, province);
    switch (match.kind) {
      case 'match':
        return { ok: true, unitId: match.district.id };
      case 'work_group':
        return unitProblem(`"${name}" เป็นกลุ่มงานของสำนักงานจังหวัด ไม่ใช่อำเภอ`, undefined, {
          kind: 'work_group',
          suggestions: []
        });
      case 'ambiguous': {
        const suggestions = match.candidates.map((d) => `${d.name} จ.${d.province}`);
        const provinces = [...new Set(match.candidates.map((d) => d.province))];
        return unitProblem(
          `ชื่ออำเภอ "${name}" มีในหลายจังหวัด (${provinces.join(', ')}) — ระบุจังหวัดในคอลัมน์จังหวัด (province)`,
          suggestions,
          {
            kind: 'ambiguous',
            suggestions: match.candidates.map((d, i) => ({ unitId: d.id, label: suggestions[i] }))
          }
        );
      }
      case 'unknown': {
        if (TOTAL_ROW.test(roleKey(name))) {
          return unitProblem(`"${name}" เป็นแถวผลรวม ไม่ใช่อำเภอ`, undefined, {
            kind: 'total',
            suggestions: []
          });
        }
        const suggestions = match.suggestions.map((d) =>
          province && d.provinceId === province.id ? d.name : `${d.name} จ.${d.province}`
        );
        return unitProblem(`ไม่พบอำเภอ "${name}"${where}${suggestionText(suggestions)}`, suggestions, {
          kind: 'unknown',
          suggestions: match.suggestions.map((d, i) => ({ unitId: d.id, label: suggestions[i] }))
        });
      }
    }
  }

  private resolveProvinceUnit(name: string, unitProblem: UnitProblem): UnitResolution {
    const aliasId = this.aliases?.get(normalizeUnitName(name));
    if (aliasId !== undefined && provinceById(aliasId)) return { ok: true, unitId: aliasId };
    const match = matchProvince(name);
    if (match.kind === 'match') return { ok: true, unitId: match.province.id };
    if (TOTAL_ROW.test(roleKey(name))) {
      return unitProblem(`"${name}" เป็นแถวผลรวม ไม่ใช่จังหวัด`, undefined, { kind: 'total', suggestions: [] });
    }
    const suggestions = match.suggestions.map((p) => p.name);
    return unitProblem(`ไม่พบจังหวัด "${name}"${suggestionText(suggestions)}`, suggestions, {
      kind: 'unknown',
      suggestions: match.suggestions.map((p) => ({ unitId: p.id, label: p.name }))
    });
  }

  /** A user-accepted name (issue 5), when it names a district of the scope. */
  private aliasedDistrict(name: string, province: Province | null): District | undefined {
    const id = this.aliases?.get(normalizeUnitName(name));
    const district = id === undefined ? undefined : districtsById.get(id);
    if (!district) return undefined;
    return province === null || district.provinceId === province.id ? district : undefined;
  }
}
