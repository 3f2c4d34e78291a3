import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES, type ConfigVariable } from './config';

/**
 * The declaration in config.ts is the one list of variables; the README's table, compose.yml and
 * docker/.env.example are written for people and checked here against it, so none of them can
 * silently fall behind when a variable is added, renamed or removed.
 */
const root = join(__dirname, '../../..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const declared: readonly ConfigVariable[] = CONFIG_VARIABLES;
const names = declared.map((v) => v.name);
const byName = new Map(declared.map((v) => [v.name, v]));
const sorted = (xs: Iterable<string>) => [...xs].sort();

/** The rows of the README's configuration table, cells trimmed and backticks dropped. */
function readmeRows(): string[][] {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('\n## Configuration\n'));
  const end = section.indexOf('\n## ', 1);
  return (end < 0 ? section : section.slice(0, end))
    .split('\n')
    .filter((line) => /^\| `[A-Z0-9_]+` /.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split(' | ')
        .map((cell) => cell.trim().replace(/`/g, '')),
    );
}

/** The app's environment in compose.yml: NAME → its value as written. */
function composeEnvironment(): Map<string, string> {
  const compose = read('docker/compose.yml');
  const block = compose.slice(compose.indexOf('x-app-environment: &app-environment\n'));
  const lines = block.split('\n').slice(1);
  const entries = lines
    .slice(
      0,
      lines.findIndex((l) => !l.startsWith('  ')),
    )
    .map((l) => {
      const m = /^ {2}([A-Z0-9_]+): (.*)$/.exec(l);
      if (!m) throw new Error(`compose.yml: cannot read "${l}" in x-app-environment`);
      return [m[1], m[2]] as const;
    });
  return new Map(entries);
}

/** Variables compose.yml reads for itself (ports, image, MariaDB), outside the app's environment. */
function composeOwnVariables(): Set<string> {
  const compose = read('docker/compose.yml');
  const env = [...composeEnvironment().keys()];
  const own = [...compose.matchAll(/\$\{([A-Z0-9_]+)/g)].map((m) => m[1]);
  return new Set(own.filter((name) => !env.includes(name)));
}

function envExampleNames(): string[] {
  return read('docker/.env.example')
    .split('\n')
    .map((line) => /^([A-Z0-9_]+)=/.exec(line)?.[1])
    .filter((name): name is string => !!name);
}

describe('every configuration variable is declared once, in config.ts', () => {
  it('has unique names and keys', () => {
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(declared.map((v) => v.key)).size).toBe(names.length);
  });

  it('parses every declared default', () => {
    for (const v of declared)
      if (v.default !== undefined) expect(() => v.parse(v.default as string)).not.toThrow();
  });

  it("the README's configuration table lists exactly the declared variables, as declared", () => {
    const rows = readmeRows();
    expect(rows.map((r) => r[0])).toEqual(names);
    for (const [name, dflt, type, meaning] of rows) {
      const v = byName.get(name) as ConfigVariable;
      expect({ name, dflt, type, meaning }).toEqual({
        name,
        dflt: v.default ?? '',
        type: v.secret ? `${v.type}, secret` : v.type,
        meaning: v.description,
      });
    }
  });

  it('docker/compose.yml passes every declared variable through, and only those', () => {
    const env = composeEnvironment();
    expect(sorted(env.keys())).toEqual(sorted(names));
    for (const [name, value] of env) {
      // `${NAME:-default}` (empty: config.ts's default) or `${NAME:?message}` for a required one.
      const m = new RegExp(`^\\$\\{${name}(:-|:\\?)(.*)\\}$`).exec(value);
      expect({ name, passesThrough: !!m }).toEqual({ name, passesThrough: true });
      const fallback = m && m[1] === ':-' ? m[2] : '';
      // A host default the app would refuse fails here rather than at `docker compose up`.
      if (fallback && !fallback.includes('${')) expect(() => byName.get(name)?.parse(fallback)).not.toThrow();
    }
  });

  it('docker/.env.example lists every declared variable, and otherwise only what compose.yml reads itself', () => {
    const listed = envExampleNames();
    expect(new Set(listed).size).toBe(listed.length);
    const own = composeOwnVariables();
    expect(sorted(names.filter((n) => !listed.includes(n)))).toEqual([]);
    expect(sorted(listed.filter((n) => !byName.has(n) && !own.has(n)))).toEqual([]);
  });
});
