/** "Did you mean …?" — the closest known name to a misspelt one. */

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length > 64 || b.length > 64) return Math.abs(a.length - b.length) + 64;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

/**
 * The known name closest to `name`, or undefined when nothing is close enough.
 * Case differences count little; a known name that starts with the given one (a forgotten unit
 * suffix: `cash` → `cashUsd`) counts as close.
 */
export function closest(name: string, known: Iterable<string>): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const k of known) {
    if (k === name) continue;
    const kl = k.toLowerCase();
    let score: number;
    if (kl === lower) score = 0.1;
    else if (lower.length >= 3 && (kl.startsWith(lower) || lower.startsWith(kl))) score = 0.5 + Math.abs(kl.length - lower.length) / 10;
    else score = editDistance(lower, kl);
    if (score < bestScore) {
      bestScore = score;
      best = k;
    }
  }
  const limit = Math.max(2, Math.floor(name.length / 3));
  return bestScore <= limit ? best : undefined;
}

export function didYouMean(name: string, known: Iterable<string>): string {
  const c = closest(name, known);
  return c === undefined ? '' : ` Did you mean ${JSON.stringify(c)}?`;
}
