/**
 * Size and count limits for every kind of file a user can hand the game: one number per kind,
 * shared by the CLI, drag and drop, the title screen's Load and Import buttons, the page API and
 * the class page, so every entry point refuses the same file with the same message.
 *
 * Pure data and arithmetic (no DOM, no Node built-ins): the browser and the CLI both import it.
 */
import { em, type ErrMsg } from './errMsg.ts';

export const MiB = 1024 * 1024;

export type FileKind = 'scenario' | 'save' | 'actions' | 'classResult';

/** Largest accepted file of each kind, in bytes of UTF-8. */
export const MAX_FILE_BYTES: Readonly<Record<FileKind, number>> = {
  /** A full scenario is ~20 kB today; 2 MiB leaves room for long briefings and many events. */
  scenario: 2 * MiB,
  /** A save holds its whole scenario (≤ 2 MiB) plus the command log (≤ MAX_LOGGED_COMMANDS short records). */
  save: 4 * MiB,
  /** A `sim --actions` file: a list of week + command records. */
  actions: 2 * MiB,
  /** A class result file (a run's quarters and command log), read by the class page. */
  classResult: 4 * MiB,
};

/** Most commands one save (or class result) may log: a 10-year game with ~40 decisions a week. */
export const MAX_LOGGED_COMMANDS = 20_000;

/** Most entries in one `sim --actions` file. */
export const MAX_ACTIONS = 20_000;

/** Longest save name a player may type (characters). */
export const MAX_SAVE_NAME_CHARS = 80;

/** Seeds are unsigned 32-bit integers: 0 … 2^32 − 1. */
export const MAX_SEED = 0xffff_ffff;

/** Bytes of `text` in UTF-8, without building an encoded copy. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/**
 * The refusal for a file of `bytes` bytes as a message id (`scn.size`, the kind's own limit), or
 * null when it is within the limit for its kind. With `alsoScenario`, a file that may be either a save
 * or a scenario (a dropped or loaded file) names both limits.
 */
export function fileSizeError(kind: FileKind, bytes: number, alsoScenario = false): { message: string; msg: ErrMsg } | null {
  const max = MAX_FILE_BYTES[kind];
  if (Number.isFinite(bytes) && bytes >= 0 && bytes <= max) return null;
  const size = Number.isFinite(bytes) ? { id: 'scn.size.mb', mb: (bytes / MiB).toFixed(1) } : { id: 'scn.size.unknown' };
  return em(alsoScenario ? 'scn.size.either' : 'scn.size', { size: size.id, mb: size.mb ?? '', kind: `scn.kind.${kind}`, maxMb: max / MiB, scenarioMb: MAX_FILE_BYTES.scenario / MiB });
}

/** The refusal for a file of `bytes` bytes, in English, or null when it is within the limit for its kind. */
export function fileSizeProblem(kind: FileKind, bytes: number): string | null {
  return fileSizeError(kind, bytes)?.message ?? null;
}

/** The same check for text already in memory (cheap first test on the UTF-16 length), as a message id. */
export function textSizeError(kind: FileKind, text: string, alsoScenario = false): { message: string; msg: ErrMsg } | null {
  const max = MAX_FILE_BYTES[kind];
  if (text.length <= max / 3) return null; // every UTF-16 unit is at most 3 bytes of UTF-8
  return fileSizeError(kind, utf8Bytes(text), alsoScenario);
}

/** The same check for text already in memory, in English. */
export function textSizeProblem(kind: FileKind, text: string): string | null {
  return textSizeError(kind, text)?.message ?? null;
}
