/**
 * The class results page: drop result files or an LMS zip; each file (untrusted) is replayed in a
 * pool of class workers (pool.ts: hardwareConcurrency − 1, at least 1, 2 on 2 cores) with class-core's
 * `verifyResultText`, with a progress bar; a sortable table of rows; grades as CSV. Nothing
 * leaves the browser. Each class's rows (and its verified files' texts, for the debrief) are kept
 * in this browser per class hash (classStore.ts, IndexedDB) once a drop is checked, and restored
 * when the page opens that class again (or from the list of kept classes); "forget this class"
 * clears the page's memory, stops the workers and deletes exactly that class's kept copy.
 */
import '../zodJitless.ts';
import './class.css';
import { h, replace, download } from '../dom.ts';
import * as app from '../app.ts';
import { setState } from '../../store/ui.ts';
import { MAX_FILE_BYTES } from '../../scenario/limits.ts';
import { sizeWhy, whyOne, whyText, type Why } from '../../class/why.ts';
import { lang } from '../i18n.ts';
import { classHash, parseClassConfig } from '../../class/config.ts';
import { packClass, loadClass, saveClass, forgetClass, listClasses, idbBackend, MAX_STORED_TEXT_CHARS, type KeyValueBackend } from './classStore.ts';
import { decodeClassLink } from '../../class/link.ts';
import { normaliseStudentName } from '../../class/seed.ts';
import { readZipEntries } from './zipInput.ts';
import { ClassPool } from './pool.ts';
import { ct, type ClassMsg } from './messages.ts';
import { getResults, subscribeResults, updateResults, forgetResults, expectedClassHash, shownStatus, type ClassResultRow, type ResultsState } from './resultsStore.ts';
import { rememberRunText, runTextOf, forgetRunTexts } from './runTexts.ts';
import { gradesCsv, gradebookCsv, markOf, DEFAULT_WEIGHTS, type GradeRow, type GradeWeights } from './csv.ts';

/** Most files taken from one drop (a class of a few hundred, with a margin). */
export const MAX_FILES_PER_DROP = 1000;

let pool: ClassPool | null = null;
let nextKey = 1;
/** Autopilot runs started, by scenario hash + seed (one run per world). */
const benchDone = new Map<string, Promise<number | null>>();
let weights: GradeWeights = { ...DEFAULT_WEIGHTS };
let assignment = 'Neocloud Tycoon';
let outOf = 100;
let sort: { col: SortCol; dir: 1 | -1 } = { col: 'key', dir: 1 };

type SortCol = 'key' | 'student' | 'status' | 'outcome' | 'score' | 'objectives' | 'peakDebt' | 'firstGpu' | 'bankrupt' | 'attempt' | 'mark';

/** This browser's kept classes (IndexedDB), or null where there is none. */
let kept: KeyValueBackend | null | undefined;
function keptStore(): KeyValueBackend | null {
  if (kept === undefined) kept = typeof indexedDB === 'undefined' ? null : idbBackend();
  return kept;
}
/** The class whose kept copy was loaded (or found empty) on this page. */
let restoredFor: string | null = null;
let saveTimer: ReturnType<typeof setTimeout> | null = null;
let savedRows: ClassResultRow[] | null = null;
let autosaveOn = false;

/** The hash the page keeps its rows under: the chosen class's, else the one most rows name. */
const keptHash = () => { const s = getResults(); return s.classHash ?? expectedClassHash(s); };

/** Keep the rows once a drop is checked (and again when autopilot scores arrive), a moment after the last change. */
function autosave(): void {
  if (autosaveOn) return;
  autosaveOn = true;
  subscribeResults((s) => {
    if (s.rows === savedRows || s.rows.length === 0 || s.done < s.total) return;
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => { saveTimer = null; void keepNow(); }, 300);
  });
}

async function keepNow(): Promise<void> {
  const store = keptStore();
  const s = getResults();
  const hash = keptHash();
  if (!store || !hash || s.rows.length === 0) return;
  savedRows = s.rows;
  const title = s.config?.title ?? s.rows.find((r) => r.classHash === hash)?.classTitle ?? null;
  const record = packClass(hash, title, s.config, s.rows, runTextOf, new Date().toISOString());
  const others = s.keptNotes.filter((n) => n.msg !== 'keptLeftOut' && n.msg !== 'keptFailed');
  try {
    await saveClass(store, record);
    restoredFor = hash;
    updateResults({ keptNotes: record.leftOut > 0 ? [...others, { msg: 'keptLeftOut', params: { n: record.leftOut, mb: MAX_STORED_TEXT_CHARS / 1048576 }, tone: 'warn' }] : others });
  } catch {
    updateResults({ keptNotes: [...others, { msg: 'keptFailed', tone: 'warn' }] });
  }
}

