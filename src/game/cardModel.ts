/**
 * What a region card on the map holds and how big it is: a list of drawing operations relative to
 * the card's top-left corner, and the card's size, computed from the texts as measured in the font
 * they are drawn in. A card is as wide as its region's name needs (within a maximum; longer names
 * wrap), every line is broken to fit the card, and the card's height is the sum of what it draws —
 * so no text runs past its card. Three levels of detail: when the cards do not fit the view at one,
 * the scene asks for the next (smaller racks, then a utilisation bar; sites being built listed,
 * then counted). No Phaser import: tested in Node (test/game/cardModel.test.ts).
 */
import { PALETTE } from './palette.ts';
import { wrapText } from './cardLayout.ts';
import type { IconName } from './assets.ts';

export type Op =
  | { t: 'text'; dx: number; dy: number; s: string; size: number; color: string; bold: boolean }
  | { t: 'icon'; name: IconName; dx: number; dy: number; size: number }
  | { t: 'racks'; dx: number; dy: number; n: number; lit: number; perRow: number; rw: number; rh: number; gap: number }
  | { t: 'build'; dx: number; dy: number; w: number; progress: number }
  | { t: 'meter'; dx: number; dy: number; w: number; share: number; kind: 'power' | 'rented' };

export interface CardModel { w: number; h: number; ops: Op[] }

/**
 * 0: full racks, up to two sites being built listed; 1: small racks, one listed; 2: a rented bar,
 * sites being built counted; 3: the power meter alone (the region card open beside a late game at
 * 1280×720: the rest is in the card and the panels).
 */
export type Detail = 0 | 1 | 2 | 3;
export const DETAILS: Detail[] = [0, 1, 2, 3];

/** Width of `s` drawn at `size` px (bold or not) in the map's font. */
export type MeasureFont = (s: string, size: number, bold: boolean) => number;

/** Racks drawn per row at full detail, their size and gap (px). */
export const RACKS_PER_ROW = 12;
const RACK = { w: 9, h: 15, gap: 3 };
const SMALL_RACK = { w: 6, h: 10, gap: 2 };
/** Padding inside a card (px). */
const PAD = 9;
/** Narrowest full card: a row of racks and its padding. */
export const CARD_MIN_W = RACKS_PER_ROW * (RACK.w + RACK.gap) + 2 * PAD;
/** Widest card: a longer region name wraps. */
export const CARD_MAX_W = 236;
const MARKER_MIN_W = 84;
const MARKER_MAX_W = 200;
const ICON_PX = 16;
const ICON_STEP = 20;
const BUILD_COLOR = '#ffb86b';
const METER_COLOR = '#b8f5cf';
const CURTAIL_COLOR = '#ffa24c';

/** A full card's contents (texts already in the player's language). */
export interface FullCardInput {
  name: string;
  /** Icons of the kinds of site the player has here. */
  kinds: IconName[];
  /** "$66/MWh · 56,330 GPUs" */
  line: string;
  /** "CURTAILED" when power is cut here, else null. */
  curtailed: string | null;
  racks: number;
  litRacks: number;
  /** Shown instead of racks when there are none. */
  noGpus: string;
  /** Sites being built or waiting for the grid: label and progress 0–1. */
  builds: { label: string; progress: number }[];
  /** "+N more being built" */
  buildingMore: (count: number) => string;
  /** "N sites being built" */
  buildingCount: (count: number) => string;
  /** "179.3/208 MW" and the share used. */
  meterText: string;
  meterShare: number;
  /** "94% rented" and the share (detail 2's bar instead of racks). */
  rentedText: string;
  rentedShare: number;
}

/** Lines of `s` at `size` px that fit `maxW`, with the texts to draw from (dx, dy), `lineH` apart. */
function lines(ops: Op[], s: string, dx: number, dy: number, maxW: number, size: number, bold: boolean, color: string, lineH: number, measure: MeasureFont): number {
  const ls = wrapText(s, maxW, (x) => measure(x, size, bold));
  ls.forEach((l, i) => ops.push({ t: 'text', dx, dy: dy + i * lineH, s: l, size, color, bold }));
  return ls.length * lineH;
}

