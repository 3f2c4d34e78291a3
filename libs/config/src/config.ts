/**
 * Typed configuration, read once from the environment and validated at boot.
 * A wrong or missing variable stops the process with a message naming it.
 *
 * `CONFIG_VARIABLES` is the one declaration: `AppConfig` is derived from it, `loadConfig` parses by
 * it, and config-declared-once.spec.ts fails when the README's table, docker/compose.yml or
 * docker/.env.example lists a variable it does not declare, or lacks one it does.
 */

/** How the text of one variable becomes a value; `type` is how the README's table names it. */
export interface ConfigKind<T> {
  type: string;
  parse: (raw: string) => T;
}

export interface ConfigVariable<K extends string = string, T = unknown> extends ConfigKind<T> {
  name: string;
  /** The property of `AppConfig` that holds the parsed value. */
  key: K;
  /** Used when the variable is unset or empty; without one the variable is required. */
  default?: string;
  description: string;
  /** A secret (or a URL that may carry a password): an error message never repeats its value. */
  secret: boolean;
  /** No default when NODE_ENV=production. */
  requiredInProduction?: boolean;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** A refused value: `got` is the offending text, left out of the message for a secret. */
class Invalid extends Error {
  constructor(
    message: string,
    readonly got?: string,
  ) {
    super(message);
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
const bool: ConfigKind<boolean> = {
  type: 'true or false',
  parse: (raw) => {
    if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
    if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
    throw new Invalid('must be true or false', raw);
  },
};
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

/** One entry of the declaration; the key and the kind's value type become a property of AppConfig. */
function variable<K extends string, T>(
  name: string,
  key: K,
  kind: ConfigKind<T>,
  rest: Pick<ConfigVariable, 'default' | 'description' | 'requiredInProduction'> & { secret?: boolean },
): ConfigVariable<K, T> {
  return { name, key, type: kind.type, parse: kind.parse, ...rest, secret: rest.secret ?? false };
}

/** Every variable Rödtråd reads, in the order the README's table and docker/.env.example list them. */
export const CONFIG_VARIABLES = [
  variable('NODE_ENV', 'nodeEnv', oneOf('development', 'production', 'test'), {
    default: 'development',
    description: 'production makes SESSION_SECRET required; development logs pretty lines on a terminal',
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
  variable('SESSION_SECRET', 'sessionSecret', secretText, {
    default: 'development-only-secret-change-me',
    description: 'Secret for the CSRF tokens of approval pages; required in production',
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
    description: 'Failed sign-ins allowed per username and IP per 15 minutes',
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
    description: 'Requests to approval-link endpoints allowed per IP per minute',
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
