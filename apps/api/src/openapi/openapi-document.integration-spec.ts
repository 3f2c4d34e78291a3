import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestApi, type TestApi } from '@rodtrad/testing';

const run = promisify(execFile);

/** Warnings of the recommended rules accepted on purpose, each with its reason. */
const ACCEPTED_WARNINGS: { rule: string; mentions: string; reason: string }[] = [
  {
    rule: 'no-ambiguous-paths',
    mentions: '`/api/approvals/by-id/{id}` and `/api/approvals/{token}/delegate`',
    reason:
      '`by-id` is a literal segment and a token is 43 base64url characters, so no token is `by-id`; both paths are contracts of links already mailed out',
  },
  {
    rule: 'operation-4xx-response',
    mentions: 'HealthController',
    reason:
      'GET /api/health and GET /api/health/live take no input and need no session: they answer 200 (or 503), never a 4xx',
  },
  {
    rule: 'operation-4xx-response',
    mentions: 'OidcController_providers',
    reason:
      'GET /api/auth/providers takes no input and needs no session: it always answers what the sign-in page offers',
  },
  {
    rule: 'operation-2xx-response',
    mentions: 'OidcController_login',
    reason:
      'GET /api/auth/oidc/login is a browser navigation to the identity provider: it answers 302 (or 422, 404), never 2xx',
  },
  {
    rule: 'operation-2xx-response',
    mentions: 'OidcController_callback',
    reason:
      'GET /api/auth/oidc/callback is the redirect URI the provider sends the browser back to: it answers 302, to where the person was going or to the sign-in page with the reason',
  },
  {
    rule: 'no-ambiguous-paths',
    mentions: '`/offentligt/data/{file}` and `/offentligt/{year}/',
    reason:
      '`data` is a literal segment and a year is four digits, so no year is `data`; the public addresses are published and stay as they are',
  },
  {
    rule: 'operation-4xx-response',
    mentions: 'PublicSiteController_start',
    reason:
      'GET /offentligt, the public start page, takes no input and needs no session: it always answers 200',
  },
];
const root = join(__dirname, '../../../..');

/** A third-party tool's verdict: its exit code and what it printed. */
async function verdict(file: string, args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(file, args, { cwd: root, maxBuffer: 32 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const err = e as { code?: number | string; stdout?: string; stderr?: string };
    if (err.code === 'ENOENT') throw new Error(`${file} is not installed (see docs/testing.md)`);
    return { code: Number(err.code ?? 1), output: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

/**
 * The OpenAPI document integrators build against, as the API serves it, read by the tools they
 * use: Python's openapi-spec-validator (the OpenAPI 3.0 schema) and Redocly's recommended rules.
 */
describe('the served OpenAPI document (third-party validators)', () => {
  let api: TestApi;
  let dir: string;
  let file: string;
  let doc: {
    paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>;
  };

  beforeAll(async () => {
    api = await startTestApi();
    doc = (await api.request('GET', '/api/docs-json')).body;
    dir = mkdtempSync(join(tmpdir(), 'rodtrad-openapi-'));
    file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(doc, null, 2));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await api.close();
  });

  it('passes openapi-spec-validator', async () => {
    const { code, output } = await verdict('openapi-spec-validator', [file]);
    expect({ code, output: output.trim().slice(0, 2000) }).toEqual({ code: 0, output: `${file}: OK` });
  });

  it("passes Redocly's recommended rules with no error and no warning beyond those accepted above", async () => {
    const { code, output } = await verdict(join(root, 'node_modules/.bin/redocly'), [
      'lint',
      file,
      `--config=${join(root, 'redocly.yaml')}`,
      '--format=json',
      '--max-problems=200',
    ]);
    const report = JSON.parse(output.slice(output.indexOf('{'), output.lastIndexOf('}') + 1)) as {
      problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
    };
    const unexplained = report.problems
      .map((p) => ({
        rule: p.ruleId,
        severity: p.severity,
        at: p.location[0]?.pointer,
        message: p.message,
        operationId: operationIdAt(p.location[0]?.pointer),
      }))
      .filter(
        (p) =>
          !ACCEPTED_WARNINGS.some(
            (a) =>
              p.severity === 'warn' &&
              a.rule === p.rule &&
              (p.message.includes(a.mentions) || p.operationId?.startsWith(a.mentions)),
          ),
      );
    expect(unexplained).toEqual([]);
    expect(code).toBe(0);
  });

  /** The operationId of the operation a JSON pointer points into. */
  function operationIdAt(pointer: string | undefined): string | undefined {
    const [, , path, method] = (pointer ?? '').split('/');
    if (!path || !method) return undefined;
    const op = doc.paths[path.replace(/~1/g, '/').replace(/~0/g, '~')]?.[method] as { operationId?: string };
    return op?.operationId;
  }

  it('marks the public operations with security: [] and the others with the session or the bearer token', () => {
    const publicOps = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => Array.isArray(op.security) && op.security.length === 0)
        .map(([m]) => `${m.toUpperCase()} ${path}`),
    );
    expect(publicOps).toEqual(
      expect.arrayContaining(['POST /api/auth/login', 'GET /api/health', 'GET /api/approvals/{token}']),
    );
    expect(doc.paths['/api/users']['get'].security).toEqual([{ bearer: [] }, { cookie: [] }]);
    expect(Object.keys(doc.paths['/api/users']['get'].responses)).toEqual(
      expect.arrayContaining(['401', '403', '422']),
    );
  });
});
