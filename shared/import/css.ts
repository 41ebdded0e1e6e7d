/**
 * Reading the few inline-style facts the HTML cleaner decides by: is it hidden,
 * bold, italic, small, grey or centred. This reads declarations; it never
 * decides what is safe (the sanitizer's allow-list does, and drops every style).
 */

/** `style="a: b; c: d !important"` → lowercased property → lowercased value without `!important`. */
export function parseStyle(style: unknown): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof style !== 'string') return out;
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!\s*important/i, '')
      .trim()
      .toLowerCase();
    if (name && value) out.set(name, value);
  }
  return out;
}

export function isHiddenStyle(style: Map<string, string>): boolean {
  return style.get('display') === 'none' || style.get('visibility') === 'hidden' || style.get('visibility') === 'collapse';
}

/** `bold`, `bolder` or a numeric weight of 600 and up (what browsers draw as bold). */
export function isBoldWeight(value: string | undefined): boolean {
  if (value == null) return false;
  if (value === 'bold' || value === 'bolder') return true;
  const weight = Number(value);
  return Number.isFinite(weight) && weight >= 600;
}

export const isItalicStyle = (value: string | undefined): boolean => value === 'italic' || value === 'oblique';

/**
 * Smaller than body text: WeChat body text is 15–17px and its captions 12–13px;
 * relative sizes below 0.9 of the parent and the CSS size keywords below medium.
 */
export function isSmallFontSize(value: string | undefined): boolean {
  if (value == null) return false;
  if (['small', 'smaller', 'x-small', 'xx-small'].includes(value)) return true;
  const match = /^([\d.]+)\s*(px|pt|em|rem|%)$/.exec(value);
  if (!match) return false;
  const size = Number(match[1]);
  switch (match[2]) {
    case 'px':
      return size <= 13;
    case 'pt':
      return size <= 10;
    case '%':
      return size < 90;
    default:
      return size < 0.9;
  }
}

const NAMED_GREYS = new Set(['gray', 'grey', 'darkgray', 'darkgrey', 'dimgray', 'dimgrey', 'lightgray', 'lightgrey', 'silver', 'lightslategray', 'slategray']);

/** A mid grey (not near-black body text, not white): the colour of most captions. */
export function isGreyColor(value: string | undefined): boolean {
  if (value == null) return false;
  if (NAMED_GREYS.has(value)) return true;
  const rgb = parseRgb(value);
  if (!rgb) return false;
  const [r, g, b] = rgb;
  const spread = Math.max(r, g, b) - Math.min(r, g, b);
  const mean = (r + g + b) / 3;
  return spread <= 24 && mean >= 96 && mean <= 200;
}

function parseRgb(value: string): [number, number, number] | null {
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d) : hex[1]!.match(/../g)!;
    return digits.map((d) => parseInt(d, 16)) as [number, number, number];
  }
  const fn = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/.exec(value);
  return fn ? [Number(fn[1]), Number(fn[2]), Number(fn[3])] : null;
}
