/** Paths of the first few NaN/Infinity numbers anywhere inside a value (objects, arrays, maps, sets). */
export function nonFinite(v: unknown, path = '', out: string[] = [], seen = new Set<unknown>()): string[] {
  if (out.length > 5) return out;
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) out.push(path || '(root)');
  } else if (v && typeof v === 'object' && !seen.has(v)) {
    seen.add(v);
    if (v instanceof Map) for (const [k, x] of v) nonFinite(x, `${path}<${String(k)}>`, out, seen);
    else if (v instanceof Set) for (const x of v) nonFinite(x, `${path}{}`, out, seen);
    else for (const [k, x] of Object.entries(v)) nonFinite(x, `${path}.${k}`, out, seen);
  }
  return out;
}
