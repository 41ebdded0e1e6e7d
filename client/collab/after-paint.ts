/**
 * Run work after the next frame has been produced, so it does not delay what
 * a keystroke shows. A hidden page produces no frames: a timer stands in.
 */
const FALLBACK_MS = 50;

export function afterPaint(run: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  // The frame callback runs just before the frame is produced; the task it posts runs after it.
  requestAnimationFrame(() => setTimeout(once, 0));
  setTimeout(once, FALLBACK_MS);
}
