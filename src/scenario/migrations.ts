/**
 * Older scenario files load through migrations, one version step at a time, each tested
 * (test/scenario/migrations.test.ts).
 *
 * Version history
 * - **0** (classroom pilot): texts were plain English strings, and several numbers had no unit in
 *   their name: `calendar.lengthYears` (years), `company.cash`, `company.valuation`,
 *   `company.sites[].mw`, `company.debt[].principal`, `company.debt[].ratePct`,
 *   `company.contracts[].price`, `gpus[].price`, `gpus[].kw`, `regions[].power` (USD/MWh),
 *   `market.rivals[].cash`.
 * - **1**: every text is `{ "en": …, "zh-CN": … }`; units in every numeric field name
 *   (`calendar.lengthWeeks`, `cashUsd`, `lastValuationUsd`, `powerMw`, `principalUsd`,
 *   `annualRatePct`, `usdPerGpuHour`, `gpuPriceUsd`, `kwPerGpu`, `powerUsdPerMwh`).
 * - **2** (current): rents come from supply and demand. `market.pricing.newGenDiscountPctPerYear`
 *   (a generation's rent decayed by this rate for ever) became `openingRentDecayPctPerYear`, used
 *   only for the rents generations open at in week 0; `market.pricing.tightnessExponent` (rents
 *   driven by the market's demand ÷ supply) is dropped: each provider prices each generation from
 *   the demand it draws against its target utilisation (`adjustPerWeekPct` is now the largest weekly move).
 *
 * A migration works on partial files too (a file that `extends` a bundled scenario): it only
 * touches what is there.
 */
import { SCHEMA_VERSION } from './schema/index.ts';
import type { PathSegment } from './paths.ts';
import { em, foundParams } from './errMsg.ts';
import type { RawError } from './rawError.ts';

type Json = Record<string, unknown>;
/** A path pattern; `*` matches any list index. */
type Pattern = (string | '*')[];

export interface Rename {
  at: Pattern;
  from: string;
  to: string;
}

export interface Migration {
  from: number;
  to: number;
  /** Fields renamed by this step (used to point errors at the name the file actually uses). */
  renames: Rename[];
  migrate(doc: Json, errors: RawError[]): void;
}

const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every object matching the pattern, with its concrete path. */
function each(doc: unknown, pattern: Pattern, fn: (obj: Json, path: PathSegment[]) => void, path: PathSegment[] = []): void {
  if (pattern.length === 0) {
    if (isObj(doc)) fn(doc, path);
    return;
  }
  const [head, ...rest] = pattern;
  if (head === '*') {
    if (Array.isArray(doc)) doc.forEach((item, i) => each(item, rest, fn, [...path, i]));
  } else if (isObj(doc) && head !== undefined && Object.prototype.hasOwnProperty.call(doc, head)) {
    each(doc[head], rest, fn, [...path, head]);
  }
}

function rename(doc: Json, r: Rename, errors: RawError[]): void {
  each(doc, r.at, (obj, path) => {
    if (!Object.prototype.hasOwnProperty.call(obj, r.from)) return;
    if (Object.prototype.hasOwnProperty.call(obj, r.to)) {
      errors.push({ path: [...path, r.from], atKey: true, ...em('scn.mig.both', { from: JSON.stringify(r.from), to: JSON.stringify(r.to) }) });
      return;
    }
    // Rebuild the object so the new key takes the old key's place (stable order in messages).
    const entries = Object.entries(obj).map(([k, v]) => [k === r.from ? r.to : k, v] as const);
    for (const k of Object.keys(obj)) delete obj[k];
    for (const [k, v] of entries) obj[k] = v;
  });
}

/** Texts that became `{ en, zh-CN }` in version 1. */
const LOCALIZED_V1: Pattern[] = [
  ['title'], ['summary'], ['regions', '*', 'name'], ['events', '*', 'headline'], ['events', '*', 'explanation'],
  ['lesson', 'objectives', '*', 'label'], ['lesson', 'teaching', 'briefing'],
  ['lesson', 'teaching', 'learningObjectives', '*'], ['lesson', 'teaching', 'debriefQuestions', '*'],
  ['lesson', 'teaching', 'glossary', '*', 'term'], ['lesson', 'teaching', 'glossary', '*', 'definition'],
];

function wrapText(doc: Json, pattern: Pattern): void {
  const parentPattern = pattern.slice(0, -1);
  const last = pattern[pattern.length - 1];
  if (last === '*') {
    // A list of texts: wrap each string item.
    const listPattern = parentPattern;
    const listKey = listPattern[listPattern.length - 1];
    each(doc, listPattern.slice(0, -1), (obj) => {
      const list = listKey === undefined || listKey === '*' ? undefined : obj[listKey];
      if (Array.isArray(list)) list.forEach((t, i) => { if (typeof t === 'string') list[i] = { en: t }; });
    });
    return;
  }
  each(doc, parentPattern, (obj) => {
    if (last !== undefined && typeof obj[last] === 'string') obj[last] = { en: obj[last] };
  });
}

