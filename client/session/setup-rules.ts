/**
 * The setup form's checks, so a person hears about a short password before
 * the round trip. The server enforces the same rules and stays the authority:
 * these copy MIN_PASSWORD_LENGTH (server/auth/passwords.ts) and
 * USER_NAME_PATTERN (server/auth/accounts.ts), which the client may not import.
 */
export const MIN_PASSWORD_LENGTH = 10;
const USER_NAME_PATTERN = /^[A-Za-z0-9._-]{1,40}$/;

export interface SetupFields {
  name: string;
  password: string;
  repeat: string;
}

/** What is wrong with each field, in words; an empty object when the form may be sent. */
export function checkSetupForm({ name, password, repeat }: SetupFields): Partial<Record<keyof SetupFields, string>> {
  const problems: Partial<Record<keyof SetupFields, string>> = {};
  const trimmed = name.trim();
  if (trimmed === '') problems.name = 'Enter a name for the admin account.';
  else if (!USER_NAME_PATTERN.test(trimmed)) problems.name = 'A name is 1 to 40 letters, digits, “.”, “_” or “-”, without spaces.';
  if (password.length < MIN_PASSWORD_LENGTH) problems.password = `The password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
  else if (repeat !== password) problems.repeat = 'The two passwords are not the same.';
  return problems;
}
