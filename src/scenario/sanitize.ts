/**
 * Untrusted values: copying an object handed to us (not text) into plain JSON data, and checks on
 * every string (no HTML). Nothing unvalidated reaches the engine.
 */
import { FORBIDDEN_KEYS, LIMITS } from './errors.ts';
import type { PathSegment } from './paths.ts';
import type { RawError } from './rawError.ts';
import { em } from './errMsg.ts';

export type PlainResult = { ok: true; value: unknown; errors: RawError[] } | { ok: false; errors: RawError[] };

/**
 * Copy `input` into fresh plain JSON data (objects, arrays, strings, finite or infinite numbers,
 * booleans, null). Refuses depth beyond the limit, cycles, too many values and non-JSON values;
 * reports and drops forbidden keys.
 */
export function toPlainData(input: unknown): PlainResult {
  const errors: RawError[] = [];
  let nodes = 0;
  let fatal: RawError | undefined;
  const copy = (v: unknown, path: PathSegment[], depth: number): unknown => {
    if (fatal) return undefined;
    if (++nodes > LIMITS.maxNodes) {
      fatal = { path: [], ...em('scn.tooManyValues', { max: LIMITS.maxNodes }) };
      return undefined;
    }
    if (v === null || typeof v === 'string' || typeof v === 'boolean' || typeof v === 'number') return v;
    if (typeof v !== 'object') {
      errors.push({ path, ...(v === undefined ? em('scn.notJsonNothing') : em('scn.notJson', { kind: typeof v })) });
      return undefined;
    }
    if (depth >= LIMITS.maxDepth) {
      fatal = { path, ...em('scn.tooDeep', { max: LIMITS.maxDepth }) };
      return undefined;
    }
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      for (let i = 0; i < v.length; i++) out.push(copy(v[i], [...path, i], depth + 1));
      return out;
    }
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) {
      errors.push({ path, ...em('scn.classInstance') });
      return undefined;
    }
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key)) {
        errors.push({ path: [...path, key], atKey: true, ...em('scn.json.forbiddenKey', { key: JSON.stringify(key) }) });
        continue;
      }
      let child: unknown;
      try {
        child = (v as Record<string, unknown>)[key];
      } catch {
        errors.push({ path: [...path, key], ...em('scn.unreadable') });
        continue;
      }
      Object.defineProperty(out, key, { value: copy(child, [...path, key], depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  const value = copy(input, [], 0);
  if (fatal) return { ok: false, errors: [fatal] };
  return { ok: true, value, errors };
}

/**
 * Markup in a text: scenario strings are always shown as plain text, so a tag would appear
 * literally (and in a careless renderer could run). A teacher should know.
 */
const HTML_LIKE = /<\/?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?\/?>|<(script|img|iframe|svg|style|object|embed|link|meta|body|html|form|input|a)\b|<!--|javascript\s*:/i;

export function findHtml(value: unknown, path: PathSegment[] = [], out: RawError[] = []): RawError[] {
  if (out.length >= LIMITS.maxErrors) return out;
  if (typeof value === 'string') {
    const m = HTML_LIKE.exec(value);
    if (m) {
      out.push({
        path,
        ...em('scn.markup', { markup: JSON.stringify(m[0].slice(0, 40)) }),
      });
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findHtml(v, [...path, i], out));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== '$schema') findHtml(v, [...path, k], out);
  }
  return out;
}
