/**
 * Who may do what: the one place that answers "may this user do this to this
 * article or segment". The server asks it on every websocket update (through
 * the judge, server/collab/judge.ts, which first works out what the
 * update did) and on every HTTP route that not every signed-in user may call;
 * the client asks it only to hide what the server would refuse.
 * docs/COLLABORATION.md ("Roles") and docs/REVIEW.md explain it for people.
 */
import { SEGMENT_STATUSES, type SegmentStatus } from '../article/status';
import type { ArticleChange } from '../article/change-kinds';
import type { Role } from '../protocol/roles';

/** Whoever asks: the answer depends on the role, and for one's own comments on the name. */
export interface Actor {
  name: string;
  role: Role;
}

/** Everything a role may or may not be allowed to do. */
export const OPERATIONS = [
  // An article's content, over the websocket (each kind of change an update makes asks one of these: see mayChange).
  /** Type in a segment's target side. */
  'target.edit',
  /** Type in a segment's source side. Without it, restructuring must leave the source reading as before. */
  'source.edit',
  /** Split, merge, insert, remove and reorder segments; mark a source block omitted. */
  'structure.edit',
  /** Front matter and Duet's own metadata. */
  'metadata.edit',
  /** The imported file's bytes kept for exact export; replacing a side's fragment outright. */
  'importedFile.edit',
  /** Give a segment a status, from the status the writer saw: needs { from, to, sendBackComment? }. */
  'segment.setStatus',
  /** Say who translates and who reviews segments. */
  'segment.assign',
  /** Open review threads, reply, resolve and reopen. */
  'thread.comment',
  /** Edit a comment's text: needs the comment ({ author, deleted? }). */
  'comment.edit',
  /** Delete a comment: needs the comment ({ author }). */
  'comment.delete',
  /** Apply or decline a suggestion. */
  'suggestion.decide',
  /** Remove a thread, or a comment entry, outright (everyone else resolves threads and deletes comments). */
  'thread.remove',
  // Over the HTTP API.
  /** Create an article, or import one (Markdown, a Chinese source). */
  'article.create',
  /** Import an XLIFF file's targets and statuses into an article (each status still as segment.setStatus). */
  'xliff.import',
  /** Upload an image into an article, or store a remote one. */
  'media.add',
  /** Publish an article into the site's repository (docs/PUBLISHING.md). */
  'article.publish',
  /** Publish despite QA errors, with a reason. */
  'publish.override',
  /** Read and change the site's configuration (its git clone and naming). */
  'site.configure',
  /** Remove accounts and change their roles. */
  'user.manage',
  /** Import a TMX file into the translation memory: every member is offered its units (docs/MEMORY.md). */
  'memory.import',
  /** Download the whole translation memory as a TMX file: every translation ever confirmed, of every article. */
  'memory.export',
  /** Add glossary entries as the team's, change and delete any, accept proposed ones (docs/GLOSSARY.md). */
  'glossary.edit',
  /** Propose a glossary entry, which counts once someone with glossary.edit accepts it; revise or withdraw one's own proposals. */
  'glossary.propose',
  /** Import a TBX or CSV file into the glossary: every member is offered its terms. */
  'glossary.import',
] as const;
export type Operation = (typeof OPERATIONS)[number];

/** A status write, as the workflow judges it. */
export interface StatusChange {
  /** The status the writer replaced: what it saw, not what a concurrent write made of it. */
  from: SegmentStatus;
  to: SegmentStatus;
  /** Does the same change open a sendBack thread with a comment on this segment? */
  sendBackComment?: boolean;
}

/** The comment an edit or deletion is about. */
export interface CommentRef {
  author: string;
  deleted?: boolean;
}

interface Contexts {
  'segment.setStatus': StatusChange;
  'comment.edit': CommentRef;
  'comment.delete': CommentRef;
}
/** An operation asked about without anything more to know. */
export type PlainOperation = Exclude<Operation, keyof Contexts>;
type ContextArgs<O extends Operation> = O extends keyof Contexts ? [context: Contexts[O]] : [];

/** Yes, no, or only for what is one's own (a comment one wrote). */
type Grant = boolean | 'own';

