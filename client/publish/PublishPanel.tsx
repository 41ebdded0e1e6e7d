/**
 * Publishing into the site's git repository, for those who may publish:
 * where the post will go, why publishing is refused while QA errors remain,
 * the override with a recorded reason, and what the server did (the commit,
 * whether it was pushed, or why the push failed). The server checks all of it
 * again (docs/PUBLISHING.md); this panel only says in advance what it will say.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { DEFAULT_SITE_LAYOUT, planPublication, type PublicationPlan } from '../../shared/publish/publication-plan';
import { todayPostDate } from '../../shared/publish/post-date';
import type { ArticleSnapshot } from '../../shared/article/article';
import type { QaIssue } from '../../shared/qa/qa';
import { ApiError } from '../api/http';
import { describeError } from '../ui/messages';
import { getSite, listPublications, publishArticle, type Publication, type SiteConfig } from './publish-api';

/** `hidden`: this person may publish but not read the site's settings (they are an administrator's); the server still knows them. */
type SiteState = { kind: 'loading' } | { kind: 'unset' } | { kind: 'ready'; site: SiteConfig } | { kind: 'hidden' } | { kind: 'unavailable'; message: string };
type PublishState = { kind: 'idle' } | { kind: 'publishing' } | { kind: 'done'; publication: Publication } | { kind: 'refused'; message: string };

function plan(snapshot: ArticleSnapshot, site: SiteConfig | null, previous: Publication | undefined): PublicationPlan | string {
  try {
    const layout = { ...DEFAULT_SITE_LAYOUT, ...(site ?? {}) };
    return planPublication(snapshot, { layout, today: todayPostDate(), previousPostPath: previous?.path ?? null });
  } catch (error) {
    return describeError(error);
  }
}

const shortCommit = (commit: string) => commit.slice(0, 10);
const when = (value: string) => new Date(value).toLocaleString();

function Result({ publication }: { publication: Publication }) {
  return (
    <div
      className="publish-result"
      role="status"
      data-testid="publish-result"
      data-pushed={String(publication.pushed)}
      data-committed={String(publication.committed)}
    >
      <p>
        {publication.committed ? 'Published' : 'Nothing had changed since the last publication; no new commit'}: <code>{publication.path}</code> at commit{' '}
        <code data-testid="publish-commit">{shortCommit(publication.commit)}</code>.
      </p>
      {publication.pushError ? (
        <p className="publish-push-error" role="alert" data-testid="publish-push-error">
          The commit is made but was not pushed: {publication.pushError}. The next publication pushes it.
        </p>
      ) : (
        <p>{publication.pushed ? 'Pushed to the site’s remote.' : 'Committed in the local clone (no remote is set).'}</p>
      )}
      {publication.url && <p>The post’s address: {publication.url}</p>}
    </div>
  );
}

