/** Every bundled scenario validates and carries complete teaching content in both languages. */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bundledScenarios, bundledScenarioList } from '../../src/scenario/bundled.ts';
import { loadScenarioText, formatErrors } from '../../src/scenario/load.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';

const dir = join(import.meta.dirname, '..', '..', 'scenarios');

function texts(v: unknown, path = '', out: { path: string; text: Record<string, unknown> }[] = []) {
  if (Array.isArray(v)) v.forEach((x, i) => texts(x, `${path}[${i}]`, out));
  else if (v && typeof v === 'object') {
    if ('en' in v && Object.keys(v).every((k) => k === 'en' || k === 'zh-CN')) out.push({ path, text: v as Record<string, unknown> });
    else for (const [k, x] of Object.entries(v)) texts(x, path ? `${path}.${k}` : k, out);
  }
  return out;
}

describe('bundled scenarios', () => {
  it('registers every scenario file in scenarios/', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json').map((f) => f.replace(/\.json$/, ''));
    for (const id of files) expect(Object.keys(bundledScenarios), `${id}.json is not in src/scenario/bundled.ts`).toContain(id);
    expect(bundledScenarioList.map((s) => s.id)).toEqual(Object.keys(bundledScenarios));
  });

  for (const id of Object.keys(bundledScenarios)) {
    describe(id, () => {
      const text = readFileSync(join(dir, `${id}.json`), 'utf8');
      const r = loadScenarioText(text, { fileName: `${id}.json` });
      const s = (r.ok ? r.scenario : undefined) as Scenario;

      it('validates', () => {
        expect(r.ok, r.ok ? '' : formatErrors(r.errors, text, { fileName: `${id}.json` })).toBe(true);
        expect(s.id).toBe(id);
      });

      it('has teaching content: 3-5 learning objectives, debrief questions, glossary, objectives', () => {
        const t = s.lesson.teaching;
        expect(t.learningObjectives.length).toBeGreaterThanOrEqual(3);
        expect(t.learningObjectives.length).toBeLessThanOrEqual(5);
        expect(t.debriefQuestions.length).toBeGreaterThanOrEqual(3);
        expect(t.glossary.length).toBeGreaterThanOrEqual(1);
        expect(s.lesson.objectives.length).toBeGreaterThanOrEqual(2);
        expect(s.lesson.objectives.some((o) => o.type === 'survive')).toBe(true);
      });

      it('has Chinese for every text', () => {
        const missing = texts(s).filter((t) => typeof t.text['zh-CN'] !== 'string' || (t.text['zh-CN'] as string).length === 0);
        expect(missing.map((m) => m.path)).toEqual([]);
      });

      it('has events that explain themselves in both languages', () => {
        for (const e of s.events) {
          expect(e.headline['zh-CN']).toBeTruthy();
          expect(e.explanation.en.length).toBeGreaterThan(60);
        }
      });
    });
  }

  it('price-war-2025 is oversupplied: rivals hold more H100-equivalents than demand at the start', () => {
    const r = loadScenarioText(readFileSync(join(dir, 'price-war-2025.json'), 'utf8'));
    if (!r.ok) throw new Error('invalid');
    const perf = new Map(r.scenario.gpus.map((g) => [g.id, g.trainingPerfH100]));
    const supply = r.scenario.market.rivals.flatMap((x) => x.gpus).reduce((a, g) => a + g.count * (perf.get(g.modelId) ?? 0), 0);
    expect(supply).toBeGreaterThan(r.scenario.market.demand.startH100e * 1.3);
  });

  it('east-data-west-compute has china-west, a domestic GPU, export controls on NVIDIA for China, a domestic power subsidy', () => {
    const r = loadScenarioText(readFileSync(join(dir, 'east-data-west-compute.json'), 'utf8'));
    if (!r.ok) throw new Error('invalid');
    const s = r.scenario;
    const west = s.regions.find((x) => x.id === 'china-west');
    expect(west?.bloc).toBe('china');
    expect(west?.latencyPricePct).toBeGreaterThan(0);
    expect(west!.powerUsdPerMwh).toBeLessThan(Math.min(...s.regions.filter((x) => x.id !== 'china-west').map((x) => x.powerUsdPerMwh)) + 10);
    expect(s.gpus.some((g) => g.vendor === 'domestic')).toBe(true);
    const effects = s.events.flatMap((e) => e.effects);
    const ec = effects.find((e) => e.type === 'exportControl');
    expect(ec && ec.type === 'exportControl' && ec.blockedBlocs.includes('china') && ec.modelIds.includes('h100')).toBe(true);
    expect(effects.some((e) => e.type === 'subsidy' && e.on === 'power' && e.vendors?.includes('domestic'))).toBe(true);
  });

  it('subsidy-cliff-2026 has a subsidy that ends and a demand shock at the cliff', () => {
    const r = loadScenarioText(readFileSync(join(dir, 'subsidy-cliff-2026.json'), 'utf8'));
    if (!r.ok) throw new Error('invalid');
    const sub = r.scenario.events.flatMap((e) => e.effects).find((e) => e.type === 'subsidy');
    const cliff = r.scenario.events.find((e) => e.effects.some((f) => f.type === 'demandShock' && f.multiplier < 1));
    expect(sub && sub.type === 'subsidy' ? sub.untilDate : '').toBe('2026-06-30');
    expect(cliff?.trigger).toEqual({ type: 'date', date: '2026-07-06' });
  });
});
