import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  eventually,
  isolatedStack,
  KOLADA_FIXTURES,
  startKoladaFixtureServer,
  startTestApi,
  startTestWorker,
  unitIdOf,
  type KoladaFixtureServer,
  type TestApi,
} from '@rodtrad/testing';

/**
 * Kolada end to end (#19): Bildningsnämnden's Mål och budget links indicators to Kolada KPIs; the
 * worker's fetch asks a local server serving recorded Kolada answers (paged with next_page, a
 * 500, JSON cut off, a KPI that never answers, a year without figures); the values reach the red
 * thread with the comparison group's median; a file saved from Kolada imports. A year of its own
 * (2083), on a database of its own (the runs and values are the installation's).
 */
const YEAR = 2083;
const GROUP = 'G124026';
const FIXTURES = join(__dirname, '../../../../test/fixtures/documents');

const indicator = (namn: string, kpi: string, extra: Record<string, unknown> = {}) => ({
  namn,
  ingangsvarde: 80,
  malniva: 90,
  matdatum: `${YEAR}-12-31`,
  enhet: 'procent',
  kolada: { kpi, ...extra },
});
const MAL_OCH_BUDGET = {
  namndmal: [
    {
      id: 'BIN-K1',
      titel: 'Fler elever är behöriga till gymnasiet',
      strategisktOmrade: 'Livslångt lärande',
      indikatorer: [
        indicator('Behöriga till yrkesprogram', 'N15428', {
          jamforelsegrupp: GROUP,
          jamforelsekommuner: ['1880'],
        }),
        indicator('Årets resultat', 'N03101', { jamforelsekommuner: ['1862', '1880'] }),
      ],
    },
    {
      id: 'BIN-K2',
      titel: 'Nyckeltal som Kolada inte lämnar',
      strategisktOmrade: 'Livslångt lärande',
      indikatorer: [
        indicator('Fel 500', 'N99500'),
        indicator('Trasig JSON', 'N99501'),
        indicator('Inget svar', 'N99502'),
      ],
    },
  ],
  budget: { intakter: 60_000_000, kostnader: 600_000_000, netto: 540_000_000 },
};

type Indicator = {
  namn: string;
  kolada: { serie: unknown[]; kalla: { typ: string } | null; titel: string | null } | null;
};

