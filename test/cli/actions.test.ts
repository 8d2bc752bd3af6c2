/**
 * `sim --actions` refuses every case of the bad-command corpus before anything runs (exit 2, one
 * line naming `actions[i].command.field`); the parser the runner uses is checked in-process for
 * every case, and a sample runs through the real process. `--strategy none` lets the log alone
 * drive the company, and a game played by hand in the browser's engine host (SimCore) gives the
 * same state hash as the CLI; `npm run check` exits 1 on a broken identity, 2 on bad files.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseActionsText } from '../../src/cli/actions.ts';
import { runScenario } from '../../src/cli/run.ts';
import { SimCore } from '../../src/store/sim.ts';
import { makeSaveFile } from '../../src/store/saveFormat.ts';
import { defaultScenario } from '../engine/helpers.ts';
import { badCommands, joinPath, VALID_COMMANDS } from '../scenario/badCommands.ts';
import { ROOT, runCheck } from './contract.ts';
import { TSX, tsxArgs } from './harness.ts';

const DEFAULT = 'scenarios/default.json';
const sim = (args: string[]) => spawnSync(TSX, tsxArgs('sim.ts', args), { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
const asFile = (bad: unknown) => JSON.stringify([{ week: 0, command: VALID_COMMANDS.raiseEquity }, { week: 1, command: VALID_COMMANDS.leaseColo }, { week: 1, command: bad }]);

describe('sim --actions: the bad-command corpus', () => {
  const cases = badCommands();

  it('every case is refused by the runner\'s action-file parser with its exact path', () => {
    const scenario = defaultScenario();
    let refused = 0;
    for (const c of cases) {
      const r = parseActionsText(asFile(c.command), scenario);
      expect(r.ok, c.name).toBe(false);
      if (!r.ok) {
        expect(r.message.startsWith(`${joinPath('actions[2].command', c.path)}: `), `${c.name}: ${r.message}`).toBe(true);
        refused++;
      }
    }
    expect(refused).toBe(cases.length);
  });

  it('bad weeks, bad shapes and not-JSON are refused too', () => {
    const scenario = defaultScenario();
    const ok = { type: 'ipo', amountUsd: 1e8 };
    for (const [text, path] of [
      [JSON.stringify([{ week: -1, command: ok }]), 'actions[0].week'],
      [JSON.stringify([{ week: 0.5, command: ok }]), 'actions[0].week'],
      [JSON.stringify([{ week: 3, command: ok }, { week: 2, command: ok }]), 'actions[1].week'],
      [JSON.stringify([{ week: 1, command: ok, note: 'x' }]), 'actions[0].note'],
      [JSON.stringify({ log: [{ week: 1, command: { ...ok, amountUsd: 'lots' } }] }), 'log[0].command.amountUsd'],
      [JSON.stringify({ commandLog: [{ week: 1 }] }), 'commandLog[0].command'],
    ] as const) {
      const r = parseActionsText(text, scenario);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.message.startsWith(`${path}: `), `${text}: ${r.message}`).toBe(true);
    }
    expect(parseActionsText('{ "x": 1 }', scenario)).toMatchObject({ ok: false, message: expect.stringMatching(/expected a list/) });
    expect(parseActionsText('[1,', scenario)).toMatchObject({ ok: false, message: expect.stringMatching(/^not valid JSON/) });
  });

  it('through the process: exit 2, one line naming actions[i].command.field, nothing on stdout (one case per kind)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-bad-actions-'));
    try {
      // One case of each kind of fault (the process costs a second; the parser above sees them all).
      const kinds = ['just over the maximum', 'with an extra field', 'unknown GPU model', 'type "__proto__"'];
      const sample = kinds.map((k) => cases.find((c) => c.name.includes(k))!);
      for (const c of sample) {
        const file = join(dir, 'a.json');
        writeFileSync(file, asFile(c.command));
        const r = sim(['--scenario', DEFAULT, '--weeks', '4', '--actions', file]);
        expect(r.status, c.name).toBe(2);
        expect(r.stdout, c.name).toBe('');
        expect(r.stderr.trimEnd().split('\n'), c.name).toHaveLength(1);
        expect(r.stderr, c.name).toContain(`error: actions file ${file}: ${joinPath('actions[2].command', c.path)}: `);
      }
      for (const dev of ['/dev/zero']) {
        const r = sim(['--scenario', DEFAULT, '--actions', dev]);
        expect(r.status).toBe(2);
        expect(r.stderr).toMatch(new RegExp(`^error: cannot read actions file ${dev}: (it is not a regular file|it is a directory)`));
      }
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});

describe('sim CLI details', () => {
  it('--help prints the usage, exit 0; a repeated option, -x and an unreadable scenario are errors that say why', () => {
    const h = sim(['--help']);
    expect(h.status).toBe(0);
    expect(h.stdout).toMatch(/^usage: npm run --silent sim -- --scenario FILE/);
    expect(h.stdout).toContain('--strategy S');
    const twice = sim(['--scenario', DEFAULT, '--scenario', DEFAULT]);
    expect([twice.status, twice.stderr]).toEqual([2, 'error: --scenario is given twice; give it once\n']);
    const dash = sim(['--scenario', DEFAULT, '-x']);
    expect(dash.status).toBe(2);
    expect(dash.stderr).toMatch(/^error: unknown option -x/);
    const missing = sim(['--scenario', 'no-such.json']);
    expect([missing.status, missing.stderr]).toEqual([2, 'error: cannot read scenario file no-such.json: no such file\n']);
  });
});

describe('--strategy none and the state hash', () => {
  const log = [
    { week: 0, command: { type: 'raiseEquity', amountUsd: 40_000_000 } },
    { week: 0, command: { type: 'orderGpus', modelId: 'h100', count: 800, vendorFinancing: true } },
    { week: 2, command: { type: 'leaseColo', regionId: 'us-texas', powerMw: 3 } },
    { week: 5, command: { type: 'setOnDemandPrice', priceFactor: 1.2 } },
    { week: 9, command: { type: 'ipo', amountUsd: 100_000_000 } }, // refused (no revenue yet): not logged by the host; the CLI plays it as news
    { week: 20, command: { type: 'setPlatformSpend', usdPerWeek: 200_000 } }, // issued in the week the save was made
  ] as const;

  it('a game played by hand in the engine host gives the CLI\'s hash with --strategy none (and idle: the label is not state)', () => {
    const scenario = defaultScenario();
    // The browser's engine host, played by hand: issue commands week by week, save at week 20.
    const core = new SimCore();
    core.start({ scenario, seed: 4 });
    for (const e of log) {
      core.stepWeeks(e.week - core.world!.week);
      expect(core.world!.week).toBe(e.week);
      core.issue(e.command);
    }
    const save = core.saveData()!;
    expect(save.week).toBe(20);
    expect(save.log.map((e) => e.command.type)).toEqual(['raiseEquity', 'orderGpus', 'leaseColo', 'setOnDemandPrice', 'setPlatformSpend']);
    // The CLI: the save's seed, no autopilot, the save's log, the save's week.
    const none = runScenario(scenario, { seed: 4, strategy: null, weeks: save.week, actions: save.log });
    expect(none.result.strategy).toBe('none');
    expect(none.result.outcome.stateHash).toBe(core.hash());
    expect(runScenario(scenario, { seed: 4, strategy: 'idle', weeks: save.week, actions: save.log }).result.outcome.stateHash).toBe(core.hash());
    // Loading the save into a new host replays it to the same hash (the engine's one replay).
    const loaded = new SimCore();
    loaded.start({ scenario, seed: 4, log: save.log, toWeek: save.week });
    expect(loaded.hash()).toBe(core.hash());
    expect(loaded.saveData()!.log).toEqual(save.log);
    // An autopilot that acts is a different game.
    expect(runScenario(scenario, { seed: 4, strategy: 'leveraged', weeks: save.week, actions: save.log }).result.outcome.stateHash).not.toBe(core.hash());
  });

  it('through the process: --strategy none --actions save.json prints the hand-played game\'s hash', () => {
    const scenario = defaultScenario();
    const expected = runScenario(scenario, { seed: 4, strategy: null, weeks: 20, actions: log }).result.outcome.stateHash;
    const dir = mkdtempSync(join(tmpdir(), 'sim-none-'));
    try {
      const file = join(dir, 'save.json');
      writeFileSync(file, JSON.stringify({ format: 'neocloud-tycoon-save', seed: 4, strategy: null, week: 20, log }));
      const r = sim(['--scenario', DEFAULT, '--seed', '4', '--strategy', 'none', '--weeks', '20', '--actions', file, '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as { strategy: string; outcome: { stateHash: string } };
      expect(out.strategy).toBe('none');
      expect(out.outcome.stateHash).toBe(expected);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});

describe('sim --save', () => {
  it('replays a save made by the engine host (by hand, mid-week) to the hash the game showed; refuses mixing options', () => {
    const scenario = defaultScenario();
    const core = new SimCore();
    core.start({ scenario, seed: 8 });
    core.issue({ type: 'raiseEquity', amountUsd: 40_000_000 });
    core.stepWeeks(3);
    core.issue({ type: 'orderGpus', modelId: 'h100', count: 500 });
    core.stepWeeks(6);
    core.issue({ type: 'leaseColo', regionId: 'us-texas', powerMw: 2 }); // queued, not yet played
    const dir = mkdtempSync(join(tmpdir(), 'sim-save-'));
    try {
      const file = join(dir, 'save.json');
      writeFileSync(file, JSON.stringify(makeSaveFile('by hand', core.saveData()!, '2026-01-01T00:00:00.000Z')));
      const r = sim(['--save', file, '--format', 'json']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as { strategy: string; weeks: number; outcome: { stateHash: string } };
      expect([out.strategy, out.weeks]).toEqual(['none', 9]);
      expect(out.outcome.stateHash).toBe(core.hash());
      const mixed = sim(['--save', file, '--seed', '3']);
      expect([mixed.status, mixed.stderr]).toEqual([2, 'error: --save replays a save on its own; leave out --seed\n']);
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});

describe('npm run check', () => {
  it('exit 0 on a run; exit 1 naming the first broken identity (player or rival, one cent off); exit 2 on bad files', () => {
    const run = runScenario(defaultScenario(), { seed: 2, strategy: 'prudent', weeks: 104 }).result;
    const dir = mkdtempSync(join(tmpdir(), 'check-'));
    try {
      const good = join(dir, 'good.json');
      writeFileSync(good, JSON.stringify(run));
      const broken = structuredClone(run);
      broken.rivals[1]!.quarters[3]!.totalEquityUsd += 0.01;
      const bad = join(dir, 'bad.json');
      writeFileSync(bad, JSON.stringify(broken));
      const player = structuredClone(run);
      player.quarters[2]!.netIncomeUsd -= 0.01;
      const badPlayer = join(dir, 'bad-player.json');
      writeFileSync(badPlayer, JSON.stringify(player));
      const notRun = join(dir, 'not-run.json');
      writeFileSync(notRun, '{"a":1}');
      const ok = runCheck([good]);
      expect(ok.code).toBe(0);
      expect(ok.stdout).toBe(`identities hold over ${run.quarters.length + run.rivals.reduce((a, r) => a + r.quarters.length, 0)} quarters\n`);
      const r1 = runCheck([good, bad]);
      expect(r1.code).toBe(1);
      expect(r1.stdout.split('\n')[0]).toBe(`${bad} rival ${run.rivals[1]!.id} ${run.quarters[3]!.label}: balance sheet: assets != liabilities + equity (off by -0.01 USD)`);
      const r2 = runCheck([badPlayer]);
      expect(r2.code).toBe(1);
      expect(r2.stdout.split('\n')[0]).toMatch(/bad-player\.json player \d{4}Q\d: income statement: net income/);
      for (const args of [[join(dir, 'missing.json')], [notRun]]) {
        const r = runCheck(args);
        expect(r.code, args.join(' ')).toBe(2);
        expect(r.stderr, args.join(' ')).toMatch(/^error: /);
      }
    } finally { rmSync(dir, { recursive: true, force: true }); }
  });
});
