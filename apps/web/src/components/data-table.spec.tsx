import { renderToStaticMarkup } from 'react-dom/server';
import { DataTable } from './data-table';

describe('DataTable', () => {
  const html = renderToStaticMarkup(
    <DataTable label="Användare" headers={['Namn', 'E-post']}>
      <tr>
        <td>Anna</td>
        <td>anna@example.se</td>
      </tr>
    </DataTable>,
  );

  it('puts the table in a named, focusable scroll region', () => {
    expect(html).toContain('<div class="table-scroll" role="region" aria-label="Användare" tabindex="0">');
  });

  it('heads each column with scope="col" and keeps the rows in the body', () => {
    expect(html).toContain(
      '<thead><tr><th scope="col">Namn</th><th scope="col">E-post</th></tr></thead><tbody><tr><td>Anna</td>',
    );
  });
});
