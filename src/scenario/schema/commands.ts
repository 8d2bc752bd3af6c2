/**
 * Player commands, defined once. Each command type is one zod object here; from the union come
 * - the TypeScript `Command` type (src/engine/commands/types.ts re-exports it; the engine imports
 *   only types from this file, so zod never enters the engine),
 * - the runtime validator `parseCommand` / `parseCommandLog` (scenario `lesson.historicalCommands`,
 *   `sim --actions` files, saves and the page API use it before anything reaches the engine),
 * - the list `COMMAND_TYPES`,
 * - the JSON Schema of commands (inside scenarios/scenario.schema.json, and
 *   scenarios/actions.schema.json for runner action files; `npm run schema` writes both).
 * The engine checks every command again at its tick (src/engine/commands/*.ts) with the same bounds
 * (src/engine/commands/bounds.ts) plus the ones that depend on the game (cash, limits, ids alive).
 * Adding a command: one schema here and one handler in src/engine/commands/handlers.ts; the
 * handler table is typed by `CommandType`, so forgetting either is a compile error.
 */
import { z } from 'zod';
import { Id } from './common.ts';
import { COMMAND_BOUNDS as B } from '../../engine/commands/bounds.ts';
import { zodIssuesToErrors } from '../zodIssues.ts';
import { formatPath, type PathSegment } from '../paths.ts';
import { em, type ErrMsg } from '../errMsg.ts';

const money = (b: { min: number; max: number }, what: string) => z.number().finite().min(b.min).max(b.max).describe(what);
const amount = (what: string) => money(B.amountUsd, what);
const loan = (what: string) => money(B.loanAmountUsd, what);
const modelId = Id.describe('GPU model id from the scenario catalogue (gpus[].id), e.g. "h100".');
const regionId = Id.describe('Region id from the scenario (regions[].id), e.g. "us-texas".');
const site = <T extends 'leaseColo' | 'buildCampus' | 'buyPoweredSite'>(type: T, what: string) =>
  z.object({
    type: z.literal(type),
    regionId,
    powerMw: z.number().finite().min(B.powerMw.min).max(B.powerMw.max).describe('Critical IT power of the site, MW.'),
  }).strict().describe(what);

