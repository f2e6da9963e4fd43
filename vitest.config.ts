import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    // Two cores: end-to-end files each start an emulator and spawn the CLI.
    maxWorkers: 2,
  },
});
