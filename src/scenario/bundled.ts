/**
 * The scenarios shipped with the game. JSON files are imported statically so this works the same
 * in Vite (browser) and in Node/tsx (CLI, tests). Values are raw JSON: load them with
 * `loadBundledScenario(id)` or `loadScenarioObject(bundledScenarios[id])`.
 */
import defaultScenario from '../../scenarios/default.json' with { type: 'json' };
import priceWar2025 from '../../scenarios/price-war-2025.json' with { type: 'json' };
import powerCrunch from '../../scenarios/power-crunch.json' with { type: 'json' };
import subsidyCliff2026 from '../../scenarios/subsidy-cliff-2026.json' with { type: 'json' };
import aiWinter from '../../scenarios/ai-winter.json' with { type: 'json' };
import eastDataWestCompute from '../../scenarios/east-data-west-compute.json' with { type: 'json' };
import coreweave2023 from '../../scenarios/coreweave-2023.json' with { type: 'json' };

/** Raw bundled scenario documents by id. A file may `extends` another bundled id. */
export const bundledScenarios: Readonly<Record<string, unknown>> = {
  default: defaultScenario,
  'price-war-2025': priceWar2025,
  'power-crunch': powerCrunch,
  'subsidy-cliff-2026': subsidyCliff2026,
  'ai-winter': aiWinter,
  'east-data-west-compute': eastDataWestCompute,
  'coreweave-2023': coreweave2023,
};

export interface BundledScenarioInfo {
  id: string;
  title: { en: string; 'zh-CN'?: string };
  summary: { en: string; 'zh-CN'?: string };
}

/** Bundled scenarios for the title screen, in display order (raw titles; validated on load). */
export const bundledScenarioList: readonly BundledScenarioInfo[] = Object.entries(bundledScenarios).map(([id, raw]) => {
  const r = raw as { title?: BundledScenarioInfo['title']; summary?: BundledScenarioInfo['summary'] };
  return { id, title: r.title ?? { en: id }, summary: r.summary ?? { en: '' } };
});

export function isBundledId(id: string): boolean {
  return Object.prototype.hasOwnProperty.call(bundledScenarios, id);
}
