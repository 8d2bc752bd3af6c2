/**
 * What if (issue 11 item 6), used by the player's own debrief and by the teacher's view of a
 * student: pick one decision of the run, replay the same scenario + seed without it (or with its
 * amount changed) in the engine's worker, and show both runs side by side — outcome, score and the
 * charts of equity value, cash, debt and utilisation.
 */
import type { Msg } from '../../engine/msg.ts';
import { msgText } from '../advice.ts';
import './debrief.css';
import { h, replace } from '../dom.ts';
import { usd, price, labelled } from '../i18n.ts';
import { parseAmount } from '../commandForm.ts';
import { amountOf, editLog, type DecisionEdit } from '../../engine/counterfactual.ts';
import type { LoggedCommand } from '../../engine/api.ts';
import type { StrategyId, World } from '../../engine/types.ts';
import type { QuarterReport } from '../../engine/reports.ts';
import type { Scenario } from '../../scenario/schema/index.ts';
import type { RunRequest, RunSummary } from '../../store/host.ts';
import { describeCommand, weekLabel } from './decisions.ts';
import { dt, type DebriefKey } from './debriefText.ts';

/** The figures of a run the comparison shows. */
export interface RunView {
  quarters: QuarterReport[];
  score: number;
  status: World['status'];
  objectives: { met: boolean }[];
  equityValueUsd: number;
  hash: string;
}

export interface WhatIfInput {
  scenario: Scenario;
  seed: number;
  strategy: StrategyId | null;
  depreciationYears: 4 | 5 | 6 | null;
  log: LoggedCommand[];
  /** The week the real run reached, and whether its game is over (then the what-if plays to the end). */
  week: number;
  over: boolean;
  real: RunView;
  /** The engine's answer to each logged command at its tick, when known (refused ones are marked). */
  played?: { ok: boolean; reason: Msg | null }[] | undefined;
  /** Replays runs off the page's thread (the engine host's `replayRuns`). */
  replay: (runs: RunRequest[], onProgress?: (n: number) => void) => Promise<RunSummary[]>;
  /** Prefix of element ids (two what-ifs may share a page). */
  idPrefix?: string;
  /** The student whose run this is, in the teacher's view (the texts then say "this student's", not "your"). */
  student?: string;
}

export const REAL_COLOR = '#2fe0c0';
export const CF_COLOR = '#ffc857';

export function statusText(s: World['status']): string {
  const k: Record<World['status'], DebriefKey> = { running: 'statusRunning', won: 'statusWon', lost: 'statusLost', bankrupt: 'statusBankrupt' };
  return dt(k[s]);
}

/** A RunView from a replayed run. */
export function viewOf(r: RunSummary): RunView {
  const last = r.weekly[r.weekly.length - 1];
  return { quarters: r.quarters, score: r.score, status: r.status, objectives: r.objectives, equityValueUsd: last?.equityValueUsd ?? 0, hash: r.hash };
}

export function whatIfSection(input: WhatIfInput): HTMLElement {
  const p = input.idPrefix ?? 'whatif';
  const { scenario: sc, log } = input;
  const box = h('section', { className: 'section whatif', id: p, 'aria-labelledby': `${p}-h` }, h('h2', { id: `${p}-h` }, dt('whatIf')));
  if (log.length === 0) {
    box.append(h('p', { className: 'muted', id: `${p}-none` }, (input.student !== undefined ? dt('whatIfNoneStudent') : dt('whatIfNone'))));
    return box;
  }
  const options = log.map((l, i) => {
    const refused = input.played?.[i] && !input.played[i]!.ok;
    return h('option', { value: String(i) }, `${weekLabel(l.week, sc)} — ${describeCommand(l.command, sc)}${refused ? ` (${dt('refusedTag')})` : ''}`);
  });
  const select = h('select', { id: `${p}-decision`, 'aria-describedby': `${p}-refused` }, options);
  const remove = h('input', { type: 'radio', name: `${p}-mode`, id: `${p}-remove`, value: 'remove', checked: true });
  const change = h('input', { type: 'radio', name: `${p}-mode`, id: `${p}-change`, value: 'amount' });
  const amountLabel = h('span', null, '');
  const amount = h('input', { type: 'text', id: `${p}-amount`, inputmode: 'decimal', autocomplete: 'off', disabled: true });
  const refusedNote = h('p', { className: 'muted small', id: `${p}-refused`, 'aria-live': 'polite' }, '');
  const status = h('p', { className: 'muted', id: `${p}-status`, role: 'status' }, '');
  const result = h('div', { id: `${p}-result` });
  const run = h('button', { type: 'button', className: 'primary', id: `${p}-run` }, dt('whatIfRun'));

  const chosen = (): number => Number(select.value);
  const sync = (): void => {
    const l = log[chosen()]!;
    const a = amountOf(l.command);
    change.disabled = !a;
    if (!a && change.checked) remove.checked = true;
    amount.disabled = !change.checked || !a;
    amountLabel.textContent = a ? dt('whatIfAmount', { field: dt(`field_${a.field}` as DebriefKey) }) : dt('whatIfAmount', { field: '—' });
    amount.value = a ? String(a.value) : '';
    const pl = input.played?.[chosen()];
    refusedNote.textContent = pl && !pl.ok ? dt('whatIfRefusedNote', { reason: pl.reason ? msgText(pl.reason) : '' }) : '';
  };
  select.addEventListener('change', sync);
  remove.addEventListener('change', () => { amount.disabled = true; });
  change.addEventListener('change', () => { amount.disabled = false; amount.focus(); });
  let busy = false;
  run.addEventListener('click', () => void go());

  async function go(): Promise<void> {
    if (busy) return;
    const i = chosen();
    const l = log[i]!;
    let edit: DecisionEdit = { index: i, kind: 'remove' };
    let changeText = dt('whatIfWithout', { what: describeCommand(l.command, sc) });
    if (change.checked) {
      const a = amountOf(l.command);
      const v = a?.field === 'amountUsd' || a?.field === 'usdPerWeek' ? parseAmount(amount.value) : Number(amount.value.replace(/[,\s]/g, ''));
      if (!a || amount.value.trim() === '' || !Number.isFinite(v)) { status.textContent = dt('whatIfBadAmount'); amount.focus(); return; }
      edit = { index: i, kind: 'amount', value: v };
      changeText = labelled(describeCommand(l.command, sc), dt('whatIfWith', { field: dt(`field_${a.field}` as DebriefKey), from: fmtAmount(a.field, a.value), to: fmtAmount(a.field, v) }));
    }
    busy = true;
    run.disabled = true;
    status.textContent = dt('whatIfRunning', { n: 0, of: 1 });
    replace(result);
    try {
      const req: RunRequest = {
        scenario: sc, seed: input.seed, strategy: input.strategy, depreciationYears: input.depreciationYears,
        log: editLog(log, edit), ...(input.over ? {} : { toWeek: input.week }),
      };
      const [cf] = await input.replay([req], (n) => { status.textContent = dt('whatIfRunning', { n, of: 1 }); });
      status.textContent = '';
      await renderComparison(result, input.real, viewOf(cf!), changeText, p, input.student !== undefined ? dt('whatIfRealStudent', { name: input.student }) : dt('whatIfReal'));
    } catch (e) {
      status.textContent = dt('whatIfFailed', { reason: String((e as Error)?.message ?? e) });
    } finally {
      busy = false;
      run.disabled = false;
    }
  }

  box.append(
    h('p', { className: 'muted' }, (input.student !== undefined ? dt('whatIfIntroStudent') : dt('whatIfIntro'))),
    h('div', { className: 'whatif-form' },
      h('label', { className: 'whatif-field' }, h('span', null, dt('whatIfDecision')), select),
      h('fieldset', { className: 'whatif-mode' }, h('legend', { className: 'sr-only' }, dt('whatIf')),
        h('label', { className: 'check' }, remove, dt('whatIfRemove')),
        h('label', { className: 'check' }, change, dt('whatIfChange')),
        h('label', { className: 'whatif-field' }, amountLabel, amount),
      ),
      run,
    ),
    refusedNote, status, result,
  );
  sync();
  return box;
}

