/**
 * What a framework asks districts to report: the units it ranks and the KPIs that take results. The
 * reporting template (export/template.ts) lists them, and "who has sent what" (scoring/received.ts) checks
 * uploads against them, so both read one list.
 */
import type { Framework, Kpi } from '../domain/framework';
import { unitsInScope } from '../domain/units';
import { catalogOf, isComposite } from './reading-rules';

/** A unit of the template: its code and the names its row carries. */
export interface TemplateUnit {
  id: string;
  name: string;
  /** The province's name, written in its own column only for a framework over every district (`*`). */
  province: string | null;
}

/** The units a framework ranks, in the master list's order (Thai names as the reader matches them). */
export function templateUnits(framework: Pick<Framework, 'province'>): TemplateUnit[] {
  const everyDistrict = framework.province === '*';
  return unitsInScope(framework.province).map((unit) => ({
    id: unit.id,
    name: unit.name,
    province: everyDistrict && 'province' in unit ? unit.province : null
  }));
}

/** KPIs that take results (leaves), in the framework's order. */
export function reportedKpis(framework: Framework): Kpi[] {
  const catalog = catalogOf(framework);
  return framework.kpis.filter((kpi) => !isComposite(kpi, catalog));
}
