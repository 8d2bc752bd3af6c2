import { availableParallelism } from 'node:os';
import { defineConfig, type Plugin } from 'vitest/config';
import { computeBuildId } from './src/cli/buildId.ts';

/**
 * Content-Security-Policy for the built app (a <meta> tag, so it also holds on static hosting).
 * No 'unsafe-eval' and no inline scripts or style attributes; Phaser needs img-src data: blob:
 * for generated textures. Not applied to the dev server (Vite injects inline styles there).
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function csp(): Plugin {
  return {
    name: 'neocloud-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
    },
  };
}

// One config for the dev server, the production build and the unit tests.
export default defineConfig({
  base: './',
  // The game's own art (icons, favicon, web app manifest): served at the root by the dev server and
  // copied as is into dist/ (src/game/assets.ts lists the icons).
  publicDir: 'assets',
  plugins: [csp()],
  // The build id result files carry (src/class/buildId.ts): the same sources give the same id here and in the CLI.
  define: { __NEOCLOUD_BUILD_ID__: JSON.stringify(computeBuildId(import.meta.dirname)) },
  server: { port: 5173 },
  preview: { port: 4173, headers: { 'Content-Security-Policy': CSP } },
  build: {
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    // Small assets would otherwise be inlined as data: URLs; keep them as files.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        // Phaser in its own chunk (loaded with the world view), uPlot in its own (loaded with the charts).
        codeSplitting: {
          groups: [
            { name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/ },
            { name: 'uplot', test: /[\\/]node_modules[\\/]uplot[\\/]/ },
          ],
        },
      },
    },
  },
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Generous limits: a time-out is a hang guard, not a speed target. The heaviest market tests take
    // ≈40 s on a quiet 2-core machine and 210 s at load 25 (a clean-clone run beside four sessions).
    testTimeout: 600_000,
    hookTimeout: 600_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: ONE on a 2-core machine, so every file
    // ran after the other (14.2 min on this machine). Two workers on 2 cores: 9.7 min, measured.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
