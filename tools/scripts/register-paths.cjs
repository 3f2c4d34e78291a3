// Resolves the @rodtrad/* aliases of tsconfig.base.json inside the compiled dist/server tree.
// Used as `node -r ./tools/scripts/register-paths.cjs dist/server/apps/api/src/main.js`.
const { join } = require('node:path');
const { readFileSync } = require('node:fs');
const tsconfigPaths = require('tsconfig-paths');

const root = join(__dirname, '..', '..');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
tsconfigPaths.register({
  baseUrl: join(root, 'dist', 'server'),
  paths: compilerOptions.paths,
  addMatchAll: false,
});
