/**
 * Seeded pseudo-random numbers (sfc32). The state lives in the world (so a save restores it) and each
 * agent family draws from its own stream, so adding a draw in one family never shifts another.
 */

import { ln } from './dmath.ts';

/** Four 32-bit words of sfc32 state, mutated in place. */
export type RngState = number[];

/**
 * The independent streams, one per agent family. Each is seeded from the game seed and its own name
 * (`seedStream`), so appending a stream leaves every other stream's draws as they were.
 */
export const RNG_STREAMS = ['customers', 'rfps', 'rivals', 'market', 'capital', 'events', 'operations', 'strategy', 'demand', 'sentiment'] as const;
export type RngStream = (typeof RNG_STREAMS)[number];

/** splitmix32: spreads a seed into well-mixed words. */
function splitmix32(x: number): number {
  x = (x + 0x9e3779b9) | 0;
  let z = x;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A fresh stream state derived from the game seed and a stream name. */
export function seedStream(seed: number, name: string): RngState {
  let x = (seed >>> 0) ^ hashString(name);
  const s: RngState = [];
  for (let i = 0; i < 4; i++) {
    x = splitmix32(x + i);
    s.push(x);
  }
  // Warm up so nearby seeds diverge.
  for (let i = 0; i < 12; i++) nextU32(s);
  return s;
}

/** Next unsigned 32-bit integer. */
export function nextU32(s: RngState): number {
  let a = s[0]! >>> 0, b = s[1]! >>> 0, c = s[2]! >>> 0, d = s[3]! >>> 0;
  const t = (((a + b) >>> 0) + d) >>> 0;
  d = (d + 1) >>> 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) >>> 0;
  c = ((c << 21) | (c >>> 11)) >>> 0;
  c = (c + t) >>> 0;
  s[0] = a >>> 0; s[1] = b; s[2] = c; s[3] = d;
  return t;
}

/** Uniform float in [0, 1). */
export function nextFloat(s: RngState): number {
  return nextU32(s) / 4294967296;
}

/**
 * A hot loop's copy of a stream: `loadStream` copies its four words into a Uint32Array,
 * `nextFloatOf` draws from the copy exactly as `nextFloat` draws from the stream (the same sfc32
 * step), and `storeStream` writes the words back — the stream ends where the same draws taken one
 * by one leave it. The loop then touches no plain array (whose storage V8 may reshape mid-game).
 */
export function loadStream(s: RngState, into: Uint32Array): void {
  into[0] = s[0]! >>> 0; into[1] = s[1]! >>> 0; into[2] = s[2]! >>> 0; into[3] = s[3]! >>> 0;
}

export function storeStream(from: Uint32Array, s: RngState): void {
  s[0] = from[0]!; s[1] = from[1]!; s[2] = from[2]!; s[3] = from[3]!;
}

/** Uniform float in [0, 1) from a stream copied by `loadStream`. */
export function nextFloatOf(s: Uint32Array): number {
  let a = s[0]!, b = s[1]!, c = s[2]!, d = s[3]!;
  const t = (((a + b) >>> 0) + d) >>> 0;
  d = (d + 1) >>> 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) >>> 0;
  c = ((c << 21) | (c >>> 11)) >>> 0;
  c = (c + t) >>> 0;
  s[0] = a >>> 0; s[1] = b; s[2] = c; s[3] = d;
  return t / 4294967296;
}

/** Uniform integer in [0, n). n must be ≥ 1; floors and clamps so it can never return n. */
export function nextInt(s: RngState, n: number): number {
  const m = Math.max(1, Math.floor(n));
  return Math.min(m - 1, Math.floor(nextFloat(s) * m));
}

/** Standard normal draw (Marsaglia's polar method; ln from dmath.ts so every JS engine agrees). */
export function nextNormal(s: RngState): number {
  for (;;) {
    const u = 2 * nextFloat(s) - 1;
    const v = 2 * nextFloat(s) - 1;
    const q = u * u + v * v;
    if (q > 0 && q < 1) return u * Math.sqrt((-2 * ln(q)) / q);
  }
}

/** true with probability p. */
export function chance(s: RngState, p: number): boolean {
  return nextFloat(s) < p;
}
