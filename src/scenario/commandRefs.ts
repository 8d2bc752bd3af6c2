/**
 * Cross-check of a command against a scenario: the ids a command names (GPU model, region) must
 * be defined in that scenario. Used by crossChecks.ts for `lesson.historicalCommands` and by the
 * runner for `sim --actions` files. Ids that exist only during a game (debts, requests for
 * proposals) are checked by the engine when the command is played.
 */
import type { Scenario } from './schema/index.ts';
import type { Command } from './schema/commands.ts';
import type { PathSegment } from './paths.ts';
import type { RawError } from './rawError.ts';
import { closest } from './suggest.ts';
import { em, suggParams } from './errMsg.ts';

/** The first unknown id a command names, with its path below `base`, or null. */
export function commandIdError(s: Pick<Scenario, 'gpus' | 'regions'>, cmd: Command, base: PathSegment[]): RawError | null {
  const check = (id: string, known: string[], field: string, what: 'model' | 'region', list: string): RawError | null =>
    known.includes(id) ? null : { path: [...base, field], ...unknownIdError(id, known, what, list) };
  switch (cmd.type) {
    case 'orderGpus':
    case 'sellGpus':
      return check(cmd.modelId, s.gpus.map((g) => g.id), 'modelId', 'model', 'gpus');
    case 'leaseColo':
    case 'buildCampus':
    case 'buyPoweredSite':
      return check(cmd.regionId, s.regions.map((r) => r.id), 'regionId', 'region', 'regions');
    default:
      return null;
  }
}

/** "… is not a GPU model defined in gpus. Did you mean …? Known: …" (also crossChecks' references). */
export function unknownIdError(id: string, known: Iterable<string>, what: 'model' | 'region' | 'rival' | 'segment' | 'event', list: string) {
  const all = [...known];
  return em('scn.unknownId', { id: JSON.stringify(id), what: `scn.what.${what}`, list, ...suggParams(closest(id, all)), known: all.join(', ') || '(none)' });
}
