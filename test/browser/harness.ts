/**
 * Browser test harness: build the app (once), serve dist/ with Vite's preview server, launch the
 * system Chromium through playwright-core, and collect console errors and CSP violations.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, readdirSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type BrowserContext, type Page, type ConsoleMessage } from 'playwright-core';
import { onTestFinished, beforeAll, afterAll, afterEach, expect } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const RESULTS = join(ROOT, 'test-results');

/** The Chromium binary: $CHROME_PATH, else the usual system locations; null when none exists. */
export function chromePath(): string | null {
  const env = process.env.CHROME_PATH;
  if (env && existsSync(env)) return env;
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']) if (existsSync(p)) return p;
  return null;
}

export const CHROME_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-dev-shm-usage', '--enable-unsafe-swiftshader',
];

/** Newest modification time of the inputs of the build (sources, scenarios, config). */
function newestInputMs(): number {
  let newest = 0;
  const walk = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) { for (const f of readdirSync(p)) walk(join(p, f)); return; }
    newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of ['src', 'scenarios', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json']) if (existsSync(join(ROOT, p))) walk(join(ROOT, p));
  return newest;
}

const STAMP = join(ROOT, 'dist/.built');
const LOCK = join(ROOT, '.build.lock');

/**
 * Build dist/ once for all browser test files: test files run in parallel processes, so the build
 * is guarded by a lock directory, and skipped when dist/ is newer than every input.
 */
