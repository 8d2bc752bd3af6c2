/**
 * Saves and loads in Node (the same modules the worker runs): strict save checks, all-or-nothing
 * loads, and properties — random valid command logs survive save → load with the same state hash;
 * random corruptions are refused (the running game untouched) or load exactly the game they
 * describe, never a half-loaded one.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { SimCore } from '../../src/store/sim.ts';
import { prepareLoad, type LoadRequest } from '../../src/store/load.ts';
import { checkSave } from '../../src/store/saveCheck.ts';
import { makeSaveFile, type SaveFile } from '../../src/store/saveFormat.ts';
import { loadBundledScenario, loadScenarioObject } from '../../src/scenario/load.ts';
import { replay, stateHash } from '../../src/engine/api.ts';
import type { Command } from '../../src/engine/commands/types.ts';
import { fileSizeProblem, textSizeProblem, MAX_FILE_BYTES, utf8Bytes } from '../../src/scenario/limits.ts';
import { LIMITS } from '../../src/scenario/errors.ts';
import { badSaves } from './badSaves.ts';

const scenario = (() => {
  const r = loadBundledScenario('default');
  if (!r.ok) throw new Error('default scenario invalid');
  return r.scenario;
})();

/** Play `weeks` weeks issuing `plan` (week → commands); returns the core. */
function play(seed: number, plan: { week: number; command: Command }[], weeks: number, strategy?: 'prudent'): SimCore {
  const core = new SimCore();
  core.start({ scenario, seed, strategy });
  for (let w = 0; w <= weeks; w++) {
    for (const p of plan) if (p.week === w) core.issue(p.command);
    if (w < weeks) core.stepWeeks(1);
  }
  return core;
}

function saveOf(core: SimCore): SaveFile {
  return makeSaveFile('test', core.saveData()!, '2026-01-01T00:00:00.000Z');
}

const GOOD_PLAN: { week: number; command: Command }[] = [
  { week: 0, command: { type: 'orderGpus', modelId: 'h100', count: 500, vendorFinancing: false } },
  { week: 2, command: { type: 'leaseColo', regionId: 'us-virginia', powerMw: 5 } },
  { week: 20, command: { type: 'setPlatformSpend', usdPerWeek: 20_000 } },
];

describe('strict save check', () => {
  const core = play(9, GOOD_PLAN, 26);
  const goodText = JSON.stringify(saveOf(core));

  it('accepts a save the game wrote, and the load reaches the same state', () => {
    expect(checkSave(goodText).ok).toBe(true);
    const p = prepareLoad({ source: { kind: 'save', value: goodText } });
    expect(p.info.ok).toBe(true);
    expect(p.core!.hash()).toBe(core.hash());
  });

  it('refuses every save in the bad-save corpus with a reason, and the running game is untouched', () => {
    const running = play(3, [], 5);
    const before = running.hash();
    const corpus = badSaves(goodText);
    const accepted: string[] = [];
    for (const b of corpus) {
      const p = prepareLoad({ source: { kind: 'save', value: b.text } });
      if (p.info.ok) accepted.push(b.name);
      else expect(p.info.reason.length, b.name).toBeGreaterThan(10);
    }
    expect(accepted).toEqual([]);
    expect(running.hash()).toBe(before);
    console.log(`[saves] bad-save corpus: ${corpus.length} tried, ${corpus.length - accepted.length} refused`);
  });

  it('names the field and the problem', () => {
    const reason = (name: string) => {
      const b = badSaves(goodText).find((x) => x.name === name)!;
      const r = checkSave(b.text);
      return r.ok ? 'accepted' : r.reason;
    };
    expect(reason('strategy = "evil"')).toMatch(/"strategy".*leveraged/);
    expect(reason('strategy = "constructor"')).toMatch(/"strategy"/);
    expect(reason('seed = -5')).toBe('"seed": expected a whole number from 0 to 4,294,967,295, found the number -5.');
    expect(reason('seed = 4294967296')).toMatch(/"seed"/);
    expect(reason('log week -1')).toMatch(/"log\[0\]\.week"/);
    expect(reason('log week 0.5')).toMatch(/"log\[0\]\.week"/);
    expect(reason('log weeks out of order')).toMatch(/in order/);
    expect(reason('saveVersion = 2')).toBe('Save version 2 is newer than this game understands (it reads versions up to 1); update the game.');
    expect(reason('saveVersion = "1"')).toBe('"saveVersion": expected a whole number from 1 to 1, found the text "1".');
    expect(reason('command type unknown')).toMatch(/"log\[0\]\.command\.type"/);
    expect(reason('larger than the save limit')).toMatch(/save files may be at most 4 MB/);
  });

  it('a new game refuses a bad seed or autopilot before anything starts', () => {
    const ask = (seed: unknown, strategy: unknown) => prepareLoad({ source: { kind: 'bundled', id: 'default' }, seed, strategy } as LoadRequest).info;
    for (const seed of [-5, 1.5, NaN, 2 ** 32, '7', Infinity]) expect(ask(seed, null).ok, String(seed)).toBe(false);
    for (const s of ['evil', 'constructor', '__proto__', 'player', 3]) expect(ask(7, s).ok, String(s)).toBe(false);
    expect(ask(0, null).ok).toBe(true);
    expect(ask(2 ** 32 - 1, 'prudent').ok).toBe(true);
  });

  it('decides save or scenario by the "format" field, not by the id', () => {
    const scn = JSON.stringify({ schemaVersion: 1, id: 'neocloud-tycoon-save', extends: 'default' });
    const p = prepareLoad({ source: { kind: 'file', text: scn, fileName: 'x.json' } });
    expect(p.info.ok && p.info.kind).toBe('scenario');
    const s = prepareLoad({ source: { kind: 'file', text: goodText, fileName: 'y.json' } });
    expect(s.info.ok && s.info.kind).toBe('save');
  });
});

