/**
 * Lookups by id into scenario data and market state. They run hundreds of thousands of times a
 * game (once per GPU lot, contract and order per week), so each list gets an id → element index,
 * kept outside the state (a WeakMap keyed by the list itself, plus the list used last). These lists
 * are built with the world and never edited in place — a list that changes is a new array (or at
 * least a new length), which gets its own index — and ids are unique within a list (the scenario
 * checker enforces it), so the index gives exactly what `find` gives.
 */
import type { GpuModel, Region } from '../scenario/schema/index.ts';
import type { World, GenMarket, RegionState } from './types.ts';

interface Index<T> {
  /** The list the index was built from, and its length then. */
  list: readonly T[] | null;
  length: number;
  byId: Map<string, T>;
  position: Map<string, number>;
  byList: WeakMap<readonly T[], Index<T>>;
}

function newIndex<T>(): Index<T> {
  return { list: null, length: -1, byId: new Map(), position: new Map(), byList: new WeakMap() };
}

/** Make `ix` describe `list` (reusing the index built for it before when still valid). */
function use<T>(ix: Index<T>, list: readonly T[], key: (t: T) => string): void {
  const known = ix.byList.get(list);
  if (known && known.length === list.length) {
    ix.list = list; ix.length = known.length; ix.byId = known.byId; ix.position = known.position;
    return;
  }
  const byId = new Map<string, T>();
  const position = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const el = list[i]!;
    const k = key(el);
    if (!byId.has(k)) { byId.set(k, el); position.set(k, i); }
  }
  ix.list = list; ix.length = list.length; ix.byId = byId; ix.position = position;
  ix.byList.set(list, { list, length: list.length, byId, position, byList: ix.byList });
}

const models = newIndex<GpuModel>();
const gens = newIndex<GenMarket>();
const regions = newIndex<Region>();
const regionStates = newIndex<RegionState>();
const modelKey = (g: GpuModel) => g.id;
const genKey = (g: GenMarket) => g.modelId;
const regionKey = (r: Region) => r.id;
const regionStateKey = (r: RegionState) => r.id;

export function gpuModel(world: World, modelId: string): GpuModel | undefined {
  const list = world.scenario.gpus;
  if (list !== models.list || list.length !== models.length) use(models, list, modelKey);
  return models.byId.get(modelId);
}
export function genIndex(world: World, modelId: string): number {
  const list = world.scenario.gpus;
  if (list !== models.list || list.length !== models.length) use(models, list, modelKey);
  return models.position.get(modelId) ?? -1;
}
export function genMarket(world: World, modelId: string): GenMarket | undefined {
  const list = world.market.gens;
  if (list !== gens.list || list.length !== gens.length) use(gens, list, genKey);
  return gens.byId.get(modelId);
}
export function region(world: World, regionId: string): Region | undefined {
  const list = world.scenario.regions;
  if (list !== regions.list || list.length !== regions.length) use(regions, list, regionKey);
  return regions.byId.get(regionId);
}
export function regionState(world: World, regionId: string): RegionState | undefined {
  const list = world.regions;
  if (list !== regionStates.list || list.length !== regionStates.length) use(regionStates, list, regionStateKey);
  return regionStates.byId.get(regionId);
}