export function PublishPanel(props: { articleId: string; snapshot: ArticleSnapshot; issues: QaIssue[]; ready: boolean; canOverride: boolean }) {
  const { articleId, snapshot, issues, ready, canOverride } = props;
  const [site, setSite] = useState<SiteState>({ kind: 'loading' });
  const [publications, setPublications] = useState<Publication[]>([]);
  const [override, setOverride] = useState(false);
  const [reason, setReason] = useState('');
  const [state, setState] = useState<PublishState>({ kind: 'idle' });

  const refreshPublications = useCallback(
    (signal?: AbortSignal) =>
      listPublications(articleId, signal).then(
        (list) => setPublications(list),
        () => undefined, // an older server without publications: nothing to show
      ),
    [articleId],
  );

  useEffect(() => {
    const controller = new AbortController();
    getSite(controller.signal).then(
      (found) => setSite(found ? { kind: 'ready', site: found } : { kind: 'unset' }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.code === 'forbidden') return setSite({ kind: 'hidden' });
        const missing = error instanceof ApiError && error.code === 'not_found';
        setSite({ kind: 'unavailable', message: missing ? 'Publishing is not available on this server.' : describeError(error) });
      },
    );
    void refreshPublications(controller.signal);
    return () => controller.abort();
  }, [refreshPublications]);

  const errors = issues.filter((issue) => issue.severity === 'error');
  const planned = useMemo(() => plan(snapshot, site.kind === 'ready' ? site.site : null, publications[0]), [snapshot, site, publications]);
  const overriding = errors.length > 0 && override && canOverride;
  const blockedBy =
    site.kind !== 'ready' && site.kind !== 'hidden'
      ? 'the site is not set up'
      : typeof planned === 'string'
        ? planned
        : !ready
          ? 'your last changes have not reached the server yet'
          : errors.length > 0 && !overriding
            ? 'QA errors remain'
            : overriding && reason.trim() === ''
              ? 'an override needs a reason'
              : null;

  const publish = async () => {
    setState({ kind: 'publishing' });
    try {
      const publication = await publishArticle(articleId, overriding ? { override: { reason: reason.trim() } } : {});
      setState({ kind: 'done', publication });
      setOverride(false);
      setReason('');
      void refreshPublications();
    } catch (error) {
      setState({ kind: 'refused', message: describeError(error) });
    }
  };

  const last = publications[0];
  return (
    <section className="publish-panel" data-testid="publish-panel" aria-label="Publish">
      <h3>Publish</h3>
      {site.kind === 'loading' && <p aria-busy="true">Reading the site’s settings…</p>}
      {site.kind === 'unset' && (
        <p data-testid="publish-unset">
          Publishing is not set up: an administrator names the site’s repository first (<code>duet site set --repo PATH</code>).
        </p>
      )}
      {site.kind === 'unavailable' && <p data-testid="publish-unavailable">{site.message}</p>}
      {site.kind === 'ready' && (
        <p>
          Into <code>{site.site.repo}</code>
          {site.site.remote ? `, pushed to ${site.site.remote}` : ', not pushed (no remote)'}.
        </p>
      )}
      {typeof planned === 'string' ? (
        <p className="publish-problem" role="alert" data-testid="publish-plan-error">
          Cannot publish yet: {planned}
        </p>
      ) : (
        <dl className="publish-target">
          <dt>File</dt>
          <dd>
            <code data-testid="publish-target">{planned.postPath}</code>
          </dd>
          <dt>Address</dt>
          <dd>
            <code>{planned.permalink}</code>
          </dd>
          {planned.media.length > 0 && (
            <>
              <dt>Images</dt>
              <dd>{planned.media.length} stored with the article, copied into the site</dd>
            </>
          )}
          {planned.newPostPath && (
            <>
              <dt>Note</dt>
              <dd>The title, slug or date now give {planned.newPostPath}; the post stays where it was published.</dd>
            </>
          )}
        </dl>
      )}
      {errors.length > 0 && (
        <div className="publish-blocked" role="alert" data-testid="publish-blocked">
          <p>
            Publishing is refused while {errors.length} {errors.length === 1 ? 'error remains' : 'errors remain'}:
          </p>
          <ul>
            {errors.slice(0, 8).map((issue, index) => (
              <li key={index}>{issue.message}</li>
            ))}
            {errors.length > 8 && <li>…and {errors.length - 8} more (see Checks).</li>}
          </ul>
          {canOverride && (
            <label className="publish-override">
              <input type="checkbox" checked={override} onChange={(event) => setOverride(event.target.checked)} data-testid="override-toggle" /> Publish anyway,
              as an administrator
            </label>
          )}
          {overriding && (
            <label className="publish-reason">
              Why (recorded with the publication)
              <textarea value={reason} onChange={(event) => setReason(event.target.value)} rows={2} data-testid="override-reason" />
            </label>
          )}
        </div>
      )}
      <button
        type="button"
        className="button primary"
        data-testid="publish-button"
        disabled={blockedBy != null || state.kind === 'publishing'}
        onClick={() => void publish()}
      >
        {state.kind === 'publishing' ? 'Publishing…' : overriding ? 'Publish despite the errors' : last ? 'Publish again' : 'Publish'}
      </button>
      {blockedBy && (site.kind === 'ready' || site.kind === 'hidden') && <p className="publish-why">Not now: {blockedBy}.</p>}
      {state.kind === 'refused' && (
        <p className="publish-problem" role="alert" data-testid="publish-refused">
          {state.message}
        </p>
      )}
      {state.kind === 'done' && <Result publication={state.publication} />}
      {last && state.kind !== 'done' && (
        <p className="publish-last" data-testid="publish-last">
          Last published {when(last.publishedAt)} by {last.publishedBy} (commit <code>{shortCommit(last.commit)}</code>
          {last.pushError ? ', not pushed' : ''}).
        </p>
      )}
    </section>
  );
}
