/** Financial statements and KPIs as real tables, with quarter-on-quarter change. */
import { h } from './dom.ts';
import { t, usd, pct, int, price, type StringKey } from './i18n.ts';
import { QUARTER_FIELDS, type QuarterReport } from '../engine/reports.ts';
import { termSpan } from './glossary.ts';

/** `lower`: a fall is good news (costs, debt, idle GPUs, concentration): the change is coloured by good/bad, not by its sign. */
type Row = { label: StringKey; key: keyof QuarterReport; fmt?: 'usd' | 'pct' | 'int' | 'price' | 'mw' | 'years'; cls?: 'sub' | 'total'; lower?: true };

const IS: Row[] = [
  { label: 'rep_revenueUsd', key: 'revenueUsd', cls: 'total' },
  { label: 'rep_contractRevenueUsd', key: 'contractRevenueUsd', cls: 'sub' },
  { label: 'rep_onDemandRevenueUsd', key: 'onDemandRevenueUsd', cls: 'sub' },
  { label: 'rep_costOfRevenueUsd', key: 'costOfRevenueUsd', lower: true },
  { label: 'rep_grossProfitUsd', key: 'grossProfitUsd', cls: 'total' },
  { label: 'rep_operatingExpensesUsd', key: 'operatingExpensesUsd', lower: true },
  { label: 'rep_depreciationUsd', key: 'depreciationUsd', cls: 'sub', lower: true },
  { label: 'rep_stockCompensationUsd', key: 'stockCompensationUsd', cls: 'sub', lower: true },
  { label: 'rep_operatingIncomeUsd', key: 'operatingIncomeUsd', cls: 'total' },
  { label: 'rep_interestExpenseUsd', key: 'interestExpenseUsd', lower: true },
  { label: 'rep_otherIncomeUsd', key: 'otherIncomeUsd' },
  { label: 'rep_incomeTaxUsd', key: 'incomeTaxUsd', lower: true },
  { label: 'rep_netIncomeUsd', key: 'netIncomeUsd', cls: 'total' },
  { label: 'rep_adjustedEbitdaUsd', key: 'adjustedEbitdaUsd', cls: 'total' },
];
const BS: Row[] = [
  { label: 'rep_cash', key: 'cashUsd' },
  { label: 'rep_totalAssetsUsd', key: 'totalAssetsUsd', cls: 'total' },
  { label: 'rep_debtUsd', key: 'debtUsd', lower: true },
  { label: 'rep_deferredRevenueUsd', key: 'deferredRevenueUsd' },
  { label: 'rep_totalLiabilitiesUsd', key: 'totalLiabilitiesUsd', cls: 'total', lower: true },
  { label: 'rep_totalEquityUsd', key: 'totalEquityUsd', cls: 'total' },
];
const CF: Row[] = [
  { label: 'rep_openingCashUsd', key: 'openingCashUsd' },
  { label: 'rep_operatingCashFlowUsd', key: 'operatingCashFlowUsd' },
  { label: 'rep_investingCashFlowUsd', key: 'investingCashFlowUsd' },
  { label: 'rep_capexUsd', key: 'capexUsd', cls: 'sub' },
  { label: 'rep_financingCashFlowUsd', key: 'financingCashFlowUsd' },
  { label: 'rep_closingCash', key: 'cashUsd', cls: 'total' },
];
const KPI: Row[] = [
  { label: 'rep_backlogUsd', key: 'backlogUsd' },
  { label: 'rep_gpusOwned', key: 'gpusOwned', fmt: 'int' },
  { label: 'rep_gpusInstalled', key: 'gpusInstalled', fmt: 'int' },
  { label: 'rep_gpusIdle', key: 'gpusIdle', fmt: 'int', lower: true },
  { label: 'rep_powerMwAvailable', key: 'powerMwAvailable', fmt: 'mw' },
  { label: 'rep_powerMwUsed', key: 'powerMwUsed', fmt: 'mw' },
  { label: 'rep_utilization', key: 'utilization', fmt: 'pct' },
  { label: 'rep_topCustomerShare', key: 'topCustomerShare', fmt: 'pct', lower: true },
  { label: 'rep_top5CustomerShare', key: 'top5CustomerShare', fmt: 'pct', lower: true },
  { label: 'rep_onDemandGrossMargin', key: 'onDemandGrossMargin', fmt: 'pct' },
  { label: 'rep_capexPerMwUsd', key: 'capexPerMwUsd', lower: true },
  { label: 'rep_siteEbitdaPerMwYearUsd', key: 'siteEbitdaPerMwYearUsd' },
  { label: 'rep_paybackYears', key: 'paybackYears', fmt: 'years', lower: true },
  { label: 'rep_marketPriceUsdPerGpuHour', key: 'marketPriceUsdPerGpuHour', fmt: 'price' },
  { label: 'rep_sharePriceUsd', key: 'sharePriceUsd', fmt: 'price' },
  { label: 'rep_equityValueUsd', key: 'equityValueUsd' },
];

