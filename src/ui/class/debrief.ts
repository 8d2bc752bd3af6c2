/**
 * The class debrief for the projector (issue 11 item 5), from the rows the results page verified:
 * every student's equity value, cash, debt and utilisation overlaid with the autopilots on the
 * class seed; the score histogram; the heat map of decisions by quarter; an anonymise switch; the
 * scenario's debrief questions beside them; a student table whose rows open that run read-only
 * (scrubbed week by week, with its what-if). Only verified rows are shown.
 */
import './debrief.css';
import { h, replace, table } from '../dom.ts';
import { loc, price } from '../i18n.ts';
import { quarterLabel } from '../../engine/calendar.ts';
import type { EngineHost } from '../../store/host.ts';
import type { StrategyId } from '../../engine/types.ts';
import type { QuarterReport } from '../../engine/reports.ts';
import type { ResultRun } from '../../class/resultInputs.ts';
import { dt, type DebriefKey } from './debriefText.ts';
import { shownRows, onAxis, scoreBins, decisionHeat, displayNames, quarterOfClose, type DebriefRow, type SeriesKey } from './debriefData.ts';
import { overlayChart, histogram, type OverlayLine } from './debriefCharts.ts';
import { heatMap, eventsByQuarter } from './debriefHeat.ts';
import { statusText } from './whatIf.ts';
import { openRun } from './debriefRun.ts';

export interface ClassDebriefInput<R extends DebriefRow = DebriefRow> {
  /** The results page's rows (the verifier's rows); only verified ones are shown. */
  rows: readonly R[];
  /** The text of a row's result file (to open the run and find the class scenario), or null. */
  textOf: (row: R) => string | null;
  host: Pick<EngineHost, 'openResults' | 'replayRuns' | 'benchmark'>;
  onBack?: (() => void) | undefined;
}

const AUTOPILOTS: { id: StrategyId; color: string; dash: number[] }[] = [
  { id: 'leveraged', color: '#ff6b81', dash: [8, 4] },
  { id: 'prudent', color: '#5ac8fa', dash: [3, 3] },
  { id: 'idle', color: '#ffc857', dash: [1, 4] },
];
const HIST_BINS = 10;
const FIGURES: { key: SeriesKey; title: DebriefKey; format: 'usd' | 'pct'; of: (q: QuarterReport) => number }[] = [
  { key: 'equityValueUsd', title: 'equityValue', format: 'usd', of: (q) => q.equityValueUsd },
  { key: 'cashUsd', title: 'cash', format: 'usd', of: (q) => q.cashUsd },
  { key: 'debtUsd', title: 'debt', format: 'usd', of: (q) => q.debtUsd },
  { key: 'utilisation', title: 'utilisation', format: 'pct', of: (q) => q.utilization },
];

