/**
 * Run work after the next frame has been produced, so it does not delay what
 * a keystroke shows. Once the frame is out, the work waits behind anything
 * more urgent (`scheduler.postTask`'s background priority where the browser
 * has it). A hidden page produces no frames: a timer stands in.
 *
 * Only for work caused by something that produces a frame anyway (a keystroke,
 * a remote change shown on screen): `requestAnimationFrame` asks for a frame,
 * and a frame asked for from a timer takes the display's next slot, so the
 * next keystroke's frame waits up to 16 ms for the one after. Use
 * `inBackground` there.
 */
const FALLBACK_MS = 50;

interface TaskScheduler {
  postTask(task: () => void, options: { priority: 'background' }): Promise<unknown>;
}

const scheduler = (globalThis as { scheduler?: TaskScheduler }).scheduler;
/** Run work as a background task, without asking for a frame (from a timer or a network message). */
export const inBackground = (task: () => void): void => (scheduler ? void scheduler.postTask(task, { priority: 'background' }) : void setTimeout(task, 0));

/** Returns a function that cancels the work if it has not run yet. */
export function afterPaint(run: () => void): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  // The frame callback runs just before the frame is produced; the task it posts runs after it.
  requestAnimationFrame(() => inBackground(once));
  setTimeout(once, FALLBACK_MS);
  return () => {
    done = true;
  };
}
