/**
 * Typed configuration, read once from the environment and validated at boot.
 * A wrong or missing variable stops the process with a message naming it.
 *
 * `CONFIG_VARIABLES` is the one declaration: `AppConfig` is derived from it, `loadConfig` parses by
 * it, and config-declared-once.spec.ts fails when the README's table, docker/compose.yml or
 * docker/.env.example lists a variable it does not declare, or lacks one it does.
 */

import { isIP } from 'node:net';
import { bool, type ConfigKind, type ConfigVariable, variable } from './config-kind';
import { Invalid } from './invalid';
import { OBSERVABILITY_VARIABLES } from './observability';
import { ATTACHMENT_VARIABLES } from './attachments';
import { KOLADA_VARIABLES } from './kolada';
import { OIDC_VARIABLES, oidcProblems } from './oidc';

export type { ConfigKind, ConfigVariable } from './config-kind';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const text: ConfigKind<string> = {
  type: 'text',
  parse: (raw) => {
    if (raw.trim() === '') throw new Invalid('must not be empty');
    return raw;
  },
};
const int = (min: number, max: number): ConfigKind<number> => ({
  type: `whole number ${min}–${max}`,
  parse: (raw) => {
    if (!/^\d+$/.test(raw.trim())) throw new Invalid('must be a whole number', raw);
    const n = Number(raw);
    if (n < min || n > max) throw new Invalid(`must be between ${min} and ${max}`, String(n));
    return n;
  },
});
const url = (...protocols: string[]): ConfigKind<string> => ({
  type: `${protocols.join(' or ')} URL`,
  parse: (raw) => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Invalid(`must be a URL (${protocols.join(' or ')})`, raw);
    }
    if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
      throw new Invalid(`must use ${protocols.join(' or ')}://`, `${parsed.protocol}//`);
    }
    return raw.replace(/\/+$/, '');
  },
});
const oneOf = <T extends string>(...values: T[]): ConfigKind<T> => ({
  type: `one of ${values.join(', ')}`,
  parse: (raw) => {
    if (!values.includes(raw as T)) throw new Invalid(`must be one of ${values.join(', ')}`, raw);
    return raw as T;
  },
});
const queuePrefix: ConfigKind<string> = {
  type: 'letters, digits, - and _ (max 40)',
  parse: (raw) => {
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(raw))
      throw new Invalid('may hold only letters, digits, - and _ (max 40)');
    return raw;
  },
};
const secretText: ConfigKind<string> = {
  type: 'text, ≥16 characters',
  parse: (raw) => {
    if (raw.length < 16) throw new Invalid('must be at least 16 characters');
    return raw;
  },
};
const roleList: ConfigKind<string[]> = {
  type: 'role keys, comma-separated',
  parse: (raw) => {
    const roles = raw
      .split(',')
      .map((r) => r.trim())
      .filter(Boolean);
    if (!roles.length || roles.some((r) => !/^[a-z]+(\.[a-z]+)?$/.test(r)))
      throw new Invalid('must be role keys separated by commas', raw);
    return roles;
  },
};

/** Names Express's `trust proxy` accepts, each standing for a set of private or local ranges. */
const PROXY_PRESETS = ['loopback', 'linklocal', 'uniquelocal'];
/**
 * The proxies whose X-Forwarded-For is believed: addresses, CIDRs and presets. Empty (none) means
 * the socket's peer is the client. No hop counts or `true`: those would believe any sender.
 */
const proxyList: ConfigKind<string[]> = {
  type: `none, or addresses, CIDRs and ${PROXY_PRESETS.join(', ')}, comma-separated`,
  parse: (raw) => {
    const entries = raw
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean);
    if (entries.length === 1 && entries[0].toLowerCase() === 'none') return [];
    for (const entry of entries) {
      if (PROXY_PRESETS.includes(entry)) continue;
      const [address, bits, extra] = entry.split('/');
      const family = isIP(address);
      const maxBits = family === 6 ? 128 : 32;
      const validBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= maxBits);
      if (!family || !validBits || extra !== undefined)
        throw new Invalid(
          `must be none, or IP addresses, CIDRs (address/bits) and ${PROXY_PRESETS.join(', ')} separated by commas`,
          entry,
        );
    }
    return entries;
  },
};

/** One key of AUDIT_KEYS: its id (stored on every audit entry it hashes) and its secret bytes. */
export interface AuditKeyConfig {
  id: string;
  secret: Buffer;
}
/**
 * The audit chain's keyring: `id:base64secret` pairs, comma-separated. The first key writes new
 * entries; every key verifies, so a retired key stays in the list for the entries it wrote.
 */
