/** The keyboard shortcuts, one `?` away. */
const SHORTCUTS: [string, string][] = [
  ['Ctrl/⌘ + Enter', 'Mark translated and go to the next untranslated segment'],
  ['Alt + ↑ / ↓', 'Previous / next segment'],
  ['Ctrl/⌘ + Shift + S', "Copy the source's structure (numbers, links, bold) into an empty translation"],
  ['Ctrl/⌘ + Shift + Enter', 'Split the segment at the caret'],
  ['Ctrl/⌘ + Shift + Backspace', 'Merge with the next segment'],
  ['Ctrl/⌘ + Z / Shift + Z', 'Undo / redo your own edits in this segment'],
  ['Ctrl/⌘ + B / I / E', 'Bold / italic / code'],
  ['Ctrl/⌘ + Alt + M', 'Comment on the selected text (or on the segment pair)'],
  ['Ctrl/⌘ + F', 'Search both columns'],
  ['Ctrl/⌘ + 1 … 5', 'Insert the translation memory match of that number'],
  ['Ctrl/⌘ + K', 'Search the translation memory (concordance) for the selected text'],
  ['? or Ctrl/⌘ + /', 'This help'],
  ['Esc', 'Close search or help'],
];

export function HelpOverlay({ onClose }: { onClose(): void }) {
  return (
    <div className="help-overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" data-testid="help-overlay" onClick={onClose}>
      <div className="help-card" onClick={(event) => event.stopPropagation()}>
        <h3>Keyboard shortcuts</h3>
        <dl>
          {SHORTCUTS.map(([keys, what]) => (
            <div key={keys} className="shortcut">
              <dt>
                <kbd>{keys}</kbd>
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
