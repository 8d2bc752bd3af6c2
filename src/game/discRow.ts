/**
 * Where a region's row of rival discs goes on the map: one disc per rival present, led by the
 * rivals' icon, centred under the region's anchor — moved sideways so that the whole row stays
 * inside the map, and drawn above the anchor when below it would run under the legends at the
 * bottom (Node-tested: test/game/discRow.test.ts).
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
/** Room kept between the row and the map's edges. */
const EDGE_PX = 2;

/** A row's place: each disc's centre, the icon's top-left corner and the box around it all. */
export interface DiscRow { xs: number[]; y: number; icon: { x: number; y: number }; box: Rect }

/**
 * The row of `count` discs for the anchor (ax, ay) in a map `widthPx` wide whose free part ends at
 * `bottomPx` (the legends lie below it). `null` when no rival is present.
 */
export function discRow(ax: number, ay: number, count: number, widthPx: number, bottomPx: number): DiscRow | null {
  if (count <= 0) return null;
  const span = (count - 1) * DISC_STEP_PX;
  const w = DISC_ICON_LEAD_PX + span + DISC_MAX_EXTENT_PX;
  // Centred under the anchor, then inside [EDGE, widthPx − EDGE] (the left edge wins if the map is too narrow).
  let left = ax - span / 2 - DISC_ICON_LEAD_PX;
  left = Math.min(left, widthPx - EDGE_PX - w);
  left = Math.max(left, EDGE_PX);
  const below = ay + DISC_ROW_OFFSET_PX;
  const y = below + DISC_MAX_EXTENT_PX <= bottomPx || ay - DISC_ROW_OFFSET_PX - DISC_MAX_EXTENT_PX < EDGE_PX ? below : ay - DISC_ROW_OFFSET_PX;
  const first = left + DISC_ICON_LEAD_PX;
  return {
    xs: Array.from({ length: count }, (_, i) => first + i * DISC_STEP_PX),
    y,
    icon: { x: left, y: y - DISC_ICON_PX / 2 },
    box: { x: left, y: y - DISC_MAX_EXTENT_PX, w, h: 2 * DISC_MAX_EXTENT_PX },
  };
}
