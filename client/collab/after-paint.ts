/**
 * Run work after the next frame has been produced, so it does not delay what
 * a keystroke shows. Once the frame is out, the work waits behind anything
 * more urgent (`scheduler.postTask`'s background priority where the browser
 * has it). A hidden page produces no frames: a timer stands in.
 */
const FALLBACK_MS = 50;

interface TaskScheduler {
  postTask(task: () => void, options: { priority: 'background' }): Promise<unknown>;
}

const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
const inBackground = (task: () => void) => (scheduler ? void scheduler.postTask(task, { priority: 'background' }) : void setTimeout(task, 0));

export function afterPaint(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  // The frame callback runs just before the frame is produced; the task it posts runs after it.
  requestAnimationFrame(() => inBackground(once));
  setTimeout(once, FALLBACK_MS);
}
