/** Paths into a scenario, written the way a teacher reads them: `company.debt[1].annualRatePct`. */
export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (PLAIN_KEY.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

/** Walk `path` inside plain JSON data (own properties only). Never throws. */
function walk(root: unknown, path: readonly PathSegment[]): { found: boolean; value: unknown } {
  let cur: unknown = root;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return { found: false, value: undefined };
    if (!Object.prototype.hasOwnProperty.call(cur, seg)) return { found: false, value: undefined };
    cur = (cur as Record<string | number, unknown>)[seg];
  }
  return { found: true, value: cur };
}

/** The value at `path` inside plain JSON data, or undefined. Never throws. */
export function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  return walk(root, path).value;
}

export function hasPath(root: unknown, path: readonly PathSegment[]): boolean {
  return walk(root, path).found;
}

/** A short description of a found value, for "expected …, found …" messages. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing (the field is missing)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
  switch (typeof v) {
    case 'string': {
      const s = v.length > 40 ? `${v.slice(0, 37)}...` : v;
      return `the text ${JSON.stringify(s)}`;
    }
    case 'number':
      return Number.isFinite(v) ? `the number ${v}` : `the number ${String(v)} (not finite)`;
    case 'boolean':
      return `${v}`;
    case 'object':
      return 'an object';
    default:
      return `a ${typeof v}`;
  }
}
