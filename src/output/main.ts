import { openEarlySocket } from '../client/earlySocket';
import { hubSocketUrl } from '../client/hubSocketUrl';
import { createFontHint } from './earlyFonts';
import { showFatal } from './showFatal';

// The output page's entry is kept tiny: it opens the socket to the hub and starts the show's fonts at once,
// then loads the page itself (zod, the scene, Pixi: modulepreloaded by output.html, so already downloading).
// The hub's templates and first snapshot wait on the socket until the page takes it over.
performance.mark('finishline:entry');
// zod compiles a fast path per object schema with new Function when the schema is built: worth it in a process
// that parses the same shapes for hours, but this page parses one template set and one show before its first
// frame, and compiling them cost more main thread than all the page's later parses save (about a third of a
// cold start, profiled under bench:timing). zod reads its config from this global (it is how copies of zod
// share it), and only when a schema is built, so it is set here, before the page's modules are evaluated.
(globalThis as { __zod_globalConfig?: { jitless?: boolean } }).__zod_globalConfig = { jitless: true };
const early = openEarlySocket(hubSocketUrl(location, null, { name: new URLSearchParams(location.search).get('name') ?? '' }), createFontHint());
import('./outputPage')
  .then(({ startOutput }) => startOutput(early))
  .then(() => {
    // Running: from now on a module that does not arrive does not reload the page (output.html).
    if (window.reloadWhenHubAnswers) window.reloadWhenHubAnswers.started = true;
  })
  .catch((error: Error) => {
    if (!early.adopted) early.socket.close();
    // A module that did not arrive (the hub went while the page loaded) is not the page's fault: it loads again
    // once the hub is back (output.html), with nothing on screen meanwhile, rather than a message on air.
    if (window.reloadWhenHubAnswers?.waiting || MODULE_NOT_LOADED.test(error.message)) return void window.reloadWhenHubAnswers?.();
    showFatal('Output')(error);
  });

/** How Chromium, Firefox and Safari say a module's file could not be fetched. */
const MODULE_NOT_LOADED = /dynamically imported module|Importing a module script failed/;

declare global {
  interface Window {
    /** output.html's: loads the page again once the hub answers (set while it waits). */
    reloadWhenHubAnswers?: (() => void) & { waiting?: boolean; started?: boolean };
  }
}
