/**
 * Charts (uPlot, lazy-loaded with its CSS): one canvas per figure plus the same numbers as a
 * table behind a <details>, so screen readers and keyboard users get everything.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { h, table } from './dom.ts';
import { t, usd, pct, price, labelled, listed } from './i18n.ts';

export interface ChartSeries { label: string; values: (number | null)[]; color: string; dash?: number[]; width?: number }
export interface ChartSpec {
  id: string;
  title: string;
  labels: string[];
  series: ChartSeries[];
  format: 'usd' | 'pct' | 'price';
  /** Quarter indices to mark (the player's decisions), with a short note. */
  markers?: { x: number; note: string }[];
  height?: number;
}

const fmt = (f: ChartSpec['format'], v: number | null | undefined): string => (v === null || v === undefined ? '—' : f === 'pct' ? pct(v, 0) : f === 'price' ? price(v) : usd(v, 1));

export function chart(spec: ChartSpec, width: number): HTMLElement {
  const box = h('figure', { className: 'chart-box', id: spec.id, 'aria-labelledby': `${spec.id}-t` });
  const plotEl = h('div', { role: 'img', 'aria-label': labelled(spec.title, listed(spec.series.map((s) => `${s.label} ${fmt(spec.format, s.values[s.values.length - 1])}`))) });
  box.append(h('h4', { id: `${spec.id}-t` }, spec.title), plotEl);
  const xs = spec.labels.map((_, i) => i);
  const markers = spec.markers ?? [];
  const opts: uPlot.Options = {
    width: Math.max(240, width),
    height: spec.height ?? 180,
    legend: { show: true, live: false },
    cursor: { drag: { x: false, y: false } },
    scales: { x: { time: false } },
    axes: [
      { stroke: '#93a0c8', grid: { stroke: '#1c2650', width: 1 }, ticks: { stroke: '#26325e' }, values: (_u, vals) => vals.map((v) => spec.labels[Math.round(v)] ?? ''), space: 60 },
      { stroke: '#93a0c8', grid: { stroke: '#1c2650', width: 1 }, ticks: { stroke: '#26325e' }, values: (_u, vals) => vals.map((v) => fmt(spec.format, v)), size: 76 },
    ],
    series: [{ label: t('quarter'), value: (_u, v) => spec.labels[v] ?? '' }, ...spec.series.map((s) => ({
      label: s.label, stroke: s.color, width: s.width ?? 2, dash: s.dash, points: { show: spec.labels.length < 3 },
      value: (_u: uPlot, v: number | null) => fmt(spec.format, v),
    }))],
    hooks: {
      draw: [(u) => {
        if (!markers.length) return;
        const ctx = u.ctx;
        ctx.save();
        ctx.strokeStyle = 'rgba(255,224,102,.55)';
        ctx.fillStyle = '#ffe066';
        ctx.setLineDash([3, 4]);
        for (const m of markers) {
          const x = Math.round(u.valToPos(m.x, 'x', true));
          ctx.beginPath();
          ctx.moveTo(x, u.bbox.top);
          ctx.lineTo(x, u.bbox.top + u.bbox.height);
          ctx.stroke();
          ctx.beginPath();
          ctx.arc(x, u.bbox.top + 4, 3.5 * devicePixelRatio, 0, Math.PI * 2);
          ctx.fill();
        }
        ctx.restore();
      }],
    },
  };
  const data: uPlot.AlignedData = [xs, ...spec.series.map((s) => s.values)];
  new uPlot(opts, data, plotEl);
  box.append(h('details', null, h('summary', null, t('showTable')),
    table(spec.title, [t('quarter'), ...spec.series.map((s) => s.label)], spec.labels.map((l, i) => [l, ...spec.series.map((s) => fmt(spec.format, s.values[i]))])),
    markers.length ? h('p', { className: 'muted' }, labelled(t('ch_decisions'), markers.map((m) => `${spec.labels[m.x] ?? ''} ${m.note}`).join(' · '))) : null,
  ));
  return box;
}
