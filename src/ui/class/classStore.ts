/**
 * The class results page's rows kept in this browser, one record per class hash, so a teacher
 * who reloads or comes back finds the class's checked files again; "forget this class" deletes
 * exactly that class's record. Nothing is sent anywhere.
 *
 * Where: IndexedDB (idbBackend), not localStorage. A class's record holds the verified files'
 * texts (the debrief replays them): ~5–20 KB a file, so a class of 300 is several MB — over
 * localStorage's ~5 MB per site, which the game's saves already use (src/ui/saves.ts), and
 * localStorage writes synchronously on the main thread. IndexedDB is asynchronous and its quota is
 * a share of the disk. The record goes through a small key-value interface so Node tests run it
 * on a Map.
 *
 * Untrusted on reload (another tab, an extension or a hand could have changed it): the record is
 * re-parsed with zod, every reason id must be a known message, and each verified row must agree
 * with its own result file (parsed again: student, attempt, seed, class, scenario, claimed score
 * and outcome — what the verifier checked the file's claims against). A row that fails is left
 * out and counted; a record that fails as a whole is reported and left alone (nothing else is
 * touched). Not replayed again: re-verifying a class takes ~1 s a file.
 */
import { z } from 'zod';
import { parseResultFile } from '../../class/result.ts';
import { WHY_EN } from '../../i18n/whyMessages.ts';
import type { ClassResultRow } from './resultsStore.ts';

