/** Reading an article in other shapes over the API (docs/EXPORT.md): the site preview and the bilingual review copy. */
import * as v from 'valibot';

/** GET /api/articles/:id/preview: the exported Markdown and the sanitized HTML the site would show for it. */
export const ArticlePreviewSchema = v.object({ markdown: v.string(), html: v.string() });

export const BILINGUAL_FORMAT_NAMES = ['html', 'md'] as const;
/** GET /api/articles/:id/bilingual?format=html|md (html when absent). */
export const BilingualQuerySchema = v.object({ format: v.optional(v.picklist(BILINGUAL_FORMAT_NAMES, '"format" must be html or md')) });
