import { KoladaClient, KoladaFetchError } from './kolada-client';

/** A fetch that answers from a table by URL, recording what was asked (unit test: no network). */
function fakeFetch(answers: Record<string, () => Promise<Response>>) {
  const asked: string[] = [];
  const impl = (async (input: string | URL | Request) => {
    const url = String(input);
    asked.push(url);
    const answer = answers[url];
    if (!answer) return new Response('{"error":"not found"}', { status: 404 });
    return answer();
  }) as typeof fetch;
  return { impl, asked };
}

const json = (body: unknown) => async () =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const row = (municipality: string, period: number, value: number) => ({
  kpi: 'N15428',
  municipality,
  period,
  values: [{ count: 1, gender: 'T', status: '', value }],
});

describe('KoladaClient', () => {
  const base = 'http://mirror.local:8080/v2';

  it('follows next_page to the last page, asking the configured host for a page named on Kolada’s', async () => {
    const first = `${base}/data/kpi/N15428/municipality/1861,1880/year/2081,2082`;
    const { impl, asked } = fakeFetch({
      [first]: json({
        count: 1,
        values: [row('1861', 2081, 80)],
        next_page:
          'http://api.kolada.se/v2/data/kpi/N15428/municipality/1861,1880/year/2081,2082?page=2&per_page=1',
      }),
      [`${first}?page=2&per_page=1`]: json({ count: 1, values: [row('1880', 2082, 85)] }),
    });
    const client = new KoladaClient({ baseUrl: base, timeoutMs: 1000, fetch: impl });
    const values = await client.data('N15428', ['1861', '1880'], [2081, 2082]);
    expect(values.map((v) => [v.municipalityId, v.year, v.value])).toEqual([
      ['1861', 2081, 80],
      ['1880', 2082, 85],
    ]);
    expect(asked).toEqual([first, `${first}?page=2&per_page=1`]);
  });

  it('says what went wrong: an HTTP error, JSON that does not parse, an answer of the wrong shape', async () => {
    const url = (kpi: string) => `${base}/data/kpi/${kpi}/municipality/1861/year/2082`;
    const { impl } = fakeFetch({
      [url('N00001')]: async () => new Response('Internal Server Error', { status: 500 }),
      [url('N00002')]: async () => new Response('{"count": 1, "val', { status: 200 }),
      [url('N00003')]: json({ count: 1, values: [{ kpi: 'N00003' }] }),
    });
    const client = new KoladaClient({ baseUrl: base, timeoutMs: 1000, fetch: impl });
    const failure = (kpi: string) => client.data(kpi, ['1861'], [2082]).catch((e: unknown) => e);
    const http = await failure('N00001');
    expect(http).toBeInstanceOf(KoladaFetchError);
    expect((http as Error).message).toBe(`Kolada svarade med HTTP 500 (${url('N00001')})`);
    expect(((await failure('N00002')) as Error).message).toBe(
      `Kolada svarade med ogiltig JSON (${url('N00002')})`,
    );
    expect(((await failure('N00003')) as Error).message).toMatch(
      /^Kolada svarade med oväntat innehåll: values\[0\]/,
    );
  });

  it('gives up on an answer that does not come within the timeout', async () => {
    const impl = ((_: string, init?: RequestInit) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      )) as typeof fetch;
    const client = new KoladaClient({ baseUrl: base, timeoutMs: 50, fetch: impl });
    const error = await client.groups(['G1']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KoladaFetchError);
    expect((error as Error).message).toBe(`Kolada svarade inte inom 0,05 s (${base}/municipality_groups/G1)`);
  });
});
