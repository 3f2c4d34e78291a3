import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';

/** The recorded answers (test/fixtures/kolada/README.md says what each file is). */
export const KOLADA_FIXTURES = join(__dirname, '../fixtures/kolada');

type Envelope = { count: number; values: Record<string, unknown>[]; next_page?: string };
const fixture = (name: string): Envelope => JSON.parse(readFileSync(join(KOLADA_FIXTURES, name), 'utf8'));

export interface KoladaFixtureServer {
  /** e.g. http://127.0.0.1:40123/v2: what KOLADA_BASE_URL is set to. */
  baseUrl: string;
  /** Every path (with query) asked, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * A local stand-in for Kolada's API, serving the recorded fixtures: the data of a KPI filtered by
 * the municipalities and years asked and paged (`perPage` rows a page, `next_page` written on
 * Kolada's own host as a recorded answer has it), municipality groups and KPI metadata by id, and
 * the failures: N99500 answers HTTP 500, N99501 JSON cut off, N99502 never.
 */
export async function startKoladaFixtureServer(perPage = 3): Promise<KoladaFixtureServer> {
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const byIds = (file: string, ids: string) => {
    const wanted = ids.split(',');
    const values = fixture(file).values.filter((v) => wanted.includes(String(v['id'])));
    return { count: values.length, values };
  };
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://kolada.test');
    requests.push(url.pathname + url.search);
    const parts = url.pathname.split('/').filter(Boolean);
    if (parts[0] !== 'v2') return send(res, 404, { error: 'not found' });
    if (parts[1] === 'kpi' && parts[2]) return send(res, 200, byIds('kpi.json', parts[2]));
    if (parts[1] === 'municipality_groups' && parts[2])
      return send(res, 200, byIds('municipality_groups.json', parts[2]));
    if (parts[1] === 'data' && parts[2] === 'kpi' && parts[4] === 'municipality' && parts[6] === 'year') {
      const [kpi, municipalities, years] = [parts[3], parts[5].split(','), parts[7].split(',').map(Number)];
      if (kpi === 'N99500') return send(res, 500, 'Internal Server Error');
      if (kpi === 'N99501') return send(res, 200, '{"count": 2, "values": [{"kpi": "N99501", "municip');
      if (kpi === 'N99502') return; // never answers: the client's timeout
      let rows: Record<string, unknown>[] = [];
      try {
        rows = fixture(`data-${kpi}.json`).values;
      } catch {
        rows = [];
      }
      const matching = rows.filter(
        (r) => municipalities.includes(String(r['municipality'])) && years.includes(Number(r['period'])),
      );
      const size = Number(url.searchParams.get('per_page') ?? perPage);
      const page = Number(url.searchParams.get('page') ?? 1);
      const values = matching.slice((page - 1) * size, page * size);
      const body: Envelope = { count: values.length, values };
      if (page * size < matching.length)
        body.next_page = `http://api.kolada.se${url.pathname}?page=${page + 1}&per_page=${size}`;
      return send(res, 200, body);
    }
    return send(res, 404, { error: 'not found' });
  };
  const server: Server = createServer(handle);
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v2`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
