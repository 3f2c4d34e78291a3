import type { AttachmentListView, AttachmentView, CommentListView, CommentView } from '@rodtrad/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, toApiError } from '../api/api-error';
import { apiFetch } from '../api/api-fetch';
import { useApiQuery } from '../api/query-client';
import { ProblemMessage, StatusMessage } from '../components/feedback';
import { formatDateTime, isoDate } from '../i18n/format';
import { t } from '../i18n/t';

/** A file's size in Swedish, as the PDF's list of attachments says it (libs/domain fileSize). */
function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

/** The upload is multipart (the file streamed to the API). */
function upload(path: string, file: File): Promise<AttachmentView> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiFetch<AttachmentView>(path, { method: 'POST', body: form });
}

/**
 * Kommentarer och underlag (#18): the document's comment thread (`@användarnamn` mails that person)
 * and its attachments, each with its size and SHA-256. Changes are also in the history, which is
 * refreshed.
 */
export function DocumentCollaboration({ documentId }: { documentId: string }) {
  const base = `/api/documents/${encodeURIComponent(documentId)}`;
  const queryClient = useQueryClient();
  // The history lists comments and attachments too.
  const onChange = () => void queryClient.invalidateQueries({ queryKey: [`${base}/history`] });
  return (
    <section aria-labelledby="kommentarer" className="card" id="kommentarer-och-underlag">
      <h2 id="kommentarer">{t('collab.title')}</h2>
      <Comments path={`${base}/comments`} onChange={onChange} />
      <Attachments path={`${base}/attachments`} onChange={onChange} />
    </section>
  );
}

function Comments({ path, onChange }: { path: string; onChange?: () => void }) {
  const { data } = useApiQuery<CommentListView>(path);
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const post = useMutation({
    mutationFn: () => apiFetch<CommentView>(path, { method: 'POST', body: { body } }),
    onSuccess: (c) => {
      queryClient.setQueryData([path, null], (old: CommentListView | undefined) =>
        old ? { ...old, items: [...old.items, c] } : old,
      );
      setBody('');
      setProblem(null);
      setMessage(
        c.mentions.length
          ? t('collab.commented.mailed', { names: c.mentions.map((m) => m.name).join(', ') })
          : t('collab.commented'),
      );
      onChange?.();
    },
    onError: (e) => setProblem(toApiError(e)),
  });
  if (!data) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    post.mutate();
  };
  return (
    <div className="stack">
      <h3>{t('collab.comments')}</h3>
      {data.items.length === 0 ? (
        <p className="muted">{t('collab.noComments')}</p>
      ) : (
        <ol className="timeline">
          {data.items.map((c) => (
            <li key={c.id}>
              <p className="timeline-meta">
                <strong>{c.author.name}</strong> ·{' '}
                <time dateTime={isoDate(c.createdAt)}>{formatDateTime(c.createdAt)}</time>
              </p>
              <blockquote className="timeline-comment">{c.body}</blockquote>
            </li>
          ))}
        </ol>
      )}
      <StatusMessage message={message} />
      {problem && <ProblemMessage error={problem} />}
      {data.canComment && (
        <form onSubmit={submit} className="stack no-print">
          <label htmlFor="comment-body">{t('collab.newComment')}</label>
          <textarea
            id="comment-body"
            rows={3}
            maxLength={4000}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            aria-describedby="comment-help"
          />
          <p id="comment-help" className="muted">
            {t('collab.mentionHelp')}
          </p>
          <div>
            <button type="submit" className="button" disabled={post.isPending || !body.trim()}>
              {t('collab.postComment')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function Attachments({ path, onChange }: { path: string; onChange?: () => void }) {
  const { data } = useApiQuery<AttachmentListView>(path);
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const refresh = (text: string) => {
    void queryClient.invalidateQueries({ queryKey: [path] });
    setProblem(null);
    setMessage(text);
    onChange?.();
  };
  const add = useMutation({
    mutationFn: (file: File) => upload(path, file),
    onSuccess: (a) => {
      if (input.current) input.current.value = '';
      refresh(t('collab.attached', { name: a.fileName }));
    },
    onError: (e) => setProblem(toApiError(e)),
  });
  const remove = useMutation({
    mutationFn: (a: AttachmentView) =>
      apiFetch<void>(`${path}/${encodeURIComponent(a.id)}`, { method: 'DELETE' }).then(() => a),
    onSuccess: (a) => refresh(t('collab.removed', { name: a.fileName })),
    onError: (e) => setProblem(toApiError(e)),
  });
  if (!data) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (file) add.mutate(file);
  };
  const maxMb = Math.round(data.maxBytes / 1024 / 1024);
  return (
    <div className="stack">
      <h3>{t('collab.attachments')}</h3>
      {data.items.length === 0 ? (
        <p className="muted">{t('collab.noAttachments')}</p>
      ) : (
        <ul className="plain-list">
          {data.items.map((a) => (
            <li key={a.id}>
              <a href={`${path}/${encodeURIComponent(a.id)}`} download={a.fileName}>
                {a.fileName}
              </a>{' '}
              <span className="muted">
                {t('collab.attachmentMeta', {
                  size: fileSize(a.sizeBytes),
                  name: a.uploadedBy.name,
                  at: formatDateTime(a.uploadedAt),
                })}
              </span>
              <br />
              <small className="muted">SHA-256 {a.sha256}</small>{' '}
              {a.canRemove && (
                <button
                  type="button"
                  className="button button-secondary no-print"
                  onClick={() => remove.mutate(a)}
                  disabled={remove.isPending}
                >
                  {t('collab.remove', { name: a.fileName })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <StatusMessage message={message} />
      {problem && <ProblemMessage error={problem} />}
      {data.canUpload && (
        <form onSubmit={submit} className="stack no-print">
          <label htmlFor="attachment-file">{t('collab.chooseFile')}</label>
          <input
            id="attachment-file"
            ref={input}
            type="file"
            accept={data.accept.join(',')}
            aria-describedby="attachment-help"
          />
          <p id="attachment-help" className="muted">
            {t('collab.attachmentHelp', { max: maxMb, types: data.accept.join(', ') })}
          </p>
          <div>
            <button type="submit" className="button" disabled={add.isPending}>
              {add.isPending ? t('collab.uploading') : t('collab.upload')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
