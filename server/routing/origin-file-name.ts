/**
 * The name an imported file's units say they came from: its last path part,
 * as a browser or a script may send a whole path (with either slash).
 */
export const originFileName = (fileName: string): string => fileName.split(/[\\/]/).pop() || fileName;
