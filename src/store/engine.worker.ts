/// <reference lib="webworker" />
/**
 * The engine's Web Worker: runs SimCore with its own fixed-timestep clock and posts at most one
 * snapshot per frame (~16 ms) to the main thread.
 */
import { SimCore, runStrategy } from './sim.ts';
import type { ToWorker, FromWorker } from './protocol.ts';

const core = new SimCore();
const post = (m: FromWorker) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
const FRAME_MS = 16;
let last = performance.now();
let lastPost = 0;

core.onAutoPause = (reason) => post({ t: 'paused', reason });

function publish(force: boolean): void {
  const now = performance.now();
  if (!force && now - lastPost < FRAME_MS) return;
  if (!core.takeDirty() && !force) return;
  const snap = core.snapshot();
  if (snap) {
    lastPost = now;
    post({ t: 'snapshot', snap });
  }
}

function loop(): void {
  const now = performance.now();
  const dt = now - last;
  last = now;
  try {
    core.advance(dt, () => performance.now());
  } catch (e) {
    post({ t: 'error', message: String((e as Error)?.stack ?? e) });
    core.setSpeed(0);
  }
  publish(false);
  setTimeout(loop, core.running ? 4 : 16);
}
setTimeout(loop, 16);

self.onmessage = (ev: MessageEvent<ToWorker>) => {
  const m = ev.data;
  try {
    switch (m.t) {
      case 'start':
        core.start(m.params);
        core.takeDirty();
        post({ t: 'reply', id: m.id, value: core.snapshot() });
        break;
      case 'preview':
        post({ t: 'reply', id: m.id, value: core.preview(m.cmd) });
        break;
      case 'issue':
        post({ t: 'reply', id: m.id, value: core.issue(m.cmd) });
        publish(true);
        break;
      case 'step':
        core.stepWeeks(m.weeks);
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
        core.setOptions(m.options);
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
    }
  } catch (e) {
    if ('id' in m) post({ t: 'fail', id: m.id, message: String((e as Error)?.message ?? e) });
    else post({ t: 'error', message: String((e as Error)?.message ?? e) });
  }
};
