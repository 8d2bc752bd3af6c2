/**
 * Engine benchmark:
 *   npm run --silent bench -- [--customers N] [--rivals N] [--weeks N] [--seed N] [--format json|table]
 * Builds the default scenario with N customer agents and N rivals (extra rivals are clones of the
 * scenario's archetypes, with their own ids), plays the `leveraged` autopilot for N weeks in this
 * process, and reports wall time (excluding process start and scenario loading), weeks per second
 * and peak heap. Standard case: 10,000 customers, 12 rivals, 416 weeks.
 * The same run then times the reference kernel (`benchKernel.ts`: the naive customer loop of the same
 * size, over the weeks the engine played — fewer when the game ends early) and reports `engineToKernel`, engine time ÷ the faster kernel
 * time — a figure that does not depend on how busy the machine is at the moment — and the final
 * `stateHash` (json), so a speed-up can be checked to leave the simulation bit-identical.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs, intArg, enumArg, fail } from './args.ts';
import { loadScenarioObject, formatErrors } from '../scenario/load.ts';
import { createWorld, step, isOver, stateHash } from '../engine/api.ts';
import { runKernel } from './benchKernel.ts';

const { opts, files } = parseArgs(process.argv.slice(2), ['customers', 'rivals', 'weeks', 'seed', 'format']);
if (files.length > 0) fail(`unexpected argument "${files[0]}"`);
const customers = intArg(opts, 'customers', 10, 200_000) ?? 10_000;
const rivals = intArg(opts, 'rivals', 0, 64) ?? 12;
const weeks = intArg(opts, 'weeks', 1, 1040) ?? 416;
const seed = intArg(opts, 'seed', 0, 4294967295) ?? 1;
const format = enumArg(opts, 'format', ['json', 'table'] as const) ?? 'table';

const file = join(import.meta.dirname, '..', '..', 'scenarios', 'default.json');
const json = JSON.parse(readFileSync(file, 'utf8')) as {
  calendar: { lengthWeeks: number };
  market: { demand: { customerAgents: number }; rivals: { id: string; name: string }[] };
};
json.market.demand.customerAgents = customers;
json.calendar.lengthWeeks = Math.max(json.calendar.lengthWeeks, weeks);
const base = json.market.rivals;
const list: typeof base = [];
for (let i = 0; i < rivals; i++) {
  const r = structuredClone(base[i % base.length]!);
  if (i >= base.length) { r.id = `${r.id}-${Math.floor(i / base.length) + 1}`; r.name = `${r.name} ${Math.floor(i / base.length) + 1}`; }
  list.push(r);
}
json.market.rivals = list;
const loaded = loadScenarioObject(json);
if (!loaded.ok) fail(`benchmark scenario is invalid:\n${formatErrors(loaded.errors, '')}`);
const scenario = loaded.scenario;

/** Play the engine and keep only its figures, so the world is garbage before the kernel is timed. */
function playEngine() {
  let peak = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const world = createWorld(scenario, { seed, strategy: 'leveraged' });
  let n = 0;
  while (n < weeks && !isOver(world)) {
    step(world);
    n++;
    if ((n & 15) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
  }
  const wallMs = performance.now() - t0;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  // The final state's hash (taken after timing): a speed-up must leave it unchanged.
  return { n, wallMs, peak, customers: world.customers.count, rivals: world.companies.length - 1, status: world.status, stateHash: stateHash(world) };
}
const e = playEngine();
// The kernel is timed over the weeks the engine actually played: a game that ends early (the player
// bankrupt) must not be compared with a kernel run over all the weeks asked for. Twice; the faster
// counts (less noise from a busy machine).
const kernelSize = { customers: scenario.market.demand.customerAgents, providers: rivals + 1, weeks: e.n, seed };
const kernelMs = Math.min(runKernel(kernelSize).wallMs, runKernel(kernelSize).wallMs);
const out = {
  customers: e.customers, rivals: e.rivals, weeks: e.n,
  // Why the run stopped before the weeks asked for (null: it played them all).
  endedEarly: e.n < weeks ? e.status : null,
  wallMs: Math.round(e.wallMs), weeksPerSecond: Math.round((e.n / e.wallMs) * 1000), peakHeapMb: Math.round((e.peak / 1048576) * 10) / 10,
  kernelMs: Math.round(kernelMs), engineToKernel: Math.round((e.wallMs / Math.max(kernelMs, 0.001)) * 100) / 100,
  stateHash: e.stateHash,
};
if (format === 'json') process.stdout.write(JSON.stringify(out) + '\n');
else process.stdout.write(`${out.weeks} weeks${out.endedEarly ? ` (game over: ${out.endedEarly})` : ''}, ${out.customers.toLocaleString('en-US')} customers, ${out.rivals} rivals: ${out.wallMs} ms (${out.weeksPerSecond} weeks/s), peak heap ${out.peakHeapMb} MB; reference kernel ${out.kernelMs} ms, engine ÷ kernel ${out.engineToKernel}×\n`);
