/**
 * The measuring code the editor benchmark puts into every page it opens (Duet's
 * editor and the baseline alike), before any of the page's own scripts run
 * (Playwright's addInitScript). It changes nothing the page does; it listens.
 *
 * - First usable: a MutationObserver watches the document from its creation
 *   until a target editor is editable (`[data-testid="target-editor"]
 *   [contenteditable="true"]`) and shows text (y-prosemirror renders a bound
 *   view's content in a timeout after creating it, so an editable but empty
 *   view is not yet usable); then one frame must be produced: a
 *   requestAnimationFrame callback posts a MessageChannel message, whose
 *   handler runs once the main thread has produced that frame.
 * - Keystrokes: keydown's event.timeStamp (when the browser created the
 *   event); `input` plus a microtask (the end of the synchronous handling:
 *   Chromium's editing, ProseMirror's DOM read and transaction, the Yjs
 *   write); then rAF + MessageChannel as above. Latency = frame − keydown.
 * - Remote updates: every WebSocket `message` handler is wrapped. The time
 *   from its start to its return counts as applying a remote update when a
 *   MutationObserver on the element the remote peer edits has records at
 *   that moment (takeRecords, synchronously): the change reached the DOM
 *   inside that handler. Also timed: until the handler's microtasks ran, and
 *   how long the message waited before its handler started.
 * - Long animation frames (LoAF, ≥ 50 ms) with their scripts, for diagnosis.
 *
 * Built as a classic script (IIFE) by bench/editor/build.ts.
 */

export interface KeySample {
  key: string;
  down: number;
  handled: number;
  frame: number;
}

export interface MessageSample {
  /** event.timeStamp → handler start */
  wait: number;
  /** handler start → handler return */
  sync: number;
  /** handler start → its microtasks done (NaN until then) */
  micro: number;
  bytes: number;
  /** The remote element's DOM changed inside this handler. */
  changed: boolean;
  at: number;
  phase: string;
}

export interface LongFrame {
  at: number;
  duration: number;
  blocking: number;
  phase: string;
  scripts: { invoker: string; source: string; fn: string; duration: number }[];
}

export interface BenchProbe {
  marks: Record<string, number>;
  phase: string;
  recordingKeys: boolean;
  keys: KeySample[];
  messages: MessageSample[];
  longFrames: LongFrame[];
  /** CSS selector of the element the remote peer edits. */
  remoteSelector: string | null;
  nextFrame(): Promise<number>;
  /** Scroll Duet's virtualized list until row `index` is mounted and sits near the top fifth of the scroller. */
  scrollToRow(index: number): Promise<boolean>;
  /** Scroll the page until the element sits near the top fifth of the viewport. */
  scrollToElement(selector: string): Promise<boolean>;
  /** Put the caret at the end of the element's text (as End would, for a whole paragraph); returns the text's length or -1. */
  caretToEnd(selector: string): number;
  /** The element's text as a reader sees it (remote caret labels left out), or null. */
  textOf(selector: string): string | null;
  /** Resolves once every recorded key has its frame, or after `timeoutMs`. */
  keysSettled(timeoutMs: number): Promise<boolean>;
}

declare global {
  interface Window {
    __bench: BenchProbe;
  }
}

