/**
 * The world view: a dotted world map, one card per region where the player operates (racks lit
 * when rented, dark when idle; power meter; construction progress), small markers for other
 * regions, rivals' presence, GPUs waiting for power, and deliveries flying in.
 * Reads snapshots from the UI store; never touches the engine.
 */
import * as Phaser from 'phaser';
import type { Snapshot, RegionView } from '../store/snapshot.ts';
import { PALETTE, rivalColor, rivalLetter, css, rackUnit } from './palette.ts';
import { drawLand, project, type View } from './land.ts';
import { mapMsg, type MapMsgId } from './messages.ts';
import { inboundLayout, INBOUND_RACKS_PER_ROW } from './inboundBox.ts';
import { ICONS, siteIcon, type IconName } from './assets.ts';
import { arrangeCards, type Rect } from './cardLayout.ts';
import { discRow, DISC_ICON_PX } from './discRow.ts';
import { fullCard, markerCard, DETAILS, type Detail, type FullCardInput, type MeasureFont, type Op } from './cardModel.ts';

/** A region's card on the map, in CSS pixels of the world view (the DOM layer puts its button there). */
export interface MapCard { id: string; x: number; y: number; w: number; h: number; ax: number; ay: number; full: boolean }
/** A rival's disc near a region anchor. */
export interface MapDisc { regionId: string; rivalIndex: number; x: number; y: number; r: number }
/** A text drawn on the map: what, where (left, top; CSS px of the world view), its font, and the card ('inbound' for the inbound box) it belongs to. */
export interface MapText { owner: string; s: string; x: number; y: number; size: number; font: string }
/** What else a redraw reports: the texts inside cards and the inbound box, the inbound box, the level of detail the cards were drawn at. */
export interface MapExtras { texts: MapText[]; inbound: Rect; detail: Detail; lang: string; week: number; view: { w: number; h: number } }

export interface WorldBridge {
  getSnapshot(): Snapshot | null;
  subscribe(cb: () => void): () => void;
  lang(): 'en' | 'zh-CN';
  /** The region open on the map (its card is outlined), or null. */
  selectedRegion(): string | null;
  selectRegion(id: string): void;
  /** Called after each redraw with where the cards, rival discs and texts are. */
  onLayout(cards: MapCard[], discs: MapDisc[], extras: MapExtras | null): void;
  /** Short archetype label of a strategy id, in the current language. */
  archetype(strategy: string): string;
  /** CSS pixels at the bottom of the view covered by the DOM legends (cards stay above them). */
  reservedBottomPx(): number;
  /** CSS pixels at the right of the view covered by the open region card: the regions are fitted into the rest. */
  reservedRightPx(): number;
  /** DOM boxes over the view (the market ticker), in CSS pixels of the view: the cards keep clear of them. */
  reservedRects(): Rect[];
}

type Card = MapCard;
interface LitRack { x: number; y: number; phase: number }

const FONT = "'Inter','Segoe UI',system-ui,'Noto Sans CJK SC','Noto Sans SC',sans-serif";

