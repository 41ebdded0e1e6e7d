/** TMX's dates: ISO 8601's basic format in UTC, `YYYYMMDDThhmmssZ`. */

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

export function formatTmxDate(ms: number): string {
  const date = new Date(ms);
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

/** ms since the epoch; null when `text` is not a real date in TMX's format. */
export function parseTmxDate(text: string): number | null {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text.trim());
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  // Date.UTC rolls 20240231 over into March: a date that does not come back the same is not a date.
  return formatTmxDate(ms) === text.trim() ? ms : null;
}