(() => {
  const now = () => performance.now();
  const channel = new MessageChannel();
  const frameWaiters: ((at: number) => void)[] = [];
  channel.port1.onmessage = () => {
    const at = now();
    frameWaiters.shift()?.(at);
  };
  /** Resolves just after the next frame has been produced. */
  const nextFrame = (): Promise<number> =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        frameWaiters.push(resolve);
        channel.port2.postMessage(0);
      });
    });

  const probe: BenchProbe = {
    marks: {},
    phase: 'load',
    recordingKeys: false,
    keys: [],
    messages: [],
    longFrames: [],
    remoteSelector: null,
    nextFrame,
    scrollToRow,
    scrollToElement,
    caretToEnd,
    textOf,
    keysSettled,
  };
  Object.defineProperty(window, '__bench', { value: probe, enumerable: false });

  // ---------------------------------------------------------------- helpers the benchmark calls
  const PLACE = 0.2;
  function placed(element: Element, box: DOMRect): boolean {
    const rect = element.getBoundingClientRect();
    return Math.abs(rect.top - (box.top + box.height * PLACE)) < 24;
  }
  async function scrollToRow(index: number): Promise<boolean> {
    const scroller = document.querySelector<HTMLElement>('[data-testid="segment-scroller"]');
    if (!scroller) return false;
    let stable = 0;
    for (let attempt = 0; attempt < 60; attempt++) {
      const row = document.querySelector(`[data-testid="segment-row"][data-index="${index}"]`);
      const box = scroller.getBoundingClientRect();
      if (row) {
        if (placed(row, box)) {
          if (++stable >= 3) return true;
        } else {
          stable = 0;
          scroller.scrollTop += row.getBoundingClientRect().top - (box.top + box.height * PLACE);
        }
      } else {
        stable = 0;
        const rows = [...document.querySelectorAll<HTMLElement>('[data-testid="segment-row"]')];
        if (rows.length > 0) {
          const indexes = rows.map((element) => Number(element.dataset.index));
          const middle = (Math.min(...indexes) + Math.max(...indexes)) / 2;
          const height = rows.reduce((sum, element) => sum + element.offsetHeight, 0) / rows.length;
          scroller.scrollTop += (index - middle) * height;
        }
      }
      await nextFrame();
      await nextFrame();
    }
    return false;
  }
  async function scrollToElement(selector: string): Promise<boolean> {
    let stable = 0;
    for (let attempt = 0; attempt < 30; attempt++) {
      const element = document.querySelector(selector);
      if (!element) return false;
      const box = new DOMRect(0, 0, innerWidth, innerHeight);
      if (placed(element, box)) {
        if (++stable >= 3) return true;
      } else {
        stable = 0;
        scrollBy(0, element.getBoundingClientRect().top - innerHeight * PLACE);
      }
      await nextFrame();
      await nextFrame();
    }
    return false;
  }
  function lastText(element: Element): Text | null {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement?.closest('.remote-caret')) last = node as Text;
    }
    return last;
  }
  function caretToEnd(selector: string): number {
    const element = document.querySelector(selector);
    const text = element && lastText(element);
    if (!text) return -1;
    getSelection()?.collapse(text, text.length);
    return (element.textContent ?? '').length;
  }
  function textOf(selector: string): string | null {
    const element = document.querySelector(selector);
    if (!element) return null;
    const copy = element.cloneNode(true) as Element;
    copy.querySelectorAll('.remote-caret').forEach((caret) => caret.remove());
    return copy.textContent;
  }
  async function keysSettled(timeoutMs: number): Promise<boolean> {
    const until = now() + timeoutMs;
    while (now() < until) {
      if (probe.keys.every((key) => !Number.isNaN(key.frame))) return true;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return false;
  }

  // ---------------------------------------------------------------- first usable
  const EDITABLE = '[data-testid="target-editor"][contenteditable="true"]';
  const load = new MutationObserver(() => {
    if (probe.marks.firstText !== undefined) return;
    const editables = document.querySelectorAll(EDITABLE);
    if (editables.length === 0) return;
    probe.marks.editorPresent ??= now();
    for (const element of editables) {
      if ((element.textContent ?? '').length > 0) {
        probe.marks.firstText = now();
        load.disconnect();
        void nextFrame().then((at) => (probe.marks.usable = at));
        return;
      }
    }
  });
  load.observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['contenteditable'] });

  // ---------------------------------------------------------------- keystrokes
  let current: KeySample | null = null;
  addEventListener(
    'keydown',
    (event) => {
      if (!probe.recordingKeys) return;
      current = { key: event.key, down: event.timeStamp, handled: Number.NaN, frame: Number.NaN };
      probe.keys.push(current);
    },
    { capture: true },
  );
  addEventListener(
    'input',
    () => {
      const sample = current;
      if (!sample || !Number.isNaN(sample.handled)) return;
      current = null;
      queueMicrotask(() => {
        sample.handled = now();
        void nextFrame().then((at) => (sample.frame = at));
      });
    },
    { capture: true },
  );

  // ---------------------------------------------------------------- remote updates
  let observed: Element | null = null;
  const remote = new MutationObserver(() => undefined);
  const remoteElement = (): Element | null => {
    if (!probe.remoteSelector) return null;
    if (observed?.isConnected && observed.matches(probe.remoteSelector)) return observed;
    remote.disconnect();
    observed = document.querySelector(probe.remoteSelector);
    if (observed) remote.observe(observed, { childList: true, subtree: true, characterData: true, attributes: true });
    return observed;
  };

  const wrapped = new WeakMap<object, (event: MessageEvent) => unknown>();
  const wrap = (socket: WebSocket, handler: (this: WebSocket, event: MessageEvent) => unknown) => {
    let wrapper = wrapped.get(handler);
    if (wrapper) return wrapper;
    wrapper = function (this: WebSocket, event: MessageEvent) {
      const element = remoteElement();
      remote.takeRecords();
      const start = now();
      try {
        return handler.call(this ?? socket, event);
      } finally {
        const end = now();
        const changed = element !== null && remote.takeRecords().length > 0;
        const data = event.data as unknown;
        const sample: MessageSample = {
          wait: start - event.timeStamp,
          sync: end - start,
          micro: Number.NaN,
          bytes: data instanceof ArrayBuffer ? data.byteLength : typeof data === 'string' ? data.length : data instanceof Blob ? data.size : 0,
          changed,
          at: start,
          phase: probe.phase,
        };
        probe.messages.push(sample);
        // Queued after whatever the handler queued; two more hops cover what those queue in turn (React's sync re-render).
        queueMicrotask(() => queueMicrotask(() => queueMicrotask(() => (sample.micro = now() - start))));
      }
    };
    wrapped.set(handler, wrapper);
    return wrapper;
  };

  const NativeWebSocket = WebSocket;
  const onmessage = Object.getOwnPropertyDescriptor(NativeWebSocket.prototype, 'onmessage')!;
  Object.defineProperty(NativeWebSocket.prototype, 'onmessage', {
    configurable: true,
    enumerable: onmessage.enumerable ?? true,
    get(this: WebSocket) {
      return onmessage.get!.call(this);
    },
    set(this: WebSocket, handler: ((this: WebSocket, event: MessageEvent) => unknown) | null) {
      onmessage.set!.call(this, typeof handler === 'function' ? wrap(this, handler) : handler);
    },
  });
  const addListener = NativeWebSocket.prototype.addEventListener;
  NativeWebSocket.prototype.addEventListener = function (this: WebSocket, type: string, listener: unknown, options?: unknown) {
    if (type === 'message' && typeof listener === 'function') listener = wrap(this, listener as (event: MessageEvent) => unknown);
    return addListener.call(this, type, listener as EventListener, options as AddEventListenerOptions);
  } as typeof addListener;
  const removeListener = NativeWebSocket.prototype.removeEventListener;
  NativeWebSocket.prototype.removeEventListener = function (this: WebSocket, type: string, listener: unknown, options?: unknown) {
    if (type === 'message' && typeof listener === 'function') listener = wrapped.get(listener) ?? listener;
    return removeListener.call(this, type, listener as EventListener, options as EventListenerOptions);
  } as typeof removeListener;

  // When the page opened its websocket, and when it was open.
  class TimedWebSocket extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      probe.marks.wsCreated ??= now();
      addListener.call(this, 'open', () => (probe.marks.wsOpen ??= now()));
    }
  }
  window.WebSocket = TimedWebSocket;

  // ---------------------------------------------------------------- long animation frames
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        const frame = entry as PerformanceEntry & {
          blockingDuration?: number;
          scripts?: { invoker?: string; sourceURL?: string; sourceFunctionName?: string; duration: number }[];
        };
        probe.longFrames.push({
          at: frame.startTime,
          duration: frame.duration,
          blocking: frame.blockingDuration ?? 0,
          phase: probe.phase,
          scripts: (frame.scripts ?? []).map((script) => ({
            invoker: script.invoker ?? '',
            source: (script.sourceURL ?? '').replace(/^.*\//, ''),
            fn: script.sourceFunctionName ?? '',
            duration: script.duration,
          })),
        });
      }
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {
    // Not supported: no diagnosis, the figures are unaffected.
  }
})();

export {};
