/**
 * What the preview lets through: GitHub's sanitizing rules (hast-util-sanitize's
 * default schema) plus what the house style writes and the page header needs:
 * `<figure>`/`<figcaption>`, `<a target="_blank">`, `<img alt title>`, and the
 * header's `<header>`, `<time>` and their classes. Scripts, styles, event
 * handlers, `style` attributes, iframes, forms and `javascript:`/`data:` URLs
 * are all dropped.
 */
import { defaultSchema, type Schema } from 'hast-util-sanitize';

const defaults = defaultSchema.attributes ?? {};

export const PREVIEW_SCHEMA: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'header', 'time'],
  attributes: {
    ...defaults,
    a: [...(defaults.a ?? []), ['target', '_blank']],
    img: [...(defaults.img ?? []), 'alt', 'title', ['className', 'post-cover']],
    header: [['className', 'post-header']],
    p: [['className', 'post-blurb', 'preview-warning']],
    time: ['dateTime'],
  },
  // Removed with their content: their text would otherwise show up as stray prose.
  strip: ['script', 'style', 'template', 'noscript', 'textarea', 'title'],
};
