/**
 * Typed configuration, read once from the environment and validated at boot.
 * A wrong or missing variable stops the process with a message naming it.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  smtpUrl: string;
  mailFrom: string;
  publicUrl: string;
  sessionSecret: string;
  demoPassword: string;
  seedDemo: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  workerConcurrency: number;
  mailConcurrency: number;
  documentCache: number;
  sessionTtlHours: number;
  sessionCacheSeconds: number;
  loginRateLimit: number;
  reminderDigestDelaySeconds: number;
  deadlineReconcileSeconds: number;
  escalationRecipientRoles: string[];
  approvalTtlDays: number;
  approvalGraceDays: number;
  approvalLinkRateLimit: number;
  webDist: string;
}

export interface ConfigVariable {
  name: string;
  key: keyof AppConfig;
  default?: string;
  description: string;
  parse: (raw: string, name: string) => unknown;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

class Invalid extends Error {}

const str = (raw: string) => {
  if (raw.trim() === '') throw new Invalid('must not be empty');
  return raw;
};
const int =
  (min: number, max: number) =>
  (raw: string): number => {
    if (!/^\d+$/.test(raw.trim())) throw new Invalid(`must be a whole number, got "${raw}"`);
    const n = Number(raw);
    if (n < min || n > max) throw new Invalid(`must be between ${min} and ${max}, got ${n}`);
    return n;
  };
const url =
  (...protocols: string[]) =>
  (raw: string): string => {
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      throw new Invalid(`must be a URL (${protocols.join(' or ')}), got "${raw}"`);
    }
    if (!protocols.includes(parsed.protocol.replace(/:$/, ''))) {
      throw new Invalid(`must use ${protocols.join(' or ')}://, got "${parsed.protocol}//"`);
    }
    return raw.replace(/\/+$/, '');
  };
const oneOf =
  <T extends string>(...values: T[]) =>
  (raw: string): T => {
    if (!values.includes(raw as T)) throw new Invalid(`must be one of ${values.join(', ')}, got "${raw}"`);
    return raw as T;
  };
const bool = (raw: string): boolean => {
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new Invalid(`must be true or false, got "${raw}"`);
};
const queuePrefix = (raw: string): string => {
  if (!/^[A-Za-z0-9_-]{1,40}$/.test(raw))
    throw new Invalid('may hold only letters, digits, - and _ (max 40)');
  return raw;
};
const secret = (raw: string): string => {
  if (raw.length < 16) throw new Invalid('must be at least 16 characters');
  return raw;
};

/** The documented variables: the README's configuration table is this list. */
export const CONFIG_VARIABLES: ConfigVariable[] = [
  {
    name: 'NODE_ENV',
    key: 'nodeEnv',
    default: 'development',
    description: 'development, production or test',
    parse: oneOf('development', 'production', 'test'),
  },
  {
    name: 'PORT',
    key: 'port',
    default: '3000',
    description: 'HTTP port of the API (which also serves the web app)',
    parse: int(1, 65535),
  },
  {
    name: 'DATABASE_URL',
    key: 'databaseUrl',
    default: 'mysql://root@127.0.0.1:3306/rodtrad',
    description: 'MariaDB/MySQL connection; the database is created if missing',
    parse: url('mysql', 'mariadb'),
  },
  {
    name: 'REDIS_URL',
    key: 'redisUrl',
    default: 'redis://127.0.0.1:6379',
    description: 'Redis for queues and rate limits',
    parse: url('redis', 'rediss'),
  },
  {
    name: 'QUEUE_PREFIX',
    key: 'queuePrefix',
    default: 'rodtrad',
    description: 'Prefix of every Redis key, so two installations can share one Redis',
    parse: queuePrefix,
  },
  {
    name: 'SMTP_URL',
    key: 'smtpUrl',
    default: 'smtp://127.0.0.1:1025',
    description: 'Outgoing mail server, e.g. smtp://user:pass@host:587',
    parse: url('smtp', 'smtps'),
  },
  {
    name: 'MAIL_FROM',
    key: 'mailFrom',
    default: 'Rödtråd <rodtrad@hallsberg.example>',
    description: 'Sender of every mail',
    parse: str,
  },
  {
    name: 'PUBLIC_URL',
    key: 'publicUrl',
    default: 'http://localhost:3000',
    description: 'Base of links in emails; https turns on Secure cookies',
    parse: url('http', 'https'),
  },
  {
    name: 'SESSION_SECRET',
    key: 'sessionSecret',
    default: 'development-only-secret-change-me',
    description: 'Secret for the CSRF tokens of approval pages (≥16 chars); required in production',
    parse: secret,
  },
  {
    name: 'DEMO_PASSWORD',
    key: 'demoPassword',
    default: 'demo',
    description: 'Password of every demo user',
    parse: str,
  },
  {
    name: 'SEED_DEMO',
    key: 'seedDemo',
    default: 'true',
    description: 'Seed the demo municipality (idempotent) at setup',
    parse: bool,
  },
  {
    name: 'LOG_LEVEL',
    key: 'logLevel',
    default: 'info',
    description: 'pino log level',
    parse: oneOf('fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'),
  },
  {
    name: 'WORKER_CONCURRENCY',
    key: 'workerConcurrency',
    default: '8',
    description: 'Jobs each worker process runs at once per queue (the mail queue: MAIL_CONCURRENCY)',
    parse: int(1, 256),
  },
  {
    name: 'MAIL_CONCURRENCY',
    key: 'mailConcurrency',
    default: '16',
    description: 'Mails each worker process sends at once, over as many pooled SMTP connections',
    parse: int(1, 256),
  },
  {
    name: 'DOCUMENT_CACHE',
    key: 'documentCache',
    default: '2000',
    description:
      'Documents each process remembers between reads and transitions, saving a read per event (0: off)',
    parse: int(0, 1_000_000),
  },
  {
    name: 'SESSION_TTL_HOURS',
    key: 'sessionTtlHours',
    default: '12',
    description: 'How long a sign-in lasts',
    parse: int(1, 24 * 30),
  },
  {
    name: 'SESSION_CACHE_SECONDS',
    key: 'sessionCacheSeconds',
    default: '10',
    description:
      'How long an API process remembers a session; sign-outs and role changes reach every process at once (0: off)',
    parse: int(0, 3600),
  },
  {
    name: 'LOGIN_RATE_LIMIT',
    key: 'loginRateLimit',
    default: '10',
    description: 'Failed sign-ins allowed per username and IP per 15 minutes',
    parse: int(1, 10000),
  },
  {
    name: 'APPROVAL_TTL_DAYS',
    key: 'approvalTtlDays',
    default: '14',
    description:
      "Days an approval link stays valid (never longer than the step's deadline plus APPROVAL_GRACE_DAYS)",
    parse: int(1, 365),
  },
  {
    name: 'APPROVAL_GRACE_DAYS',
    key: 'approvalGraceDays',
    default: '3',
    description: "Days after the step's deadline that an approval link still works",
    parse: int(0, 60),
  },
  {
    name: 'APPROVAL_LINK_RATE_LIMIT',
    key: 'approvalLinkRateLimit',
    default: '60',
    description: 'Requests to approval-link endpoints allowed per IP per minute',
    parse: int(1, 100000),
  },
  {
    name: 'REMINDER_DIGEST_DELAY_SECONDS',
    key: 'reminderDigestDelaySeconds',
    default: '300',
    description: "How long the worker gathers a person's reminders before sending them as one digest mail",
    parse: int(0, 86400),
  },
  {
    name: 'DEADLINE_RECONCILE_SECONDS',
    key: 'deadlineReconcileSeconds',
    default: '60',
    description: 'How often each worker checks that every pending deadline, digest and mail has its job',
    parse: int(1, 3600),
  },
  {
    name: 'ESCALATION_RECIPIENT_ROLES',
    key: 'escalationRecipientRoles',
    default: 'ks.ordforande,ks.sekreterare',
    description: 'Comma-separated roles whose holders are mailed when a deviation escalates to KS',
    parse: (raw: string) => {
      const roles = raw
        .split(',')
        .map((r) => r.trim())
        .filter(Boolean);
      if (!roles.length || roles.some((r) => !/^[a-z]+(\.[a-z]+)?$/.test(r)))
        throw new Invalid(`must be role keys separated by commas, got "${raw}"`);
      return roles;
    },
  },
  {
    name: 'WEB_DIST',
    key: 'webDist',
    default: 'dist/web',
    description: 'Folder of the built web app that the API serves',
    parse: str,
  },
];

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const problems: string[] = [];
  const out: Record<string, unknown> = {};
  const production = env['NODE_ENV'] === 'production';
  for (const v of CONFIG_VARIABLES) {
    const raw = env[v.name];
    if (raw === undefined || raw === '') {
      if (production && v.name === 'SESSION_SECRET') {
        problems.push(`${v.name} is required when NODE_ENV=production (${v.description})`);
        continue;
      }
      if (v.default === undefined) {
        problems.push(`${v.name} is missing (${v.description})`);
        continue;
      }
      out[v.key] = v.parse(v.default, v.name);
      continue;
    }
    try {
      out[v.key] = v.parse(raw, v.name);
    } catch (e) {
      if (!(e instanceof Invalid)) throw e;
      problems.push(`${v.name} ${e.message}`);
    }
  }
  if (problems.length) throw new ConfigError(problems);
  return out as unknown as AppConfig;
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
