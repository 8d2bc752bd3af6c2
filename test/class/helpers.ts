/**
 * Shared helpers for the class-mode tests: a hand-played command log of a typical size, result
 * files built once per (scenario, seed, student), and small edits that tamper with a file.
 */
import type { LoggedCommand } from '../../src/scenario/schema/commands.ts';
import type { Scenario } from '../../src/scenario/schema/index.ts';
import { defaultScenario } from '../engine/helpers.ts';
import { buildResult, resultText, type ResultFile, type ResultMeta } from '../../src/class/result.ts';
import type { RunInputs } from '../../src/class/replay.ts';

export { defaultScenario };

/**
 * What a student who plays by hand issues over `weeks` weeks: a site and GPUs early, a price
 * change most months, an equity round a year, more GPUs and power each quarter, bids on requests.
 * About 9 commands a quarter — more than the 3–6 a hand-played first hour shows. Some are refused
 * at their tick (a bid on a closed request); a refusal is logged and replays identically.
 */
export function handPlayedLog(weeks: number): LoggedCommand[] {
  const log: LoggedCommand[] = [
    { week: 0, command: { type: 'leaseColo', regionId: 'us-texas', powerMw: 4 } },
    { week: 0, command: { type: 'orderGpus', modelId: 'h100', count: 512 } },
  ];
  for (let w = 1; w < weeks; w++) {
    if (w % 4 === 0) log.push({ week: w, command: { type: 'setOnDemandPrice', priceFactor: 0.9 + ((w / 4) % 5) * 0.05 } });
    if (w % 13 === 5) {
      log.push({ week: w, command: { type: 'leaseColo', regionId: w % 2 ? 'us-virginia' : 'us-texas', powerMw: 2 } });
      log.push({ week: w, command: { type: 'orderGpus', modelId: w < 150 ? 'h100' : 'b200', count: 256, vendorFinancing: true } });
      log.push({ week: w, command: { type: 'bidRfp', rfpId: `r${Math.floor(w / 2)}`, usdPerGpuHour: 2.1 } });
    }
    if (w % 52 === 20) log.push({ week: w, command: { type: 'raiseEquity', amountUsd: 150_000_000 } });
    if (w % 26 === 10) log.push({ week: w, command: { type: 'setPlatformSpend', usdPerWeek: 200_000 } });
  }
  return log;
}

/** A run on `scenario` with `seed`, autopilot and log. */
export function runOf(scenario: Scenario, seed: number, o: Partial<RunInputs> = {}): RunInputs {
  return { scenario, seed, autopilot: null, depreciationYears: null, log: [], week: scenario.calendar.lengthWeeks, ...o };
}

export const noClassMeta = (student: string): ResultMeta => ({ student, attempt: 1, class: null, answers: [] });

const built = new Map<string, Promise<ResultFile>>();
/** A result file, built once per key within a test file (replays are the slow part). */
export function cachedResult(key: string, make: () => Promise<ResultFile>): Promise<ResultFile> {
  let p = built.get(key);
  if (!p) { p = make(); built.set(key, p); }
  return p;
}

/** A typical 8-year game on the default scenario, played by hand, as a result file. */
export function typicalResult(): Promise<ResultFile> {
  return cachedResult('typical', () => {
    const s = defaultScenario();
    return buildResult(runOf(s, 42, { log: handPlayedLog(s.calendar.lengthWeeks) }), { ...noClassMeta('Ada Lovelace'), answers: ['Debt grew faster than contracts.', 'I would order fewer H100s before the price war.'] });
  });
}

/** A deep copy of a result file's JSON, edited. */
export function edited(file: ResultFile, change: (f: Record<string, unknown> & ResultFile) => void): string {
  const f = JSON.parse(resultText(file)) as Record<string, unknown> & ResultFile;
  change(f);
  return JSON.stringify(f);
}

/**
 * English words left in a text meant to be Chinese: what remains after taking out quoted names
 * (“…” and "…": paths, titles, ids from the file), tokens with a digit (figures, build ids, hex),
 * file names and the few technical words both languages write alike. Empty when none.
 */
export function englishWords(text: string, allowed: readonly string[] = []): string[] {
  let t = text.replace(/“[^”]*”|"[^"]*"/g, ' ');
  for (const a of allowed) t = t.split(a).join(' ');
  t = t.replace(/[\w.+-]*\d[\w.+-]*/g, ' ').replace(/\S+\.(?:ncrun\.)?(?:json|zip|txt)\b/gi, ' ');
  return (t.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !['JSON', 'SHA', 'MB', 'null', 'true', 'false', 'ncrun', 'json'].includes(w));
}
