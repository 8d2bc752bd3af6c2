/** Finance: raise equity, IPO, loans, facilities, bonds, repay; cap table; covenants and headroom. */
import { h, replace, table } from '../dom.ts';
import { t, usd, pct, int, price, holderLabel, type StringKey, weekN, inParens, parens } from '../i18n.ts';
import { commandForm } from '../commandForm.ts';
import { getState } from '../../store/ui.ts';
import type { Snapshot } from '../../store/snapshot.ts';
import type { Command } from '../../engine/commands/types.ts';
import type { Panel } from './types.ts';
import { msg, covenantValue, covenantLimit } from '../advice.ts';
import { termSpan, withTerms } from '../glossary.ts';

const RAISES = ['raiseEquity', 'ipo', 'followOn', 'issueConvertible', 'takeGpuLoan', 'arrangeFacility', 'drawFacility', 'issueBond', 'drawRevolver'] as const;

/** The raises open to a company: equity rounds by listing status, then debt. */
function raisesFor(listed: boolean): (typeof RAISES)[number][] {
  return listed ? ['followOn', ...RAISES.filter((r) => r !== 'raiseEquity' && r !== 'ipo' && r !== 'followOn')] : RAISES.filter((r) => r !== 'followOn');
}

export function financePanel(): Panel {
  let snap: Snapshot | null = getState().snapshot;
  const raise = commandForm({
    id: 'finance-raise',
    title: t('finance'),
    fields: [
      // A listed company raises equity with a follow-on offering: offering it a private round or a
      // second IPO would only open the form on a refusal.
      { name: 'type', label: t('instrument'), kind: 'select', options: () => raisesFor(snap?.player.listed ?? false).map((r) => ({ value: r, label: t(r) })) },
      { name: 'amountUsd', label: t('amountUsd'), kind: 'amount', value: 100_000_000 },
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
      { name: 'debtId', label: t('debtInstrument'), kind: 'select', options: () => (snap?.player.debts ?? []).map((d) => ({ value: d.id, label: `${d.id} · ${t(('debt_' + d.kind) as StringKey)} · ${usd(d.principalCents / 100)}` })) },
      { name: 'amountUsd', label: t('amountUsd'), kind: 'amount', value: 10_000_000 },
    ],
    build: (v) => (v.debtId && Number(v.amountUsd) > 0 ? { type: 'repayDebt', debtId: String(v.debtId), amountUsd: Number(v.amountUsd) } : null),
  });
  const live = h('div', { 'aria-live': 'off' });
  const el = h('div', { id: 'panel-finance' }, h('section', null, raise.el), live, h('section', null, repay.el));

  function render(s: Snapshot): void {
    const p = s.player;
    const adv = s.advice;
    const nc = adv.nextCovenant;
    const covValue = covenantValue;
    const covLimit = covenantLimit;
    const badge = (pass: boolean) => h('span', { className: 'badge ' + (pass ? 'ok' : 'bad') }, pass ? msg('pass') : msg('fail'));
    const totalShares = p.capTable.reduce((a, c) => a + c.shares, 0) || 1;
    replace(live,
      h('section', null,
        table(termSpan(t('covenants')), [msg('covTest'), msg('covNow'), msg('covLimit'), msg('covStatus'), nc ? msg('covNext', { week: nc.week }) : '—'], adv.covenantsNow.map((c, k) => {
          const n = nc?.tests[k];
          return [termSpan(msg('cov.' + c.id)), covValue(c.id, c.value), covLimit(c.id, c.limit), badge(c.pass), n ? h('span', null, covValue(n.id, n.value), ' ', badge(n.pass)) : '—'];
        })),
        h('p', { className: 'muted', id: 'covenant-notes' }, msg('breachesInRow', { n: p.covenantBreaches }), p.covenantBreaches > 0 ? ` · +${p.spreadStepUpPct.toFixed(1)}%` : '', nc && nc.marginCallUsd > 0 ? ' · ' + msg('marginCallNext', { usd: nc.marginCallUsd }) : ''),
      ),
      h('section', null,
        h('p', { id: 'schedule-totals' }, withTerms(msg('schedTotals', { weeks: adv.horizonWeeks, interest: adv.scheduledUsd.interest, principal: adv.scheduledUsd.instalment + adv.scheduledUsd.bullet, gpu: adv.scheduledUsd.gpuBalance, construction: adv.scheduledUsd.construction, op: adv.operatingUsdPerWeek }))),
        table(msg('upcoming'), [msg('payWhen'), msg('payWhat'), msg('payAmount')], adv.upcoming.map((u) => [String(u.week), msg('pay.' + u.kind), usd(u.usd)]), { numericFrom: 2 }),
      ),
      h('section', null,
        table(t('debts'), ['#', t('kind'), t('principal'), t('rate'), t('maturity')], p.debts.map((d) => [
          d.id, termSpan(t(('debt_' + d.kind) as StringKey)), usd(d.principalCents / 100), d.fixedRatePct !== null ? `${d.fixedRatePct.toFixed(2)}% ${t('fixedRate')}` : `${t('baseRate')} + ${d.spreadPct.toFixed(2)}%`,
          // On two lines: in one, a company with loans pushed the table past the panel's right edge.
          h('span', null, weekN(d.maturityWeek), h('br'), `${parens().open}${d.amortizing ? t('amortizing') : t('bullet')}${parens().close}`),
        ], { numericFrom: 2 })),
      ),
      p.commitments.length > 0 ? h('section', { id: 'commitments' },
        table(termSpan(t('commitments')), ['', t('committedUsd'), t('drawnUsd'), t('availableNowUsd'), t('drawUntil')], p.commitments.map((c) => [
          c.name, usd(c.commitmentUsd), usd(c.drawnUsd),
          c.state === 'pending' ? t('notYetSigned').replace('{week}', String(c.signedWeek)) : c.state === 'lapsed' ? t('lapsed') : usd(c.canDrawNowUsd),
          weekN(c.drawUntilWeek),
        ]), { numericFrom: 1 })) : '',
      h('section', null,
        table(t('capTable'), [t('holder'), t('shares'), t('stake'), t('pricePaid')], p.capTable.map((c) => [
          holderLabel(c.holder) + (c.lockedUntilWeek > s.week ? inParens(t('locked')) : ''), int(c.shares), pct(c.shares / totalShares, 1), c.priceUsd ? price(c.priceUsd) : '—',
        ])),
        h('p', { className: 'muted' }, p.listed
          ? `${t('listed')} · ${t('sharePrice')} ${price(p.sharePriceUsd)} · ${t('marketCap')} ${usd(p.marketCapUsd)}${p.lockupEndWeek && p.lockupEndWeek > s.week ? ` · ${t('lockupEnds')} ${p.lockupEndWeek}` : ''}`
          : `${t('private')} · ${t('valuation')} ${usd(p.equityValueUsd)} · ${int(p.sharesOutstanding)} ${t('sharesWord')}`),
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
