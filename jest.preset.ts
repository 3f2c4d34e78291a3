import type { Config } from 'jest';
import { readFileSync } from 'node:fs';

// One place maps the tsconfig path aliases for every jest tier.
const { compilerOptions } = JSON.parse(readFileSync(`${__dirname}/tsconfig.base.json`, 'utf8')) as {
  compilerOptions: { paths: Record<string, string[]> };
};
// How TypeScript is compiled for tests, benchmarks (tools/scripts/register-ts.cjs) alike.
const swc = JSON.parse(readFileSync(`${__dirname}/tools/swc.json`, 'utf8')) as Record<string, unknown>;
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

export const preset: Config = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleNameMapper,
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', swc],
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // openid-client and its two dependencies are ES modules only; jest's CommonJS module system
  // loads them once swc has compiled them like our own code (docs/testing.md, "ES modules").
  transformIgnorePatterns: ['/node_modules/(?!(openid-client|oauth4webapi|jose)/)'],
};
