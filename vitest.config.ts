import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    allowOnly: false,
    // Programs a test starts (bin/reintegratie.js) run the TypeScript sources under test, not dist/.
    env: { REINTEGRATIE_BRON: 'src' },
  },
});
