/**
 * Where the map's region cards go, and how a card's text is broken into lines that fit it.
 * No Phaser import: tested in Node (test/game/cardLayout.test.ts).
 *
 * Late in a game every region holds a full card (racks, sites being built, power meter) and the
 * view is small (1280×720: about 820 × 260 px between the ticker and the legends). Pushing
 * overlapping cards apart (the old relaxation) left them on top of each other when there was no
 * room; here each card takes the free spot nearest its region, and when some card finds none the
 * caller draws the cards smaller (`placeCards` returns null) and asks again.
 */

/** A rectangle in CSS pixels of the world view. */
export interface Rect { x: number; y: number; w: number; h: number }

/** A card to place: its size and its region's anchor on the map. */
export interface CardSpec { id: string; ax: number; ay: number; w: number; h: number }

/** Pixels kept between two cards, and between a card and an obstacle. */
export const CARD_GAP_PX = 6;
/**
 * Grid step of the positions tried (the card's preferred spot and the area's edges are tried too).
 * 12 px: a card lands at most 6 px from where a finer grid would put it, and a placement that finds
 * no spot clear of every anchor scans a quarter of the candidates a 6 px grid had (those scans were
 * the last main-thread tasks over 50 ms in a whole game at 4×).
 */
export const STEP_PX = 12;
/** Cost of covering a soft obstacle (a region's anchor or its rivals' discs): more than any distance on screen. */
const SOFT_COST = 5000;
/** Cost of overlapping a card already placed (only when overlaps are allowed: the last resort). */
const OVERLAP_COST = 50_000;

