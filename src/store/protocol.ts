/** Messages between the main thread and the engine worker. */
import type { Command } from '../engine/commands/types.ts';
import type { StrategyId } from '../engine/types.ts';
import type { Scenario } from '../scenario/schema/index.ts';
import type { Snapshot, Speed, PauseReason } from './snapshot.ts';
import type { HostOptions, RunRequest } from './sim.ts';
import type { LoadRequest } from './load.ts';

/** Snapshot fields that only grow (closed requests, quarter reports): streamed only when they change. */
export const HISTORY_FIELDS = ['closedRfps', 'quarters', 'marketQuarters'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** A cheap key that changes whenever a history field's content does (entries are closed records: appended, never edited). */
export function historyKey(snap: Snapshot, f: HistoryField): string {
  const a = snap[f] as { id?: string; label?: string }[];
  const last = a[a.length - 1];
  return `${a.length}:${last?.id ?? last?.label ?? ''}`;
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
  /** A streamed snapshot; fields named in `same` were left out (empty) because they did not change since the previous streamed snapshot of this game: the page keeps its own copy. */
  | { t: 'snapshot'; snap: Snapshot; same?: HistoryField[] }
  | { t: 'paused'; reason: PauseReason }
  | { t: 'error'; message: string };
