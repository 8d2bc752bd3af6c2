/**
 * How the tests start a TypeScript CLI script (src/cli/*.ts) as a process: `node --import tsx
 * SCRIPT ARGS`. That is the loader `npx tsx SCRIPT` (and `npm run sim`) runs the script with, minus
 * tsx's launcher, a second Node process that only starts the first: about half a CPU-second less
 * per process, and the tests start dozens. Exit codes, stdout and stderr are the script's own.
 */
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

/** The program to spawn (this Node). */
export const TSX = process.execPath;

/** Arguments for `TSX`: tsx's loader, then src/cli/<script>, then `args`. Spawn with cwd ROOT. */
export function tsxArgs(script: string, args: readonly string[] = []): string[] {
  return ['--import', 'tsx', join(ROOT, 'src', 'cli', script), ...args];
}
