import { defineConfig } from 'vitest/config';
import LongestFirstSequencer from './test/longestFirstSequencer';

// Two projects: fast pure tests, and end-to-end tests that start a real hub and a real Chromium.
export default defineConfig({
  test: {
    // Two files at a time: a browser test spends much of its time waiting on a hub or a page, and every file
    // starts its own hub (port 0, its own temp folder) and browser context, so two files never share a page.
    maxWorkers: 2,
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          // Pure functions with no module state: one module graph per worker, not per file (the unit project
          // went from 42 s to 10 s; the same 625 tests pass in any order, --sequence.shuffle).
          isolate: false,
          include: ['src/**/*.test.ts', 'integrations/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          // A hang guard, not a speed bar: a few tests write and sync real files or serve real sockets, and beside the
          // browser project on 2 cores (or other work) they outlasted vitest's default 5 s now and then.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'browser',
          // Test files share the harness's and src's modules within a worker (their imports cost ~55 s of worker
          // time per run), and with them the worker's one Chromium (test/harness/browser.ts): each file starts its
          // own hub and browser contexts.
          isolate: false,
          include: ['test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A poll waits for something a page or hub will do (a snapshot drawn, a list re-rendered): on a loaded
          // 2-core machine that can take longer than vitest's default second, and a poll that passes returns at once.
          expect: { poll: { timeout: 10_000 } },
          globalSetup: ['test/globalSetup.ts'],
        },
      },
    ],
  },
});
