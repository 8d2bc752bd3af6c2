/** Pick and create the engine host. Both implementations load lazily (the engine is not in the initial chunk). */
import type { EngineHost } from './host.ts';

export type HostKind = 'worker' | 'inThread';

export async function createHost(kind: HostKind): Promise<EngineHost> {
  if (kind === 'worker' && typeof Worker !== 'undefined') {
    try {
      const { WorkerHost } = await import('./workerHost.ts');
      return new WorkerHost();
    } catch (e) {
      console.warn('Worker host unavailable, running the engine on the main thread', e);
    }
  }
  const { InThreadHost } = await import('./inThreadHost.ts');
  return new InThreadHost();
}
