/**
 * Lazy entry to the scenario validator (zod + the loader), loaded with the first scenario.
 * The first import switches zod's JIT off so that no eval is attempted under the CSP.
 */
import './zodJitless.ts';

export { loadScenarioText, loadScenarioObject, loadBundledScenario } from '../scenario/load.ts';
