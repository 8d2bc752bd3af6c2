/**
 * The map's "inbound & warehouse" box (top right of the world view): how many order lines it shows
 * and how tall it is. A growing company has dozens of orders in flight; the box lists the first few
 * and says how many more there are, so it never grows down over the region cards beneath it. Its
 * height is that of the lines it draws (it had counted every order while drawing six: a tall empty
 * box over the Nordics card). No Phaser import: tested in Node.
 */

/** Order lines listed in the box; the rest are counted in one "+N more" line. */
export const INBOUND_MAX_LINES = 3;
/** Racks drawn per row of the "waiting for power" strip. */
export const INBOUND_RACKS_PER_ROW = 16;

export interface InboundLayout {
  /** Orders listed, one line each (the first `shown` orders). */
  shown: number;
  /** Orders not listed, counted in the "+N more" line (0: no such line). */
  more: number;
  /** Box height in pixels. */
  heightPx: number;
}

/** Layout for `orders` open orders and `unpoweredRacks` racks of GPUs waiting for power. */
export function inboundLayout(orders: number, unpoweredRacks: number): InboundLayout {
  const shown = Math.min(orders, INBOUND_MAX_LINES);
  const more = orders - shown;
  const waitingPx = unpoweredRacks > 0 ? 22 + Math.ceil(unpoweredRacks / INBOUND_RACKS_PER_ROW) * 12 : 0;
  const emptyPx = orders === 0 && unpoweredRacks === 0 ? 16 : 0;
  return { shown, more, heightPx: 26 + waitingPx + shown * 24 + (more > 0 ? 16 : 0) + emptyPx };
}
