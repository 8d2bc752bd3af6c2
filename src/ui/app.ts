/**
 * Actions: everything the screens, the keyboard and the page API do goes through here.
 * The engine host is created lazily (the engine is not in the initial chunk).
 */
import { getState, setState, type PanelId, type LoadError, type Settings, type ClassPlay } from '../store/ui.ts';
import type { EngineHost, LoadRequest, LoadOutcome } from '../store/host.ts';
import type { Snapshot, Speed, PauseReason } from '../store/snapshot.ts';
import type { Command, CommandResult } from '../engine/commands/types.ts';
import { createHost, type HostKind } from '../store/index.ts';
import * as saves from './saves.ts';
import { t, tp, commandName, labelled, lang } from './i18n.ts';
import { scenarioErrorText } from '../i18n/scenarioErrorMessages.ts';
import { msgText } from './advice.ts';

let host: EngineHost | null = null;
let hostPromise: Promise<EngineHost> | null = null;
let unsub: (() => void)[] = [];
let toastId = 1;

export function hostKind(): HostKind {
  const q = new URLSearchParams(location.search).get('host');
  return q === 'main' ? 'inThread' : 'worker';
}

export function ensureHost(): Promise<EngineHost> {
  if (host) return Promise.resolve(host);
  if (!hostPromise) {
    hostPromise = createHost(hostKind()).then((h) => {
      host = h;
      h.setOptions(getState().settings);
      unsub.push(h.onSnapshot(onSnapshot));
      unsub.push(h.onAutoPause(emitAutoPause));
      unsub.push(h.onError(onEngineError));
      return h;
    });
  }
  return hostPromise;
}

export function currentHost(): EngineHost | null {
  return host;
}

function onSnapshot(s: Snapshot): void {
  const prev = getState().snapshot;
  // Frozen at the top, so the store's immer neither walks nor deep-freezes ~0.3–1 MB of plain data
  // 4× a second (nothing mutates a snapshot; immer skips frozen values).
  setState({ snapshot: Object.freeze(s) });
  if (s.engineError && !getState().engineError) onEngineError(s.engineError);
  // A command the game's rules refused when its week came is news for the player.
  if (prev && s.refusedTotal > prev.refusedTotal) {
    for (const r of s.refusedCommands.slice(-(s.refusedTotal - prev.refusedTotal))) toast(t('refusedAtWeek').replace('{week}', String(r.week)).replace('{what}', commandName(r.type)).replace('{reason}', msgText(r.reason)), 'error');
  }
  // Autosave at each quarter close (cheap: scenario + seed + command log).
  if (prev && s.quarters.length > prev.quarters.length && getState().screen === 'game') void autosave();
}

/** The engine threw: the game is stopped for good; the error dialog offers the last save. */
function onEngineError(message: string): void {
  if (getState().engineError) return;
  setState({ engineError: message });
}

const autoPauseSubs = new Set<(r: PauseReason) => void>();
export function onAutoPause(cb: (r: PauseReason) => void): () => void {
  autoPauseSubs.add(cb);
  return () => autoPauseSubs.delete(cb);
}
function emitAutoPause(r: PauseReason): void {
  for (const cb of autoPauseSubs) cb(r);
}

export function toast(text: string, kind: 'info' | 'ok' | 'error' = 'info'): void {
  const id = toastId++;
  setState((s) => {
    s.toasts.push({ id, text, kind });
    if (s.toasts.length > 4) s.toasts.shift();
  });
  setTimeout(() => setState((s) => { s.toasts = s.toasts.filter((x) => x.id !== id); }), kind === 'error' ? 9000 : 4500);
}

/** A load's outcome for callers: ok, or why nothing changed (with every problem, for the error list). */
export type LoadUiResult = { ok: true; kind: 'save' | 'scenario' } | { ok: false; reason: string; errors: LoadError[]; kind?: 'save' | 'scenario' };

/**
 * Start or load a game, all or nothing: the host checks and replays it off to the side and
 * swaps it in only when it succeeded. On failure the running game, the screen and every save
 * are exactly as they were.
 */
