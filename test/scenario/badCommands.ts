/**
 * The bad-command corpus: for every command type, one valid example (ids of the default scenario)
 * and mutations of it — each field of the wrong type, out of range (and fractional where whole),
 * missing, an extra field, an unknown id, an unknown / dangerous / missing type, and a command that
 * is not an object. Each case names the path (inside the command) it must be refused at.
 * Used by test/scenario/commands.test.ts (scenario files) and test/cli/actions.test.ts (sim --actions).
 * All values are plain JSON, so every case can be written to a file.
 */
import { COMMAND_SCHEMAS, COMMAND_TYPES, type Command, type CommandType } from '../../src/scenario/schema/commands.ts';

/** One valid command per type, using ids defined in scenarios/default.json. */
export const VALID_COMMANDS: { [K in CommandType]: Extract<Command, { type: K }> } = {
  raiseEquity: { type: 'raiseEquity', amountUsd: 50_000_000 },
  ipo: { type: 'ipo', amountUsd: 200_000_000 },
  followOn: { type: 'followOn', amountUsd: 100_000_000 },
  issueConvertible: { type: 'issueConvertible', amountUsd: 100_000_000 },
  takeGpuLoan: { type: 'takeGpuLoan', amountUsd: 10_000_000 },
  drawFacility: { type: 'drawFacility', amountUsd: 10_000_000 },
  arrangeFacility: { type: 'arrangeFacility', amountUsd: 10_000_000 },
  issueBond: { type: 'issueBond', amountUsd: 500_000_000 },
  drawRevolver: { type: 'drawRevolver', amountUsd: 5_000_000 },
  repayDebt: { type: 'repayDebt', debtId: 'd1', amountUsd: 1_000_000 },
  orderGpus: { type: 'orderGpus', modelId: 'h100', count: 1000, vendorFinancing: true },
  sellGpus: { type: 'sellGpus', modelId: 'h100', count: 10 },
  setDepreciationLife: { type: 'setDepreciationLife', years: 5 },
  leaseColo: { type: 'leaseColo', regionId: 'us-texas', powerMw: 4 },
  buildCampus: { type: 'buildCampus', regionId: 'us-texas', powerMw: 20 },
  buyPoweredSite: { type: 'buyPoweredSite', regionId: 'us-texas', powerMw: 10 },
  bidRfp: { type: 'bidRfp', rfpId: 'r1', usdPerGpuHour: 2.1 },
  setOnDemandPrice: { type: 'setOnDemandPrice', priceFactor: 1.1 },
  setPlatformSpend: { type: 'setPlatformSpend', usdPerWeek: 100_000 },
};

export interface BadCommand {
  /** What is wrong, for the test name. */
  name: string;
  command: unknown;
  /** Path inside the command where it must be refused ("" = the command itself). */
  path: string;
  /** The refusal needs the scenario (an id not defined there), not only the command schema. */
  needsScenario?: boolean;
}

type FieldInfo = { kind: 'number' | 'int' | 'string' | 'boolean' | 'literal'; min?: number; max?: number; optional: boolean };

/** What the schema says of each field (read from the zod definition, so new commands are covered). */
function fieldsOf(type: CommandType): Record<string, FieldInfo> {
  const shape = (COMMAND_SCHEMAS[type] as unknown as { shape: Record<string, { _zod: { def: Record<string, unknown> }; toJSONSchema?: unknown }> }).shape;
  const out: Record<string, FieldInfo> = {};
  for (const [k, s] of Object.entries(shape)) {
    if (k === 'type') continue;
    let def = s._zod.def as { type: string; innerType?: { _zod: { def: unknown } }; checks?: { _zod: { def: Record<string, unknown> } }[]; format?: string };
    const optional = def.type === 'optional';
    if (optional && def.innerType) def = def.innerType._zod.def as typeof def;
    let min: number | undefined, max: number | undefined;
    for (const c of def.checks ?? []) {
      const d = c._zod.def;
      if (d.check === 'greater_than') min = d.value as number;
      if (d.check === 'less_than') max = d.value as number;
    }
    const kind = def.type === 'number' ? ((def.format ?? '').includes('int') || (def.checks ?? []).some((c) => String(c._zod.def.format ?? '').includes('int')) ? 'int' : 'number') : (def.type as FieldInfo['kind']);
    out[k] = { kind, min, max, optional };
  }
  return out;
}

