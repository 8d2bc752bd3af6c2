/**
 * `window.neocloud`: the documented page API for tests and for teachers at the browser console.
 * See README "Page API". Every method answers `{ ok: false, reason }` for bad input and never
 * throws; nothing is half-applied (loads are all or nothing, commands are checked before they are
 * queued).
 */
import { getState, setState } from '../store/ui.ts';
import * as app from './app.ts';
import type { Command } from '../engine/commands/types.ts';
import type { StrategyId } from '../engine/types.ts';
import type { Snapshot, Speed } from '../store/snapshot.ts';
import { plainDataProblem } from './plainData.ts';
import { msgText } from './advice.ts';
import { textSizeProblem } from '../scenario/limits.ts';
import type { VerifyRow } from '../class/verify.ts';

/** Most result files one `verifyResults` call takes (the class page's zip cap). */
const MAX_VERIFY_FILES = 2000;

type Refusal = { ok: false; reason: string };
type Problem = { path: string; message: string; line?: number; column?: number };

export interface NeocloudApi {
  ready: boolean;
  version: string;
  newGame(opts: { scenario: string | object; seed?: number; strategy?: StrategyId | null }): Promise<{ ok: true } | (Refusal & { errors: Problem[] })>;
  loadScenarioText(text: string): Promise<{ ok: true } | (Refusal & { errors: Problem[] })>;
  step(weeks?: number): Promise<Snapshot | null | Refusal>;
  snapshot(): Snapshot & { cashUsd: number } | null;
  issue(command: Command): Promise<{ ok: true; summary: string } | Refusal>;
  preview(command: Command): Promise<{ ok: true; summary: string } | Refusal>;
  stateHash(): Promise<string>;
  exportSave(): Promise<string>;
  importSave(text: string): Promise<{ ok: true } | Refusal>;
  setSpeed(speed: 0 | 1 | 2 | 4): { ok: true } | Refusal;
  debrief(): void;
  /** Test hook: the engine fails on its next simulated week ('step'), or the worker itself fails ('worker'); the error dialog shows its way out. */
  simulateEngineError(kind?: 'step' | 'worker'): Promise<void>;
  /**
   * Verify class result files (their texts) by replaying them: one row per text, in order, as
   * `npm run verify -- --format json` gives (src/class/verify.ts, the same code). Runs here, one
   * file after another (~1 s each for 8 years); the class page spreads files over Web Workers.
   */
  verifyResults(texts: string[]): Promise<VerifyRow[] | Refusal>;
  /**
   * Verify result file texts as `verifyResults` does and open the class debrief on them (only the
   * verified rows are shown). The results page opens the same screen with its rows.
   */
  classDebrief(texts: string[], files?: string[]): Promise<{ ok: true; verified: number } | Refusal>;
  /** Switch the UI language ('en' or 'zh-CN'), as the title screen's buttons do. */
  setLanguage(lang: 'en' | 'zh-CN'): void;
  readonly hostKind: string;
  readonly renderer: string;
}

const refuse = (reason: string): Refusal => ({ ok: false, reason });
const why = (e: unknown) => `Internal error: ${String((e as Error)?.message ?? e)}`;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function problems(r: app.LoadUiResult): { ok: true } | (Refusal & { errors: Problem[] }) {
  if (r.ok) return { ok: true };
  return { ok: false, reason: r.reason, errors: r.errors.map((e) => ({ path: e.path, message: e.message, ...(e.line ? { line: e.line } : {}), ...(e.column ? { column: e.column } : {}) })) };
}

function commandProblem(command: unknown): string | null {
  if (!isObj(command)) return 'A command must be an object with a "type".';
  const p = plainDataProblem(command, 4, 1000);
  return p ? `Malformed command: ${p}.` : null;
}

/**
 * `screenShown` resolves when the screen the store last switched to is drawn: a load that opens a
 * screen answers after it is up, so a caller can read `#app[data-screen]` at once.
 */