export class WorldScene extends Phaser.Scene {
  private bridge!: WorldBridge;
  private landKey = 'land';
  private labelKey = 'labels';
  private landImage: Phaser.GameObjects.Image | null = null;
  private landCanvas: HTMLCanvasElement | null = null;
  private gfx!: Phaser.GameObjects.Graphics;
  private fx!: Phaser.GameObjects.Graphics;
  /** Every text of the map, drawn in one canvas at each redraw (see `placeTexts`). */
  private labels: Phaser.Textures.CanvasTexture | null = null;
  private labelImage: Phaser.GameObjects.Image | null = null;
  private wanted: { x: number; y: number; s: string; size: number; color: string; bold: boolean; centred: boolean; owner: string | null }[] = [];
  /** Texts drawn in cards and the inbound box at the last redraw (reported with the layout). */
  private drawnTexts: MapText[] = [];
  /** A 2D context to measure texts with, and the widths measured (by font and text). */
  private measureCtx: CanvasRenderingContext2D | null = null;
  private widths = new Map<string, number>();
  /** The cards' places and level of detail, kept while their sizes, anchors and obstacles stay the same (`placedKey`). */
  private placed: { detail: Detail; rects: Rect[] } | null = null;
  private placedKey = '';
  private icons: Phaser.GameObjects.Image[] = [];
  private iconPool: Phaser.GameObjects.Image[] = [];
  private view: View = { x0: 0, y0: 0, scale: 1, width: 1, height: 1 };
  private dirty = true;
  private lastBuild = 0;
  /** The right margin the view was last fitted with (the open region card's width). */
  private reservedRight = 0;
  /** A re-fit of the view (after a resize) is scheduled in its own task. */
  private layoutQueued = false;
  /** A redraw is scheduled (in its own task). */
  private buildQueued = false;
  /** The scene was shut down or destroyed (a queued redraw then does nothing). */
  private gone = false;
  private lit: LitRack[] = [];
  private cards: Card[] = [];
  private unsub: (() => void) | null = null;
  private prevOrders = new Map<string, { count: number; name: string }>();
  private flights: { from: { x: number; y: number }; to: { x: number; y: number }; t0: number; label: string }[] = [];
  private inboundAnchor = { x: 0, y: 0 };
  private pulses: { x: number; y: number }[] = [];
  /** The reader asked for less motion (`prefers-reduced-motion: reduce`, read live each frame): LEDs stay lit, rings and flights stand still. */
  private readonly reducedMotion = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
  private discs: (MapDisc & { tip: string })[] = [];
  private tip: Phaser.GameObjects.Text | null = null;

  constructor() {
    super({ key: 'world' });
  }

  init(data: { bridge: WorldBridge }): void {
    this.bridge = data.bridge;
  }

  preload(): void {
    for (const [name, url] of Object.entries(ICONS)) this.load.svg(name, url, { width: 32, height: 32 });
  }

  private m(id: MapMsgId, params: Record<string, string | number> = {}): string {
    return mapMsg(this.bridge.lang(), id, params);
  }

  private icon(name: IconName, x: number, y: number, size: number): void {
    if (!this.textures.exists(name)) return;
    const im = this.iconPool.pop() ?? this.add.image(0, 0, name);
    im.setTexture(name).setDisplaySize(size, size).setOrigin(0, 0).setPosition(Math.round(x), Math.round(y)).setDepth(3).setVisible(true).setActive(true);
    this.icons.push(im);
  }

  create(): void {
    this.cameras.main.setBackgroundColor(PALETTE.bg);
    this.gfx = this.add.graphics();
    this.fx = this.add.graphics();
    this.fx.setDepth(5);
    this.unsub = this.bridge.subscribe(() => { this.dirty = true; });
    // Phaser reports a resize inside its animation frame; the re-fit (land dots, new textures) runs
    // in a task of its own after it, so the frame only resizes the canvas (issue 12: long tasks).
    this.scale.on('resize', () => {
      if (this.layoutQueued) return;
      this.layoutQueued = true;
      setTimeout(() => {
        this.layoutQueued = false;
        if (!this.gone) this.layoutView();
      }, 0);
    });
    // Cards have DOM buttons over them (keyboard and screen readers); the anchors and discs are
    // clickable here too. Hovering a rival disc names the rival and its archetype.
    this.input.on('pointerdown', (p: Phaser.Input.Pointer) => {
      const d = this.discAt(p.x, p.y);
      const c = this.cards.find((k) => p.x >= k.x && p.x <= k.x + k.w && p.y >= k.y && p.y <= k.y + k.h) ??
        this.cards.find((k) => (p.x - k.ax) ** 2 + (p.y - k.ay) ** 2 < 14 * 14);
      if (d) this.bridge.selectRegion(d.regionId);
      else if (c) this.bridge.selectRegion(c.id);
    });
    this.input.on('pointermove', (p: Phaser.Input.Pointer) => this.showTip(p.x, p.y));
    this.input.on('gameout', () => this.showTip(-1e6, -1e6));
    this.events.once('shutdown', () => { this.gone = true; this.unsub?.(); });
    this.events.once('destroy', () => { this.gone = true; this.unsub?.(); });
    this.layoutView();
  }

  private discAt(x: number, y: number): (MapDisc & { tip: string }) | undefined {
    return this.discs.find((d) => (x - d.x) ** 2 + (y - d.y) ** 2 <= (d.r + 3) ** 2);
  }

