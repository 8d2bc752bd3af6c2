/**
 * The test runner's configuration: vite.config.ts (one config for the dev server, the build and the
 * tests) plus the order test files start in (test/sequencer.ts). Kept apart so `vite` and
 * `vite build` do not load vitest.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';
import { RunSharingSequencer } from './test/sequencer.ts';

export default mergeConfig(viteConfig, defineConfig({ test: { sequence: { sequencer: RunSharingSequencer } } }));
