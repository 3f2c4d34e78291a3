import { useEffect, useRef, useState, type FormEvent } from 'react';
import { t } from '../i18n/t';
import { TextAreaField } from './field';
import { FormButtons } from './form-buttons';

interface CommentDialogProps {
  title: string;
  open: boolean;
  busy?: boolean;
  onCancel: () => void;
  onConfirm: (comment: string) => void;
  /** Lets the comment be left empty (acknowledging a deviation). */
  optional?: boolean;
  label?: string;
  hint?: string;
  submitLabel?: string;
  /** Shown inside the dialog when sending failed, so the reader keeps their text. */
  error?: string | null;
}

/** A modal <dialog>: the browser traps focus, Esc closes it, focus returns to the opener. */
export function CommentDialog({
  title,
  open,
  busy,
  onCancel,
  onConfirm,
  optional,
  label,
  hint,
  submitLabel,
  error: failure,
}: CommentDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setComment('');
      setError(undefined);
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!optional && !comment.trim()) {
      setError(t('document.commentRequired'));
      document.getElementById('event-comment')?.focus();
      return;
    }
    onConfirm(comment.trim());
  }

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="comment-dialog-title" onClose={onCancel}>
      <form noValidate onSubmit={submit} className="form-stack">
        <h2 id="comment-dialog-title">{title}</h2>
        {failure && (
          <p className="notice notice-error" role="alert">
            {failure}
          </p>
        )}
        <TextAreaField
          id="event-comment"
          label={label ?? t('document.commentLabel')}
          hint={hint ?? t('document.commentHint')}
          required={!optional}
          value={comment}
          error={error}
          onChange={(e) => setComment(e.target.value)}
        />
        <FormButtons
          busy={busy}
          label={submitLabel ?? t('common.send')}
          busyLabel={t('common.sending')}
          onCancel={onCancel}
        />
      </form>
    </dialog>
  );
}