  private showTip(x: number, y: number): void {
    const d = this.discAt(x, y);
    if (!d) { this.tip?.setVisible(false); return; }
    if (!this.tip) {
      this.tip = this.add.text(0, 0, '', { fontFamily: FONT, fontSize: '12px', color: PALETTE.text, backgroundColor: '#0e1633', padding: { x: 6, y: 4 } }).setDepth(10);
    }
    if (this.tip.text !== d.tip) this.tip.setText(d.tip);
    const tx = Math.min(this.scale.width - this.tip.width - 4, Math.max(4, d.x - this.tip.width / 2));
    this.tip.setPosition(Math.round(tx), Math.round(d.y + d.r + 6)).setVisible(true);
  }

  /** The width the regions are fitted into: the view less the open region card (at least half the view). */
  private fitWidth(): number {
    return Math.max(this.scale.width / 2, this.scale.width - this.reservedRight);
  }

  /** Fit the camera to the regions (with room for cards), and redraw the land dots. */
  private layoutView(): void {
    const s = this.bridge.getSnapshot();
    const w = this.scale.width;
    const hgt = this.scale.height;
    // The regions fit into the part of the view the region card leaves free (it docks at the right).
    const wFit = this.fitWidth();
    const regs = s?.regions ?? [];
    let minX = 0.1, maxX = 0.6, minY = 0.15, maxY = 0.5;
    if (regs.length) {
      minX = Math.min(...regs.map((r) => r.mapX)); maxX = Math.max(...regs.map((r) => r.mapX));
      minY = Math.min(...regs.map((r) => r.mapY)); maxY = Math.max(...regs.map((r) => r.mapY));
    }
    const padX = 0.09, padY = 0.2;
    minX -= padX; maxX += padX + 0.05; minY -= padY; maxY += padY;
    let spanX = Math.max(0.3, maxX - minX);
    let spanY = Math.max(0.3, maxY - minY) * 0.39;
    const scale = Math.min(wFit / spanX, hgt / spanY);
    spanX = wFit / scale; spanY = hgt / scale / 0.39;
    const cx = (minX + maxX) / 2, cy = (minY + maxY) / 2;
    this.view = { x0: cx - spanX / 2, y0: cy - spanY / 2, scale, width: w, height: hgt };
    if (!this.landCanvas) this.landCanvas = document.createElement('canvas');
    drawLand(this.landCanvas, this.view, css(PALETTE.land), css(PALETTE.landHi));
    if (this.textures.exists(this.landKey)) this.textures.remove(this.landKey);
    this.textures.addCanvas(this.landKey, this.landCanvas);
    if (this.landImage) this.landImage.destroy();
    this.landImage = this.add.image(0, 0, this.landKey).setOrigin(0, 0).setDepth(-10);
    // The label canvas: the view's size, redrawn at each redraw.
    if (this.textures.exists(this.labelKey)) this.textures.remove(this.labelKey);
    this.labels = this.textures.createCanvas(this.labelKey, Math.max(1, Math.round(w)), Math.max(1, Math.round(hgt)));
    if (this.labelImage) this.labelImage.destroy();
    this.labelImage = this.labels ? this.add.image(0, 0, this.labelKey).setOrigin(0, 0).setDepth(3) : null;
    this.dirty = true;
  }

  /** Ask for a text in this redraw; all are drawn at its end by `placeTexts`. */
  private text(x: number, y: number, s: string, size: number, color: string = PALETTE.text, bold = false, centred = false, owner: string | null = null): void {
    this.wanted.push({ x, y, s, size, color, bold, centred, owner });
  }

  /** Width in CSS px of `s` drawn at `size` px in the map's font (what `placeTexts` draws with). */
  private measure(s: string, size: number, bold: boolean): number {
    const font = `${bold ? 'bold ' : ''}${size}px ${FONT}`;
    const key = `${font}|${s}`;
    let w = this.widths.get(key);
    if (w === undefined) {
      this.measureCtx ??= document.createElement('canvas').getContext('2d');
      if (!this.measureCtx) return s.length * size * 0.6;
      this.measureCtx.font = font;
      w = this.measureCtx.measureText(s).width;
      if (this.widths.size > 4000) this.widths.clear();
      this.widths.set(key, w);
    }
    return w;
  }

