/**
 * Result files of a class made the way students make them — each one a real run replayed by
 * `buildResult` (the code the browser's hand-in and `sim --result` use): a shared-seed class on the
 * default scenario, a mix of autopilots and hand-played logs, every game played to its end.
 * Written once into a directory and reused while the sources do not change (the replays are slow):
 * when anything under src/engine, src/scenario, src/class or scenarios/ is newer than the
 * directory's stamp, the files are made again.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildResult, resultText, resultFileName } from '../../src/class/result.ts';
import { classHash, CLASS_CONFIG_VERSION, DEFAULT_CLASS_RULES, type ClassConfig } from '../../src/class/config.ts';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import type { StrategyId } from '../../src/engine/types.ts';
import { handPlayedLog } from '../class/helpers.ts';

export const CLASS_SEED = 42;
export const CLASS_CONFIG: ClassConfig = {
  version: CLASS_CONFIG_VERSION, title: 'Debrief class', scenario: { kind: 'bundled', id: 'default' }, overlay: {},
  seed: CLASS_SEED, seedMode: 'shared', rules: DEFAULT_CLASS_RULES,
};

const NAMES = ['Ada Lovelace', '王芳', 'Grace Hopper', '李伟', 'Alan Turing', 'Zhang Min', 'Katherine Johnson', '陈静', 'Edsger Dijkstra', 'Liu Yang'];
const AUTOPILOTS: StrategyId[] = ['leveraged', 'prudent', 'idle', 'random', 'developer'];

/** Student i's name (unique for i < 1000). */
export function studentName(i: number): string {
  const base = NAMES[i % NAMES.length]!;
  return i < NAMES.length ? base : `${base} ${Math.floor(i / NAMES.length) + 1}`;
}

/**
 * `n` result files in `dir` (made when missing). Every third student plays by hand (the
 * hand-played log of test/class/helpers.ts, with a different price step per student); the others
 * hand the company to an autopilot. Returns the file paths in student order.
 */
export async function classResultFiles(dir: string, n: number): Promise<string[]> {
  const stamp = join(dir, '.made');
  if (!existsSync(stamp) || statSync(stamp).mtimeMs < newestSourceMs()) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const loaded = loadBundledScenario('default');
  if (!loaded.ok) throw new Error('default scenario does not load');
  const scenario = loaded.scenario;
  const hash = await classHash(CLASS_CONFIG);
  const paths: string[] = [];
  for (let i = 0; i < n; i++) {
    const student = studentName(i);
    const path = join(dir, `${String(i).padStart(2, '0')}-${resultFileName(student, CLASS_CONFIG.title)}`);
    paths.push(path);
    if (existsSync(path)) continue;
    const byHand = i % 3 === 0;
    const log = byHand ? handPlayedLog(scenario.calendar.lengthWeeks).map((e) => (e.command.type === 'setOnDemandPrice' ? { week: e.week, command: { ...e.command, priceFactor: Math.min(2, e.command.priceFactor + (i % 5) * 0.05) } } : e)) : [];
    const file = await buildResult(
      { scenario, seed: CLASS_SEED, autopilot: byHand ? null : AUTOPILOTS[i % AUTOPILOTS.length]!, depreciationYears: null, log, week: scenario.calendar.lengthWeeks },
      { student, attempt: 1, class: { hash, title: CLASS_CONFIG.title, seed: CLASS_SEED, seedMode: 'shared' }, answers: ['Because the price war came.', ''] },
    );
    writeFileSync(path, resultText(file));
  }
  if (!existsSync(stamp)) writeFileSync(stamp, new Date().toISOString());
  return paths;
}

const ROOT = resolve(import.meta.dirname, '../..');
/** Newest modification time of what a result file depends on. */
function newestSourceMs(): number {
  let newest = 0;
  const walk = (p: string): void => {
    const st = statSync(p);
    if (st.isDirectory()) { for (const f of readdirSync(p)) walk(join(p, f)); return; }
    newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['src/engine', 'src/scenario', 'src/class', 'scenarios']) walk(join(ROOT, p));
  return newest;
}

/** The texts of the files in `dir` (sorted by name). */
export function readAll(dir: string): { name: string; text: string }[] {
  return readdirSync(dir).filter((f) => f.endsWith('.ncrun.json')).sort().map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
}
