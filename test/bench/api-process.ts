/** The API under bench as a process of its own, and the clients' side of HTTP to it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';

// The clients' side of HTTP: node:http on kept-alive connections costs the shared CPU ~200 µs a
// request where fetch costs ~500 µs, which would otherwise be counted against the server.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
export function postJson(
  url: string,
  token: string,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** The API as its own process (like `npm start` runs it), on a free port, once it listens. */
export async function startApi(databaseUrl: string): Promise<{ base: string; child: ChildProcess }> {
  const port = await new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as { port: number }).port;
      s.close(() => resolve(p));
    });
  });
  const child = spawn(
    process.execPath,
    [
      ...(process.env['BENCH_API_NODE_ARGS']?.split(' ') ?? []),
      '-r',
      './tools/scripts/register-ts.cjs',
      'apps/api/src/main.ts',
    ],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  process.on('exit', () => child.kill());
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      if (String(d).includes('listening')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`the API exited (${code}) before it listened`)));
  });
  return { base: `http://127.0.0.1:${port}`, child };
}
