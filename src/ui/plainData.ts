/**
 * Is a value plain data that can cross to the engine host unchanged (what JSON can say: objects,
 * lists, text, finite numbers, true/false, null)? Functions, symbols, BigInt, class instances,
 * cycles and absurd nesting are refused with the path of the first one, so the page API answers
 * `{ ok: false, reason }` instead of throwing a DataCloneError or silently dropping a field.
 */
export function plainDataProblem(value: unknown, maxDepth = 40, maxNodes = 400_000): string | null {
  let nodes = 0;
  const seen = new Set<object>();
  const walk = (v: unknown, path: string, depth: number): string | null => {
    if (++nodes > maxNodes) return `more than ${maxNodes} values`;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return null;
    if (typeof v === 'number') return Number.isFinite(v) ? null : `${path || 'the value'} is ${String(v)} (only finite numbers)`;
    if (typeof v !== 'object') return `${path || 'the value'} is ${v === undefined ? 'undefined' : `a ${typeof v}`} (only text, numbers, true/false, null, lists and objects)`;
    if (depth > maxDepth) return `${path} is nested more than ${maxDepth} levels deep`;
    if (seen.has(v)) return `${path || 'the value'} refers back to itself`;
    const proto = Object.getPrototypeOf(v) as unknown;
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) return `${path || 'the value'} is not a plain object`;
    seen.add(v);
    const entries: [string, unknown][] = Array.isArray(v) ? v.map((x, i) => [`[${i}]`, x]) : Object.keys(v).map((k) => [`.${k}`, (v as Record<string, unknown>)[k]]);
    for (const [k, x] of entries) {
      const p = walk(x, path + k, depth + 1);
      if (p) return p;
    }
    seen.delete(v);
    return null;
  };
  return walk(value, '', 0);
}
