import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { fromJsonColumn } from '@rodtrad/persistence';
import { EscalationWorld } from '../escalations/testing/escalation-test-kit';

/**
 * Budget and outcome from the financial system, end to end over HTTP with a real worker (#19):
 * an SIE 4 file (PC8) for March 2091 and a CSV export (Windows-1252) for April fill the nämnder's
 * reports; the nämnd's forecast then escalates on submission; a broken line imports nothing.
 * 2091: far ahead, so no deadline of the year wheel has passed.
 */
const YEAR = 2091;
const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'sie');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));
const sha256 = (name: string) => createHash('sha256').update(fixture(name)).digest('hex');
/** KF's adopted GPF for 2091 (test/fixtures/documents/gpf.json): the nämnder's frames. */
const FRAME = { BIN: 612_000_000, SAN: 498_000_000, DSN: 96_400_000 };
const TEXT = {
  analys: 'Högre personalkostnader i grundskolan än budgeterat.',
  foreslagnaAtgarder: 'Översyn av bemanningen inför hösten.',
};

describe('import of budget and outcome from the financial system', () => {
  const w = new EscalationWorld('financial_import');
  const { unit } = w;
  const frameBin = FRAME.BIN;
  let marchBin: string;
  let marchSan: string;
  let marchDsn: string;
  let firstImport: Record<string, unknown>;

  beforeAll(async () => {
    await w.start();
    // KF adopts the GPF of 2091: the frames the reports' arsbudget comes from.
    const gpfData = JSON.parse(
      readFileSync(
        join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'documents', 'gpf.json'),
        'utf8',
      ),
    );
    delete gpfData.ksBeslut;
    delete gpfData.beslut;
    const gpf = await w.submitDocument(
      'ksf.fvc',
      { type: 'gpf', orgUnitId: unit['KS'] as string, year: YEAR, period: null },
      gpfData,
    );
    await w.move('ksf.fvc', gpf, 'APPROVE', 'ks_treatment');
    await w.saveData('ks.sekreterare', gpf, { ksBeslut: { datum: '2090-05-26', paragraf: '§ 80' } });
    await w.move('ks.sekreterare', gpf, 'DECIDE', 'registration');
    await w.move('registrator', gpf, 'REGISTER', 'kf_decision');
    await w.saveData('kf.sekreterare', gpf, { beslut: { datum: '2090-06-15', paragraf: '§ 55' } });
    await w.move('kf.sekreterare', gpf, 'DECIDE', 'adopted');
  }, 90_000);
  afterAll(() => w.stop());

  const upload = async (username: string, name: string, fields: Record<string, string> = {}) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([fixture(name)]), name);
    return w.api.request('POST', '/api/imports/ekonomi', { token: await w.api.login(username), form });
  };
  const uploadBytes = async (username: string, bytes: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(bytes)]), name);
    return w.api.request('POST', '/api/imports/ekonomi', { token: await w.api.login(username), form });
  };
  const doc = (id: string) => w.get(`/api/documents/${id}`, 'bin.fvc');
  const figures = async () =>
    (await w.api.dataSource.query(
      'SELECT month, code, budget_ore AS b, outcome_ore AS o FROM financial_figure WHERE year = ? ORDER BY month, code',
      [YEAR],
    )) as { month: number; code: string; b: string; o: string }[];

  it('the administrator maps responsibility codes and ranges to units; overlaps are refused', async () => {
    const token = await w.api.login('admin');
    for (const [from, to, code] of [
      ['4100', undefined, 'BIF'],
      ['4200', '4299', 'FSK'],
      ['4310', undefined, 'TRAN'],
      ['5100', undefined, 'AO'],
      ['6100', undefined, 'FDR'],
    ] as const) {
      const res = await w.api.request('POST', '/api/imports/ekonomi/mappings', {
        token,
        body: { from, ...(to ? { to } : {}), orgUnitId: unit[code] },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ from, to: to ?? from, orgUnitId: unit[code] });
    }
    const overlap = await w.api.request('POST', '/api/imports/ekonomi/mappings', {
      token,
      body: { from: '4250', to: '4260', orgUnitId: unit['EKOX'] },
    });
    expect(overlap.status).toBe(422);
    expect(overlap.body.errors).toEqual([
      { pointer: '/from', message: 'Koderna 4200–4299 är redan kopplade till Förskola.' },
    ]);
    const list = await w.get('/api/imports/ekonomi/mappings', 'ksf.ekonom');
    expect(list.items.map((m: { from: string }) => m.from)).toEqual(['4100', '4200', '4310', '5100', '6100']);
  });

  it('only an administrator or the central ekonomiavdelning imports', async () => {
    const res = await upload('bin.handlaggare', 'hallsberg-2091-03.se');
    expect(res.status).toBe(403);
    const mapping = await w.api.request('POST', '/api/imports/ekonomi/mappings', {
      token: await w.api.login('bin.handlaggare'),
      body: { from: '7000', orgUnitId: unit['BIN'] },
    });
    expect(mapping.status).toBe(403);
  });

  it('an SIE 4 file fills the drafts of March, refuses a submitted report and lists the unmapped code', async () => {
    marchBin = await w.createDocument('bin.fvc', {
      type: 'manadsrapport',
      orgUnitId: unit['BIN'],
      year: YEAR,
      period: '2091-03',
    });
    marchSan = await w.createDocument('san.fvc', {
      type: 'manadsrapport',
      orgUnitId: unit['SAN'],
      year: YEAR,
      period: '2091-03',
    });
    await w.saveData('san.fvc', marchSan, { ekonomi: { prognos: 3_100_000_000 } });
    marchDsn = await w.submitDocument(
      'dsn.fvc',
      { type: 'manadsrapport', orgUnitId: unit['DSN'], year: YEAR, period: '2091-03' },
      { ekonomi: { periodbudget: 2_000_000, utfall: 2_000_000, prognos: 100_000_000 }, ...TEXT },
    );

    const res = await upload('ksf.ekonom', 'hallsberg-2091-03.se');
    expect(res.status).toBe(201);
    firstImport = res.body;
    expect(res.body).toMatchObject({
      format: 'sie',
      fileName: 'hallsberg-2091-03.se',
      sha256: sha256('hallsberg-2091-03.se'),
      sizeBytes: fixture('hallsberg-2091-03.se').length,
      importedByName: 'Alexander Holmberg',
      status: 'imported',
      year: YEAR,
      period: '2091-03',
      linesRead: 175,
      // 12 months of budget and 3 of outcome for 8 net-cost lines (the 9th, class 8, is skipped).
      linesImported: 12 * 8 + 3 * 8,
      linesRefused: 0,
      refused: [],
      unmapped: [{ code: '9990', name: 'Ofördelat, ännu ej kopplat', budget: 120_000, utfall: 37_037 }],
    });
    expect(res.body.linesSkipped).toBe(175 - 120);
    const byUnit = Object.fromEntries(res.body.reports.map((r: { orgUnitId: string }) => [r.orgUnitId, r]));
    // Bildningsnämnden: 4100 + 4200–4299 + 4310, January to March.
    expect(byUnit[unit['BIN'] as string]).toEqual({
      documentId: marchBin,
      type: 'manadsrapport',
      period: '2091-03',
      orgUnitId: unit['BIN'],
      orgUnitName: 'Bildningsnämnden',
      outcome: 'filled',
      reason: null,
      periodbudget: 17_850_000,
      utfall: 18_360_002,
      prognos: null,
      arsbudget: frameBin,
      importedArsbudget: 71_400_000,
      arsbudgetDifference: 71_400_000 - frameBin,
    });
    expect(byUnit[unit['SAN'] as string]).toMatchObject({
      outcome: 'filled',
      periodbudget: 12_000_000,
      utfall: 12_600_000,
      prognos: 3_100_000_000,
    });
    expect(byUnit[unit['DSN'] as string]).toMatchObject({
      documentId: marchDsn,
      outcome: 'refused',
      periodbudget: 2_400_000,
      utfall: 2_370_000,
    });
    expect(byUnit[unit['DSN'] as string].reason).toMatch(/redan inskickad/);

    expect((await doc(marchBin)).data.ekonomi).toEqual({
      arsbudget: frameBin,
      periodbudget: 17_850_000,
      utfall: 18_360_002,
    });
    expect((await w.get(`/api/documents/${marchSan}`, 'san.fvc')).data.ekonomi).toEqual({
      arsbudget: FRAME.SAN,
      periodbudget: 12_000_000,
      utfall: 12_600_000,
      prognos: 3_100_000_000,
    });
    expect((await w.get(`/api/documents/${marchDsn}`, 'dsn.fvc')).data.ekonomi).toMatchObject({
      periodbudget: 2_000_000,
      utfall: 2_000_000,
    });

    const again = await w.api.request('GET', `/api/imports/${res.body.id}`, {
      token: await w.api.login('admin'),
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(res.body);

    const [audit] = await w.api.dataSource.query(
      "SELECT action, details FROM admin_audit WHERE entity_type = 'financial_import' AND entity_id = ?",
      [res.body.id],
    );
    expect(audit.action).toBe('financial-import.imported');
    expect(fromJsonColumn(audit.details)).toMatchObject({
      sha256: sha256('hallsberg-2091-03.se'),
      budget: res.body.budget,
      utfall: res.body.utfall,
      unmappedCodes: ['9990'],
    });
  });

  it('the same file again changes nothing (idempotent)', async () => {
    const before = { figures: await figures(), bin: await doc(marchBin) };
    const res = await upload('admin', 'hallsberg-2091-03.se');
    expect(res.status).toBe(201);
    expect(res.body.id).not.toBe(firstImport['id']);
    expect(res.body).toMatchObject({
      status: 'imported',
      budget: firstImport['budget'],
      utfall: firstImport['utfall'],
      unmapped: firstImport['unmapped'],
    });
    expect(
      res.body.reports.map((r: { orgUnitName: string; outcome: string }) => [r.orgUnitName, r.outcome]),
    ).toEqual([
      ['Bildningsnämnden', 'unchanged'],
      ['Drift- och servicenämnden', 'refused'],
      ['Social- och arbetsmarknadsnämnden', 'unchanged'],
    ]);
    expect(await figures()).toEqual(before.figures);
    const bin = await doc(marchBin);
    expect(bin.version).toBe(before.bin.version);
    expect(bin.data).toEqual(before.bin.data);
  });

  it('a file with a broken line imports nothing and says which line', async () => {
    const before = { figures: await figures(), bin: await doc(marchBin) };
    const res = await upload('ksf.ekonom', 'hallsberg-2091-03-broken.se');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'rejected',
      sha256: sha256('hallsberg-2091-03-broken.se'),
      linesRead: 175,
      linesImported: 0,
      linesRefused: 1,
      budget: 0,
      utfall: 0,
      refused: [
        {
          line: 153,
          reason:
            '#PSALDO: raden har fler fält än posten har (ett belopp med mellanslag eller decimalkomma?).',
        },
      ],
      unmapped: [],
      reports: [],
    });
    expect(await figures()).toEqual(before.figures);
    expect((await doc(marchBin)).version).toBe(before.bin.version);
    const [audit] = await w.api.dataSource.query('SELECT action FROM admin_audit WHERE entity_id = ?', [
      res.body.id,
    ]);
    expect(audit.action).toBe('financial-import.rejected');
  });

  it('the nämnd’s forecast, not the import, escalates the deficit when the report is submitted', async () => {
    // Bildningsnämnden forecasts 2 % over its frame: an underskott of at least the 1 % threshold.
    const prognos = frameBin + Math.round(frameBin * 0.02);
    const current = await doc(marchBin);
    await w.saveData('bin.fvc', marchBin, { ekonomi: { ...current.data.ekonomi, prognos }, ...TEXT });
    await w.move('bin.fvc', marchBin, 'SUBMIT', 'review');
    const escalation = await w.escalationWithPlan(marchBin, YEAR);
    expect(escalation).toMatchObject({
      kind: 'budget',
      orgUnitId: unit['BIN'],
      amount: frameBin - prognos,
    });
    const stored = await doc(marchBin);
    expect(stored.data.ekonomi).toEqual({
      arsbudget: frameBin,
      periodbudget: 17_850_000,
      utfall: 18_360_002,
      prognos,
    });
  }, 60_000);

  it('a CSV export (Windows-1252, decimal comma) with the saved column mapping fills April’s tertial report', async () => {
    const tertial = await w.createDocument('bin.fvc', {
      type: 'tertialrapport',
      orgUnitId: unit['BIN'],
      year: YEAR,
      period: 'T1',
    });
    const unmappedHeadings = await upload('admin', 'hallsberg-2091-04.csv');
    expect(unmappedHeadings.body).toMatchObject({
      status: 'rejected',
      refused: [
        {
          line: 1,
          reason: 'Rubrikraden saknar kolumnerna för period ("Period") enligt den sparade kolumnmappningen.',
        },
      ],
    });
    const saved = await w.api.request('PUT', '/api/imports/ekonomi/settings', {
      token: await w.api.login('admin'),
      body: {
        sieDimension: 1,
        netCostAccounts: [{ from: '3', to: '7' }],
        columnMapping: {
          period: 'Månad',
          code: 'Ansvar',
          account: 'Konto',
          budget: 'Budget',
          outcome: 'Utfall',
        },
      },
    });
    expect(saved.status).toBe(200);

    const res = await upload('admin', 'hallsberg-2091-04.csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ format: 'csv', status: 'imported', period: '2091-04', linesRead: 10 });
    const report = res.body.reports.find((r: { documentId: string }) => r.documentId === tertial);
    // January–March from the SIE import, April from the CSV (Transtenskolan 400 000 kr over).
    expect(report).toMatchObject({
      type: 'tertialrapport',
      outcome: 'filled',
      periodbudget: 4 * 5_950_000,
      utfall: 24_880_002,
      // The nämnd's judgement: prefilled from its last report (March), not computed.
      prognos: frameBin + Math.round(frameBin * 0.02),
    });
    expect((await doc(tertial)).data.ekonomi).toMatchObject({
      periodbudget: 23_800_000,
      utfall: 24_880_002,
      prognos: frameBin + Math.round(frameBin * 0.02),
    });
  });

  it('an Excel export (first worksheet, numbers and dates as cells) imports with the same column mapping', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Resultat');
    sheet.addRow(['Månad', 'Ansvar', 'Konto', 'Budget', 'Utfall']);
    sheet.addRow([new Date(Date.UTC(YEAR, 4, 31)), '4310', 5110, 3_000_000, 3_250_000.5]);
    sheet.addRow([`${YEAR}-05`, { richText: [{ text: '42' }, { text: '10' }] }, '4010', 50_000, 45_000]);
    sheet.addRow([`${YEAR}-05`, '4100', '8010', -50_000_000, -50_000_000]);
    workbook.addWorksheet('Noter').addRow(['Exporterat från ekonomisystemet']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await uploadBytes('ksf.ekonom', bytes, 'resultat-maj.xlsx');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      format: 'xlsx',
      status: 'imported',
      period: '2091-05',
      linesRead: 4,
      linesImported: 2,
      linesSkipped: 2,
      budget: 3_050_000,
      utfall: 3_295_001,
      refused: [],
    });
    const may = (await figures()).filter((f) => f.month === 5);
    expect(may.map((f) => [f.code, Number(f.b), Number(f.o)])).toEqual([
      ['4210', 5_000_000, 4_500_000],
      ['4310', 300_000_000, 325_000_050],
    ]);
  });
});