const shortDate = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** Bring back the rows this browser keeps for class `hash` (once per page), checked again (classStore.ts). */
async function restoreKept(hash: string, withConfig = false): Promise<void> {
  const store = keptStore();
  if (!store || restoredFor === hash) return;
  restoredFor = hash;
  const got = await loadClass(store, hash);
  if (got === null) return;
  if (!got.ok) {
    updateResults((s) => ({ keptNotes: [...s.keptNotes, { msg: got.problem === 'newer' ? 'keptNewer' : 'keptDamaged', tone: 'warn' }] }));
    return;
  }
  if (withConfig && !getResults().config && got.config !== null) {
    const c = parseClassConfig(got.config);
    if (c.ok && (await classHash(c.config)) === hash) updateResults({ config: c.config, classHash: hash });
  }
  if (!getResults().classHash) updateResults({ classHash: hash });
  const rows = got.rows.map(({ text, ...r }): ClassResultRow => {
    const key = nextKey++;
    if (text !== null) rememberRunText(key, text);
    return { ...r, key };
  });
  const notes: ResultsState['keptNotes'] = [{ msg: 'keptRestored', params: { n: rows.length, date: shortDate(got.savedAt) }, tone: 'pos' }];
  if (got.dropped > 0) notes.push({ msg: 'keptDropped', params: { n: got.dropped }, tone: 'warn' });
  if (got.leftOut > 0) notes.push({ msg: 'keptLeftOut', params: { n: got.leftOut, mb: MAX_STORED_TEXT_CHARS / 1048576 }, tone: 'warn' });
  updateResults((s) => ({ rows: [...rows, ...s.rows], done: s.done + rows.length, total: s.total + rows.length, keptNotes: [...s.keptNotes, ...notes] }));
  for (const r of rows) if (r.status === 'verified' && r.bestAutopilotScore === null) { const t = runTextOf(r.key); if (t) void measure(r, t); }
}

function thePool(): ClassPool {
  pool ??= new ClassPool();
  return pool;
}

function invalidRow(file: string, why: Why): ClassResultRow {
  return { key: nextKey++, file, status: 'invalid', reason: whyOne(why), why: [why], classHash: null, classTitle: null, seed: null, scenarioHash: null, gameVersion: null, objectivesTotal: null, answered: null, questions: null, bestAutopilotScore: null };
}

function addRow(row: ClassResultRow): void {
  updateResults((s) => ({ rows: [...s.rows, row], done: s.done + 1 }));
}

/** Verify one file's text in the pool and add its row. */
async function verifyText(file: string, text: string): Promise<void> {
  const s = getResults();
  const expectedClass = s.config && s.classHash ? { hash: s.classHash, seed: s.config.seed, seedMode: s.config.seedMode } : undefined;
  const reply = await thePool().run({ kind: 'verify', text, options: { file, ...(expectedClass ? { expectedClass } : {}) } });
  if (reply.kind === 'verified') {
    const row: ClassResultRow = { ...reply.facts, ...reply.row, file, key: nextKey++, bestAutopilotScore: null };
    addRow(row);
    if (row.status === 'verified') {
      rememberRunText(row.key, text);
      void measure(row, text);
    }
  } else {
    addRow(invalidRow(file, reply.kind === 'error' && reply.reason === 'closed' ? { id: 'checkerClosed' } : { id: 'checkerFailed', detail: reply.kind === 'error' ? reply.reason : 'unexpected reply' }));
  }
}

/** The best autopilot score on a verified row's world (once per scenario and seed). */
async function measure(row: ClassResultRow, text: string): Promise<void> {
  const world = `${row.scenarioHash}:${row.seed}`;
  let p = benchDone.get(world);
  if (!p) {
    updateResults((s) => ({ benchTotal: s.benchTotal + 1 }));
    p = thePool().run({ kind: 'bench', text }).then((r) => {
      updateResults((s) => ({ benchDone: s.benchDone + 1 }));
      return r.kind === 'bench' ? r.bestScore : null;
    });
    benchDone.set(world, p);
  }
  const best = await p;
  updateResults((s) => ({ rows: s.rows.map((r) => (r.key === row.key ? { ...r, bestAutopilotScore: best } : r)) }));
}

