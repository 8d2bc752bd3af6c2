// Lint rules. The engine boundary is enforced here as well as by tsconfig.engine.json:
// src/engine must stay pure and deterministic (no DOM, Phaser, zustand, immer, clock or Math.random).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const CLOCK_AND_RANDOM = [
        { object: 'Math', property: 'random', message: 'Use the seeded RNG in src/engine/rng.ts.' },
        { object: 'Date', property: 'now', message: 'The engine has no clock: time is world.week.' },
        { object: 'performance', property: 'now', message: 'The engine has no clock.' },
];
// Results of these differ in the last bit between JS engines (Node vs Chromium): the engine uses dmath.ts.
const NOT_BIT_IDENTICAL = [
        { object: 'Math', property: 'exp', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'log', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'pow', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'cos', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'sin', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'tan', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'atan', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'atan2', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'log10', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'log2', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'log1p', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'expm1', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'cbrt', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'hypot', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'sinh', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'cosh', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'tanh', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'asin', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'acos', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'asinh', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'acosh', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { object: 'Math', property: 'atanh', message: 'Not bit-identical across JS engines: use src/engine/dmath.ts.' },
        { property: 'toLocaleString', message: 'Locale formatting differs between engines: use groupDigits in src/engine/format.ts.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'scenarios/**', 'docs/**', '.scratch/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/engine/**/*.ts', 'src/scenario/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['phaser', 'phaser/*'], message: 'The engine must not depend on Phaser.' },
          { group: ['zustand', 'zustand/*', 'immer'], message: 'The engine must not depend on UI state libraries.' },
          { group: ['node:*', 'fs', 'path', 'os', 'crypto'], message: 'The engine runs in the browser too: no Node built-ins.' },
          { group: ['**/ui/**', '**/game/**', '**/store/**', '**/cli/**'], message: 'The engine must not import UI, store or CLI code.' },
        ],
      }],
      'no-restricted-properties': ['error', ...CLOCK_AND_RANDOM],
      'no-restricted-globals': ['error',
        { name: 'Date', message: 'The engine has no clock: time is world.week.' },
        { name: 'window', message: 'No DOM in the engine.' },
        { name: 'document', message: 'No DOM in the engine.' },
        { name: 'performance', message: 'No clock in the engine.' },
        { name: 'localStorage', message: 'No storage in the engine.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date']", message: 'The engine has no clock.' },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error', ...CLOCK_AND_RANDOM, ...NOT_BIT_IDENTICAL],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date']", message: 'The engine has no clock.' },
        { selector: "BinaryExpression[operator='**']", message: 'x ** y is Math.pow: use pow from src/engine/dmath.ts.' },
        { selector: "AssignmentExpression[operator='**=']", message: 'x **= y is Math.pow: use pow from src/engine/dmath.ts.' },
      ],
    },
  },
);
