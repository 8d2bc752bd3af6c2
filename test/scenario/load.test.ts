/** loadScenarioText / loadScenarioObject / formatErrors: behaviour a teacher and the UI rely on. */
import { describe, expect, it } from 'vitest';
import { loadScenarioText, loadScenarioObject, loadBundledScenario, formatErrors } from '../../src/scenario/load.ts';
import { bundledScenarios } from '../../src/scenario/bundled.ts';
import { deepMerge } from '../../src/scenario/merge.ts';
import { closest } from '../../src/scenario/suggest.ts';
import { dayNumber, isoFromDayNumber } from '../../src/scenario/dates.ts';

const ext = (o: object) => JSON.stringify({ schemaVersion: 1, extends: 'default', id: 'test', ...o }, null, 2);

describe('loadScenarioText', () => {
  it('accepts a ten-line file that extends a bundled scenario and applies its overrides', () => {
    const r = loadScenarioText(ext({ company: { cashUsd: 60_000_000 }, finance: { maxDebtToEbitda: 4 } }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.company.cashUsd).toBe(60_000_000);
    expect(r.scenario.finance.maxDebtToEbitda).toBe(4);
    expect(r.scenario.company.name).toBe('Your Neocloud'); // inherited
    expect(r.scenario.id).toBe('test');
  });

  it('replaces inherited lists and inherited texts as a whole', () => {
    const r = loadScenarioText(ext({ title: { en: 'Only English' }, events: [] }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.title).toEqual({ en: 'Only English' });
    expect(r.scenario.events).toEqual([]);
  });

  it('reports every problem at once, sorted by line', () => {
    const text = ext({ difficulty: 'hardd', company: { cashUsd: 'lots', cashUSD: 1, gpus: [{ modelId: 'h10', count: 1, ageWeeks: 0 }] } });
    const r = loadScenarioText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['difficulty', 'company.cashUsd', 'company.cashUSD', 'company.gpus[0].modelId']);
    const lines = r.errors.map((e) => e.line ?? 0);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  it('gives JSON syntax errors a line and column', () => {
    const r = loadScenarioText('{\n  "schemaVersion": 1,\n  "id": "x"\n  "extends": "default"\n}');
    expect(r).toMatchObject({ ok: false, errors: [{ path: '(file)', line: 4, column: 3 }] });
  });

  it('formats errors with file:line:column, the source line and a caret under the bad value', () => {
    const text = ext({ company: { cashUsd: '60M' } });
    const r = loadScenarioText(text);
    if (r.ok) throw new Error('expected errors');
    const out = formatErrors(r.errors, text, { fileName: 'class.json' });
    const lines = out.split('\n');
    const i = lines.findIndex((l) => l.startsWith('class.json:') && l.endsWith('company.cashUsd'));
    expect(i).toBeGreaterThanOrEqual(0);
    expect(lines[i + 1]).toMatch(/expected a number, found the text "60M"/);
    const src = lines[i + 2] ?? '';
    const caret = lines[i + 3] ?? '';
    expect(src).toContain('"cashUsd": "60M"');
    expect(caret.indexOf('^')).toBe(src.indexOf('"60M"'));
    expect(caret.endsWith(' ^^^^^')).toBe(true);
    expect(lines).toContain('  help: Cash at the start, USD.');
    expect(out.trim().endsWith('1 error.')).toBe(true);
  });

  it('formats without the text, and for object input without lines', () => {
    const r = loadScenarioObject({ schemaVersion: 1, extends: 'default', id: 'x', company: { cashUsd: -1 } });
    if (r.ok) throw new Error('expected errors');
    expect(r.errors[0]?.line).toBeUndefined();
    expect(formatErrors(r.errors)).toMatch(/^scenario company\.cashUsd\n {2}must be at least 0, found the number -1/);
  });

  it('refuses __proto__ from JSON.parse objects (own property) and does not pollute prototypes', () => {
    const value: unknown = JSON.parse('{"schemaVersion":1,"extends":"default","id":"x","__proto__":{"polluted":true},"company":{"__proto__":{"cashUsd":1}}}');
    const r = loadScenarioObject(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path).sort()).toEqual(['__proto__', 'company.__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses non-JSON values and cycles in objects without throwing', () => {
    const cyclic: Record<string, unknown> = { schemaVersion: 1 };
    cyclic.self = cyclic;
    expect(loadScenarioObject(cyclic).ok).toBe(false);
    expect(loadScenarioObject({ schemaVersion: 1, extends: 'default', id: 'x', company: { cashUsd: () => 1 } }).ok).toBe(false);
    expect(loadScenarioObject({ schemaVersion: 1, extends: 'default', id: 'x', company: { cashUsd: 10n } }).ok).toBe(false);
    expect(loadScenarioObject(new Map()).ok).toBe(false);
    expect(loadScenarioObject(undefined).ok).toBe(false);
    expect(loadScenarioObject(null).ok).toBe(false);
    expect(loadScenarioText(undefined as unknown as string).ok).toBe(false);
  });

  it('detects an extends loop through bundled ids', () => {
    // A teacher file whose id is a bundled id and which extends that id refers to itself.
    const r = loadScenarioObject({ schemaVersion: 1, extends: 'default', id: 'default' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: 'extends', message: expect.stringMatching(/loop/) });
  });

  it('accepts a byte-order mark and CRLF line endings', () => {
    const text = `\uFEFF${ext({ company: { cashUsd: 'x' } }).replace(/\n/g, '\r\n')}`;
    const r = loadScenarioText(text);
    if (r.ok) throw new Error('expected errors');
    expect(r.errors[0]).toMatchObject({ path: 'company.cashUsd', line: 6 });
    expect(formatErrors(r.errors, text)).not.toContain('\r');
  });
});

describe('historical commands', () => {
  it('are checked by the command schema: NaN, nested objects and a missing type are refused with their path', () => {
    const withCommand = (command: unknown) => ({ schemaVersion: 1, id: 'h', extends: 'default', lesson: { historicalCommands: [{ date: '2023-03-06', command }] } });
    expect(loadScenarioObject(withCommand({ type: 'raiseEquity', amountUsd: 1e8 })).ok).toBe(true);
    for (const bad of [{ type: 'raiseEquity', amountUsd: NaN }, { type: 'leaseColo', regionId: { x: 1 } }, { amountUsd: 1e8 }]) {
      const r = loadScenarioObject(withCommand(bad));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors.some((e) => e.path.startsWith('lesson.historicalCommands[0].command'))).toBe(true);
    }
  });
});

describe('helpers', () => {
  it('suggests the closest known name', () => {
    expect(closest('cashUSD', ['cashUsd', 'name'])).toBe('cashUsd');
    expect(closest('cash', ['cashUsd', 'name'])).toBe('cashUsd');
    expect(closest('totallyDifferent', ['cashUsd', 'name'])).toBeUndefined();
  });

  it('deep-merges objects and replaces lists', () => {
    expect(deepMerge({ a: { b: 1, c: 2 }, l: [1, 2] }, { a: { c: 3 }, l: [9] })).toEqual({ a: { b: 1, c: 3 }, l: [9] });
  });

  it('computes calendar days without Date', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('2024-02-29')! - dayNumber('2024-02-28')!).toBe(1);
    expect(dayNumber('2023-02-29')).toBeUndefined();
    for (const d of ['2000-02-29', '2023-01-02', '2030-12-30', '1999-12-31']) expect(isoFromDayNumber(dayNumber(d)!)).toBe(d);
  });

  it('loads every bundled scenario by id, and names unknown ids', () => {
    for (const id of Object.keys(bundledScenarios)) expect(loadBundledScenario(id).ok).toBe(true);
    expect(loadBundledScenario('defualt')).toMatchObject({ ok: false, errors: [{ message: expect.stringMatching(/Did you mean "default"/) }] });
  });
});
