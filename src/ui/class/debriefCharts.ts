/**
 * The class debrief's pictures for a projector: one chart per figure with every student as a thin
 * line, the chosen student bright, the autopilots on the class seed thick and dashed (uPlot); the
 * score histogram (a canvas). Each picture has its numbers as a table behind a <details>.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h, table } from '../dom.ts';
import { usd, pct, price, t, labelled, listed } from '../i18n.ts';
import { dt } from './debriefText.ts';
import type { Bin } from './debriefData.ts';

export interface OverlayLine { name: string; values: (number | null)[]; kind: 'student' | 'selected' | 'autopilot'; color?: string; dash?: number[] }

const STUDENT = 'rgba(147,160,200,.45)';
const SELECTED = '#2fe0c0';
const fmt = (f: 'usd' | 'pct', v: number | null | undefined) => (v === null || v === undefined ? '—' : f === 'pct' ? pct(v, 0) : usd(v, 1));

export function overlayChart(spec: { id: string; title: string; labels: string[]; format: 'usd' | 'pct'; lines: OverlayLine[] }, width: number): HTMLElement {
  const box = h('figure', { className: 'chart-box', id: spec.id, 'aria-labelledby': `${spec.id}-t` });
  const autopilots = spec.lines.filter((l) => l.kind === 'autopilot');
  const students = spec.lines.filter((l) => l.kind !== 'autopilot');
  const plotEl = h('div', { role: 'img', 'aria-label': labelled(spec.title, listed([dt('cdLegendStudents', { n: students.length }), ...autopilots.map((a) => `${a.name} ${fmt(spec.format, a.values[a.values.length - 1])}`)])) });
  box.append(h('h3', { id: `${spec.id}-t`, className: 'cd-chart-title' }, spec.title), plotEl);
  // Selected last, so it is drawn on top.
  const order = [...spec.lines.filter((l) => l.kind === 'student'), ...autopilots, ...spec.lines.filter((l) => l.kind === 'selected')];
  const opts: uPlot.Options = {
    width: Math.max(260, width),
    height: 200,
    legend: { show: false },
    cursor: { drag: { x: false, y: false }, points: { show: false } },
    scales: { x: { time: false } },
    axes: [
      { stroke: '#93a0c8', grid: { stroke: '#1c2650', width: 1 }, ticks: { stroke: '#26325e' }, values: (_u, vals) => vals.map((v) => spec.labels[Math.round(v)] ?? ''), space: 60 },
      { stroke: '#93a0c8', grid: { stroke: '#1c2650', width: 1 }, ticks: { stroke: '#26325e' }, values: (_u, vals) => vals.map((v) => fmt(spec.format, v)), size: 76 },
    ],
    series: [{}, ...order.map((l) => ({
      label: l.name,
      stroke: l.kind === 'student' ? STUDENT : l.kind === 'selected' ? SELECTED : l.color ?? '#fff',
      width: l.kind === 'student' ? 1 : l.kind === 'selected' ? 3 : 2.5,
      dash: l.dash,
      points: { show: false },
    }))],
  };
  new uPlot(opts, [spec.labels.map((_, i) => i), ...order.map((l) => l.values)], plotEl);
  box.append(
    h('p', { className: 'muted small cd-legend' },
      h('span', { className: 'cd-key cd-key-student', 'aria-hidden': 'true' }), dt('cdLegendStudents', { n: students.length }),
      ...spec.lines.filter((l) => l.kind === 'selected').map((l) => [h('span', { className: 'cd-key cd-key-selected', 'aria-hidden': 'true' }), dt('cdLegendSelected', { name: l.name })]),
      ...autopilots.map((a) => [h('span', { className: `cd-key cd-key-${a.name === dt('autopilot_leveraged') ? 'leveraged' : a.name === dt('autopilot_prudent') ? 'prudent' : 'idle'}`, 'aria-hidden': 'true' }), a.name]),
    ),
    h('details', null, h('summary', null, t('showTable')),
      table(spec.title, [dt('quarterLabel'), ...order.map((l) => l.name)], spec.labels.map((lb, i) => [lb, ...order.map((l) => fmt(spec.format, l.values[i]))]))),
  );
  return box;
}

/** The score histogram: bars drawn on a canvas, the counts in a table. */
export function histogram(id: string, bins: Bin[], width: number): HTMLElement {
  const w = Math.max(260, Math.round(width));
  const hgt = 200;
  const label = (b: Bin) => (b.from === b.to ? price(b.from) : `${price(b.from)}–${price(b.to)}`);
  const canvas = h('canvas', { width: String(w * devicePixelRatio), height: String(hgt * devicePixelRatio), className: 'cd-hist', role: 'img', 'aria-label': dt('cdHistogramAlt', { bins: listed(bins.map((b) => labelled(label(b), String(b.count)))) }) });
  // The canvas's pixel size is in its attributes; CSS scales it to its column's width.
  const ctx = canvas.getContext('2d');
  if (ctx && bins.length) {
    ctx.scale(devicePixelRatio, devicePixelRatio);
    const max = Math.max(...bins.map((b) => b.count));
    const left = 30, bottom = 36, top = 10;
    const bw = (w - left - 8) / bins.length;
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillStyle = '#93a0c8';
    ctx.textAlign = 'right';
    for (let c = 0; c <= max; c += Math.max(1, Math.ceil(max / 4))) {
      const y = hgt - bottom - ((hgt - bottom - top) * c) / max;
      ctx.fillText(String(c), left - 6, y + 4);
      ctx.strokeStyle = '#1c2650';
      ctx.beginPath(); ctx.moveTo(left, y); ctx.lineTo(w - 8, y); ctx.stroke();
    }
    ctx.textAlign = 'center';
    bins.forEach((b, i) => {
      const bh = ((hgt - bottom - top) * b.count) / max;
      const x = left + i * bw;
      ctx.fillStyle = '#2fe0c0';
      ctx.fillRect(x + 2, hgt - bottom - bh, bw - 4, bh);
      ctx.fillStyle = '#cfe0ff';
      if (b.count) ctx.fillText(String(b.count), x + bw / 2, hgt - bottom - bh - 4);
      ctx.fillStyle = '#93a0c8';
      if (bins.length <= 10 || i % 2 === 0) ctx.fillText(price(b.from), x + bw / 2, hgt - bottom + 16);
    });
  }
  return h('figure', { className: 'chart-box', id, 'aria-labelledby': `${id}-t` },
    h('h3', { id: `${id}-t`, className: 'cd-chart-title' }, dt('cdHistogram')),
    canvas,
    h('details', null, h('summary', null, t('showTable')),
      table(dt('cdHistogram'), [dt('cdScoreRange'), dt('cdStudentsCount')], bins.map((b) => [label(b), b.count]), { numericFrom: 1 })),
  );
}