const isZip = (f: File) => /\.zip$/i.test(f.name) || f.type === 'application/zip' || f.type === 'application/x-zip-compressed';

/** Take dropped or picked files: result files and zips of them. Every file gets a row. */
export async function addFiles(files: File[]): Promise<void> {
  const list = files.slice(0, MAX_FILES_PER_DROP);
  if (files.length > MAX_FILES_PER_DROP) updateResults((s) => ({ notes: [...s.notes, ct('tooManyFiles', { n: MAX_FILES_PER_DROP })] }));
  const jobs: Promise<void>[] = [];
  for (const f of list) {
    if (isZip(f)) {
      const z = await readZipEntries(f, thePool());
      if (!z.ok) {
        updateResults((s) => ({ total: s.total + 1 }));
        addRow(invalidRow(f.name, { id: 'zipUnreadable', detail: z.reason }));
        continue;
      }
      updateResults((s) => ({ total: s.total + z.entries.length }));
      for (const e of z.entries) jobs.push(e.ok ? verifyText(`${f.name}/${e.name}`, e.text) : Promise.resolve(addRow(invalidRow(`${f.name}/${e.name}`, { id: 'zipEntry', detail: e.reason }))));
      continue;
    }
    updateResults((s) => ({ total: s.total + 1 }));
    const size = sizeWhy('classResult', f.size);
    if (size) { addRow(invalidRow(f.name, size)); continue; }
    jobs.push(f.text().then((text) => verifyText(f.name, text), (e: unknown) => addRow(invalidRow(f.name, { id: 'fileUnreadable', detail: String((e as Error)?.message ?? e) }))));
  }
  await Promise.all(jobs);
}

/** Every verified and unverified row's figures for the grades. */
function gradeRows(rows: ClassResultRow[], expected: string | null): GradeRow[] {
  return rows.map((r) => ({
    student: r.student ?? '', file: r.file, status: shownStatus(r, expected), score: r.score ?? null, objectivesMet: r.objectivesMet ?? null, objectivesTotal: r.objectivesTotal,
    answered: r.answered, questions: r.questions, bestAutopilotScore: r.bestAutopilotScore, attempt: r.attempt ?? null,
  }));
}

function statusText(r: ClassResultRow, st: ClassResultRow['status']): string {
  if (st === 'diverged') return ct('st_diverged', { week: r.divergesAtWeek ?? '?' });
  // A run from another game version or build that still replays: verified, and flagged.
  if (st === 'verified' && r.otherVersion) return `${ct('st_verified')} · ${ct('st_otherBuild')}`;
  return ct(`st_${st}` as ClassMsg);
}

const num = (v: number | null | undefined, digits = 2) => (v === null || v === undefined || !Number.isFinite(v) ? '—' : String(Math.round(v * 10 ** digits) / 10 ** digits));

