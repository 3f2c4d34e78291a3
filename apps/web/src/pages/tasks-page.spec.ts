import type { PendingApprovalView, TaskView } from '@rodtrad/contracts';
import { toWorkItems } from './tasks-page';

const task = (id: string, dueAt: string | null, overdue = false): TaskView => ({
  documentId: id,
  title: `Dokument ${id}`,
  type: 'enhetsplan',
  orgUnitId: 'transten',
  orgUnitName: 'Transtenskolan',
  year: 2027,
  period: null,
  state: 'draft',
  stateTitle: 'Utkast',
  dueAt,
  overdue,
  action: 'Fyll i och skicka',
  events: ['SUBMIT'],
  sentBack: null,
});
const approval = (id: string, dueAt: string | null): PendingApprovalView => ({
  id,
  documentId: `doc-${id}`,
  title: `Godkänn ${id}`,
  type: 'enhetsplan',
  orgUnitName: 'Transtenskolan',
  state: 'review',
  mode: 'any',
  onBehalfOf: null,
  dueAt,
  expiresAt: null,
  requestedAt: '2027-01-01T08:00:00Z',
});

describe('Mina uppgifter', () => {
  it('merges tasks and approvals, overdue first, then soonest deadline, undated last', () => {
    const now = Date.parse('2027-01-15T12:00:00Z');
    const items = toWorkItems(
      [task('a', '2027-03-01T00:00:00Z'), task('b', null), task('c', '2027-01-10T00:00:00Z', true)],
      [approval('x', '2027-02-01T00:00:00Z')],
      now,
    );
    expect(items.map((i) => i.key)).toEqual(['d-c', 'a-x', 'd-a', 'd-b']);
    expect(items[1].href).toBe('/dokument/doc-x?godkannande=x');
    expect(items[1].action).toMatch(/Ta ställning/);
    expect(items[0].action).toBe('Fyll i och skicka');
  });

  it('shows a document waiting for my approval once, with its step title and the approval link', () => {
    const reviewing: TaskView = {
      ...task('doc-x', '2027-02-01T00:00:00Z'),
      state: 'review',
      stateTitle: 'Granskning av områdeschef',
      action: 'Godkänn enhetsplanen',
      events: ['APPROVE', 'RETURN'],
    };
    const items = toWorkItems([reviewing], [approval('x', '2027-02-01T00:00:00Z')]);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'approval',
      href: '/dokument/doc-x?godkannande=x',
      stateTitle: 'Granskning av områdeschef',
    });
  });

  it('carries who sent a task back and why', () => {
    const sentBack = {
      by: { id: 'u', name: 'Olle Områdeschef' },
      at: '2027-01-20T09:30:00.000Z',
      comment: 'Koppla aktiviteterna till nämndmålen.',
      label: 'Returnera för ändring',
      fromStateTitle: 'Granskning av områdeschef',
    };
    const [item] = toWorkItems([{ ...task('r', null), sentBack }], []);
    expect(item.sentBack).toEqual(sentBack);
  });

  it('marks an approval past its deadline as overdue', () => {
    const items = toWorkItems(
      [],
      [approval('y', '2027-01-01T00:00:00Z')],
      Date.parse('2027-01-02T00:00:00Z'),
    );
    expect(items[0].overdue).toBe(true);
  });
});
