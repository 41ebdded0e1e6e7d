/**
 * The typographic conversions kramdown (the site's Markdown converter) makes
 * when it renders: `---` → em dash, `--` → en dash, `...` → ellipsis, and
 * straight quotes → curly ones. The stored Markdown keeps the ASCII; only the
 * preview shows what readers will see (the seed's `-- the translator` line).
 *
 * Quotes are judged by the character before them, which may be in the
 * previous text node (`"<strong>x</strong>"`), so a Typographer carries it
 * from one call to the next, in reading order.
 */

const OPENS_AFTER = /[\s([{\u2014\u2013-]/;

export class Typographer {
  private previous = ' ';

  /** Start of a new block: a quote at its start opens. */
  blockStart(): void {
    this.previous = ' ';
  }

  convert(text: string): string {
    const dashed = text
      .replace(/---/g, '\u2014')
      .replace(/--/g, '\u2013')
      .replace(/\.\.\./g, '\u2026');
    let out = '';
    for (const char of dashed) {
      if (char === '"') out += OPENS_AFTER.test(this.previous) ? '\u201C' : '\u201D';
      else if (char === "'") out += OPENS_AFTER.test(this.previous) ? '\u2018' : '\u2019';
      else out += char;
      this.previous = char;
    }
    return out;
  }
}
