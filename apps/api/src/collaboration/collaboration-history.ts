import type { DataSource } from 'typeorm';
import type { HistoryEntryView } from '@rodtrad/contracts';
import { fileSize } from '@rodtrad/domain';
import { DocumentCollaborationRepository, type CollaborationAuditEntry } from '@rodtrad/persistence';

const EVENT: Record<string, string> = {
  'document.comment-added': 'COMMENT',
  'document.attachment-added': 'ATTACHMENT_ADDED',
  'document.attachment-removed': 'ATTACHMENT_REMOVED',
};

/** What the history says of a comment or an attachment: the comment itself, or the file, its size and SHA-256. */
function textOf(e: CollaborationAuditEntry): string {
  const d = e.details;
  if (e.action === 'document.comment-added') return String(d['body'] ?? '');
  const name = String(d['fileName'] ?? '');
  if (e.action === 'document.attachment-removed') return `${name} (SHA-256 ${String(d['sha256'] ?? '')})`;
  return `${name}, ${fileSize(Number(d['sizeBytes'] ?? 0))} (SHA-256 ${String(d['sha256'] ?? '')})`;
}

/**
 * The document's history with its comments and attachments in time order (#18). Those entries
 * are the admin audit chain's (their `seq` and `hash` are that chain's; `dataHash` is the file's
 * SHA-256, empty for a comment); they change no step, so both states are the step the document
 * was in.
 */
export async function withCollaborationEntries(
  ds: DataSource,
  documentId: string,
  items: HistoryEntryView[],
): Promise<HistoryEntryView[]> {
  const entries = await new DocumentCollaborationRepository(ds).auditEntries(documentId);
  if (!entries.length) return items;
  const out: HistoryEntryView[] = [];
  let i = 0;
  for (const e of entries) {
    const at = new Date(e.at).getTime();
    while (i < items.length && new Date((items[i] as HistoryEntryView).at).getTime() <= at)
      out.push(items[i++] as HistoryEntryView);
    const state = out.at(-1)?.toState ?? items[0]?.toState ?? '';
    out.push({
      seq: e.seq,
      at: new Date(e.at).toISOString(),
      actor: e.actorUserId ? { id: e.actorUserId, name: e.actorName ?? '' } : null,
      onBehalfOf: null,
      via: 'user',
      event: EVENT[e.action] ?? e.action,
      fromState: state,
      toState: state,
      comment: textOf(e),
      dataHash: e.action === 'document.comment-added' ? '' : String(e.details['sha256'] ?? ''),
      hash: e.hash,
    });
  }
  return [...out, ...items.slice(i)];
}