  /** One drawing operation of a card's model, at the card's top-left corner (x, y). */
  private drawOp(op: Op, x: number, y: number, owner: string): void {
    const g = this.gfx;
    if (op.t === 'text') this.text(x + op.dx, y + op.dy, op.s, op.size, op.color, op.bold, false, owner);
    else if (op.t === 'icon') this.icon(op.name, x + op.dx, y + op.dy, op.size);
    else if (op.t === 'racks') {
      for (let i = 0; i < op.n; i++) {
        const rx = x + op.dx + (i % op.perRow) * (op.rw + op.gap);
        const ry = y + op.dy + Math.floor(i / op.perRow) * (op.rh + op.gap);
        if (i < op.lit) {
          g.fillStyle(PALETTE.rentedGlow, 0.18);
          g.fillRect(rx - 1, ry - 1, op.rw + 2, op.rh + 2);
          g.fillStyle(PALETTE.rented, 1);
          g.fillRect(rx, ry, op.rw, op.rh);
          if (op.rw >= 8) this.lit.push({ x: rx, y: ry, phase: (i * 37) % 100 });
        } else {
          g.fillStyle(PALETTE.idle, 1);
          g.fillRect(rx, ry, op.rw, op.rh);
          g.lineStyle(1, PALETTE.idleEdge, 1);
          g.strokeRect(rx + 0.5, ry + 0.5, op.rw - 1, op.rh - 1);
        }
      }
    } else if (op.t === 'build') {
      const bx = x + op.dx, by = y + op.dy;
      g.fillStyle(0x2a1a08, 1);
      g.fillRect(bx, by, op.w, 5);
      g.fillStyle(PALETTE.building, 1);
      g.fillRect(bx, by, Math.max(2, op.w * op.progress), 5);
      // hazard stripes on the unfinished part
      g.lineStyle(1, PALETTE.building, 0.35);
      for (let sx = bx + op.w * op.progress; sx < bx + op.w - 3; sx += 6) g.lineBetween(sx, by + 5, sx + 4, by);
    } else {
      const bx = x + op.dx, by = y + op.dy;
      const share = Math.max(0, Math.min(1, op.share));
      g.fillStyle(0x0a1026, 1);
      g.fillRect(bx, by, op.w, 8);
      g.fillStyle(op.kind === 'rented' ? PALETTE.rented : share > 0.95 ? PALETTE.powerBad : share > 0.8 ? PALETTE.powerWarn : PALETTE.power, 1);
      g.fillRect(bx, by, op.w * share, 8);
      g.lineStyle(1, 0x2a3a75, 1);
      g.strokeRect(bx, by, op.w, 8);
    }
  }

  /**
   * Draw every text of this redraw into the one label canvas (above the cards). One Phaser Text
   * per label cost a canvas of its own, resized, measured and redrawn whenever its words changed:
   * 10–20 of them each week at 4× made the map's redraw a long task (issue 12 item 10). Here a
   * redraw is one clear and a few dozen fillText calls.
   */
  private placeTexts(): void {
    const tex = this.labels;
    if (tex) {
      const ctx = tex.context;
      ctx.clearRect(0, 0, tex.width, tex.height);
      for (const w of this.wanted) {
        ctx.font = `${w.bold ? 'bold ' : ''}${w.size}px ${FONT}`;
        if (w.owner) this.drawnTexts.push({ owner: w.owner, s: w.s, x: Math.round(w.x), y: Math.round(w.y), size: w.size, font: ctx.font });
        ctx.fillStyle = w.color;
        ctx.textAlign = w.centred ? 'center' : 'left';
        ctx.textBaseline = w.centred ? 'middle' : 'top';
        ctx.fillText(w.s, Math.round(w.x), Math.round(w.y));
      }
      tex.refresh();
    }
    this.wanted = [];
  }

  private regionName(r: RegionView): string {
    return this.bridge.lang() === 'zh-CN' ? r.name['zh-CN'] ?? r.name.en : r.name.en;
  }