/** The roles table, an operation a row. */
const GRANTS: Record<Exclude<Operation, 'segment.setStatus' | keyof typeof SAME_AS>, Record<Role, Grant>> = {
  'target.edit': { admin: true, translator: true, reviewer: false, viewer: false },
  'source.edit': { admin: true, translator: false, reviewer: false, viewer: false },
  // A translator's split, merge, note or move is judged by the article it makes: the source must read as before.
  'structure.edit': { admin: true, translator: true, reviewer: false, viewer: false },
  'metadata.edit': { admin: true, translator: true, reviewer: false, viewer: false },
  'importedFile.edit': { admin: true, translator: false, reviewer: false, viewer: false },
  'segment.assign': { admin: true, translator: false, reviewer: false, viewer: false },
  'thread.comment': { admin: true, translator: true, reviewer: true, viewer: false },
  'comment.edit': { admin: 'own', translator: 'own', reviewer: 'own', viewer: false },
  'comment.delete': { admin: true, translator: 'own', reviewer: 'own', viewer: false },
  'thread.remove': { admin: true, translator: false, reviewer: false, viewer: false },
  'article.create': { admin: true, translator: true, reviewer: false, viewer: false },
  // Publishing puts the text on the public site: only admins, who also configure the site and may override QA.
  'article.publish': { admin: true, translator: false, reviewer: false, viewer: false },
  'publish.override': { admin: true, translator: false, reviewer: false, viewer: false },
  'site.configure': { admin: true, translator: false, reviewer: false, viewer: false },
  'user.manage': { admin: true, translator: false, reviewer: false, viewer: false },
  // The memory is the whole site's: what is offered to everyone, and what leaves Duet in bulk, is the admins' call.
  'memory.import': { admin: true, translator: false, reviewer: false, viewer: false },
  'memory.export': { admin: true, translator: false, reviewer: false, viewer: false },
  // Translators keep the glossary with the admins; reviewers, who find the inconsistencies, propose.
  'glossary.edit': { admin: true, translator: true, reviewer: false, viewer: false },
  'glossary.propose': { admin: true, translator: true, reviewer: true, viewer: false },
  'glossary.import': { admin: true, translator: false, reviewer: false, viewer: false },
};

/** Operations that belong to whoever may do another, and why. */
const SAME_AS = {
  // Applying a suggestion writes the target; declining one decides about it.
  'suggestion.decide': 'target.edit',
  // An XLIFF import writes targets (its statuses are judged one by one by the workflow).
  'xliff.import': 'target.edit',
  // Adding images changes what figures can show.
  'media.add': 'target.edit',
} as const satisfies Partial<Record<Operation, Operation>>;

/**
 * The status workflow: for each role, each status it may give a segment and
 * the statuses it may do so from ('any': from every status). Writing the
 * status a segment already has is allowed to any role that may set that
 * status at all.
 *
 *   untranslated → draft (first edit) → translated (translator confirms)
 *   → reviewed → approved (reviewer); a reviewer sends translated, reviewed or
 *   approved back to draft only with a comment (a sendBack thread).
 */
interface StatusGrant {
  from: 'any' | readonly SegmentStatus[];
  /** Also from these, when the same change opens a sendBack thread with a comment. */
  sentBackFrom?: readonly SegmentStatus[];
}
const ANY: StatusGrant = { from: 'any' };
const WORKFLOW: Record<Role, Partial<Record<SegmentStatus, StatusGrant>>> = {
  admin: { untranslated: ANY, draft: ANY, translated: ANY, reviewed: ANY, approved: ANY },
  translator: { untranslated: ANY, draft: ANY, translated: ANY },
  reviewer: {
    // Sending a segment back to the translator is setting it to draft, with a comment saying why.
    draft: { from: [], sentBackFrom: ['translated', 'reviewed', 'approved'] },
    reviewed: { from: ['translated'] },
    approved: { from: ['translated', 'reviewed'] },
  },
  viewer: {},
};

function maySetStatus(role: Role, { from, to, sendBackComment = false }: StatusChange): boolean {
  const grant = WORKFLOW[role][to];
  if (!grant) return false;
  if (from === to || grant.from === 'any' || grant.from.includes(from)) return true;
  return sendBackComment && (grant.sentBackFrom?.includes(from) ?? false);
}

