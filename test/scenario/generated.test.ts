/** The committed JSON Schema and the docs' field reference must match the zod definition. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { actionsJsonSchemaText, scenarioJsonSchemaText, withFieldReference } from '../../src/scenario/docgen.ts';

const root = join(import.meta.dirname, '..', '..');

describe('generated scenario artefacts', () => {
  it('scenarios/scenario.schema.json is current (run `npm run schema`)', () => {
    expect(readFileSync(join(root, 'scenarios', 'scenario.schema.json'), 'utf8') === scenarioJsonSchemaText(), 'stale: run npm run schema').toBe(true);
  });

  it('docs/actions.schema.json is current (run `npm run schema`)', () => {
    expect(readFileSync(join(root, 'docs', 'actions.schema.json'), 'utf8') === actionsJsonSchemaText(), 'stale: run npm run schema').toBe(true);
  });

  it('the field reference in docs/scenarios.md is current (run `npm run schema`)', () => {
    const doc = readFileSync(join(root, 'docs', 'scenarios.md'), 'utf8');
    const fresh = withFieldReference(doc);
    expect(fresh, 'docs/scenarios.md lost its generated-section markers').toBeDefined();
    expect(fresh === doc, 'stale: run npm run schema').toBe(true);
  });

  it('documents every field with a description', () => {
    const doc = readFileSync(join(root, 'docs', 'scenarios.md'), 'utf8');
    for (const field of ['company.debt[].annualRatePct', 'regions[].powerUsdPerMwh', 'market.demand.customerAgents', 'events[].effects[].untilDate']) {
      expect(doc).toContain(`\`${field}\``);
    }
    const rows = doc.split('\n').filter((l) => l.startsWith('| `'));
    const undocumented = rows.filter((l) => /\| (yes|no) \|\s*\|$/.test(l) && !/with type "/.test(l) && !/\[\]`/.test(l));
    expect(undocumented).toEqual([]);
  });
});

describe('docs/scenarios.md examples', () => {
  it('the ten-line example is valid', async () => {
    const { loadScenarioText } = await import('../../src/scenario/load.ts');
    const doc = readFileSync(join(root, 'docs', 'scenarios.md'), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';
    expect(example.trim().split('\n').length).toBeLessThanOrEqual(12);
    const r = loadScenarioText(example);
    expect(r.ok ? 'ok' : r.errors).toBe('ok');
  });
});
