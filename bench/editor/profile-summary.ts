/**
 * A quick reading of a .cpuprofile saved by `npm run bench:editor -- --profile`:
 * the functions with the most self time and the most total (inclusive) time,
 * so a run can say where the time goes without opening DevTools.
 *
 *   node --import tsx bench/editor/profile-summary.ts bench/results/editor-duet-2000-load.cpuprofile [top]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const file = url ? url.split('/').pop() : '';
  return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}:${columnNumber + 1}` : ''}`;
}

function summarize(profile: Profile, top: number): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));

  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [id, ms] of selfMs) {
    const node = byId.get(id)!;
    self.set(label(node), (self.get(label(node)) ?? 0) + ms);
    // Count each function once per stack, however often it recurses.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = label(byId.get(at)!);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  }
  const list = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${name}`)
      .join('\n');
  const span = (profile.endTime - profile.startTime) / 1000;
  return `profile span ${span.toFixed(0)} ms\n\ntimeline (busy stretches of 5 ms or more, by their outermost function):\n${timeline(profile, byId, parent)}\n\nself time:\n${list(self)}\n\ntotal time:\n${list(total)}`;
}

/** Consecutive samples under the same outermost frame, as stretches with their start (ms from the profile's start) and length. */
function timeline(profile: Profile, byId: Map<number, ProfileNode>, parent: Map<number, number>): string {
  const outermost = (id: number): string => {
    let at = id;
    let below = id;
    while (parent.has(at)) {
      below = at;
      at = parent.get(at)!;
    }
    // `at` is (root); `below` is the function the event loop called.
    const node = byId.get(below)!;
    const stack: string[] = [];
    for (let inner: number | undefined = id, depth = 0; inner !== undefined && depth < 60; inner = parent.get(inner), depth++)
      stack.push(byId.get(inner)!.callFrame.functionName);
    return label(node) === '(idle)' || label(node) === '(program)' || label(node) === '(garbage collector)' ? label(node) : `${label(node)}`;
  };
  const lines: string[] = [];
  let time = 0;
  let current: { name: string; start: number; ms: number } | null = null;
  const flush = () => {
    if (current && current.ms >= 5 && current.name !== '(idle)')
      lines.push(`  ${current.start.toFixed(0).padStart(6)} +${current.ms.toFixed(0).padStart(5)} ms  ${current.name}`);
  };
  profile.samples.forEach((id, i) => {
    const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const name = outermost(id);
    if (!current || current.name !== name) {
      flush();
      current = { name, start: time, ms: 0 };
    }
    current.ms += delta;
    time += delta;
  });
  flush();
  return lines.join('\n');
}

/** The call tree top-down (inclusive ms), branches under `minMs` left out, `maxDepth` levels deep. */
function tree(profile: Profile, minMs: number, maxDepth: number, under?: string): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / 1000));
  const totals = new Map<number, number>();
  const totalOf = (id: number): number => {
    const node = byId.get(id)!;
    const ms = (selfMs.get(id) ?? 0) + (node.children ?? []).reduce((sum, child) => sum + totalOf(child), 0);
    totals.set(id, ms);
    return ms;
  };
  const root = profile.nodes[0]!;
  totalOf(root.id);
  const lines: string[] = [];
  const walk = (id: number, depth: number) => {
    const node = byId.get(id)!;
    const ms = totals.get(id)!;
    if (ms < minMs || depth > maxDepth) return;
    // Looking for a subtree: descend without printing until a frame matches.
    if (under && !label(node).includes(under)) {
      for (const child of node.children ?? []) walk(child, depth);
      return;
    }
    if (under && depth === 0 && lines.length > 0) lines.push('');
    lines.push(`${'  '.repeat(depth)}${ms.toFixed(1)} ${label(node)}`);
    for (const child of [...(node.children ?? [])].sort((a, b) => totals.get(b)! - totals.get(a)!)) walkAll(child, depth + 1);
  };
  const walkAll = (id: number, depth: number) => {
    const node = byId.get(id)!;
    const ms = totals.get(id)!;
    if (ms < minMs || depth > maxDepth) return;
    lines.push(`${'  '.repeat(depth)}${ms.toFixed(1)} ${label(node)}`);
    for (const child of [...(node.children ?? [])].sort((a, b) => totals.get(b)! - totals.get(a)!)) walkAll(child, depth + 1);
  };
  walk(root.id, 0);
  return lines.join('\n');
}

const [file, top, mode, under] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary FILE.cpuprofile [top] [tree [FUNCTION]]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
console.log(mode === 'tree' ? tree(profile, Number(top ?? 10), 40, under) : summarize(profile, Number(top ?? 40)));
