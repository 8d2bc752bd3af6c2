/** Financial statements and KPIs as real tables, with quarter-on-quarter change. */
import { h } from './dom.ts';
import { t, usd, pct, int, price } from './i18n.ts';
import { QUARTER_FIELDS, type QuarterReport } from '../engine/reports.ts';

type Row = { label: string; key: keyof QuarterReport; fmt?: 'usd' | 'pct' | 'int' | 'price' | 'mw' | 'years'; cls?: 'sub' | 'total' };

const IS: Row[] = [
  { label: 'Revenue', key: 'revenueUsd', cls: 'total' },
  { label: '  Contract revenue', key: 'contractRevenueUsd', cls: 'sub' },
  { label: '  On-demand revenue', key: 'onDemandRevenueUsd', cls: 'sub' },
  { label: 'Cost of revenue', key: 'costOfRevenueUsd' },
  { label: 'Gross profit', key: 'grossProfitUsd', cls: 'total' },
  { label: 'Operating expenses', key: 'operatingExpensesUsd' },
  { label: '  of which depreciation', key: 'depreciationUsd', cls: 'sub' },
  { label: '  of which stock compensation', key: 'stockCompensationUsd', cls: 'sub' },
  { label: 'Operating income', key: 'operatingIncomeUsd', cls: 'total' },
  { label: 'Interest expense', key: 'interestExpenseUsd' },
  { label: 'Other income', key: 'otherIncomeUsd' },
  { label: 'Income tax', key: 'incomeTaxUsd' },
  { label: 'Net income', key: 'netIncomeUsd', cls: 'total' },
  { label: 'Adjusted EBITDA', key: 'adjustedEbitdaUsd', cls: 'total' },
];
const BS: Row[] = [
  { label: 'Cash', key: 'cashUsd' },
  { label: 'Total assets', key: 'totalAssetsUsd', cls: 'total' },
  { label: 'Debt', key: 'debtUsd' },
  { label: 'Deferred revenue', key: 'deferredRevenueUsd' },
  { label: 'Total liabilities', key: 'totalLiabilitiesUsd', cls: 'total' },
  { label: 'Total equity', key: 'totalEquityUsd', cls: 'total' },
];
const CF: Row[] = [
  { label: 'Opening cash', key: 'openingCashUsd' },
  { label: 'Operating cash flow', key: 'operatingCashFlowUsd' },
  { label: 'Investing cash flow', key: 'investingCashFlowUsd' },
  { label: '  of which capex', key: 'capexUsd', cls: 'sub' },
  { label: 'Financing cash flow', key: 'financingCashFlowUsd' },
  { label: 'Closing cash', key: 'cashUsd', cls: 'total' },
];
const KPI: Row[] = [
  { label: 'Backlog', key: 'backlogUsd' },
  { label: 'GPUs owned', key: 'gpusOwned', fmt: 'int' },
  { label: 'GPUs installed', key: 'gpusInstalled', fmt: 'int' },
  { label: 'GPUs idle (no power)', key: 'gpusIdle', fmt: 'int' },
  { label: 'Power available (MW)', key: 'powerMwAvailable', fmt: 'mw' },
  { label: 'Power used (MW)', key: 'powerMwUsed', fmt: 'mw' },
  { label: 'Utilisation', key: 'utilization', fmt: 'pct' },
  { label: 'Top customer share', key: 'topCustomerShare', fmt: 'pct' },
  { label: 'Top five share', key: 'top5CustomerShare', fmt: 'pct' },
  { label: 'On-demand gross margin', key: 'onDemandGrossMargin', fmt: 'pct' },
  { label: 'Capex per MW in use', key: 'capexPerMwUsd' },
  { label: 'Site EBITDA per MW-year', key: 'siteEbitdaPerMwYearUsd' },
  { label: 'Payback per MW (years)', key: 'paybackYears', fmt: 'years' },
  { label: 'Market price ($/GPU-hr)', key: 'marketPriceUsdPerGpuHour', fmt: 'price' },
  { label: 'Share price', key: 'sharePriceUsd', fmt: 'price' },
  { label: 'Equity value', key: 'equityValueUsd' },
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

function change(cur: unknown, prev: unknown, f: Row['fmt']): { text: string; cls: string } {
  if (typeof cur !== 'number' || typeof prev !== 'number') return { text: '—', cls: '' };
  if (f === 'pct') {
    const d = (cur - prev) * 100;
    return { text: `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(1)} pp`, cls: d > 0.05 ? 'pos' : d < -0.05 ? 'neg' : '' };
  }
  if (prev === 0) return { text: cur === 0 ? '0%' : 'new', cls: '' };
  const r = (cur - prev) / Math.abs(prev);
  return { text: `${r >= 0 ? '▲ +' : '▼ −'}${Math.abs(r * 100).toFixed(0)}%`, cls: r > 0.005 ? 'pos' : r < -0.005 ? 'neg' : '' };
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
      const c = change(q[r.key], prev?.[r.key], r.fmt);
      return h('tr', { className: r.cls ?? '' },
        h('th', { scope: 'row' }, r.label.trim()),
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