export function badCommands(): BadCommand[] {
  const cases: BadCommand[] = [];
  for (const type of COMMAND_TYPES) {
    const valid = VALID_COMMANDS[type] as Record<string, unknown>;
    const fields = fieldsOf(type);
    const withField = (k: string, v: unknown) => ({ ...valid, [k]: v });
    for (const [k, f] of Object.entries(fields)) {
      // wrong type
      cases.push({ name: `${type}.${k} of the wrong type`, command: withField(k, f.kind === 'string' ? 42 : f.kind === 'boolean' ? 'yes' : String(valid[k] ?? 1)), path: k });
      cases.push({ name: `${type}.${k} as an object`, command: withField(k, { value: 1 }), path: k });
      cases.push({ name: `${type}.${k} null`, command: withField(k, null), path: k });
      // out of range
      if (f.kind === 'number' || f.kind === 'int') {
        cases.push({ name: `${type}.${k} 1e308`, command: withField(k, 1e308), path: k });
        cases.push({ name: `${type}.${k} negative`, command: withField(k, -5), path: k });
        if (f.max !== undefined) cases.push({ name: `${type}.${k} just over the maximum`, command: withField(k, f.max * 1.5 + 1), path: k });
        if (f.min !== undefined && f.min > 0) cases.push({ name: `${type}.${k} under the minimum`, command: withField(k, f.min / 2), path: k });
      }
      if (f.kind === 'int') cases.push({ name: `${type}.${k} fractional`, command: withField(k, 2.5), path: k });
      if (f.kind === 'literal') {
        cases.push({ name: `${type}.${k} not an allowed value`, command: withField(k, 7), path: k });
        cases.push({ name: `${type}.${k} as text`, command: withField(k, '5'), path: k });
      }
      if (f.kind === 'string') {
        cases.push({ name: `${type}.${k} malformed id`, command: withField(k, 'H100 <b>'), path: k });
        cases.push({ name: `${type}.${k} empty`, command: withField(k, ''), path: k });
      }
      // missing
      if (!f.optional) {
        const { [k]: _drop, ...rest } = valid;
        cases.push({ name: `${type}.${k} missing`, command: rest, path: k });
      }
    }
    // extra fields
    cases.push({ name: `${type} with an extra field`, command: { ...valid, bogus: 1 }, path: 'bogus' });
    cases.push({ name: `${type} with a misspelt field`, command: { ...valid, [`${Object.keys(fields)[0] ?? 'x'}s`]: 1 }, path: `${Object.keys(fields)[0] ?? 'x'}s` });
    // unknown ids (well-formed, not in the scenario)
    if ('modelId' in valid) cases.push({ name: `${type} with an unknown GPU model`, command: withField('modelId', 'no-such-gpu'), path: 'modelId', needsScenario: true });
    if ('regionId' in valid) cases.push({ name: `${type} with an unknown region`, command: withField('regionId', 'atlantis'), path: 'regionId', needsScenario: true });
    // misspelt type
    cases.push({ name: `${type} misspelt`, command: { ...valid, type: `${type}o` }, path: 'type' });
  }
  // unknown, dangerous and missing types; not an object
  for (const t of ['noSuchCommand', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '', 'ORDERGPUS'] as const) {
    cases.push({ name: `type ${JSON.stringify(t)}`, command: { type: t, amountUsd: 1e8 }, path: 'type' });
  }
  cases.push({ name: 'type a number', command: { type: 3, amountUsd: 1e8 }, path: 'type' });
  cases.push({ name: 'type missing', command: { amountUsd: 1e8 }, path: 'type' });
  cases.push({ name: 'command null', command: null, path: '' });
  cases.push({ name: 'command a list', command: [{ type: 'ipo', amountUsd: 1e8 }], path: '' });
  cases.push({ name: 'command a text', command: 'orderGpus', path: '' });
  cases.push({ name: 'command a number', command: 42, path: '' });
  return cases;
}

/** `base.path` in the way the validators print it. */
export function joinPath(base: string, path: string): string {
  return path === '' ? base : `${base}.${path}`;
}