/** A key-value store (IndexedDB in the browser, a Map in tests). Values are structured-cloned. */
export interface KeyValueBackend {
  get(key: string): Promise<unknown>;
  put(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<string[]>;
}

export const STORED_CLASS_FORMAT = 'neocloud-class-results';
export const STORED_CLASS_VERSION = 1;
/**
 * Most characters of result-file text kept for one class: a class of 300 eight-year files of
 * ~20 KB is 6 MB; 32 MB leaves room for long hand-played logs without filling the browser's
 * share of the disk with one class.
 */
export const MAX_STORED_TEXT_CHARS = 32 * 1024 * 1024;
/** Most rows kept for one class (the page takes 1,000 files a drop). */
export const MAX_STORED_ROWS = 5000;

/** A stored row: the page's row without its page-local key, with its file's text when verified. */
export type StoredRow = Omit<ClassResultRow, 'key'> & { text: string | null };

export interface StoredClass {
  format: typeof STORED_CLASS_FORMAT;
  version: number;
  classHash: string;
  title: string | null;
  /** The class (from its link) when the teacher chose one; re-parsed on restore. */
  config: unknown;
  savedAt: string;
  rows: StoredRow[];
  /** Files checked but not kept (the size cap). */
  leftOut: number;
}

/** What the title list shows without loading a class's rows. */
export interface StoredClassMeta { classHash: string; title: string | null; files: number; leftOut: number; savedAt: string }

const metaKey = (hash: string) => `meta:${hash}`;
const dataKey = (hash: string) => `data:${hash}`;
const HASH = /^[0-9a-f]{64}$/;

/**
 * The record to keep for a class: every row in order; a verified row only with its file's text
 * (the debrief and the restore check need it), and only while the texts fit the cap. Rows that do
 * not fit are left out (counted), never cut.
 */
export function packClass(classHash: string, title: string | null, config: unknown, rows: readonly ClassResultRow[], textOf: (key: number) => string | null, savedAt: string, maxChars = MAX_STORED_TEXT_CHARS): StoredClass {
  const kept: StoredRow[] = [];
  let chars = 0;
  let leftOut = 0;
  for (const { key, ...row } of rows) {
    if (kept.length >= MAX_STORED_ROWS) { leftOut++; continue; }
    if (row.status !== 'verified') { kept.push({ ...row, text: null }); continue; }
    const text = textOf(key);
    if (text === null || chars + text.length > maxChars) { leftOut++; continue; }
    chars += text.length;
    kept.push({ ...row, text });
  }
  return { format: STORED_CLASS_FORMAT, version: STORED_CLASS_VERSION, classHash, title, config, savedAt, rows: kept, leftOut };
}

const Str = (max: number) => z.string().max(max);
const Int = z.number().int(); // whole and safe (seeds reach 2^32 − 1)
const Num = z.number().finite();
const Params = z.record(Str(60), z.union([Str(500), Num])).refine((p) => Object.keys(p).length <= 20);
const whyId = Str(40).refine((id) => `why_${id}` in WHY_EN, 'an unknown reason');
const WhyPart = z.object({ id: whyId, params: Params.optional(), detail: Str(2000).optional() });
const WhySchema = WhyPart.extend({ parts: z.array(WhyPart).max(20).optional() });
const Status = z.enum(['verified', 'diverged', 'mismatch', 'invalid', 'other']);

const RowSchema = z.object({
  file: Str(1000),
  status: Status,
  divergesAtWeek: Int.optional(),
  reason: Str(8000).optional(),
  why: z.array(WhySchema).max(10).optional(),
  otherVersion: z.literal(true).optional(),
  student: Str(200).optional(),
  score: Num.optional(),
  outcome: z.enum(['running', 'bankrupt', 'won', 'lost']).optional(),
  objectivesMet: Int.optional(),
  objectivesTotal: Int.nullable(),
  peakDebtToEbitda: Num.nullable().optional(),
  firstGpuOrderWeek: Int.nullable().optional(),
  bankruptcyWeek: Int.nullable().optional(),
  attempt: Int.optional(),
  autopilot: Str(40).nullable().optional(),
  series: z.array(z.object({ week: Int, equityValueUsd: Num, cashUsd: Num, debtUsd: Num, utilisation: Num })).max(1100).optional(),
  decisions: z.array(z.object({ week: Int, type: Str(60) })).max(20_000).optional(),
  seed: Int.nullable(),
  classHash: Str(64).nullable(),
  classTitle: Str(200).nullable(),
  scenarioHash: Str(64).nullable(),
  gameVersion: Str(40).nullable(),
  answered: Int.nullable(),
  questions: Int.nullable(),
  bestAutopilotScore: Num.nullable(),
  text: Str(MAX_STORED_TEXT_CHARS).nullable(),
});

const EnvelopeSchema = z.object({
  format: z.literal(STORED_CLASS_FORMAT),
  version: z.number().int(),
  classHash: z.string().regex(HASH),
  title: Str(200).nullable(),
  config: z.unknown(),
  savedAt: Str(40),
  rows: z.array(z.unknown()).max(MAX_STORED_ROWS),
  leftOut: z.number().int().min(0),
});

const MetaSchema = z.object({ classHash: z.string().regex(HASH), title: Str(200).nullable(), files: z.number().int().min(0), leftOut: z.number().int().min(0), savedAt: Str(40) });

export type UnpackedClass =
  | { ok: true; classHash: string; title: string | null; config: unknown; savedAt: string; rows: StoredRow[]; leftOut: number; dropped: number }
  | { ok: false; problem: 'damaged' | 'newer' | 'otherClass' };

/** A verified row agrees with its own result file (what the verifier compared the replay with). */
function agreesWithFile(row: StoredRow): boolean {
  if (row.text === null) return false;
  let json: unknown;
  try { json = JSON.parse(row.text); } catch { return false; }
  const p = parseResultFile(json);
  if (!p.ok) return false;
  const r = p.result;
  return r.student === row.student && r.attempt === row.attempt && r.seed === row.seed && (r.class?.hash ?? null) === row.classHash
    && r.scenarioHash === row.scenarioHash && r.final.score === row.score && r.final.status === row.outcome
    && r.final.objectives.filter((o) => o.met).length === row.objectivesMet;
}

/** Check a stored record (untrusted) for class `classHash`. Never throws. */
export function unpackClass(value: unknown, classHash: string): UnpackedClass {
  try {
    const env = EnvelopeSchema.safeParse(value);
    if (!env.success) return { ok: false, problem: 'damaged' };
    const e = env.data;
    if (e.version > STORED_CLASS_VERSION) return { ok: false, problem: 'newer' };
    if (e.version !== STORED_CLASS_VERSION) return { ok: false, problem: 'damaged' };
    if (e.classHash !== classHash) return { ok: false, problem: 'otherClass' };
    const rows: StoredRow[] = [];
    let dropped = 0;
    let chars = 0;
    for (const raw of e.rows) {
      const r = RowSchema.safeParse(raw);
      if (!r.success) { dropped++; continue; }
      const row = r.data as StoredRow;
      if (row.status === 'verified' ? !agreesWithFile(row) : row.text !== null) { dropped++; continue; }
      chars += row.text?.length ?? 0;
      if (chars > MAX_STORED_TEXT_CHARS) { dropped++; continue; }
      rows.push(row);
    }
    return { ok: true, classHash, title: e.title, config: e.config, savedAt: e.savedAt, rows, leftOut: e.leftOut, dropped };
  } catch {
    return { ok: false, problem: 'damaged' };
  }
}

/** Keep a class's record (replacing the one before) and its list entry. */
export async function saveClass(store: KeyValueBackend, record: StoredClass): Promise<void> {
  await store.put(dataKey(record.classHash), record);
  const meta: StoredClassMeta = { classHash: record.classHash, title: record.title, files: record.rows.length, leftOut: record.leftOut, savedAt: record.savedAt };
  await store.put(metaKey(record.classHash), meta);
}

/** A class's kept record, checked; null when none is kept. */
export async function loadClass(store: KeyValueBackend, classHash: string): Promise<UnpackedClass | null> {
  let value: unknown;
  try { value = await store.get(dataKey(classHash)); } catch { return { ok: false, problem: 'damaged' }; }
  if (value === undefined) return null;
  return unpackClass(value, classHash);
}

/** Delete exactly this class's record and list entry. */
export async function forgetClass(store: KeyValueBackend, classHash: string): Promise<void> {
  await store.delete(dataKey(classHash));
  await store.delete(metaKey(classHash));
}

/** The classes kept in this browser (newest first); unreadable entries are left out of the list. */
export async function listClasses(store: KeyValueBackend): Promise<StoredClassMeta[]> {
  const out: StoredClassMeta[] = [];
  for (const k of await store.keys()) {
    if (!k.startsWith('meta:')) continue;
    const m = MetaSchema.safeParse(await store.get(k).catch(() => undefined));
    if (m.success && metaKey(m.data.classHash) === k) out.push(m.data);
  }
  return out.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
}

/** The store in a Map (Node tests; a browser without IndexedDB keeps the class for the page's life). */
export function memoryBackend(): KeyValueBackend & { map: Map<string, unknown> } {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async (k) => (map.has(k) ? structuredClone(map.get(k)) : undefined),
    put: async (k, v) => { map.set(k, structuredClone(v)); },
    delete: async (k) => { map.delete(k); },
    keys: async () => [...map.keys()],
  };
}

