/**
 * Helpers shared by the command handlers. A handler validates everything first, and only when
 * `execute` is true changes the world — so a preview and a refused command change nothing.
 */
import type { CommandResult } from './types.ts';
import { groupDigits } from '../format.ts';

export type Refusal = { ok: false; reason: string };

export const refuse = (reason: string): Refusal => ({ ok: false, reason });

export function done(summary: string, cashNowUsd: number, details: Record<string, number | string> = {}): CommandResult {
  return { ok: true, summary, cashNowUsd, details };
}

/** A finite number in [min, max], or a refusal naming the field (dollars only for a `…Usd` field). */
export function checkNumber(value: unknown, field: string, min: number, max: number): Refusal | null {
  const show = (x: number) => (/Usd$/.test(field) ? fmt(x) : Math.abs(x) >= 1e4 && Number.isInteger(x) ? groupDigits(x) : String(x));
  if (typeof value !== 'number' || !Number.isFinite(value)) return refuse(`${field} must be a number`);
  if (value < min) return refuse(`${field} must be at least ${show(min)}`);
  if (value > max) return refuse(`${field} must be at most ${show(max)}`);
  return null;
}

export function checkInt(value: unknown, field: string, min: number, max: number): Refusal | null {
  const r = checkNumber(value, field, min, max);
  if (r) return r;
  return Number.isInteger(value) ? null : refuse(`${field} must be a whole number`);
}

export function fmt(x: number): string {
  return Math.abs(x) >= 1e6 ? `$${(x / 1e6).toFixed(1)}M` : Number.isInteger(x) ? String(x) : x.toFixed(2);
}

export function usd(x: number): string {
  const a = Math.abs(x);
  const s = a >= 1e9 ? `${(a / 1e9).toFixed(2)}B` : a >= 1e6 ? `${(a / 1e6).toFixed(1)}M` : a >= 1e3 ? `${(a / 1e3).toFixed(0)}k` : a.toFixed(2);
  return `${x < 0 ? '-' : ''}$${s}`;
}
