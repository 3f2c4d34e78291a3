import type { Config } from 'jest';
import { preset } from './jest.preset';

// Tier 2: real MariaDB, Redis and SMTP. Migrations run once in the global setup.
const config: Config = {
  ...preset,
  displayName: 'integration',
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testMatch: ['**/*.integration-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  setupFiles: ['<rootDir>/test/support/test-env.ts'],
  testTimeout: 60_000,
  maxWorkers: 2,
};
export default config;
