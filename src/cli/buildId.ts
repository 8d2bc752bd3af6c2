/**
 * Compute the build id (src/class/buildId.ts) from the sources on disk: the package version, then
 * a SHA-256 over every source a replay depends on — src/engine/**.ts, src/scenario/**.ts and the
 * bundled scenarios/*.json — each as its path (relative, `/`-separated) and its text with line
 * ends normalised to \n, in path order. Node only: vite.config.ts injects the result into the
 * build, and the CLI (sim, verify) sets it at start, so both agree for the same sources.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { setBuildId } from '../class/buildId.ts';

/** The folders and file endings whose contents make the build id. */
export const BUILD_ID_SOURCES: readonly { dir: string; ext: string }[] = [
  { dir: 'src/engine', ext: '.ts' },
  { dir: 'src/scenario', ext: '.ts' },
  { dir: 'scenarios', ext: '.json' },
];

const DEFAULT_ROOT = resolve(import.meta.dirname, '../..');

function filesUnder(dir: string, ext: string): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    for (const name of readdirSync(p)) {
      const full = join(p, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(ext)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/** The build id of the sources under `root` (the repository). */
export function computeBuildId(root: string = DEFAULT_ROOT): string {
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  const files = BUILD_ID_SOURCES.flatMap((s) => filesUnder(join(root, s.dir), s.ext)).map((f) => relative(root, f).split(sep).join('/')).sort();
  const h = createHash('sha256');
  for (const f of files) {
    h.update(f + '\0');
    h.update(readFileSync(join(root, f), 'utf8').replace(/\r\n/g, '\n') + '\0');
  }
  return `${version}+${h.digest('hex').slice(0, 12)}`;
}

/** The CLI is not built by Vite: give the shared code the id of the sources it runs from. */
export function useSourceBuildId(): void {
  setBuildId(computeBuildId());
}
