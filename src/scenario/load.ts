/**
 * The one entry point for scenario files, used by the CLI, the browser and the tests.
 *
 *   text ──size/depth──▶ JSON (line/column) ──▶ forbidden & duplicate keys ──▶ migrations
 *        ──▶ HTML check ──▶ extends (deep merge over a bundled scenario) ──▶ zod schema
 *        ──▶ cross-field checks ──▶ teaching-text parameters filled (textParams.ts)
 *        ──▶ Scenario, or every error at once with path, line and column.
 *
 * Never throws; raw parsed JSON never leaves this module unvalidated.
 */
import { Scenario } from './schema/index.ts';
import type { ScenarioError } from './errors.ts';
import { LIMITS } from './errors.ts';
import { parseJsonText, type ParsedText } from './jsonText.ts';
import { toPlainData, findHtml } from './sanitize.ts';
import { migrate, pathInVersion } from './migrations.ts';
import { deepMerge } from './merge.ts';
import { bundledScenarios, isBundledId } from './bundled.ts';
import { zodIssuesToErrors } from './zodIssues.ts';
import { crossCheck } from './crossChecks.ts';
import { fillTeachingTexts } from './textParams.ts';
import { closest } from './suggest.ts';
import { em, foundParams, suggParams, enText, type ErrMsg } from './errMsg.ts';
import { formatPath, hasPath, type PathSegment } from './paths.ts';
import type { RawError } from './rawError.ts';

export type { ScenarioError } from './errors.ts';
export { formatErrors } from './format.ts';

export type LoadResult = { ok: true; scenario: Scenario; migratedFrom?: number } | { ok: false; errors: ScenarioError[] };

