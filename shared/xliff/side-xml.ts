/**
 * A whole side as the content of `<source>` or `<target>`: each run of text
 * with its inline codes, runs separated by block-boundary codes.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { sha256 } from '../article/sha256';
import { encodeUtf8 } from 'lib0/string';
import { toBase64 } from 'lib0/buffer';
import { runsOf, shapeOf, writeShapes } from './block-shapes';
import { blockBreak, CodeIds, writeInline } from './inline-codes';

export function writeSideContent(side: PMNode, ids: CodeIds): string {
  return runsOf(side)
    .map((run, index) => (index === 0 ? '' : blockBreak(ids)) + writeInline(run, ids))
    .join('');
}

/**
 * A fingerprint of a side as XLIFF carries it (text, codes, blocks). Export
 * writes the target's as `duet:target-hash`; import compares against it to
 * tell what the other tool changed from what changed in Duet meanwhile.
 */
export function sideFingerprint(side: PMNode): string {
  const text = `${writeSideContent(side, new CodeIds())}\n${writeShapes('blocks', shapeOf(side), '')}`;
  return toBase64(sha256(encodeUtf8(text)));
}
