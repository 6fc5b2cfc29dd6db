import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The ONNX runtime and hnswlib are native; separate processes keep them isolated.
    pool: 'forks',
  },
});
