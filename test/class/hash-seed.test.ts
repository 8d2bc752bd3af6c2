/**
 * Canonical JSON, SHA-256 and per-student seeds: the identities class mode relies on.
 */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson, sha256Hex } from '../../src/class/hash.ts';
import { normaliseStudentName, studentSeed } from '../../src/class/seed.ts';
import { defaultScenario } from '../engine/helpers.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined fields, writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'x' }, u: undefined })).toBe('{"a":{"c":"x","d":[1,{"y":null,"z":true}]},"b":1}');
    expect(canonicalJson([undefined, 1.5, -0, 1e21, 'é\n'])).toBe('[null,1.5,0,1e+21,"é\\n"]');
  });

  it('is the same for the same data built in another key order, and parses back to it', () => {
    const s = defaultScenario();
    const shuffled = JSON.parse(JSON.stringify(s), (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)) as unknown;
    expect(canonicalJson(shuffled)).toBe(canonicalJson(s));
    expect(JSON.parse(canonicalJson(s))).toEqual(JSON.parse(JSON.stringify(s)));
  });

  it('refuses what JSON cannot hold: non-finite numbers, cycles, functions, class instances', () => {
    expect(() => canonicalJson({ a: [1, NaN] })).toThrow(/\(value\)\.a\[1\] is NaN/);
    expect(() => canonicalJson({ a: Infinity })).toThrow(/Infinity/);
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => canonicalJson(loop)).toThrow(/refers back/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
    expect(() => canonicalJson({ d: new Date(0) })).toThrow(/not plain data/);
    // The same object twice (not a cycle) is fine.
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});

describe('sha256Hex', () => {
  it('agrees with Node’s own SHA-256 on ASCII, CJK and astral text', async () => {
    for (const t of ['', 'abc', '李雷 and 韩梅梅', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🎓']) {
      expect(await sha256Hex(t)).toBe(createHash('sha256').update(t, 'utf8').digest('hex'));
    }
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'); // FIPS 180-2 test vector
  });
});

describe('per-student seeds', () => {
  it('normalises case, spacing and full-width forms, keeps other scripts', () => {
    expect(normaliseStudentName('  Ada   LOVELACE\t')).toBe('ada lovelace');
    expect(normaliseStudentName('Ａｄａ')).toBe('ada');
    expect(normaliseStudentName(' 李雷 ')).toBe('李雷');
  });

  it('gives the same seed to the same student however the name is typed, and a whole number in [0, 2^32)', () => {
    const a = studentSeed(42, 'Ada Lovelace');
    expect(studentSeed(42, '  ada  LOVELACE ')).toBe(a);
    expect(studentSeed(42, 'Ａｄａ Lovelace')).toBe(a);
    expect(Number.isInteger(a) && a >= 0 && a < 2 ** 32).toBe(true);
    expect(studentSeed(0, '')).toBeGreaterThanOrEqual(0);
    expect(studentSeed(0xffffffff, '李雷')).toBeLessThan(2 ** 32);
  });

  it('differs between students, between classes, and spreads over the seed range', () => {
    const names = Array.from({ length: 2000 }, (_, i) => `student ${i}`);
    const seeds = new Set(names.map((n) => studentSeed(7, n)));
    expect(seeds.size).toBe(names.length);
    expect(studentSeed(7, 'Ada')).not.toBe(studentSeed(8, 'Ada'));
    expect(studentSeed(7, 'ab')).not.toBe(studentSeed(7, 'ba'));
    // Top bits used: a quarter of the seeds land in each quarter of the range (± a few percent).
    const quarters = [0, 0, 0, 0];
    for (const s of seeds) quarters[Math.floor(s / 2 ** 30)]!++;
    for (const q of quarters) expect(Math.abs(q - 500)).toBeLessThan(75);
  });

  it('stays what it is today: class links and result files written now must verify later', () => {
    expect([studentSeed(42, 'Ada Lovelace'), studentSeed(2025, '李雷'), studentSeed(0, 'x')]).toMatchInlineSnapshot(`
      [
        1096316398,
        662405114,
        917126831,
      ]
    `);
  });

  it('refuses a class seed outside [0, 2^32)', () => {
    expect(() => studentSeed(-1, 'a')).toThrow(RangeError);
    expect(() => studentSeed(2 ** 32, 'a')).toThrow(RangeError);
    expect(() => studentSeed(1.5, 'a')).toThrow(RangeError);
  });
});
