/** The "@partial" being typed at the caret of a comment box, and what taking a name makes of the text. */

/** "@" and name characters just before the caret, the "@" not glued to a word (an e-mail address is not a mention). */
const MENTION_BEFORE_CARET = /(?:^|[^\p{L}\p{N}._-])@([\p{L}\p{N}._-]*)$/u;

/** The partial name typed after "@" at `caret`, or null when the caret is not in a mention. */
export function mentionQuery(text: string, caret: number): string | null {
  return MENTION_BEFORE_CARET.exec(text.slice(0, caret))?.[1] ?? null;
}

/** Members whose names start with the partial (ignoring case), the exact name itself left out. */
export function mentionCandidates(members: readonly string[], partial: string, limit: number): string[] {
  const lower = partial.toLowerCase();
  return members.filter((name) => name.toLowerCase().startsWith(lower) && name.toLowerCase() !== lower).slice(0, limit);
}

/** Replace the partial before `caret` with `name` and a space; the caret goes after the space. */
export function completeMention(text: string, caret: number, partial: string, name: string): { text: string; caret: number } {
  const start = caret - partial.length;
  return { text: `${text.slice(0, start)}${name} ${text.slice(caret)}`, caret: start + name.length + 1 };
}
