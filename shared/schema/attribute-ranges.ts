/**
 * The values each node and mark attribute may hold, beyond the type the
 * schema names: a heading is of level 1 to 6, a list item's marker is one
 * Markdown has, its number has at most nine digits, a title is text or absent.
 * A value outside these would be written into the post as structure (a marker
 * of "\n# x" makes a heading) or break the writer. (Types the schema's own
 * `validate` checks, such as a figure's src being text, are not repeated here.)
 *
 * Why not in the schema's `validate`: ProseMirror runs it whenever a node is
 * created, and y-prosemirror, reading a stored fragment, deletes every element
 * whose creation throws. An article stored before these rules with such a
 * value would lose that block in every editor and every export. So the
 * server's judge refuses them on the accept path (fragment-node.ts
 * `readFragment`), and what is already stored is written with the nearest
 * valid value (`withAttributesInRange`), so export never fails on it.
 */
import type { Mark, Node as PMNode } from 'prosemirror-model';
import { LIST_BULLETS, LIST_DELIMITERS, schema } from './schema';

export const HEADING_LEVELS = { min: 1, max: 6 } as const;
/** CommonMark reads at most nine digits as a list number. */
export const LIST_NUMBERS = { min: 0, max: 999_999_999 } as const;

type Attrs = Record<string, unknown>;

interface Rule {
  /** What a valid value is, for the refusal's message. */
  expected: string;
  valid(value: unknown, attrs: Attrs): boolean;
  /** The nearest valid value, for a stored one that is not. */
  repair(value: unknown, attrs: Attrs): unknown;
}

const isIntegerIn = (value: unknown, range: { min: number; max: number }): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= range.min && value <= range.max;
const clampInteger = (value: unknown, range: { min: number; max: number }, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) ? Math.min(range.max, Math.max(range.min, Math.round(value))) : fallback;

const optionalText: Rule = {
  expected: 'text or null',
  valid: (value) => value === null || typeof value === 'string',
  repair: (value) => (value == null ? null : String(value)),
};
const markersFor = (attrs: Attrs): readonly string[] => (attrs.ordered === true ? LIST_DELIMITERS : LIST_BULLETS);

const NODE_RULES: Record<string, Record<string, Rule>> = {
  heading: {
    level: {
      expected: `a whole number from ${HEADING_LEVELS.min} to ${HEADING_LEVELS.max}`,
      valid: (value) => isIntegerIn(value, HEADING_LEVELS),
      repair: (value) => clampInteger(value, HEADING_LEVELS, HEADING_LEVELS.min),
    },
  },
  list_item: {
    number: {
      expected: `null or a whole number from ${LIST_NUMBERS.min} to ${LIST_NUMBERS.max}`,
      valid: (value) => value === null || isIntegerIn(value, LIST_NUMBERS),
      repair: (value) => (typeof value === 'number' && Number.isFinite(value) ? clampInteger(value, LIST_NUMBERS, 1) : null),
    },
    marker: {
      expected: `one of ${LIST_BULLETS.join(' ')} for a bullet, ${LIST_DELIMITERS.join(' ')} after a number`,
      valid: (value, attrs) => typeof value === 'string' && markersFor(attrs).includes(value),
      repair: (_value, attrs) => markersFor(attrs)[0],
    },
  },
  figure: { title: optionalText },
};

const MARK_RULES: Record<string, Record<string, Rule>> = {
  link: { title: optionalText },
};

/** The first attribute of `node` or anything in it that is out of range, described; null when all are in range. */
export function attributeProblem(node: PMNode): string | null {
  let problem: string | null = null;
  const check = (rules: Record<string, Rule> | undefined, attrs: Attrs, what: string) => {
    for (const [name, rule] of Object.entries(rules ?? {})) {
      if (problem === null && !rule.valid(attrs[name], attrs))
        problem = `${what}'s ${name} must be ${rule.expected}, not ${JSON.stringify(attrs[name]) ?? String(attrs[name])}`;
    }
  };
  const visit = (child: PMNode) => {
    check(NODE_RULES[child.type.name], child.attrs, `a ${child.type.name}`);
    for (const mark of child.marks) check(MARK_RULES[mark.type.name], mark.attrs, `a ${mark.type.name}`);
    return problem === null;
  };
  if (visit(node)) node.descendants(visit);
  return problem;
}

function repaired(rules: Record<string, Rule> | undefined, attrs: Attrs): Attrs | null {
  let out: Attrs | null = null;
  for (const [name, rule] of Object.entries(rules ?? {})) {
    const current = out ?? attrs;
    if (!rule.valid(current[name], current)) (out ??= { ...attrs })[name] = rule.repair(current[name], current);
  }
  return out;
}

function markInRange(mark: Mark): Mark {
  const attrs = repaired(MARK_RULES[mark.type.name], mark.attrs);
  return attrs ? mark.type.create(attrs) : mark;
}

/** `node` with every out-of-range attribute (its own, its descendants', their marks') replaced by the nearest valid value; `node` itself when none is. */
export function withAttributesInRange(node: PMNode): PMNode {
  if (attributeProblem(node) === null) return node;
  if (node.isText) return schema.text(node.text!, node.marks.map(markInRange));
  const children: PMNode[] = [];
  node.forEach((child) => children.push(withAttributesInRange(child)));
  const attrs = repaired(NODE_RULES[node.type.name], node.attrs) ?? node.attrs;
  return node.type.create(attrs, children, node.marks.map(markInRange));
}
