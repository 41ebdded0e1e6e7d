/** "Last activity" as people say it: recent times relative, older ones as a date. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// Made at first use, not when the bundle loads: the first Intl formatter of a
// kind loads its locale data, 25–40 ms on the main thread here, and the editor
// shows its rows before it shows any time.
const relative = once(() => new Intl.RelativeTimeFormat('en', { numeric: 'auto' }));
// Day, short month and year: unambiguous for readers on either side of the translation (no 03/04 guessing).
const dateFormat = once(() => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }));
const fullFormat = once(() => new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }));

export function formatLastActivity(iso: string, now: Date = new Date()): string {
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return 'unknown';
  const ago = now.getTime() - then.getTime();
  // A clock slightly ahead of ours (server vs browser) must not read "in 3 seconds".
  if (ago < MINUTE) return 'just now';
  if (ago < HOUR) return relative().format(-Math.floor(ago / MINUTE), 'minute');
  if (ago < DAY) return relative().format(-Math.floor(ago / HOUR), 'hour');
  if (ago < 7 * DAY) return relative().format(-Math.floor(ago / DAY), 'day');
  return dateFormat().format(then);
}

/** The exact time, for a tooltip. */
export function formatExactTime(iso: string): string {
  const then = new Date(iso);
  return Number.isNaN(then.getTime()) ? iso : fullFormat().format(then);
}

function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