export function renderClassDebrief<R extends DebriefRow>(root: HTMLElement, input: ClassDebriefInput<R>): () => void {
  let disposed = false;
  const rows = shownRows(input.rows);
  let anonymous = false;
  let selected: number | null = null;
  let classRun: ResultRun | null = null;
  let autopilots: { id: StrategyId; quarters: QuarterReport[] }[] = [];
  const autoStatus = h('p', { className: 'muted small', id: 'cd-autopilots', role: 'status' }, '');
  const intro = h('p', { className: 'muted', id: 'cd-intro' }, '');
  const chartsBox = h('div', { className: 'charts-grid cd-charts', id: 'cd-charts' });
  const questions = h('ol', { id: 'cd-questions' });
  const heatBox = h('div', { id: 'cd-heat-box' });
  const histBox = h('div', { id: 'cd-hist-box' });
  const studentsBox = h('div', { id: 'cd-students' });
  const runBox = h('section', { className: 'section cd-run', id: 'cd-run', 'aria-labelledby': 'cd-run-h' });
  runBox.hidden = true;
  const anon = h('input', { type: 'checkbox', id: 'cd-anon' });
  anon.addEventListener('change', () => { anonymous = anon.checked; renderAll(); });

  const view = h('main', { className: 'debrief', id: 'class-debrief' },
    h('div', { className: 'debrief-inner cd-inner' },
      h('div', { className: 'row cd-head' },
        h('h1', null, dt('classDebrief')),
        h('label', { className: 'check' }, anon, dt('anonymise')),
        input.onBack ? h('button', { type: 'button', id: 'cd-back', onclick: () => input.onBack?.() }, dt('cdBack')) : null,
      ),
      intro,
      rows.length === 0 ? h('p', { id: 'cd-empty' }, dt('cdNoVerified')) : null,
      h('div', { className: 'cd-top' },
        h('section', { className: 'section', 'aria-labelledby': 'cd-charts-h' }, h('h2', { id: 'cd-charts-h' }, dt('cdCharts')), autoStatus, chartsBox),
        h('aside', { className: 'cd-aside', 'aria-labelledby': 'cd-questions-h' }, h('h2', { id: 'cd-questions-h' }, dt('cdQuestions')), questions),
      ),
      h('section', { className: 'section', 'aria-labelledby': 'cd-heat-h' }, h('h2', { id: 'cd-heat-h' }, dt('cdHeat')), h('p', { className: 'muted small' }, dt('cdHeatHelp')), heatBox),
      h('div', { className: 'cd-pair' },
        h('section', { className: 'section', 'aria-labelledby': 'cd-hist-h' }, h('h2', { id: 'cd-hist-h', className: 'sr-only' }, dt('cdHistogram')), histBox),
        h('section', { className: 'section', 'aria-labelledby': 'cd-students-h' }, h('h2', { id: 'cd-students-h' }, dt('cdStudents')), studentsBox),
      ),
      runBox,
    ),
  );
  root.replaceChildren(view);

  const names = () => displayNames(rows, anonymous, (n) => dt('anonStudent', { n }));
  const quarterCount = (): number => {
    const fromRuns = Math.max(0, ...rows.map((r) => (r.series?.length ? quarterOfClose(r.series[r.series.length - 1]!.week) + 1 : 0)));
    const fromAuto = Math.max(0, ...autopilots.map((a) => a.quarters.length));
    const fromScenario = classRun ? Math.ceil(classRun.inputs.scenario.calendar.lengthWeeks / 13) : 0;
    return Math.max(fromRuns, fromAuto, fromScenario);
  };
  const labels = (): string[] => Array.from({ length: quarterCount() }, (_, i) => (classRun ? quarterLabel(classRun.inputs.scenario.calendar.startDate, classRun.inputs.scenario.calendar.startQuarter, i) : `Q${i + 1}`));

  function renderCharts(): void {
    const ls = labels();
    const ns = names();
    const width = Math.max(260, chartsBox.clientWidth / 2 - 30);
    replace(chartsBox, ...FIGURES.map((f) => {
      const lines: OverlayLine[] = rows.map((r, i) => ({ name: ns[i]!, values: onAxis(r.series, f.key, ls.length), kind: i === selected ? 'selected' : 'student' }));
      for (const a of autopilots) {
        const spec = AUTOPILOTS.find((x) => x.id === a.id)!;
        lines.push({ name: dt(`autopilot_${a.id}` as DebriefKey), values: ls.map((_, q) => (a.quarters[q] ? f.of(a.quarters[q]!) : null)), kind: 'autopilot', color: spec.color, dash: spec.dash });
      }
      return overlayChart({ id: `cd-${f.key}`, title: dt(f.title), labels: ls, format: f.format, lines }, width);
    }));
  }

  function renderStudents(): void {
    const ns = names();
    const tbl = table(dt('cdStudents'), [dt('colStudent'), dt('colOutcome'), dt('colScore'), dt('colObjectives'), ''], rows.map((r, i) => [
      ns[i]!, r.outcome ? statusText(r.outcome as Parameters<typeof statusText>[0]) : '—', price(r.score), r.objectivesMet !== undefined ? `${r.objectivesMet}/${r.objectivesTotal ?? '?'}` : '—',
      h('button', { type: 'button', className: 'cd-open', 'data-row': i, 'aria-label': dt('cdOpenRun', { name: ns[i]! }), onclick: () => void open(i) }, dt('cdOpen')),
    ]), { numericFrom: 2 });
    tbl.id = 'cd-students-table';
    replace(studentsBox, tbl);
  }

  function renderAll(): void {
    const ls = labels();
    const ns = names();
    const sc = classRun?.inputs.scenario;
    intro.textContent = dt('cdIntro', { n: rows.length, total: input.rows.length, scenario: sc ? loc(sc.title) : '—', seed: classRun?.classSeed ?? classRun?.inputs.seed ?? '—' });
    replace(questions, ...(sc?.lesson.teaching.debriefQuestions ?? []).map((q) => h('li', null, loc(q))));
    renderCharts();
    replace(heatBox, heatMap({ heat: decisionHeat(rows, ls.length), labels: ls, names: ns, events: sc ? eventsByQuarter(sc) : new Map() }));
    replace(histBox, histogram('cd-hist', scoreBins(rows.map((r) => r.score ?? Number.NaN), HIST_BINS).bins, histBox.clientWidth - 20));
    renderStudents();
    const title = runBox.querySelector('#cd-run-h');
    if (title && selected !== null) title.textContent = dt('cdRunOf', { name: ns[selected]! });
  }

  async function open(i: number): Promise<void> {
    selected = i;
    runBox.hidden = false;
    renderCharts();
    await openRun(runBox, { name: names()[i]!, text: input.textOf(rows[i]!), host: input.host, onClose: () => { selected = null; runBox.hidden = true; replace(runBox); renderCharts(); } });
  }

  renderAll();
  void (async () => {
    // The class scenario and seed from the first verified file (in the worker), then the autopilots on it.
    const text = rows.map((r) => input.textOf(r)).find((x): x is string => !!x);
    if (!text) return;
    const [first] = await input.host.openResults([text], false);
    if (disposed || !first?.ok) return;
    classRun = first.run;
    renderAll();
    const sc = classRun.inputs.scenario;
    const seed = classRun.classSeed ?? classRun.inputs.seed;
    autoStatus.textContent = dt('cdAutopilotsRunning', { n: 0, of: AUTOPILOTS.length });
    try {
      const bench = await input.host.benchmark(sc, seed, AUTOPILOTS.map((a) => a.id), (n) => { if (!disposed) autoStatus.textContent = dt('cdAutopilotsRunning', { n, of: AUTOPILOTS.length }); });
      if (disposed) return;
      autopilots = bench.map((b) => ({ id: b.strategy, quarters: b.quarters }));
      autoStatus.textContent = '';
      renderCharts();
    } catch (e) {
      autoStatus.textContent = dt('cdAutopilotsFailed', { reason: String((e as Error)?.message ?? e) });
    }
  })();
  return () => { disposed = true; };
}
