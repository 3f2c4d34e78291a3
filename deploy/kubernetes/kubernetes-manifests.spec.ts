import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { CONFIG_VARIABLES, type ConfigVariable } from '@rodtrad/config';

/**
 * Every overlay in deploy/kubernetes/overlays, rendered by `kubectl kustomize` as `kubectl apply -k`
 * would, each object validated against the Kubernetes schemas (kubernetes-models) and against the
 * product's own rules: secrets only from Secrets, the ConfigMap only declared variables, probes,
 * resources, the disruption budget, the migration's own database user. docs/testing.md says how
 * to run it; deploy/kubernetes/README.md what the manifests do.
 */

interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  [field: string]: unknown;
}
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    secretKeyRef?: { name: string; key: string; optional?: boolean };
    configMapKeyRef?: { name: string; key: string };
  };
}
interface Probe {
  httpGet?: { path: string; port: number | string };
  tcpSocket?: unknown;
  grpc?: unknown;
  exec?: unknown;
}
interface Container {
  name: string;
  image: string;
  command?: string[];
  ports?: { containerPort: number; name?: string }[];
  env?: EnvVar[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean };
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
}
interface PodSpec {
  initContainers?: Container[];
  containers: Container[];
  terminationGracePeriodSeconds?: number;
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
}
interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: PodSpec;
}

/**
 * Problems of the objects against the Kubernetes schemas (none: all valid), from
 * validate-objects.mjs: kubernetes-models is ES modules only, which jest's CommonJS modules do
 * not load, so it runs in a Node process of its own.
 */
