/**
 * The build id a result file carries beside the game version: `<package version>+<12 hex digits>`,
 * the digits a SHA-256 over the sources a replay depends on (src/engine, src/scenario, the bundled
 * scenarios — src/cli/buildId.ts computes it). The same sources give the same id in the browser
 * and in Node: Vite injects it into the build (and the unit tests) as `__NEOCLOUD_BUILD_ID__`
 * (vite.config.ts `define`), and the CLI computes it at start (`setBuildId`). A result made by
 * another build is flagged ⚠ by the verifier (its replay may differ for that reason alone).
 *
 * No DOM, no Node built-ins (runs in the page, in workers and in Node).
 */
declare const __NEOCLOUD_BUILD_ID__: string | undefined;

/** What a build id looks like (a file's claim is checked against it). */
export const BUILD_ID_PATTERN = /^[0-9A-Za-z.-]{1,24}\+[0-9a-f]{12}$/;

let runtimeId: string | null = null;

/** Set by the Node CLI, which is not built by Vite (src/cli/buildId.ts computes it). */
export function setBuildId(id: string): void {
  if (!BUILD_ID_PATTERN.test(id)) throw new RangeError(`not a build id: ${JSON.stringify(id)}`);
  runtimeId = id;
}

/** This game's build id; "unknown" only when neither Vite nor the CLI provided one. */
export function buildId(): string {
  if (runtimeId !== null) return runtimeId;
  return typeof __NEOCLOUD_BUILD_ID__ === 'string' ? __NEOCLOUD_BUILD_ID__ : 'unknown';
}