/** A card for a region where the player has sites. */
export function fullCard(inp: FullCardInput, detail: Detail, measure: MeasureFont): CardModel {
  const ops: Op[] = [];
  const iconsW = inp.kinds.length * ICON_STEP + 4;
  const nameW = measure(inp.name, 13, true);
  const w = Math.ceil(Math.min(CARD_MAX_W, Math.max(CARD_MIN_W, nameW + 2 * PAD + iconsW)));
  const inner = w - 2 * PAD;
  inp.kinds.forEach((k, i) => ops.push({ t: 'icon', name: k, dx: w - 22 - i * ICON_STEP, dy: 5, size: ICON_PX }));
  let y = 6;
  y += lines(ops, inp.name, PAD, y, inner - iconsW, 13, true, PALETTE.text, 16, measure);
  y += lines(ops, inp.line, PAD, y, inner, 10, false, PALETTE.muted, 14, measure);
  if (inp.curtailed) y += lines(ops, inp.curtailed, PAD, y, inner, 9, true, CURTAIL_COLOR, 12, measure);
  y += 4;
  // Racks: lit when rented, dark when idle (detail 2: one bar, the rented share).
  if (detail === 3) {
    // Power meter only.
  } else if (detail === 2) {
    y += meter(ops, inp.rentedText, inp.rentedShare, 'rented', y, inner, measure);
  } else if (inp.racks === 0) {
    y += lines(ops, inp.noGpus, PAD, y, inner, 10, false, PALETTE.muted, 14, measure) + 4;
  } else {
    const r = detail === 0 ? RACK : SMALL_RACK;
    const perRow = Math.max(1, Math.floor((inner + r.gap) / (r.w + r.gap)));
    const rows = Math.ceil(inp.racks / perRow);
    ops.push({ t: 'racks', dx: PAD, dy: y, n: inp.racks, lit: inp.litRacks, perRow, rw: r.w, rh: r.h, gap: r.gap });
    y += rows * (r.h + r.gap);
  }
  y += 2;
  // Sites being built: two (detail 0) or one (detail 1) listed with their progress, the rest counted.
  const listed = detail === 0 ? 2 : detail === 1 ? 1 : 0;
  const shown = inp.builds.length <= listed + 1 && detail < 2 ? inp.builds.length : Math.min(listed, inp.builds.length);
  for (const b of inp.builds.slice(0, shown)) {
    y += lines(ops, b.label, PAD, y, inner, 9, true, BUILD_COLOR, 11, measure);
    ops.push({ t: 'build', dx: PAD, dy: y + 1, w: inner, progress: b.progress });
    y += 9;
  }
  const rest = detail === 3 ? 0 : inp.builds.length - shown;
  if (rest > 0) y += lines(ops, shown === 0 ? inp.buildingCount(rest) : inp.buildingMore(rest), PAD, y, inner, 9, true, BUILD_COLOR, 11, measure) + 2;
  y += meter(ops, inp.meterText, inp.meterShare, 'power', y, inner, measure);
  return { w, h: y + 4, ops };
}

/** A labelled bar (power used, or GPUs rented): the label, then the bar beside it or under it when the label is long. */
function meter(ops: Op[], label: string, share: number, kind: 'power' | 'rented', y: number, inner: number, measure: MeasureFont): number {
  const labelW = measure(label, 10, true);
  const barX = Math.max(74, Math.ceil(labelW) + 8);
  if (inner - barX >= 40) {
    ops.push({ t: 'text', dx: PAD, dy: y + 3, s: label, size: 10, color: METER_COLOR, bold: true });
    ops.push({ t: 'meter', dx: PAD + barX, dy: y + 6, w: inner - barX, share, kind });
    return 20;
  }
  const h = lines(ops, label, PAD, y + 3, inner, 10, true, METER_COLOR, 13, measure);
  ops.push({ t: 'meter', dx: PAD, dy: y + 5 + h, w: inner, share, kind });
  return h + 17;
}

/** A small card for a region where the player has no site: its name and electricity price. */
export function markerCard(name: string, line: string, curtailed: string | null, measure: MeasureFont): CardModel {
  const ops: Op[] = [];
  const lineW = measure(line, 10, false) + (curtailed ? measure(curtailed, 9, true) + 8 : 0);
  const w = Math.ceil(Math.min(MARKER_MAX_W, Math.max(MARKER_MIN_W, measure(name, 11, true) + 2 * PAD, lineW + 2 * PAD)));
  const inner = w - 2 * PAD;
  let y = 6;
  y += lines(ops, name, PAD, y, inner, 11, true, PALETTE.text, 14, measure);
  ops.push({ t: 'text', dx: PAD, dy: y, s: line, size: 10, color: PALETTE.muted, bold: false });
  if (curtailed) {
    const cx = PAD + Math.ceil(measure(line, 10, false)) + 8;
    if (cx + measure(curtailed, 9, true) <= w - PAD) ops.push({ t: 'text', dx: cx, dy: y, s: curtailed, size: 9, color: CURTAIL_COLOR, bold: true });
    else { y += 14; ops.push({ t: 'text', dx: PAD, dy: y, s: curtailed, size: 9, color: CURTAIL_COLOR, bold: true }); }
  }
  return { w, h: y + 14, ops };
}
