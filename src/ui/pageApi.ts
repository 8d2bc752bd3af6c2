/**
 * `window.neocloud`: the documented page API for tests and for teachers at the browser console.
 * See README "Page API".
 */
import { getState, setState } from '../store/ui.ts';
import * as app from './app.ts';
import type { Command } from '../engine/commands/types.ts';
import type { StrategyId } from '../engine/types.ts';
import type { Snapshot } from '../store/snapshot.ts';

export interface NeocloudApi {
  ready: boolean;
  version: string;
  newGame(opts: { scenario: string | object; seed?: number; strategy?: StrategyId }): Promise<{ ok: boolean; errors?: { path: string; message: string }[] }>;
  loadScenarioText(text: string): Promise<{ ok: boolean; errors?: { path: string; message: string; line?: number; column?: number }[] }>;
  step(weeks?: number): Promise<Snapshot | null>;
  snapshot(): Snapshot & { cashUsd: number } | null;
  issue(command: Command): Promise<{ ok: boolean; reason?: string; summary?: string }>;
  preview(command: Command): Promise<{ ok: boolean; reason?: string; summary?: string }>;
  stateHash(): Promise<string>;
  exportSave(): Promise<string>;
  importSave(text: string): Promise<{ ok: boolean; reason?: string }>;
  setSpeed(speed: 0 | 1 | 2 | 4): void;
  debrief(): void;
  readonly hostKind: string;
  readonly renderer: string;
}

export function installPageApi(version: string): NeocloudApi {
  const api: NeocloudApi = {
    ready: false,
    version,
    async newGame(opts) {
      const seed = opts.seed;
      if (typeof opts.scenario === 'string') {
        const r = await app.startBundled(opts.scenario, seed ?? null, opts.strategy ?? null, 'game');
        return r.ok ? { ok: true } : { ok: false, errors: r.errors };
      }
      const L = await app.scenarioLoader();
      const r = L.loadScenarioObject(opts.scenario);
      if (!r.ok) return { ok: false, errors: r.errors.map((e) => ({ path: e.path, message: e.message })) };
      await app.startGame(r.scenario, seed ?? r.scenario.defaultSeed, { strategy: opts.strategy ?? null, screen: 'game' });
      return { ok: true };
    },
    async loadScenarioText(text) {
      const r = await app.loadScenarioFileText(String(text), 'page-api.json', null, 'briefing');
      return r.ok ? { ok: true } : { ok: false, errors: (r.errors ?? []).map((e) => ({ path: e.path, message: e.message, ...(e.line ? { line: e.line } : {}), ...(e.column ? { column: e.column } : {}) })) };
    },
    async step(weeks = 1) {
      if (getState().screen === 'briefing') setState({ screen: 'game' });
      return app.stepWeeks(Math.max(0, Math.floor(weeks)));
    },
    snapshot() {
      const s = getState().snapshot;
      return s ? { ...s, cashUsd: s.player.cashUsd } : null;
    },
    async issue(command) {
      const r = await app.issue(command);
      return r.ok ? { ok: true, summary: r.summary } : { ok: false, reason: r.reason };
    },
    async preview(command) {
      const r = await app.preview(command);
      return r.ok ? { ok: true, summary: r.summary } : { ok: false, reason: r.reason };
    },
    async stateHash() {
      return (await app.ensureHost()).stateHash();
    },
    async exportSave() {
      const f = await app.currentSave('export');
      return f ? JSON.stringify(f) : '';
    },
    async importSave(text) {
      return app.loadSave(text);
    },
    setSpeed(speed) {
      app.setSpeed(speed);
    },
    debrief() {
      app.goDebrief();
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
