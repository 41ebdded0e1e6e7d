/**
 * Reads a Chromium trace saved by `npm run bench:editor -- --trace` and says where the renderer's
 * main thread spent its time while typing: self time per trace event (style, layout, paint, script,
 * ...), in total and per key (a trace of loading has no keys). A CPU profile only shows the
 * frame's own work as "(program)"; the trace names it.
 *
 *   node --import tsx bench/editor/trace-summary.ts bench/results/editor-duet-2000-idle-typing.trace.json [rows]
 */
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { type?: string } };
}

const [file, rowsArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: trace-summary.ts TRACE.json [rows]');
  process.exit(2);
}
const rows = Number(rowsArg ?? 30);
const raw = JSON.parse(readFileSync(file, 'utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
const events = Array.isArray(raw) ? raw : raw.traceEvents;

// The page's main thread: the CrRendererMain that dispatched the most keydowns (typing), or
// that ran the most (loading, where there are none).
const mains = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const on = (pid: number, tid: number) => events.filter((e) => e.pid === pid && e.tid === tid);
const main = mains
  .map((m) => {
    const own = on(m.pid, m.tid);
    return { pid: m.pid, tid: m.tid, keys: own.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').length, count: own.length };
  })
  .sort((a, b) => b.keys - a.keys || b.count - a.count)[0];
if (!main || main.count === 0) {
  console.error('no renderer main thread in this trace');
  process.exit(1);
}
/** Per key while typing; a trace of loading has no keys, and the column shows totals again. */
const perKey = Math.max(main.keys, 1);

// Complete events ('X') on that thread; 'B'/'E' pairs are folded into the same shape.
const spans: { name: string; start: number; end: number }[] = [];
const open: TraceEvent[] = [];
for (const e of events) {
  if (e.pid !== main.pid || e.tid !== main.tid) continue;
  if (e.ph === 'X' && e.dur !== undefined) spans.push({ name: e.name, start: e.ts, end: e.ts + e.dur });
  else if (e.ph === 'B') open.push(e);
  else if (e.ph === 'E') {
    const begin = open.pop();
    if (begin) spans.push({ name: begin.name, start: begin.ts, end: e.ts });
  }
}
spans.sort((a, b) => a.start - b.start || b.end - a.end);

// Self time: each span's duration minus its children's, by walking the nesting with a stack.
const self = new Map<string, { self: number; total: number; count: number }>();
const stack: { name: string; end: number; children: number; start: number }[] = [];
const close = (until: number) => {
  while (stack.length && stack[stack.length - 1]!.end <= until) {
    const done = stack.pop()!;
    const entry = self.get(done.name) ?? { self: 0, total: 0, count: 0 };
    entry.self += done.end - done.start - done.children;
    entry.total += done.end - done.start;
    entry.count += 1;
    self.set(done.name, entry);
    if (stack.length) stack[stack.length - 1]!.children += done.end - done.start;
  }
};
for (const span of spans) {
  close(span.start);
  stack.push({ ...span, children: 0 });
}
close(Number.POSITIVE_INFINITY);

const tasks = self.get('RunTask');
const first = spans[0]?.start ?? 0;
const last = spans.reduce((max, s) => Math.max(max, s.end), first);
console.log(
  `${file}\nmain thread ${main.pid}:${main.tid}, ${main.keys} keydowns over ${((last - first) / 1e6).toFixed(1)} s; busy in tasks ${((tasks?.total ?? 0) / 1000).toFixed(0)} ms (${((tasks?.total ?? 0) / 1000 / perKey).toFixed(2)} ms per key)\n`,
);
console.log('event'.padEnd(48), 'self ms'.padStart(9), (main.keys > 0 ? 'per key' : 'self ms').padStart(9), 'total ms'.padStart(9), 'count'.padStart(7));
for (const [name, entry] of [...self.entries()].sort((a, b) => b[1].self - a[1].self).slice(0, rows)) {
  console.log(
    name.slice(0, 48).padEnd(48),
    (entry.self / 1000).toFixed(1).padStart(9),
    (entry.self / 1000 / perKey).toFixed(3).padStart(9),
    (entry.total / 1000).toFixed(1).padStart(9),
    String(entry.count).padStart(7),
  );
}
