import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Deterministic: no retries that could hide flaky behaviour, and a fixed order within files.
    retry: 0,
    sequence: { shuffle: false },
  },
});
