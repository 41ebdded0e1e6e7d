/**
 * No cycles between folders (`npm run check:boundaries`, after the module
 * rules of .dependency-cruiser.cjs): folders depend on each other in one
 * direction only, or they are one concept in two places.
 *
 * dependency-cruiser counts a folder's subfolders in (client/editor holds
 * client/editor/row), and a dependency points at the folder that directly
 * holds the imported file. So once anything under client/editor/ imports
 * client/media, nothing in client/media may import a file directly in
 * client/editor/. A subfolder using the files of the folder above it is no
 * folder cycle (the folder holds both); a file cycle between them still is.
 *
 * Tests are left out: a folder's tests may use the test helpers (shared/testing,
 * server/testing) that are built on that very folder. That is not a loop in the
 * code that runs. A rule with `scope: 'folder'` matches folders, not files,
 * so leaving them out takes a cruise of its own, hence this second config.
 */
const { options } = require('./.dependency-cruiser.cjs');

/** Test files, as in .dependency-cruiser.cjs. */
const TESTS = '\\.test\\.[cm]?[jt]sx?$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment: 'Two folders that import each other (directly or around a loop): a concept sits in the wrong one.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    ...options,
    exclude: { path: [options.exclude.path, TESTS] },
  },
};