export const MIGRATIONS: Migration[] = [
  {
    from: 0,
    to: 1,
    renames: [
      { at: ['calendar'], from: 'lengthYears', to: 'lengthWeeks' },
      { at: ['company'], from: 'cash', to: 'cashUsd' },
      { at: ['company'], from: 'valuation', to: 'lastValuationUsd' },
      { at: ['company', 'sites', '*'], from: 'mw', to: 'powerMw' },
      { at: ['company', 'debt', '*'], from: 'principal', to: 'principalUsd' },
      { at: ['company', 'debt', '*'], from: 'ratePct', to: 'annualRatePct' },
      { at: ['company', 'contracts', '*'], from: 'price', to: 'usdPerGpuHour' },
      { at: ['gpus', '*'], from: 'price', to: 'gpuPriceUsd' },
      { at: ['gpus', '*'], from: 'kw', to: 'kwPerGpu' },
      { at: ['regions', '*'], from: 'power', to: 'powerUsdPerMwh' },
      { at: ['market', 'rivals', '*'], from: 'cash', to: 'cashUsd' },
    ],
    migrate(doc, errors) {
      const cal = doc.calendar;
      if (isObj(cal) && Object.prototype.hasOwnProperty.call(cal, 'lengthYears')) {
        const years = cal.lengthYears;
        if (Object.prototype.hasOwnProperty.call(cal, 'lengthWeeks')) {
          // reported by rename()
        } else if (typeof years !== 'number' || !Number.isFinite(years) || years <= 0 || years > 20 || !Number.isInteger(years * 4)) {
          errors.push({ path: ['calendar', 'lengthYears'], ...em('scn.mig.lengthYears', foundParams(years)) });
        } else {
          cal.lengthYears = years * 52;
        }
      }
      for (const r of this.renames) rename(doc, r, errors);
      for (const p of LOCALIZED_V1) wrapText(doc, p);
      doc.schemaVersion = 1;
    },
  },
  {
    from: 1,
    to: 2,
    renames: [{ at: ['market', 'pricing'], from: 'newGenDiscountPctPerYear', to: 'openingRentDecayPctPerYear' }],
    migrate(doc, errors) {
      for (const r of this.renames) rename(doc, r, errors);
      // Rents are no longer driven by the market's tightness; the exponent has no meaning now.
      each(doc, ['market', 'pricing'], (obj) => { delete obj.tightnessExponent; });
      doc.schemaVersion = 2;
    },
  },
];

export type MigrateResult = { ok: true; doc: unknown; fromVersion: number; errors: RawError[] } | { ok: false; errors: RawError[] };

/**
 * Bring a document (full or partial) to the current schema version. `schemaVersion` must be in
 * the file itself.
 */
export function migrate(doc: unknown): MigrateResult {
  if (!isObj(doc)) return { ok: true, doc, fromVersion: SCHEMA_VERSION, errors: [] };
  const v = doc.schemaVersion;
  if (v === undefined) {
    return { ok: false, errors: [{ path: ['schemaVersion'], ...em('scn.mig.noVersion', { current: SCHEMA_VERSION }) }] };
  }
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
    return { ok: false, errors: [{ path: ['schemaVersion'], ...em('scn.mig.badVersion', { current: SCHEMA_VERSION, ...foundParams(v) }) }] };
  }
  if (v > SCHEMA_VERSION) {
    return { ok: false, errors: [{ path: ['schemaVersion'], ...em('scn.mig.newer', { version: v, current: SCHEMA_VERSION }) }] };
  }
  const errors: RawError[] = [];
  let version = v;
  while (version < SCHEMA_VERSION) {
    const step = MIGRATIONS.find((m) => m.from === version);
    if (!step) return { ok: false, errors: [{ path: ['schemaVersion'], ...em('scn.mig.none', { version, supported: MIGRATIONS.map((m) => m.from).join(', '), current: SCHEMA_VERSION }) }] };
    step.migrate(doc, errors);
    version = step.to;
  }
  return { ok: true, doc, fromVersion: v, errors };
}

function matches(pattern: Pattern, path: readonly PathSegment[]): boolean {
  if (path.length < pattern.length) return false;
  return pattern.every((p, i) => (p === '*' ? typeof path[i] === 'number' : p === path[i]));
}

/** Map a path in current-version terms back to the name a file of `fromVersion` uses. */
export function pathInVersion(path: readonly PathSegment[], fromVersion: number): PathSegment[] {
  let out = [...path];
  for (const m of [...MIGRATIONS].reverse()) {
    if (m.from < fromVersion) continue;
    for (const r of m.renames) {
      if (matches(r.at, out) && out[r.at.length] === r.to) {
        out = [...out.slice(0, r.at.length), r.from, ...out.slice(r.at.length + 1)];
      }
    }
  }
  return out;
}
