/** A stable, readable colour per person, so the same name is the same colour for everyone. */
const PALETTE = ['#d94f4f', '#3a7bd5', '#2e9e6a', '#b06ad9', '#e0892a', '#1f9eaa', '#c9477f', '#6b8e23'];

/** What a page announces of the person at it (awareness): who, in their colour, and where their caret is. */
export function presenceOf(user: { id: string; name: string; role: string }, cursor: unknown = null) {
  return { user: { id: user.id, name: user.name, role: user.role, color: colorFor(user.name) }, cursor };
}

export function colorFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return PALETTE[hash % PALETTE.length]!;
}
