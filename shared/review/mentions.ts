/**
 * @mentions in comment text. Account names are letters, digits, ".", "_" and
 * "-" (server/auth/accounts.ts), so "@alice." at the end of a sentence must
 * still mention alice: names are matched against the member list, longest
 * first, ignoring case, rather than parsed from the text alone.
 */

const NAME_CHAR = /[\p{L}\p{N}._-]/u;

/** Does a name end at `index` of `text` (nothing, or something that cannot continue a name, follows)? */
function endsAt(text: string, index: number): boolean {
  const next = text[index];
  if (next === undefined || !NAME_CHAR.test(next)) return true;
  // A full stop or hyphen right after a name ends it unless a name character follows ("@bob. Hi", "@bob-").
  if (next === '.' || next === '-') return text[index + 1] === undefined || !NAME_CHAR.test(text[index + 1]!);
  return false;
}

/** The members `text` mentions as `@name`, each once, in order of first mention, spelled as in `members`. */
export function mentionsIn(text: string, members: readonly string[]): string[] {
  const byLength = [...members].sort((a, b) => b.length - a.length);
  const found: string[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    if (at > 0 && NAME_CHAR.test(text[at - 1]!)) continue; // an e-mail address, not a mention
    const rest = text.slice(at + 1).toLowerCase();
    const member = byLength.find((name) => name !== '' && rest.startsWith(name.toLowerCase()) && endsAt(text, at + 1 + name.length));
    if (member !== undefined && !found.includes(member)) found.push(member);
  }
  return found;
}
