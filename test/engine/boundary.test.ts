/**
 * The engine boundary: src/engine is pure and deterministic. It imports nothing but its own files
 * (and scenario types), and never touches the DOM, the clock, Math.random, Node built-ins or UI
 * libraries, nor float functions that differ between JS engines (Math.exp/log/pow…, **) or the
 * host's locale. Checked on the syntax tree (comments and strings cannot cause false alarms), and the
 * ESLint rule that enforces the same is checked to still fire.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { ESLint } from 'eslint';

const root = resolve(import.meta.dirname, '..', '..');
const engineDir = join(root, 'src', 'engine');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Math functions whose results may differ in the last bit between JS engines (use dmath.ts). */
const INEXACT_MATH = new Set(['random', 'exp', 'log', 'pow', 'cos', 'sin', 'tan', 'atan', 'atan2', 'log10', 'log2', 'log1p', 'expm1', 'cbrt', 'hypot', 'sinh', 'cosh', 'tanh', 'asin', 'acos', 'asinh', 'acosh', 'atanh']);
const FORBIDDEN_GLOBALS = new Set(['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'performance', 'Date', 'process', 'require', 'setTimeout', 'setInterval', 'fetch', 'crypto', 'globalThis', 'self']);

/** Problems in one engine source file. */
export function boundaryProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const where = (n: ts.Node) => `${relative(root, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const checkSpecifier = (n: ts.Node, spec: string, typeOnly: boolean) => {
    if (!spec.startsWith('.')) { problems.push(`${where(n)} imports package "${spec}"`); return; }
    const target = resolve(dirname(file), spec);
    if (target.startsWith(engineDir + '/')) return;
    if (typeOnly && target.startsWith(join(root, 'src', 'scenario', 'schema'))) return;
    problems.push(`${where(n)} imports "${spec}" from outside the engine${typeOnly ? '' : ' (only type imports of scenario/schema are allowed)'}`);
  };
  const visit = (n: ts.Node) => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) {
      const spec = n.moduleSpecifier;
      if (spec && ts.isStringLiteral(spec)) {
        const typeOnly = ts.isImportDeclaration(n) ? !!n.importClause?.isTypeOnly : n.isTypeOnly;
        checkSpecifier(n, spec.text, typeOnly);
      }
    } else if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword) {
      problems.push(`${where(n)} uses a dynamic import()`);
    } else if (ts.isPropertyAccessExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === 'Math' && INEXACT_MATH.has(n.name.text)) {
      problems.push(`${where(n)} uses Math.${n.name.text} (${n.name.text === 'random' ? 'use the seeded RNG' : 'not bit-identical across engines: use dmath.ts'})`);
    } else if (ts.isBinaryExpression(n) && (n.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken || n.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskEqualsToken)) {
      problems.push(`${where(n)} uses ** (use dmath.ts)`);
    } else if (ts.isPropertyAccessExpression(n) && n.name.text === 'toLocaleString') {
      problems.push(`${where(n)} uses toLocaleString (depends on the host's locale)`);
    } else if (ts.isIdentifier(n) && FORBIDDEN_GLOBALS.has(n.text)) {
      const p = n.parent;
      const isName = (ts.isPropertyAccessExpression(p) && p.name === n) || (ts.isPropertyAssignment(p) && p.name === n)
        || (ts.isPropertySignature(p) && p.name === n) || (ts.isMethodDeclaration(p) && p.name === n) || ts.isPropertyDeclaration(p) && p.name === n;
      if (!isName) problems.push(`${where(n)} uses the global ${n.text}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return problems;
}

describe('engine boundary', () => {
  const files = tsFiles(engineDir);

  it('finds the engine sources', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => f.endsWith('step.ts'))).toBe(true);
  });

  it('no engine file imports a package, Node built-in or UI code, or touches the DOM, the clock or Math.random', () => {
    const problems = files.flatMap((f) => boundaryProblems(f, readFileSync(f, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('the scanner catches each kind of violation (and ignores comments and strings)', () => {
    const probe = (code: string) => boundaryProblems(join(engineDir, 'probe.ts'), code);
    expect(probe("import Phaser from 'phaser';")).toHaveLength(1);
    expect(probe("import { create } from 'zustand';")).toHaveLength(1);
    expect(probe("import { produce } from 'immer';")).toHaveLength(1);
    expect(probe("import { readFileSync } from 'node:fs';")).toHaveLength(1);
    expect(probe("import { x } from '../ui/store.ts';")).toHaveLength(1);
    expect(probe("import { Scenario } from '../scenario/schema/index.ts';")).toHaveLength(1);
    expect(probe("import type { Scenario } from '../scenario/schema/index.ts';")).toHaveLength(0);
    expect(probe("const m = await import('./x.ts');")).toHaveLength(1);
    expect(probe('const r = Math.random();')).toHaveLength(1);
    expect(probe('const e = Math.exp(1) + Math.pow(2, 3);')).toHaveLength(2);
    expect(probe('const p = 2 ** 8;')).toHaveLength(1);
    expect(probe('const s = (1234).toLocaleString();')).toHaveLength(1);
    expect(probe('const ok = Math.floor(Math.sqrt(2)) + Math.imul(3, 4) + Math.round(Math.abs(-1));')).toHaveLength(0);
    expect(probe('const t = Date.now();')).toHaveLength(1);
    expect(probe('const d = new Date();')).toHaveLength(1);
    expect(probe('const t = performance.now();')).toHaveLength(1);
    expect(probe('window.alert(1);')).toHaveLength(1);
    expect(probe("document.title = 'x';")).toHaveLength(1);
    expect(probe("// Math.random and new Date() in a comment\nconst s = 'window.document Date';\nconst o = { date: 1 }; o.date;")).toHaveLength(0);
  });

  it('ESLint still enforces the boundary on engine files', async () => {
    const eslint = new ESLint({ cwd: root });
    const code = [
      "import Phaser from 'phaser';",
      "import { readFileSync } from 'node:fs';",
      'export const r = Math.random() + Date.now() + performance.now();',
      'export const d = new Date();',
      'export const w = window.innerWidth + document.title.length;',
      'export const x = [Phaser, readFileSync];',
    ].join('\n');
    const [res] = await eslint.lintText(code, { filePath: join(engineDir, '__boundary_probe__.ts') });
    const rules = new Set(res!.messages.map((m) => m.ruleId));
    for (const rule of ['no-restricted-imports', 'no-restricted-properties', 'no-restricted-globals', 'no-restricted-syntax']) expect(rules, rule).toContain(rule);
    const lines = new Set(res!.messages.filter((m) => m.ruleId?.startsWith('no-restricted')).map((m) => m.line));
    expect([...lines].sort()).toEqual([1, 2, 3, 4, 5]);
  });
});
