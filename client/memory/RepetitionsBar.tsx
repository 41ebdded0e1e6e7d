/** The offer to fill a just-confirmed sentence's untranslated repetitions with its translation (use-repetitions.ts). */
export function RepetitionsBar({ count, onFill, onDismiss }: { count: number; onFill(): void; onDismiss(): void }) {
  return (
    <div className="repetitions-bar" role="status" data-testid="repetitions-offer">
      <span>
        This sentence comes {count} more time{count === 1 ? '' : 's'} in the article, untranslated.
      </span>
      <button type="button" onClick={onFill} data-testid="fill-repetitions">
        Fill {count === 1 ? 'it' : `all ${count}`} with this translation
      </button>
      <button type="button" onClick={onDismiss}>
        No
      </button>
    </div>
  );
}