/** One schema per command type. The key must equal the `type` literal (checked below). */
export const COMMAND_SCHEMAS = {
  raiseEquity: z.object({ type: z.literal('raiseEquity'), amountUsd: amount('Cash to raise in a private round, USD (the scenario sets the minimum round).') }).strict().describe('Sell new shares to private investors.'),
  ipo: z.object({ type: z.literal('ipo'), amountUsd: amount('Cash to raise by listing, USD.') }).strict().describe('List the company on the stock market, selling new shares.'),
  followOn: z.object({ type: z.literal('followOn'), amountUsd: amount('Cash to raise from a follow-on offering, USD.') }).strict().describe('A listed company sells more shares.'),
  issueConvertible: z.object({ type: z.literal('issueConvertible'), amountUsd: amount('Face value of the convertible notes, USD.') }).strict().describe('A listed company sells notes that convert into shares.'),
  takeGpuLoan: z.object({ type: z.literal('takeGpuLoan'), amountUsd: loan('Loan principal secured on the GPU fleet, USD.') }).strict().describe('Borrow against the GPUs (amortising).'),
  drawFacility: z.object({ type: z.literal('drawFacility'), amountUsd: loan('Draw on the contract-backed facility, USD.') }).strict().describe('Borrow against signed customer contracts (amortising); an open committed facility lends it first.'),
  arrangeFacility: z.object({ type: z.literal('arrangeFacility'), amountUsd: loan('The commitment the lenders are asked for, USD.') }).strict().describe('Ask lenders to commit a delayed-draw term loan against signed contracts: underwritten now, drawn later with `drawFacility` without being underwritten again, for a fee on the undrawn amount.'),
  issueBond: z.object({ type: z.literal('issueBond'), amountUsd: amount('Face value of the bond, USD (the scenario sets the minimum issue).') }).strict().describe('Sell a fixed-coupon high-yield bond.'),
  drawRevolver: z.object({ type: z.literal('drawRevolver'), amountUsd: loan('Draw on the revolving credit line, USD.') }).strict().describe('Draw on the revolver banks grant at enough revenue.'),
  repayDebt: z.object({
    type: z.literal('repayDebt'),
    debtId: Id.describe('Id of the debt instrument, e.g. "d3" (shown in the finance panel).'),
    amountUsd: amount('Principal to repay, USD (capped at what is owed).'),
  }).strict().describe('Repay debt early from cash.'),
  orderGpus: z.object({
    type: z.literal('orderGpus'),
    modelId,
    count: z.number().int().min(B.orderCount.min).max(B.orderCount.max).describe('GPUs to order (whole number).'),
    vendorFinancing: z.boolean().optional().describe('Let the vendor finance part of the price on delivery (default false).'),
  }).strict().describe('Order GPUs from the vendor: deposit now, the rest on delivery.'),
  sellGpus: z.object({
    type: z.literal('sellGpus'),
    modelId,
    count: z.number().int().min(B.sellCount.min).max(B.sellCount.max).describe('GPUs to sell second-hand (whole number).'),
  }).strict().describe('Sell owned GPUs on the second-hand market.'),
  setDepreciationLife: z.object({
    type: z.literal('setDepreciationLife'),
    years: z.literal(B.depreciationYears).describe('Depreciation life of GPUs, years: 4, 5 or 6.'),
  }).strict().describe('Choose the depreciation life (changes reported profit, not cash).'),
  leaseColo: site('leaseColo', 'Lease colocation space (quick, rented).'),
  buildCampus: site('buildCampus', 'Build an owned campus (slow, waits for the grid).'),
  buyPoweredSite: site('buyPoweredSite', 'Buy a powered site (paid now, skips the grid queue).'),
  bidRfp: z.object({
    type: z.literal('bidRfp'),
    rfpId: Id.describe('Id of an open request for proposals, e.g. "r12".'),
    usdPerGpuHour: z.number().finite().min(B.usdPerGpuHour.min).max(B.usdPerGpuHour.max).describe('Price bid, USD per GPU-hour.'),
  }).strict().describe('Bid on a customer\'s request for proposals.'),
  setOnDemandPrice: z.object({
    type: z.literal('setOnDemandPrice'),
    priceFactor: z.number().finite().min(B.genPriceFactor.min).max(B.priceFactor.max).describe(`Without modelId: every generation's on-demand rent as a multiple of its market index (${B.priceFactor.min}–${B.priceFactor.max}; replaces per-generation prices). With modelId: that generation's rent as a multiple of its list rent (${B.genPriceFactor.min}–${B.genPriceFactor.max}).`),
    modelId: modelId.optional().describe('Price only this GPU generation (optional).'),
  }).strict().describe('Set the on-demand price, for every generation or for one.'),
  setPlatformSpend: z.object({
    type: z.literal('setPlatformSpend'),
    usdPerWeek: money(B.platformUsdPerWeek, 'Software platform spend, USD per week.'),
  }).strict().describe('Fund the software platform.'),
} as const;

type Schemas = typeof COMMAND_SCHEMAS;
/** Compile-time check: each key names its own `type` literal (a mismatch fails to type-check). */
type TypeOf<K extends keyof Schemas> = z.infer<Schemas[K]>['type'];
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AllTrue<T extends true> = T;
export type _KeysAreTypes = AllTrue<{ [K in keyof Schemas]: Same<TypeOf<K>, K> }[keyof Schemas]>;

const OPTIONS = Object.values(COMMAND_SCHEMAS) as [Schemas[keyof Schemas], ...Schemas[keyof Schemas][]];