/** May `user` do `operation` (to this segment or comment, where it matters)? */
export function may<O extends Operation>(user: Actor, operation: O, ...context: ContextArgs<O>): boolean {
  if (operation === 'segment.setStatus') return maySetStatus(user.role, context[0] as StatusChange);
  const decided = (SAME_AS as Partial<Record<Operation, keyof typeof GRANTS>>)[operation] ?? (operation as keyof typeof GRANTS);
  const grant = GRANTS[decided][user.role];
  if (grant !== 'own') return grant;
  const comment = context[0] as CommentRef;
  // A deleted comment has no text left to edit.
  return comment.author === user.name && !(operation === 'comment.edit' && comment.deleted === true);
}

/** May `user` change or delete this glossary entry: any with glossary.edit, else only a proposal of one's own. */
export function mayReviseEntry(user: Actor, entry: { createdBy: string | null; status: 'approved' | 'proposed' }): boolean {
  if (may(user, 'glossary.edit')) return true;
  return may(user, 'glossary.propose') && entry.status === 'proposed' && entry.createdBy === user.name;
}

/** The statuses `role` may give a segment from some status: what an XLIFF import may ask for. */
export function settableStatuses(role: Role): readonly SegmentStatus[] {
  return SETTABLE[role];
}
const SETTABLE: Record<Role, readonly SegmentStatus[]> = mapRoles((role) => SEGMENT_STATUSES.filter((to) => WORKFLOW[role][to] !== undefined));

/** The operation each kind of article change needs (shared/article/changes.ts classifies an update into kinds). */
const CHANGE_NEEDS: Record<Exclude<ArticleChange, 'status'>, PlainOperation> = {
  targetText: 'target.edit',
  sourceText: 'source.edit',
  structure: 'structure.edit',
  metadata: 'metadata.edit',
  importedFile: 'importedFile.edit',
  comment: 'thread.comment',
  assignment: 'segment.assign',
};
/** Worked out once: the judge asks for every kind of every update. */
const CHANGES: Record<Role, ReadonlySet<ArticleChange>> = mapRoles((role) => {
  const kinds = new Set<ArticleChange>();
  for (const [kind, operation] of Object.entries(CHANGE_NEEDS) as [ArticleChange, PlainOperation][]) {
    if (GRANTS[operation as keyof typeof GRANTS][role] === true) kinds.add(kind);
  }
  // Writing a status (and who/when) at all; which status from which is the workflow's, write by write.
  if (SETTABLE[role].length > 0) kinds.add('status');
  return kinds;
});

/** May `role` make this kind of article change at all? Statuses, threads and comments are then judged write by write. */
export function mayChange(role: Role, kind: ArticleChange): boolean {
  return CHANGES[role].has(kind);
}

/** May `role` change anything in an article at all? (If not, its connection is read-only.) */
export function mayWriteArticle(role: Role): boolean {
  return CHANGES[role].size > 0;
}

/** Does moving `from` → `to` need a sendBack comment for this role (the editor asks for one first)? */
export function needsSendBackComment(role: Role, from: SegmentStatus, to: SegmentStatus): boolean {
  return !maySetStatus(role, { from, to }) && maySetStatus(role, { from, to, sendBackComment: true });
}

export interface StatusOption {
  status: SegmentStatus;
  /** The status can be set only together with a sendBack comment (use `sendBack`). */
  needsComment: boolean;
}

/** The statuses, other than `from`, that `role` may move a segment to, in workflow order: for the editor's menus. */
export function statusOptions(role: Role, from: SegmentStatus): StatusOption[] {
  return SEGMENT_STATUSES.filter((to) => to !== from && maySetStatus(role, { from, to, sendBackComment: true })).map((status) => ({
    status,
    needsComment: needsSendBackComment(role, from, status),
  }));
}

function mapRoles<T>(each: (role: Role) => T): Record<Role, T> {
  return { admin: each('admin'), translator: each('translator'), reviewer: each('reviewer'), viewer: each('viewer') };
}