describe('one size limit per kind of file', () => {
  it('the scenario loader uses the scenario limit from limits.ts', () => {
    expect(LIMITS.maxBytes).toBe(MAX_FILE_BYTES.scenario);
  });
  it('counts UTF-8 bytes and refuses above the limit with the kind named', () => {
    expect(utf8Bytes('aé中😀')).toBe(1 + 2 + 3 + 4);
    expect(fileSizeProblem('save', MAX_FILE_BYTES.save)).toBeNull();
    expect(fileSizeProblem('save', MAX_FILE_BYTES.save + 1)).toMatch(/save files may be at most 4 MB/);
    expect(fileSizeProblem('scenario', 3 * 1024 * 1024)).toBe('the file is 3.0 MB; scenario files may be at most 2 MB');
    expect(textSizeProblem('scenario', '中'.repeat(MAX_FILE_BYTES.scenario / 3 + 1))).toMatch(/scenario files/);
    expect(textSizeProblem('scenario', 'a'.repeat(MAX_FILE_BYTES.scenario))).toBeNull();
  });
});

// ---------- properties ----------

const MODELS = ['a100', 'h100', 'h200', 'mi300x'];
const REGIONS = ['us-virginia', 'us-texas', 'us-west', 'europe-nordics'];
const arbCommand: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ type: fc.constant('orderGpus' as const), modelId: fc.constantFrom(...MODELS), count: fc.integer({ min: 1, max: 3000 }), vendorFinancing: fc.boolean() }),
  fc.record({ type: fc.constant('leaseColo' as const), regionId: fc.constantFrom(...REGIONS), powerMw: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ type: fc.constant('setOnDemandPrice' as const), priceFactor: fc.double({ min: 0.5, max: 2, noNaN: true }) }),
  fc.record({ type: fc.constant('setPlatformSpend' as const), usdPerWeek: fc.integer({ min: 0, max: 500_000 }) }),
  fc.record({ type: fc.constant('raiseEquity' as const), amountUsd: fc.integer({ min: 1_000_000, max: 200_000_000 }) }),
  fc.record({ type: fc.constant('sellGpus' as const), modelId: fc.constantFrom(...MODELS), count: fc.integer({ min: 1, max: 500 }) }),
  fc.record({ type: fc.constant('setDepreciationLife' as const), years: fc.constantFrom(4 as const, 5 as const, 6 as const) }),
);
const arbPlan = fc.array(fc.record({ week: fc.integer({ min: 0, max: 30 }), command: arbCommand }), { maxLength: 14 });