  override update(time: number): void {
    // Redraw at most every 120 ms; every 300 ms while time runs at 2× or 4× (a week every 250 ms).
    const s = this.bridge.getSnapshot();
    const every = s && !s.paused && s.speed >= 2 ? 300 : 120;
    if (this.dirty && !this.buildQueued && time - this.lastBuild > every) {
      // The redraw runs in a task of its own, not in this animation frame: the frame then only
      // draws (the redraw and the frame's drawing in one task made long tasks at 4×).
      this.dirty = false;
      this.buildQueued = true;
      this.lastBuild = time;
      setTimeout(() => {
        this.buildQueued = false;
        if (!this.gone) this.build(this.time.now);
      }, 0);
    }
    this.animate(time);
  }

  private build(time: number): void {
    const s = this.bridge.getSnapshot();
    const g = this.gfx;
    g.clear();
    this.wanted = [];
    for (const im of this.icons) { im.setVisible(false).setActive(false); this.iconPool.push(im); }
    this.icons = [];
    this.discs = [];
    this.lit = [];
    this.cards = [];
    this.pulses = [];
    this.drawnTexts = [];
    if (!s) { this.bridge.onLayout([], [], null); return; }
    // The region card opened or closed: fit the regions beside it.
    const right = Math.round(this.bridge.reservedRightPx());
    if (right !== this.reservedRight) { this.reservedRight = right; this.layoutView(); }
    const W = this.fitWidth();
    const selected = this.bridge.selectedRegion();
    const p = s.player;

    // Rack unit: keep the total number of racks drawn readable.
    const unit = rackUnit(p.gpusOwned);

    // Installed GPUs spread across energised sites by megawatts; rented share = utilisation.
    const energised = p.sites.filter((x) => x.status === 'energised');
    const totalMw = energised.reduce((a, x) => a + x.powerMw, 0) || 1;
    const util = Math.max(0, Math.min(1, p.last.utilization));
    const H = this.scale.height;

    // The inbound & warehouse box first (top right of the whole view: under an open region card,
    // which the player is reading then; beside the ticker it would cover it): the cards keep clear of it.
    // The advisor's count (switched-off GPUs are not waiting for power), so the box and the warning agree.
    const unpowered = s.advice.gpusAwaitingPower;
    const layout = inboundLayout(p.orders.length, Math.ceil(unpowered / unit));
    const orderLines = p.orders.slice(0, layout.shown).map((o) => ({
      o, name: `${o.count.toLocaleString('en-US')} × ${o.name}`, left: this.m('map.weeksLeft', { weeks: Math.max(0, o.deliveryWeek - s.week) }),
    }));
    const boxW = Math.ceil(Math.min(320, Math.max(230, ...orderLines.map((l) => this.measure(l.name, 10, true) + this.measure(l.left, 10, false) + 30),
      this.measure(this.m('map.inbound'), 10, true) + 46, this.measure(this.m('map.moreOrders', { count: layout.more }), 10, false) + 18,
      unpowered > 0 ? this.measure(this.m('map.waiting', { count: unpowered.toLocaleString('en-US') }), 10, true) + 18 : 0)));
    const inbound = { x: this.scale.width - boxW - 10, y: 10, w: boxW, h: layout.heightPx };

    // Cards: full cards where the player has sites, markers elsewhere; sized from their contents.
    const bySite = new Map<string, typeof p.sites>();
    for (const x of p.sites) bySite.set(x.regionId, [...(bySite.get(x.regionId) ?? []), x]);
    const measure: MeasureFont = (t, size, bold) => this.measure(t, size, bold);
    const regions = s.regions.map((r) => {
      const a = project(this.view, r.mapX, r.mapY);
      const sites = bySite.get(r.id) ?? [];
      const present = s.rivals.filter((rv) => (rv.mwByRegion[r.id] ?? 0) > 0 && rv.status !== 'bankrupt');
      const curtailed = r.curtailShare > 0 ? this.m('map.curtailed') : null;
      if (sites.length === 0) {
        const m = markerCard(this.regionName(r), this.m('map.markerLine', { power: `$${Math.round(r.powerUsdPerMwh)}` }), curtailed, measure);
        return { r, a, present, models: DETAILS.map(() => m) };
      }
      const on = sites.filter((x) => x.status === 'energised');
      const mw = on.reduce((acc, x) => acc + x.powerMw, 0);
      const used = on.reduce((acc, x) => acc + x.powerMw * x.usedShare, 0);
      const gpus = Math.round((p.gpusInstalled * mw) / totalMw);
      const racks = Math.ceil(gpus / unit);
      const input: FullCardInput = {
        name: this.regionName(r),
        kinds: [...new Set(sites.map((x) => x.kind))].map((k) => siteIcon(k)),
        line: this.m('map.cardLine', { power: `$${Math.round(r.powerUsdPerMwh)}`, gpus: gpus.toLocaleString('en-US') }),
        curtailed,
        racks, litRacks: Math.round(racks * util),
        noGpus: this.m('map.noGpus'),
        builds: sites.filter((x) => x.status !== 'energised').map((site) => ({
          progress: site.progress,
          label: site.status === 'awaitingGrid'
            ? this.m('map.gridQueue', { mw: site.powerMw, week: site.gridWeek })
            : this.m('map.building', { kind: this.m(`site.${site.kind}`), mw: site.powerMw, pct: `${Math.round(site.progress * 100)}%` }),
        })),
        buildingMore: (count) => this.m('map.buildingMore', { count }),
        buildingCount: (count) => this.m('map.buildingCount', { count }),
        meterText: this.m('map.mwUsed', { used: used.toFixed(1), total: mw.toFixed(0) }),
        meterShare: mw > 0 ? used / mw : 0,
        rentedText: this.m('map.rented', { pct: `${Math.round(util * 100)}%` }),
        rentedShare: racks > 0 ? util : 0,
      };
      return { r, a, present, models: DETAILS.map((d) => fullCard(input, d, measure)) };
    });
    const area = { x: 8, y: 8, w: W - 16, h: H - Math.max(30, this.bridge.reservedBottomPx() + 6) - 8 };
    // Each region's row of rival discs: inside the map, above the legends, off the rows before it (discRow.ts).
    const rows: ReturnType<typeof discRow>[] = [];
    for (const { a, present } of regions) rows.push(discRow(a.x, a.y, present.length, W, area.y + area.h, rows.flatMap((r) => (r ? [r.box] : []))));
    // Anchors and the rivals' discs: cards avoid covering them when they can.
    const soft = regions.flatMap(({ a }, i) => [
      { x: a.x - 9, y: a.y - 9, w: 18, h: 18 },
      ...(rows[i] ? [rows[i]!.box] : []),
    ]);
    const hard = [inbound, ...this.bridge.reservedRects()];
    const key = JSON.stringify([regions.map(({ r, a, models }) => [r.id, Math.round(a.x), Math.round(a.y), models.map((m) => [m.w, m.h])]), area, [...hard, ...soft].map((o) => [Math.round(o.x), Math.round(o.y), Math.round(o.w), Math.round(o.h)])]);
    if (key !== this.placedKey) {
      // The most detailed cards that find free spots near their regions (cardLayout.ts).
      const placed = arrangeCards(DETAILS.map((d) => regions.map(({ r, a, models }) => ({ id: r.id, ax: a.x, ay: a.y, w: models[d]!.w, h: models[d]!.h }))), area, hard, soft);
      this.placed = { detail: DETAILS[placed.detail]!, rects: placed.rects };
      this.placedKey = key;
    }
    const { detail, rects } = this.placed!;
    regions.forEach(({ r, a, models }, i) => {
      const rc = rects[i]!;
      this.cards.push({ id: r.id, x: rc.x, y: rc.y, w: models[detail]!.w, h: models[detail]!.h, ax: a.x, ay: a.y, full: (bySite.get(r.id) ?? []).length > 0 });
    });

    // Graticule
    g.lineStyle(1, PALETTE.grid, 0.6);
    for (let lon = -180; lon <= 180; lon += 15) {
      const a = project(this.view, (lon + 180) / 360, 0);
      if (a.x >= 0 && a.x <= W) g.lineBetween(a.x, 0, a.x, H);
    }
    for (let lat = -60; lat <= 90; lat += 15) {
      const a = project(this.view, 0, (90 - lat) / 141);
      if (a.y >= 0 && a.y <= H) g.lineBetween(0, a.y, W, a.y);
    }

    // Leader lines and region anchors
    for (const c of this.cards) {
      g.lineStyle(1, c.full ? PALETTE.accent : PALETTE.cardEdge, c.full ? 0.7 : 0.5);
      const tx = Math.max(c.x, Math.min(c.ax, c.x + c.w));
      const ty = Math.max(c.y, Math.min(c.ay, c.y + c.h));
      g.lineBetween(c.ax, c.ay, tx, ty);
      g.fillStyle(c.full ? PALETTE.accent : 0x6f7fb8, 1);
      g.fillCircle(c.ax, c.ay, c.full ? 5 : 3.5);
      if (c.full) this.pulses.push({ x: c.ax, y: c.ay });
    }

    // Rivals' presence: coloured rings with their initial around each region anchor.
    regions.forEach(({ r, present }, k) => {
      const row = rows[k];
      if (!row) return;
      // The rivals' icon leads the row of discs (what the legend's icon means).
      this.icon('rival', row.icon.x, row.icon.y, DISC_ICON_PX);
      present.forEach((rv, i) => {
        const mw = rv.mwByRegion[r.id] ?? 0;
        const rad = Math.max(6, Math.min(11, 4 + Math.sqrt(mw) * 0.5));
        const x = row.xs[i]!;
        const y = row.y;
        g.fillStyle(rivalColor(rv.index), 0.22);
        g.fillCircle(x, y, rad + 3);
        g.fillStyle(rivalColor(rv.index), 0.95);
        g.fillCircle(x, y, rad);
        this.text(x, y, rivalLetter(rv.name), 10, '#081022', true, true);
        this.discs.push({ regionId: r.id, rivalIndex: rv.index, x, y, r: rad, tip: this.m('map.rivalTip', { name: rv.name, archetype: this.bridge.archetype(rv.strategy), mw: Math.round(mw) }) });
      });
    });

    // Region cards: the drawing operations of each card's model, at its place.
    this.cards.forEach((c, i) => {
      const sel = c.id === selected;
      g.fillStyle(PALETTE.card, c.full ? 0.94 : 0.8);
      g.fillRoundedRect(c.x, c.y, c.w, c.h, 8);
      g.lineStyle(sel ? 3 : c.full ? 1.5 : 1, sel ? PALETTE.cardSel : c.full ? PALETTE.accent : PALETTE.cardEdge, sel ? 1 : c.full ? 0.9 : 0.6);
      g.strokeRoundedRect(c.x, c.y, c.w, c.h, 8);
      for (const op of regions[i]!.models[detail]!.ops) this.drawOp(op, c.x, c.y, c.id);
    });

    // The inbound box's contents.
    const bx = inbound.x;
    let by = inbound.y;
    g.fillStyle(PALETTE.card, 0.9);
    g.fillRoundedRect(bx, by, boxW, inbound.h, 8);
    g.lineStyle(1, PALETTE.cardEdge, 0.8);
    g.strokeRoundedRect(bx, by, boxW, inbound.h, 8);
    this.icon('gpuRack', bx + boxW - 24, by + 4, 16);
    this.text(bx + 9, by + 6, this.m('map.inbound'), 10, PALETTE.muted, true, false, 'inbound');
    this.inboundAnchor = { x: bx + 20, y: by + 30 };
    by += 24;
    if (unpowered > 0) {
      this.text(bx + 9, by, this.m('map.waiting', { count: unpowered.toLocaleString('en-US') }), 10, '#c9cdd8', true, false, 'inbound');
      by += 16;
      const n = Math.ceil(unpowered / unit);
      for (let i = 0; i < n; i++) {
        const x = bx + 9 + (i % INBOUND_RACKS_PER_ROW) * 13, y = by + Math.floor(i / INBOUND_RACKS_PER_ROW) * 12;
        g.fillStyle(PALETTE.unpowered, 1);
        g.fillRect(x, y, 10, 9);
        g.lineStyle(1, PALETTE.unpoweredEdge, 1);
        g.lineBetween(x, y + 9, x + 10, y);
      }
      by += Math.ceil(n / INBOUND_RACKS_PER_ROW) * 12 + 6;
    }
    for (const { o, name, left } of orderLines) {
      const weeks = Math.max(0, o.deliveryWeek - s.week);
      const total = Math.max(weeks, s.market.leadTimeWeeks, 1);
      this.text(bx + 9, by, name, 10, '#bff8ff', true, false, 'inbound');
      this.text(bx + boxW - 9 - this.measure(left, 10, false), by, left, 10, PALETTE.muted, false, false, 'inbound');
      g.fillStyle(0x0a1026, 1);
      g.fillRect(bx + 9, by + 14, boxW - 18, 4);
      g.fillStyle(PALETTE.delivery, 1);
      g.fillRect(bx + 9, by + 14, (boxW - 18) * (1 - weeks / total), 4);
      by += 24;
    }
    if (layout.more > 0) this.text(bx + 9, by - 2, this.m('map.moreOrders', { count: layout.more }), 10, PALETTE.muted, false, false, 'inbound');
    if (p.orders.length === 0 && unpowered === 0) this.text(bx + 9, by - 2, this.m('map.nothingOnOrder'), 10, PALETTE.muted, false, false, 'inbound');

    // Deliveries that just arrived: fly a crate to the site with the most room.
    const nowOrders = new Map(p.orders.map((o) => [o.id, { count: o.count, name: o.name }]));
    for (const [id, o] of this.prevOrders) {
      if (!nowOrders.has(id)) {
        const dest = this.cards.filter((c) => c.full).sort((a, b) => b.h - a.h)[0];
        if (dest) this.flights.push({ from: { ...this.inboundAnchor }, to: { x: dest.x + dest.w / 2, y: dest.y + 30 }, t0: time, label: `+${o.count.toLocaleString('en-US')} ${o.name}` });
      }
    }
    this.prevOrders = nowOrders;

    // The market ticker (top left) is DOM text (src/ui/mapLayer.ts): readable, translatable, testable.
    this.placeTexts();
    this.bridge.onLayout(this.cards.map((c) => ({ ...c })), this.discs.map(({ tip: _tip, ...d }) => d), { texts: this.drawnTexts, inbound, detail, lang: this.bridge.lang(), week: s.week, view: { w: this.scale.width, h: H } });
  }


