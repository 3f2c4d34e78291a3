import { BASE_URL, expectAccessible, launchBrowser, screenshot, signIn, useBrowser } from './support/browser';
import { apiAs } from './support/http-api';

/**
 * The public site in Chromium (#20): no sign-in, axe finds nothing on any page (WCAG 2.1 A and AA,
 * every impact), and the pages read and search without JavaScript. Bildningsnämnden's internal
 * control plan for 2094 is taken to adoption over the API first (a year no other test uses).
 */
const YEAR = 2094;
const RISKER = [
  {
    risk: 'Attest av egna kostnader',
    sannolikhet: 2,
    konsekvens: 3,
    kontroll: 'Stickprov på 20 fakturor',
    kontrollmal: ['eliminering eller upptäckt av allvarliga fel'],
    ansvarig: 'Controller',
  },
];

describe('public site /offentligt', () => {
  const browser = useBrowser();
  let title = '';
  let id = '';

  beforeAll(async () => {
    const handlaggare = await apiAs('bin.handlaggare');
    const fvc = await apiAs('bin.fvc');
    const sekreterare = await apiAs('bin.sekreterare');
    const units = await handlaggare('GET', '/api/org-units?limit=500');
    const bin = units.body.items.find((u: { code: string }) => u.code === 'BIN');
    const created = await handlaggare('POST', '/api/documents', {
      type: 'internkontrollplan',
      orgUnitId: bin.id,
      year: YEAR,
    });
    if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
    ({ id, title } = created.body);
    let version = created.body.version;
    const step = async (who: typeof handlaggare, type: string, data?: Record<string, unknown>) => {
      if (data) {
        const saved = await who('PUT', `/api/documents/${id}/data`, { data, expectedVersion: version });
        if (saved.status !== 200) throw new Error(`save: ${saved.status} ${JSON.stringify(saved.body)}`);
        version = saved.body.version;
      }
      const sent = await who('POST', `/api/documents/${id}/events`, { type, expectedVersion: version });
      if (sent.status !== 200) throw new Error(`${type}: ${sent.status} ${JSON.stringify(sent.body)}`);
      version = sent.body.version;
    };
    await step(handlaggare, 'SUBMIT', { risker: RISKER });
    await step(fvc, 'APPROVE');
    await step(sekreterare, 'DECIDE', { risker: RISKER, beslut: { datum: '2093-12-10', paragraf: '§ 140' } });
  }, 60_000);

  it('lists the year’s adopted documents with their PDF, accessible and in Swedish', async () => {
    const { page } = browser;
    await page.goto('/offentligt');
    await page.getByRole('heading', { level: 1, name: 'Styrdokument och uppföljning' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await expectAccessible(page, '/offentligt')).toEqual([]);
    await page
      .getByRole('link', { name: `Dokument ${YEAR}` })
      .first()
      .click();
    await page.getByRole('heading', { level: 1, name: `Styrdokument ${YEAR}` }).waitFor();
    const section = page.getByRole('region', { name: 'Bildningsnämnden' });
    await section.getByRole('rowheader', { name: new RegExp(title) }).waitFor();
    const pdf = section.getByRole('link', { name: `${title} (PDF)` });
    expect(await pdf.getAttribute('href')).toBe(`/offentligt/dokument/${id}.pdf`);
    expect(await expectAccessible(page, `/offentligt/${YEAR}`)).toEqual([]);
    await screenshot(page, 'offentligt-ar');
    const res = await page.request.get(`/offentligt/dokument/${id}.pdf`);
    expect(res.headers()['content-type']).toBe('application/pdf');
  });

  it('searches by title or diarienummer and shows the red thread and the year wheel, each accessible', async () => {
    const { page } = browser;
    const reg = await apiAs('registrator');
    const doc = await reg('GET', `/api/documents/${id}`);
    await page.goto('/offentligt/sok');
    await page.getByLabel('Sök på titel eller diarienummer').fill(doc.body.diarienummer ?? title);
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.getByRole('heading', { level: 2, name: /1 träffar/ }).waitFor();
    expect(await expectAccessible(page, '/offentligt/sok')).toEqual([]);
    await page.goto(`/offentligt/${YEAR}/roda-traden`);
    await page.getByRole('heading', { level: 1, name: `Röda tråden ${YEAR}` }).waitFor();
    expect(await expectAccessible(page, 'röda tråden')).toEqual([]);
    await page.goto(`/offentligt/${YEAR}/arshjul`);
    await page.getByRole('table', { name: `Årshjulets datum ${YEAR}` }).waitFor();
    expect(await expectAccessible(page, 'årshjul')).toEqual([]);
  });

  it('marks a field secret from the document page, and the public data leaves it out', async () => {
    const { page } = browser;
    await signIn(page);
    await page.goto(`/dokument/${id}`);
    const card = page.getByRole('region', { name: 'Sekretess' });
    await card.getByText('Inget i dokumentet är sekretessmarkerat.', { exact: false }).waitFor();
    expect(
      await page.getByRole('link', { name: 'Det fastställda dokumentet som PDF' }).getAttribute('href'),
    ).toBe(`/api/documents/${id}/pdf`);
    await card.getByLabel('Vad omfattas av sekretess?').selectOption({ label: 'Risker och kontroller' });
    await card.getByLabel('Paragraf i offentlighets- och sekretesslagen').fill('OSL 18 kap. 8 §');
    await card.getByRole('button', { name: 'Sekretessmarkera' }).click();
    await card.getByText('Sekretessmarkeringen är sparad.').waitFor();
    await card.getByText('Risker och kontroller: OSL 18 kap. 8 §').waitFor();
    expect(await expectAccessible(page, 'dokumentsidan med sekretess')).toEqual([]);
    const open = await page.request.get(`/offentligt/data/${YEAR}.json`);
    const mine = (await open.json()).dokument.find((d: { id: string }) => d.id === id);
    expect(mine.utelamnat).toEqual([{ falt: '/risker', sekretess: 'OSL 18 kap. 8 §' }]);
    expect(mine.data.risker).toBeUndefined();
    await card.getByRole('button', { name: 'Häv sekretess för Risker och kontroller' }).click();
    await card.getByText('Sekretessmarkeringen är hävd.').waitFor();
  });

  it('reads and searches without JavaScript', async () => {
    const chromium = await launchBrowser();
    try {
      const context = await chromium.newContext({
        baseURL: BASE_URL,
        locale: 'sv-SE',
        javaScriptEnabled: false,
      });
      const page = await context.newPage();
      await page.goto(`/offentligt/${YEAR}`);
      await page.getByRole('link', { name: `${title} (PDF)` }).waitFor();
      await page.goto('/offentligt/sok');
      await page.getByLabel('Sök på titel eller diarienummer').fill(title);
      await page.getByRole('button', { name: 'Sök' }).click();
      await page.getByRole('link', { name: `${title} (PDF)` }).waitFor();
      expect(page.url()).toContain('/offentligt/sok?q=');
      await context.close();
    } finally {
      await chromium.close();
    }
  });
});
