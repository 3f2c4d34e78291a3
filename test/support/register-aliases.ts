// jest's globalSetup runs outside the module mapper: resolve the @rodtrad/* aliases here.
import { register } from 'tsconfig-paths';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
register({ baseUrl: root, paths: compilerOptions.paths, addMatchAll: false });
