/**
 * Per-student seeds: in a *per student* class every student plays their own world, seeded from the
 * class seed and their normalised name, so a command log copied from a classmate replays into a
 * different world and fails verification under any other name.
 *
 * Synchronous and pure (no Web Crypto): the builder, the student side, the verifier and the CLI all
 * derive the same seed. Not a secret: the class seed is in the class link; what it protects is
 * that a run belongs to the name it was played under.
 */
import { MAX_SEED } from '../scenario/limits.ts';

/** Longest student name kept (characters, after normalising). */
export const MAX_STUDENT_NAME_CHARS = 80;

/**
 * A name as the seed sees it: Unicode NFKC (full-width letters and compatibility forms fold to
 * their plain ones), lower case, inner whitespace runs collapsed to one space, trimmed. So
 * "  Ada  LOVELACE " and "ada lovelace" are the same student; "李雷" stays "李雷".
 */
export function normaliseStudentName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** UTF-8 bytes of a string (names are short; no TextEncoder needed). */
function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** Avalanche step: every input bit affects every output bit (32-bit integer mixing). */
function mix32(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The world seed of `name` in a class seeded `classSeed`: a whole number in [0, 2^32). FNV-1a over
 * the class seed's four bytes and the normalised name's UTF-8 bytes, then an avalanche mix.
 * Throws a RangeError for a class seed outside [0, 2^32) (callers validate seeds first).
 */
export function studentSeed(classSeed: number, name: string): number {
  if (!Number.isInteger(classSeed) || classSeed < 0 || classSeed > MAX_SEED) throw new RangeError(`class seed must be a whole number from 0 to ${MAX_SEED}, found ${classSeed}`);
  let h = 0x811c9dc5;
  const feed = (b: number) => { h = Math.imul(h ^ b, 0x01000193); };
  for (let i = 0; i < 4; i++) feed((classSeed >>> (8 * i)) & 0xff);
  feed(0x1f); // separator: the name's bytes never run into the seed's
  for (const b of utf8(normaliseStudentName(name))) feed(b);
  return mix32(h);
}

/** The seed `name` plays in a class: the class seed when shared, else this student's own. */
export function classSeedFor(cls: { seed: number; seedMode: 'shared' | 'perStudent' }, name: string): number {
  return cls.seedMode === 'perStudent' ? studentSeed(cls.seed, name) : cls.seed;
}
