/**
 * The editor benchmark's baseline page: one plain ProseMirror view (Duet's
 * schema, baseKeymap, no Yjs) holding the article's English targets as N
 * paragraphs, with the Chinese sources as static HTML in a column beside it
 * (rows not aligned), as design A of the research note. Remote edits arrive
 * over a websocket from the benchmark and are applied as one ProseMirror
 * transaction each, the equivalent of a peer's one-character insert.
 */
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { keymap } from 'prosemirror-keymap';
import { baseKeymap } from 'prosemirror-commands';
import { schema } from '../../../shared/schema/schema';

interface BenchData {
  sources: string[];
  targets: string[];
}

interface RemoteEdit {
  /** Paragraph to append to. */
  index: number;
  text: string;
}

async function main(): Promise<void> {
  const response = await fetch('/data.json', { cache: 'no-store' });
  const data = (await response.json()) as BenchData;

  const sources = document.querySelector('[data-testid="sources"]')!;
  const fragment = document.createDocumentFragment();
  for (const text of data.sources) {
    const paragraph = document.createElement('p');
    paragraph.textContent = text;
    fragment.append(paragraph);
  }
  sources.append(fragment);

  const paragraph = schema.nodes.paragraph!;
  const doc = schema.node(
    'doc',
    null,
    data.targets.map((text) => paragraph.create(null, text ? schema.text(text) : null)),
  );
  const view = new EditorView(document.querySelector('#editor')!, {
    state: EditorState.create({ schema, doc, plugins: [keymap(baseKeymap)] }),
    attributes: { lang: 'en', spellcheck: 'true', class: 'side-editor', 'data-testid': 'target-editor' },
  });

  const socket = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/remote`);
  socket.onmessage = (event) => {
    const edit = JSON.parse(event.data as string) as RemoteEdit;
    const { doc } = view.state;
    if (edit.index >= doc.childCount) return;
    let end = 0;
    for (let i = 0; i <= edit.index; i++) end += doc.child(i).nodeSize;
    // The end of paragraph `index`: inside it, before its closing token.
    view.dispatch(view.state.tr.insertText(edit.text, end - 1).setMeta('addToHistory', false));
  };
}

void main();
