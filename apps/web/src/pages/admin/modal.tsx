import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal <dialog>: showModal() traps focus and moves it to the first field, Esc closes it, and
 * the browser gives focus back to the button that opened it.
 */
export function Modal({
  open,
  labelledBy,
  onClose,
  children,
}: {
  open: boolean;
  labelledBy: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    else if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog dialog-wide" aria-labelledby={labelledBy} onClose={onClose}>
      {open && children}
    </dialog>
  );
}
