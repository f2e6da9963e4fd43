import { defineConfig } from 'vitest/config';

// Runs the emulator suite alone, without the CLI build global setup:
//   npx vitest run --config test/emulator/vitest.config.ts
export default defineConfig({
  test: {
    root: new URL('../..', import.meta.url).pathname,
    include: ['test/emulator/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    maxWorkers: 2,
  },
});
