/** Messages between the main thread and the engine worker. */
import type { Command } from '../engine/commands/types.ts';
import type { StrategyId } from '../engine/types.ts';
import type { Scenario } from '../scenario/schema/index.ts';
import type { Snapshot, Speed, PauseReason } from './snapshot.ts';
import type { HostOptions, RunRequest } from './sim.ts';
import type { LoadRequest } from './load.ts';

/**
 * Snapshot fields that hold closed records (closed requests, quarter reports): streamed as what is
 * new since the page's previous copy, plus the ordered keys of the whole list.
 */
export const HISTORY_FIELDS = ['closedRfps', 'quarters', 'marketQuarters'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

type Entry = { id?: string; label?: string };

/** One history entry's key: a closed record is never edited, so its key names its content. */
export function entryKey(e: Entry): string {
  return e.id ?? e.label ?? '';
}

/**
 * For each history field streamed as a delta: the keys of the whole list, in order (the snapshot's
 * own array then holds only the entries the page did not have).
 */
export type HistoryDelta = Partial<Record<HistoryField, string[]>>;

/** The keys of each history field the page holds after a streamed snapshot. */
export type HistoryKeys = Record<HistoryField, string[]>;

/**
 * Worker side: `snap` with each history field cut to the entries missing from `held` (what the page
 * holds of this game, or null for a new game: everything is sent). Late in a game the closed
 * requests alone are ~200 KB and change almost every week; copying them whole 4× a second was most
 * of the page's deserialising and of the garbage its collector then had to clear.
 */
export function packHistory(snap: Snapshot, held: HistoryKeys | null): { snap: Snapshot; delta: HistoryDelta; keys: HistoryKeys } {
  const keys = {} as HistoryKeys;
  const delta: HistoryDelta = {};
  const out = { ...snap } as unknown as Record<HistoryField, Entry[]>;
  for (const f of HISTORY_FIELDS) {
    const list = snap[f] as Entry[];
    keys[f] = list.map(entryKey);
    if (!held) continue;
    const had = new Set(held[f]);
    const added = list.filter((e) => !had.has(entryKey(e)));
    if (added.length === list.length) continue; // nothing in common: the whole list
    out[f] = added;
    delta[f] = keys[f];
  }
  return { snap: out as unknown as Snapshot, delta, keys };
}

/**
 * Page side: the whole snapshot back from a packed one and the page's previous copy. Throws when a
 * key is neither held nor sent (the two sides disagree: a bug, never hidden).
 */
export function unpackHistory(snap: Snapshot, delta: HistoryDelta | undefined, prev: Snapshot | null): Snapshot {
  if (!delta) return snap;
  const out = snap as unknown as Record<HistoryField, Entry[]>;
  for (const f of HISTORY_FIELDS) {
    const order = delta[f];
    if (!order) continue;
    const byKey = new Map<string, Entry>();
    for (const e of (prev?.[f] ?? []) as Entry[]) byKey.set(entryKey(e), e);
    for (const e of out[f]) byKey.set(entryKey(e), e);
    out[f] = order.map((k) => {
      const e = byKey.get(k);
      if (!e) throw new Error(`streamed snapshot: ${f} entry ${k} is neither held nor sent`);
      return e;
    });
  }
  return snap;
}

export type ToWorker =
  | { t: 'load'; id: number; req: LoadRequest }
  | { t: 'preview'; id: number; cmd: Command }
  | { t: 'issue'; id: number; cmd: Command }
  | { t: 'cancel'; id: number; index: number }
  | { t: 'failNextStep' }
  | { t: 'crashWorker' }
  | { t: 'step'; id: number; weeks: number }
  | { t: 'hash'; id: number }
  | { t: 'save'; id: number }
  | { t: 'snap'; id: number }
  | { t: 'speed'; speed: Speed }
  | { t: 'options'; options: HostOptions }
  | { t: 'bench'; id: number; scenario: Scenario; seed: number; strategies: StrategyId[] }
  | { t: 'runs'; id: number; runs: RunRequest[] }
  | { t: 'results'; id: number; texts: string[]; replay: boolean };

export type FromWorker =
  | { t: 'reply'; id: number; value: unknown }
  | { t: 'fail'; id: number; message: string }
  | { t: 'progress'; id: number; done: number }
  /** A streamed snapshot; history fields named in `delta` hold only what is new since the previous streamed snapshot of this game (`unpackHistory`). */
  | { t: 'snapshot'; snap: Snapshot; delta?: HistoryDelta }
  | { t: 'paused'; reason: PauseReason }
  | { t: 'error'; message: string };
