/**
 * An error message as an id with parameters (`scn.*`, src/i18n/scenarioErrorMessages.ts) plus its
 * English text: the CLI, tests and logs read `message`, the UI renders `msg` in the player's
 * language. Only the English table is imported here (the scenario code needs no Chinese).
 */
import { render, type Params } from '../i18n/render.ts';
import { EN_SCENARIO_ERRORS } from '../i18n/scenarioErrorMessages.ts';

export interface ErrMsg {
  id: string;
  params: Params;
}

const EN = { en: EN_SCENARIO_ERRORS, zh: {} };

export const enText = (m: ErrMsg): string => render('en', EN, m.id, m.params);

/** `{ message, msg }` for an error: spread it into a RawError / ScenarioError. */
export function em(id: string, params: Params = {}): { message: string; msg: ErrMsg } {
  // Cross checks also run best-effort on a document that failed the schema, where a value can be
  // missing: it reads "undefined" as the template strings did, and load.ts drops such errors.
  for (const k of Object.keys(params)) if (params[k] === undefined) params[k] = 'undefined';
  const msg = { id, params };
  return { message: enText(msg), msg };
}

/** The parameters describing a found value (`found`, `fv`, `fn`): the same words as `describeValue`. */
export function foundParams(v: unknown): Params {
  if (v === undefined) return { found: 'scn.v.missing' };
  if (v === null) return { found: 'scn.v.null' };
  if (Array.isArray(v)) return { found: v.length === 1 ? 'scn.v.list1' : 'scn.v.listN', fn: v.length };
  switch (typeof v) {
    case 'string': return { found: 'scn.v.text', fv: JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v) };
    case 'number': return Number.isFinite(v) ? { found: 'scn.v.number', fv: String(v) } : { found: 'scn.v.notFinite', fv: String(v) };
    case 'boolean': return { found: 'scn.v.bool', fv: String(v) };
    case 'object': return { found: 'scn.v.object' };
    default: return { found: 'scn.v.other', fv: typeof v };
  }
}

/** The parameters of a "did you mean" tail (`sugg`, `suggestion`): empty when nothing is close. */
export function suggParams(c: string | undefined): Params {
  return c === undefined ? { sugg: 'scn.none' } : { sugg: 'scn.dym', suggestion: JSON.stringify(c) };
}
