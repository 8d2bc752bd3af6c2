/**
 * The guided first quarter (in `default`): six steps a new player takes — raise money, order GPUs,
 * get power, bid, set a price, let time run — each ticked off from the game state as it happens.
 * Skippable, and remembered (settings.tutorialDone) once finished or skipped; it ends at the first
 * quarter close even with steps left. Afterwards the
 * advisor's alerts give the "what next" hints.
 */
import { h, replace } from './dom.ts';
import { lang } from './i18n.ts';
import { getState } from '../store/ui.ts';
import type { Snapshot } from '../store/snapshot.ts';
import * as app from './app.ts';

interface Step { id: string; en: string; zh: string; done: (s: Snapshot, start: Snapshot) => boolean }

const STEPS: Step[] = [
  { id: 'raise', en: 'Raise money: Finance → a private equity round (try 100M) → Confirm.', zh: '融资：财务 → 私募股权融资（试试 100M）→ 确认。',
    done: (s, s0) => s.player.sharesOutstanding > s0.player.sharesOutstanding || s.player.debtUsd > s0.player.debtUsd },
  { id: 'order', en: 'Order GPUs: Fleet → choose a generation and a count → Confirm. They arrive after the lead time.', zh: '订购 GPU：机队 → 选择型号和数量 → 确认。交付周期后到货。',
    done: (s, s0) => s.player.orders.length > 0 || s.player.gpusOwned > s0.player.gpusOwned },
  { id: 'power', en: 'Get power for them: Sites → lease colocation (fastest) in a region → Confirm.', zh: '为它们找电力：站点 → 在某个地区租用托管机房（最快）→ 确认。',
    done: (s, s0) => s.player.sites.length > s0.player.sites.length },
  { id: 'bid', en: 'Bid for a customer: Customers → Bid on an open request, below its maximum price.', zh: '争取客户：客户 → 对一个开放招标投标，报价低于其最高价。',
    done: (s) => s.rfps.some((r) => r.bids.some((b) => b.companyIndex === 0)) || s.closedRfps.some((r) => r.bids.some((b) => b.companyIndex === 0)) },
  { id: 'price', en: 'Set your on-demand price: Customers → price vs market (1.0 = the market rate).', zh: '设定按需价格：客户 → 相对市场价（1.0 = 市场价）。',
    done: (s, s0) => s.player.priceFactor !== s0.player.priceFactor },
  { id: 'run', en: 'Let time run: ▶ 1× (or Space) until the first quarterly report.', zh: '让时间流动：点 ▶ 1×（或按空格）直到第一份季度报告。',
    done: (s) => s.quarters.length > 0 },
];

const TEXT = {
  title: { en: 'Your first quarter', zh: '你的第一个季度' },
  skip: { en: 'Skip the guide', zh: '跳过引导' },
  done: { en: 'Guide finished: the advisor strip now tells you what needs attention.', zh: '引导完成：顾问栏会提示需要注意的事项。' },
  close: { en: 'Close', zh: '关闭' },
  progress: { en: 'steps done', zh: '步已完成' },
  noRfps: { en: 'No request is open yet: press +1 wk ▸ — new ones arrive most weeks (the advisor strip says so).', zh: '目前没有开放的招标：点 +1 周 ▸——几乎每周都有新的招标（顾问栏会提示）。' },
};
const tx = (k: keyof typeof TEXT) => (lang() === 'zh-CN' ? TEXT[k].zh : TEXT[k].en);

/** The guide panel for a game screen, or null when it is not offered (another scenario, or done before). */
export function onboarding(first: Snapshot): { el: HTMLElement; update(s: Snapshot): void } | null {
  // Offered at the start of a new `default` game only.
  if (first.scenarioId !== 'default' || first.week !== 0 || getState().settings.tutorialDone) return null;
  let start: Snapshot | null = null;
  let finished = false;
  let key = '';
  const list = h('ol', { className: 'guide-steps' });
  const status = h('p', { className: 'guide-status', role: 'status' });
  const el = h('section', { className: 'guide', id: 'guide', 'aria-labelledby': 'guide-title' },
    h('div', { className: 'guide-head' }, h('h2', { id: 'guide-title' }, tx('title')),
      h('button', { type: 'button', id: 'guide-skip', onclick: () => finish(true) }, tx('skip'))),
    list, status);
  function finish(skipped: boolean): void {
    finished = true;
    app.setSettings({ tutorialDone: true });
    if (skipped) { el.remove(); return; }
    replace(list);
    status.textContent = tx('done');
    el.querySelector('#guide-skip')!.textContent = tx('close');
    (el.querySelector('#guide-skip') as HTMLButtonElement).onclick = () => el.remove();
  }
  return {
    el,
    update(s: Snapshot) {
      if (finished) return;
      start ??= s;
      const done = STEPS.map((st) => st.done(s, start!));
      // The first requests open after week 0: say so, or the bid step asks for something that is not there.
      const waitRfps = s.rfps.length === 0;
      const k = `${lang()}|${done.join(',')}|${waitRfps}`;
      if (k === key) return;
      key = k;
      const next = done.indexOf(false);
      replace(list, STEPS.map((st, i) => h('li', { className: done[i] ? 'done' : i === next ? 'next' : '', 'data-step': st.id, 'aria-current': i === next ? 'step' : null },
        h('span', { className: 'mark', 'aria-hidden': 'true' }, done[i] ? '✓' : i === next ? '▶' : '○'), ' ', lang() === 'zh-CN' ? st.zh : st.en,
        st.id === 'bid' && !done[i] && waitRfps ? h('span', { className: 'guide-wait muted' }, ' ', tx('noRfps')) : null)));
      status.textContent = `${done.filter(Boolean).length} / ${STEPS.length} ${tx('progress')}`;
      // The guide is for the first quarter: at its close it ends, steps left or not (it had stayed
      // on screen for the whole game when one step was never taken); the advisor's hints take over.
      if (done.every(Boolean) || s.quarters.length > 0) finish(false);
    },
  };
}