export interface LoadOptions {
  /** Shown in messages only. */
  fileName?: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Load a scenario from the text of a JSON file. */
export function loadScenarioText(text: string, _opts: LoadOptions = {}): LoadResult {
  try {
    const parsed = parseJsonText(text);
    if (!parsed.ok) return { ok: false, errors: parsed.errors };
    const pre: RawError[] = []; // parse-time errors already carry positions
    return pipeline(parsed.parsed.value, pre, parsed.errors, parsed.parsed);
  } catch (e) {
    return internalError(e);
  }
}

/** Load a scenario from a value already in memory (e.g. from JSON.parse or a bundled import). */
export function loadScenarioObject(value: unknown): LoadResult {
  try {
    const plain = toPlainData(value);
    if (!plain.ok) return { ok: false, errors: plain.errors.map((e) => ({ path: formatPath(e.path) || '(file)', message: e.message, ...(e.msg ? { msg: e.msg } : {}) })) };
    return pipeline(plain.value, plain.errors, [], undefined);
  } catch (e) {
    return internalError(e);
  }
}

/** Load a bundled scenario by id. */
export function loadBundledScenario(id: string): LoadResult {
  if (!isBundledId(id)) return { ok: false, errors: [{ path: '(file)', ...em('scn.noBundled', { id: JSON.stringify(id), ...suggParams(closest(id, Object.keys(bundledScenarios))) }) }] };
  return loadScenarioObject(bundledScenarios[id]);
}

function internalError(e: unknown): LoadResult {
  // A bug in the validator must still not crash the caller.
  return { ok: false, errors: [{ path: '(file)', ...em('scn.internal', { error: e instanceof Error ? e.message : String(e) }) }] };
}

/** A bundled scenario with its own `extends` resolved, as plain data (not validated). */
function resolveBundled(id: string, chain: string[]): { ok: true; value: Record<string, unknown> } | { ok: false; error: { message: string; msg: ErrMsg } } {
  if (chain.includes(id)) return { ok: false, error: em('scn.extendsLoop', { chain: [...chain, id].join(' → ') }) };
  if (chain.length >= LIMITS.maxExtendsDepth) return { ok: false, error: em('scn.extendsDeep', { max: LIMITS.maxExtendsDepth }) };
  const plain = toPlainData(bundledScenarios[id]);
  if (!plain.ok || !isObj(plain.value)) return { ok: false, error: em('scn.bundledUnreadable', { id: JSON.stringify(id) }) };
  const m = migrate(plain.value);
  if (!m.ok || !isObj(m.doc)) return { ok: false, error: em('scn.bundledUnmigrated', { id: JSON.stringify(id) }) };
  const doc = m.doc;
  const parentId = doc.extends;
  if (typeof parentId === 'string') {
    if (!isBundledId(parentId)) return { ok: false, error: em('scn.bundledExtendsUnknown', { id: JSON.stringify(id), parent: JSON.stringify(parentId) }) };
    const parent = resolveBundled(parentId, [...chain, id]);
    if (!parent.ok) return parent;
    return { ok: true, value: deepMerge(parent.value, doc) as Record<string, unknown> };
  }
  return { ok: true, value: doc };
}

function pipeline(value: unknown, raw: RawError[], positioned: ScenarioError[], parsed: ParsedText | undefined): LoadResult {
  const errors: RawError[] = [...raw];
  const ctx: { fromVersion?: number; baseId?: string; teacherDoc: unknown } = { teacherDoc: value };
  const finish = (): LoadResult => ({ ok: false, errors: place([...positioned], errors, parsed, ctx.teacherDoc, ctx.fromVersion, ctx.baseId) });

  if (!isObj(value)) {
    errors.push({ path: [], ...em('scn.notObject', foundParams(value)) });
    return finish();
  }
  const m = migrate(value);
  errors.push(...m.errors);
  if (!m.ok || !isObj(m.doc)) return finish();
  ctx.fromVersion = m.fromVersion;
  const doc = m.doc;
  ctx.teacherDoc = doc;
  findHtml(doc, [], errors);

  let merged: unknown = doc;
  if (Object.prototype.hasOwnProperty.call(doc, 'extends')) {
    const ext = doc.extends;
    if (typeof ext !== 'string') {
      errors.push({ path: ['extends'], ...em('scn.extendsType', { bundled: Object.keys(bundledScenarios).join(', '), ...foundParams(ext) }) });
      return finish();
    }
    if (!isBundledId(ext)) {
      errors.push({ path: ['extends'], ...em('scn.extendsUnknown', { ext: JSON.stringify(ext), ...suggParams(closest(ext, Object.keys(bundledScenarios))), bundled: Object.keys(bundledScenarios).join(', ') }) });
      return finish();
    }
    const ownId = typeof doc.id === 'string' ? doc.id : undefined;
    const base = resolveBundled(ext, ownId !== undefined && isBundledId(ownId) ? [ownId] : []);
    if (!base.ok) {
      errors.push({ path: ['extends'], ...base.error });
      return finish();
    }
    if (!Object.prototype.hasOwnProperty.call(doc, 'id')) {
      errors.push({ path: ['id'], ...em('scn.extendsNeedsId', { ext: JSON.stringify(ext) }) });
    }
    ctx.baseId = ext;
    merged = deepMerge(base.value, doc);
  }

  const result = Scenario.safeParse(merged);
  if (!result.success) {
    const schemaErrors = zodIssuesToErrors(result.error.issues, Scenario, merged);
    errors.push(...schemaErrors, ...bestEffortCrossCheck(merged, schemaErrors), ...bestEffortTextParams(merged, schemaErrors));
    return finish();
  }
  errors.push(...crossCheck(result.data));
  // Parameters in teaching texts ({company.cashUsd}, an objective's {minUsd}) filled from this scenario.
  const filled = fillTeachingTexts(result.data);
  errors.push(...filled.errors);
  if (errors.length > 0 || positioned.length > 0) return finish();
  return m.fromVersion < result.data.schemaVersion ? { ok: true, scenario: filled.scenario, migratedFrom: m.fromVersion } : { ok: true, scenario: filled.scenario };
}

/** Give each error its line and column in the teacher's own file, then sort and cap. */
function place(done: ScenarioError[], raw: RawError[], parsed: ParsedText | undefined, teacherDoc: unknown, fromVersion: number | undefined, baseId: string | undefined): ScenarioError[] {
  const out: ScenarioError[] = [...done];
  for (const e of raw) {
    let message = e.message;
    let msg = e.msg;
    const inTeacherFile = hasPath(teacherDoc, e.path) || e.path.length === 0 || hasPath(teacherDoc, e.path.slice(0, -1));
    if (baseId !== undefined && !inTeacherFile) {
      const fromBase = { id: 'scn.fromBase', params: { ...msg?.params, ...(msg ? { inner: msg.id } : { inner: 'scn.raw', text: message }), baseId: JSON.stringify(baseId) } };
      message = enText(fromBase);
      msg = fromBase;
    }
    const err: ScenarioError = { path: formatPath(e.path), message };
    if (msg) err.msg = msg;
    if (e.hint) err.hint = e.hint;
    if (e.hintMsg) err.hintMsg = e.hintMsg;
    if (parsed) {
      const src: PathSegment[] = fromVersion !== undefined ? pathInVersion(e.path, fromVersion) : e.path;
      for (let n = src.length; n >= 0; n--) {
        const pos = parsed.locate(src.slice(0, n), n === src.length ? e.atKey : false);
        if (pos) {
          err.line = pos.line;
          err.column = pos.column;
          err.length = pos.length;
          break;
        }
      }
    }
    out.push(err);
  }
  const seen = new Set<string>();
  const unique = out.filter((e) => {
    const k = `${e.path}\u0000${e.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  unique.sort((a, b) => (a.line ?? Infinity) - (b.line ?? Infinity) || (a.column ?? 0) - (b.column ?? 0));
  if (unique.length > LIMITS.maxErrors) {
    const n = unique.length - LIMITS.maxErrors;
    return [...unique.slice(0, LIMITS.maxErrors), { path: '(file)', ...em(n === 1 ? 'scn.more1' : 'scn.moreN', { n }) }];
  }
  return unique;
}

/**
 * Unknown parameters in teaching texts (`{minUSD}`) on a document that failed the schema, so they
 * are reported in the same pass as the schema errors rather than after those are fixed. A text the
 * schema already rejected is skipped; a document too broken to walk gives none.
 */
function bestEffortTextParams(doc: unknown, schemaErrors: RawError[]): RawError[] {
  let found: RawError[];
  try {
    found = fillTeachingTexts(doc as Scenario).errors;
  } catch {
    return [];
  }
  const under = (a: PathSegment[], b: PathSegment[]) => b.every((p, i) => a[i] === p) || a.every((p, i) => b[i] === p);
  return found.filter((t) => !schemaErrors.some((z) => under(t.path, z.path)));
}

/**
 * Cross-field checks on a document that failed the schema, so that a broken reference is
 * reported together with a type error elsewhere. Checks that touch a field the schema already
 * rejected are dropped (their message would be about a value of the wrong type).
 */
function bestEffortCrossCheck(doc: unknown, schemaErrors: RawError[]): RawError[] {
  // Every date check is measured against the calendar: with a bad start date ("2027-13-01") they
  // would all report knock-on nonsense (a game ending in 1977), so none are run.
  if (schemaErrors.some((z) => z.path[0] === 'calendar')) return [];
  let found: RawError[];
  try {
    found = crossCheck(doc as Scenario);
  } catch {
    return [];
  }
  const overlaps = (a: PathSegment[], b: PathSegment[]) => {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
    return true;
  };
  return found.filter((c) => !/undefined|NaN|\[object/.test(c.message) && !schemaErrors.some((z) => overlaps(z.path, c.path)));
}
