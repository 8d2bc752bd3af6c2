/**
 * Small lookups into scenario data (catalogues are short, so linear scans are fine).
 */
import type { GpuModel, Region } from '../scenario/schema/index.ts';
import type { World, GenMarket, RegionState } from './types.ts';

export function gpuModel(world: World, modelId: string): GpuModel | undefined {
  return world.scenario.gpus.find((g) => g.id === modelId);
}
export function genIndex(world: World, modelId: string): number {
  return world.scenario.gpus.findIndex((g) => g.id === modelId);
}
export function genMarket(world: World, modelId: string): GenMarket | undefined {
  return world.market.gens.find((g) => g.modelId === modelId);
}
export function region(world: World, regionId: string): Region | undefined {
  return world.scenario.regions.find((r) => r.id === regionId);
}
export function regionState(world: World, regionId: string): RegionState | undefined {
  return world.regions.find((r) => r.id === regionId);
}
