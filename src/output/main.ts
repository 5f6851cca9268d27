import { openEarlySocket } from '../client/earlySocket';
import { hubSocketUrl } from '../client/hubSocketUrl';
import { createFontHint } from './earlyFonts';
import { showFatal } from './showFatal';

// The output page's entry is kept tiny: it opens the socket to the hub and starts the show's fonts at once,
// then loads the page itself (zod, the scene, Pixi: modulepreloaded by output.html, so already downloading).
// The hub's templates and first snapshot wait on the socket until the page takes it over.
performance.mark('finishline:entry');
const early = openEarlySocket(hubSocketUrl(location, null, { name: new URLSearchParams(location.search).get('name') ?? '' }), createFontHint());
import('./outputPage')
  .then(({ startOutput }) => startOutput(early))
  .catch((error: Error) => {
    if (!early.adopted) early.socket.close();
    showFatal('Output')(error);
  });