  private animate(time: number): void {
    const f = this.fx;
    f.clear();
    const still = this.reducedMotion?.matches === true;
    // Blinking LEDs on rented racks (steadily lit when the reader asked for less motion).
    for (const r of this.lit) {
      const on = still || Math.sin(time / 260 + r.phase) > -0.2;
      f.fillStyle(on ? 0xffffff : 0x7a4a00, on ? 0.9 : 0.6);
      f.fillRect(r.x + 2, r.y + 3, 2, 2);
      const on2 = still || Math.sin(time / 410 + r.phase * 1.7) > 0.1;
      f.fillStyle(on2 ? 0x7dfbe6 : 0x7a4a00, 0.9);
      f.fillRect(r.x + 5, r.y + 8, 2, 2);
    }
    // Pulsing rings on the player's regions (one still ring when the reader asked for less motion).
    const k = still ? 0.25 : (time % 2000) / 2000;
    for (const p of this.pulses) {
      f.lineStyle(2, PALETTE.accent, 1 - k);
      f.strokeCircle(p.x, p.y, 6 + k * 18);
    }
    // Deliveries in flight (1.6 s each; none when the reader asked for less motion: the racks show the arrival).
    this.flights = still ? [] : this.flights.filter((fl) => time - fl.t0 < 1600);
    for (const fl of this.flights) {
      const u = (time - fl.t0) / 1600;
      const e = u < 0.5 ? 2 * u * u : 1 - Math.pow(-2 * u + 2, 2) / 2;
      const cx = (fl.from.x + fl.to.x) / 2, cy = Math.min(fl.from.y, fl.to.y) - 60;
      const x = (1 - e) * (1 - e) * fl.from.x + 2 * (1 - e) * e * cx + e * e * fl.to.x;
      const y = (1 - e) * (1 - e) * fl.from.y + 2 * (1 - e) * e * cy + e * e * fl.to.y;
      f.fillStyle(PALETTE.delivery, 0.25);
      f.fillCircle(x, y, 10);
      f.fillStyle(PALETTE.delivery, 1);
      f.fillRect(x - 4, y - 4, 8, 8);
    }
  }
}
