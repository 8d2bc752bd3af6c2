/**
 * Helpers shared by the command handlers. A handler validates everything first, and only when
 * `execute` is true changes the world — so a preview and a refused command change nothing.
 */
import type { CommandResult } from './types.ts';
import { msgOf, type Msg, type MsgParams } from '../msg.ts';

export type Refusal = { ok: false; reason: Msg };

/** A refusal: a message id from src/i18n/messages.ts (`refuse.*`) with its parameters. */
export const refuse = (id: string, params: MsgParams = {}): Refusal => ({ ok: false, reason: msgOf(id, params) });

/** What will happen: a message id (`cmd.*`) with its parameters, the cash moved now, other figures. */
export function done(id: string, params: MsgParams, cashNowUsd: number, details: Record<string, number | string> = {}): CommandResult {
  return { ok: true, summary: msgOf(id, params), cashNowUsd, details };
}

/** A finite number in [min, max], or a refusal naming the field (dollars only for a `…Usd` field). */
export function checkNumber(value: unknown, field: string, min: number, max: number): Refusal | null {
  const f = `field.${field}`;
  const money = /Usd$/.test(field) ? 'Usd' : '';
  if (typeof value !== 'number' || !Number.isFinite(value)) return refuse('refuse.notNumber', { field: f });
  if (value < min) return refuse(`refuse.atLeast${money}`, { field: f, min });
  if (value > max) return refuse(`refuse.atMost${money}`, { field: f, max });
  return null;
}

export function checkInt(value: unknown, field: string, min: number, max: number): Refusal | null {
  const r = checkNumber(value, field, min, max);
  if (r) return r;
  return Number.isInteger(value) ? null : refuse('refuse.notWhole', { field: `field.${field}` });
}
