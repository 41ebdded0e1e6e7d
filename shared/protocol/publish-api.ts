/**
 * Publishing over the API (docs/PUBLISHING.md): the site's configuration
 * (admins), publishing an article, and its publications.
 */
import * as v from 'valibot';

/** The site as an admin sets it (PUT /api/site): only `repo` is required; server/publish/site-settings.ts checks the values (paths, patterns, git). */
export const SiteInputSchema = v.object({
  repo: v.optional(v.nullable(v.string())),
  postsFolder: v.optional(v.nullable(v.string())),
  mediaFolder: v.optional(v.nullable(v.string())),
  fileNamePattern: v.optional(v.nullable(v.string())),
  permalinkPattern: v.optional(v.nullable(v.string())),
  remote: v.optional(v.nullable(v.string())),
  branch: v.optional(v.nullable(v.string())),
});
export type SiteInput = v.InferOutput<typeof SiteInputSchema>;

export const SiteConfigSchema = v.object({
  /** Absolute path of the local clone. */
  repo: v.string(),
  /** Relative to the repository: `_posts`. */
  postsFolder: v.string(),
  /** Relative to the repository: `assets/media`. */
  mediaFolder: v.string(),
  fileNamePattern: v.string(),
  permalinkPattern: v.string(),
  /** A remote of that clone to push to after each commit; null: do not push. */
  remote: v.nullable(v.string()),
  /** The branch to push to; null: the branch checked out. */
  branch: v.nullable(v.string()),
});
export type SiteConfig = v.InferOutput<typeof SiteConfigSchema>;

/** GET and PUT /api/site: null while publishing is not set up. */
export const SiteAnswerSchema = v.object({ site: v.nullable(SiteConfigSchema) });

/** POST /api/articles/:id/publish. */
export const PublishRequestSchema = v.object({
  /** Publish despite QA errors (admins), with the reason that is recorded. */
  override: v.optional(
    v.nullable(
      v.object({ reason: v.string() }, (issue) =>
        issue.expected === '"reason"' ? '"override.reason" must be a string saying why' : '"override" must be an object: { "reason": "why" }',
      ),
    ),
  ),
  /** Move a republished post to the path its title, slug or date now give. */
  rename: v.optional(v.nullable(v.boolean())),
});
export type PublishRequest = v.InferOutput<typeof PublishRequestSchema>;

const PublishedMediaSchema = v.object({
  /** Inside the repository: `assets/media/2020-02-23/slug-01.jpg`. */
  path: v.string(),
  /** The stored image it was written from: `/api/articles/<id>/media/<name>`. */
  src: v.string(),
});
export type PublishedMedia = v.InferOutput<typeof PublishedMediaSchema>;

/** One publication of an article into the site's repository. */
export const PublicationSchema = v.object({
  id: v.number(),
  articleId: v.string(),
  /** The post, inside the repository. */
  path: v.string(),
  /** Its address on the site (from the permalink pattern). */
  url: v.nullable(v.string()),
  commit: v.string(),
  /** false when nothing had changed since the last publication (no new commit). */
  committed: v.boolean(),
  pushed: v.boolean(),
  pushError: v.nullable(v.string()),
  media: v.array(PublishedMediaSchema),
  /** Account names credited with Co-authored-by trailers. */
  coAuthors: v.array(v.string()),
  publishedBy: v.string(),
  publishedAt: v.string(),
  overrideReason: v.nullable(v.string()),
});
export type Publication = v.InferOutput<typeof PublicationSchema>;

export const PublicationsSchema = v.object({ publications: v.array(PublicationSchema) });

/** The answer to publishing. */
export const PublishResultSchema = v.object({
  publication: PublicationSchema,
  /** On a republish: the path the post would now get, when it differs from the one kept. */
  newPostPath: v.nullable(v.string()),
  /** QA's findings at publishing (warnings, and errors an override let through); shared/qa/model.ts has their checks and severities. */
  issues: v.array(
    v.object({ check: v.string(), severity: v.string(), segmentId: v.optional(v.string()), frontMatterKey: v.optional(v.string()), message: v.string() }),
  ),
});
