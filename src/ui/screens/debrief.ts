/**
 * End of game: outcome and score against the objectives, timelines with the player's decisions
 * marked, the built-in strategies on the same scenario and seed, debrief questions, exports.
 */
import { h, replace, table, download } from '../dom.ts';
import { t, loc, usd, price, weekN, labelled, type StringKey } from '../i18n.ts';
import { getState } from '../../store/ui.ts';
import * as app from '../app.ts';
import { quartersCsv } from '../statements.ts';
import { gameCharts } from '../gameCharts.ts';
import type { BenchResult } from '../../store/host.ts';
import type { StrategyId } from '../../engine/types.ts';
import type { QuarterReport } from '../../engine/reports.ts';
import { msgText, gameOverText } from '../advice.ts';
import { withTerms } from '../glossary.ts';
import { engineText } from '../../i18n/messages.ts';

export const BENCH_STRATEGIES: StrategyId[] = ['leveraged', 'prudent', 'idle'];
const STRAT_COLORS: Record<string, string> = { you: '#2fe0c0', leveraged: '#ff6b81', prudent: '#5ac8fa', idle: '#93a0c8', random: '#a58bff' };
const STRAT_DASH: Record<string, number[] | undefined> = { you: undefined, leveraged: [8, 4], prudent: [3, 3], idle: [1, 4] };

/**
 * The autopilots' runs on a scenario and seed, kept for the page's life (keyed by the scenario
 * object): a language switch re-renders the debrief and must not play three whole games again.
 */
const benchRuns = new WeakMap<object, Map<number, Promise<BenchResult[]>>>();