/** The game a save describes, rebuilt with the engine's own replay (independent of SimCore). */
function engineReplayHash(save: SaveFile): string {
  const r = loadScenarioObject(save.scenario);
  if (!r.ok) throw new Error('scenario invalid');
  const before = save.log.filter((l) => l.week < save.week);
  const w = replay(r.scenario, { seed: save.seed, ...(save.strategy ? { strategy: save.strategy } : {}), ...(save.depreciationYears ? { depreciationYears: save.depreciationYears } : {}) }, before, save.week);
  for (const l of save.log) if (l.week === save.week) w.pending.push(structuredClone(l.command));
  return stateHash(w);
}

describe('properties', () => {
  it('random valid command logs: saved and loaded give the same hash (and the engine replay agrees)', () => {
    fc.assert(fc.property(arbPlan, fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 0, max: 34 }), fc.boolean(), (plan, seed, weeks, auto) => {
      const core = play(seed, plan, weeks, auto ? 'prudent' : undefined);
      const save = saveOf(core);
      const p = prepareLoad({ source: { kind: 'save', value: JSON.stringify(save) } });
      expect(p.info.ok).toBe(true);
      expect(p.core!.hash()).toBe(core.hash());
      expect(engineReplayHash(save)).toBe(core.hash());
    }), { numRuns: 25, seed: 20261201 });
  });

  it('random corruptions of a save are refused (running game untouched) or load exactly the game they describe', () => {
    const base = saveOf(play(11, GOOD_PLAN, 30));
    const baseText = JSON.stringify(base);
    const running = play(4, [], 3);
    const runningHash = running.hash();
    const counts = { refused: 0, accepted: 0 };
    // A corruption: a random edit of the text, or a random value at a random place in the document.
    const arbEdit = fc.oneof(
      fc.record({ kind: fc.constant('char' as const), at: fc.nat(), ch: fc.constantFrom('0', '9', '-', '.', '"', '{', '}', ',', 'x', ' ', 'e') }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('value' as const), pick: fc.nat(), value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(-1, 0.5, 1e308, 2 ** 32, 'constructor', '__proto__', 'evil', null)) }),
      fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }),
    );
    const places = (doc: unknown): [Record<string, unknown> | unknown[], string | number][] => {
      const out: [Record<string, unknown> | unknown[], string | number][] = [];
      const walk = (v: unknown, depth: number) => {
        if (typeof v !== 'object' || v === null || depth > 6) return;
        for (const k of Array.isArray(v) ? v.keys() : Object.keys(v)) {
          out.push([v as Record<string, unknown>, k]);
          walk((v as Record<string | number, unknown>)[k], depth + 1);
        }
      };
      walk(doc, 0);
      return out;
    };
    fc.assert(fc.property(arbEdit, (e) => {
      let text = baseText;
      if (e.kind === 'char') { const i = e.at % text.length; text = text.slice(0, i) + e.ch + text.slice(i + 1); }
      else if (e.kind === 'cut') { const i = e.at % text.length; text = text.slice(0, i) + text.slice(i + e.len); }
      else {
        const doc = JSON.parse(baseText) as unknown;
        const ps = places(doc);
        const [obj, key] = ps[e.pick % ps.length]!;
        if (e.kind === 'value') (obj as Record<string | number, unknown>)[key] = e.value;
        else if (Array.isArray(obj)) obj.splice(key as number, 1);
        else delete (obj as Record<string, unknown>)[key as string];
        text = JSON.stringify(doc);
      }
      const p = prepareLoad({ source: { kind: 'save', value: text } });
      expect(running.hash()).toBe(runningHash);
      if (!p.info.ok) { counts.refused++; expect(p.info.reason).toBeTruthy(); return; }
      counts.accepted++;
      const checked = checkSave(text);
      expect(checked.ok).toBe(true);
      const save = (checked as { save: SaveFile }).save;
      expect(p.core!.saveData()!.week).toBe(save.week);
      expect(p.core!.hash()).toBe(engineReplayHash(save));
      if (text === baseText) expect(p.core!.hash()).toBe(engineReplayHash(base));
    }), { numRuns: 150, seed: 42 });
    console.log(`[saves] random corruptions: ${counts.refused} refused, ${counts.accepted} accepted as the game they describe`);
    expect(counts.refused).toBeGreaterThan(50);
  });
});
