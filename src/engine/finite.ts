/**
 * Never silent: after every tick the world's numbers must be finite. A NaN or Infinity would
 * otherwise spread through prices, ledgers and the state hash without a word (a stacked demand
 * shock once turned demand into Infinity and supply into NaN, and the run still "passed").
 *
 * Cost: the full walk visits every number in the world (customers' typed arrays included), about
 * as much work as a tick, so it runs at each quarter close and at the end of the game. The check
 * every tick covers what the market and the books are made of — the market aggregates and price
 * indices, each region's capacity and prices, and each company's ledger balances and pricing —
 * which is where a non-finite number lands first (demand → prices → revenue → balances). So a
 * bad number is caught within its tick in those fields and within the quarter anywhere else.
 */
import type { Company, World } from './types.ts';

/** A number in the world that is NaN or ±Infinity, named by its path (e.g. `market.demandH100e`). */
export class NonFiniteError extends Error {
  constructor(readonly field: string, readonly value: number, readonly week: number) {
    super(`the simulation stopped in week ${week}: ${field} became ${String(value)} (a number must stay finite)`);
    this.name = 'NonFiniteError';
  }
}

/** World keys that are inputs rather than state (the scenario was validated; commands were checked). */
const SKIP_KEYS: ReadonlySet<string> = new Set(['scenario', 'paths', 'pending', 'commandLog']);

/** Path of the first non-finite number inside `v`, or null. Objects' keys in insertion order. */
function firstNonFinite(v: unknown, path: string, depth: number): { field: string; value: number } | null {
  if (typeof v === 'number') return Number.isFinite(v) ? null : { field: path, value: v };
  if (v === null || typeof v !== 'object' || depth > 12) return null;
  if (ArrayBuffer.isView(v)) {
    const a = v as unknown as ArrayLike<number>;
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) return { field: `${path}[${i}]`, value: a[i]! };
    return null;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const r = firstNonFinite(v[i], `${path}[${i}]`, depth + 1);
      if (r) return r;
    }
    return null;
  }
  for (const k of Object.keys(v)) {
    if (depth === 0 && SKIP_KEYS.has(k)) continue;
    const r = firstNonFinite((v as Record<string, unknown>)[k], path === '' ? k : `${path}.${k}`, depth + 1);
    if (r) return r;
  }
  return null;
}

function numbersOf(o: object, path: string): { field: string; value: number } | null {
  for (const k in o) {
    const x = (o as Record<string, unknown>)[k];
    if (typeof x === 'number' && !Number.isFinite(x)) return { field: `${path}.${k}`, value: x };
  }
  return null;
}

function companyFast(co: Company, path: string): { field: string; value: number } | null {
  const b = co.ledger.balances;
  for (const k in b) {
    const x = b[k as keyof typeof b];
    if (!Number.isFinite(x)) return { field: `${path}.ledger.balances.${k}`, value: x };
  }
  const scalars = [['priceFactor', co.priceFactor], ['lastValuationUsd', co.lastValuationUsd], ['priceShock', co.priceShock], ['platformMaturity', co.platformMaturity], ['sharesOutstanding', co.sharesOutstanding]] as const;
  for (const [k, x] of scalars) if (!Number.isFinite(x)) return { field: `${path}.${k}`, value: x };
  if (co.sharePriceUsd !== null && !Number.isFinite(co.sharePriceUsd)) return { field: `${path}.sharePriceUsd`, value: co.sharePriceUsd };
  return numbersOf(co.last, `${path}.last`);
}

/** The cheap check (every tick): market aggregates, regions, companies' balances and pricing. */
export function fastNonFinite(world: World): { field: string; value: number } | null {
  const m = world.market;
  const r = numbersOf(m, 'market')
    ?? firstNonFinite(m.segmentDemandH100e, 'market.segmentDemandH100e', 1)
    ?? firstNonFinite(m.segmentShock, 'market.segmentShock', 1)
    ?? firstNonFinite(m.gens, 'market.gens', 1);
  if (r) return r;
  for (let i = 0; i < world.regions.length; i++) {
    const x = numbersOf(world.regions[i]!, `regions[${i}]`);
    if (x) return x;
  }
  for (let i = 0; i < world.companies.length; i++) {
    const x = companyFast(world.companies[i]!, `companies[${i}]`);
    if (x) return x;
  }
  return Number.isFinite(world.secondHandGlut) ? null : { field: 'secondHandGlut', value: world.secondHandGlut };
}

/** Whether anything inside `v` is a non-finite number (no paths built: the common, clean case). */
function anyNonFinite(v: unknown, depth: number): boolean {
  if (typeof v === 'number') return v - v !== 0; // NaN and ±Infinity give NaN
  if (v === null || typeof v !== 'object' || depth > 12) return false;
  if (ArrayBuffer.isView(v)) {
    if (v instanceof Float64Array || v instanceof Float32Array) {
      for (let i = 0; i < v.length; i++) if (v[i]! - v[i]! !== 0) return true;
    }
    return false; // integer arrays hold only finite numbers
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (anyNonFinite(v[i], depth + 1)) return true;
    return false;
  }
  for (const k in v) {
    if (depth === 0 && SKIP_KEYS.has(k)) continue;
    if (anyNonFinite((v as Record<string, unknown>)[k], depth + 1)) return true;
  }
  return false;
}

/** Every number in the world (inputs excepted). */
export function fullNonFinite(world: World): { field: string; value: number } | null {
  return anyNonFinite(world, 0) ? firstNonFinite(world, '', 0) : null;
}

/** Throw a NonFiniteError naming the first non-finite field; `full` walks the whole world. */
export function assertWorldFinite(world: World, full: boolean): void {
  const bad = fastNonFinite(world) ?? (full ? fullNonFinite(world) : null);
  if (bad) throw new NonFiniteError(bad.field, bad.value, world.week);
}
