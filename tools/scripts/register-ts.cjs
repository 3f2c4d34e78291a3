// Runs TypeScript sources directly: `node -r ./tools/scripts/register-ts.cjs some/file.ts`.
// Used by the benchmarks, for themselves and for the API process they start.
//
// Not ts-node: ts-node loads node's `repl`, which loads `domain`, and with `domain` loaded every
// EventEmitter and every promise goes through domain hooks. That costs a server like ours about
// a tenth of its CPU, which the production build (`npm start`, compiled by tsc) does not pay, so a
// benchmark run under ts-node measures something slower than what we ship. This hook compiles each
// file with swc (the options jest.preset.ts uses) and resolves the @rodtrad/* aliases of
// tsconfig.base.json to the sources.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');
const tsconfigPaths = require('tsconfig-paths');

const root = join(__dirname, '..', '..');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
tsconfigPaths.register({ baseUrl: root, paths: compilerOptions.paths, addMatchAll: false });

function compile(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: filename.endsWith('.tsx') },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  });
  module._compile(code, filename);
}
require.extensions['.ts'] = compile;
require.extensions['.tsx'] = compile;
