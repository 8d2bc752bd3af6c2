/**
 * One student's run opened read-only from the class debrief: replayed in the engine's worker from
 * the result file, then scrubbed week by week (a slider: the figures of that week, a cursor on the
 * chart, the decisions up to it), with the what-if below it.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h, replace } from '../dom.ts';
import { usd, pct, lang } from '../i18n.ts';
import { whyOne } from '../../class/why.ts';
import { dateOfWeek } from '../../engine/calendar.ts';
import type { EngineHost, RunSummary } from '../../store/host.ts';
import type { ResultRun } from '../../class/resultInputs.ts';
import { describeCommand, weekLabel } from './decisions.ts';
import { dt } from './debriefText.ts';
import { whatIfSection, viewOf } from './whatIf.ts';

export async function openRun(into: HTMLElement, opts: { name: string; text: string | null; host: Pick<EngineHost, 'openResults' | 'replayRuns'>; onClose: () => void }): Promise<void> {
  const title = h('h2', { id: 'cd-run-h', tabindex: '-1' }, dt('cdRunOf', { name: opts.name }));
  const close = h('button', { type: 'button', id: 'cd-run-close', onclick: () => opts.onClose() }, dt('cdClose'));
  const body = h('div', { id: 'cd-run-body' }, h('p', { className: 'muted', role: 'status' }, dt('cdRunLoading')));
  replace(into, h('div', { className: 'row cd-run-head' }, title, close), body);
  title.focus();
  if (!opts.text) { replace(body, h('p', { className: 'neg' }, dt('cdRunNoText'))); return; }
  let opened;
  try {
    [opened] = await opts.host.openResults([opts.text], true);
  } catch (e) {
    replace(body, h('p', { className: 'neg' }, dt('cdRunFailed', { reason: whyOne({ id: 'internal', detail: String((e as Error)?.message ?? e) }, lang()) })));
    return;
  }
  if (!opened || !opened.ok || !opened.summary) { replace(body, h('p', { className: 'neg' }, dt('cdRunFailed', { reason: opened && !opened.ok ? whyOne(opened.why, lang()) : '' }))); return; }
  renderRun(body, opened.run, opened.summary, opts.host, opts.name);
}

function renderRun(body: HTMLElement, run: ResultRun, sum: RunSummary, host: Pick<EngineHost, 'replayRuns'>, student: string): void {
  const { scenario: sc } = run.inputs;
  const last = sum.weekly.length - 1;
  const slider = h('input', { type: 'range', id: 'cd-scrub', min: '0', max: String(last), step: '1', value: String(last), 'aria-describedby': 'cd-scrub-help' });
  const weekOut = h('output', { id: 'cd-scrub-week', for: 'cd-scrub' }, '');
  const figures = h('dl', { className: 'cd-figures', id: 'cd-figures' });
  const decisions = h('ol', { className: 'cd-decisions', id: 'cd-decisions' });
  const plotEl = h('div', { role: 'img', 'aria-label': `${dt('equityValue')}, ${dt('cash')}, ${dt('debt')}` });
  let cursor = last;
  const xs = sum.weekly.map((p) => p.week);
  const u = new uPlot({
    width: Math.max(300, (body.clientWidth || 900) - 20), height: 200,
    legend: { show: true, live: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false } },
    axes: [
      { stroke: '#93a0c8', grid: { stroke: '#1c2650', width: 1 }, ticks: { stroke: '#26325e' } },
      { stroke: '#93a0c8', grid: { stroke: '#1c2650', width: 1 }, ticks: { stroke: '#26325e' }, values: (_u, vals) => vals.map((v) => usd(v, 1)), size: 76 },
    ],
    series: [{ label: dt('cdScrub') },
      { label: dt('equityValue'), stroke: '#2fe0c0', width: 2, value: (_u, v) => usd(v) },
      { label: dt('cash'), stroke: '#62e89a', width: 1.5, dash: [6, 4], value: (_u, v) => usd(v) },
      { label: dt('debt'), stroke: '#ff6b81', width: 1.5, dash: [2, 3], value: (_u, v) => usd(v) }],
    hooks: { draw: [(p) => {
      const x = Math.round(p.valToPos(sum.weekly[cursor]?.week ?? 0, 'x', true));
      const ctx = p.ctx;
      ctx.save();
      ctx.strokeStyle = '#ffe066';
      ctx.lineWidth = 2 * devicePixelRatio;
      ctx.beginPath(); ctx.moveTo(x, p.bbox.top); ctx.lineTo(x, p.bbox.top + p.bbox.height); ctx.stroke();
      ctx.restore();
    }] },
  }, [xs, sum.weekly.map((p) => p.equityValueUsd), sum.weekly.map((p) => p.cashUsd), sum.weekly.map((p) => p.debtUsd)], plotEl);

  const show = (i: number): void => {
    cursor = i;
    const p = sum.weekly[i]!;
    weekOut.textContent = `${weekLabel(p.week, sc)}`;
    slider.setAttribute('aria-valuetext', `${weekLabel(p.week, sc)} · ${dt('cash')} ${usd(p.cashUsd)}`);
    replace(figures,
      ...[[dt('equityValue'), usd(p.equityValueUsd)], [dt('cash'), usd(p.cashUsd)], [dt('debt'), usd(p.debtUsd)], [dt('utilisation'), pct(p.utilisation, 0)], [dt('cdGpus'), p.gpusOwned.toLocaleString('en-US')]]
        .map(([k, v]) => h('div', null, h('dt', null, k!), h('dd', { 'data-fig': k! }, v!))));
    // Decisions played before this point: those of earlier weeks, and this week's (played as the week ran).
    const upTo = sum.played.filter((d) => d.week < p.week);
    replace(decisions, upTo.length ? upTo.map((d) => h('li', { className: (d.week === p.week - 1 ? 'cd-now' : '') + (d.ok ? '' : ' cd-refused') },
      `${weekLabel(d.week, sc)} — ${describeCommand(d.command, sc)}${d.ok ? '' : ` (${dt('refusedTag')})`}${d.week === p.week - 1 ? ` · ${dt('cdThisWeek')}` : ''}`)) : h('li', { className: 'muted' }, dt('cdNoDecisionsYet')));
    u.redraw(false, false);
  };
  slider.addEventListener('input', () => show(Number(slider.value)));
  replace(body,
    h('div', { className: 'cd-scrub-row' },
      h('label', { className: 'check', for: 'cd-scrub' }, dt('cdScrub')), slider, weekOut),
    h('p', { className: 'muted small', id: 'cd-scrub-help' }, dt('cdScrubHelp'), ` (${dateOfWeek(sc.calendar.startDate, 0)} – ${dateOfWeek(sc.calendar.startDate, sum.weekly[last]!.week)})`),
    h('div', { className: 'cd-run-grid' },
      h('div', null, plotEl, figures),
      h('div', null, h('h3', null, dt('cdDecisionsSoFar')), decisions),
    ),
    whatIfSection({
      scenario: sc, seed: run.inputs.seed, strategy: run.inputs.autopilot, depreciationYears: run.inputs.depreciationYears,
      log: [...run.inputs.log], week: run.inputs.week, over: sum.status !== 'running' || sum.weeks >= sc.calendar.lengthWeeks,
      real: viewOf(sum), played: sum.played, replay: (runs, onProgress) => host.replayRuns(runs, onProgress), idPrefix: 'cd-whatif', student,
    }),
  );
  show(last);
}
