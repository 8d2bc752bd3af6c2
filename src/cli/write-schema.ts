/**
 * `npm run schema`: write the generated artefacts of the scenario schema —
 * scenarios/scenario.schema.json, docs/actions.schema.json (runner action files) and the field
 * reference section of docs/scenarios.md.
 * `npm run schema -- --check` exits 1 when either is stale (test/scenario/generated.test.ts does
 * the same check).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { actionsJsonSchemaText, scenarioJsonSchemaText, withFieldReference } from '../scenario/docgen.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schemaPath = join(root, 'scenarios', 'scenario.schema.json');
const docPath = join(root, 'docs', 'scenarios.md');
const actionsPath = join(root, 'docs', 'actions.schema.json');
const check = process.argv.includes('--check');

function readOr(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

let stale = false;
const schemaText = scenarioJsonSchemaText();
if (readOr(schemaPath) !== schemaText) {
  stale = true;
  if (!check) writeFileSync(schemaPath, schemaText);
  console.log(`${check ? 'stale' : 'wrote'} scenarios/scenario.schema.json`);
}
const actionsText = actionsJsonSchemaText();
if (readOr(actionsPath) !== actionsText) {
  stale = true;
  if (!check) writeFileSync(actionsPath, actionsText);
  console.log(`${check ? 'stale' : 'wrote'} docs/actions.schema.json`);
}
const doc = readOr(docPath);
const newDoc = withFieldReference(doc);
if (newDoc === undefined) {
  console.error('docs/scenarios.md has no generated-section markers; add them to regenerate the field reference');
  process.exit(1);
} else if (newDoc !== doc) {
  stale = true;
  if (!check) writeFileSync(docPath, newDoc);
  console.log(`${check ? 'stale' : 'wrote'} the field reference in docs/scenarios.md`);
}
if (!stale) console.log('scenario schema and docs are up to date');
process.exit(check && stale ? 1 : 0);
