/**
 * Review over the API (docs/REVIEW.md): a segment's history, the members one
 * can mention or assign, and my notifications.
 */
import * as v from 'valibot';
import { SEGMENT_STATUSES } from '../article/status';
import { ROLES } from './roles';

/** Someone who can be mentioned or assigned work (GET /api/members). */
export const MemberSchema = v.object({ name: v.string(), role: v.picklist(ROLES) });
export type Member = v.InferOutput<typeof MemberSchema>;

export const MembersSchema = v.object({ members: v.array(MemberSchema) });
export type MembersResponse = v.InferOutput<typeof MembersSchema>;

export const SegmentHistoryParamsSchema = v.object({ id: v.string(), segmentId: v.string() });

/** A segment's status change, as its history lists it. */
const StatusChangeSchema = v.object({
  /** The status the writer replaced (null for a segment created with its status). */
  from: v.nullable(v.picklist(SEGMENT_STATUSES)),
  to: v.picklist(SEGMENT_STATUSES),
  by: v.nullable(v.string()),
  /** Milliseconds since the epoch. */
  at: v.number(),
});
export type StatusChange = v.InferOutput<typeof StatusChangeSchema>;

/** A version of a segment's target (its Markdown): one per author session (same author, within 10 minutes of their last edit). */
const TextVersionSchema = v.object({
  markdown: v.string(),
  /** null for the baseline: the text before the first recorded edit (as imported, or empty). */
  by: v.nullable(v.string()),
  /** When the session's last edit was made (for the baseline: when the first recorded edit began). */
  at: v.number(),
  /** When the session began. */
  since: v.number(),
});
export type TextVersion = v.InferOutput<typeof TextVersionSchema>;

/** GET /api/articles/:id/segments/:segmentId/history. */
export const SegmentHistorySchema = v.object({
  segmentId: v.string(),
  /** Oldest first. */
  statusChanges: v.array(StatusChangeSchema),
  /** Oldest first; the first is the baseline when the segment's first recorded edit had one. */
  versions: v.array(TextVersionSchema),
});
export type SegmentHistory = v.InferOutput<typeof SegmentHistorySchema>;

export const NOTIFICATION_KINDS = ['mention', 'reply', 'sendBack'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Something that happened to me: a mention, a reply in a thread I took part in, a segment sent back to me. */
const NotificationSchema = v.object({
  id: v.string(),
  kind: v.picklist(NOTIFICATION_KINDS),
  articleId: v.string(),
  /** The article's title when it happened. */
  articleTitle: v.string(),
  segmentId: v.nullable(v.string()),
  threadId: v.nullable(v.string()),
  /** Who did it. */
  actor: v.nullable(v.string()),
  /** The comment's text (its first 280 characters). */
  text: v.string(),
  at: v.number(),
  read: v.boolean(),
});
export type AppNotification = v.InferOutput<typeof NotificationSchema>;

/** GET /api/notifications. */
export const NotificationsSchema = v.object({
  /** Newest first (at most 200). */
  notifications: v.array(NotificationSchema),
  unread: v.number(),
});
export type NotificationsResponse = v.InferOutput<typeof NotificationsSchema>;

/** The most ids one request may mark read. */
export const MAX_READ_IDS = 1000;

/** POST /api/notifications/read: these (as listed), or all of them. */
export const MarkReadSchema = v.union(
  [
    v.object({ all: v.literal(true) }),
    v.object({
      ids: v.pipe(
        v.array(v.pipe(v.string(), v.regex(/^\d{1,15}$/))),
        // Over a limit, so 413 `too_large` like every other (server/http/schema-validation.ts).
        v.maxLength(MAX_READ_IDS, `mark at most ${MAX_READ_IDS} notifications read at once`),
      ),
    }),
  ],
  'send { "ids": ["…"] } (notification ids, as listed) or { "all": true }',
);
export type MarkReadRequest = v.InferOutput<typeof MarkReadSchema>;

export const MarkedReadSchema = v.object({ ok: v.literal(true), unread: v.number() });
