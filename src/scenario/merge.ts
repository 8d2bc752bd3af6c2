/** `extends`: deep merge of a teacher's file over a bundled scenario (objects merge, arrays replace). */

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A text `{ "en": …, "zh-CN": … }` replaces the inherited text as a whole: a new English title
 * must not keep the old Chinese one.
 */
function isText(v: Record<string, unknown>): boolean {
  const keys = Object.keys(v);
  return keys.includes('en') && keys.every((k) => k === 'en' || k === 'zh-CN');
}

/** A new value: `over` merged onto `base`. Neither input is modified. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isObj(base) || !isObj(over) || isText(over)) return over;
  const out: Record<string, unknown> = {};
  const set = (k: string, v: unknown) => Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  for (const [k, v] of Object.entries(base)) set(k, v);
  for (const [k, v] of Object.entries(over)) set(k, Object.prototype.hasOwnProperty.call(base, k) ? deepMerge(base[k], v) : v);
  return out;
}
