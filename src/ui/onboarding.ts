/**
 * The guided first quarter (in `default`): six steps a new player takes — raise money, order GPUs,
 * get power, bid, set a price, let time run — each ticked off from the game state as it happens.
 * Skippable, and remembered (settings.tutorialDone) once finished or skipped; it ends at the first
 * quarter close even with steps left. Afterwards the advisor's alerts give the "what next" hints.
 *
 * Its texts are `guide.*` ids of the one message table (src/i18n/guideMessages.ts), rendered in the
 * player's language. A language switch re-renders the game screen: the guide's progress lives in
 * this module (one guide per game), so it comes back where it was, in the other language.
 *
 * Compact, so the tabs under it keep their row at 1280×720: steps taken are short names on one line,
 * the step to take now is written out, the others take one line each (cut with "…", the full text
 * stays in the DOM for screen readers), and the finished guide is one line with Close that closes
 * itself a few weeks later. At game over the guide goes (finished or not).
 */
import { h, replace } from './dom.ts';
import { msg } from './advice.ts';
import { getState } from '../store/ui.ts';
import type { Snapshot } from '../store/snapshot.ts';
import { GUIDE_STEPS, type GuideStep } from '../i18n/guideMessages.ts';
import * as app from './app.ts';

/** When each step counts as taken: from the game state now against the state the guide started in. */
const DONE: Record<GuideStep, (s: Snapshot, start: Snapshot) => boolean> = {
  raise: (s, s0) => s.player.sharesOutstanding > s0.player.sharesOutstanding || s.player.debtUsd > s0.player.debtUsd,
  order: (s, s0) => s.player.orders.length > 0 || s.player.gpusOwned > s0.player.gpusOwned,
  power: (s, s0) => s.player.sites.length > s0.player.sites.length,
  bid: (s) => s.rfps.some((r) => r.bids.some((b) => b.companyIndex === 0)) || s.closedRfps.some((r) => r.bids.some((b) => b.companyIndex === 0)),
  price: (s, s0) => s.player.priceFactor !== s0.player.priceFactor,
  run: (s) => s.quarters.length > 0,
};

/** Weeks the one-line "Guide finished" note stays before it closes itself (Close removes it sooner). */
const FINISHED_NOTE_WEEKS = 4;

/** The guide of the game on screen: kept across re-renders of the game screen (a language switch). */
interface GuideSession {
  scenarioId: string;
  seed: number;
  /** The state the guide started in (week 0): steps are ticked off against it. */
  start: Snapshot;
  /** Week the guide finished (all steps, or the first quarter closed); null while it runs. */
  finishedWeek: number | null;
  /** Closed or skipped: not shown again in this game. */
  closed: boolean;
}
let session: GuideSession | null = null;

/** The session for the game whose first snapshot on this screen is `first`, or null when no guide shows. */
function sessionFor(first: Snapshot): GuideSession | null {
  // Another scenario, or a game that has ended (the game-over dialog and the debrief speak then).
  if (first.scenarioId !== 'default' || first.over) { session = null; return null; }
  // A new `default` game: offered unless finished or skipped before.
  if (first.week === 0) {
    session = getState().settings.tutorialDone ? null : { scenarioId: first.scenarioId, seed: first.seed, start: first, finishedWeek: null, closed: false };
    return session;
  }
  // The same game re-rendered (language switch): the guide as it was.
  if (session && session.scenarioId === first.scenarioId && session.seed === first.seed && first.week >= session.start.week && !session.closed) return session;
  session = null;
  return null;
}

/** The guide panel for a game screen, or null when it is not offered (another scenario, or done before). */
export function onboarding(first: Snapshot): { el: HTMLElement; update(s: Snapshot): void } | null {
  const found = sessionFor(first);
  if (!found) return null;
  const g: GuideSession = found;
  let key = '';
  const list = h('ol', { className: 'guide-steps' });
  const status = h('p', { className: 'guide-status', role: 'status' });
  const button = h('button', { type: 'button', id: 'guide-skip', onclick: () => { if (g.finishedWeek === null) finish(true); else close(); } }, msg('guide.skip'));
  const el = h('section', { className: 'guide', id: 'guide', 'aria-labelledby': 'guide-title' },
    h('div', { className: 'guide-head' }, h('h2', { id: 'guide-title' }, msg('guide.title')), status, button),
    list);
  function close(): void {
    g.closed = true;
    el.remove();
  }
  function showFinished(): void {
    el.classList.add('finished');
    replace(list);
    status.textContent = msg('guide.finished');
    // A small ✕ keeps the note on one line at 1280×720; its name is the word.
    button.textContent = '✕';
    button.setAttribute('aria-label', msg('guide.close'));
    button.title = msg('guide.close');
  }
  function finish(skipped: boolean, week = getState().snapshot?.week ?? g.start.week): void {
    app.setSettings({ tutorialDone: true });
    if (skipped) { close(); return; }
    g.finishedWeek = week;
    showFinished();
  }
  if (g.finishedWeek !== null) showFinished();
  return {
    el,
    update(s: Snapshot) {
      if (g.closed) return;
      // Game over: neither the steps nor "Guide finished" (it read as good news beside the
      // game-over dialog, and with no weeks left the note never closed itself). A guide cut short
      // by the end is offered again in the next game.
      if (s.over) { close(); return; }
      if (g.finishedWeek !== null) {
        if (s.week >= g.finishedWeek + FINISHED_NOTE_WEEKS) close();
        return;
      }
      const done = GUIDE_STEPS.map((id) => DONE[id](s, g.start));
      // The first requests open after week 0: say so, or the bid step asks for something that is not there.
      const waitRfps = s.rfps.length === 0;
      const k = `${done.join(',')}|${waitRfps}`;
      if (k === key) return;
      key = k;
      const next = done.indexOf(false);
      // Steps taken first, each a short name on one shared line (the full instruction as its
      // tooltip); then the step to take now, written out; then the rest, one line each.
      const order = [...GUIDE_STEPS.keys()].sort((a, b) => Number(done[b]) - Number(done[a]) || a - b);
      replace(list, order.map((i) => {
        const id = GUIDE_STEPS[i]!;
        if (done[i]) return h('li', { className: 'done', 'data-step': id, title: msg(`guide.step.${id}`) }, h('span', { className: 'mark', 'aria-hidden': 'true' }, '✓'), ' ', msg(`guide.short.${id}`));
        return h('li', { className: i === next ? 'next' : '', 'data-step': id, 'aria-current': i === next ? 'step' : null },
          h('span', { className: 'mark', 'aria-hidden': 'true' }, i === next ? '▶' : '○'), ' ', msg(`guide.step.${id}`),
          id === 'bid' && waitRfps ? h('span', { className: 'guide-wait muted' }, ' ', msg('guide.noRfps')) : null);
      }));
      status.textContent = msg('guide.progress', { done: done.filter(Boolean).length, total: GUIDE_STEPS.length });
      // The guide is for the first quarter: at its close it ends, steps left or not (it had stayed
      // on screen for the whole game when one step was never taken); the advisor's hints take over.
      if (done.every(Boolean) || s.quarters.length > 0) finish(false, s.week);
    },
  };
}