function fmt(v: unknown, f: Row['fmt']): string {
  if (typeof v !== 'number') return '—';
  switch (f) {
    case 'pct': return pct(v, 1);
    case 'int': return int(v);
    case 'price': return price(v);
    case 'mw': return v.toFixed(1);
    case 'years': return v.toFixed(1);
    default: return usd(v, 1);
  }
}

/** The change since the last quarter: its sign and arrow say which way, its colour whether that is good (`pos`) or bad (`neg`) for this row. */
export function change(cur: unknown, prev: unknown, f: Row['fmt'], lower = false): { text: string; cls: string } {
  if (typeof cur !== 'number' || typeof prev !== 'number') return { text: '—', cls: '' };
  const tone = (up: boolean, down: boolean) => (up ? (lower ? 'neg' : 'pos') : down ? (lower ? 'pos' : 'neg') : '');
  if (f === 'pct') {
    const d = (cur - prev) * 100;
    return { text: `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(1)} pp`, cls: tone(d > 0.05, d < -0.05) };
  }
  if (prev === 0) return { text: cur === 0 ? '0%' : t('newValue'), cls: '' };
  const r = (cur - prev) / Math.abs(prev);
  return { text: `${r >= 0 ? '▲\u00a0+' : '▼\u00a0−'}${Math.abs(r * 100).toFixed(0)}%`, cls: tone(r > 0.005, r < -0.005) };
}

export function statementTable(caption: string, rows: Row[], q: QuarterReport, prev: QuarterReport | undefined): HTMLTableElement {
  return h('table', { className: 'data statement' },
    h('caption', null, `${caption} — ${q.label}`),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, ''),
      h('th', { scope: 'col', className: 'num' }, q.label),
      h('th', { scope: 'col', className: 'num' }, prev?.label ?? '—'),
      h('th', { scope: 'col', className: 'num' }, t('change')),
    )),
    h('tbody', null, rows.map((r) => {
      const c = change(q[r.key], prev?.[r.key], r.fmt, r.lower);
      return h('tr', { className: r.cls ?? '' },
        h('th', { scope: 'row' }, termSpan(t(r.label))),
        h('td', { className: 'num' }, fmt(q[r.key], r.fmt)),
        h('td', { className: 'num muted' }, prev ? fmt(prev[r.key], r.fmt) : '—'),
        h('td', { className: 'num ' + c.cls }, c.text),
      );
    })),
  );
}

export function statements(q: QuarterReport, prev: QuarterReport | undefined): HTMLElement[] {
  return [
    statementTable(t('incomeStatement'), IS, q, prev),
    statementTable(t('balanceSheet'), BS, q, prev),
    statementTable(t('cashFlow'), CF, q, prev),
    statementTable(t('kpis'), KPI, q, prev),
  ];
}

export const QUARTER_CSV_KEYS = QUARTER_FIELDS;

export function quartersCsv(qs: QuarterReport[], extra?: { scenarioId: string; seed: number; strategy: string }): string {
  const esc = (v: unknown) => {
    const s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const head = (extra ? ['scenarioId', 'seed', 'strategy'] : []).concat(QUARTER_CSV_KEYS as string[]);
  const lines = [head.join(',')];
  for (const q of qs) {
    const pre = extra ? [extra.scenarioId, extra.seed, extra.strategy] : [];
    lines.push(pre.concat(QUARTER_CSV_KEYS.map((k) => q[k] as never)).map(esc).join(','));
  }
  return lines.join('\n') + '\n';
}