export async function buildApp(): Promise<void> {
  if (process.env.NEOCLOUD_SKIP_BUILD && existsSync(join(ROOT, 'dist/index.html'))) return;
  const t0 = Date.now();
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another test process is building; a lock older than 5 minutes is left over from a crash.
      try { if (Date.now() - statSync(LOCK).mtimeMs > 300_000) rmSync(LOCK, { recursive: true, force: true }); } catch { /* gone already */ }
      if (Date.now() - t0 > 600_000) throw new Error('timed out waiting for another test process to build the app');
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    if (existsSync(STAMP) && existsSync(join(ROOT, 'dist/index.html')) && statSync(STAMP).mtimeMs > newestInputMs()) return;
    await build({ root: ROOT, logLevel: 'warn', configFile: join(ROOT, 'vite.config.ts') });
    writeFileSync(STAMP, new Date().toISOString());
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** The app served from dist/: its address and how to stop the server. */
export interface Served { url: string; close: () => Promise<void> }

export async function serve(): Promise<Served> {
  const server: PreviewServer = await preview({ root: ROOT, configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', preview: { port: 0, strictPort: false, host: '127.0.0.1', open: false } });
  const addr = server.httpServer.address();
  const port = typeof addr === 'object' && addr ? addr.port : 4173;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise<void>((r) => server.httpServer.close(() => r())) };
}

export interface Session { context: BrowserContext; dataDir: string; close: () => Promise<void> }

/**
 * Chromium with a fresh temporary profile (playwright passes it as --user-data-dir).
 *
 * A session launched inside a test is closed when that test ends (pass or fail): an open game page
 * keeps drawing its map and running its clock, and a file's later tests would otherwise pay for
 * every earlier test's Chromium (about a third of a core each, on a 2-core machine). A session
 * that several tests share is launched in beforeAll and closed in afterAll, as before. `close` may
 * be called more than once.
 */
export async function launch(extraArgs: string[] = [], viewport = { width: 1440, height: 900 }): Promise<Session> {
  const exe = chromePath();
  if (!exe) throw new Error('no Chromium');
  const dataDir = mkdtempSync(join(tmpdir(), 'neocloud-chrome-'));
  const context = await chromium.launchPersistentContext(dataDir, {
    executablePath: exe, headless: true, args: [...CHROME_ARGS.filter((a) => a !== '--headless'), ...extraArgs], viewport, acceptDownloads: true,
  });
  let closed: Promise<void> | null = null;
  const close = () => (closed ??= (async () => { await context.close(); rmSync(dataDir, { recursive: true, force: true }); })());
  try { onTestFinished(close); } catch { /* launched outside a test (beforeAll): the caller closes it */ }
  return { context, dataDir, close };
}

export interface Watched { page: Page; errors: string[]; csp: string[] }

/** A new page that records console errors, page errors and CSP violations. */
export async function watchedPage(context: BrowserContext, url: string): Promise<Watched> {
  const page = await context.newPage();
  const errors: string[] = [];
  const csp: string[] = [];
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(m.text());
    if (/Content Security Policy|Refused to/i.test(m.text())) csp.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e?.stack ?? e)));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`);
    });
  });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { neocloud?: { ready: boolean } }).neocloud?.ready === true, null, { timeout: 30_000 });
  return { page, errors, csp };
}

export interface Viewport { width: number; height: number }

/**
 * The set-up of a browser test file whose tests each start their own Chromium (class, firsthour,
 * map, whatif): the app is built and served before the file's tests; `open(size, query)` starts a
 * fresh Chromium at that size (closed when its test ends, see `launch`) with a watched page on the
 * app's address followed by `query` (default `defaultQuery`); after the file's tests every browser
 * and the server are closed. Call it in the `describe` body.
 */
export function browserPerTest(defaultQuery = ''): { url: () => string; open: (size?: Viewport, query?: string) => Promise<Watched> } {
  let srv: Served | null = null;
  const sessions: Session[] = [];
  beforeAll(async () => {
    await buildApp();
    srv = await serve();
  }, 1_200_000);
  afterAll(async () => {
    for (const s of sessions) await s.close();
    await srv?.close();
  });
  const url = () => {
    if (!srv) throw new Error('the app is not served yet (browserPerTest: call open inside a test)');
    return srv.url;
  };
  return {
    url,
    async open(size = { width: 1440, height: 900 }, query = defaultQuery) {
      const s = await launch([], size);
      sessions.push(s);
      return watchedPage(s.context, url() + query);
    },
  };
}

/**
 * The set-up of a browser test file whose tests share one build, one server and one Chromium and
 * each open their own page (game, inputs): `before` runs first (e.g. reference figures read from
 * the same working tree as the build), then the build, the server and the browser, handed to
 * `ready`; after each test the page `take` hands back (null when the test closed and checked it
 * itself) is closed and must have logged no console error and no CSP violation; after the file's
 * tests `after` runs, then the browser and the server close. Call it in the `describe` body.
 */
export function sharedBrowser(hooks: {
  before?: () => void | Promise<void>;
  ready: (srv: Served, session: Session) => void;
  take: () => Watched | null;
  after?: () => void | Promise<void>;
}): void {
  let srv: Served | null = null;
  let session: Session | null = null;
  beforeAll(async () => {
    await hooks.before?.();
    await buildApp();
    srv = await serve();
    session = await launch();
    hooks.ready(srv, session);
  }, 1_200_000);
  afterAll(async () => {
    await hooks.after?.();
    await session?.close();
    await srv?.close();
  });
  afterEach(async () => {
    const c = hooks.take();
    if (!c) return;
    await c.page.close();
    expect(c.csp, 'CSP violations').toEqual([]);
    expect(c.errors, 'console errors').toEqual([]);
  });
}

export function shot(name: string): string {
  mkdirSync(RESULTS, { recursive: true });
  return join(RESULTS, `${name}.png`);
}

const BROWSER_LOCK = join(ROOT, '.browser-tests.lock');

/**
 * One browser test file at a time: test files run in parallel processes, and two Chromiums on a
 * small machine disturb each other's timing measurements (long tasks at 4x). Take this in
 * beforeAll (with a long hook timeout) and call the returned release in afterAll. A lock whose
 * owner process is gone is taken over.
 */
export async function browserLock(): Promise<() => void> {
  const t0 = Date.now();
  for (;;) {
    try {
      mkdirSync(BROWSER_LOCK);
      writeFileSync(join(BROWSER_LOCK, 'pid'), String(process.pid));
      let released = false;
      return () => { if (!released) { released = true; rmSync(BROWSER_LOCK, { recursive: true, force: true }); } };
    } catch {
      let owner = 0;
      try { owner = Number(readFileSync(join(BROWSER_LOCK, 'pid'), 'utf8')); } catch { /* being written or gone */ }
      let alive = true;
      if (owner > 0) { try { process.kill(owner, 0); } catch { alive = false; } }
      if (!alive) rmSync(BROWSER_LOCK, { recursive: true, force: true });
      if (Date.now() - t0 > 900_000) throw new Error('timed out waiting for another browser test file');
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
