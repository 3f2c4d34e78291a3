import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// A list, its rows and a field of a row must not carry the same label: the page would read
// "Aktiviteter / Aktivitet / Aktivitet" (#18).
const FORMS = join(__dirname, '../../../../../forms');

type Node = Record<string, unknown>;

function repeatedLabels(node: unknown, at: string, out: string[]): string[] {
  if (Array.isArray(node)) node.forEach((n, i) => repeatedLabels(n, `${at}/${i}`, out));
  if (!node || typeof node !== 'object') return out;
  const n = node as Node;
  const items = n['items'] as Node | undefined;
  if (n['type'] === 'array' && items && typeof items === 'object') {
    const row = items['title'];
    if (row && row === n['title']) out.push(`${at}: the list and its rows are both "${String(row)}"`);
    for (const [key, field] of Object.entries((items['properties'] as Record<string, Node>) ?? {}))
      if (row && field?.['title'] === row)
        out.push(`${at}/items/${key}: the row and its field are both "${String(row)}"`);
  }
  for (const [key, child] of Object.entries(n)) repeatedLabels(child, `${at}/${key}`, out);
  return out;
}

describe('the shipped forms', () => {
  const files = readdirSync(FORMS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(FORMS, d.name))
        .filter((f) => f.endsWith('.schema.json'))
        .map((f) => `${d.name}/${f}`),
    );

  it('are found', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it('never repeat a label between a list, its rows and their fields', () => {
    const found = files.flatMap((f) =>
      repeatedLabels(JSON.parse(readFileSync(join(FORMS, f), 'utf8')), f, []),
    );
    expect(found).toEqual([]);
  });
});
