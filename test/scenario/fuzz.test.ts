/**
 * Fuzzing: mutations of the bundled scenarios (delete keys, change types, perturb numbers, insert
 * junk, break the text) never crash the validator; anything it accepts is well-formed data that
 * runs in the engine without NaN.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioObject, loadScenarioText, loadBundledScenario, type LoadResult } from '../../src/scenario/load.ts';
import { bundledScenarios } from '../../src/scenario/bundled.ts';
import { Scenario } from '../../src/scenario/schema/index.ts';
import { createWorld, runWeeks } from '../../src/engine/api.ts';
import { nonFinite } from './nonFinite.ts';

type Json = unknown;
/** SCENARIO_FUZZ_RUNS=5000 runs a longer, randomly seeded fuzz (the default is small and fixed for CI). */
const LONG = Number(process.env.SCENARIO_FUZZ_RUNS ?? 0);
const runs = (n: number, seed: number) => (LONG > 0 ? { numRuns: LONG } : { numRuns: n, seed });
const ids = Object.keys(bundledScenarios);
/** Full (merged) documents and the raw files (which use extends). */
const full = Object.fromEntries(ids.map((id) => {
  const r = loadBundledScenario(id);
  if (!r.ok) throw new Error(`${id} must load`);
  return [id, JSON.parse(JSON.stringify(r.scenario)) as Json];
}));
const raw = Object.fromEntries(ids.map((id) => [id, JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', `${id}.json`), 'utf8')) as Json]));

function allPaths(v: Json, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(path);
  if (Array.isArray(v)) v.forEach((x, i) => allPaths(x, [...path, i], out));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) allPaths(x, [...path, k], out);
  return out;
}

const FACTORS = [-1, 0, 0.5, 1.5, 10, 1e9, 1e-9, 1.0001];
const SPECIAL = [Number.NaN, Infinity, -Infinity, -0, 1e308, Number.MAX_SAFE_INTEGER + 2];
const JUNK_KEYS = ['__proto__', 'constructor', 'prototype', 'cashUSD', 'zh-CN', '', 'x'];
const JUNK_TEXT = ['<b>x</b>', '<script>alert(1)</script>', '2023-02-30', 'h100', 'us-texas', '', 'a'.repeat(5000), '\u0000', '💥'];

interface Mutation { at: number; op: number; value: Json; n: number; key: string }

function mutate(doc: Json, muts: Mutation[]): Json {
  const root = { v: structuredClone(doc) } as { v: Json };
  for (const m of muts) {
    const paths = allPaths(root.v);
    const path = paths[m.at % paths.length] ?? [];
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1];
    let parent: Json = root;
    let k: string | number = 'v';
    if (path.length > 0) {
      parent = parentPath.reduce<Json>((o, s) => (o as Record<string | number, Json>)[s], root.v);
      k = key as string | number;
    }
    const p = parent as Record<string | number, Json>;
    const cur = p[k];
    switch (m.op % 10) {
      case 0:
        if (Array.isArray(parent) && typeof k === 'number') parent.splice(k, 1);
        else delete p[k];
        break;
      case 1:
        p[k] = m.value;
        break;
      case 2:
        p[k] = typeof cur === 'number' ? cur * FACTORS[m.n % FACTORS.length]! : m.n;
        break;
      case 3:
        p[k] = SPECIAL[m.n % SPECIAL.length];
        break;
      case 4:
        p[k] = typeof cur === 'number' ? String(cur) : typeof cur === 'string' ? cur.length : typeof cur === 'boolean' ? String(cur) : Array.isArray(cur) ? { ...cur } : cur && typeof cur === 'object' ? Object.values(cur) : true;
        break;
      case 5:
        if (cur && typeof cur === 'object' && !Array.isArray(cur)) Object.defineProperty(cur, JUNK_KEYS[m.n % JUNK_KEYS.length] || m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        break;
      case 6:
        if (Array.isArray(cur) && cur.length > 0) cur.push(structuredClone(cur[m.n % cur.length]));
        break;
      case 7:
        p[k] = Array.isArray(cur) ? [] : cur && typeof cur === 'object' ? {} : null;
        break;
      case 8:
        p[k] = typeof cur === 'string' ? JUNK_TEXT[m.n % JUNK_TEXT.length] ?? m.key : m.key;
        break;
      default:
        p[k] = `${2020 + (m.n % 15)}-${String((m.n % 14) + 1).padStart(2, '0')}-${String((m.n % 32) + 1).padStart(2, '0')}`;
    }
  }
  return root.v;
}

function wellFormed(r: LoadResult): void {
  expect(typeof r.ok).toBe('boolean');
  if (r.ok) {
    expect(Scenario.safeParse(r.scenario).success).toBe(true);
    expect(nonFinite(r.scenario)).toEqual([]);
  } else {
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(typeof e.path).toBe('string');
      expect(typeof e.message).toBe('string');
      expect(e.message).not.toMatch(/undefined|\[object Object\]/);
    }
  }
}

const mutation = fc.record({ at: fc.nat(), op: fc.nat(9), value: fc.jsonValue({ maxDepth: 2 }), n: fc.nat(1000), key: fc.string({ maxLength: 8 }) });
const mutated = fc.record({ id: fc.constantFrom(...ids), useRaw: fc.boolean(), muts: fc.array(mutation, { minLength: 1, maxLength: 4 }) }).map(({ id, useRaw, muts }) => ({ id, doc: mutate(useRaw ? raw[id] : full[id], muts) }));

describe('fuzz: the validator never crashes', () => {
  it('on mutated scenario objects', () => {
    fc.assert(
      fc.property(mutated, ({ doc }) => {
        wellFormed(loadScenarioObject(doc));
        // The same document as text (NaN/Infinity become null in JSON).
        wellFormed(loadScenarioText(JSON.stringify(doc)));
      }),
      runs(400, 4242),
    );
  });

  it('on mutated scenario text (random edits, truncation)', () => {
    const texts = ids.map((id) => readFileSync(join(import.meta.dirname, '..', '..', 'scenarios', `${id}.json`), 'utf8'));
    const edit = fc.tuple(fc.nat(), fc.constantFrom('delete', 'insert', 'replace', 'truncate'), fc.string({ maxLength: 4 }));
    fc.assert(
      fc.property(fc.nat(texts.length - 1), fc.array(edit, { minLength: 1, maxLength: 5 }), (which, edits) => {
        let t = texts[which]!;
        for (const [at, kind, s] of edits) {
          const i = at % (t.length + 1);
          if (kind === 'delete') t = t.slice(0, i) + t.slice(i + 1 + (at % 7));
          else if (kind === 'insert') t = t.slice(0, i) + s + t.slice(i);
          else if (kind === 'replace') t = t.slice(0, i) + s + t.slice(i + s.length);
          else t = t.slice(0, i);
        }
        const r = loadScenarioText(t);
        wellFormed(r);
        if (!r.ok) {
          const lineCount = t.split('\n').length;
          for (const e of r.errors) if (e.line !== undefined) expect(e.line).toBeLessThanOrEqual(lineCount + 1);
        }
      }),
      runs(300, 99),
    );
  });

  it('mutations are often accepted (the fuzzer reaches the engine)', () => {
    const samples = fc.sample(mutated, { numRuns: 400, seed: 7 });
    const accepted = samples.filter(({ doc }) => loadScenarioObject(doc).ok).length;
    expect(accepted).toBeGreaterThan(25);
  });
});

describe('fuzz: accepted scenarios run in the engine without NaN', () => {
  it('runs accepted mutations for a year with each strategy', () => {
    const strategies = ['leveraged', 'prudent', 'idle', 'random'] as const;
    const accepted = fc
      .sample(mutated, { numRuns: 300, seed: 2024 })
      .map(({ doc }) => loadScenarioObject(doc))
      .filter((r): r is Extract<LoadResult, { ok: true }> => r.ok)
      .filter((r) => r.scenario.market.demand.customerAgents <= 20_000)
      .slice(0, 24);
    expect(accepted.length).toBeGreaterThan(10);
    accepted.forEach((r, i) => {
      const strategy = strategies[i % strategies.length]!;
      const world = createWorld(r.scenario, { strategy, seed: i });
      runWeeks(world, 52);
      expect(nonFinite(world), `${r.scenario.id} with ${strategy}`).toEqual([]);
    });
  });
});
