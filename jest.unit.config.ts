import type { Config } from 'jest';
import { preset } from './jest.preset';

// Tier 1: pure, fast, no I/O.
const config: Config = {
  ...preset,
  displayName: 'unit',
  roots: [
    '<rootDir>/apps',
    '<rootDir>/libs',
    '<rootDir>/workflows',
    '<rootDir>/forms',
    '<rootDir>/test/support',
    '<rootDir>/deploy',
  ],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
};
export default config;
