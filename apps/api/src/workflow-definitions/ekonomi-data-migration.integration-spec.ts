import { isolatedStack, startTestApi, type TestApi } from '@rodtrad/testing';

// #15: monthly reports saved with the old form ({ budget, utfall, prognos }, investments as text),
// and verksamhetsberättelser with their year's { budget, utfall },
// move to the new one with the product's own definition migration and its data migration
// `ekonomi-nettokostnad`: a dry run first (nothing changes), then the move (data rewritten, audited).
// Its own database: publishing changes what every test sees.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test

const OLD_EKONOMI = {
  type: 'object',
  title: 'Ekonomiskt läge',
  properties: {
    budget: { type: 'integer', title: 'Budget', description: 'Periodens budget (nettokostnad).' },
    utfall: { type: 'integer', title: 'Utfall', description: 'Utfall för perioden (nettokostnad).' },
    prognos: { type: 'integer', title: 'Prognos', description: 'Prognos för helåret (nettokostnad).' },
  },
  required: ['budget', 'utfall', 'prognos'],
};

/** The verksamhetsberättelse's ekonomi before #15: the whole year's budget and outcome. */
const OLD_YEAR_END = {
  type: 'object',
  title: 'Ekonomiskt utfall',
  properties: {
    budget: { type: 'integer', title: 'Budget', description: 'Årets budget (nettokostnad).' },
    utfall: { type: 'integer', title: 'Utfall', description: 'Årets utfall (nettokostnad).' },
  },
  required: ['budget', 'utfall'],
};

/** The form as it was before #15, wherever the fields sit in a step's schema. */
function oldShape(node: unknown, yearEnd = false): unknown {
  if (Array.isArray(node)) return node.map((n) => oldShape(n, yearEnd));
  if (!node || typeof node !== 'object') return node;
  const out: Json = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, oldShape(v, yearEnd)]));
  const props = out['properties'] as Json | undefined;
  if (props?.['ekonomi'] && yearEnd) props['ekonomi'] = OLD_YEAR_END;
  else if (props?.['ekonomi']) {
    props['ekonomi'] = OLD_EKONOMI;
    props['investeringar'] = { type: 'string', title: 'Beslutade investeringar' };
    delete props['investeringarKommentar'];
  }
  return out;
}

