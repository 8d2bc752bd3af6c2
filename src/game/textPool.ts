/**
 * Which pooled text object to reuse for each text a redraw asks for. Changing a Phaser Text's
 * content or style re-measures it, redraws its canvas and re-uploads its texture — the map's main
 * cost at 4× speed was texts re-rendered only because the old pool took any free text on a miss
 * (a style change and a content change, and the next text then missed too). Resolved in three
 * passes over all requests of a redraw: (1) same content and style — nothing to do; (2) same
 * style — one content change; (3) any free object, or a new one. No Phaser import (unit-tested).
 */
export interface TextRequest { key: string; style: string }

export interface Assignment<T> {
  item: T | null;
  /** 'same': reuse as is; 'text': set the content; 'style': set style and content; 'new': create one. */
  change: 'same' | 'text' | 'style' | 'new';
}

export function assignTexts<T>(free: { item: T; key: string; style: string }[], requests: TextRequest[]): Assignment<T>[] {
  const out: Assignment<T>[] = new Array(requests.length);
  const used = new Array<boolean>(free.length).fill(false);
  const byKey = new Map<string, number[]>();
  const byStyle = new Map<string, number[]>();
  free.forEach((f, i) => {
    (byKey.get(f.key) ?? byKey.set(f.key, []).get(f.key)!).push(i);
    (byStyle.get(f.style) ?? byStyle.set(f.style, []).get(f.style)!).push(i);
  });
  const take = (list: number[] | undefined): number => {
    while (list && list.length) { const i = list.pop()!; if (!used[i]) { used[i] = true; return i; } }
    return -1;
  };
  const pending: number[] = [];
  requests.forEach((r, j) => {
    const i = take(byKey.get(r.key));
    if (i >= 0) out[j] = { item: free[i]!.item, change: 'same' };
    else pending.push(j);
  });
  const rest: number[] = [];
  for (const j of pending) {
    const i = take(byStyle.get(requests[j]!.style));
    if (i >= 0) out[j] = { item: free[i]!.item, change: 'text' };
    else rest.push(j);
  }
  let k = 0;
  for (const j of rest) {
    while (k < free.length && used[k]) k++;
    if (k < free.length) { used[k] = true; out[j] = { item: free[k]!.item, change: 'style' }; }
    else out[j] = { item: null, change: 'new' };
  }
  return out;
}
