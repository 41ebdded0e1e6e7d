/**
 * Carrying what was typed into one copy of a side over to another copy that
 * may have moved on meanwhile.
 *
 * The editor shows an article's opening rows before its document has arrived
 * (shared/article/opening.ts). What the person types there was typed against
 * the opening's content; by the time the document arrives a colleague may have
 * changed the same segment. As prosemirror-collab rebases unconfirmed steps,
 * the person's change (opening content → what they typed, as one replace
 * step) is mapped through the colleague's (opening content → the document's
 * content) and applied on top, so both survive.
 */
import { Fragment, Slice, type Node as PMNode } from 'prosemirror-model';
import { ReplaceStep } from 'prosemirror-transform';

export interface CarriedTyping {
  /** Applies to the current content and gives it with the typing carried over. */
  step: ReplaceStep;
  /** Where a position in the typed content is once carried (the caret, the selection's ends). */
  map(position: number): number;
}

/**
 * The typing (`before` → `typed`) carried onto `current`, which also started
 * from `before`; null when nothing was typed.
 */
export function carryTyping(before: PMNode, typed: PMNode, current: PMNode): CarriedTyping | null {
  const mine = diffStep(before, typed);
  if (!mine) return null;
  const theirs = diffStep(before, current);
  // Nobody else changed it: the typed content is the result, positions and all.
  if (!theirs) return { step: mine, map: (position) => position };

  const carried = mapOnto(mine, theirs, current);
  if (!carried) return null;
  const insertedEnd = mine.from + mine.slice.size;
  return {
    step: carried,
    map(position) {
      // Inside what was typed: the same offset into where it went.
      if (position >= mine.from && position <= insertedEnd) return carried.from + (position - mine.from);
      const inBefore = position < mine.from ? position : position - mine.slice.size + (mine.to - mine.from);
      return carried.getMap().map(theirs.getMap().map(inBefore));
    },
  };
}

/**
 * Mine mapped through theirs. If that leaves no place for it (they deleted
 * around it, or the slice no longer fits there), what I typed is inserted
 * where their change ends, or else as a paragraph of its own at the end:
 * never lost. Null when mine only deleted what they deleted too.
 */
function mapOnto(mine: ReplaceStep, theirs: ReplaceStep, current: PMNode): ReplaceStep | null {
  const mapped = mine.map(theirs.getMap());
  if (mapped instanceof ReplaceStep && !mapped.apply(current).failed) return mapped;
  if (mine.slice.size === 0) return null;
  const at = theirs.getMap().map(mine.from, 1);
  const inserted = new ReplaceStep(at, at, mine.slice);
  if (!inserted.apply(current).failed) return inserted;
  const text = mine.slice.content.textBetween(0, mine.slice.content.size, ' ', ' ');
  const paragraph = current.type.schema.nodes.paragraph!.create(null, text ? current.type.schema.text(text) : null);
  const end = current.content.size;
  return new ReplaceStep(end, end, new Slice(Fragment.from(paragraph), 0, 0));
}

/** The difference between two versions of a side as one replace step; null when they are equal. */
export function diffStep(before: PMNode, after: PMNode): ReplaceStep | null {
  const start = before.content.findDiffStart(after.content);
  if (start == null) return null;
  let { a: endA, b: endB } = before.content.findDiffEnd(after.content)!;
  // Repeated text around the change ("aa" → "aaa") lets the two scans overlap: end no earlier than start.
  const overlap = start - Math.min(endA, endB);
  if (overlap > 0) {
    endA += overlap;
    endB += overlap;
  }
  const step = new ReplaceStep(start, endA, after.slice(start, endB));
  const result = step.apply(before);
  if (result.doc?.eq(after)) return step;
  // A change across blocks that does not fit as one open slice: replace the whole content.
  return new ReplaceStep(0, before.content.size, new Slice(after.content, 0, 0));
}
