/**
 * A class game survives Menu → Continue (and a reload, and a named save): when a game played in a
 * class is saved, the class it is played in (config, student, attempt) is remembered beside the
 * save in localStorage, keyed by the save's time stamp, seed and scenario id. Loading that same
 * save brings the class back — its rules and its hand-in — without counting a new attempt.
 *
 * The remembered record is untrusted like any stored data: its config is parsed again with the
 * class schema, its hash recomputed, and the seed must be the one this student gets in this class;
 * anything else is ignored (the save then loads as an ordinary game) and the record is dropped.
 */
import { parseClassConfig, classHash } from '../../class/config.ts';
import { normaliseStudentName, classSeedFor, MAX_STUDENT_NAME_CHARS } from '../../class/seed.ts';
import type { ClassPlay } from '../../store/ui.ts';

const KEY = 'neocloud.class.saves';
/** Saves whose class is remembered (the newest; older autosave slots are dropped by the game too). */
export const CLASS_SAVES_KEPT = 12;
/** Largest stored record accepted, in characters (a class with a whole custom scenario is ~1 MB at most). */
const MAX_RECORD_CHARS = 4_000_000;

interface Entry { savedAt: string; seed: number; scenarioId: string; config: unknown; student: string; attempt: number }

/** Just enough of a save to find its class: read from the unchecked record, never trusted beyond the lookup. */
function saveKey(save: unknown): { savedAt: string; seed: number; scenarioId: string } | null {
  if (typeof save !== 'object' || save === null) return null;
  const v = save as Record<string, unknown>;
  if (typeof v.savedAt !== 'string' || typeof v.seed !== 'number' || typeof v.scenarioId !== 'string') return null;
  return { savedAt: v.savedAt, seed: v.seed, scenarioId: v.scenarioId };
}

function readEntries(): Entry[] {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw || raw.length > MAX_RECORD_CHARS) return [];
    const v: unknown = JSON.parse(raw);
    return Array.isArray(v) ? (v.filter((e) => typeof e === 'object' && e !== null) as Entry[]) : [];
  } catch { return []; }
}

function writeEntries(entries: Entry[]): void {
  try { localStorage.setItem(KEY, JSON.stringify(entries.slice(0, CLASS_SAVES_KEPT))); } catch { /* storage full or off: Continue then plays without the class */ }
}

/** Remember the class of a game just saved (`save` is the save file written). */
export function rememberClassSave(save: unknown, play: ClassPlay): void {
  const k = saveKey(save);
  if (!k) return;
  const entry: Entry = { ...k, config: play.config, student: play.student, attempt: play.attempt };
  writeEntries([entry, ...readEntries().filter((e) => !(e.savedAt === k.savedAt && e.seed === k.seed && e.scenarioId === k.scenarioId))]);
}

/**
 * The class a save was played in, checked again, or null (not a class game, or the stored record
 * does not hold up — then it is forgotten).
 */
export async function classPlayOfSave(save: unknown): Promise<ClassPlay | null> {
  const k = saveKey(save);
  if (!k) return null;
  const entries = readEntries();
  const e = entries.find((x) => x.savedAt === k.savedAt && x.seed === k.seed && x.scenarioId === k.scenarioId);
  if (!e) return null;
  const cfg = parseClassConfig(e.config);
  const student = typeof e.student === 'string' ? e.student.trim() : '';
  const ok = cfg.ok && normaliseStudentName(student).length > 0 && student.length <= MAX_STUDENT_NAME_CHARS
    && Number.isInteger(e.attempt) && e.attempt >= 1 && classSeedFor(cfg.config, student) === k.seed;
  if (!ok || !cfg.ok) {
    writeEntries(entries.filter((x) => x !== e));
    return null;
  }
  return { config: cfg.config, hash: await classHash(cfg.config), student, seed: k.seed, attempt: e.attempt };
}
