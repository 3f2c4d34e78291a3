import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@rodtrad/config';
import { DefinitionStore, RecipientDirectory, sentBackOf, type SentBack } from '@rodtrad/engine';
import { QueuedMailOutbox, render } from '@rodtrad/mail';
import { DocumentAuditRepository, DocumentRepository, type DocumentRow } from '@rodtrad/persistence';
import type { EffectContext, EffectHandler } from '../effects/effect-handler';
import { WORKER_CONFIG } from '../tokens';

/** What each notify template tells; unknown templates fall back to a plain "something happened". */
const TEMPLATES: Record<string, string> = {
  'review-requested': 'väntar på din granskning',
  'registration-requested': 'ska registreras',
  'ks-treatment-requested': 'ska behandlas av kommunstyrelsen',
  'kf-treatment-requested': 'ska behandlas av kommunfullmäktige',
  'decision-requested': 'väntar på beslut',
  returned: 'har returnerats för ändring',
  'returned-by-ks': 'har returnerats av kommunstyrelsen',
  'referred-back': 'har återremitterats',
  noted: 'har behandlats',
  adopted: 'har fastställts',
  decided: 'har beslutats',
};

/** Mails that tell the author their document came back: they say who sent it back, when and why. */
const SENT_BACK_TEMPLATES: ReadonlySet<string> = new Set(['returned', 'returned-by-ks', 'referred-back']);

const WHEN = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'long',
  timeStyle: 'short',
});

/** Mails that tell of a decision link to the document's PDF (the one frozen at adoption). */
const DECISION_TEMPLATES: ReadonlySet<string> = new Set(['adopted', 'noted', 'decided']);

/**
 * `notify {roles?, users?, template}`: one mail per recipient (holders of the roles for the
 * document's unit), deduplicated by the effect's key and the recipient, so it is sent once.
 */
@Injectable()
export class NotifyEffect implements EffectHandler<'notify'> {
  readonly effectType = 'notify';

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    private readonly documents: DocumentRepository,
    private readonly recipients: RecipientDirectory,
    private readonly mail: QueuedMailOutbox,
    private readonly audit: DocumentAuditRepository,
    private readonly definitions: DefinitionStore,
  ) {}

  /** Who sent the document back, when and why: its latest change of step, if that was a return. */
  private async sentBack(doc: DocumentRow): Promise<SentBack | null> {
    const last = (await this.audit.lastTransitions([doc.id])).get(doc.id);
    if (!last) return null;
    const def = await this.definitions.load(doc.definitionId);
    return sentBackOf(def.definition, last.toState, last);
  }

  async handle(effect: EffectContext<'notify'>): Promise<unknown> {
    const p = effect.payload;
    const doc = await this.documents.get(String(p.documentId ?? effect.documentId));
    if (!doc) return { skipped: 'document gone' };
    const people = [
      ...(await this.recipients.withRolesFor(p.roles ?? [], doc.orgUnitId)),
      ...(await Promise.all((p.users ?? []).map((u) => this.recipients.user(u)))).filter((u) => u !== null),
    ];
    const what = TEMPLATES[p.template ?? ''] ?? 'har uppdaterats';
    const url = `${this.config.publicUrl}/dokument/${doc.id}`;
    const back = SENT_BACK_TEMPLATES.has(p.template ?? '') ? await this.sentBack(doc) : null;
    const mail = render(`${doc.title} ${what}`, {
      heading: `${doc.title} ${what}`,
      paragraphs: [
        `${doc.orgUnitName ?? ''}: ${doc.title} ${what}.`,
        // The reason where the author looks first (#18): who, when, from which step, and why.
        ...(back
          ? [
              `${back.by?.name || 'Någon'} skickade tillbaka dokumentet (${back.label}) från steget ${back.fromStateTitle} ${WHEN.format(new Date(back.at))}.`,
              `Skäl: ${back.comment}`,
            ]
          : []),
      ],
      ...(doc.diarienummer ? { facts: [['Diarienummer', doc.diarienummer]] as [string, string][] } : {}),
      // An adopted (final) document's PDF is the one frozen at adoption (GET /api/documents/{id}/pdf).
      ...(DECISION_TEMPLATES.has(p.template ?? '') && doc.final
        ? {
            items: [
              {
                text: 'Det fastställda dokumentet som PDF',
                href: `${this.config.publicUrl}/api/documents/${doc.id}/pdf`,
              },
            ],
          }
        : {}),
      action: { label: 'Öppna dokumentet', href: url },
    });
    const sent = new Set<string>();
    for (const r of people) {
      if (sent.has(r.userId)) continue;
      sent.add(r.userId);
      await this.mail.enqueue({
        ...mail,
        to: [r.email],
        threadKey: doc.id,
        dedupeKey: `${effect.dedupeKey}__${r.userId}`,
      });
    }
    return { recipients: sent.size };
  }
}