const auditKeys: ConfigKind<AuditKeyConfig[]> = {
  type: 'id:base64 secret (≥32 bytes), comma-separated; the first writes',
  parse: (raw) => {
    const keys = raw
      .split(',')
      .map((k) => k.trim())
      .filter(Boolean)
      .map((entry) => {
        const colon = entry.indexOf(':');
        const id = entry.slice(0, colon);
        const encoded = entry.slice(colon + 1);
        if (colon < 0 || !/^[A-Za-z0-9_-]{1,16}$/.test(id))
          throw new Invalid('must be id:secret pairs, the id of letters, digits, - and _ (max 16)');
        if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded))
          throw new Invalid(`key ${id}: the secret must be base64 (e.g. openssl rand -base64 32)`);
        const secret = Buffer.from(encoded, 'base64');
        if (secret.length < 32) throw new Invalid(`key ${id}: the secret must be at least 32 bytes`);
        return { id, secret };
      });
    if (!keys.length) throw new Invalid('must hold at least one key');
    const ids = keys.map((k) => k.id);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice) throw new Invalid(`names key ${twice} twice`);
    return keys;
  },
};

/** The development and test keyring (AUDIT_KEYS' default): never valid in production. */
export const DEVELOPMENT_AUDIT_KEYS = 'dev:ZGV2ZWxvcG1lbnQtb25seS1hdWRpdC1rZXktMDAwMSE=';

/** The keyring of AUDIT_KEYS' text (for tools and data sources given the text rather than AppConfig). */
export const parseAuditKeys = (raw: string): AuditKeyConfig[] => auditKeys.parse(raw);

/** Every variable Rödtråd reads, in the order the README's table and docker/.env.example list them. */
export const CONFIG_VARIABLES = [
  variable('NODE_ENV', 'nodeEnv', oneOf('development', 'production', 'test'), {
    default: 'development',
    description:
      'production makes SESSION_SECRET and AUDIT_KEYS required; development logs pretty lines on a terminal',
  }),
  variable('PORT', 'port', int(1, 65535), {
    default: '3000',
    description: 'HTTP port of the API (which also serves the web app)',
  }),
  variable('DATABASE_URL', 'databaseUrl', url('mysql', 'mariadb'), {
    default: 'mysql://root@127.0.0.1:3306/rodtrad',
    description: 'MariaDB/MySQL connection; the database is created if missing',
    secret: true,
  }),
  variable('REDIS_URL', 'redisUrl', url('redis', 'rediss'), {
    default: 'redis://127.0.0.1:6379',
    description: 'Redis for queues, rate limits and session notices',
    secret: true,
  }),
  variable('QUEUE_PREFIX', 'queuePrefix', queuePrefix, {
    default: 'rodtrad',
    description:
      'Every Redis key of the installation starts with QUEUE_PREFIX: (queues under QUEUE_PREFIX:<installation id>); installations sharing one Redis each need their own',
  }),
  variable('SMTP_URL', 'smtpUrl', url('smtp', 'smtps'), {
    default: 'smtp://127.0.0.1:1025',
    description: 'Outgoing mail server, e.g. smtp://user:pass@host:587',
    secret: true,
  }),
  variable('MAIL_FROM', 'mailFrom', text, {
    default: 'Rödtråd <rodtrad@hallsberg.example>',
    description: 'Sender of every mail',
  }),
  variable('PUBLIC_URL', 'publicUrl', url('http', 'https'), {
    default: 'http://localhost:3000',
    description: 'Base of links in emails; https turns on Secure cookies',
  }),
  variable('TRUST_PROXY', 'trustProxy', proxyList, {
    default: 'none',
    description:
      'Reverse proxies whose X-Forwarded-For names the client (the address the sign-in and approval-link limits count); none: the connecting address is the client',
  }),
  variable('SESSION_SECRET', 'sessionSecret', secretText, {
    default: 'development-only-secret-change-me',
    description: 'Secret for the CSRF tokens of approval pages; required in production',
    secret: true,
    requiredInProduction: true,
  }),
  variable('AUDIT_KEYS', 'auditKeys', auditKeys, {
    default: DEVELOPMENT_AUDIT_KEYS,
    description:
      'Keys of the audit chains (HMAC-SHA-256), e.g. k2:<base64>,k1:<base64>: the first signs new entries, all verify; never SESSION_SECRET; required in production',
    secret: true,
    requiredInProduction: true,
  }),
  variable('DEMO_PASSWORD', 'demoPassword', text, {
    default: 'demo',
    description: 'Password of every demo user',
    secret: true,
  }),
  variable('SEED_DEMO', 'seedDemo', bool, {
    default: 'true',
    description: 'Seed the demo municipality (idempotent) at setup',
  }),
  variable('LOG_LEVEL', 'logLevel', oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'), {
    default: 'info',
    description: 'pino log level',
  }),
  variable('WORKER_CONCURRENCY', 'workerConcurrency', int(1, 256), {
    default: '8',
    description: 'Jobs each worker process runs at once per queue (the mail queue: MAIL_CONCURRENCY)',
  }),
  variable('MAIL_CONCURRENCY', 'mailConcurrency', int(1, 256), {
    default: '16',
    description: 'Mails each worker process sends at once, over as many pooled SMTP connections',
  }),
  variable('DOCUMENT_CACHE', 'documentCache', int(0, 1_000_000), {
    default: '2000',
    description:
      'Documents each process remembers between reads and transitions, saving a read per event (0: off)',
  }),
  variable('SESSION_TTL_HOURS', 'sessionTtlHours', int(1, 24 * 30), {
    default: '12',
    description: 'How long a sign-in lasts',
  }),
  variable('SESSION_CACHE_SECONDS', 'sessionCacheSeconds', int(0, 3600), {
    default: '10',
    description:
      'How long an API process remembers a session; sign-outs and role changes reach every process at once (0: off)',
  }),
  variable('LOGIN_RATE_LIMIT', 'loginRateLimit', int(1, 10000), {
    default: '10',
    description:
      'Failed sign-ins allowed per username (from any address) per 15 minutes, then locked out for 15 minutes, doubling for each lock-out in a row; a client address may fail ten times as many, across usernames, before its wrong passwords get 429 (a correct password still signs in)',
  }),
  variable('APPROVAL_TTL_DAYS', 'approvalTtlDays', int(1, 365), {
    default: '14',
    description:
      "Days an approval link stays valid (never longer than the step's deadline plus APPROVAL_GRACE_DAYS)",
  }),
  variable('APPROVAL_GRACE_DAYS', 'approvalGraceDays', int(0, 60), {
    default: '3',
    description: "Days after the step's deadline that an approval link still works",
  }),
  variable('APPROVAL_LINK_RATE_LIMIT', 'approvalLinkRateLimit', int(1, 100000), {
    default: '60',
    description:
      'Requests to approval-link endpoints allowed per client address (see TRUST_PROXY) per minute',
  }),
  variable('REMINDER_DIGEST_DELAY_SECONDS', 'reminderDigestDelaySeconds', int(0, 86400), {
    default: '300',
    description: "How long the worker gathers a person's reminders before sending them as one digest mail",
  }),
  variable('DEADLINE_RECONCILE_SECONDS', 'deadlineReconcileSeconds', int(1, 3600), {
    default: '60',
    description: 'How often each worker checks that every pending deadline, digest and mail has its job',
  }),
  variable('ESCALATION_RECIPIENT_ROLES', 'escalationRecipientRoles', roleList, {
    default: 'ks.ordforande,ks.sekreterare',
    description: 'Roles whose holders are mailed when a deviation escalates to KS',
  }),
  variable('WEB_DIST', 'webDist', text, {
    default: 'dist/web',
    description: 'Folder of the built web app that the API serves',
  }),
  variable('ARCHIVE_DIR', 'archiveDir', text, {
    default: 'var/archive',
    description:
      'Folder where the worker writes archive packages of closed years (zip) and the API reads them; shared by both',
  }),
  ...OIDC_VARIABLES,
  ...OBSERVABILITY_VARIABLES,
  ...KOLADA_VARIABLES,
  ...ATTACHMENT_VARIABLES,
] as const;

