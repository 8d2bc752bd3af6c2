/**
 * Saves: a save is scenario + seed + strategy + command log (+ versions); loading replays it.
 * Named saves and the autosave live in IndexedDB; small settings in localStorage.
 */
import type { SaveCore } from '../store/host.ts';
import type { Settings } from '../store/ui.ts';
import { initialSettings } from '../store/ui.ts';
import { COMMAND_TYPES } from '../engine/commands/types.ts';

export const SAVE_FORMAT = 'neocloud-tycoon-save';
export const SAVE_VERSION = 1;
export const GAME_VERSION = '0.1.0';

export interface SaveFile extends SaveCore {
  format: typeof SAVE_FORMAT;
  saveVersion: number;
  gameVersion: string;
  name: string;
  savedAt: string;
  scenarioId: string;
}

export function makeSaveFile(name: string, core: SaveCore): SaveFile {
  return { format: SAVE_FORMAT, saveVersion: SAVE_VERSION, gameVersion: GAME_VERSION, name, savedAt: new Date().toISOString(), scenarioId: core.scenario.id, ...core };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Shape check of an untrusted save (the scenario inside is validated by the scenario loader). */
export function checkSaveFile(v: unknown): { ok: true; save: SaveFile } | { ok: false; reason: string } {
  if (typeof v === 'string') {
    try {
      v = JSON.parse(v);
    } catch (e) {
      return { ok: false, reason: `The save file is not valid JSON (${(e as Error).message}).` };
    }
  }
  if (!isObj(v)) return { ok: false, reason: 'The save file is not a JSON object.' };
  if (v.format !== SAVE_FORMAT) return { ok: false, reason: `This is not a Neocloud Tycoon save ("format" should be "${SAVE_FORMAT}").` };
  if (typeof v.saveVersion !== 'number' || v.saveVersion > SAVE_VERSION) return { ok: false, reason: `Save version ${String(v.saveVersion)} is newer than this game understands (${SAVE_VERSION}).` };
  if (!isObj(v.scenario)) return { ok: false, reason: 'The save has no scenario.' };
  if (typeof v.seed !== 'number' || !Number.isInteger(v.seed) || v.seed < 0) return { ok: false, reason: '"seed" must be a whole number ≥ 0.' };
  if (typeof v.week !== 'number' || !Number.isInteger(v.week) || v.week < 0) return { ok: false, reason: '"week" must be a whole number ≥ 0.' };
  if (!Array.isArray(v.log)) return { ok: false, reason: '"log" must be a list of commands.' };
  for (const [i, e] of v.log.entries()) {
    if (!isObj(e) || typeof e.week !== 'number' || !isObj(e.command) || !COMMAND_TYPES.includes(e.command.type as never)) {
      return { ok: false, reason: `log[${i}] is not a valid command record.` };
    }
    if (e.week > (v.week as number)) return { ok: false, reason: `log[${i}] is dated after the save's week.` };
  }
  const strategy = v.strategy === null || v.strategy === undefined ? null : v.strategy;
  if (strategy !== null && typeof strategy !== 'string') return { ok: false, reason: '"strategy" must be a strategy id or null.' };
  const dep = v.depreciationYears === 4 || v.depreciationYears === 5 || v.depreciationYears === 6 ? v.depreciationYears : null;
  return { ok: true, save: { ...(v as unknown as SaveFile), strategy: strategy as SaveFile['strategy'], depreciationYears: dep } };
}

export function describeStorageError(e: unknown): string {
  const name = (e as { name?: string })?.name ?? '';
  if (name === 'QuotaExceededError') return 'Storage is full: the browser refused to save (quota exceeded). Export the save to a file instead.';
  if (name === 'InvalidStateError' || name === 'UnknownError') return 'Browser storage is unavailable (private mode?). Export the save to a file instead.';
  return `Saving failed: ${(e as Error)?.message ?? String(e)}`;
}

const DB = 'neocloud-tycoon';
const STORE = 'saves';

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') { reject(Object.assign(new Error('IndexedDB is not available'), { name: 'InvalidStateError' })); return; }
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(STORE, { keyPath: 'name' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
  });
}

async function tx<T>(mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const t = db.transaction(STORE, mode);
      const req = fn(t.objectStore(STORE));
      let result: T;
      req.onsuccess = () => { result = req.result; };
      t.oncomplete = () => resolve(result);
      t.onerror = () => reject(t.error ?? req.error);
      t.onabort = () => reject(t.error ?? new Error('transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export async function putSave(f: SaveFile): Promise<void> {
  await tx('readwrite', (s) => s.put(f));
}
export async function getSave(name: string): Promise<unknown> {
  return tx('readonly', (s) => s.get(name));
}
export async function deleteSave(name: string): Promise<void> {
  await tx('readwrite', (s) => s.delete(name));
}
export interface SaveListing { name: string; savedAt: string; scenarioId: string; week: number; seed: number }
export async function listSaves(): Promise<SaveListing[]> {
  const all = (await tx('readonly', (s) => s.getAll())) as unknown[];
  return all.filter(isObj).map((v) => ({
    name: String(v.name), savedAt: String(v.savedAt ?? ''), scenarioId: String(v.scenarioId ?? '?'), week: Number(v.week ?? 0), seed: Number(v.seed ?? 0),
  })).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}
export async function hasAutosave(): Promise<boolean> {
  try {
    return (await getSave('autosave')) !== undefined;
  } catch {
    return false;
  }
}

const SETTINGS_KEY = 'neocloud-tycoon.settings';
const SEED_KEY = 'neocloud-tycoon.seed';

export function loadSettings(): Settings {
  try {
    const raw = localStorage.getItem(SETTINGS_KEY);
    if (!raw) return { ...initialSettings, lang: navigator.language?.startsWith('zh') ? 'zh-CN' : 'en' };
    const v = JSON.parse(raw) as Partial<Settings>;
    return {
      lang: v.lang === 'zh-CN' ? 'zh-CN' : 'en',
      autoPauseOnMajorNews: v.autoPauseOnMajorNews !== false,
      autoPauseOnQuarter: v.autoPauseOnQuarter !== false,
    };
  } catch {
    return { ...initialSettings };
  }
}
export function saveSettings(s: Settings): void {
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(s));
  } catch {
    /* settings are a convenience */
  }
}
export function rememberSeed(seed: number): void {
  try {
    localStorage.setItem(SEED_KEY, String(seed));
  } catch {
    /* ignore */
  }
}
export function lastSeed(): number | null {
  try {
    const raw = localStorage.getItem(SEED_KEY);
    if (raw === null || raw.trim() === '') return null;
    const v = Number(raw);
    return Number.isInteger(v) && v >= 0 ? v : null;
  } catch {
    return null;
  }
}
