/** Finance: raise equity, IPO, loans, facilities, bonds, repay; cap table; covenants and headroom. */
import { h, replace, table } from '../dom.ts';
import { t, usd, pct, int, price } from '../i18n.ts';
import { commandForm } from '../commandForm.ts';
import { getState } from '../../store/ui.ts';
import type { Snapshot } from '../../store/snapshot.ts';
import type { Command } from '../../engine/commands/types.ts';
import type { Panel } from './types.ts';

const RAISES = ['raiseEquity', 'ipo', 'followOn', 'issueConvertible', 'takeGpuLoan', 'drawFacility', 'issueBond', 'drawRevolver'] as const;

export function financePanel(): Panel {
  let snap: Snapshot | null = getState().snapshot;
  const raise = commandForm({
    id: 'finance-raise',
    title: t('finance'),
    fields: [
      { name: 'type', label: t('instrument'), kind: 'select', options: () => RAISES.map((r) => ({ value: r, label: t(r) })) },
      { name: 'amountUsd', label: t('amountUsd'), kind: 'number', value: 100_000_000, min: 0, step: 1_000_000 },
    ],
    build: (v) => {
      const amount = Number(v.amountUsd);
      if (!Number.isFinite(amount) || amount <= 0) return null;
      return { type: v.type as (typeof RAISES)[number], amountUsd: amount } as Command;
    },
  });
  const repay = commandForm({
    id: 'finance-repay',
    title: t('repayDebt'),
    fields: [
      { name: 'debtId', label: t('debtInstrument'), kind: 'select', options: () => (snap?.player.debts ?? []).map((d) => ({ value: d.id, label: `${d.id} · ${d.kind} · ${usd(d.principalCents / 100)}` })) },
      { name: 'amountUsd', label: t('amountUsd'), kind: 'number', value: 10_000_000, min: 0, step: 1_000_000 },
    ],
    build: (v) => (v.debtId && Number(v.amountUsd) > 0 ? { type: 'repayDebt', debtId: String(v.debtId), amountUsd: Number(v.amountUsd) } : null),
  });
  const live = h('div', { 'aria-live': 'off' });
  const el = h('div', { id: 'panel-finance' }, h('section', null, raise.el), live, h('section', null, repay.el));

  function render(s: Snapshot): void {
    const p = s.player;
    const sc = getState().scenario;
    const lastQ = s.quarters[s.quarters.length - 1];
    const ebitdaAnn = lastQ ? lastQ.adjustedEbitdaUsd * 4 : 0;
    const drawnRevolver = p.debts.filter((d) => d.kind === 'revolver').reduce((a, d) => a + d.principalCents / 100, 0);
    const liquidity = p.cashUsd + Math.max(0, p.revolverLimitUsd - drawnRevolver);
    const minLiq = sc?.finance.covenantMinLiquidityUsd ?? 0;
    const maxLev = sc?.finance.covenantMaxDebtToEbitda ?? 0;
    const lev = ebitdaAnn > 0 ? p.debtUsd / ebitdaAnn : null;
    const liqOk = liquidity >= minLiq;
    const levOk = lev === null || lev <= maxLev;
    const totalShares = p.capTable.reduce((a, c) => a + c.shares, 0) || 1;
    replace(live,
      h('section', null,
        table(t('covenants'), ['Test', 'Now', 'Limit', 'Headroom', 'Status'], [
          ['Minimum liquidity (cash + undrawn revolver)', usd(liquidity), '≥ ' + usd(minLiq), usd(liquidity - minLiq), h('span', { className: 'badge ' + (liqOk ? 'ok' : 'bad') }, liqOk ? '✓ OK' : '✕ BREACH')],
          ['Debt / annualised adj. EBITDA', lev === null ? 'n/m' : lev.toFixed(2) + '×', '≤ ' + maxLev + '×', lev === null ? '—' : (maxLev - lev).toFixed(2) + '×', h('span', { className: 'badge ' + (levOk ? 'ok' : 'bad') }, levOk ? '✓ OK' : '✕ BREACH')],
          ['Breaches in a row', String(p.covenantBreaches), '—', '—', p.covenantBreaches > 0 ? h('span', { className: 'badge warn' }, '! step-up ' + p.spreadStepUpPct.toFixed(1) + '%') : h('span', { className: 'badge ok' }, '✓')],
        ]),
      ),
      h('section', null,
        table(t('debts'), ['Id', t('kind'), t('principal'), t('rate'), t('maturity')], p.debts.map((d) => [
          d.id, d.kind, usd(d.principalCents / 100), d.fixedRatePct !== null ? d.fixedRatePct.toFixed(2) + '% fixed' : `base + ${d.spreadPct.toFixed(2)}%`,
          `${t('week')} ${d.maturityWeek}${d.amortizing ? ' (amort.)' : ' (bullet)'}`,
        ])),
      ),
      h('section', null,
        table(t('capTable'), [t('holder'), t('shares'), t('stake'), t('pricePaid')], p.capTable.map((c) => [
          c.holder + (c.lockedUntilWeek > s.week ? ' (locked)' : ''), int(c.shares), pct(c.shares / totalShares, 1), c.priceUsd ? price(c.priceUsd) : '—',
        ])),
        h('p', { className: 'muted' }, p.listed
          ? `Listed · ${t('sharePrice')} ${price(p.sharePriceUsd)} · market cap ${usd(p.marketCapUsd)}${p.lockupEndWeek && p.lockupEndWeek > s.week ? ` · lock-up ends week ${p.lockupEndWeek}` : ''}`
          : `Private · last valuation ${usd(p.lastValuationUsd)} · ${int(p.sharesOutstanding)} shares`),
      ),
    );
  }
  if (snap) render(snap);
  return {
    el,
    update(s) {
      snap = s;
      render(s);
      raise.refresh();
      repay.refresh();
    },
  };
}
