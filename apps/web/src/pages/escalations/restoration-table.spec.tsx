import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { RestorationTable } from './restoration-table';

const plain = (html: string) => html.replace(/\u00a0|\u202f/g, ' ');

describe('the restoration table of a negative balance-requirement result', () => {
  const html = plain(
    renderToStaticMarkup(
      <MemoryRouter>
        <RestorationTable
          years={[
            {
              year: 2028,
              planned: 700_000,
              achieved: 700_000,
              balanceResult: 700_000,
              behindPlan: false,
              sourceDocumentId: 'vb-2028',
              followUpEscalationId: null,
            },
            {
              year: 2029,
              planned: 700_000,
              achieved: 300_000,
              balanceResult: 300_000,
              behindPlan: true,
              sourceDocumentId: 'vb-2029',
              followUpEscalationId: 'e-2',
            },
            {
              year: 2030,
              planned: 700_000,
              achieved: null,
              balanceResult: null,
              behindPlan: false,
              sourceDocumentId: null,
              followUpEscalationId: null,
            },
          ]}
        />
      </MemoryRouter>,
    ),
  );

  it('is a captioned table with column and row headers', () => {
    expect(html).toContain(
      '<caption>Återställande av underskottet år för år enligt den särskilda åtgärdsplanen</caption>',
    );
    for (const col of ['År', 'Planerat', 'Återställt', 'Balanskravsresultat', 'Läge'])
      expect(html).toContain(`<th scope="col">${col}</th>`);
    expect(html.match(/<th scope="row">20(28|29|30)<\/th>/g)).toHaveLength(3);
  });

  it('says in Swedish what each year restored against the plan, and links the annual report', () => {
    const rows = html.split('<tr').slice(2);
    expect(rows[0]).toMatch(/700 000 kr.*700 000 kr.*Enligt planen/);
    expect(rows[0]).toContain('href="/dokument/vb-2028"');
    expect(rows[0]).toContain('verksamhetsberättelsen 2028');
    expect(rows[1]).toContain('class="restoration-behind"');
    expect(rows[1]).toMatch(/300 000 kr.*Efter planen – ny eskalering till kommunfullmäktige/);
    expect(rows[2]).toMatch(/Ej redovisat.*Ej redovisat.*Väntar på verksamhetsberättelsen/);
    expect(rows[2]).not.toContain('href');
  });
});
