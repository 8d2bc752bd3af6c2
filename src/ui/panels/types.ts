import type { Snapshot } from '../../store/snapshot.ts';
export interface Panel {
  el: HTMLElement;
  /** Called with fresh snapshots (throttled); re-renders live tables and refreshes previews. */
  update(s: Snapshot): void;
}
