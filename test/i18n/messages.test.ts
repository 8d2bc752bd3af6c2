/**
 * The message tables: English and Chinese have the same keys and the same placeholders; every
 * message id the engine emits exists; English renders readably for the CLI and the logs, and
 * Chinese renders without English words (names and units aside).
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { EN_MESSAGES, ZH_MESSAGES, engineText } from '../../src/i18n/messages.ts';
import { stringKeys } from '../../src/ui/i18n.ts';
import { adviceIds } from '../../src/ui/advice.ts';
import { BANKRUPT_REASONS } from '../../src/engine/operate.ts';
import { createWorld, step, previewCommand } from '../../src/engine/api.ts';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import type { Msg } from '../../src/engine/msg.ts';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+(?::\w+)?)\}/g)].map((m) => m[1]).sort();

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('message tables', () => {
  it('English and Chinese have the same keys (engine, advisor and UI tables)', () => {
    expect(Object.keys(ZH_MESSAGES).sort()).toEqual(Object.keys(EN_MESSAGES).sort());
    const a = adviceIds();
    expect([...a.zh].sort()).toEqual([...a.en].sort());
    const s = stringKeys();
    expect(s.en.filter((k) => !s.zh.includes(k))).toEqual([]);
    expect(s.zh.filter((k) => !s.en.includes(k))).toEqual([]);
  });

  it('each Chinese message has the same placeholders as the English one', () => {
    const bad = Object.keys(EN_MESSAGES).filter((k) => placeholders(EN_MESSAGES[k]!).join() !== placeholders(ZH_MESSAGES[k] ?? '').join());
    expect(bad).toEqual([]);
  });

  it('every message id written in the engine exists in the table', () => {
    const ids = new Set<string>();
    for (const f of filesUnder('src/engine')) {
      for (const m of readFileSync(f, 'utf8').matchAll(/(?:refuse|done|msgOf)\('([\w.]+)'/g)) ids.add(m[1]!);
    }
    expect(ids.size).toBeGreaterThan(60);
    expect([...ids].filter((id) => EN_MESSAGES[id] === undefined)).toEqual([]);
    // Ids built from a field or a cause: each variant exists.
    for (const f of ['amountUsd', 'count', 'powerMw', 'usdPerGpuHour', 'priceFactor', 'usdPerWeek']) expect(EN_MESSAGES[`field.${f}`]).toBeDefined();
    for (const k of ['gpuLoan', 'vendor', 'contractFacility', 'bond', 'revolver', 'convertible', 'claims']) expect(EN_MESSAGES[`debtKind.${k}`]).toBeDefined();
  });

  it('the bankruptcy reason kept in the state says what the message says', () => {
    for (const [cause, text] of Object.entries(BANKRUPT_REASONS)) expect(EN_MESSAGES[`bankrupt.${cause}`]).toBe(text);
  });

  it('English renders with its formats (what the CLI and the logs show)', () => {
    const bid: Msg = { id: 'cmd.bid', params: { price: 2, customer: 'Acme AI', count: 4096, model: 'H100', weeks: 104, start: 30, valueUsd: 149_000_000 } };
    expect(engineText(bid)).toBe('Bid $2.00/GPU-hour for Acme AI: 4,096 H100 for 104 weeks from week 30, worth $149.0M');
    expect(engineText({ id: 'refuse.atLeastUsd', params: { field: 'field.amountUsd', min: 10_000_000 } })).toBe('The amount must be at least $10.0M');
    expect(engineText({ id: 'refuse.coloFull', params: { mw: 3.25, region: 'Texas', region_zh: '得克萨斯' } })).toBe('Only 3.3 MW of colocation is free in Texas');
    expect(engineText({ id: 'refuse.coloFull', params: { mw: 3.25, region: 'Texas', region_zh: '得克萨斯' } }, 'zh-CN')).toBe('得克萨斯 只有 3.3 MW 托管容量可用');
    expect(engineText({ id: 'no.such.id', params: {} })).toBe('no.such.id');
  });

  it('no English message leaves a placeholder unfilled or unknown', () => {
    const kinds = new Set(['usd', 'usd2', 'usdw', 'usdw2', 'price', 'int', 'n', 'fix0', 'fix1', 'fix2', 'turns', 'mw', 'pct', 'msg', 'loc']);
    const bad: string[] = [];
    for (const [k, v] of Object.entries(EN_MESSAGES)) for (const p of placeholders(v)) { const kind = p!.split(':')[1]; if (kind && !kinds.has(kind)) bad.push(`${k}: ${p}`); }
    expect(bad).toEqual([]);
  });
});

describe('the engine speaks in message ids', () => {
  const r = loadBundledScenario('default');
  if (!r.ok) throw new Error('default does not load');

  it('previews, refusals and news of a played quarter render in both languages, Chinese without English words', () => {
    const w = createWorld(r.scenario, { seed: 3, strategy: 'leveraged' });
    const rfp = () => w.rfps[0];
    for (let i = 0; i < 30; i++) step(w);
    const msgs: Msg[] = [];
    const cmds: unknown[] = [
      { type: 'orderGpus', modelId: 'h100', count: 1000, vendorFinancing: true },
      { type: 'orderGpus', modelId: 'h100', count: 1000 },
      { type: 'raiseEquity', amountUsd: 50_000_000 },
      { type: 'raiseEquity', amountUsd: 1 },
      { type: 'takeGpuLoan', amountUsd: 9e11 },
      { type: 'leaseColo', regionId: w.scenario.regions[0]!.id, powerMw: 2 },
      { type: 'leaseColo', regionId: w.scenario.regions[0]!.id, powerMw: 99999 },
      { type: 'setOnDemandPrice', priceFactor: 1.1 },
      { type: 'setPlatformSpend', usdPerWeek: 100_000 },
      { type: 'repayDebt', debtId: 'd999', amountUsd: 1000 },
      { type: 'sellGpus', modelId: 'h100', count: 9_000_000 },
      ...(rfp() ? [{ type: 'bidRfp', rfpId: rfp()!.id, usdPerGpuHour: 2 }] : []),
    ];
    for (const c of cmds) {
      const res = previewCommand(w, c as never);
      msgs.push(res.ok ? res.summary : res.reason);
    }
    for (const n of w.news) for (const x of [n.headline, n.explanation]) if ('id' in x) msgs.push(x);
    expect(msgs.length).toBeGreaterThan(15);
    const names = new Set([...w.companies.map((c) => c.name), ...w.scenario.gpus.map((g) => g.name), ...w.rfps.map((x) => x.customerName), ...w.closedRfps.map((x) => x.customerName), ...w.scenario.regions.map((x) => x.name.en)].flatMap((s) => s.split(/[^A-Za-z]+/)));
    const units = /^(GPU|GPUs|MW|kW|MWh|EBITDA|IPO|H100|H100e|RFP|NVIDIA|AMD)$/;
    const english: string[] = [];
    for (const m of msgs) {
      const en = engineText(m);
      expect(en).not.toMatch(/\{|\}|undefined|NaN/);
      const zh = engineText(m, 'zh-CN');
      expect(zh).not.toMatch(/\{|\}|undefined|NaN/);
      for (const word of zh.match(/[A-Za-z][A-Za-z-]{2,}/g) ?? []) if (!units.test(word) && !names.has(word)) english.push(`${m.id}: ${word}`);
    }
    expect(english).toEqual([]);
  });
});
