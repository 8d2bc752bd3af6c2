/**
 * Saves in the browser: named saves and autosaves in IndexedDB, small settings in localStorage.
 * A save is scenario + seed + autopilot + command log (src/store/saveFormat.ts); loading one is
 * checked and replayed in the engine host (src/store/load.ts), never here.
 *
 * Autosaves are one record per browser tab (a slot made when the page loads), so two tabs never
 * overwrite each other's game; Continue opens the newest. Only the newest few slots are kept.
 */
import type { Settings } from '../store/ui.ts';
import { initialSettings } from '../store/ui.ts';
import { makeSaveFile, type SaveFile, type SaveCore } from '../store/saveFormat.ts';
import { MAX_SAVE_NAME_CHARS } from '../scenario/limits.ts';
import { t, tp } from './i18n.ts';

export { SAVE_FORMAT, SAVE_VERSION, GAME_VERSION, type SaveFile } from '../store/saveFormat.ts';

/** Build a save file from the host's save data, stamped with the time now. */
export function saveFileFrom(name: string, core: SaveCore): SaveFile {
  return makeSaveFile(name, core, new Date().toISOString());
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A save name as typed: trimmed, 1 … MAX_SAVE_NAME_CHARS characters; or why not. */
export function checkSaveName(raw: string): { ok: true; name: string } | { ok: false; reason: string } {
  const name = String(raw ?? '').trim();
  if (!name) return { ok: false, reason: t('saveNameEmpty') };
  if (name.length > MAX_SAVE_NAME_CHARS) return { ok: false, reason: tp('saveNameLong', { max: MAX_SAVE_NAME_CHARS }) };
  return { ok: true, name };
}

export function describeStorageError(e: unknown): string {
  const name = (e as { name?: string })?.name ?? '';
  if (name === 'QuotaExceededError') return t('storageFull');
  if (name === 'InvalidStateError' || name === 'UnknownError') return t('storageUnavailable');
  return tp('storageFailed', { detail: (e as Error)?.message ?? String(e) });
}

const DB = 'neocloud-tycoon';
/** v1: named saves (and the one shared autosave); v2: autosaves moved to their own store, one per tab. */
const DB_VERSION = 2;
const STORE = 'saves';
const AUTO = 'autosaves';
/** Autosave slots kept (newest first); older tabs' autosaves are dropped. */
const AUTOSAVES_KEPT = 5;

/** This page's autosave slot: new for every page load, so two tabs never share one. */
export const AUTOSAVE_SLOT = `tab-${typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`}`;

interface AutosaveRecord { slot: string; savedAt: string; save: SaveFile }

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    if (typeof indexedDB === 'undefined') { reject(Object.assign(new Error('IndexedDB is not available'), { name: 'InvalidStateError' })); return; }
    const req = indexedDB.open(DB, DB_VERSION);
    req.onupgradeneeded = (ev) => {
      const db = req.result;
      if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: 'name' });
      if (!db.objectStoreNames.contains(AUTO)) db.createObjectStore(AUTO, { keyPath: 'slot' });
      if (ev.oldVersion === 1) {
        // The old shared autosave becomes one slot; a named save can no longer be overwritten by it.
        const t = req.transaction!;
        const get = t.objectStore(STORE).get('autosave');
        get.onsuccess = () => {
          const v: unknown = get.result;
          if (!isObj(v)) return;
          t.objectStore(AUTO).put({ slot: 'legacy', savedAt: String(v.savedAt ?? ''), save: v });
          t.objectStore(STORE).delete('autosave');
        };
      }
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    req.onblocked = () => reject(Object.assign(new Error('another tab holds an older version of the saves database; close it and retry'), { name: 'InvalidStateError' }));
  });
}

async function tx<T>(store: string, mode: IDBTransactionMode, fn: (s: IDBObjectStore) => IDBRequest<T> | Promise<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const t = db.transaction(store, mode);
      const out = fn(t.objectStore(store));
      let result: T;
      if (out instanceof Promise) void out.then((v) => { result = v; }, (e: unknown) => { reject(e); t.abort(); });
      else out.onsuccess = () => { result = out.result; };
      t.oncomplete = () => resolve(result);
      t.onerror = () => reject(t.error ?? new Error('transaction failed'));
      t.onabort = () => reject(t.error ?? new Error('transaction aborted'));
    });
  } finally {
    db.close();
  }
}

export async function putSave(f: SaveFile): Promise<void> {
  await tx(STORE, 'readwrite', (s) => s.put(f));
}
export async function getSave(name: string): Promise<unknown> {
  return tx(STORE, 'readonly', (s) => s.get(name));
}
export async function hasSave(name: string): Promise<boolean> {
  return (await tx(STORE, 'readonly', (s) => s.count(name))) > 0;
}
export async function deleteSave(name: string): Promise<void> {
  await tx(STORE, 'readwrite', (s) => s.delete(name));
}
export interface SaveListing { name: string; savedAt: string; scenarioId: string; week: number; seed: number }
export async function listSaves(): Promise<SaveListing[]> {
  const all = (await tx(STORE, 'readonly', (s) => s.getAll())) as unknown[];
  return all.filter(isObj).map((v) => ({
    name: String(v.name), savedAt: String(v.savedAt ?? ''), scenarioId: String(v.scenarioId ?? '?'), week: Number(v.week ?? 0), seed: Number(v.seed ?? 0),
  })).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** Write this tab's autosave, then drop all but the newest AUTOSAVES_KEPT slots. */
export async function putAutosave(f: SaveFile): Promise<void> {
  const rec: AutosaveRecord = { slot: AUTOSAVE_SLOT, savedAt: f.savedAt, save: f };
  await tx(AUTO, 'readwrite', (s) => s.put(rec));
  await tx(AUTO, 'readwrite', (s) => new Promise<void>((resolve, reject) => {
    const all = s.getAll();
    all.onsuccess = () => {
      const recs = (all.result as unknown[]).filter(isObj).sort((a, b) => String(b.savedAt ?? '').localeCompare(String(a.savedAt ?? '')));
      for (const r of recs.slice(AUTOSAVES_KEPT)) s.delete(r.slot as IDBValidKey);
      resolve();
    };
    all.onerror = () => reject(all.error ?? new Error('reading autosaves failed'));
  }));
}

/** The newest autosave of any tab (the save record, unchecked), or undefined. */
export async function latestAutosave(): Promise<unknown> {
  const all = (await tx(AUTO, 'readonly', (s) => s.getAll())) as unknown[];
  const newest = all.filter(isObj).sort((a, b) => String(b.savedAt ?? '').localeCompare(String(a.savedAt ?? '')))[0];
  return newest?.save;
}

export async function hasAutosave(): Promise<boolean> {
  try {
    return (await tx(AUTO, 'readonly', (s) => s.count())) > 0;
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
      shortcuts: v.shortcuts !== false,
      tutorialDone: v.tutorialDone === true,
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
