/**
 * CPU accounting for the editor benchmark (Linux /proc): the benchmark's
 * whole process tree (this process, the Duet server child, Chromium's
 * processes) against the machine, so a run can say how much of the two cores
 * something else was using while it measured.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { cpuSeconds, machineBusySeconds } from '../lib/server-process';

function parentOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

/** This process and all its descendants. */
function processTree(root = process.pid): number[] {
  let pids: number[];
  try {
    pids = readdirSync('/proc')
      .filter((name) => /^\d+$/.test(name))
      .map(Number);
  } catch {
    return [root];
  }
  const children = new Map<number, number[]>();
  for (const pid of pids) {
    const parent = parentOf(pid);
    if (parent === null) continue;
    const list = children.get(parent) ?? [];
    list.push(pid);
    children.set(parent, list);
  }
  const out: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    out.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return out;
}

export interface CpuMark {
  machine: number | null;
  tree: Map<number, number>;
  at: number;
}

export function cpuMark(): CpuMark {
  const tree = new Map<number, number>();
  for (const pid of processTree()) {
    const seconds = cpuSeconds(pid);
    if (seconds !== null) tree.set(pid, seconds);
  }
  return { machine: machineBusySeconds(), tree, at: performance.now() };
}

/** Between two marks, in % of one core: what the benchmark's processes used, and what everything else did. */
export function cpuBetween(start: CpuMark, end: CpuMark): { benchPercent: number | null; otherPercent: number | null } {
  const seconds = (end.at - start.at) / 1000;
  if (seconds <= 0 || start.machine === null || end.machine === null) return { benchPercent: null, otherPercent: null };
  let bench = 0;
  for (const [pid, used] of end.tree) bench += used - (start.tree.get(pid) ?? 0);
  const machine = end.machine - start.machine;
  return { benchPercent: (bench / seconds) * 100, otherPercent: Math.max(0, ((machine - bench) / seconds) * 100) };
}
