// Lint rules. The engine boundary is enforced here as well as by tsconfig.engine.json:
// src/engine must stay pure and deterministic (no DOM, Phaser, zustand, immer, clock or Math.random).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'scenarios/**', 'docs/**'] },
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
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the seeded RNG in src/engine/rng.ts.' },
        { object: 'Date', property: 'now', message: 'The engine has no clock: time is world.week.' },
        { object: 'performance', property: 'now', message: 'The engine has no clock.' },
      ],
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
);