type Declared = (typeof CONFIG_VARIABLES)[number];

/** The parsed configuration: one property per declared variable, typed by its kind. */
export type AppConfig = {
  [V in Declared as V['key']]: V extends ConfigVariable<string, infer T> ? T : never;
};

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  const production = env['NODE_ENV'] === 'production';
  for (const v of CONFIG_VARIABLES as readonly ConfigVariable[]) {
    const raw = env[v.name];
    const unset = raw === undefined || raw === '';
    if (unset && (v.default === undefined || (production && v.requiredInProduction))) {
      const when = v.default === undefined ? 'is missing' : 'is required when NODE_ENV=production';
      problems.push(`${v.name} ${when} (${v.description})`);
      continue;
    }
    try {
      out[v.key] = v.parse(unset ? (v.default as string) : raw);
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      const got = e.got === undefined || v.secret ? '' : `, got "${e.got}"`;
      problems.push(`${v.name} ${e.message}${got}`);
    }
  }
  const keys = out['auditKeys'] as AuditKeyConfig[] | undefined;
  const session = out['sessionSecret'] as string | undefined;
  if (
    keys &&
    session &&
    keys.some((k) => k.secret.equals(Buffer.from(session)) || k.secret.toString('base64') === session)
  )
    problems.push('AUDIT_KEYS must not reuse SESSION_SECRET: the audit chain needs a key of its own');
  problems.push(...oidcProblems(out));
  if (problems.length) throw new ConfigError(problems);
  return out as AppConfig;
}

/** Parts of DATABASE_URL for drivers and for messages (never the password). */
export function describeDatabaseUrl(databaseUrl: string): {
  host: string;
  port: number;
  database: string;
  user: string;
  password: string;
} {
  const u = new URL(databaseUrl);
  return {
    host: u.hostname,
    port: Number(u.port || 3306),
    database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'rodtrad',
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password || ''),
  };
}
