/**
 * A comment box that completes @mentions: typing "@" and the start of a name
 * lists the members it could be; arrows choose, Enter or Tab takes one.
 * Ctrl/⌘ + Enter submits the box.
 */
import { useId, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { completeMention, mentionCandidates, mentionQuery } from './mention-query';

const MAX_OPTIONS = 8;

export interface MentionInputProps {
  value: string;
  onChange(value: string): void;
  onSubmit(): void;
  members: readonly string[];
  label: string;
  placeholder?: string;
  testId?: string;
  autoFocus?: boolean;
}

export function MentionInput(props: MentionInputProps) {
  const box = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const listId = useId();
  const [caret, setCaret] = useState(0);
  const [chosen, setChosen] = useState(0);
  const [dismissed, setDismissed] = useState(false);

  const partial = mentionQuery(props.value, caret);
  const options = useMemo(() => (partial === null ? [] : mentionCandidates(props.members, partial, MAX_OPTIONS)), [partial, props.members]);
  const showing = !dismissed && options.length > 0;

  const take = (name: string) => {
    if (partial === null) return;
    const { text: next, caret: at } = completeMention(props.value, caret, partial, name);
    props.onChange(next);
    setCaret(at);
    setChosen(0);
    pendingCaret.current = at;
  };

  // Put the caret after the completed name as soon as React has written the new text, before
  // the next key is handled: a later moment (a frame) would move it back behind what was typed since.
  useLayoutEffect(() => {
    const at = pendingCaret.current;
    if (at === null || !box.current) return;
    pendingCaret.current = null;
    box.current.focus();
    box.current.setSelectionRange(at, at);
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (showing && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      setChosen((index) => (index + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
    } else if (showing && (event.key === 'Enter' || event.key === 'Tab') && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      take(options[Math.min(chosen, options.length - 1)]!);
    } else if (showing && event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDismissed(true);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      props.onSubmit();
    }
  };

  return (
    <div className="mention-input">
      <textarea
        ref={box}
        value={props.value}
        aria-label={props.label}
        placeholder={props.placeholder}
        data-testid={props.testId}
        autoFocus={props.autoFocus}
        rows={3}
        role="combobox"
        aria-expanded={showing}
        aria-controls={listId}
        aria-autocomplete="list"
        onChange={(event) => {
          props.onChange(event.target.value);
          setCaret(event.target.selectionStart);
          setDismissed(false);
          setChosen(0);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {showing && (
        <ul className="mention-options" role="listbox" id={listId}>
          {options.map((name, index) => (
            <li
              key={name}
              role="option"
              aria-selected={index === chosen}
              className={index === chosen ? 'is-chosen' : undefined}
              data-testid="mention-option"
              // mousedown, not click: the textarea must keep its caret.
              onMouseDown={(event) => {
                event.preventDefault();
                take(name);
              }}
            >
              @{name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
