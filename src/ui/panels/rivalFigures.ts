/**
 * The Market tab's figures for one rival, as text: GPUs, utilisation, debt, valuation (and share
 * price), and "Price ×" — what it charged on demand ÷ the index (the engine's `rentOverIndex`, not
 * its company-wide multiple, which reads 1.00× for a rival that prices per generation). A bankrupt
 * rival's figures are no longer current: each is "—".
 */
import type { RivalView } from '../../store/snapshot.ts';
import { t, usd, int, pct, price } from '../i18n.ts';

export interface RivalFigures {
  gpus: string;
  utilization: string;
  debt: string;
  valuation: string;
  /** "$12.34 / share" for a listed rival, else null. */
  perShare: string | null;
  rentOverIndex: string;
}

const NONE = '—';

export function rivalFigures(r: RivalView): RivalFigures {
  if (r.status === 'bankrupt') return { gpus: NONE, utilization: NONE, debt: NONE, valuation: NONE, perShare: null, rentOverIndex: NONE };
  return {
    gpus: int(r.gpus),
    utilization: pct(r.utilization),
    debt: usd(r.debtUsd),
    valuation: usd(r.valuationUsd),
    perShare: r.sharePriceUsd !== null ? t('perShareFmt').replace('{price}', price(r.sharePriceUsd)) : null,
    rentOverIndex: r.rentOverIndex === null ? NONE : `${r.rentOverIndex.toFixed(2)}×`,
  };
}
