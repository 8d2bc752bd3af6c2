/**
 * Actions: everything the screens, the keyboard and the page API do goes through here.
 * The engine host is created lazily (the engine is not in the initial chunk).
 */
import { getState, setState, type PanelId, type LoadError, type Settings } from '../store/ui.ts';
import type { EngineHost, SaveCore } from '../store/host.ts';
import type { Snapshot, Speed, PauseReason } from '../store/snapshot.ts';
import type { Command, CommandResult } from '../engine/commands/types.ts';
import type { StrategyId } from '../engine/types.ts';
import type { Scenario } from '../scenario/schema/index.ts';
import { createHost, type HostKind } from '../store/index.ts';
import * as saves from './saves.ts';

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
  setState({ snapshot: s });
  // Autosave at each quarter close (cheap: scenario + seed + command log).
  if (prev && s.quarters.length > prev.quarters.length && getState().screen === 'game') void autosave();
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

/** Validation is lazy too: zod and the loader come with the first scenario. */
export async function scenarioLoader() {
  return import('./scenarioLoader.ts');
}

export async function startGame(scenario: Scenario, seed: number, opts: { strategy?: StrategyId | null; screen: 'briefing' | 'game'; replay?: SaveCore | null }): Promise<Snapshot> {
  const h = await ensureHost();
  h.setSpeed(0);
  const snap = await h.start({
    scenario,
    seed,
    strategy: opts.strategy ?? undefined,
    depreciationYears: opts.replay?.depreciationYears ?? undefined,
    log: opts.replay?.log,
    toWeek: opts.replay?.week,
  });
  setState({ scenario, seed, strategy: opts.strategy ?? null, snapshot: snap, screen: opts.screen, loadErrors: null, selectedRegion: null });
  saves.rememberSeed(seed);
  return snap;
}

export async function startBundled(id: string, seed: number | null, strategy: StrategyId | null, screen: 'briefing' | 'game'): Promise<{ ok: boolean; errors?: LoadError[] }> {
  const L = await scenarioLoader();
  const r = L.loadBundledScenario(id);
  if (!r.ok) {
    setState({ loadErrors: { fileName: id, errors: r.errors } });
    return { ok: false, errors: r.errors };
  }
  await startGame(r.scenario, seed ?? r.scenario.defaultSeed, { strategy, screen });
  return { ok: true };
}

/** Validate a scenario file's text; when valid, start it (briefing first, as the file picker does). */
export async function loadScenarioFileText(text: string, fileName: string, seed: number | null, screen: 'briefing' | 'game' = 'briefing'): Promise<{ ok: boolean; errors?: LoadError[] }> {
  const L = await scenarioLoader();
  const r = L.loadScenarioText(text, { fileName });
  if (!r.ok) {
    setState({ loadErrors: { fileName, errors: r.errors } });
    return { ok: false, errors: r.errors.map((e) => ({ path: e.path, message: e.message, line: e.line, column: e.column })) };
  }
  await startGame(r.scenario, seed ?? r.scenario.defaultSeed, { strategy: null, screen });
  return { ok: true };
}

export function setSpeed(s: Speed): void {
  const snap = getState().snapshot;
  if (!host || !snap || getState().screen !== 'game') return;
  if (snap.over && s !== 0) return;
  host.setSpeed(s);
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

export async function stepWeeks(weeks: number): Promise<Snapshot | null> {
  const h = await ensureHost();
  const snap = getState().snapshot;
  if (!snap) return null;
  if (!snap.paused) h.setSpeed(0);
  return h.step(weeks);
}

export async function preview(cmd: Command): Promise<CommandResult> {
  const h = await ensureHost();
  return h.preview(cmd);
}

export async function issue(cmd: Command): Promise<CommandResult> {
  const h = await ensureHost();
  return h.issue(cmd);
}

export function showPanel(id: PanelId): void {
  setState({ panel: id });
}

export function setSettings(patch: Partial<Settings>): void {
  setState((s) => { Object.assign(s.settings, patch); });
  const st = getState().settings;
  saves.saveSettings(st);
  host?.setOptions(st);
  document.documentElement.lang = st.lang === 'zh-CN' ? 'zh-CN' : 'en';
}

export function goTitle(): void {
  host?.setSpeed(0);
  setState({ screen: 'title' });
  void saves.hasAutosave().then((has) => setState({ hasAutosave: has }));
}

export function goDebrief(): void {
  host?.setSpeed(0);
  setState({ screen: 'debrief' });
}

export async function currentSave(name: string): Promise<saves.SaveFile | null> {
  const h = await ensureHost();
  const core = await h.saveData();
  if (!core) return null;
  return saves.makeSaveFile(name, core);
}

export async function autosave(): Promise<void> {
  try {
    const f = await currentSave('autosave');
    if (f) await saves.putSave(f);
  } catch (e) {
    toast(`${saves.describeStorageError(e)}`, 'error');
  }
}

/** Load a save (from IndexedDB or a file): validate, replay to the saved week, show the game. */
export async function loadSave(f: unknown): Promise<{ ok: boolean; reason?: string }> {
  const checked = saves.checkSaveFile(f);
  if (!checked.ok) return { ok: false, reason: checked.reason };
  const L = await scenarioLoader();
  const r = L.loadScenarioObject(checked.save.scenario);
  if (!r.ok) return { ok: false, reason: 'The scenario inside the save is not valid: ' + r.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ') };
  const s = checked.save;
  await startGame(r.scenario, s.seed, { strategy: s.strategy, screen: 'game', replay: { scenario: r.scenario, seed: s.seed, strategy: s.strategy, depreciationYears: s.depreciationYears, week: s.week, log: s.log } });
  return { ok: true };
}

export function disposeHost(): void {
  for (const u of unsub) u();
  unsub = [];
  host?.dispose();
  host = null;
  hostPromise = null;
}
