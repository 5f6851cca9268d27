import { connectToHub, hubSocketUrl } from '../client/hubConnection';
import { createHubClock } from '../client/hubClock';
import { runFrameLoop } from '../render/frameLoop';
import { createLiveLook } from '../render/liveLook';
import { createOutputScene } from '../render/outputScene';
import { chooseRenderer } from '../render/rendererChoice';
import type { ShowState } from '../state/showState';
import { parseOutputOptions } from './outputOptions';

/** Test hook: with ?clock=manual the page draws only when told, at exactly the hub time it is given. */
declare global {
  interface Window {
    finishline?: {
      renderer: string;
      rendererReason: string;
      shownRevision(): number | null;
      receivedRevision(): number | null;
      renderAt(t: number): boolean;
      /** Version of the hub's templates drawn now. */
      templatesVersion?(): number;
      /** Every text drawn, with font size and bounds in design pixels. */
      texts?(): { layer: string; text: string; fontSize: number; left: number; top: number; right: number; bottom: number }[];
      /** Graphics on air: layer, kind, instance id. */
      onAir?(): { layer: string; kind: string; id: string }[];
    };
  }
}

async function start() {
  const options = parseOutputOptions(location.search);
  const host = document.getElementById('output')!;
  const choosing = chooseRenderer(options.renderer);
  const clock = createHubClock();
  const look = createLiveLook({ onProblem: (message) => console.error(message) });
  let received: ShowState | null = null; // latest snapshot
  let reconciled: ShowState | null = null; // the snapshot the scene shows
  let drawnRevision: number | null = null; // revision whose frame has been drawn
  let reportedRevision: number | null = null;

  const connection = connectToHub({
    url: hubSocketUrl(location, null),
    events: {
      onSnapshot(state, hubTime) {
        if (received === null && !options.manualClock) clock.setOffset(hubTime - performance.timeOrigin - performance.now());
        received = state;
        look.setTheme(state.theme);
      },
      onTemplates: (templates, version) => look.setLibrary(templates, version),
      onClockOffset: (offset) => clock.setOffset(offset),
      onStatus(status) {
        document.documentElement.dataset.hub = status;
        if (status === 'open') reportedRevision = null; // a restarted hub must hear from us again
      },
      onProblem: (message) => console.error(message),
    },
  });

  // The first frame waits for the hub's templates, the show's theme and its fonts.
  const [choice, templates] = await Promise.all([choosing, look.first()]);
  const scene = await createOutputScene({ host, width: options.width, height: options.height, renderer: choice, templates });

  const report = (fps: number, droppedFrames: number) => {
    if (drawnRevision === null) return;
    reportedRevision = drawnRevision;
    connection.report({
      type: 'rendered',
      revision: drawnRevision,
      renderer: choice.kind,
      requestedRenderer: choice.request,
      rendererReason: choice.reason,
      width: options.width,
      height: options.height,
      fps,
      droppedFrames,
      onAir: scene.onAir(),
      page: 'output',
    });
  };

  // A snapshot takes effect at the next frame drawn, so an enter animation starts exactly on that frame.
  const draw = (t: number) => {
    // A new look (edited templates, another theme) re-lays out what is on air before this frame's snapshot.
    const nextLook = look.take();
    if (nextLook) scene.setTemplates(nextLook, t);
    if (received !== reconciled && received !== null) {
      scene.show(received, t);
      reconciled = received;
    }
    const drew = scene.frame(t);
    if (reconciled) drawnRevision = reconciled.revision;
    return drew;
  };

  window.finishline = {
    renderer: choice.kind,
    rendererReason: choice.reason,
    shownRevision: () => drawnRevision,
    receivedRevision: () => received?.revision ?? null,
    templatesVersion: () => look.version(),
    texts: () => scene.texts(),
    onAir: () => scene.onAir(),
    renderAt(t) {
      const drew = draw(t);
      if (drawnRevision !== reportedRevision) report(0, 0);
      return drew;
    },
  };
  document.documentElement.dataset.renderer = choice.kind;

  if (options.manualClock) return;
  const loop = runFrameLoop(() => {
    draw(clock.now());
    if (drawnRevision !== reportedRevision) report(loop.health().fps, loop.health().droppedFrames);
  });
  setInterval(() => {
    const { fps, droppedFrames } = loop.health();
    report(fps, droppedFrames);
  }, 1000);
}

start().catch((error: Error) => {
  // A broken output must say why on screen for the engineer, and on the console for logs.
  console.error(error);
  const message = document.createElement('pre');
  message.className = 'fatal';
  message.textContent = `Output could not start: ${error.message}`;
  document.body.appendChild(message);
});
