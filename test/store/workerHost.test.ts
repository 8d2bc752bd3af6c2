/**
 * The worker host when the worker itself fails with calls in flight: a form's live preview, a
 * queued command, a withdrawal or a save answer as a stopped game would (a refusal, false, null)
 * instead of rejecting — a caller that stopped listening would otherwise leave an unhandled
 * rejection on the page — while a step still rejects, so the game screen shows the error.
 */
import { describe, it, expect, vi, afterEach } from 'vitest';

class FakeWorker {
  static last: FakeWorker | null = null;
  posted: { t: string; id?: number }[] = [];
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  onerror: ((ev: { message: string; preventDefault(): void }) => void) | null = null;
  constructor() { FakeWorker.last = this; }
  postMessage(m: { t: string; id?: number }): void { this.posted.push(m); }
  terminate(): void {}
  reply(id: number, value: unknown): void { this.onmessage?.({ data: { t: 'reply', id, value } }); }
  crash(): void { this.onerror?.({ message: 'Uncaught Error: boom', preventDefault() {} }); }
}

afterEach(() => { vi.unstubAllGlobals(); });

async function host() {
  vi.stubGlobal('Worker', FakeWorker);
  const { WorkerHost } = await import('../../src/store/workerHost.ts');
  const h = new WorkerHost();
  return { h, w: FakeWorker.last! };
}

describe('WorkerHost when the worker fails mid-call', () => {
  it('pending previews, commands, withdrawals and saves answer as a stopped game; a pending step rejects', async () => {
    const { h, w } = await host();
    const errors: string[] = [];
    h.onError((m) => errors.push(m));
    const preview = h.preview({ type: 'setPlatformSpend', usdPerWeek: 1 });
    const issue = h.issue({ type: 'setPlatformSpend', usdPerWeek: 1 });
    const cancel = h.cancel(0);
    const save = h.saveData();
    const snap = h.snapshotNow();
    const step = h.step(1);
    const stepSettled = step.then(() => 'resolved', (e: Error) => e.message);
    w.crash();
    expect(await preview).toMatchObject({ ok: false, reason: { id: 'host.engineStopped' } });
    expect(await issue).toMatchObject({ ok: false, reason: { id: 'host.engineStopped' } });
    expect(await cancel).toBe(false);
    expect(await save).toBeNull();
    expect(await snap).toBeNull();
    expect(await stepSettled).toMatch(/Engine worker failed: Uncaught Error: boom/);
    expect(errors).toEqual(['Engine worker failed: Uncaught Error: boom']);
  });

  it('an answer from the worker still comes through, and an engine refusal is not turned into "stopped"', async () => {
    const { h, w } = await host();
    const p = h.preview({ type: 'setPlatformSpend', usdPerWeek: 1 });
    const id = w.posted.find((m) => m.t === 'preview')!.id!;
    w.reply(id, { ok: true, summary: { id: 'x', params: {} } });
    expect(await p).toEqual({ ok: true, summary: { id: 'x', params: {} } });
    const hash = h.stateHash();
    w.onmessage?.({ data: { t: 'fail', id: w.posted.find((m) => m.t === 'hash')!.id!, message: 'no game' } });
    await expect(hash).rejects.toThrow('no game');
  });
});