/** True when `a` and `b` overlap or come closer than `gap` pixels. */
export function overlaps(a: Rect, b: Rect, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

/** Positions from `lo` to `hi` (inclusive) every `step`, plus `hi` and `want` when inside. */
export function positions(lo: number, hi: number, want: number): number[] {
  if (hi < lo) return [];
  const out: number[] = [];
  for (let v = lo; v < hi; v += STEP_PX) out.push(v);
  out.push(hi);
  if (want > lo && want < hi) out.push(want);
  return out;
}

/** How many of `xs` from the start are in increasing order (the grid; extra spots are appended after it). */
function sortedPrefix(xs: number[]): number {
  let n = xs.length > 0 ? 1 : 0;
  while (n < xs.length && xs[n]! > xs[n - 1]!) n++;
  return n;
}

/**
 * Place `cards` in order, each at the spot nearest its preferred one (right of its anchor,
 * centred on it; or left of it) that lies inside `area`, keeps `CARD_GAP_PX` from every `hard`
 * obstacle and every card placed before, and covers as few `soft` obstacles as it can.
 * Returns the rectangles in the order given, or null when a card finds no such spot.
 * With `allowOverlap` a card that finds no free spot takes the least-overlapping one (never null).
 */
export function placeCards(cards: CardSpec[], area: Rect, hard: Rect[], soft: Rect[], allowOverlap = false): Rect[] | null {
  const placed: Rect[] = [];
  for (const c of cards) {
    const right = { x: c.ax + 18, y: c.ay - c.h / 2 };
    const left = { x: c.ax - 18 - c.w, y: right.y };
    const xs = positions(area.x, area.x + area.w - c.w, right.x);
    if (left.x > area.x && left.x < area.x + area.w - c.w) xs.push(left.x);
    const ys = positions(area.y, area.y + area.h - c.h, right.y);
    // The cheapest candidate: its distance to the nearer preferred spot, plus the soft obstacles it
    // covers (and, as a last resort, the cards it overlaps); ties go to the first in grid order (rows
    // top to bottom, each left to right). Rows are visited nearest the preferred height first, so a
    // free spot near the region is found early and every row farther away than its cost is skipped
    // (a sorted list of every candidate made each placement cost 40–180 ms, a long task at 4×).
    let best: Rect | null = null;
    let bestCost = Infinity;
    let bestIdx = Infinity;
    const r = { x: 0, y: 0, w: c.w, h: c.h };
    const rows = ys.map((y, i) => ({ y, i, dy: Math.min(Math.abs(y - right.y), Math.abs(y - left.y)) })).sort((a, b) => a.dy - b.dy || a.i - b.i);
    // What blocks a spot outright: the hard obstacles, and the cards placed before unless overlaps
    // are allowed. In a row, each one that reaches the row's band blocks the xs strictly between
    // `lo` and `hi` (the same test as `overlaps` with the gap); the grid's xs run in order, so a row
    // jumps over a blocked stretch instead of testing each x in it (a card with no free spot made
    // every level's placement scan the whole grid: 40–70 ms, the last long tasks at 4×).
    const blockers = allowOverlap ? hard : [...hard, ...placed];
    const sortedUpTo = sortedPrefix(xs);
    const lo: number[] = [];
    const hi: number[] = [];
    for (const { y, i: yi, dy } of rows) {
      if (dy > bestCost) break;
      lo.length = 0; hi.length = 0;
      for (const o of blockers) {
        if (y < o.y + o.h + CARD_GAP_PX && o.y < y + c.h + CARD_GAP_PX) { lo.push(o.x - CARD_GAP_PX - c.w); hi.push(o.x + o.w + CARD_GAP_PX); }
      }
      const dyR = y - right.y, dyL = y - left.y;
      for (let xi = 0; xi < xs.length; xi++) {
        const x = xs[xi]!;
        let blockedTo = -Infinity;
        for (let k = 0; k < lo.length; k++) if (lo[k]! < x && x < hi[k]! && hi[k]! > blockedTo) blockedTo = hi[k]!;
        if (blockedTo !== -Infinity) {
          // Skip the rest of the sorted stretch that is still blocked by the same obstacle.
          if (xi < sortedUpTo) while (xi + 1 < sortedUpTo && xs[xi + 1]! < blockedTo) xi++;
          continue;
        }
        const dxR = x - right.x, dxL = x - left.x;
        const d = Math.min(Math.sqrt(dxR * dxR + dyR * dyR), Math.sqrt(dxL * dxL + dyL * dyL) + 12);
        if (d > bestCost) continue;
        const idx = yi * xs.length + xi;
        r.x = x; r.y = y;
        let cost = d;
        if (allowOverlap) for (const o of placed) if (overlaps(r, o, CARD_GAP_PX)) cost += OVERLAP_COST;
        if (cost > bestCost) continue;
        for (const o of soft) if (overlaps(r, o)) cost += SOFT_COST;
        if (cost < bestCost || (cost === bestCost && idx < bestIdx)) { bestCost = cost; bestIdx = idx; best = { x, y, w: c.w, h: c.h }; }
      }
    }
    if (!best) {
      if (!allowOverlap) return null;
      // Not even a spot clear of the hard obstacles (a view smaller than a card): its preferred spot, kept inside.
      best = { x: Math.max(area.x, Math.min(right.x, area.x + area.w - c.w)), y: Math.max(area.y, Math.min(right.y, area.y + area.h - c.h)), w: c.w, h: c.h };
    }
    placed.push(best);
  }
  return placed;
}

/** Width of a text in pixels (the caller measures with the font it draws in). */
export type Measure = (s: string) => number;

/**
 * Break `s` into lines no wider than `maxW`: at spaces, and between CJK characters; a single
 * word wider than the line is broken between characters (never cut off: every character is drawn).
 */
export function wrapText(s: string, maxW: number, measure: Measure): string[] {
  if (measure(s) <= maxW) return [s];
  // Lines made of whole " · " parts first ("BUILDING colocation · 47.2 MW · 80%" breaks between
  // its figures, never between a number and its unit); a part wider than the line is wrapped by words.
  const parts = s.split(' · ');
  if (parts.length > 1) {
    const out: string[] = [];
    let line = '';
    for (const part of parts) {
      const next = line ? `${line} · ${part}` : part;
      if (measure(next) <= maxW) { line = next; continue; }
      if (line) out.push(`${line} ·`);
      if (measure(part) <= maxW) line = part;
      else { const ws = wrapWords(part, maxW, measure); out.push(...ws.slice(0, -1)); line = ws[ws.length - 1] ?? ''; }
    }
    if (line) out.push(line);
    // A line ending in " ·" must fit too; when it does not, wrap the whole text by words.
    if (out.every((l) => measure(l) <= maxW)) return out;
  }
  return wrapWords(s, maxW, measure);
}

function wrapWords(s: string, maxW: number, measure: Measure): string[] {
  // Tokens: runs of non-space non-CJK characters, single CJK characters, and spaces.
  const tokens = s.match(/[\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef][\u3001\u3002\uff0c\uff09\uff1a\uff1b]?|\s+|[^\s\u3000-\u303f\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]+/g) ?? [s];
  const lines: string[] = [];
  let line = '';
  const push = () => { if (line.trim()) lines.push(line.trimEnd()); line = ''; };
  for (const tok of tokens) {
    if (/^\s+$/.test(tok)) { if (line) line += tok; continue; }
    if (measure(line + tok) <= maxW) { line += tok; continue; }
    if (line.trim()) push();
    if (measure(tok) <= maxW) { line = tok; continue; }
    // A word wider than the line: break it between characters.
    for (const ch of tok) {
      if (line && measure(line + ch) > maxW) push();
      line += ch;
    }
  }
  push();
  return lines.length ? lines : [s];
}


/** Cost of drawing the cards one level of detail smaller, in pixels of leader line. */
const DETAIL_COST_PX = 120;
/** Cost of a card covering an anchor or a row of rival discs, in pixels of leader line (more than a level of detail). */
const COVER_COST_PX = 400;
/** A placement whose longest leader line is at most this long is taken without trying smaller cards. */
const CLOSE_ENOUGH_PX = 40;

/** Length of the leader line from a card's anchor to its nearest edge (0 when the anchor is inside). */
function leaderPx(c: CardSpec, r: Rect): number {
  const dx = Math.max(r.x - c.ax, 0, c.ax - (r.x + r.w));
  const dy = Math.max(r.y - c.ay, 0, c.ay - (r.y + r.h));
  return Math.hypot(dx, dy);
}

/**
 * Place the cards at the first of `levels` (the same cards drawn at decreasing detail) where the
 * placement is close enough, else at the best: each level is tried with the cards placed in a few
 * orders (largest first, west to east, east to west, north to south) — the greedy placement gives
 * the first cards the spots nearest their regions — and a placement costs the total length of its
 * leader lines plus the longest one, plus `DETAIL_COST_PX` a level and `COVER_COST_PX` for each
 * anchor or row of rival discs a card covers. When no level fits, the
 * smallest cards are placed with the least overlap. Returns the level and the rectangles (in the
 * order of the cards).
 */
export function arrangeCards(levels: CardSpec[][], area: Rect, hard: Rect[], soft: Rect[]): { detail: number; rects: Rect[] } {
  let best: { detail: number; rects: Rect[]; cost: number } | null = null;
  for (let d = 0; d < levels.length; d++) {
    const cards = levels[d]!;
    const idx = cards.map((_, i) => i);
    const orders = [
      [...idx].sort((i, j) => cards[j]!.w * cards[j]!.h - cards[i]!.w * cards[i]!.h || i - j),
      [...idx].sort((i, j) => cards[i]!.ax - cards[j]!.ax || i - j),
      [...idx].sort((i, j) => cards[j]!.ax - cards[i]!.ax || i - j),
      [...idx].sort((i, j) => cards[i]!.ay - cards[j]!.ay || i - j),
    ];
    const seen = new Set<string>();
    for (const order of orders) {
      const key = order.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      const placed = placeCards(order.map((i) => cards[i]!), area, hard, soft);
      if (!placed) continue;
      const rects: Rect[] = [];
      order.forEach((i, k) => { rects[i] = placed[k]!; });
      const leaders = cards.map((c, i) => leaderPx(c, rects[i]!));
      const covered = rects.reduce((n, r) => n + soft.filter((o) => overlaps(r, o)).length, 0);
      const cost = leaders.reduce((a, b) => a + b, 0) + Math.max(0, ...leaders) + d * DETAIL_COST_PX + covered * COVER_COST_PX;
      if (!best || cost < best.cost) best = { detail: d, rects, cost };
    }
    if (best && best.detail === d) {
      // Every card by its region, covering nothing: smaller cards would not be worth it.
      const leaders = cards.map((c, i) => leaderPx(c, best!.rects[i]!));
      const covered = best.rects.some((r) => soft.some((o) => overlaps(r, o)));
      if (!covered && Math.max(0, ...leaders) <= CLOSE_ENOUGH_PX) break;
    }
  }
  if (best) return { detail: best.detail, rects: best.rects };
  const last = levels.length - 1;
  return { detail: last, rects: placeCards(levels[last]!, area, hard, soft, true)! };
}
