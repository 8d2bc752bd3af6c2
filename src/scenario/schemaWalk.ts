/**
 * Reading the zod definition itself: which schema sits at a path (to list the known keys for
 * "did you mean", and to show a field's description). Works on zod 4 definitions.
 */
import type { z } from 'zod';
import type { PathSegment } from './paths.ts';

type AnySchema = z.ZodType;

interface Def {
  type: string;
  shape?: Record<string, AnySchema>;
  element?: AnySchema;
  innerType?: AnySchema;
  options?: AnySchema[];
  discriminator?: string;
  valueType?: AnySchema;
  in?: AnySchema;
  values?: unknown[];
  entries?: Record<string, unknown>;
}

export function defOf(s: AnySchema): Def {
  return (s as unknown as { _zod: { def: Def } })._zod.def;
}

/** Strip optional/nullable/default wrappers. */
export function unwrap(s: AnySchema): AnySchema {
  let cur = s;
  for (let i = 0; i < 10; i++) {
    const d = defOf(cur);
    if ((d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'readonly') && d.innerType) cur = d.innerType;
    else if (d.type === 'pipe' && d.in) cur = d.in;
    else break;
  }
  return cur;
}

/** For a discriminated union, the option that matches the value's discriminator. */
function pickOption(d: Def, value: unknown): AnySchema | undefined {
  if (!d.options) return undefined;
  if (d.discriminator && value && typeof value === 'object') {
    const tag = (value as Record<string, unknown>)[d.discriminator];
    for (const o of d.options) {
      const od = defOf(unwrap(o));
      const lit = od.shape?.[d.discriminator];
      if (lit && (defOf(lit).values ?? []).includes(tag)) return o;
    }
  }
  return undefined;
}

/** The schema at `path`, walking the value alongside to choose union options. */
export function schemaAt(root: AnySchema, path: readonly PathSegment[], rootValue: unknown): AnySchema | undefined {
  let s: AnySchema | undefined = root;
  let v: unknown = rootValue;
  for (const seg of path) {
    if (!s) return undefined;
    s = unwrap(s);
    let d = defOf(s);
    if (d.type === 'union') {
      s = pickOption(d, v);
      if (!s) return undefined;
      s = unwrap(s);
      d = defOf(s);
    }
    if (d.type === 'object' && typeof seg === 'string') s = d.shape?.[seg];
    else if (d.type === 'array' && typeof seg === 'number') s = d.element;
    else if (d.type === 'record') s = d.valueType;
    else return undefined;
    v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[seg] : undefined;
  }
  if (!s) return undefined;
  const d = defOf(unwrap(s));
  if (d.type === 'union') return pickOption(d, v) ?? s;
  return s;
}

/** Keys an object schema at `path` accepts (all options' keys for a union without a match). */
export function knownKeysAt(root: AnySchema, path: readonly PathSegment[], rootValue: unknown): string[] {
  const s = schemaAt(root, path, rootValue);
  if (!s) return [];
  const d = defOf(unwrap(s));
  if (d.type === 'object') return Object.keys(d.shape ?? {});
  if (d.type === 'union') {
    const keys = new Set<string>();
    for (const o of d.options ?? []) for (const k of Object.keys(defOf(unwrap(o)).shape ?? {})) keys.add(k);
    return [...keys];
  }
  return [];
}

export function descriptionAt(root: AnySchema, path: readonly PathSegment[], rootValue: unknown): string | undefined {
  const s = schemaAt(root, path, rootValue);
  if (!s) return undefined;
  return s.description ?? unwrap(s).description;
}