export async function loadGame(req: LoadRequest, screen: 'briefing' | 'game' | 'auto', classPlay: { classPlay: ClassPlay } | null = null): Promise<LoadUiResult> {
  const h = await ensureHost();
  let r: LoadOutcome;
  try {
    r = await h.load(req);
  } catch (e) {
    const reason = `Loading failed: ${(e as Error)?.message ?? String(e)}`;
    return { ok: false, reason, errors: [{ path: '(file)', message: reason }] };
  }
  if (!r.ok) return { ok: false, reason: loadReason(r.errors, r.reason), errors: r.errors, kind: r.kind };
  // A save resumes in the game; a new scenario opens on its briefing unless the caller says otherwise.
  const to = screen === 'auto' ? (r.kind === 'save' ? 'game' : 'briefing') : screen;
  // The game screen's code is loaded before the switch, so the screen is up when the load resolves.
  if (to === 'game') await import('./screens/game.ts');
  // A game outside a class leaves the class (its rules and hand-in) behind.
  setState({ scenario: r.scenario, seed: r.seed, strategy: r.strategy, snapshot: r.snapshot, screen: to, loadErrors: null, selectedRegion: null, engineError: null, classPlay: classPlay?.classPlay ?? null });
  saves.rememberSeed(r.seed);
  return { ok: true, kind: r.kind };
}

/**
 * A failed load's problems as one line in the player's language (toasts, the game-over and engine-
 * error dialogs, the page API): its first two problems, "where: what", and how many more. The host
 * checked the file without knowing the language; each problem carries its message id. `english` is
 * the host's own line, used when a problem has no id.
 */
export function loadReason(errors: readonly LoadError[], english: string): string {
  if (errors.length === 0 || errors.some((e, i) => i < 2 && !e.msg)) return english;
  const l = lang();
  // "(save)", "(file)", "(options)" name the whole input: nothing to point at.
  const row = (e: LoadError) => (/^\(.*\)$/.test(e.path) ? scenarioErrorText(e.msg!, l) : labelled(e.path, scenarioErrorText(e.msg!, l)));
  const rows = errors.slice(0, 2).map(row).join(l === 'zh-CN' ? '；' : '; ');
  return errors.length > 2 ? `${rows} ${scenarioErrorText({ id: 'scn.ui.more', params: { n: errors.length - 2 } }, l)}` : rows;
}

/** Show a failed load's problems on the title screen (the game screen shows a toast instead). */
export function showLoadErrors(fileName: string, r: LoadUiResult): void {
  if (r.ok) return;
  if (getState().screen === 'title') setState({ loadErrors: { fileName, errors: r.errors, kind: r.kind ?? 'file' } });
  else toast(labelled(fileName, r.reason), 'error');
}

export async function startBundled(id: string, seed: number | null, strategy: string | null, screen: 'briefing' | 'game'): Promise<LoadUiResult> {
  const r = await loadGame({ source: { kind: 'bundled', id }, seed, strategy }, screen);
  showLoadErrors(id, r);
  return r;
}

/** Validate a scenario file's text; when valid, start it (briefing first, as the file picker does). */
export async function loadScenarioFileText(text: string, fileName: string, seed: number | null, screen: 'briefing' | 'game' = 'briefing'): Promise<LoadUiResult> {
  const r = await loadGame({ source: { kind: 'scenarioText', text, fileName }, seed }, screen);
  showLoadErrors(fileName, r);
  return r;
}

/** A dropped or picked file: a save or a scenario, decided by its "format" field in the host. */
export async function loadFileText(text: string, fileName: string, seed: number | null): Promise<LoadUiResult> {
  const r = await loadGame({ source: { kind: 'file', text, fileName }, seed }, 'auto');
  showLoadErrors(fileName, r);
  return r;
}

/** Load a save (its text, or an IndexedDB record): checked, replayed to its week, then shown. */
export async function loadSave(save: unknown, label = 'save'): Promise<LoadUiResult> {
  // A game saved in a class comes back in its class (rules, hand-in): class/resume.ts. Its class
  // config schema is zod, whose eval-compiled parsers main.ts switched off at boot (the CSP forbids eval).
  const classPlay = await (await import('./class/resume.ts')).classPlayOfSave(save);
  const r = await loadGame({ source: { kind: 'save', value: save } }, 'game', classPlay ? { classPlay } : null);
  showLoadErrors(label, r);
  return r;
}