describe('Kolada: fetched by the worker, shown on the red thread (real MariaDB, Redis, worker, local Kolada)', () => {
  let kolada: KoladaFixtureServer;
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let admin: string;

  const redThreadIndicator = async (namn: string): Promise<Indicator> => {
    const res = await api.request('GET', `/api/years/${YEAR}/red-thread`, { token: admin });
    expect(res.status).toBe(200);
    const goals = [
      ...res.body.strategicAreas.flatMap((a: { namndmal: unknown[] }) => a.namndmal),
      ...res.body.otherGoals,
    ];
    return goals
      .flatMap((g: { indikatorer: Indicator[] }) => g.indikatorer)
      .find((i: Indicator) => i.namn === namn) as Indicator;
  };

  /** multipart/form-data: fetch writes the content type with its boundary. */
  const upload = async (form: FormData) => {
    const res = await fetch(`${api.url}/api/kolada/imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}` },
      body: form,
    });
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    kolada = await startKoladaFixtureServer(3);
    const env = {
      ...(await isolatedStack('kolada')),
      KOLADA_BASE_URL: kolada.baseUrl,
      KOLADA_MUNICIPALITY_ID: '1861',
      KOLADA_FETCH_HOURS: '0',
      KOLADA_TIMEOUT_SECONDS: '1',
    };
    api = await startTestApi(env);
    worker = await startTestWorker(env);
    admin = await api.login('admin');
    const fvc = await api.login('bin.fvc');
    const created = await api.request('POST', '/api/documents', {
      token: fvc,
      body: { type: 'mal-och-budget', orgUnitId: await unitIdOf(api, 'BIN'), year: YEAR },
    });
    expect(created.status).toBe(201);
    const saved = await api.request('PUT', `/api/documents/${created.body.id}/data`, {
      token: fvc,
      body: { data: MAL_OCH_BUDGET, expectedVersion: created.body.version },
    });
    expect(saved.status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await kolada?.close();
  });

  it('is for administrators only', async () => {
    const fvc = await api.login('bin.fvc');
    expect((await api.request('GET', '/api/kolada', { token: fvc })).status).toBe(403);
    expect((await api.request('POST', '/api/kolada/fetch', { token: fvc })).status).toBe(403);
  });

  it('fetches every linked KPI with paging, records what failed, and the queue retries it', async () => {
    const status = await api.request('GET', '/api/kolada', { token: admin });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ baseUrl: kolada.baseUrl, municipalityId: '1861', fetchHours: 0 });
    expect(status.body.linkedKpis).toEqual(['N03101', 'N15428', 'N99500', 'N99501', 'N99502']);

    const asked = await api.request('POST', '/api/kolada/fetch', { token: admin });
    expect(asked.status).toBe(202);
    const finished = await eventually(
      async () => {
        const res = await api.request('GET', '/api/kolada', { token: admin });
        const done = res.body.runs.filter((r: { status: string }) => r.status !== 'running');
        return done.length ? done[done.length - 1] : null;
      },
      30_000,
      'a finished Kolada run',
    );
    expect(finished).toMatchObject({ source: 'api', status: 'failed', fileName: null });
    // 24 rows: Hallsberg's four years with T, K and M (12 values), five others' four years with T (20).
    expect(finished.valuesStored).toBe(32);
    const problems = finished.problems.join('\n');
    expect(problems).toMatch(/N99500: Kolada svarade med HTTP 500/);
    expect(problems).toMatch(/N99501: Kolada svarade med ogiltig JSON/);
    expect(problems).toMatch(/N99502: Kolada svarade inte inom 1 s/);
    expect(finished.problems).toHaveLength(3);

    // The group's members, the KPIs' titles, and the data of the six municipalities over the
    // document's year and the five before, page by page; next_page on Kolada's host is asked of
    // the configured one.
    expect(kolada.requests).toContain(`/v2/municipality_groups/${GROUP}`);
    const dataPath =
      '/v2/data/kpi/N15428/municipality/1861,1862,1863,1882,1884,1880/year/2078,2079,2080,2081,2082,2083';
    expect(kolada.requests).toContain(dataPath);
    for (let page = 2; page <= 8; page++)
      expect(kolada.requests).toContain(`${dataPath}?page=${page}&per_page=3`);

    // The job failed, so the queue runs it again; the worker carries on.
    await eventually(
      async () => {
        const res = await api.request('GET', '/api/kolada', { token: admin });
        return res.body.runs.filter((r: { status: string }) => r.status === 'failed').length >= 2;
      },
      30_000,
      'a retried Kolada run',
    );
  }, 90_000);

  it('shows the value beside the comparison median per year on the red thread, gender split and source kept', async () => {
    const ind = await redThreadIndicator('Behöriga till yrkesprogram');
    expect(ind.kolada).toMatchObject({
      kpi: 'N15428',
      titel: 'Elever i åk. 9 som är behöriga till yrkesprogram, hemkommun, andel (%)',
      kommunId: '1861',
      jamforelsegrupp: GROUP,
      jamforelsekommuner: ['1880'],
      jamforelseAntal: 5,
      kalla: { typ: 'api' },
    });
    // 2083 has no figures yet (an empty year): the series ends in 2082. 2080: Nora has no value,
    // so the median is of four.
    expect(ind.kolada?.serie).toEqual([
      { year: 2079, value: 78.4, women: 81, men: 75.9, median: 81.2, medianOf: 5 },
      { year: 2080, value: 80.9, women: 84.2, men: 77.9, median: 81.95, medianOf: 4 },
      { year: 2081, value: 82.1, women: 85, men: 79.4, median: 83.3, medianOf: 5 },
      { year: 2082, value: 83.6, women: 86.3, men: 81, median: 84.9, medianOf: 5 },
    ]);
    expect((await redThreadIndicator('Fel 500')).kolada).toMatchObject({
      kpi: 'N99500',
      serie: [],
      kalla: null,
    });
  });

  it('imports a file saved from Kolada, marked as from a file; a file that is not Kolada’s stores nothing', async () => {
    const form = new FormData();
    form.append(
      'file',
      new Blob([readFileSync(join(KOLADA_FIXTURES, 'file-N03101.json'))], { type: 'application/json' }),
      'kolada-N03101.json',
    );
    const imported = await upload(form);
    expect(imported.status).toBe(201);
    expect(imported.body).toMatchObject({
      source: 'file',
      status: 'done',
      fileName: 'kolada-N03101.json',
      valuesStored: 7,
      groups: 0,
      problems: [],
    });
    const ind = await redThreadIndicator('Årets resultat');
    expect(ind.kolada?.kalla?.typ).toBe('file');
    const serie = ind.kolada?.serie as { year: number; value: number; median: number; medianOf: number }[];
    expect(serie.map((p) => [p.year, p.value, p.medianOf])).toEqual([
      [2080, 1.2, 0],
      [2081, 2.4, 2],
      [2082, 1.9, 2],
    ]);
    expect(serie[1].median).toBeCloseTo(1.85, 10);
    expect(serie[2].median).toBeCloseTo(2.1, 10);

    const bad = new FormData();
    bad.append('file', new Blob(['{"count": 1, "values": [{"kpi": 1}]}']), 'fel.json');
    const refused = await upload(bad);
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0]).toMatchObject({ pointer: '/file' });
    expect(refused.body.errors[0].message).toMatch(/Filen kunde inte läsas/);
  });

  it('rolls the nämndmål up per strategic area in the årsredovisning, unmeasured until the verksamhetsberättelse', async () => {
    const res = await api.request('GET', `/api/years/${YEAR}/municipal-report?type=arsredovisning`, {
      token: admin,
    });
    expect(res.status).toBe(200);
    const rows = res.body.maluppfyllelse.omraden as {
      omrade: string;
      colour: string | null;
      namndmal: { id: string; indikatorer: unknown }[];
    }[];
    const row = rows.find((r) => r.namndmal.some((g) => g.id === 'BIN-K1'));
    expect(row?.colour).toBeNull();
    expect(row?.namndmal.find((g) => g.id === 'BIN-K1')?.indikatorer).toEqual({
      green: 0,
      yellow: 0,
      red: 0,
      saknas: 2,
    });
    expect(res.body.maluppfyllelse.analys).toBeNull();
    const interim = await api.request(
      'GET',
      `/api/years/${YEAR}/municipal-report?type=delarsrapport-kommunen`,
      {
        token: admin,
      },
    );
    expect(interim.body.maluppfyllelse).toBeNull();
  });

  it('colours the nämndmål from the submitted verksamhetsberättelse and shows the kommunledningsgrupp’s analysis', async () => {
    const fvc = await api.login('bin.fvc');
    const bin = await unitIdOf(api, 'BIN');
    const vb = JSON.parse(readFileSync(join(FIXTURES, 'verksamhetsberattelse.json'), 'utf8'));
    for (const k of ['granskningskommentar', 'ksBeslut', 'beslut']) delete vb[k];
    // Year end on the line from 80 to 90: 91 is beyond it (green), 89.5 behind by less than a
    // tenth of the planned progress (yellow).
    vb.maluppfyllelse = [
      { namndmalId: 'BIN-K1', indikator: 'Behöriga till yrkesprogram', utfall: 91 },
      { namndmalId: 'BIN-K1', indikator: 'Årets resultat', utfall: 89.5 },
    ];
    const created = await api.request('POST', '/api/documents', {
      token: fvc,
      body: { type: 'verksamhetsberattelse', orgUnitId: bin, year: YEAR },
    });
    expect(created.status).toBe(201);
    const saved = await api.request('PUT', `/api/documents/${created.body.id}/data`, {
      token: fvc,
      body: { data: vb, expectedVersion: created.body.version },
    });
    expect(saved.status).toBe(200);
    const sent = await api.request('POST', `/api/documents/${created.body.id}/events`, {
      token: fvc,
      body: { type: 'SUBMIT', expectedVersion: saved.body.version },
    });
    expect(sent.status).toBe(200);

    const ksf = await api.login('ksf.fvc');
    const ks = await unitIdOf(api, 'KS');
    const annual = await api.request('POST', '/api/documents', {
      token: ksf,
      body: { type: 'arsredovisning', orgUnitId: ks, year: YEAR },
    });
    expect(annual.status).toBe(201);
    const analysis = 'Utbildningsmålen nåddes delvis; resultatet följer planen.';
    const written = await api.request('PUT', `/api/documents/${annual.body.id}/data`, {
      token: ksf,
      body: { data: { maluppfyllelseAnalys: analysis }, expectedVersion: annual.body.version },
    });
    expect(written.status).toBe(200);

    const res = await api.request('GET', `/api/years/${YEAR}/municipal-report?type=arsredovisning`, {
      token: admin,
    });
    expect(res.status).toBe(200);
    const rows = res.body.maluppfyllelse.omraden as {
      omrade: string;
      colour: string | null;
      bedomning: string;
      namndmal: { id: string; colour: string | null; indikatorer: unknown }[];
    }[];
    const goal = rows.flatMap((r) => r.namndmal).find((g) => g.id === 'BIN-K1');
    expect(goal).toMatchObject({ colour: 'yellow', indikatorer: { green: 1, yellow: 1, red: 0, saknas: 0 } });
    expect(res.body.maluppfyllelse.analys).toBe(analysis);
  });

  it('follows up KF’s linked goal with Kolada’s value of the year when the report states none', async () => {
    const ks = await unitIdOf(api, 'KS');
    const budget = JSON.parse(readFileSync(join(FIXTURES, 'budget-och-flerarsplan.json'), 'utf8'));
    for (const k of ['granskningskommentar', 'ksBeslut', 'skattesatsBeslut', 'beslut']) delete budget[k];
    budget.finansiellaMal[0].kolada = { kpi: 'N03101', jamforelsekommuner: ['1862', '1880'] };
    const ksf = await api.login('ksf.fvc');
    const created = await api.request('POST', '/api/documents', {
      token: ksf,
      body: { type: 'budget-och-flerarsplan', orgUnitId: ks, year: YEAR },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const step = async (username: string, event: string, data?: Record<string, unknown>) => {
      const token = await api.login(username);
      let doc = await api.request('GET', `/api/documents/${id}`, { token });
      if (data) {
        doc = await api.request('PUT', `/api/documents/${id}/data`, {
          token,
          body: { data: { ...doc.body.data, ...data }, expectedVersion: doc.body.version },
        });
        expect(doc.status).toBe(200);
      }
      const sent = await api.request('POST', `/api/documents/${id}/events`, {
        token,
        body: { type: event, expectedVersion: doc.body.version },
      });
      expect(sent.status).toBe(200);
    };
    await step('ksf.fvc', 'SUBMIT', budget);
    await step('ksf.fvc', 'APPROVE');
    await step('ks.sekreterare', 'DECIDE', { ksBeslut: { datum: `${YEAR - 1}-10-13`, paragraf: '§ 141' } });
    await step('registrator', 'REGISTER');
    await step('kf.sekreterare', 'DECIDE_TAX_RATE', {
      skattesatsBeslut: { datum: `${YEAR - 1}-10-27`, paragraf: '§ 98', skattesats: 22.34 },
    });
    await step('kf.sekreterare', 'DECIDE', { beslut: { datum: `${YEAR - 1}-11-24`, paragraf: '§ 107' } });

    // The year's own figure, saved from Kolada after the year ended.
    const form = new FormData();
    form.append(
      'file',
      new Blob([
        JSON.stringify({
          count: 1,
          values: [
            {
              kpi: 'N03101',
              municipality: '1861',
              period: YEAR,
              values: [{ count: 1, gender: 'T', status: '', value: 2.3 }],
            },
          ],
        }),
      ]),
      'N03101-ar.json',
    );
    expect((await upload(form)).status).toBe(201);

    const res = await api.request('GET', `/api/years/${YEAR}/municipal-report?type=arsredovisning`, {
      token: admin,
    });
    expect(res.status).toBe(200);
    const [linked, unlinked] = res.body.finansiellaMal;
    expect(linked).toMatchObject({ utfall: 2.3, light: 'green', bedomning: 'Uppnått' });
    expect(linked.kolada).toMatchObject({
      kpi: 'N03101',
      jamforelsekommuner: ['1862', '1880'],
      kalla: { typ: 'file' },
    });
    expect(linked.kolada.serie.map((p: { year: number }) => p.year)).toEqual([2080, 2081, 2082, YEAR]);
    expect(unlinked).toMatchObject({ utfall: null, light: 'grey', kolada: null });
  });
});
