/**
 * Where a region's row of rival discs goes on the map: one disc per rival present, led by the
 * rivals' icon, centred under the region's anchor — moved sideways so that the whole row stays
 * inside the map, and drawn above the anchor when below it would run under the legends at the
 * bottom or over another region's row (Node-tested: test/game/discRow.test.ts).
 */
import type { Rect } from './cardLayout.ts';

/** Distance between the centres of two discs in a row (CSS px). */
export const DISC_STEP_PX = 24;
/** The row's centre line below (or above) the region's anchor (CSS px). */
export const DISC_ROW_OFFSET_PX = 24;
/** The largest disc's radius with its halo (radius ≤ 11 plus a 3 px ring). */
export const DISC_MAX_EXTENT_PX = 14;
/** The rivals' icon: its left edge this far left of the first disc's centre, and its size. */
export const DISC_ICON_LEAD_PX = 30;
export const DISC_ICON_PX = 14;
/** How far a row may move sideways from under its anchor to keep clear of another region's row. */
const MAX_SHIFT_PX = 96;
/** Room kept between the row and the map's edges. */
const EDGE_PX = 2;

/** A row's place: each disc's centre, the icon's top-left corner and the box around it all. */
export interface DiscRow { xs: number[]; y: number; icon: { x: number; y: number }; box: Rect }

/**
 * The row of `count` discs for the anchor (ax, ay) in a map `widthPx` wide whose free part ends at
 * `bottomPx` (the legends lie below it): below the anchor when it fits there clear of `avoid` (the
 * rows of the regions placed before), else above it, else moved sideways just clear of the row in
 * its way; when nothing is clear, centred below (or above when below does not fit). `null` when no
 * rival is present.
 */
export function discRow(ax: number, ay: number, count: number, widthPx: number, bottomPx: number, avoid: readonly Rect[] = []): DiscRow | null {
  if (count <= 0) return null;
  const span = (count - 1) * DISC_STEP_PX;
  const w = DISC_ICON_LEAD_PX + span + DISC_MAX_EXTENT_PX;
  // Inside [EDGE, widthPx − EDGE] (the left edge wins if the map is too narrow).
  const inside = (x: number) => Math.max(EDGE_PX, Math.min(x, widthPx - EDGE_PX - w));
  const base = inside(ax - span / 2 - DISC_ICON_LEAD_PX); // centred under the anchor
  const box = (x: number, y: number): Rect => ({ x, y: y - DISC_MAX_EXTENT_PX, w, h: 2 * DISC_MAX_EXTENT_PX });
  const clear = (r: Rect) => avoid.every((o) => r.x >= o.x + o.w || o.x >= r.x + r.w || r.y >= o.y + o.h || o.y >= r.y + r.h);
  const below = ay + DISC_ROW_OFFSET_PX, above = ay - DISC_ROW_OFFSET_PX;
  const ys = [...(below + DISC_MAX_EXTENT_PX <= bottomPx ? [below] : []), ...(above - DISC_MAX_EXTENT_PX >= EDGE_PX ? [above] : [])];
  if (ys.length === 0) ys.push(below);
  // Centred below, centred above; then moved sideways just clear of a row in the way (the smallest
  // move first, at most MAX_SHIFT_PX); else centred where it fits.
  const tries: { x: number; y: number }[] = ys.map((y) => ({ x: base, y }));
  const moves = ys.flatMap((y) => avoid.flatMap((o) => [inside(o.x + o.w), inside(o.x - w)].map((x) => ({ x, y }))))
    .filter((c) => Math.abs(c.x - base) <= MAX_SHIFT_PX)
    .sort((a, b) => Math.abs(a.x - base) - Math.abs(b.x - base));
  const spot = [...tries, ...moves].find((c) => clear(box(c.x, c.y))) ?? tries[0]!;
  const left = spot.x, y = spot.y;
  const first = left + DISC_ICON_LEAD_PX;
  return {
    xs: Array.from({ length: count }, (_, i) => first + i * DISC_STEP_PX),
    y,
    icon: { x: left, y: y - DISC_ICON_PX / 2 },
    box: box(left, y),
  };
}