const DB_NAME = 'neocloud-class-results';
const OBJECTS = 'kv';

/** The store in IndexedDB (one database, one object store, string keys). */
export function idbBackend(idb: IDBFactory = indexedDB): KeyValueBackend {
  let db: Promise<IDBDatabase> | null = null;
  const open = () => (db ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = idb.open(DB_NAME, 1);
    req.onupgradeneeded = () => { if (!req.result.objectStoreNames.contains(OBJECTS)) req.result.createObjectStore(OBJECTS); };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => { db = null; reject(req.error ?? new Error('indexedDB open failed')); };
  }));
  const run = async <T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> => {
    const d = await open();
    return new Promise<T>((resolve, reject) => {
      const tx = d.transaction(OBJECTS, mode);
      const req = f(tx.objectStore(OBJECTS));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error ?? req.error ?? new Error('indexedDB failed'));
      tx.onabort = () => reject(tx.error ?? new Error('indexedDB aborted'));
    });
  };
  return {
    get: (k) => run('readonly', (s) => s.get(k)),
    put: async (k, v) => { await run('readwrite', (s) => s.put(v, k)); },
    delete: async (k) => { await run('readwrite', (s) => s.delete(k)); },
    keys: async () => (await run('readonly', (s) => s.getAllKeys())).filter((k): k is string => typeof k === 'string'),
  };
}
