/** The game's standard charts from a snapshot (revenue, margins, cash & debt, price index, utilisation). */
import { h, replace } from './dom.ts';
import { t } from './i18n.ts';
import type { Snapshot } from '../store/snapshot.ts';
import type { ChartSpec } from './charts.ts';

const GEN_COLORS = ['#7f8bb3', '#2fe0c0', '#ff6b81', '#ffc857', '#a58bff', '#62e89a', '#ffa24c', '#5ac8fa', '#f15bb5'];

export function chartSpecs(s: Snapshot, markers?: { x: number; note: string }[]): ChartSpec[] {
  const qs = s.quarters;
  const labels = qs.map((q) => q.label);
  const m = markers ? { markers } : {};
  const gens = s.market.gens.filter((g) => s.marketQuarters.some((mq) => mq.priceIndexUsdPerGpuHour[g.modelId] !== undefined));
  return [
    { id: 'ch-revenue', title: t('ch_revenue'), labels, format: 'usd', ...m, series: [
      { label: t('ch_revenueS'), values: qs.map((q) => q.revenueUsd), color: '#2fe0c0' },
      { label: t('ch_ebitdaS'), values: qs.map((q) => q.adjustedEbitdaUsd), color: '#ffc857', dash: [6, 4] },
      { label: t('ch_netIncomeS'), values: qs.map((q) => q.netIncomeUsd), color: '#ff6b81', dash: [2, 3] },
    ] },
    { id: 'ch-margins', title: t('ch_margins'), labels, format: 'pct', series: [
      { label: t('ch_grossMarginS'), values: qs.map((q) => (q.revenueUsd ? q.grossProfitUsd / q.revenueUsd : null)), color: '#2fe0c0' },
      { label: t('ch_ebitdaMarginS'), values: qs.map((q) => (q.revenueUsd ? q.adjustedEbitdaUsd / q.revenueUsd : null)), color: '#ffc857', dash: [6, 4] },
      { label: t('ch_opMarginS'), values: qs.map((q) => (q.revenueUsd ? q.operatingIncomeUsd / q.revenueUsd : null)), color: '#ff6b81', dash: [2, 3] },
    ] },
    { id: 'ch-cash', title: t('ch_cash'), labels, format: 'usd', ...m, series: [
      { label: t('ch_cashS'), values: qs.map((q) => q.cashUsd), color: '#62e89a' },
      { label: t('ch_debtS'), values: qs.map((q) => q.debtUsd), color: '#ff6b81', dash: [6, 4] },
      { label: t('ch_backlogS'), values: qs.map((q) => q.backlogUsd), color: '#a58bff', dash: [2, 3] },
    ] },
    { id: 'ch-price', title: t('ch_price'), labels: s.marketQuarters.map((q) => q.label), format: 'price', series: gens.map((g, i) => ({
      label: g.name, values: s.marketQuarters.map((q) => q.priceIndexUsdPerGpuHour[g.modelId] ?? null), color: GEN_COLORS[i % GEN_COLORS.length]!, dash: i % 2 ? [6, 3] : undefined,
    })) },
    { id: 'ch-util', title: t('ch_util'), labels, format: 'pct', series: [
      { label: t('ch_yoursS'), values: qs.map((q) => q.utilization), color: '#2fe0c0' },
      { label: t('ch_marketS'), values: s.marketQuarters.slice(0, qs.length).map((q) => q.utilization), color: '#93a0c8', dash: [6, 4] },
    ] },
  ];
}

/** The newest drawing asked for each box: an older one still drawing stops (a newer quarter came in). */
const drawing = new WeakMap<HTMLElement, number>();
let drawings = 0;

/**
 * Lazy-load uPlot and draw the charts into `box`, one chart per task: the five charts in one task
 * were a main-thread long task each quarter at 4× (issue 12 item 10). Resolves when all are drawn
 * (or a newer call for the same box took over).
 */
export async function gameCharts(s: Snapshot, box: HTMLElement, width: number, wide: boolean, markers?: { x: number; note: string }[]): Promise<void> {
  const id = ++drawings;
  drawing.set(box, id);
  if (s.quarters.length === 0) { replace(box, h('p', { className: 'muted' }, t('nothing'))); return; }
  const { chart } = await import('./charts.ts');
  if (drawing.get(box) !== id) return;
  const specs = chartSpecs(s, markers);
  const grid = h('div', { className: wide ? 'charts-grid' : '' });
  // The old charts stay on screen until the first new one is ready.
  for (const [i, spec] of specs.entries()) {
    if (i > 0) {
      await new Promise<void>((r) => setTimeout(r, 0));
      if (drawing.get(box) !== id) return;
    }
    grid.append(chart(spec, wide ? width / 2 - 40 : width));
    if (i === 0) replace(box, grid);
  }
}
