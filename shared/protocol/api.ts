/**
 * The HTTP API's request and response shapes, one file per area, each a
 * valibot schema with the type inferred from it: the server validates
 * requests with them (server/http/schema-validation.ts), the client reads
 * answers with them (client/api/http.ts). This file gathers the types the
 * rest of the code imports by name.
 */
export type { ArticleJson, ArticleListResponse, ArticleSummary, SideJson, SourceFormat, SourcePreview } from './article-api';
export type {
  AppNotification,
  Member,
  MembersResponse,
  NotificationKind,
  NotificationsResponse,
  SegmentHistory,
  StatusChange,
  TextVersion,
} from './review-api';
export { MAX_MEDIA_BYTES, type MediaItem } from './media-api';
export type { Publication, PublishedMedia } from './publish-api';
