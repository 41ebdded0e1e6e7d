import { useId, useState, type FormEvent } from 'react';
import { setup, type SessionUser } from '../api/api';
import { ApiError } from '../api/http';
import { describeError } from '../ui/messages';
import { checkSetupForm, MIN_PASSWORD_LENGTH, type SetupFields } from './setup-rules';

/** The one-time form a new installation shows: creates the first admin, who is then signed in. */
export function SetupForm({ onSignedIn, onAlreadySetUp }: { onSignedIn(user: SessionUser): void; onAlreadySetUp(): void }) {
  const id = useId();
  const [fields, setFields] = useState<SetupFields>({ name: '', password: '', repeat: '' });
  const [problems, setProblems] = useState<Partial<Record<keyof SetupFields, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const change = (field: keyof SetupFields) => (event: { target: { value: string } }) => {
    setFields((current) => ({ ...current, [field]: event.target.value }));
    // A field's complaint goes as soon as it is edited; it comes back on the next submit if still true.
    setProblems((current) => ({ ...current, [field]: undefined }));
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const found = checkSetupForm(fields);
    setProblems(found);
    setError(null);
    if (Object.keys(found).length > 0) return;
    setBusy(true);
    try {
      onSignedIn(await setup(fields.name.trim(), fields.password));
    } catch (caught) {
      // Someone else finished setup first (another tab, `duet user add`): nothing to fix here, so move on.
      if (caught instanceof ApiError && caught.code === 'conflict' && /already set up/.test(caught.message)) return onAlreadySetUp();
      setError(describeError(caught));
      setBusy(false);
    }
  }

  const problemList = Object.values(problems).filter((problem): problem is string => Boolean(problem));
  const fieldProps = (field: keyof SetupFields) => ({
    id: `${id}-${field}`,
    'data-testid': `setup-${field}`,
    'aria-invalid': problems[field] ? true : undefined,
    value: fields[field],
    onChange: change(field),
  });

  return (
    <form className="auth-form" data-testid="setup-form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Set up Duet</h2>
      <p className="form-intro">This installation has no administrator yet. Create the admin account; you will be signed in with it.</p>
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          {...fieldProps('name')}
          aria-describedby={`${id}-name-hint`}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
        />
        <p className="hint" id={`${id}-name-hint`}>
          Letters, digits, “.”, “_” or “-”; no spaces.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-password`}>Password</label>
        <input {...fieldProps('password')} name="new-password" type="password" autoComplete="new-password" aria-describedby={`${id}-password-hint`} />
        <p className="hint" id={`${id}-password-hint`}>
          At least {MIN_PASSWORD_LENGTH} characters.
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-repeat`}>Repeat password</label>
        <input {...fieldProps('repeat')} name="repeat-password" type="password" autoComplete="new-password" />
      </div>
      {(problemList.length > 0 || error) && (
        <div className="form-error" role="alert" data-testid="setup-error">
          {problemList.map((problem) => (
            <p key={problem}>{problem}</p>
          ))}
          {error && <p>{error}</p>}
        </div>
      )}
      <button type="submit" className="button primary" data-testid="setup-submit" disabled={busy}>
        {busy ? 'Creating the account…' : 'Create admin account'}
      </button>
    </form>
  );
}
