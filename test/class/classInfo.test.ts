/**
 * The class card (builder preview and student screen) shows the briefing with its parameters
 * filled — from the class overlay first, then the scenario, then what it extends — the way the
 * loader fills them, never the raw "{company.cashUsd}".
 */
import { describe, it, expect } from 'vitest';
import { classBriefing } from '../../src/ui/class/classInfo.ts';
import { DEFAULT_CLASS_RULES, classScenarioDocument, type ClassConfig } from '../../src/class/config.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';

const config = (over: Partial<ClassConfig>): ClassConfig => ({
  version: 1, title: 'Finance 301', scenario: { kind: 'bundled', id: 'default' }, overlay: {}, seed: 7, seedMode: 'shared',
  rules: { ...DEFAULT_CLASS_RULES }, ...over,
});

describe('class card briefing', () => {
  it('fills the starting cash from the overlay, and says what the loaded game will say', () => {
    const c = config({ overlay: { company: { cashUsd: 250_000_000 } } });
    const { briefing } = classBriefing(c);
    expect(briefing).not.toMatch(/\{[a-zA-Z0-9_.]+\}/);
    expect(briefing).toContain('$250M');
    const loaded = loadScenarioObject(classScenarioDocument(c));
    if (!loaded.ok) throw new Error('class scenario did not load');
    expect(briefing).toBe(loaded.scenario.lesson.teaching.briefing.en);
  });

  it('without an overlay the scenario (and what it extends) fills it', () => {
    for (const id of ['default', 'ai-winter', 'power-crunch', 'price-war-2025']) {
      const { briefing } = classBriefing(config({ scenario: { kind: 'bundled', id } }));
      expect(briefing, id).not.toMatch(/\{[a-zA-Z0-9_.]+\}/);
    }
  });
});
