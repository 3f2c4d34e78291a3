import { html, raw } from './public-html';
import { redThreadPage, searchPage, yearPage } from './public-pages';
import type { PublicDocument } from './public-site.service';

const doc = (over: Partial<PublicDocument>): PublicDocument => ({
  id: 'd1',
  type: 'mal-och-budget',
  typeTitle: 'Mål och budget',
  title: 'Mål och budget 2027',
  body: { id: 'bin', name: 'Bildningsnämnden' },
  unit: 'Bildningsnämnden',
  year: 2027,
  period: null,
  state: 'Fastställd av nämnden',
  diarienummer: 'BIN 3/2026',
  decisionDate: '2026-06-15',
  paragraph: '§ 12',
  decidedAt: null,
  pdf: '/offentligt/dokument/d1.pdf',
  sha256: null,
  data: {},
  omitted: [],
  ...over,
});

describe('public pages', () => {
  it('escapes every interpolated value except what is marked raw', () => {
    const out = html`<p>${'<script>alert(1)</script>'}</p>
      ${raw('<br />')}`.html;
    expect(out).toContain('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(out).toContain('<br />');
  });

  it('groups a year’s documents by body, each body a section with its own table', () => {
    const page = yearPage('Hallsbergs kommun', 2027, [
      doc({}),
      doc({
        id: 'd2',
        title: 'GPF 2027',
        body: { id: 'kf', name: 'Kommunfullmäktige' },
        pdf: '/offentligt/dokument/d2.pdf',
      }),
    ]);
    expect(page.indexOf('<h2 id="organ-0">Bildningsnämnden</h2>')).toBeLessThan(
      page.indexOf('<h2 id="organ-1">Kommunfullmäktige</h2>'),
    );
    expect(page).toContain('<a href="/offentligt/dokument/d2.pdf">GPF 2027 (PDF)</a>');
    expect(page).toContain('15 juni 2026, § 12');
    expect(page).not.toMatch(/<script/);
  });

  it('says when a search found nothing, and marks documents with secret parts', () => {
    expect(searchPage('Hallsbergs kommun', 'KS 99', [])).toContain(
      'Inga fastställda dokument matchar sökningen.',
    );
    const found = searchPage('Hallsbergs kommun', 'BIN', [
      doc({ omitted: [{ pointer: '/budget', paragraph: 'OSL 19 kap. 1 §' }] }),
    ]);
    expect(found).toContain('1 träffar för ”BIN”');
    expect(found).toContain('Vissa uppgifter omfattas av sekretess.');
  });

  it('writes each indicator’s fulfilment in words, not by colour alone', () => {
    const goal = (colour: 'green' | 'yellow' | 'red' | null) => ({
      id: 'BIN-1',
      titel: 'Fler behöriga',
      strategisktOmrade: 'Livslångt lärande',
      beskrivning: null,
      namnd: { id: 'bin', name: 'Bildningsnämnden', code: 'BIN' },
      documentId: 'd1',
      documentState: 'adopted',
      indikatorer: [
        {
          namn: 'Andel behöriga',
          ingangsvarde: 80,
          malniva: 90,
          matdatum: '2030-12-31',
          enhet: '%',
          latest: colour ? { utfall: 85, at: '2027-08-31' } : null,
          colour,
        },
      ],
      strategier: [],
      bidrag: [],
      aktiviteter: [],
    });
    const page = (colour: 'green' | 'yellow' | 'red' | null) =>
      redThreadPage('Hallsbergs kommun', 2027, {
        year: 2027,
        mandatePeriod: null,
        vision: 'Alla är välkomna',
        coreValues: [],
        strategicAreas: [{ id: 'a1', name: 'Livslångt lärande', description: '', namndmal: [goal(colour)] }],
        otherGoals: [],
        warnings: [],
      } as unknown as Parameters<typeof redThreadPage>[2]);
    expect(page('green')).toContain('Uppfylls');
    expect(page('green')).toContain('85 % (31 augusti 2027)');
    expect(page('yellow')).toContain('Delvis uppfyllt');
    expect(page('red')).toContain('Uppfylls inte');
    expect(page(null)).toContain('Inget utfall ännu');
  });
});
