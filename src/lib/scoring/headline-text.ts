/**
 * The headline's words (issue 13.1), shared by the league page, its printout and any image of it: each
 * figure of `Headline` as the text a director reads. Pure; strings come from src/lib/i18n/strings.ts.
 */
import type { StringKey } from '../i18n/strings';
import type { Headline, TableHeadline } from './headline';
import { formatNumber, type Lang } from './kpi-text';

export type Translate = (key: StringKey) => string;

/** `{name}` placeholders filled from `values`. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export interface HeadlineWords {
  /** `3.42` */
  average: string;
  /** `จาก 5 (ร้อยละ 68.4)`; empty without a maximum. */
  ofMax: string;
  /**
   * `▲ 0.12 จากสิงหาคม 2565`, `เท่าเดิม…`, that there is nothing to compare with, or (the period before
   * still being read) that it is being compared.
   */
  change: string;
  /** `up`, `down`, `same`, or null without a previous period. */
  direction: 'up' | 'down' | 'same' | null;
  /** `5` and `จาก 23 อำเภอ` */
  atTarget: string;
  atTargetOf: string;
  belowTarget: string;
}

/** Districts or provinces, as the framework ranks them (a national framework has no province). */
export function unitsWord(t: Translate, provinces: boolean): string {
  return provinces ? t('unitsWordProvince') : t('unitsWord');
}

/** `headline` with its change, or without it (`change` undefined) while the period before is read. */
export function headlineWords(
  headline: TableHeadline & Partial<Pick<Headline, 'change'>>,
  t: Translate,
  lang: Lang,
  previousLabel: string,
  provinces = false
): HeadlineWords {
  const unit = unitsWord(t, provinces);
  const pending = headline.change === undefined;
  const change = headline.change == null ? null : Math.round(headline.change * 10000) / 10000;
  const direction = change === null ? null : change > 0 ? 'up' : change < 0 ? 'down' : 'same';
  return {
    average: formatNumber(headline.average, lang, 2, 2),
    ofMax:
      headline.maxTotal === null
        ? ''
        : fill(t('headlineOf'), {
            max: formatNumber(headline.maxTotal, lang, 2),
            pct: formatNumber(headline.averagePct, lang, 1, 1)
          }),
    change: pending
      ? fill(t('headlineChangeLoading'), { period: previousLabel })
      : change === null
        ? fill(t('headlineNoPrevious'), { period: previousLabel })
        : change === 0
          ? fill(t('headlineNoChange'), { period: previousLabel })
          : fill(t('headlineChange'), {
              sign: change > 0 ? '▲' : '▼',
              n: formatNumber(Math.abs(change), lang, 2, 2),
              period: previousLabel
            }),
    direction,
    atTarget: formatNumber(headline.atTarget, lang, 0),
    atTargetOf: fill(t('headlineAtTargetOf'), { n: formatNumber(headline.units, lang, 0), unit }),
    belowTarget: fill(t('headlineBelowTarget'), { n: formatNumber(headline.belowTarget, lang, 0), unit })
  };
}

/** `เสียเฉลี่ย 0.45 คะแนนต่ออำเภอ (30% ของที่เสียทั้งหมด)` for one of `headline.losses`. */
export function lossText(
  loss: Headline['losses'][number],
  t: Translate,
  lang: Lang,
  provinces = false
): string {
  return fill(t('headlineCostlyItem'), {
    n: formatNumber(loss.perUnit, lang, 2, 2),
    unit: unitsWord(t, provinces),
    pct: formatNumber(loss.share * 100, lang, 0)
  });
}
