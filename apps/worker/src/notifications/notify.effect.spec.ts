import type { AppConfig } from '@rodtrad/config';
import type { DefinitionStore, LoadedDefinition, RecipientDirectory, Recipient } from '@rodtrad/engine';
import type { OutgoingMail, QueuedMailOutbox } from '@rodtrad/mail';
import type {
  AuditEntryRow,
  DocumentAuditRepository,
  DocumentRepository,
  DocumentRow,
} from '@rodtrad/persistence';
import type { EffectContext } from '../effects/effect-handler';
import { anna, marchReport } from '../testing/sample-data';
import { standIn } from '../testing/stand-in';
import { NotifyEffect } from './notify.effect';

const bo: Recipient = { userId: 'u-bo', name: 'Bo', email: 'bo@kommun.se' };

const report = marchReport({
  orgUnitName: 'Bildningsnämnden',
  diarienummer: null,
  state: 'draft',
  definitionId: 'def-1',
});

/** The report's workflow, as far as a return from review to draft needs it. */
const definition = {
  definition: {
    key: 'manadsrapport',
    title: 'Månadsrapport',
    machine: {
      id: 'manadsrapport',
      initial: 'draft',
      states: {
        draft: { meta: { title: 'Utkast' } },
        review: {
          meta: {
            title: 'Granskning',
            events: { RETURN: { label: 'Returnera för ändring', roles: ['x'], requiresComment: true } },
          },
        },
      },
    },
  },
} as unknown as LoadedDefinition;

function effect(payload: Partial<EffectContext<'notify'>['payload']>): EffectContext<'notify'> {
  return {
    outboxId: '7',
    effectType: 'notify',
    dedupeKey: 'doc-1__v3__0__notify',
    documentId: 'doc-1',
    payload: {
      documentId: 'doc-1',
      documentType: 'manadsrapport',
      orgUnitId: 'unit-1',
      year: 2027,
      period: '2027-03',
      template: 'review-requested',
      ...payload,
    },
  };
}

function notifyWith(
  people: { byRole?: Recipient[]; users?: Record<string, Recipient | null> },
  doc = report,
  last?: AuditEntryRow,
) {
  const sent: OutgoingMail[] = [];
  const handler = new NotifyEffect(
    standIn<AppConfig>({ publicUrl: 'https://rodtrad.kommun.se' }),
    standIn<DocumentRepository>({ get: async (id) => (id === doc?.id ? doc : null) }),
    standIn<RecipientDirectory>({
      withRolesFor: async () => people.byRole ?? [],
      user: async (id) => people.users?.[id] ?? null,
    }),
    standIn<QueuedMailOutbox>({
      enqueue: async (mail) => {
        sent.push(mail);
      },
    }),
    standIn<DocumentAuditRepository>({
      lastTransitions: async () => new Map(last ? [[doc.id, last]] : []),
    }),
    standIn<DefinitionStore>({ load: async () => definition }),
  );
  return { handler, sent };
}

describe('NotifyEffect', () => {
  it('tells the author who sent the document back, when and why, with its diarienummer (#18)', async () => {
    const returned = {
      at: '2027-04-08T07:30:00.000Z',
      actorUserId: 'u-bo',
      actorName: 'Bo Granskare',
      event: 'RETURN',
      fromState: 'review',
      toState: 'draft',
      comment: 'Prognosen saknar förklaring.',
    } as AuditEntryRow;
    const { handler, sent } = notifyWith(
      { byRole: [anna] },
      marchReport({ ...report, diarienummer: 'KS 12/2027' }),
      returned,
    );
    await handler.handle(effect({ roles: ['enhetschef'], template: 'returned' }));

    expect(sent[0].text).toContain(
      'Bo Granskare skickade tillbaka dokumentet (Returnera för ändring) från steget Granskning 8 april 2027 kl. 09:30.',
    );
    expect(sent[0].text).toContain('Skäl: Prognosen saknar förklaring.');
    expect(sent[0].text).toContain('Diarienummer: KS 12/2027');
    expect(sent[0].text).toContain('https://rodtrad.kommun.se/dokument/doc-1');
  });

  it('mails each recipient once, also one who holds the role and is named too', async () => {
    const { handler, sent } = notifyWith({ byRole: [anna, bo, anna], users: { 'u-anna': anna } });
    const result = await handler.handle(effect({ roles: ['namnd.sekreterare'], users: ['u-anna'] }));

    expect(result).toEqual({ recipients: 2 });
    expect(sent.map((m) => m.to)).toEqual([[anna.email], [bo.email]]);
    // The dedupe key names the effect and the person: a repeated effect sends nothing new.
    expect(sent.map((m) => m.dedupeKey)).toEqual([
      'doc-1__v3__0__notify__u-anna',
      'doc-1__v3__0__notify__u-bo',
    ]);
  });

  it('tells what happened to the document, and links to it', async () => {
    const { handler, sent } = notifyWith({ byRole: [anna] });
    await handler.handle(effect({ roles: ['namnd.sekreterare'], template: 'review-requested' }));
    expect(sent[0].subject).toBe('Månadsrapport mars väntar på din granskning');
    expect(sent[0].text).toContain('https://rodtrad.kommun.se/dokument/doc-1');
    expect(sent[0].threadKey).toBe('doc-1');
  });

  it('links an adopted document’s mail to its PDF, frozen at adoption', async () => {
    const adopted = standIn<DocumentRow>({
      id: 'doc-1',
      title: 'Internkontrollplan 2027',
      orgUnitId: 'unit-1',
      orgUnitName: 'Bildningsnämnden',
      final: true,
      diarienummer: 'BIN 3/2027',
    });
    const { handler, sent } = notifyWith({ byRole: [anna] }, adopted);
    await handler.handle(effect({ roles: ['handlaggare'], template: 'adopted' }));
    expect(sent[0].subject).toBe('Internkontrollplan 2027 har fastställts');
    expect(sent[0].text).toContain('https://rodtrad.kommun.se/api/documents/doc-1/pdf');
    expect(sent[0].text).toContain('Diarienummer: BIN 3/2027');
    expect(sent[0].html).toContain('href="https://rodtrad.kommun.se/api/documents/doc-1/pdf"');
  });

  it('says the document was updated when the template is not one it knows', async () => {
    const { handler, sent } = notifyWith({ byRole: [anna] });
    await handler.handle(effect({ roles: ['namnd.sekreterare'], template: 'something-new' }));
    expect(sent[0].subject).toBe('Månadsrapport mars har uppdaterats');
  });

  it('leaves out a named user who no longer exists', async () => {
    const { handler, sent } = notifyWith({ users: { 'u-bo': bo } });
    expect(await handler.handle(effect({ users: ['u-gone', 'u-bo'] }))).toEqual({ recipients: 1 });
    expect(sent.map((m) => m.to)).toEqual([[bo.email]]);
  });

  it('sends nothing when the document is gone', async () => {
    const { handler, sent } = notifyWith({ byRole: [anna] });
    expect(await handler.handle(effect({ documentId: 'doc-deleted', roles: ['x'] }))).toEqual({
      skipped: 'document gone',
    });
    expect(sent).toEqual([]);
  });
});