export function installPageApi(version: string, screenShown: () => Promise<void>): NeocloudApi {
  const shown = async <T extends { ok: boolean }>(r: T): Promise<T> => {
    if (r.ok) await screenShown();
    return r;
  };
  const api: NeocloudApi = {
    ready: false,
    version,
    async newGame(opts) {
      try {
        if (!isObj(opts)) return { ...refuse('newGame expects { scenario, seed?, strategy? }.'), errors: [] };
        const { scenario, seed, strategy } = opts;
        const bad = plainDataProblem({ seed: seed ?? null, strategy: strategy ?? null });
        if (bad) return { ...refuse(`Bad option: ${bad}.`), errors: [] };
        let r: app.LoadUiResult;
        if (typeof scenario === 'string') {
          r = await app.loadGame({ source: { kind: 'bundled', id: scenario }, seed, strategy }, 'game');
        } else {
          const p = plainDataProblem(scenario);
          if (p) return { ...refuse(`The scenario is not plain data: ${p}.`), errors: [{ path: '(file)', message: p }] };
          r = await app.loadGame({ source: { kind: 'scenarioObject', value: scenario }, seed, strategy }, 'game');
        }
        return problems(await shown(r));
      } catch (e) {
        return { ...refuse(why(e)), errors: [] };
      }
    },
    async loadScenarioText(text) {
      try {
        if (typeof text !== 'string') return { ...refuse('Expected the text of a scenario file.'), errors: [] };
        const size = textSizeProblem('scenario', text);
        if (size) return { ...refuse(size), errors: [{ path: '(file)', message: size }] };
        return problems(await shown(await app.loadGame({ source: { kind: 'scenarioText', text, fileName: 'page-api.json' } }, 'briefing')));
      } catch (e) {
        return { ...refuse(why(e)), errors: [] };
      }
    },
    async step(weeks = 1) {
      try {
        if (!(typeof weeks === 'number' && Number.isInteger(weeks) && weeks >= 0 && weeks <= 10_000)) return refuse('weeks must be a whole number from 0 to 10000.');
        if (!getState().snapshot) return null;
        if (getState().screen === 'briefing') setState({ screen: 'game' });
        const snap = await app.stepWeeks(weeks);
        const err = getState().engineError;
        return err ? refuse(err) : snap;
      } catch (e) {
        return refuse(String((e as Error)?.message ?? e));
      }
    },
    snapshot() {
      const s = getState().snapshot;
      return s ? { ...s, cashUsd: s.player.cashUsd } : null;
    },
    async issue(command) {
      try {
        const p = commandProblem(command);
        if (p) return refuse(p);
        const r = await app.issue(command);
        return r.ok ? { ok: true, summary: msgText(r.summary) } : refuse(msgText(r.reason));
      } catch (e) {
        return refuse(why(e));
      }
    },
    async preview(command) {
      try {
        const p = commandProblem(command);
        if (p) return refuse(p);
        const r = await app.preview(command);
        return r.ok ? { ok: true, summary: msgText(r.summary) } : refuse(msgText(r.reason));
      } catch (e) {
        return refuse(why(e));
      }
    },
    async stateHash() {
      return (await app.ensureHost()).stateHash();
    },
    async exportSave() {
      const f = await app.currentSave('export');
      return f ? JSON.stringify(f) : '';
    },
    async importSave(text) {
      try {
        if (typeof text !== 'string') return refuse('importSave expects the text of a save file.');
        const size = textSizeProblem('save', text);
        if (size) return refuse(`The save cannot be read: ${size}.`);
        const r = await shown(await app.loadGame({ source: { kind: 'save', value: text } }, 'game'));
        return r.ok ? { ok: true } : refuse(r.reason);
      } catch (e) {
        return refuse(why(e));
      }
    },
    setSpeed(speed) {
      try {
        return app.setSpeed(speed as Speed);
      } catch (e) {
        return refuse(why(e));
      }
    },
    debrief() {
      app.goDebrief();
    },
    async simulateEngineError(kind) {
      await app.simulateEngineError(kind);
    },
    async verifyResults(texts) {
      try {
        if (!Array.isArray(texts)) return refuse('verifyResults expects a list of result file texts.');
        if (texts.length > MAX_VERIFY_FILES) return refuse(`verifyResults takes at most ${MAX_VERIFY_FILES} files at once, got ${texts.length}.`);
        const { verifyResultTexts } = await import('../class/verify.ts'); // its own chunk: the validator and a second engine load only when asked
        return await verifyResultTexts(texts);
      } catch (e) {
        return refuse(why(e));
      }
    },
    async classDebrief(texts, files) {
      try {
        if (!Array.isArray(texts) || texts.some((x) => typeof x !== 'string')) return refuse('classDebrief expects a list of result file texts.');
        if (texts.length > MAX_VERIFY_FILES) return refuse(`classDebrief takes at most ${MAX_VERIFY_FILES} files at once, got ${texts.length}.`);
        const names = Array.isArray(files) && files.length === texts.length && files.every((f) => typeof f === 'string') ? files : undefined;
        const { verifyResultTexts } = await import('../class/verify.ts');
        const rows = await verifyResultTexts(texts, names ? { files: names } : {});
        const { openClassDebrief } = await import('./class/runTexts.ts');
        openClassDebrief(rows.map((row, i) => ({ row, text: texts[i]! })), getState().screen);
        return { ok: true, verified: rows.filter((r) => r.status === 'verified').length };
      } catch (e) {
        return refuse(why(e));
      }
    },
    setLanguage(lang) {
      if (lang !== 'en' && lang !== 'zh-CN') throw new Error(`unknown language ${String(lang)}`);
      app.setSettings({ lang });
    },
    get hostKind() {
      return app.currentHost()?.kind ?? 'none';
    },
    get renderer() {
      return document.getElementById('world')?.dataset.renderer ?? 'none';
    },
  };
  (window as unknown as { neocloud: NeocloudApi }).neocloud = api;
  return api;
}
