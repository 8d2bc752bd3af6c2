/** The game's palette (shared by the Phaser world view and DOM legends; no Phaser import here). */
export const PALETTE = {
  bg: 0x050914,
  bgTop: 0x0a1330,
  land: 0x1d2a52,
  landHi: 0x2a3c72,
  grid: 0x0f1a3a,
  card: 0x0e1633,
  cardEdge: 0x2a3a75,
  cardSel: 0x2fe0c0,
  text: '#e8edff',
  muted: '#93a0c8',
  accent: 0x2fe0c0,
  rented: 0xffc857,
  rentedGlow: 0xffb020,
  idle: 0x18214a,
  idleEdge: 0x3a4a8a,
  unpowered: 0x6b7080,
  unpoweredEdge: 0x9aa0b0,
  building: 0xffa24c,
  power: 0x62e89a,
  powerWarn: 0xffa24c,
  powerBad: 0xff6b81,
  delivery: 0x7df9ff,
} as const;

/** Rival colours: distinct hues, always paired with a letter so colour is never the only signal. */
export const RIVAL_COLORS = [0xff6b81, 0x5ac8fa, 0xa58bff, 0x62e89a, 0xf15bb5, 0xffa24c, 0xc0ca33, 0x4dd0e1];

export function rivalColor(index: number): number {
  return RIVAL_COLORS[(index - 1 + RIVAL_COLORS.length) % RIVAL_COLORS.length]!;
}
export function rivalColorCss(index: number): string {
  return '#' + rivalColor(index).toString(16).padStart(6, '0');
}
export function rivalLetter(name: string): string {
  return (name.trim()[0] ?? '?').toUpperCase();
}
export const css = (c: number): string => '#' + c.toString(16).padStart(6, '0');

const RACK_UNITS = [8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32768];
/** GPUs per drawn rack: the smallest unit that keeps the player's fleet to at most 72 racks on the map. */
export function rackUnit(gpusOwned: number): number {
  return RACK_UNITS.find((u) => gpusOwned / u <= 72) ?? RACK_UNITS[RACK_UNITS.length - 1]!;
}
