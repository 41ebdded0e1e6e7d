/**
 * Which addresses a link (or an image) may point to, wherever one is made or
 * written: in the editor, over the websocket (the server's judge), from an
 * import or an XLIFF file, and in every export. http(s), mailto, and
 * addresses without a scheme (site paths, relative paths, `#` anchors): a
 * colon before the first `/`, `?` or `#` names a scheme, and `javascript:`,
 * `data:`, `vbscript:` and their like are refused. Browsers drop tabs and
 * line breaks inside a URL, so those count as part of the scheme here too.
 */
export function isSafeUrl(url: string): boolean {
  const colon = url.indexOf(':');
  const delimiter = url.search(/[/?#]/);
  if (colon === -1 || (delimiter !== -1 && delimiter < colon)) return true;
  return /^(?:https?|mailto):/i.test(url);
}