export function renderDebrief(root: HTMLElement): () => void {
  const s = getState().snapshot;
  const sc = getState().scenario;
  if (!s || !sc) { app.goTitle(); return () => {}; }
  const bankrupt = s.player.status === 'bankrupt' || s.status === 'bankrupt';
  // The engine's figure (the advisor's): market cap or last mark, 0 after bankruptcy — as the top bar shows.
  const equity = s.player.equityValueUsd;
  // Objectives and score as the engine evaluates them (the same code the CLI uses).
  const results = s.objectives;
  const allMet = results.every((r) => r.met);
  const myScore = s.score;
  const benchBox = h('div', { id: 'bench', 'aria-live': 'polite' }, h('p', { className: 'muted' }, t('running_bench')));
  const chartsBox = h('div', { id: 'debrief-charts' }, t('loadingCharts'));
  const whatIfBox = h('div', { id: 'whatif-box' });
  let log: { week: number; command: { type: string } }[] = [];
  let disposed = false;

  // In a class: answer the questions and hand in (the section loads with the class code).
  const handInBox = h('div', { id: 'hand-in-box' });
  if (getState().classPlay) void import('../class/handIn.ts').then((m) => { if (!disposed) replace(handInBox, m.handInSection()); });
  const outcomeText = bankrupt ? t('bankrupt') : allMet ? t('won_') : t('lost_');
  const view = h('main', { className: 'debrief', id: 'debrief' },
    h('div', { className: 'debrief-inner' },
      h('p', { className: 'muted' }, `${t('debrief')} · ${loc(sc.title)} · ${t('seed')} ${s.seed}`),
      h('div', { className: 'outcome ' + (allMet && !bankrupt ? '' : 'lost'), id: 'outcome' },
        h('div', null, h('div', { className: 'big' }, (allMet && !bankrupt ? '★ ' : '') + outcomeText), h('div', { className: 'muted', id: 'outcome-reason' }, s.advice.gameOver ? withTerms(gameOverText(s.advice.gameOver)) : `${s.dateIso} · ${weekN(s.week)}`)),
        h('div', null, h('div', { className: 'muted' }, t('score')), h('div', { className: 'big', id: 'score' }, price(myScore)), h('div', { className: 'muted' }, t('scorePerShare'))),
        h('div', null, h('div', { className: 'muted' }, t('valuation')), h('div', { className: 'big' }, usd(equity))),
      ),
      h('section', { className: 'section' }, h('h2', null, t('objectives')),
        h('ul', { className: 'obj-list', id: 'objectives' }, results.map((r) => h('li', { className: r.met ? 'ok' : 'no' },
          h('span', { className: 'mark', 'aria-hidden': 'true' }, r.met ? '✓' : '✕'),
          // A bankrupt company misses every objective even where its last figure would pass ("3.0× at the end" against 3.5×): say why.
          h('span', null, h('strong', null, withTerms(loc(r.label))), ' — ' + labelled(r.met ? t('met') : !r.met && bankrupt && r.detail.id !== 'obj.bankrupt' ? t('notMetBankrupt') : t('notMet'), msgText(r.detail))),
        ))),
      ),
      h('section', { className: 'section' }, h('h2', null, t('timelines')), chartsBox),
      whatIfBox,
      h('section', { className: 'section' }, h('h2', null, t('strategies')), benchBox),
      // In a class the hand-in section below asks the same questions with an answer box each.
      !getState().classPlay && h('section', { className: 'section' }, h('h2', null, t('debriefQuestions')),
        h('ol', { id: 'debrief-questions' }, sc.lesson.teaching.debriefQuestions.map((q) => h('li', null, h('p', null, withTerms(loc(q)))))),
      ),
      handInBox,
      h('div', { className: 'row section' },
        h('button', { type: 'button', id: 'export-csv', onclick: () => download(`${sc.id}-seed${s.seed}-quarters.csv`, quartersCsv(s.quarters, { scenarioId: sc.id, seed: s.seed, strategy: getState().strategy ?? 'player' }), 'text/csv') }, '↓ ' + t('exportCsv')),
        h('button', { type: 'button', id: 'export-json', onclick: () => void exportRun() }, '↓ ' + t('exportJson')),
        h('button', { type: 'button', className: 'primary', id: 'new-game', onclick: () => app.goTitle() }, t('newGame')),
      ),
    ),
  );
  root.replaceChildren(view);

  let bench: BenchResult[] | null = null;
  async function exportRun(): Promise<void> {
    const save = await app.currentSave('run');
    const run = {
      format: 'neocloud-tycoon-run', version: 1, scenarioId: sc!.id, seed: s!.seed, strategy: getState().strategy ?? 'player',
      weeks: s!.week, status: s!.status, stateHash: await (await app.ensureHost()).stateHash(),
      objectives: results.map((r) => ({ label: r.label.en, met: r.met, detail: engineText(r.detail) })),
      score: myScore, commandLog: save?.log ?? [], quarters: s!.quarters,
      benchmarks: bench?.map((b) => ({ strategy: b.strategy, status: b.status, score: b.score, objectivesMet: b.objectives.filter((o) => o.met).length, hash: b.hash })) ?? null,
    };
    download(`${sc!.id}-seed${s!.seed}-run.json`, JSON.stringify(run, null, 2), 'application/json');
  }

  void (async () => {
    const host = await app.ensureHost();
    const save = await host.saveData();
    log = save?.log ?? [];
    const markers = dedupe(log.map((l) => ({ x: Math.min(Math.floor(l.week / 13), Math.max(0, s.quarters.length - 1)), note: l.command.type })));
    if (!disposed) await gameCharts(s, chartsBox, chartsBox.clientWidth, true, markers);
    if (save && !disposed) {
      // What if (issue 11 item 6): replays in the engine's worker, so this screen stays responsive.
      const { whatIfSection } = await import('../class/whatIf.ts');
      const hash = await host.stateHash();
      if (!disposed) replace(whatIfBox, whatIfSection({
        scenario: save.scenario, seed: save.seed, strategy: save.strategy, depreciationYears: save.depreciationYears,
        log: save.log, week: save.week, over: s.over,
        real: { quarters: s.quarters, score: myScore, status: s.status, objectives: results, equityValueUsd: equity, hash },
        replay: (runs, onProgress) => host.replayRuns(runs, onProgress),
      }));
    }
    try {
      const runs = benchRuns.get(sc) ?? new Map<number, Promise<BenchResult[]>>();
      benchRuns.set(sc, runs);
      let run = runs.get(s.seed);
      if (!run) {
        run = host.benchmark(sc, s.seed, BENCH_STRATEGIES, (n) => {
          if (!disposed) replace(benchBox, h('p', { className: 'muted' }, `${t('running_bench')} ${n}/${BENCH_STRATEGIES.length}`));
        });
        runs.set(s.seed, run);
        run.catch(() => runs.delete(s.seed));
      }
      bench = await run;
      if (!disposed) await renderBench(bench);
    } catch (e) {
      replace(benchBox, h('p', { className: 'neg' }, String((e as Error).message)));
    }
  })();

  async function renderBench(b: BenchResult[]): Promise<void> {
    // key: 'you' or the strategy id (colours and dashes); name: what the reader sees, in the page's language.
    const rows: { key: string; name: string; qs: QuarterReport[]; bankrupt: boolean; restructured: boolean; met: number; of: number; score: number }[] = [
      { key: 'you', name: t('you'), qs: s!.quarters, bankrupt, restructured: s!.player.restructured, met: results.filter((o) => o.met).length, of: results.length, score: myScore },
      ...b.map((r) => ({ key: r.strategy, name: t(`strat_${r.strategy}` as StringKey), qs: r.quarters, bankrupt: r.status === 'bankrupt', restructured: r.restructured, met: r.objectives.filter((o) => o.met).length, of: r.objectives.length, score: r.score })),
    ];
    // A restructuring is a default (creditors took the company), not a solvent run.
    const outcomeCell = (r: (typeof rows)[number]) => (r.bankrupt ? '✕ ' + t('bankrupt') : r.restructured ? '✕ ' + t('restructuredShort') : '✓ ' + t('solventShort'));
    const tbl = table(t('strategies'), [t('strategy'), t('outcome'), t('objectives'), t('benchRevenue'), t('benchEbitda'), t('cash'), t('debt'), t('valuation'), t('score')], rows.map((r) => {
      const q = r.qs[r.qs.length - 1];
      return [r.name, outcomeCell(r), `${r.met}/${r.of}`, usd((q?.revenueUsd ?? 0) * 4), usd(q?.adjustedEbitdaUsd), usd(q?.cashUsd), usd(q?.debtUsd), usd(q?.equityValueUsd), price(r.score)];
    }), { numericFrom: 2, captionHidden: true }); // the section's h2 names it on screen
    tbl.id = 'bench-table';
    const labels = (rows.reduce((a, r) => (r.qs.length > a.length ? r.qs : a), [] as QuarterReport[])).map((q) => q.label);
    const { chart } = await import('../charts.ts');
    const mk = (id: string, title: string, f: (q: QuarterReport) => number) => chart({
      id, title, labels, format: 'usd',
      series: rows.map((r) => ({ label: r.name, values: labels.map((_, i) => (r.qs[i] ? f(r.qs[i]!) : null)), color: STRAT_COLORS[r.key] ?? '#fff', dash: STRAT_DASH[r.key] })),
    }, benchBox.clientWidth / 2 - 40);
    replace(benchBox, tbl, h('div', { className: 'charts-grid' }, mk('bench-revenue', t('benchRevenueChart'), (q) => q.revenueUsd), mk('bench-equity', t('rep_equityValueUsd'), (q) => q.equityValueUsd)));
  }

  return () => { disposed = true; };
}

function dedupe(ms: { x: number; note: string }[]): { x: number; note: string }[] {
  const by = new Map<number, string[]>();
  for (const m of ms) by.set(m.x, [...(by.get(m.x) ?? []), m.note]);
  return [...by.entries()].map(([x, notes]) => ({ x, note: [...new Set(notes)].join('+') }));
}
