/**
 * Turns a failed connection into a message an operator can act on: which service,
 * where we looked, and how to start it. No stack trace.
 */
export class ServiceUnavailableAtStartError extends Error {
  constructor(
    readonly service: 'MariaDB' | 'Redis',
    readonly where: string,
    readonly reason: string,
  ) {
    super(
      `${service} cannot be reached at ${where} (${reason}).\n` +
        (service === 'MariaDB'
          ? '  Start it with:  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd\n' +
            '  or install it:  apt-get install -y mariadb-server   (or: docker compose -f docker/compose.yml up -d mariadb)\n' +
            '  and check DATABASE_URL.'
          : '  Start it with:  redis-server --daemonize yes --bind 127.0.0.1 --port 6379\n' +
            '  or install it:  apt-get install -y redis-server   (or: docker compose -f docker/compose.yml up -d redis)\n' +
            '  and check REDIS_URL.'),
    );
    this.name = 'ServiceUnavailableAtStartError';
  }
}

export function errorCause(e: unknown): string {
  if (e && typeof e === 'object') {
    const err = e as { code?: string; message?: string; errors?: unknown[] };
    if (Array.isArray(err.errors) && err.errors.length) return errorCause(err.errors[0]);
    if (err.code && err.message) return `${err.code}: ${err.message}`;
    if (err.code) return err.code;
    if (err.message) return err.message;
  }
  return String(e);
}
