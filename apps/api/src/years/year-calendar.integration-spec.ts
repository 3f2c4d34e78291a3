import { fromJsonColumn } from '@rodtrad/persistence';
import { startTestApi, type TestApi } from '@rodtrad/testing';

const YEAR = 2028;

describe('the year wheel per municipality and year', () => {
  let api: TestApi;
  let admin: string;
  let registrator: string;
  let enhetschef: string;

  beforeAll(async () => {
    api = await startTestApi();
    admin = await api.login('admin');
    registrator = await api.login('registrator');
    enhetschef = await api.login('transten.rektor');
  });
  afterAll(() => api.close());

  it('shows every signed-in user the source’s default wheel for a year nobody edited', async () => {
    const res = await api.request('GET', `/api/years/${YEAR}/calendar`, { token: enhetschef });
    expect(res.status).toBe(200);
    expect(res.body.year).toBe(YEAR);
    const line = (key: string, period?: string) =>
      res.body.items.find(
        (e: { key: string; period: string | null }) => e.key === key && (!period || e.period === period),
      );
    expect(line('gpf')).toMatchObject({
      documentType: 'gpf',
      date: '2027-06-15',
      period: null,
      edited: false,
    });
    expect(line('enhetsplan')).toMatchObject({ date: '2028-01-31', relativeDays: null });
    expect(line('manadsrapport', '2028-02')).toMatchObject({ date: '2028-03-15' });
    expect(line('atgardsplan')).toMatchObject({ date: null, relativeDays: 30 });
    expect(line('budgetdialog')).toMatchObject({ documentType: null, date: '2027-02-15' });
  });

  it('lets the registrator move a line; new documents, running documents and the audit log follow', async () => {
    const [{ id: tran }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'TRAN'");
    const created = await api.request('POST', '/api/documents', {
      token: admin,
      body: { type: 'enhetsplan', orgUnitId: tran, year: YEAR },
    });
    expect(created.status).toBe(201);
    expect(created.body.dueAt).toBe('2028-01-31T22:59:59.000Z');

    const res = await api.request('PUT', `/api/years/${YEAR}/calendar/enhetsplan`, {
      token: registrator,
      body: { date: '2028-02-20' },
    });
    expect(res.status).toBe(200);
    expect(res.body.entry).toMatchObject({ key: 'enhetsplan', date: '2028-02-20', edited: true });
    expect(res.body.documentsRescheduled).toBe(1);

    // the running document moved with the wheel, and the deadline worker is told
    const doc = await api.request('GET', `/api/documents/${created.body.id}`, { token: admin });
    expect(doc.body.dueAt).toBe('2028-02-20T22:59:59.000Z');
    const outbox = await api.dataSource.query(
      "SELECT payload FROM outbox WHERE effect_type = 'rescheduleDeadlines' AND dedupe_key LIKE ?",
      [`wheel__${YEAR}__enhetsplan__%`],
    );
    expect(outbox).toHaveLength(1);
    expect(fromJsonColumn(outbox[0].payload)).toEqual({ key: 'enhetsplan', year: YEAR, period: null });
    const audit = await api.dataSource.query(
      "SELECT action, details FROM admin_audit WHERE entity_type = 'year_wheel_entry' AND entity_id = ?",
      [`${YEAR}/enhetsplan`],
    );
    expect(audit).toHaveLength(1);
    expect(fromJsonColumn(audit[0].details)).toMatchObject({
      before: { date: '2028-01-31' },
      after: { date: '2028-02-20' },
    });

    // a document created after the edit gets the municipality's date, not the default
    const [{ id: ekangen }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'EKA'");
    const later = await api.request('POST', '/api/documents', {
      token: admin,
      body: { type: 'enhetsplan', orgUnitId: ekangen, year: YEAR },
    });
    expect(later.body.dueAt).toBe('2028-02-20T22:59:59.000Z');

    const wheel = await api.request('GET', `/api/years/${YEAR}/calendar`, { token: enhetschef });
    expect(wheel.body.items.find((e: { key: string }) => e.key === 'enhetsplan')).toMatchObject({
      date: '2028-02-20',
      edited: true,
    });
  });

  it('moves one month of the monthly report by its period', async () => {
    const res = await api.request('PUT', `/api/years/${YEAR}/calendar/manadsrapport`, {
      token: admin,
      body: { date: '2028-04-22', period: '2028-03' },
    });
    expect(res.status).toBe(200);
    const wheel = await api.request('GET', `/api/years/${YEAR}/calendar`, { token: admin });
    const months = wheel.body.items.filter((e: { key: string }) => e.key === 'manadsrapport');
    expect(months.find((e: { period: string }) => e.period === '2028-03').date).toBe('2028-04-22');
    expect(months.find((e: { period: string }) => e.period === '2028-02').date).toBe('2028-03-15');
  });

  it('refuses a bad date, a missing period or an unknown line with 422/404 and changes nothing', async () => {
    // This year's lines only: other suites edit the wheels of their own years meanwhile.
    const wheel = () =>
      api.dataSource.query('SELECT COUNT(*) AS n, SUM(revision) AS r FROM year_wheel_entry WHERE year = ?', [
        YEAR,
      ]);
    const before = await wheel();
    const put = (key: string, body: unknown) =>
      api.request('PUT', `/api/years/${YEAR}/calendar/${key}`, { token: admin, body });
    const badDate = await put('gpf', { date: '2027-02-30' });
    expect(badDate.status).toBe(422);
    expect(badDate.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/date');
    const noPeriod = await put('manadsrapport', { date: '2028-04-22' });
    expect(noPeriod.status).toBe(422);
    expect(noPeriod.body.errors).toEqual([expect.objectContaining({ pointer: '/period' })]);
    const wrongShape = await put('atgardsplan', { date: '2028-04-22' });
    expect(wrongShape.status).toBe(422);
    expect(wrongShape.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/date',
      '/relativeDays',
    ]);
    const unknownField = await put('gpf', { date: '2027-06-01', extra: 1 });
    expect(unknownField.status).toBe(422);
    expect((await put('finns-inte', { date: '2028-01-01' })).status).toBe(404);
    const badYear = await api.request('GET', '/api/years/20x8/calendar', { token: admin });
    expect(badYear.status).toBe(422);
    expect(await wheel()).toEqual(before);
  });

  it('does not let an enhetschef change the wheel', async () => {
    const res = await api.request('PUT', `/api/years/${YEAR}/calendar/gpf`, {
      token: enhetschef,
      body: { date: '2027-06-01' },
    });
    expect(res.status).toBe(403);
  });

  it('exports the edited wheel as an iCalendar feed calendar apps can subscribe to without signing in', async () => {
    const res = await api.request('GET', `/api/years/${YEAR}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(res.text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(res.text).toContain(`UID:arshjul-${YEAR}-enhetsplan@hallsbergs-kommun.rodtrad`);
    expect(res.text).toContain('DTSTART;VALUE=DATE:20280220');
    expect(res.text).toContain('X-WR-CALNAME:Årshjul 2028 – Hallsbergs kommun');
    expect(res.text).not.toContain('atgardsplan@');
  });
});