export async function loadNamedSave(name: string): Promise<LoadUiResult> {
  let rec: unknown;
  try {
    rec = await saves.getSave(name);
  } catch (e) {
    const reason = saves.describeStorageError(e);
    toast(reason, 'error');
    return { ok: false, reason, errors: [{ path: '(save)', message: reason }] };
  }
  if (rec === undefined) {
    const reason = tp('noSaveNamed', { name });
    const r: LoadUiResult = { ok: false, reason, errors: [{ path: '(save)', message: reason }] };
    showLoadErrors(name, r);
    return r;
  }
  return loadSave(rec, name);
}

/** Open the newest autosave (of any tab). */
export async function continueAutosave(): Promise<LoadUiResult> {
  let rec: unknown;
  try {
    rec = await saves.latestAutosave();
  } catch (e) {
    const reason = saves.describeStorageError(e);
    toast(reason, 'error');
    return { ok: false, reason, errors: [{ path: '(save)', message: reason }] };
  }
  if (rec === undefined) {
    const r: LoadUiResult = { ok: false, reason: t('noSaveYet'), errors: [{ path: '(save)', message: t('noSaveYet') }] };
    showLoadErrors('autosave', r);
    return r;
  }
  return loadSave(rec, 'autosave');
}

export const SPEEDS: readonly Speed[] = [0, 1, 2, 4];

/** Set the clock speed (0 pauses); refused with a reason for any other value or state. */
export function setSpeed(s: Speed): { ok: true } | { ok: false; reason: string } {
  if (!(SPEEDS as readonly unknown[]).includes(s)) return { ok: false, reason: `Speed must be one of ${SPEEDS.join(', ')} (weeks per second; 0 pauses).` };
  const snap = getState().snapshot;
  if (!host || !snap) return { ok: false, reason: 'No game is running.' };
  if (getState().screen !== 'game') return { ok: false, reason: 'The game screen is not showing.' };
  if (getState().engineError && s !== 0) return { ok: false, reason: 'The game stopped after an engine error; load the last save.' };
  if (snap.over && s !== 0) return { ok: false, reason: 'The game is over.' };
  const cls = getState().classPlay;
  if (cls && s > cls.config.rules.maxSpeed) return { ok: false, reason: `This class allows at most ${cls.config.rules.maxSpeed}× speed.` };
  host.setSpeed(s);
  return { ok: true };
}

export function togglePause(): void {
  const snap = getState().snapshot;
  if (!snap) return;
  setSpeed(snap.paused ? (lastSpeed || 1) : 0);
}
let lastSpeed: Speed = 1;
export function rememberSpeed(s: Speed): void {
  if (s !== 0) lastSpeed = s;
}

/** Step a paused game by whole weeks; null when there is no game or the engine failed (the dialog says why). */
export async function stepWeeks(weeks: number): Promise<Snapshot | null> {
  const h = await ensureHost();
  const snap = getState().snapshot;
  if (!snap) return null;
  if (!snap.paused) h.setSpeed(0);
  try {
    return await h.step(weeks);
  } catch (e) {
    onEngineError(String((e as Error)?.message ?? e));
    return null;
  }
}

export async function preview(cmd: Command | unknown): Promise<CommandResult> {
  const h = await ensureHost();
  return h.preview(cmd);
}

/** Withdraw the queued command `index` (the snapshot's `queued`) before its week runs. */
export async function cancelQueued(index: number, text: string): Promise<boolean> {
  const h = await ensureHost();
  const ok = await h.cancel(index);
  toast(ok ? labelled(t('cancelledQueued'), text) : t('cancelledQueued') + ' ✕', ok ? 'ok' : 'error');
  return ok;
}

export async function issue(cmd: Command | unknown): Promise<CommandResult> {
  const h = await ensureHost();
  return h.issue(cmd);
}

export function showPanel(id: PanelId): void {
  setState({ panel: id });
}

export function setSettings(patch: Partial<Settings>): void {
  // A class that pauses at each quarter keeps that pause on (the class's rule, not the player's).
  if (patch.autoPauseOnQuarter === false && getState().classPlay?.config.rules.pauseEachQuarter) patch = { ...patch, autoPauseOnQuarter: true };
  setState((s) => {
    // Toasts are text already rendered in the old language: a switch clears them (no English left on a Chinese screen).
    if (patch.lang !== undefined && patch.lang !== s.settings.lang) s.toasts = [];
    Object.assign(s.settings, patch);
  });
  const st = getState().settings;
  saves.saveSettings(st);
  host?.setOptions(st);
  document.documentElement.lang = st.lang === 'zh-CN' ? 'zh-CN' : 'en';
}

