import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal <dialog>: the browser traps focus, makes the page behind inert and
 * turns Escape into `onCancel` (ignored while `busy`, so a request in flight is not orphaned).
 */
export function Modal({
  labelledBy,
  busy = false,
  onCancel,
  className,
  testId,
  children,
}: {
  labelledBy: string;
  busy?: boolean;
  onCancel(): void;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className={['modal', className].filter(Boolean).join(' ')}
      aria-labelledby={labelledBy}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
