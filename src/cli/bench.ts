/**
 * Engine benchmark:
 *   npm run --silent bench -- [--customers N] [--rivals N] [--weeks N] [--seed N] [--format json|table]
 * Builds the default scenario with N customer agents and N rivals (extra rivals are clones of the
 * scenario's archetypes, with their own ids), plays the `leveraged` autopilot for N weeks in this
 * process, and reports wall time (excluding process start and scenario loading), weeks per second
 * and peak heap. Standard case: 10,000 customers, 12 rivals, 416 weeks.
 * The same run times the reference kernel (`benchKernel.ts`: the naive customer loop of the same
 * size) before and after the engine and reports `engineToKernel`, engine time ÷ the faster kernel
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

const kernelSize = { customers: loaded.scenario.market.demand.customerAgents, providers: rivals + 1, weeks, seed };
const kernelBefore = runKernel(kernelSize);
let peak = process.memoryUsage().heapUsed;
const t0 = performance.now();
const world = createWorld(loaded.scenario, { seed, strategy: 'leveraged' });
let n = 0;
while (n < weeks && !isOver(world)) {
  step(world);
  n++;
  if ((n & 15) === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
}
const wallMs = performance.now() - t0;
peak = Math.max(peak, process.memoryUsage().heapUsed);
const kernelAfter = runKernel(kernelSize);
const kernelMs = Math.min(kernelBefore.wallMs, kernelAfter.wallMs);
const out = {
  customers: world.customers.count, rivals: world.companies.length - 1, weeks: n,
  wallMs: Math.round(wallMs), weeksPerSecond: Math.round((n / wallMs) * 1000), peakHeapMb: Math.round((peak / 1048576) * 10) / 10,
  kernelMs: Math.round(kernelMs), engineToKernel: Math.round((wallMs / Math.max(kernelMs, 0.001)) * 100) / 100,
  // The final state's hash (taken after timing): a speed-up must leave it unchanged.
  stateHash: stateHash(world),
};
if (format === 'json') process.stdout.write(JSON.stringify(out) + '\n');
else process.stdout.write(`${out.weeks} weeks, ${out.customers.toLocaleString('en-US')} customers, ${out.rivals} rivals: ${out.wallMs} ms (${out.weeksPerSecond} weeks/s), peak heap ${out.peakHeapMb} MB; reference kernel ${out.kernelMs} ms, engine ÷ kernel ${out.engineToKernel}×\n`);
