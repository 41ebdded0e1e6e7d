/** Origin of the writes the editor page makes itself (status, structure, metadata), as opposed to typing. */
export const EDITOR_ORIGIN = 'duet:editor';
