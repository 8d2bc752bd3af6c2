/**
 * Start the Phaser world view inside a DOM element (this module and Phaser form their own chunk).
 * Phaser.AUTO picks WebGL and falls back to the Canvas renderer (e.g. Chromium --disable-3d-apis).
 */
import * as Phaser from 'phaser';
import { WorldScene, type WorldBridge, type MapCard, type MapDisc, type MapExtras } from './WorldScene.ts';
import type { Rect } from './cardLayout.ts';
import { getState, setState, store } from '../store/ui.ts';
import { t, type StringKey } from '../ui/i18n.ts';

export type { MapCard, MapDisc, MapExtras };

export interface WorldInfo { renderer: 'webgl' | 'canvas' | 'none' }
export const worldInfo: WorldInfo = { renderer: 'none' };

/**
 * True when WebGL is software-rendered (SwiftShader, llvmpipe): there the Canvas renderer is
 * several times cheaper per frame and keeps main-thread tasks short.
 */
function softwareWebGl(): boolean {
  try {
    const c = document.createElement('canvas');
    const gl = c.getContext('webgl2') ?? c.getContext('webgl');
    if (!gl) return false;
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(ext ? gl.getParameter(ext.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software/i.test(name);
  } catch {
    return false;
  }
}

/**
 * Start the world view in `parent`. `onLayout` hears where the region cards, rival discs and card
 * texts were drawn (the DOM map layer puts its buttons there); `reservedRects` names the DOM boxes
 * over the view the cards keep clear of (the ticker).
 */
export async function mountWorld(parent: HTMLElement, onLayout: (cards: MapCard[], discs: MapDisc[], extras: MapExtras | null) => void = () => undefined, reservedBottomPx: () => number = () => 30, reservedRightPx: () => number = () => 0, reservedRects: () => Rect[] = () => []): Promise<() => void> {
  const bridge: WorldBridge = {
    getSnapshot: () => getState().snapshot,
    subscribe: (cb) => store.subscribe((s, p) => { if (s.snapshot !== p.snapshot || s.settings.lang !== p.settings.lang || s.selectedRegion !== p.selectedRegion) cb(); }),
    lang: () => getState().settings.lang,
    selectedRegion: () => getState().selectedRegion,
    selectRegion: (id) => setState({ selectedRegion: id }),
    onLayout,
    archetype: (strategy) => t(`strat_${strategy}` as StringKey),
    reservedBottomPx,
    reservedRightPx,
    reservedRects,
  };
  const forced = new URLSearchParams(location.search).get('renderer');
  const game = new Phaser.Game({
    // ?renderer=webgl|canvas forces one; otherwise WebGL on a real GPU, Canvas on software GL,
    // and Phaser.AUTO falls back to Canvas when WebGL is unavailable.
    type: forced === 'canvas' ? Phaser.CANVAS : forced === 'webgl' ? Phaser.WEBGL : softwareWebGl() ? Phaser.CANVAS : Phaser.AUTO,
    parent,
    backgroundColor: '#050914',
    scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
    banner: false,
    audio: { noAudio: true },
    disableContextMenu: true,
    // The map animates gently; 30 fps halves the rendering cost on slow (software) GPUs.
    fps: { target: 30, limit: 30 },
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
