// Runs TypeScript sources directly: `node -r ./tools/scripts/register-ts.cjs some/file.ts`.
// Used by the benchmarks, for themselves and for the API process they start.
//
// Not ts-node: ts-node loads node's `repl`, which loads `domain`, and with `domain` loaded every
// EventEmitter and every promise goes through domain hooks. That costs a server like ours about
// a tenth of its CPU, which the production build (`npm start`, compiled by tsc) does not pay, so a
// benchmark run under ts-node measures something slower than what we ship. This hook compiles each
// file with swc (tools/swc.json, the options the jest tiers use too) and resolves the @rodtrad/* aliases of
// tsconfig.base.json to the sources.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { transformSync } = require('@swc/core');
const tsconfigPaths = require('tsconfig-paths');

const root = join(__dirname, '..', '..');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
const swc = JSON.parse(readFileSync(join(root, 'tools', 'swc.json'), 'utf8'));
tsconfigPaths.register({ baseUrl: root, paths: compilerOptions.paths, addMatchAll: false });

function compile(module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    ...swc,
    jsc: { ...swc.jsc, parser: { ...swc.jsc.parser, tsx: filename.endsWith('.tsx') } },
    filename,
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
}
require.extensions['.ts'] = compile;
require.extensions['.tsx'] = compile;