export function renderClassResults(root: HTMLElement): () => void {
  let disposed = false;
  const classBox = h('div', { id: 'results-class' });
  const progressBox = h('div', { id: 'results-progress' });
  const tableBox = h('div', { id: 'results-table-box', className: 'table-wrap' });
  const notesBox = h('div', { id: 'results-notes', 'aria-live': 'polite' });
  const gradesBox = h('div', { id: 'results-grades' });
  const input = h('input', { type: 'file', multiple: true, accept: '.json,.zip,application/json,application/zip', id: 'results-files', className: 'sr-only', 'aria-label': ct('pickFiles') });
  input.addEventListener('change', () => {
    const fs = [...(input.files ?? [])];
    input.value = '';
    if (fs.length) void addFiles(fs);
  });
  let forgetArmed = false;
  const forgetBtn = h('button', { type: 'button', className: 'danger', id: 'results-forget' }, ct('forget'));
  forgetBtn.addEventListener('click', async () => {
    if (!forgetArmed) { forgetArmed = true; forgetBtn.textContent = ct('forgetConfirm'); return; }
    forgetArmed = false;
    forgetBtn.textContent = ct('forget');
    const hash = keptHash();
    const store = keptStore();
    if (saveTimer) { clearTimeout(saveTimer); saveTimer = null; }
    restoredFor = null;
    savedRows = null;
    // Deleted before the page forgets, so the list of kept classes it shows next no longer names it.
    if (hash && store) await forgetClass(store, hash).catch(() => undefined);
    pool?.close();
    pool = null;
    forgetRunTexts();
    benchDone.clear();
    forgetResults();
    replace(notesBox, h('p', { className: 'pos', id: 'results-forgotten' }, ct('forgotten')));
  });

  function renderClass(): void {
    const s = getResults();
    if (s.config) {
      replace(classBox, h('p', { id: 'results-class-title' }, h('strong', null, ct('forClass', { title: s.config.title }))));
      return;
    }
    const linkIn = h('input', { type: 'text', id: 'results-class-link', className: 'class-link', placeholder: '…#class=1.…' });
    const err = h('span', { className: 'neg', role: 'alert' });
    const use = h('button', { type: 'button', id: 'results-use-class' }, ct('useClass'));
    use.addEventListener('click', async () => {
      const r = await decodeClassLink(linkIn.value.trim());
      if (!r.ok) { err.textContent = ct(`link_${r.code}` as ClassMsg, { detail: r.reason }); return; }
      const hash = await classHash(r.config);
      updateResults({ config: r.config, classHash: hash });
      void restoreKept(hash);
    });
    const keptBox = h('div', { id: 'results-kept' });
    replace(classBox, h('p', { className: 'muted' }, ct('noClassChosen')), h('div', { className: 'row' }, h('label', { for: 'results-class-link' }, ct('classLinkInput'), linkIn), use, err), keptBox);
    const store = keptStore();
    if (store) void listClasses(store).then((list) => {
      if (disposed || list.length === 0 || getResults().config) return;
      replace(keptBox, h('h2', { id: 'results-kept-h', className: 'small-h' }, ct('keptTitle')), h('ul', { className: 'kept-list', 'aria-labelledby': 'results-kept-h' }, list.map((m) => h('li', null,
        h('button', { type: 'button', className: 'kept-open', 'data-hash': m.classHash, onclick: () => { void restoreKept(m.classHash, true); } },
          ct('keptItem', { title: m.title ?? ct('keptNoTitle', { hash: m.classHash.slice(0, 8) }), files: m.files, date: shortDate(m.savedAt) }))))));
    }, () => undefined);
  }

  function sortValue(r: ClassResultRow, col: SortCol, expected: string | null): string | number {
    switch (col) {
      case 'key': return r.key;
      case 'student': return (r.student ?? '').toLowerCase();
      case 'status': return ['verified', 'other', 'diverged', 'mismatch', 'invalid'].indexOf(shownStatus(r, expected));
      case 'outcome': return r.outcome ?? '';
      case 'score': return r.score ?? -Infinity;
      case 'objectives': return r.objectivesMet ?? -1;
      case 'peakDebt': return r.peakDebtToEbitda ?? -Infinity;
      case 'firstGpu': return r.firstGpuOrderWeek ?? Infinity;
      case 'bankrupt': return r.bankruptcyWeek ?? Infinity;
      case 'attempt': return r.attempt ?? 0;
      case 'mark': return markOf(gradeRows([r], expected)[0]!, weights).mark ?? -1;
    }
  }

  function renderTable(): void {
    const s = getResults();
    const expected = expectedClassHash(s);
    if (s.rows.length === 0) { replace(tableBox, h('p', { className: 'muted' }, ct('nothingYet'))); return; }
    const rows = [...s.rows].sort((a, b) => {
      const x = sortValue(a, sort.col, expected), y = sortValue(b, sort.col, expected);
      return (x < y ? -1 : x > y ? 1 : a.key - b.key) * sort.dir;
    });
    const cols: [SortCol, ClassMsg][] = [['student', 'colStudent'], ['status', 'colStatus'], ['outcome', 'colOutcome'], ['score', 'colScore'], ['objectives', 'colObjectives'], ['peakDebt', 'colPeakDebt'], ['firstGpu', 'colFirstGpu'], ['bankrupt', 'colBankrupt'], ['attempt', 'colAttempt'], ['mark', 'colMark']];
    const head = h('tr', null, cols.map(([col, label]) => {
      const active = sort.col === col;
      return h('th', { scope: 'col', 'aria-sort': active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none' },
        h('button', { type: 'button', className: 'th-sort', 'data-col': col, 'aria-label': ct('sortBy', { col: ct(label) }), onclick: () => { sort = { col, dir: active ? (sort.dir === 1 ? -1 : 1) : 1 }; renderTable(); } },
          ct(label), active ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''));
    }));
    const body = rows.map((r) => {
      const st = shownStatus(r, expected);
      const mark = markOf(gradeRows([r], expected)[0]!, weights).mark;
      const why = st === 'other' && r.status === 'verified' ? `${r.classTitle ?? '?'} (${(r.classHash ?? '').slice(0, 8)})` : r.why ? whyText(r.why, lang()) : r.reason;
      return h('tr', { className: `row-${st}`, 'data-status': st },
        h('th', { scope: 'row' }, r.student ?? '—', h('div', { className: 'muted small file-name' }, r.file)),
        h('td', null, h('span', { className: `st st-${st}` }, statusText(r, st)), why ? h('div', { className: 'muted small row-why' }, why) : null),
        h('td', null, r.outcome && ['running', 'bankrupt', 'won', 'lost'].includes(r.outcome) ? ct(`out_${r.outcome}` as ClassMsg) : (r.outcome ?? '—')),
        h('td', { className: 'num' }, num(r.score)),
        h('td', { className: 'num' }, r.objectivesMet === undefined ? '—' : `${r.objectivesMet}${r.objectivesTotal !== null ? `/${r.objectivesTotal}` : ''}`),
        h('td', { className: 'num' }, num(r.peakDebtToEbitda, 1)),
        h('td', { className: 'num' }, r.firstGpuOrderWeek ?? '—'),
        h('td', { className: 'num' }, r.bankruptcyWeek ?? '—'),
        h('td', { className: 'num' }, r.attempt ?? '—'),
        h('td', { className: 'num' }, mark === null ? '…' : String(mark)),
      );
    });
    replace(tableBox, h('table', { className: 'data results-table', id: 'results-table' }, h('caption', { className: 'sr-only' }, ct('resultsTitle')), h('thead', null, head), h('tbody', null, body)));
  }

  function renderProgress(): void {
    const s = getResults();
    const expected = expectedClassHash(s);
    const counts = { verified: 0, bad: 0, other: 0, invalid: 0 };
    for (const r of s.rows) {
      const st = shownStatus(r, expected);
      if (st === 'verified') counts.verified++; else if (st === 'other') counts.other++; else if (st === 'invalid') counts.invalid++; else counts.bad++;
    }
    replace(progressBox,
      s.total > 0 && h('div', { className: 'row' },
        h('label', { for: 'results-progress-bar' }, ct('progressLabel')),
        h('progress', { id: 'results-progress-bar', max: s.total, value: s.done }),
        h('span', { id: 'results-progress-text', role: 'status' }, ct('progress', { done: s.done, total: s.total }))),
      s.benchTotal > 0 && h('p', { className: 'muted small', id: 'results-bench-progress' }, ct('autopilotProgress', { done: s.benchDone, total: s.benchTotal })),
      s.rows.length > 0 && h('p', { id: 'results-summary' }, ct('summary', counts)),
      s.notes.map((n) => h('p', { className: 'warn' }, n)),
      s.keptNotes.map((n) => h('p', { className: n.tone === 'pos' ? 'pos kept-note' : 'warn kept-note' }, ct(n.msg, n.params))),
    );
  }

  function renderGrades(): void {
    const numIn = (id: string, label: ClassMsg, value: number, set: (v: number) => void) => {
      const i = h('input', { type: 'number', id, min: 0, max: 1000, step: 1, value, inputmode: 'numeric' });
      i.addEventListener('input', () => { const v = Number(i.value); if (Number.isFinite(v) && v >= 0) { set(v); renderTable(); } });
      return h('label', { for: id }, ct(label), i);
    };
    const asg = h('input', { type: 'text', id: 'grades-assignment', value: assignment, maxlength: 100 });
    asg.addEventListener('input', () => { assignment = asg.value; });
    const rowsNow = () => { const s = getResults(); return gradeRows(s.rows, expectedClassHash(s)); };
    const slug = () => (getResults().config?.title ?? 'class').replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40) || 'class';
    replace(gradesBox,
      h('h2', { id: 'grades-h' }, ct('grades')),
      h('p', { className: 'muted' }, ct('gradesHelp')),
      h('div', { className: 'class-fields' },
        numIn('w-verified', 'wVerified', weights.verified, (v) => { weights = { ...weights, verified: v }; }),
        numIn('w-objectives', 'wObjectives', weights.objectives, (v) => { weights = { ...weights, objectives: v }; }),
        numIn('w-score', 'wScore', weights.score, (v) => { weights = { ...weights, score: v }; }),
        numIn('w-answers', 'wAnswers', weights.answers, (v) => { weights = { ...weights, answers: v }; }),
        h('label', { for: 'grades-assignment' }, ct('assignment'), asg),
        numIn('grades-out-of', 'outOf', outOf, (v) => { outOf = v; }),
      ),
      h('div', { className: 'row' },
        h('button', { type: 'button', id: 'grades-csv', onclick: () => download(`${slug()}-grades.csv`, gradesCsv(rowsNow(), weights), 'text/csv') }, ct('gradesCsv')),
        h('button', { type: 'button', id: 'gradebook-csv', onclick: () => download(`${slug()}-gradebook.csv`, gradebookCsv(rowsNow(), weights, assignment, outOf, normaliseStudentName), 'text/csv') }, ct('gradebookCsv')),
      ),
    );
  }

  // The class debrief (class-debrief's view) on the verified rows, in place of this page; Back returns.
  const debriefBtn = h('button', { type: 'button', id: 'results-debrief', className: 'primary' }, ct('classDebriefBtn'));
  debriefBtn.addEventListener('click', async () => {
    const [{ renderClassDebrief }, host] = await Promise.all([import('./debrief.ts'), app.ensureHost()]);
    if (disposed) return;
    const s = getResults();
    const expected = expectedClassHash(s);
    const rows = s.rows.map((r) => ({ ...r, status: shownStatus(r, expected), objectivesTotal: r.objectivesTotal ?? undefined }));
    document.removeEventListener('drop', onDrop);
    unsub();
    disposed = true;
    // Back: this page again (the screen is re-rendered through the store, which disposes the debrief).
    debriefOff = renderClassDebrief(root, { rows, textOf: (r) => runTextOf(r.key), host, onBack: () => { setState({ screen: 'title' }); setState({ screen: 'classResults' }); } });
  });
  let debriefOff: (() => void) | null = null;

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    const fs = [...(e.dataTransfer?.files ?? [])];
    if (fs.length) void addFiles(fs);
  };
  document.addEventListener('drop', onDrop);

  root.replaceChildren(h('main', { className: 'class-screen', id: 'class-results', 'aria-labelledby': 'results-h' },
    h('div', { className: 'class-inner wide' },
      h('div', { className: 'row class-head' }, h('button', { type: 'button', id: 'class-back', onclick: () => app.goTitle() }, ct('toTitle')), h('h1', { id: 'results-h' }, ct('resultsTitle'))),
      h('p', { className: 'muted' }, ct('resultsIntro')),
      classBox,
      h('div', { className: 'dropzone' }, input, h('button', { type: 'button', id: 'results-pick', className: 'primary', onclick: () => input.click() }, '↥ ' + ct('pickFiles')), h('span', { className: 'muted' }, ct('dropHere'))),
      progressBox,
      tableBox,
      h('div', { className: 'row' }, debriefBtn),
      h('section', { className: 'section', 'aria-labelledby': 'grades-h' }, gradesBox),
      notesBox,
      h('div', { className: 'row section' }, forgetBtn),
    )));
  autosave();
  const s0 = getResults();
  if (s0.config && !s0.classHash) void classHash(s0.config).then((hh) => { if (getResults().config === s0.config) { updateResults({ classHash: hh }); void restoreKept(hh); } });
  else if (s0.classHash) void restoreKept(s0.classHash);
  renderClass();
  renderProgress();
  renderTable();
  renderGrades();
  let prev = getResults();
  const unsub = subscribeResults((s) => {
    if (disposed) return;
    if (s.config !== prev.config) renderClass();
    if (s.rows !== prev.rows || s.config !== prev.config || s.classHash !== prev.classHash) renderTable();
    renderProgress();
    prev = s;
  });

  return () => { disposed = true; unsub(); debriefOff?.(); document.removeEventListener('drop', onDrop); };
}

/** For tests and the page API: the largest result file accepted. */
export const MAX_RESULT_BYTES = MAX_FILE_BYTES.classResult;