export function goTitle(): void {
  host?.setSpeed(0);
  setState({ screen: 'title' });
  void saves.hasAutosave().then((has) => { if (has) setState({ hasAutosave: true }); });
}

/** The Menu button: pause, write the autosave, and only then show the title (so Continue is ready). */
export async function goMenu(): Promise<void> {
  host?.setSpeed(0);
  await autosave();
  goTitle();
}

export function goDebrief(): void {
  host?.setSpeed(0);
  setState({ screen: 'debrief' });
}

/** The running game as a save file, or null (no game, or the engine failed: a broken world is never saved). */
export async function currentSave(name: string): Promise<saves.SaveFile | null> {
  const h = await ensureHost();
  const core = await h.saveData();
  if (!core) return null;
  return saves.saveFileFrom(name, core);
}

/** A save of a class game remembers its class, so loading it (Menu → Continue) plays on in the class. */
async function rememberClass(f: saves.SaveFile): Promise<void> {
  const cls = getState().classPlay;
  if (cls) (await import('./class/resume.ts')).rememberClassSave(f, cls);
}

/**
 * The game as it stood at a quarter close (`week`, a multiple of 13): the running game's save cut
 * back to that week (the commands played before it; replay stops there, before that week's own
 * decisions). The game-over dialog offers the last quarter close before the end.
 */
export async function quarterSave(week: number): Promise<saves.SaveFile | null> {
  const f = await currentSave('quarter');
  if (!f || week < 0 || week > f.week) return null;
  return { ...f, name: `quarter ${week}`, week, log: f.log.filter((c) => c.week < week) };
}

/** Load the save of the quarter close `week` and show it on a fresh game screen; on failure the ended game stays as it was. */
export async function resumeQuarter(week: number): Promise<LoadUiResult> {
  const f = await quarterSave(week);
  if (!f) return { ok: false, reason: t('noSaveForWeek'), errors: [{ path: '(save)', message: t('noSaveForWeek') }] };
  const r = await loadSave(f, f.name);
  // The game screen is built anew for the loaded game (its guide, advisor and dialogs start clean).
  if (r.ok && getState().screen === 'game') { setState({ screen: 'title' }); setState({ screen: 'game' }); }
  return r;
}

/** Write this tab's autosave. Never after an engine error; a failed load never changed the game. */
export async function autosave(): Promise<boolean> {
  if (getState().engineError || !host) return false;
  try {
    const f = await currentSave('autosave');
    if (!f) return false;
    await saves.putAutosave(f);
    await rememberClass(f);
    setState({ hasAutosave: true });
    return true;
  } catch (e) {
    toast(`${saves.describeStorageError(e)}`, 'error');
    return false;
  }
}

/**
 * Save under a name. An existing name is only replaced when `overwrite` is true (the dialog asks
 * first: the answer `exists: true` means "ask, then call again with overwrite").
 */
export async function saveNamed(rawName: string, overwrite: boolean): Promise<{ ok: true; name: string } | { ok: false; reason: string; exists?: boolean }> {
  const n = saves.checkSaveName(rawName);
  if (!n.ok) return n;
  try {
    if (!overwrite && (await saves.hasSave(n.name))) return { ok: false, exists: true, reason: tp('saveExists', { name: n.name }) };
    const f = await currentSave(n.name);
    if (!f) return { ok: false, reason: getState().engineError ? t('noSaveAfterEngineError') : t('noGameRunning') };
    await saves.putSave(f);
    await rememberClass(f);
    return { ok: true, name: n.name };
  } catch (e) {
    return { ok: false, reason: saves.describeStorageError(e) };
  }
}

/** Test hook (page API): make the engine fail on its next week, to exercise the recovery path. */
export async function simulateEngineError(kind: 'step' | 'worker' = 'step'): Promise<void> {
  (await ensureHost()).simulateEngineError(kind === 'worker' ? 'worker' : 'step');
}

export function disposeHost(): void {
  for (const u of unsub) u();
  unsub = [];
  host?.dispose();
  host = null;
  hostPromise = null;
}
