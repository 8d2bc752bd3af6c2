/** Migrations: a version-0 file loads and equals its hand-written version-1 equivalent. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioText, loadScenarioObject } from '../../src/scenario/load.ts';
import { migrate, pathInVersion, MIGRATIONS } from '../../src/scenario/migrations.ts';
import { SCHEMA_VERSION } from '../../src/scenario/schema/index.ts';

const v0Text = readFileSync(join(import.meta.dirname, 'fixtures', 'v0-pilot-sandbox.json'), 'utf8');

function stripChinese(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripChinese);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([k]) => k !== 'zh-CN' && k !== '$schema').map(([k, x]) => [k, stripChinese(x)]));
  return v;
}

describe('migrations', () => {
  it('has a chain from every supported version to the current one', () => {
    for (let v = 0; v < SCHEMA_VERSION; v++) expect(MIGRATIONS.find((m) => m.from === v)?.to).toBe(v + 1);
  });

  it('loads a version-0 file into the same scenario as its hand-written version-1 equivalent', () => {
    const r = loadScenarioText(v0Text);
    expect(r.ok ? 'ok' : r.errors).toBe('ok');
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(0);
    expect(r.scenario.schemaVersion).toBe(SCHEMA_VERSION);
    // The hand-written version-1 equivalent of the version-0 file.
    const v1 = loadScenarioText(readFileSync(join(import.meta.dirname, 'fixtures', 'v1-pilot-sandbox.json'), 'utf8'));
    if (!v1.ok) throw new Error('the v1 fixture must load');
    const expected = v1.scenario;
    expect(stripChinese(r.scenario)).toEqual(stripChinese(expected));
    expect(r.scenario.calendar.lengthWeeks).toBe(8 * 52);
    expect(r.scenario.title).toEqual({ en: 'Sandbox 2023-2030' });
  });

  it('version 1 → 2: the rent decay becomes the opening rents only; the tightness exponent goes', () => {
    const r = loadScenarioObject({ schemaVersion: 1, extends: 'default', id: 'old-rents', market: { pricing: { adjustPerWeekPct: 5, targetUtilization: 0.85, floorCashCostMultiple: 1.1, newGenDiscountPctPerYear: 20, contractDiscountPerYearPct: 12, maxContractDiscountPct: 45, spotVolatilityPct: 2, tightnessExponent: 1.2 } } });
    expect(r.ok ? 'ok' : r.errors).toBe('ok');
    if (!r.ok) return;
    expect(r.migratedFrom).toBe(1);
    expect(r.scenario.market.pricing.openingRentDecayPctPerYear).toBe(20);
    expect('tightnessExponent' in r.scenario.market.pricing).toBe(false);
    expect('newGenDiscountPctPerYear' in r.scenario.market.pricing).toBe(false);
  });

  it('migrates a partial file that extends a bundled scenario', () => {
    const r = loadScenarioObject({ schemaVersion: 0, extends: 'default', id: 'old-class', title: 'Old class', company: { cash: 5_000_000 } });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scenario.company.cashUsd).toBe(5_000_000);
      expect(r.scenario.title).toEqual({ en: 'Old class' });
      expect(r.scenario.company.founderShares).toBeGreaterThan(0); // inherited
    }
  });

  it('points errors after migration at the name the old file uses', () => {
    const text = v0Text.replace('"cash": 150000000', '"cash": "a lot"');
    const r = loadScenarioText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.path === 'company.cashUsd');
    expect(e?.message).toMatch(/expected a number/);
    const line = text.split('\n').findIndex((l) => l.includes('"cash": "a lot"')) + 1;
    expect(e?.line).toBe(line);
  });

  it('maps renamed paths back to version-0 names', () => {
    expect(pathInVersion(['company', 'debt', 2, 'annualRatePct'], 0)).toEqual(['company', 'debt', 2, 'ratePct']);
    expect(pathInVersion(['calendar', 'lengthWeeks'], 0)).toEqual(['calendar', 'lengthYears']);
    expect(pathInVersion(['company', 'cashUsd'], 1)).toEqual(['company', 'cashUsd']);
  });

  it('refuses versions it cannot migrate, with the reason', () => {
    expect(migrate({ schemaVersion: 99 })).toMatchObject({ ok: false, errors: [{ path: ['schemaVersion'], message: expect.stringMatching(/newer/) }] });
    expect(migrate({ schemaVersion: 0.5 })).toMatchObject({ ok: false });
    expect(migrate({})).toMatchObject({ ok: false, errors: [{ path: ['schemaVersion'] }] });
  });

  it('does not modify the input object', () => {
    const input = { schemaVersion: 0, extends: 'default', id: 'x', company: { cash: 1 } };
    const copy = structuredClone(input);
    loadScenarioObject(input);
    expect(input).toEqual(copy);
  });
});
