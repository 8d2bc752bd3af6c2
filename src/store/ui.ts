/**
 * The UI store (zustand vanilla + immer): session state only (which screen, which panel, the
 * latest engine snapshot, dialogs, toasts, settings). Actions are plain functions in src/ui.
 */
import { createStore } from 'zustand/vanilla';
import { immer } from 'zustand/middleware/immer';
import type { Snapshot } from './snapshot.ts';
import type { LoadProblem } from './load.ts';
import type { Scenario } from '../scenario/schema/index.ts';
import type { StrategyId } from '../engine/types.ts';
import type { ClassConfig } from '../class/config.ts';

export type Lang = 'en' | 'zh-CN';
export type Screen = 'title' | 'briefing' | 'game' | 'debrief' | 'classBuilder' | 'classStudent' | 'classResults' | 'classDebrief';
export type PanelId = 'finance' | 'fleet' | 'sites' | 'customers' | 'market' | 'reports';

/** A problem of a loaded file as the error list shows it (the host's LoadProblem: English text plus message ids). */
export type LoadError = LoadProblem;
/** What a refused file was taken for (the error list's heading). */
export type FileProblemKind = 'save' | 'scenario' | 'file';

export interface Toast { id: number; text: string; kind: 'info' | 'ok' | 'error' }

export interface Settings {
  lang: Lang;
  autoPauseOnMajorNews: boolean;
  autoPauseOnQuarter: boolean;
  /** Single-key shortcuts (Space, 1 2 4, letters for the panels); off for players who use a screen reader or voice control. */
  shortcuts: boolean;
  /** The guided first quarter was finished or skipped (it is not offered again). */
  tutorialDone: boolean;
}

export interface UiState {
  ready: boolean;
  screen: Screen;
  settings: Settings;
  scenario: Scenario | null;
  seed: number;
  strategy: StrategyId | null;
  snapshot: Snapshot | null;
  panel: PanelId;
  /** A refused file's problems on the title screen, and what it was taken for: a save, a scenario, or either (refused before it was read). */
  loadErrors: { fileName: string; errors: LoadError[]; kind?: FileProblemKind } | null;
  toasts: Toast[];
  /** Region selected on the map (its card is outlined and its details open; pre-fills the Sites panel). */
  selectedRegion: string | null;
  /** A Sites form filled in from the map ("lease colocation here"); the Sites panel applies it and clears it. */
  sitePrefill: { regionId: string; type: 'leaseColo' | 'buildCampus' | 'buyPoweredSite'; powerMw: number } | null;
  /** Some tab has an autosave (Continue is enabled). */
  hasAutosave: boolean;
  /** The engine threw and stopped the game (the error dialog shows it with a way out). */
  engineError: string | null;
  /** The class shown on the class screen (student side), from a link or a file. */
  classOpen: ClassOpen | null;
  /** The class of the running game, or null outside a class. */
  classPlay: ClassPlay | null;
}

/** A class as a student opened it (link or `.class.json`), or why it could not be opened. */
export type ClassOpen = { ok: true; config: ClassConfig; hash: string } | { ok: false; message: string; detail?: string };

/** The class the running game is played in (its rules apply; hand-in writes a result file for it). */
export interface ClassPlay { config: ClassConfig; hash: string; student: string; seed: number; attempt: number }

export const initialSettings: Settings = { lang: 'en', autoPauseOnMajorNews: true, autoPauseOnQuarter: true, shortcuts: true, tutorialDone: false };

export const store = createStore<UiState>()(
  immer(() => ({
    ready: false,
    screen: 'title' as Screen,
    settings: initialSettings,
    scenario: null,
    seed: 0,
    strategy: null,
    snapshot: null,
    panel: 'finance' as PanelId,
    loadErrors: null,
    toasts: [],
    selectedRegion: null,
    sitePrefill: null,
    hasAutosave: false,
    engineError: null,
    classOpen: null,
    classPlay: null,
  })),
);

export const getState = store.getState;
export const setState = store.setState;