describe('documents saved with the old ekonomi move to the net-cost form (real MariaDB)', () => {
  let api: TestApi;
  let admin: string;
  let fvc: string;
  const base = '/api/workflow-definitions/manadsrapport/versions';
  const get = (path: string, token = admin) => api.request('GET', path, { token });
  const post = (path: string, body: unknown = {}, token = admin) =>
    api.request('POST', path, { token, body });
  const ids: Record<string, string> = {};
  let sanFvc: string;
  let bin: string;
  let san: string;

  /** Posts a version of the workflow at `versions` and publishes it; resolves with its number. */
  const publishVersion = async (versions: string, version: Json): Promise<number> => {
    const posted = await post(versions, version);
    expect(posted.status).toBe(201);
    expect((await post(`${versions}/${posted.body.version}/publish`)).status).toBe(200);
    return posted.body.version;
  };
  /** Creates `document` as `token`, pinned to version `pinned`, and saves `data`; resolves with its id. */
  const createSaved = async (document: Json, token: string, pinned: number, data: Json) => {
    const doc = await post('/api/documents', document, token);
    expect(doc.status).toBe(201);
    expect(doc.body.definition).toMatchObject({ version: pinned });
    const saved = await api.request('PUT', `/api/documents/${doc.body.id}/data`, {
      token,
      body: { data, expectedVersion: doc.body.version },
    });
    expect(saved.status).toBe(200);
    return String(doc.body.id);
  };
  /** The ekonomi-nettokostnad migration from `from` to `to`: the dry run's plan by document id, or the move. */
  const migration = (versions: string, to: number, from: number, dryRun: boolean) =>
    post(`${versions}/${to}/migrations${dryRun ? '/dry-run' : ''}`, {
      from,
      dataMigration: 'ekonomi-nettokostnad',
    });
  const planById = async (versions: string, to: number, from: number) => {
    const plan = await migration(versions, to, from, true);
    expect(plan.status).toBe(200);
    return Object.fromEntries(plan.body.documents.map((d: Json) => [d.documentId, d]));
  };

  beforeAll(async () => {
    api = await startTestApi(await isolatedStack('ekonomi_migration'));
    [admin, fvc, sanFvc] = await Promise.all(['admin', 'bin.fvc', 'san.fvc'].map((u) => api.login(u)));
    [{ id: bin }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'BIN'");
    [{ id: san }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'SAN'");
  });
  afterAll(() => api.close());

  it('dry-runs, then migrates: figures mapped, signs normalised, arsbudget from the frame, audited', async () => {
    const shipped = (await get(`${base}/1`)).body;
    const oldForms = Object.fromEntries(
      Object.entries(shipped.forms as Json).map(([name, f]) => {
        const ui = structuredClone((f as Json).uiSchema ?? {});
        delete ui.ekonomi;
        delete ui.investeringar;
        delete ui.investeringarKommentar;
        if (Array.isArray(ui['ui:order']))
          ui['ui:order'] = ui['ui:order'].filter((k: string) => k !== 'investeringarKommentar');
        return [name, { schema: oldShape((f as Json).schema), uiSchema: ui }];
      }),
    );
    // Version 2: the old form (as documents saved before #15 were pinned to).
    const from = await publishVersion(base, { definition: shipped.definition, forms: oldForms });
    const create = (orgUnitId: string, token: string, data: Json) =>
      createSaved({ type: 'manadsrapport', orgUnitId, year: 2027, period: '2027-02' }, token, from, data);
    // Bildningsnämnden typed positive net costs (as the form's word "nettokostnad" asked) ...
    ids['positive'] = await create(bin, fvc, {
      ekonomi: { budget: 91_300_000, utfall: 94_100_000, prognos: 560_000_000 },
      investeringar: 'Förskolan i Östansjö blir 3,5 mnkr dyrare.',
      analys: 'Högre kostnader för skolskjuts.',
    });
    // ... Social- och arbetsmarknadsnämnden negative ones (the result statement's way).
    ids['negative'] = await create(san, sanFvc, {
      ekonomi: { budget: -75_300_000, utfall: -75_900_000, prognos: -456_000_000 },
      analys: 'I stort sett i balans.',
    });

    // Version 3: the shipped form again (the net-cost convention).
    const to = await publishVersion(base, { definition: shipped.definition, forms: shipped.forms });

    const byId = await planById(base, to, from);
    expect(byId[ids['positive']]).toMatchObject({ movable: true, dataChanged: true, dataNotes: [] });
    expect(byId[ids['negative']]).toMatchObject({
      movable: true,
      dataChanged: true,
      dataNotes: [expect.stringContaining('bytt tecken')],
    });
    // A dry run changes nothing.
    expect((await get(`/api/documents/${ids['positive']}`, fvc)).body.data.ekonomi).toEqual({
      budget: 91_300_000,
      utfall: 94_100_000,
      prognos: 560_000_000,
    });
    const unknown = await post(`${base}/${to}/migrations/dry-run`, { from, dataMigration: 'okand' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors.map((e: Json) => e.pointer)).toEqual(['/dataMigration']);

    const moved = await migration(base, to, from, false);
    expect(moved.status).toBe(200);
    expect(moved.body.migrated).toBeGreaterThanOrEqual(2);

    const positive = (await get(`/api/documents/${ids['positive']}`, fvc)).body;
    expect(positive.definition).toMatchObject({ version: to });
    expect(positive.data).toMatchObject({
      // Frames 2027 of the demo municipality: Bildningsnämnden 548 Mkr, SAN 452 Mkr.
      ekonomi: { arsbudget: 548_000_000, periodbudget: 91_300_000, utfall: 94_100_000, prognos: 560_000_000 },
      investeringar: [],
      investeringarKommentar: 'Förskolan i Östansjö blir 3,5 mnkr dyrare.',
      analys: 'Högre kostnader för skolskjuts.',
    });
    const negative = (await get(`/api/documents/${ids['negative']}`, sanFvc)).body;
    expect(negative.data.ekonomi).toEqual({
      arsbudget: 452_000_000,
      periodbudget: 75_300_000,
      utfall: 75_900_000,
      prognos: 456_000_000,
    });
    const history = (await get(`/api/documents/${ids['positive']}/history`, fvc)).body;
    const entries = (history.items ?? history) as Json[];
    expect(entries.map((e) => e.comment)).toContain(
      `Migrerad från version ${from} till ${to}, uppgifterna omräknade (ekonomi-nettokostnad)`,
    );
  });
  it('moves the verksamhetsberättelse’s { budget, utfall } to { arsbudget, utfall }: the frame where adopted, signs as above', async () => {
    const vbBase = '/api/workflow-definitions/verksamhetsberattelse/versions';
    const listed = (await get(vbBase)).body;
    const versions = ((listed.items ?? listed) as Json[]).map((v) => Number(v.version));
    const shipped = (await get(`${vbBase}/${Math.max(...versions)}`)).body;
    const oldForms = Object.fromEntries(
      Object.entries(shipped.forms as Json).map(([name, f]) => {
        const ui = structuredClone((f as Json).uiSchema ?? {});
        delete ui.ekonomi;
        return [name, { schema: oldShape((f as Json).schema, true), uiSchema: ui }];
      }),
    );
    const from = await publishVersion(vbBase, { definition: shipped.definition, forms: oldForms });
    const create = (orgUnitId: string, token: string, data: Json) =>
      createSaved({ type: 'verksamhetsberattelse', orgUnitId, year: 2027, period: null }, token, from, data);
    // Bildningsnämnden typed its year as positive net costs, with a budget that is not its frame ...
    const positive = await create(bin, fvc, {
      ekonomi: { budget: 550_000_000, utfall: 556_800_000 },
      analys: 'Året slutar med ett underskott.',
    });
    // ... Social- och arbetsmarknadsnämnden its frame as negative costs.
    const negative = await create(san, sanFvc, { ekonomi: { budget: -452_000_000, utfall: -451_000_000 } });

    const to = await publishVersion(vbBase, { definition: shipped.definition, forms: shipped.forms });

    const byId = await planById(vbBase, to, from);
    expect(byId[positive]).toMatchObject({
      movable: true,
      dataChanged: true,
      dataNotes: [expect.stringContaining('hämtad från den antagna ramen')],
    });
    expect(byId[negative]).toMatchObject({
      movable: true,
      dataChanged: true,
      dataNotes: [expect.stringContaining('bytt tecken')],
    });
    expect((await get(`/api/documents/${positive}`, fvc)).body.data.ekonomi).toEqual({
      budget: 550_000_000,
      utfall: 556_800_000,
    });

    const moved = await migration(vbBase, to, from, false);
    expect(moved.status).toBe(200);
    expect(moved.body.migrated).toBeGreaterThanOrEqual(2);
    // Frames 2027 of the demo municipality: Bildningsnämnden 548 Mkr, SAN 452 Mkr.
    const bin2 = (await get(`/api/documents/${positive}`, fvc)).body;
    expect(bin2.definition).toMatchObject({ version: to });
    expect(bin2.data).toMatchObject({
      ekonomi: { arsbudget: 548_000_000, utfall: 556_800_000 },
      analys: 'Året slutar med ett underskott.',
    });
    expect(bin2.data.ekonomi).not.toHaveProperty('budget');
    expect((await get(`/api/documents/${negative}`, sanFvc)).body.data.ekonomi).toEqual({
      arsbudget: 452_000_000,
      utfall: 451_000_000,
    });
  });
});
