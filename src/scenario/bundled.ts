/**
 * The scenarios shipped with the game. JSON files are imported statically so this works the same
 * in Vite (browser) and in Node/tsx (CLI, tests). Values are raw JSON: load them with
 * `loadBundledScenario(id)` or `loadScenarioObject(bundledScenarios[id])`.
 */
import defaultScenario from '../../scenarios/default.json' with { type: 'json' };

/** Raw bundled scenario documents by id. A file may `extends` another bundled id. */
export const bundledScenarios: Readonly<Record<string, unknown>> = {
  default: defaultScenario,
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
