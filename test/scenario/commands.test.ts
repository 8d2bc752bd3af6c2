/**
 * Commands defined once (src/scenario/schema/commands.ts): the lists agree, the validator refuses
 * every case of the bad-command corpus at its exact path — directly, and inside a scenario's
 * `lesson.historicalCommands` (where unknown model and region ids are refused too).
 */
import { describe, expect, it } from 'vitest';
import { COMMAND_TYPES as SCHEMA_TYPES, COMMAND_SCHEMAS, parseCommand, parseCommandLog, MAX_LOGGED_COMMANDS } from '../../src/scenario/schema/commands.ts';
import { COMMAND_TYPES as ENGINE_TYPES, HANDLERS } from '../../src/engine/commands/handlers.ts';
import { loadScenarioObject } from '../../src/scenario/load.ts';
import { badCommands, joinPath, VALID_COMMANDS } from './badCommands.ts';

const withCommands = (commands: unknown[]) => ({
  schemaVersion: 1, id: 'h', extends: 'default',
  lesson: { historicalCommands: commands.map((command, i) => ({ date: `2025-0${1 + Math.floor(i / 4)}-1${i % 4}`, command })) },
});

describe('one command definition', () => {
  it('the schema, the engine handler table and the union agree on the command types', () => {
    expect([...ENGINE_TYPES].sort()).toEqual([...SCHEMA_TYPES].sort());
    expect(Object.keys(HANDLERS).sort()).toEqual(Object.keys(COMMAND_SCHEMAS).sort());
    expect(SCHEMA_TYPES.length).toBe(19);
  });

  it('accepts one valid command of every type, returning a fresh copy', () => {
    for (const type of SCHEMA_TYPES) {
      const input = VALID_COMMANDS[type];
      const r = parseCommand(input);
      expect(r, type).toEqual({ ok: true, command: input });
      if (r.ok) expect(r.command).not.toBe(input);
    }
  });

  it('formats bounds with their unit: a GPU count is not dollars', () => {
    const r = parseCommand({ type: 'orderGpus', modelId: 'h100', count: 3e6 });
    expect(r).toMatchObject({ ok: false, path: 'count', message: 'must be at most 2,000,000, found the number 3000000' });
  });
});

describe('the bad-command corpus', () => {
  const cases = badCommands();

  it('is large and covers every command type', () => {
    expect(cases.length).toBeGreaterThan(250);
    for (const t of SCHEMA_TYPES) expect(cases.some((c) => c.name.startsWith(t)), t).toBe(true);
  });

  it('parseCommand refuses each case at its exact path (ids need the scenario)', () => {
    for (const c of cases) {
      const r = parseCommand(c.command, ['actions', 0, 'command']);
      if (c.needsScenario) {
        expect(r.ok, c.name).toBe(true);
        continue;
      }
      expect(r.ok, c.name).toBe(false);
      if (!r.ok) expect(r.path, c.name).toBe(joinPath('actions[0].command', c.path));
    }
  });

  it('scenario lesson.historicalCommands: each case refused with the path into the command', () => {
    let refused = 0;
    for (const c of cases) {
      // Put the bad command fourth, after three valid ones, so the index in the path is checked too.
      const r = loadScenarioObject(withCommands([VALID_COMMANDS.raiseEquity, VALID_COMMANDS.orderGpus, VALID_COMMANDS.leaseColo, c.command]));
      expect(r.ok, c.name).toBe(false);
      if (r.ok) continue;
      const want = joinPath('lesson.historicalCommands[3].command', c.path);
      expect(r.errors.map((e) => e.path), c.name).toContain(want);
      expect(r.errors.every((e) => e.path.startsWith('lesson.historicalCommands[3]')), `${c.name}: ${JSON.stringify(r.errors)}`).toBe(true);
      refused++;
    }
    expect(refused).toBe(cases.length);
  });

  it('the issue\'s coreweave examples: a count in quotes and a misspelt type', () => {
    const r = loadScenarioObject(withCommands([{ type: 'orderGpus', modelId: 'h100', count: '3000' }, { type: 'leaseColoo', regionId: 'us-texas', powerMw: 3 }]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['lesson.historicalCommands[0].command.count', 'lesson.historicalCommands[1].command.type']);
    expect(r.errors[1]!.message).toContain('Did you mean "leaseColo"?');
  });

  it('an order of a model before its release is refused with the date', () => {
    const r = loadScenarioObject({ ...withCommands([]), lesson: { historicalCommands: [{ date: '2023-01-09', command: { type: 'orderGpus', modelId: 'b200', count: 10 } }] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: 'lesson.historicalCommands[0].command.modelId' });
  });

  it('the valid commands load', () => {
    const r = loadScenarioObject(withCommands(Object.values(VALID_COMMANDS)));
    expect(r.ok ? 'ok' : r.errors).toBe('ok');
  });
});

describe('parseCommandLog', () => {
  const ok = { type: 'ipo', amountUsd: 1e8 };
  it('refuses negative, fractional, out-of-order weeks and too many entries, naming the entry', () => {
    expect(parseCommandLog([{ week: 0, command: ok }, { week: -1, command: ok }], ['commandLog'])).toMatchObject({ ok: false, path: 'commandLog[1].week' });
    expect(parseCommandLog([{ week: 0.5, command: ok }], ['commandLog'])).toMatchObject({ ok: false, path: 'commandLog[0].week' });
    expect(parseCommandLog([{ week: 3, command: ok }, { week: 2, command: ok }], ['log'])).toMatchObject({ ok: false, path: 'log[1].week', message: 'weeks must be in order: week 2 comes after week 3' });
    expect(parseCommandLog([{ week: 1, command: ok, extra: true }])).toMatchObject({ ok: false, path: '[0].extra' });
    expect(parseCommandLog([{ command: ok }])).toMatchObject({ ok: false, path: '[0].week' });
    expect(parseCommandLog({ week: 1, command: ok })).toMatchObject({ ok: false, path: '' });
    expect(parseCommandLog(new Array(MAX_LOGGED_COMMANDS + 1).fill({ week: 0, command: ok }))).toMatchObject({ ok: false });
  });
  it('accepts a log in week order (same week repeated) and returns copies', () => {
    const log = [{ week: 0, command: ok }, { week: 0, command: VALID_COMMANDS.orderGpus }, { week: 5, command: ok }];
    const r = parseCommandLog(log);
    expect(r).toEqual({ ok: true, log });
  });
});
