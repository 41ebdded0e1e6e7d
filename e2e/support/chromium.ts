/**
 * Which Chromium the stories and the editor benchmark drive, and how it is started.
 * Kept apart from browser.ts (which imports Vitest) so the benchmark can share it.
 */

/** Debian's Chromium: `npx playwright install` cannot download a browser on these machines. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * The omnibox popup features: Chromium 156 builds the address bar's popup as a
 * WebUI page and loads it in a renderer of its own when the browser starts, even
 * headless where there is no address bar — about 400 JavaScript modules and
 * 1.5 s of CPU in the first two seconds (a trace of the benchmark showed it
 * taking a whole core while Duet's page loaded). A person's browser did that
 * when it was started; a test's or a benchmark's fresh browser would do it
 * beside the page under test.
 */
export const WITHOUT_OMNIBOX_POPUP = '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup';

/**
 * Headless, with nothing of Chromium's own that would talk to the network or
 * compete with the page for the two cores.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  WITHOUT_OMNIBOX_POPUP,
];
