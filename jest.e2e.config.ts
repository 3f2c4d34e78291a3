import type { Config } from 'jest';
import { preset } from './jest.preset';

// Tier 3: the built apps over HTTP, and a real browser.
const config: Config = {
  ...preset,
  displayName: 'e2e',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.e2e-spec.ts'],
  globalSetup: '<rootDir>/test/support/e2e-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/e2e-global-teardown.ts',
  setupFiles: ['<rootDir>/test/support/test-env.ts'],
  testTimeout: 120_000,
  maxWorkers: 1,
};
export default config;
