/**
 * Start the Phaser world view inside a DOM element (this module and Phaser form their own chunk).
 * Phaser.AUTO picks WebGL and falls back to the Canvas renderer (e.g. Chromium --disable-3d-apis).
 */
import * as Phaser from 'phaser';
import { WorldScene, type WorldBridge } from './WorldScene.ts';
import { getState, setState, store } from '../store/ui.ts';

export interface WorldInfo { renderer: 'webgl' | 'canvas' | 'none' }
export const worldInfo: WorldInfo = { renderer: 'none' };

export async function mountWorld(parent: HTMLElement): Promise<() => void> {
  const bridge: WorldBridge = {
    getSnapshot: () => getState().snapshot,
    subscribe: (cb) => store.subscribe((s, p) => { if (s.snapshot !== p.snapshot || s.settings.lang !== p.settings.lang) cb(); }),
    lang: () => getState().settings.lang,
    selectRegion: (id) => setState({ selectedRegion: id, panel: 'sites' }),
  };
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    backgroundColor: '#050914',
    scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
    banner: false,
    audio: { noAudio: true },
    disableContextMenu: true,
    fps: { target: 60 },
    render: { antialias: true, powerPreference: 'low-power' },
    scene: [],
  });
  await new Promise<void>((resolve) => game.events.once(Phaser.Core.Events.READY, () => resolve()));
  worldInfo.renderer = game.renderer.type === Phaser.WEBGL ? 'webgl' : 'canvas';
  parent.dataset.renderer = worldInfo.renderer;
  game.canvas.setAttribute('aria-hidden', 'true');
  game.scene.add('world', WorldScene, true, { bridge });
  return () => {
    game.destroy(true);
    worldInfo.renderer = 'none';
  };
}
