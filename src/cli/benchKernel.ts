/**
 * The benchmark's reference kernel: the textbook way to step the same market, timed in the same
 * process so the engine's figure can be read against this machine's speed at that moment.
 *
 * Each week every customer agent re-evaluates every provider (plus the hyperscalers) with a logit
 * over price, platform and free capacity — one `exp` per agent per provider per week — draws its
 * choice and adds its demand to the provider. That is the minimum a naive agent-based step of this
 * market does, with the engine's own `exp` and random stream; the engine does far more per week
 * (contracts, finance, power, rivals' strategies, the ledger) but lets agents re-shop only at their
 * churn rate. `engineToKernel` = engine wall time ÷ kernel wall time: ≤ 1.0 means the whole engine
 * runs no slower than a naive customer loop alone.
 */
import { exp } from '../engine/dmath.ts';
import { seedStream, nextFloat } from '../engine/rng.ts';

export interface KernelSize {
  /** Customer agents. */
  customers: number;
  /** Providers besides the hyperscalers (the player and the rivals). */
  providers: number;
  /** Weeks stepped. */
  weeks: number;
  /** Seed of the kernel's random stream. */
  seed: number;
}

/** Runs the kernel; returns the wall time in ms and a checksum (so the work cannot be optimised away). */
export function runKernel(size: KernelSize): { wallMs: number; checksum: number } {
  const { customers, providers, weeks } = size;
  const rng = seedStream(size.seed, 'bench-kernel');
  const sens = new Float64Array(customers);
  const weight = new Float64Array(customers);
  const choice = new Int16Array(customers);
  for (let i = 0; i < customers; i++) { sens[i] = 0.5 + nextFloat(rng); weight[i] = 1 / customers; }
  const lnPrice = new Float64Array(providers);
  const platform = new Float64Array(providers);
  const capacity = new Float64Array(providers);
  const demand = new Float64Array(providers);
  const util = new Float64Array(providers);
  let checksum = 0;
  const t0 = performance.now();
  for (let w = 0; w < weeks; w++) {
    for (let c = 0; c < providers; c++) {
      lnPrice[c] = (nextFloat(rng) - 0.5) * 0.4;
      platform[c] = nextFloat(rng) * 0.6;
      capacity[c] = (1 + nextFloat(rng)) / providers;
      demand[c] = 0;
    }
    let toHyper = 0;
    for (let i = 0; i < customers; i++) {
      let sum = 0;
      for (let c = 0; c < providers; c++) {
        util[c] = exp(-sens[i]! * lnPrice[c]! + platform[c]!) * Math.max(0.05, 1 - demand[c]! / capacity[c]!);
        sum += util[c]!;
      }
      sum += exp(-sens[i]! * 0.2 + 0.3);
      let r = nextFloat(rng) * sum;
      let p = -1;
      for (let c = 0; c < providers; c++) { r -= util[c]!; if (r < 0) { p = c; break; } }
      choice[i] = p;
      if (p >= 0) demand[p] = demand[p]! + weight[i]!;
      else toHyper += weight[i]!;
    }
    checksum += toHyper;
  }
  return { wallMs: performance.now() - t0, checksum };
}
