/// <reference lib="webworker" />
/**
 * The engine's Web Worker: runs SimCore with its own fixed-timestep clock and posts at most one
 * snapshot per frame (~16 ms) to the main thread. Loads are all or nothing: a new SimCore is
 * prepared off to the side (load.ts) and replaces the running one only when it succeeded.
 * An engine error stops the game (never a half-stepped world running on) and is posted as 'error'.
 */
// First: zod must be told not to try eval (CSP) before any schema module is evaluated.
import '../ui/zodJitless.ts';
import { SimCore, runStrategy, runLog, openResults, type HostOptions } from './sim.ts';
import { prepareLoad } from './load.ts';
import { packHistory, type ToWorker, type FromWorker, type HistoryKeys } from './protocol.ts';

const post = (m: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
const FRAME_MS = 16;
let options: HostOptions = { autoPauseOnMajorNews: true, autoPauseOnQuarter: true };
let core = adopt(new SimCore());
let last = performance.now();
let lastPost = 0;

function adopt(c: SimCore): SimCore {
  c.setOptions(options);
  c.onAutoPause = (reason) => post({ t: 'paused', reason });
  return c;
}

const messageOf = (e: unknown) => String((e as Error)?.message ?? e);

/** The engine threw while stepping: stop this game for good and tell the page. */
function engineFailed(e: unknown): string {
  const message = `The simulation stopped with an error: ${messageOf(e)}`;
  core.fail(message);
  post({ t: 'error', message });
  return message;
}

/** What the page holds of each history field from this game's previous streamed snapshot. */
let sent: { core: SimCore; keys: HistoryKeys } | null = null;

function publish(force: boolean): void {
  const now = performance.now();
  if (!force && now - lastPost < FRAME_MS) return;
  if (!core.takeDirty() && !force) return;
  const snap = core.snapshot();
  if (snap) {
    lastPost = now;
    const packed = packHistory(snap, sent && sent.core === core ? sent.keys : null);
    sent = { core, keys: packed.keys };
    post({ t: 'snapshot', snap: packed.snap, delta: packed.delta });
  }
}

function loop(): void {
  const now = performance.now();
  const dt = now - last;
  last = now;
  try {
    core.advance(dt, () => performance.now());
  } catch (e) {
    engineFailed(e);
  }
  try {
    publish(false);
  } catch (e) {
    if (!core.failure) engineFailed(e);
  }
  setTimeout(loop, core.running ? 4 : 16);
}
setTimeout(loop, 16);

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  try {
    switch (m.t) {
      case 'load': {
        const r = prepareLoad(m.req);
        if (!r.core) {
          post({ t: 'reply', id: m.id, value: r.info });
          break;
        }
        const next = adopt(r.core);
        next.takeDirty();
        const snapshot = next.snapshot();
        core = next; // the swap: only now does the running game change
        post({ t: 'reply', id: m.id, value: { ...r.info, snapshot } });
        break;
      }
      case 'preview':
        post({ t: 'reply', id: m.id, value: core.preview(m.cmd) });
        break;
      case 'issue':
        post({ t: 'reply', id: m.id, value: core.issue(m.cmd) });
        publish(true);
        break;
      case 'cancel':
        post({ t: 'reply', id: m.id, value: core.cancel(m.index) });
        publish(true);
        break;
      case 'step':
        try {
          core.stepWeeks(m.weeks);
        } catch (e) {
          post({ t: 'fail', id: m.id, message: engineFailed(e) });
          break;
        }
        core.takeDirty();
        post({ t: 'reply', id: m.id, value: core.snapshot() });
        break;
      case 'hash':
        post({ t: 'reply', id: m.id, value: core.hash() });
        break;
      case 'save':
        post({ t: 'reply', id: m.id, value: core.saveData() });
        break;
      case 'snap':
        post({ t: 'reply', id: m.id, value: core.snapshot() });
        break;
      case 'speed':
        core.setSpeed(m.speed);
        last = performance.now();
        publish(true);
        break;
      case 'options':
        options = { ...m.options };
        core.setOptions(options);
        break;
      case 'failNextStep':
        core.failOnNextStep();
        break;
      case 'crashWorker':
        // Test hook: an error that escapes every handler (what a broken worker looks like to the page).
        setTimeout(() => { throw new Error('simulated worker crash (test hook)'); }, 0);
        break;
      case 'bench': {
        const out = [];
        let done = 0;
        for (const s of m.strategies) {
          out.push(runStrategy(m.scenario, m.seed, s));
          post({ t: 'progress', id: m.id, done: ++done });
        }
        post({ t: 'reply', id: m.id, value: out });
        break;
      }
      case 'runs': {
        // What-if replays (and class debrief runs): here in the worker, never on the page's thread.
        const out = [];
        for (const r of m.runs) {
          out.push(runLog(r));
          post({ t: 'progress', id: m.id, done: out.length });
        }
        post({ t: 'reply', id: m.id, value: out });
        break;
      }
      case 'results':
        post({ t: 'reply', id: m.id, value: openResults(m.texts, m.replay, (done) => post({ t: 'progress', id: m.id, done })) });
        break;
    }
  } catch (e) {
    if ('id' in m) post({ t: 'fail', id: m.id, message: messageOf(e) });
    else post({ t: 'error', message: messageOf(e) });
  }
};
