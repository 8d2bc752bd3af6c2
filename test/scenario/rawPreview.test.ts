/**
 * The title screen's scenario cards list each scenario's objectives from the raw bundled documents
 * (no schema parse before a scenario is picked). Their parameters ({minUsd}, {max}, {byDate},
 * {company.lastValuationUsd}) must be filled exactly as the loader fills them — the cards once
 * showed "Reach {minUsd} of annualised revenue" in both languages.
 */
import { describe, expect, it } from 'vitest';
import { bundledScenarios } from '../../src/scenario/bundled.ts';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import { documentChain, objectiveLabels } from '../../src/scenario/rawPreview.ts';

describe('objective labels from raw scenario documents', () => {
  for (const id of Object.keys(bundledScenarios)) {
    it(`${id}: the same labels as the loaded scenario, in English and Chinese, no parameter left`, () => {
      const r = loadBundledScenario(id);
      if (!r.ok) throw new Error(`${id} did not load`);
      const loaded = r.scenario.lesson.objectives.map((o) => o.label);
      const raw = objectiveLabels(bundledScenarios[id]);
      expect(raw).toEqual(loaded);
      for (const l of raw) {
        expect(l.en).not.toMatch(/\{[A-Za-z][\w.]*\}/);
        if (l['zh-CN'] !== undefined) expect(l['zh-CN']).not.toMatch(/\{[A-Za-z][\w.]*\}/);
      }
    });
  }

  it('an objective\'s own field wins over a root field of the same name; a base\'s list is used when the overlay has none', () => {
    const base = bundledScenarios.default as { lesson: { objectives: unknown[] } };
    const overlay = { extends: 'default', minUsd: 1 };
    expect(objectiveLabels(overlay)).toEqual(objectiveLabels(base));
    expect(documentChain(overlay)).toEqual([overlay, base]);
  });

  it('bad data shows nothing rather than failing: no lesson, labels of the wrong type, an unknown parameter left as written', () => {
    expect(objectiveLabels(null)).toEqual([]);
    expect(objectiveLabels({ lesson: { objectives: 'x' } })).toEqual([]);
    expect(objectiveLabels({ lesson: { objectives: [{ label: 3 }, { label: { en: 'Keep {nothing}' } }] } })).toEqual([{ en: 'Keep {nothing}' }]);
  });
});