/** Any player command. */
export const CommandSchema = z.discriminatedUnion('type', OPTIONS).describe('A player command, chosen by "type".');

/** A player (or autopilot, or rival) command: plain serialisable data. */
export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command['type'];

/** Every command type, in schema order. */
export const COMMAND_TYPES = Object.keys(COMMAND_SCHEMAS) as CommandType[];

/** Most entries a command log (action file, save) may hold: one number for every kind of file, in limits.ts. */
import { MAX_LOGGED_COMMANDS } from '../limits.ts';
export { MAX_LOGGED_COMMANDS };

/** One entry of a command log: the command issued while `world.week === week`. */
export const LoggedCommandSchema = z.object({
  week: z.number().int().min(0).max(100_000).describe('Week (0 = the first week) the command is issued in.'),
  command: CommandSchema,
}).strict().describe('A command and the week it is issued in.');
export type LoggedCommand = { week: number; command: Command };

export const CommandLogSchema = z.array(LoggedCommandSchema).max(MAX_LOGGED_COMMANDS).describe('Commands in week order, each { "week": N, "command": { "type": ... } }.');

/** A refused command or log: where, what (English), and the same as a message id for the player's language. */
export type ParseFailure = { ok: false; path: string; message: string; msg: ErrMsg };

const failure = (base: PathSegment[], e: { message: string; msg: ErrMsg }): ParseFailure => ({ ok: false, path: formatPath(base), ...e });

function check<T>(schema: z.ZodType<T>, x: unknown, base: PathSegment[]): { ok: true; data: T } | ParseFailure {
  const r = schema.safeParse(x);
  if (r.success) return { ok: true, data: r.data };
  const errors = zodIssuesToErrors(r.error.issues, schema, x);
  const e = errors[0];
  const path = [...base, ...(e?.path ?? [])];
  const what = e?.msg ? { message: e.message, msg: e.msg } : em('scn.cmd.invalid');
  return { ok: false, path: formatPath(path), ...what };
}

/**
 * Check an untrusted command. Never throws. `path` points into the command (`count`,
 * `type`; "" for the command itself), prefixed by `base` when given (`actions[3].command`).
 * The command returned is a fresh copy holding only the known fields.
 */
export function parseCommand(x: unknown, base: PathSegment[] = []): { ok: true; command: Command } | ParseFailure {
  try {
    const r = check(CommandSchema, x, base);
    return r.ok ? { ok: true, command: r.data } : r;
  } catch (e) {
    return failure(base, em('scn.cmd.internal', { detail: e instanceof Error ? e.message : String(e) }));
  }
}

/**
 * Check an untrusted command log `{ week, command }[]`: at most MAX_LOGGED_COMMANDS entries, weeks
 * whole numbers ≥ 0 in order, every command valid. The first problem is reported with its path,
 * prefixed by `base` (e.g. `["actions"]` → `actions[3].command.count`). Never throws.
 * What is returned is a fresh copy holding only the known fields (no getters, no prototypes).
 */
export function parseCommandLog(x: unknown, base: PathSegment[] = []): { ok: true; log: LoggedCommand[] } | ParseFailure {
  try {
    if (!Array.isArray(x)) return failure(base, em('scn.cmd.notList'));
    if (x.length > MAX_LOGGED_COMMANDS) return failure(base, em('scn.cmd.tooMany', { max: MAX_LOGGED_COMMANDS, n: x.length }));
    const log: LoggedCommand[] = [];
    let prev = 0;
    for (let i = 0; i < x.length; i++) {
      const r = check(LoggedCommandSchema, x[i], [...base, i]);
      if (!r.ok) return r;
      if (r.data.week < prev) return failure([...base, i, 'week'], em('scn.cmd.order', { week: r.data.week, prev }));
      prev = r.data.week;
      log.push(r.data);
    }
    return { ok: true, log };
  } catch (e) {
    return failure(base, em('scn.cmd.internal', { detail: e instanceof Error ? e.message : String(e) }));
  }
}
