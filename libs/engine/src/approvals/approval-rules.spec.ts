import { composeApprovalMail } from './approval-mail';
import { evaluateApprovalMode, type ApprovalVote } from './approval-mode';
import {
  approvalCsrfToken,
  approvalLinkExpiry,
  hashApprovalToken,
  isValidApprovalCsrf,
  isWellFormedApprovalToken,
  newApprovalToken,
} from './approval-token';

const vote = (id: string, seq: number, status: ApprovalVote['status'], sent = true): ApprovalVote => ({
  id,
  seq,
  status,
  sent,
});
const DAY = 24 * 3600_000;

describe('approval tokens', () => {
  it('are 256 random bits in base64url, stored only as their sha256', () => {
    const a = newApprovalToken();
    const b = newApprovalToken();
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.token).not.toBe(b.token);
    expect(a.hash).toBe(hashApprovalToken(a.token));
    expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(isWellFormedApprovalToken(a.token)).toBe(true);
    expect(isWellFormedApprovalToken(a.token + 'x')).toBe(false);
  });

  it('give a CSRF token bound to the link and the secret', () => {
    const csrf = approvalCsrfToken('secret-secret-secret', 'h1');
    expect(isValidApprovalCsrf('secret-secret-secret', 'h1', csrf)).toBe(true);
    expect(isValidApprovalCsrf('secret-secret-secret', 'h2', csrf)).toBe(false);
    expect(isValidApprovalCsrf('other-secret-secret!', 'h1', csrf)).toBe(false);
    expect(isValidApprovalCsrf('secret-secret-secret', 'h1', undefined)).toBe(false);
  });

  it('expire after the TTL, and never after the deadline plus grace (but never dead on arrival)', () => {
    const now = new Date('2027-01-01T00:00:00Z');
    expect(approvalLinkExpiry({ now, ttlDays: 14, graceDays: 3, dueAt: null }).getTime()).toBe(
      now.getTime() + 14 * DAY,
    );
    const due = new Date(now.getTime() + 5 * DAY);
    expect(approvalLinkExpiry({ now, ttlDays: 14, graceDays: 3, dueAt: due }).getTime()).toBe(
      due.getTime() + 3 * DAY,
    );
    const overdue = new Date(now.getTime() - 10 * DAY);
    expect(approvalLinkExpiry({ now, ttlDays: 14, graceDays: 3, dueAt: overdue }).getTime()).toBe(
      now.getTime() + 3 * DAY,
    );
  });
});

describe('approval modes', () => {
  it('all: everyone must approve', () => {
    expect(evaluateApprovalMode('all', [vote('a', 0, 'approved'), vote('b', 1, 'pending')]).kind).toBe(
      'waiting',
    );
    expect(evaluateApprovalMode('all', [vote('a', 0, 'approved'), vote('b', 1, 'approved')]).kind).toBe(
      'approved',
    );
  });

  it('any: the first approval decides', () => {
    expect(evaluateApprovalMode('any', [vote('a', 0, 'pending'), vote('b', 1, 'approved')]).kind).toBe(
      'approved',
    );
  });

  it('sequence: in order, telling whom to send the next link', () => {
    expect(
      evaluateApprovalMode('sequence', [
        vote('a', 0, 'approved'),
        vote('b', 1, 'pending', false),
        vote('c', 2, 'pending', false),
      ]),
    ).toEqual({ kind: 'waiting', sendTo: ['b'] });
    expect(evaluateApprovalMode('sequence', [vote('a', 0, 'approved'), vote('b', 1, 'approved')]).kind).toBe(
      'approved',
    );
  });

  it('a rejection or return by anyone sends the step back; delegated and revoked rows do not count', () => {
    expect(evaluateApprovalMode('all', [vote('a', 0, 'approved'), vote('b', 1, 'returned')])).toEqual({
      kind: 'sent-back',
      status: 'returned',
    });
    expect(
      evaluateApprovalMode('all', [
        vote('a', 0, 'delegated'),
        vote('a2', 0, 'approved'),
        vote('b', 1, 'revoked'),
      ]).kind,
    ).toBe('approved');
  });
});

describe('the approval mail', () => {
  const mail = composeApprovalMail({
    reason: 'requested',
    approver: { name: 'Sara Mattsson', email: 'forskola.chef@hallsberg.example' },
    document: {
      id: 'doc-1',
      title: 'Enhetsplan 2027 – Fågelsången',
      typeTitle: 'Enhetsplan',
      orgUnitName: 'Fågelsången',
      year: 2027,
      period: null,
    },
    stepTitle: 'Granskning av områdeschef',
    decisionLabels: { approve: 'Godkänn enhetsplanen', return: 'Returnera för ändring' },
    requestedBy: 'Erik Andersson',
    mode: 'any',
    dueAt: new Date('2027-01-31T22:59:59Z'),
    expiresAt: new Date('2027-02-03T22:59:59Z'),
    link: 'https://styr.example/approve/TOKEN<&>',
    requireSignIn: false,
    dedupeKey: 'approval-link__1',
  });

  it('is Swedish in text and HTML, with title, owner, deadline and the link, threaded per document', () => {
    expect(mail.subject).toBe('Godkännande begärs: Enhetsplan 2027 – Fågelsången');
    expect(mail.text).toContain('Ägare: Fågelsången');
    expect(mail.text).toContain('Sista dag för steget: 31 januari 2027');
    expect(mail.text).toContain('https://styr.example/approve/TOKEN<&>');
    expect(mail.html).toContain('<html lang="sv">');
    expect(mail.html).toContain('href="https://styr.example/approve/TOKEN&lt;&amp;&gt;"');
    expect(mail.threadKey).toBe('doc-1');
    // One vocabulary with the approval page: the step's own words, and no "Avslå" (#18).
    expect(mail.text).toContain('välj Godkänn enhetsplanen eller Returnera för ändring');
    expect(mail.text).not.toMatch(/Avslå|avslag/);
    expect(mail.text).toContain('Skickat av: Erik Andersson');
    expect(mail.text).toContain('Meddelandet skickades automatiskt av Rödtråd');
    expect(mail.to).toEqual(['forskola.chef@hallsberg.example']);
  });
});
