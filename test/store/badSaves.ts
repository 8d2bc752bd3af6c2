/**
 * A corpus of bad saves, built from one good save by a single change each: wrong format and
 * version, every field out of type or range, unknown fields, weeks negative / fractional / out of
 * order / past the game, malformed commands, oversized text, a broken scenario inside.
 * Used by the Node tests (saveCheck + load) and by the Chromium tests (importSave, Import button).
 */
import { MAX_FILE_BYTES, MAX_LOGGED_COMMANDS } from '../../src/scenario/limits.ts';
import { loadBundledScenario } from '../../src/scenario/load.ts';
import { SimCore } from '../../src/store/sim.ts';
import { makeSaveFile } from '../../src/store/saveFormat.ts';

/** A good save made in Node (default, seed 9, two commands, week 23; the same engine, so the browser replays it to the same hash). */
export function goodSave(): { text: string; hash: string; week: number } {
  const r = loadBundledScenario('default');
  if (!r.ok) throw new Error('default scenario invalid');
  const core = new SimCore();
  core.start({ scenario: r.scenario, seed: 9 });
  core.issue({ type: 'orderGpus', modelId: 'h100', count: 500, vendorFinancing: false });
  core.stepWeeks(3);
  core.issue({ type: 'leaseColo', regionId: 'us-virginia', powerMw: 5 });
  core.stepWeeks(20);
  return { text: JSON.stringify(makeSaveFile('node', core.saveData()!, '2026-01-01T00:00:00.000Z')), hash: core.hash(), week: 23 };
}

export interface BadSave { name: string; text: string }

type Doc = Record<string, unknown> & { log: { week: number; command: Record<string, unknown> }[]; scenario: Record<string, unknown> };

/** Every bad variant of `goodText` (a valid save whose log holds at least two commands). */
export function badSaves(goodText: string): BadSave[] {
  const good = JSON.parse(goodText) as Doc;
  if (good.log.length < 2) throw new Error('the good save needs at least two logged commands');
  const out: BadSave[] = [];
  const text = (name: string, t: string) => out.push({ name, text: t });
  const edit = (name: string, f: (d: Doc) => void) => {
    const d = structuredClone(good);
    f(d);
    out.push({ name, text: JSON.stringify(d) });
  };
  const set = (field: string, values: unknown[]) => {
    for (const v of values) edit(`${field} = ${JSON.stringify(v)?.slice(0, 30)}`, (d) => { d[field] = v; });
    edit(`${field} missing`, (d) => { delete d[field]; });
  };
  const cmd = (name: string, f: (c: Record<string, unknown>) => void, i = 0) => edit(name, (d) => f(d.log[i]!.command));

  // Not a save at all.
  text('empty text', '');
  text('not JSON', '{"format": "neocloud-tycoon-save",');
  text('a JSON list', '[]');
  text('a number', '42');
  text('null', 'null');
  text('a scenario, not a save', JSON.stringify(good.scenario));
  // The envelope.
  set('format', ['neocloud-tycoon-scenario', 1]);
  set('saveVersion', [2, '1', 0, 1.5, -1]);
  set('seed', [-5, 1.5, 2 ** 32, 1e308, '7', null]);
  set('strategy', ['evil', 'constructor', '__proto__', 'toString', 'player', 5]);
  set('depreciationYears', [7, '5', 0]);
  set('week', [-1, 0.5, 1e9, '30', null]);
  set('name', [5, 'x'.repeat(500)]);
  set('scenarioId', ['another-id', 7]);
  set('log', [{}, 'none', null]);
  set('scenario', [null, 'default', []]);
  edit('an unknown field', (d) => { d.cheat = true; });
  text('a "__proto__" field', goodText.replace(/^\{/, '{"__proto__": {"week": 1},'));
  edit('a "constructor" field', (d) => { (d as Record<string, unknown>)['constructor'] = 'x'; });
  edit('week before the last command', (d) => { d.week = d.log[d.log.length - 1]!.week - 1; });
  edit('week after the game ends', (d) => { d.week = 1040; });
  // The log.
  edit('log entry null', (d) => { (d.log as unknown[])[0] = null; });
  edit('log entry without command', (d) => { delete (d.log[0] as Partial<Doc['log'][0]>).command; });
  edit('log entry with an extra field', (d) => { (d.log[0] as Record<string, unknown>).ok = true; });
  edit('log week -1', (d) => { d.log[0]!.week = -1; });
  edit('log week 0.5', (d) => { d.log[0]!.week = 0.5; });
  edit('log week as text', (d) => { (d.log[0] as Record<string, unknown>).week = '3'; });
  edit('log weeks out of order', (d) => { d.log[1]!.week = d.log[0]!.week; d.log[0]!.week = d.log[1]!.week + 1; });
  edit('log week after the save week', (d) => { d.log[d.log.length - 1]!.week = (d.week as number) + 1; });
  edit('log longer than the cap', (d) => { d.log = Array.from({ length: MAX_LOGGED_COMMANDS + 1 }, () => ({ week: 0, command: { type: 'setPlatformSpend', usdPerWeek: 1 } })); });
  // The commands (the first logged command is an orderGpus in the fixtures).
  cmd('command type unknown', (c) => { c.type = 'leaseColoo'; });
  cmd('command type "__proto__"', (c) => { c.type = '__proto__'; });
  cmd('command type missing', (c) => { delete c.type; });
  edit('command is a list', (d) => { (d.log[0] as Record<string, unknown>).command = ['orderGpus']; });
  edit('command is text', (d) => { (d.log[0] as Record<string, unknown>).command = 'orderGpus'; });
  cmd('count as text', (c) => { c.count = '3000'; });
  cmd('count negative', (c) => { c.count = -1; });
  cmd('count fractional', (c) => { c.count = 0.5; });
  cmd('count 1e308', (c) => { c.count = 1e308; });
  cmd('count null (NaN in JSON)', (c) => { c.count = null; });
  cmd('count missing', (c) => { delete c.count; });
  cmd('extra command field', (c) => { c.bonus = 1; });
  cmd('a 1 MB string in a command', (c) => { c.modelId = 'h'.repeat(1024 * 1024); });
  cmd('unknown GPU model id', (c) => { c.modelId = 'h999'; });
  edit('unknown region id', (d) => { d.log[1]!.command.regionId = 'mars-north'; });
  cmd('nested object in a command', (c) => { c.modelId = { id: 'h100' }; });
  // The scenario inside.
  edit('scenario with a bad field', (d) => { (d.scenario.calendar as Record<string, unknown>).lengthWeeks = 'lots'; });
  edit('scenario with an HTML title', (d) => { d.scenario.title = { en: '<img src=x onerror=alert(1)>' }; });
  text('scenario with a "__proto__" key', goodText.replace('"scenario":{', '"scenario":{"__proto__":{"polluted":true},'));
  // Size.
  text('larger than the save limit', JSON.stringify({ ...good, name: 'big', pad: undefined, log: good.log }).replace('"name":"big"', `"name":"${'x'.repeat(MAX_FILE_BYTES.save)}"`));
  return out;
}