function fmtAmount(field: string, v: number): string {
  if (field === 'amountUsd' || field === 'usdPerWeek') return usd(v);
  if (field === 'usdPerGpuHour') return price(v);
  if (field === 'count') return Math.round(v).toLocaleString('en-US');
  return String(v);
}

function card(id: string, title: string, r: RunView, which: 'real' | 'cf'): HTMLElement {
  const met = r.objectives.filter((o) => o.met).length;
  return h('div', { className: 'whatif-card', id },
    h('h3', null, h('span', { className: `swatch sw-${which}`, 'aria-hidden': 'true' }), title),
    h('div', { className: 'big' }, statusText(r.status)),
    h('div', null, `${dt('scoreLabel')} `, h('strong', { className: 'whatif-score' }, price(r.score))),
    h('div', null, `${dt('equityValue')} ${usd(r.equityValueUsd)}`),
    h('div', { className: 'muted' }, dt('objectivesMet', { met, of: r.objectives.length })),
  );
}

/** The two runs side by side: cards, the difference in words, and the four charts overlaid. */
export async function renderComparison(into: HTMLElement, real: RunView, cf: RunView, changeText: string, p: string, realLabel: string = dt('whatIfReal')): Promise<void> {
  const same = real.hash === cf.hash;
  const diff = cf.score - real.score;
  const summary = same
    ? dt('whatIfSame', { hash: real.hash.slice(0, 12) })
    : dt('whatIfScoreDiff', { diff: (diff >= 0 ? '+' : '−') + price(Math.abs(diff)), equity: `${usd(real.equityValueUsd)} → ${usd(cf.equityValueUsd)}` });
  const cfTitle = dt('whatIfCf', { change: changeText });
  const charts = h('div', { className: 'charts-grid', id: `${p}-charts` });
  replace(into,
    h('div', { className: 'whatif-cards' }, card(`${p}-real`, realLabel, real, 'real'), card(`${p}-cf`, cfTitle, cf, 'cf')),
    h('p', { id: `${p}-summary`, className: same ? 'muted' : '' }, summary),
    charts,
  );
  const { chart } = await import('../charts.ts');
  const longer = real.quarters.length >= cf.quarters.length ? real.quarters : cf.quarters;
  const labels = longer.map((q) => q.label);
  const width = Math.max(300, (charts.clientWidth || into.clientWidth || 900) / 2 - 40);
  const mk = (id: string, title: string, format: 'usd' | 'pct', f: (q: QuarterReport) => number) => chart({
    id: `${p}-${id}`, title, labels, format,
    series: [
      { label: realLabel, values: labels.map((_, i) => (real.quarters[i] ? f(real.quarters[i]!) : null)), color: REAL_COLOR },
      { label: dt('whatIf'), values: labels.map((_, i) => (cf.quarters[i] ? f(cf.quarters[i]!) : null)), color: CF_COLOR, dash: [6, 4] },
    ],
  }, width);
  charts.append(
    mk('equity', dt('equityValue'), 'usd', (q) => q.equityValueUsd),
    mk('cash', dt('cash'), 'usd', (q) => q.cashUsd),
    mk('debt', dt('debt'), 'usd', (q) => q.debtUsd),
    mk('util', dt('utilisation'), 'pct', (q) => q.utilization),
  );
}
