import type { Config } from 'jest';
import { preset } from './jest.preset';

// The multi-process tier (#21): several API and worker processes (the built apps) on one MariaDB
// and Redis under a peak, with processes killed in the middle. Each file makes its own database.
const config: Config = {
  ...preset,
  displayName: 'multiprocess',
  roots: ['<rootDir>/test/multiprocess'],
  testMatch: ['**/*.multiprocess-spec.ts'],
  setupFiles: ['<rootDir>/test/support/test-env.ts'],
  testTimeout: 900_000,
  maxWorkers: 1,
};
export default config;