function schemaProblems(objects: K8sObject[]): string[] {
  const out = execFileSync(process.execPath, [join(here, 'validate-objects.mjs')], {
    input: JSON.stringify(objects),
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[];
}

const here = __dirname;
const SECRET = new Set(CONFIG_VARIABLES.filter((v) => v.secret).map((v) => v.name));
const DECLARED = new Set(CONFIG_VARIABLES.map((v) => v.name));
const REQUIRED_IN_PRODUCTION = (CONFIG_VARIABLES as readonly ConfigVariable[])
  .filter((v) => v.requiredInProduction)
  .map((v) => v.name);

function render(overlay: string): string {
  try {
    return execFileSync('kubectl', ['kustomize', join(here, 'overlays', overlay)], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const err = e as { code?: string; stderr?: string };
    if (err.code === 'ENOENT')
      throw new Error(
        'kubectl is not installed: apt-get install kubectl (the test renders deploy/kubernetes)',
      );
    throw new Error(`kubectl kustomize overlays/${overlay} failed: ${err.stderr ?? String(e)}`);
  }
}

/** The keys of an env file (KEY=value lines; # comments and blank lines skipped). */
function envFileKeys(file: string): string[] {
  return readFileSync(join(here, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.trim().startsWith('#'))
    .map((l) => l.slice(0, l.indexOf('=')).trim());
}

const overlays = readdirSync(join(here, 'overlays'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

it('has the production and the trial overlay', () => {
  expect(overlays).toEqual(expect.arrayContaining(['production', 'trial']));
});

describe.each(overlays)('the %s overlay', (overlay) => {
  let objects: K8sObject[];
  const all = (kind: string) => objects.filter((o) => o.kind === kind);
  const one = (kind: string, name: string): K8sObject => {
    const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
    if (!found) throw new Error(`no ${kind} named ${name} in overlays/${overlay}`);
    return found;
  };
  const template = (o: K8sObject) => (o.spec as { template: PodTemplate }).template;
  const containers = (o: K8sObject) => template(o).spec.containers;
  /** The init containers too: each needs the same configuration, resources and restrictions. */
  const everyContainer = (o: K8sObject) => [...(template(o).spec.initContainers ?? []), ...containers(o)];
  const workloads = () => [...all('Deployment'), ...all('Job')];
  const configMap = () => {
    const maps = all('ConfigMap').filter((m) => m.metadata.name.startsWith('rodtrad-config'));
    expect(maps).toHaveLength(1);
    return maps[0] as K8sObject & { data: Record<string, string> };
  };
  const env = (c: Container, name: string) => c.env?.find((e) => e.name === name);
  const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
    Object.entries(selector).every(([k, v]) => labels[k] === v);

  beforeAll(() => {
    const docs = parseAllDocuments(render(overlay));
    const broken = docs.flatMap((d) => d.errors.map((e) => e.message));
    if (broken.length) throw new Error(`overlays/${overlay} renders YAML that does not parse: ${broken[0]}`);
    objects = docs.map((d) => d.toJS() as K8sObject).filter(Boolean);
  });

  it('renders objects that all validate against the Kubernetes schemas', () => {
    expect(objects.length).toBeGreaterThan(0);
    expect(schemaProblems(objects)).toEqual([]);
  });

  it('puts no secret variable in the ConfigMap, and only declared variables', () => {
    const keys = Object.keys(configMap().data);
    expect(keys.filter((k) => SECRET.has(k))).toEqual([]);
    expect(keys.filter((k) => !DECLARED.has(k))).toEqual([]);
  });

  it('gives every container each secret variable from a Secret, and the non-secret ones from the ConfigMap', () => {
    const wrong: string[] = [];
    for (const w of workloads())
      for (const c of everyContainer(w)) {
        const where = `${w.kind}/${w.metadata.name} ${c.name}`;
        for (const name of SECRET) {
          const e = env(c, name);
          if (!e?.valueFrom?.secretKeyRef) wrong.push(`${where}: ${name} not from a Secret`);
          else if (REQUIRED_IN_PRODUCTION.includes(name) && e.valueFrom.secretKeyRef.optional)
            wrong.push(`${where}: ${name} is required in production, its Secret key must not be optional`);
        }
        for (const e of c.env ?? [])
          if (e.value !== undefined && SECRET.has(e.name)) wrong.push(`${where}: ${e.name} written in clear`);
        if (!c.envFrom?.some((f) => f.configMapRef?.name === configMap().metadata.name))
          wrong.push(`${where}: does not read the ConfigMap ${configMap().metadata.name}`);
      }
    expect(wrong).toEqual([]);
  });

  it('takes from the Secret rodtrad-secrets exactly the keys secrets.env.example lists', () => {
    const used = new Set(
      workloads().flatMap((w) =>
        everyContainer(w).flatMap((c) =>
          (c.env ?? []).flatMap((e) =>
            e.valueFrom?.secretKeyRef?.name === 'rodtrad-secrets' ? [e.valueFrom.secretKeyRef.key] : [],
          ),
        ),
      ),
    );
    expect([...used].sort()).toEqual(envFileKeys('secrets.env.example').sort());
  });

  it('runs the worker with no port, no HTTP probe and no Service', () => {
    const worker = one('Deployment', 'rodtrad-worker');
    for (const c of everyContainer(worker)) {
      expect(c.ports ?? []).toEqual([]);
      for (const p of [c.readinessProbe, c.livenessProbe, c.startupProbe])
        expect(p?.httpGet ?? p?.tcpSocket ?? p?.grpc).toBeUndefined();
    }
    const labels = template(worker).metadata.labels;
    const services = all('Service').filter((s) =>
      selects((s.spec as { selector: Record<string, string> }).selector, labels),
    );
    expect(services).toEqual([]);
  });

  it('probes the API: ready when MariaDB and Redis answer, alive without asking them', () => {
    const api = one('Deployment', 'rodtrad-api');
    const [c] = containers(api);
    expect(c.ports?.map((p) => p.containerPort)).toEqual([Number(configMap().data['PORT'] ?? 3000)]);
    expect(c.readinessProbe?.httpGet?.path).toBe('/api/health');
    expect(c.livenessProbe?.httpGet?.path).toBe('/api/health/live');
    expect(c.startupProbe?.httpGet?.path).toBe('/api/health/live');
  });

  it('puts the API behind a Service and an Ingress', () => {
    const labels = template(one('Deployment', 'rodtrad-api')).metadata.labels;
    const service = all('Service').find((s) =>
      selects((s.spec as { selector: Record<string, string> }).selector, labels),
    );
    expect(service).toBeDefined();
    const backends = all('Ingress').flatMap((i) =>
      (
        i.spec as { rules: { http: { paths: { backend: { service: { name: string } } }[] } }[] }
      ).rules.flatMap((r) => r.http.paths.map((p) => p.backend.service.name)),
    );
    expect(backends).toContain(service?.metadata.name);
  });

  it('gives every container resource requests and a memory limit', () => {
    const wrong = workloads().flatMap((w) =>
      everyContainer(w)
        .filter(
          (c) =>
            !c.resources?.requests?.['cpu'] ||
            !c.resources.requests['memory'] ||
            !c.resources.limits?.['memory'],
        )
        .map((c) => `${w.kind}/${w.metadata.name} ${c.name}`),
    );
    expect(wrong).toEqual([]);
  });

  it('has a PodDisruptionBudget that selects the API pods, and one for the workers', () => {
    const budgets = all('PodDisruptionBudget').map(
      (b) => (b.spec as { selector: { matchLabels: Record<string, string> } }).selector.matchLabels,
    );
    for (const name of ['rodtrad-api', 'rodtrad-worker']) {
      const labels = template(one('Deployment', name)).metadata.labels;
      expect(budgets.some((s) => selects(s, labels))).toBe(true);
    }
  });

  it('runs every pod as a non-root user on a read-only root file system, without privilege escalation', () => {
    const wrong: string[] = [];
    for (const w of workloads()) {
      const spec = template(w).spec;
      if (!spec.securityContext?.runAsNonRoot) wrong.push(`${w.metadata.name}: runAsNonRoot`);
      for (const c of everyContainer(w))
        if (
          !c.securityContext?.readOnlyRootFilesystem ||
          c.securityContext.allowPrivilegeEscalation !== false
        )
          wrong.push(`${w.metadata.name} ${c.name}: securityContext`);
    }
    expect(wrong).toEqual([]);
  });

  it('lets the API drain after its preStop pause, and the worker finish a mail (SMTP timeouts: 10 + 10 + 30 s)', () => {
    const api = template(one('Deployment', 'rodtrad-api')).spec;
    const pause = Number(api.containers[0].lifecycle?.preStop?.exec?.command.at(-1));
    expect(pause).toBeGreaterThan(0);
    expect(api.terminationGracePeriodSeconds ?? 30).toBeGreaterThanOrEqual(pause + 20);
    expect(
      template(one('Deployment', 'rodtrad-worker')).spec.terminationGracePeriodSeconds,
    ).toBeGreaterThanOrEqual(50);
  });

  it('starts no API or worker pod before the database has run the migrations of its image', () => {
    for (const name of ['rodtrad-api', 'rodtrad-worker']) {
      const deployment = one('Deployment', name);
      const waits = (template(deployment).spec.initContainers ?? []).filter(
        (c) => c.command?.at(-1) === 'wait-migrated',
      );
      expect(waits.map((c) => c.image)).toEqual([containers(deployment)[0].image]);
      expect(waits.map((c) => c.command?.at(-2))).toEqual(['dist/server/apps/api/src/cli.js']);
    }
  });

  it("runs the migration Job as the migration user, named after the image's tag", () => {
    const jobs = all('Job');
    expect(jobs).toHaveLength(1);
    const [job] = jobs;
    const [c] = containers(job);
    const tag = c.image.slice(c.image.lastIndexOf(':') + 1);
    expect(job.metadata.name).toBe(`rodtrad-migrate-${tag}`);
    expect(c.image).toBe(containers(one('Deployment', 'rodtrad-api'))[0].image);
    expect(c.image).toBe(containers(one('Deployment', 'rodtrad-worker'))[0].image);
    const source = (e: EnvVar | undefined) => {
      const ref = e?.valueFrom?.secretKeyRef;
      return ref ? `secret ${ref.name}, key ${ref.key}` : `value ${e?.value}`;
    };
    const migration = source(env(c, 'DATABASE_URL'));
    expect(migration).toBe('secret rodtrad-migration, key DATABASE_URL');
    for (const name of ['rodtrad-api', 'rodtrad-worker'])
      expect(source(env(containers(one('Deployment', name))[0], 'DATABASE_URL'))).not.toBe(migration);
    expect(envFileKeys('migration.env.example')).toEqual(['DATABASE_URL']);
  });
});
