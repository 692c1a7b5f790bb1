import { defineConfig } from 'vitest/config';

// Tests that state time bounds run last and one file at a time, so other test files do not share the CPU
// with them; everything else runs two files at a time.
const TIMED = ['test/security/scale.test.ts', 'test/security/interrupt.test.ts'];

export default defineConfig({
  test: {
    // End-to-end tests run the built CLI and the copies' own test suites: give them time.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'suite', include: ['test/**/*.test.ts'], exclude: TIMED, sequence: { groupOrder: 0 } } },
      // --expose-gc: the scale tests measure the heap a piece of work keeps, between two collections.
      { extends: true, test: { name: 'timed', include: TIMED, fileParallelism: false, execArgv: ['--expose-gc'], sequence: { groupOrder: 1 } } },
    ],
  },
});
