import type { EarlySocket } from '../client/earlySocket';
import { connectToHub, hubSocketUrl } from '../client/hubConnection';
import { createHubList } from '../client/hubList';
import { createHubClock } from '../client/hubClock';
import { runFrameLoop } from '../render/frameLoop';
import { formatName, frameAlignedTime } from '../core/index';
import { createLiveLook, lazyText } from '../render/liveLook';
import { charactersOf } from '../render/loadFonts';
import type { AssetLoader } from '../render/assetLoader';
import type { DrawnText, imagesOnAir, SceneResources } from '../render/outputScene';
import type { FrameHealth } from '../render/frameStats';
import type { ShowState } from '../state/showState';
import { parseOutputOptions } from './outputOptions';
import { choiceWithoutProbe, webglRendererName } from '../render/rendererDetect';
import { createWarmCanvases } from '../render/warmCanvases';

/**
 * A revision's first frame: its hub time, the page clock (performance.now) when its snapshot arrived from the
 * socket and when it had been read (parsed and checked), right after drawing it, and the start of the next frame.
 */
type DrawnAt = { t: number; arrived: number | null; received: number | null; at: number; nextFrame: number | null };

/** Test hook: with ?clock=manual the page draws only when told, at exactly the hub time it is given. */
declare global {
  interface Window {
    finishline?: {
      renderer: string;
      rendererReason: string;
      shownRevision(): number | null;
      receivedRevision(): number | null;
      renderAt(t: number): boolean;
      /** True while a graphic waits for its images (flags); it enters on the first frame drawn after. */
      assetsPending(): boolean;
      /** Marks every layer to be redrawn at the next frame (benchmarks price a full redraw with it). */
      invalidate?(): void;
      /** Version of the hub's templates drawn now. */
      templatesVersion?(): number;
      /** Every text drawn, with its font and bounds in design pixels. */
      texts?(): DrawnText[];
      /** The gallery: draws t as a page loaded at t would (what is on air then shown at once, its enter not built). */
      renderInstantlyAt?(t: number): boolean;
      /**
       * The gallery's one-sample page: plays another sample of a kind on its layer from the start (its images
       * loaded), as a page opened on it would; refused for a kind on another layer.
       */
      loadSample?(kind: string, sample: string): Promise<void>;
      /** Graphics on air: layer, kind, instance id. */
      onAir?(): { layer: string; kind: string; id: string }[];
      /** What the scene holds (display objects, textures, animations): soak benchmarks and leak tests count them. */
      resources?(): SceneResources;
      /** When a revision was first drawn (benchmarks): see DrawnAt. */
      drawnAt?(revision: number): DrawnAt | null;
    };
  }
}

/** The output page, once its modules are in: `early` is the socket the entry opened (see main.ts). */
export async function startOutput(early: EarlySocket) {
  markOnce('page');
  // Pixi's chunk loads alongside the socket, the first snapshot and the fonts, not before them.
  const drawing = import('./outputDrawing');
  void drawing.then(() => markOnce('pixi'));
  const options = parseOutputOptions(location.search);
  const host = document.getElementById('output')!;
  const { width, height, fps, mode, alpha } = options;
  // Known at once for a canvas request, and for `auto` on software WebGL (this kind of machine, CasparCG): then
  // the layers' canvases are made while Pixi loads (warmLayers below). Only a WebGL probe needs Pixi.
  const gpu = options.renderer === 'auto' ? webglRendererName() : null;
  const known = choiceWithoutProbe(options.renderer, gpu);
  const choosing = known ? Promise.resolve(known) : drawing.then(({ chooseRenderer }) => chooseRenderer(options.renderer, gpu));
  void choosing.then(() => markOnce('renderer'));
  const clock = createHubClock();
  // A font file that did not arrive because the hub went (a restart while the page loaded) would leave the page
  // drawing a fallback font for good (a failed face never loads again): the page loads again once the hub is back.
  // Only then: a file missing from a hub that stays up must not reload the page over and over.
  let fontsFailed = false;
  let hubWent = false;
  const reloadIfHubWent = () => {
    if (fontsFailed && hubWent) window.reloadWhenHubAnswers?.();
  };
  const look = createLiveLook({
    onProblem: (message) => console.error(message),
    onFontsFailed() {
      fontsFailed = true;
      reloadIfHubWent();
    },
    byShowText: !options.manualClock,
  });
  // Images (flags) load from the first snapshot on (or from Pixi's arrival), alongside the fonts and the renderer.
  let assets: { loader: AssetLoader; imagesOnAir: typeof imagesOnAir } | null = null;
  const assetsReady = drawing.then(({ createAssetLoader, imagesOnAir, sceneScale }) => {
    assets = { loader: createAssetLoader(sceneScale(width, height)), imagesOnAir };
    if (received) assets.loader.ready(imagesOnAir(received));
    return assets.loader;
  });
  let received: ShowState | null = null; // latest snapshot
  let receivedText: () => string = () => ''; // its characters, scanned at most once
  let reconciled: ShowState | null = null; // the snapshot the scene shows
  let drawnRevision: number | null = null; // revision whose frame has been drawn
  let reportedRevision: number | null = null;
  const drawn = boundedLog<number, DrawnAt>();
  const receivedAt = boundedLog<number, { arrived: number; read: number }>();
  let prebuild: ((show: ShowState) => void) | null = null; // once the scene is up
  let onAirMarked = false;
  let restRequested = false;
  let drawAhead: ((arrived: number) => void) | null = null; // once the frame loop runs

  // The canvases of the layers on air, made while Pixi loads (canvas renderer): see warmCanvases.ts.
  const warmCanvases = known?.kind === 'canvas' ? createWarmCanvases() : null;
  const warmLayers = () => {
    const library = look.library();
    if (library && received) warmCanvases?.warmOnAir(library, received, width, height);
  };

  let name = options.name;
  const hubs = createHubList(location.host, new URLSearchParams(location.search).get('hubs'));
  const connection = connectToHub({
    early,
    // Read at every (re)connect, so a name given in the panel is kept when the hub restarts.
    url: () => hubSocketUrl(location, null, { name }, hubs.current()),
    hubs,
    // Reading a mass race's show and checking it in separate tasks lets a frame be drawn between them.
    deferSnapshots: true,
    events: {
      onNamed(given) {
        name = given;
        // The page's own URL carries it too, so a reload keeps it.
        const url = new URL(location.href);
        url.searchParams.set('name', given);
        history.replaceState(history.state, '', url);
      },
      onSnapshot(state, hubTime, arrived) {
        markOnce('snapshot');
        receivedAt.set(state.revision, { arrived, read: performance.now() }, DRAWN_KEPT);
        if (received === null && !options.manualClock) clock.setOffset(hubTime - performance.timeOrigin - performance.now());
        received = state;
        // A manual clock draws exactly when told, so it cannot hold a snapshot back: it waits for every font first.
        receivedText = lazyText(() => charactersOf(state));
        // The show's characters (a scan of the whole snapshot) are read only while its theme's fonts are still loading.
        look.setTheme(state.theme, options.manualClock ? undefined : receivedText);
        assets?.loader.ready(assets.imagesOnAir(state));
        if (look.covers(receivedText)) prebuild?.(state);
        drawAhead?.(arrived);
        warmLayers();
      },
      onTemplates(templates, version) {
        markOnce('templates');
        look.setLibrary(templates, version);
        warmLayers();
      },
      onClockOffset: (offset) => clock.setOffset(offset),
      onStatus(status, _role, hub) {
        document.documentElement.dataset.hub = status;
        if (status === 'closed') {
          hubWent = true;
          reloadIfHubWent();
        }
        if (status === 'open') document.documentElement.dataset.hubName = hub ?? hubs.current();
        if (status === 'open') markOnce('socket');
        if (status === 'open') reportedRevision = null; // a restarted hub must hear from us again
      },
      onProblem: (message) => console.error(message),
    },
  });

  // The first frame waits for the hub's templates, the show's theme and its fonts.
  const [{ answerWebglPrecisionWithoutWebgl, createOutputScene, createPresentation, createSafeAreaGuides }, choice, templates, loader] = await Promise.all([drawing, choosing, look.first(), assetsReady]);
  markOnce('look');
  if (choice.kind === 'canvas') answerWebglPrecisionWithoutWebgl();
  const presentation = createPresentation(host, { width, height, mode, alpha });
  const scene = await createOutputScene({ host, width, height, fps, renderer: choice, templates, presentation, assets: loader, ...(warmCanvases ? { warmCanvases } : {}) });
  markOnce('scene');
  prebuild = (show) => scene.prebuild(show);
  if (options.guides) presentation.overlay(() => createSafeAreaGuides({ width, height }));

  const idle: FrameHealth = { fps: 0, droppedFrames: 0, intervals: null };
  const report = (health: FrameHealth) => {
    if (drawnRevision === null) return;
    reportedRevision = drawnRevision;
    connection.report({
      type: 'rendered',
      revision: drawnRevision,
      renderer: choice.kind,
      requestedRenderer: choice.request,
      rendererReason: choice.reason,
      width,
      height,
      fps: health.fps,
      droppedFrames: health.droppedFrames,
      mode,
      alpha,
      targetFps: fps,
      format: formatName({ width, height, fps }),
      frameIntervalMs: health.intervals,
      onAir: scene.onAir(),
      page: 'output',
    });
  };

  // A snapshot that a task of its own puts into the scene (see reconcileAhead): frames leave it to that task.
  let heldForTask: ShowState | null = null;
  // The latest snapshot into the scene, its changes starting at `startAt`. Until every font file is in, a snapshot
  // waits (a frame or two) for the subsets its characters need.
  const reconcile = (startAt: number) => {
    const next = received;
    if (next !== reconciled && next !== null && look.covers(receivedText)) {
      scene.show(next, startAt);
      reconciled = next;
    }
  };

  // A snapshot takes effect at the next frame drawn, so an enter animation starts exactly on that frame.
  // Every frame is drawn at the start time of the output frame it falls in (29.97 is exactly 30000/1001):
  // animations are timed in seconds the same at every rate, and clocks change on frame boundaries.
  // `startAt`: when the changes of a snapshot first drawn in this frame start (enters, updates, exits); t unless live.
  const draw = (t: number, startAt = t) => {
    // A new look (edited templates, another theme) re-lays out what is on air before this frame's snapshot.
    const nextLook = look.take();
    if (nextLook) scene.setTemplates(nextLook, t);
    if (received !== heldForTask) reconcile(startAt);
    const drew = scene.frame(t);
    // The rest of the theme's font files start loading once this frame is on its way, not inside it (asking
    // for every face takes the main thread a while, which would hold back the first frame's commit).
    if (!restRequested) {
      restRequested = true;
      setTimeout(() => look.loadRest(), 0);
    }
    if (reconciled && reconciled.revision !== drawnRevision) {
      const times = receivedAt.get(reconciled.revision);
      const entry: DrawnAt = { t, arrived: times?.arrived ?? null, received: times?.read ?? null, at: performance.now(), nextFrame: null };
      drawn.set(reconciled.revision, entry, DRAWN_KEPT);
      // The frame drawn here reaches the screen at the next vsync: the next frame's start time.
      requestAnimationFrame((next) => (entry.nextFrame = next));
    }
    if (reconciled) drawnRevision = reconciled.revision;
    // Cold start ends on the first frame showing everything the snapshot has on air (images loaded).
    if (reconciled && !onAirMarked && scene.onAir().length === Object.values(reconciled.onAir).filter(Boolean).length) {
      onAirMarked = true;
      markOnce('on-air');
    }
    return drew;
  };

  window.finishline = {
    drawnAt: (revision) => drawn.get(revision) ?? null,
    renderer: choice.kind,
    rendererReason: choice.reason,
    shownRevision: () => drawnRevision,
    receivedRevision: () => received?.revision ?? null,
    assetsPending: () => scene.assetsPending(),
    renderAt(t) {
      const drew = draw(frameAlignedTime(t, fps));
      if (drawnRevision !== reportedRevision) report(idle);
      return drew;
    },
    invalidate: () => scene.invalidate(),
    templatesVersion: () => look.version(),
    texts: () => scene.texts(),
    onAir: () => scene.onAir(),
    resources: () => scene.resources(),
  };
  Object.assign(document.documentElement.dataset, { renderer: choice.kind, mode, alpha, format: formatName({ width, height, fps }) });

  if (options.manualClock) return;
  let liveT = Number.NEGATIVE_INFINITY; // the last output frame drawn live
  /**
   * The output frame showing a display frame that starts at `pageTime` (performance.now's clock). Never one
   * before the last drawn, so a frame drawn ahead (below) is not undone by the display frame it was drawn for.
   */
  const frameFor = (pageTime: number) => Math.max(liveT, frameAlignedTime(clock.now() + pageTime - performance.now(), fps));
  // Live, a snapshot's changes start one output frame before the first frame that draws them: the first frame
  // of an enter, update or exit is the state the screen already shows (an enter's is empty), so the first frame
  // drawn for a take is its first visible one, a frame sooner. Tests (a manual clock) start them at t.
  const changesStartFor = (t: number) => frameAlignedTime(t - 1, fps);
  const drawLive = (pageTime: number) => {
    const t = (liveT = frameFor(pageTime));
    draw(t, changesStartFor(t));
    if (drawnRevision !== reportedRevision) report(loop.health());
  };
  const loop = runFrameLoop(drawLive, fps);
  // On a page at rest (nothing animating), a snapshot read quickly (most shows) is drawn as soon as it is read, in
  // the same task, as the frame of the next display frame: that frame then has nothing left to draw and is committed
  // at once, instead of a take waiting for the frame to start and then for its drawing. Frames stay on output frame
  // boundaries. At most once per display frame: more snapshots in the same frame (a flood) wait for the frame, as
  // they do while something animates (every frame is drawn anyway).
  let drawnAheadFor: number | null = null;
  const drawAheadNow = () => {
    const frame = loop.nextFrameAt(performance.now());
    if (scene.isAnimating() || frame === drawnAheadFor) return;
    drawnAheadFor = frame;
    drawLive(frame);
  };
  // A snapshot that took a while to read (or waited in a busy page) is drawn the same way, in a task of its own so a
  // display frame can come between. If it also updates a graphic on air (a mass race's: ~10 ms to check, then a
  // leaderboard's new rows ~10 ms to build) it is put into the scene in a task right after the next frame, for the
  // frame after it, which then only draws it: reading, building and drawing each get a display frame between them
  // instead of making one frame late. A take keeps the quicker path (its graphic is built as it arrives). Not with a
  // new look to apply first: that goes in with a frame.
  const reconcileAhead = inTask(() => {
    heldForTask = null;
    if (look.changed()) return;
    reconcile(changesStartFor(frameFor(loop.nextFrameAt(performance.now()))));
  });
  const drawAheadInTask = inTask(drawAheadNow);
  drawAhead = (arrived) => {
    if (performance.now() - arrived < QUICK_READ_MS) return drawAheadNow();
    if (!received || !scene.updates(received)) return drawAheadInTask();
    heldForTask = received;
    requestAnimationFrame(reconcileAhead);
  };
  // The first snapshot, read while the scene was being made, is drawn in the next task, not at the next display
  // frame's start (a cold start's first frame would otherwise wait for it too).
  if (received) drawAheadInTask();
  setInterval(() => report(loop.health()), 1000);
}

/** A function that runs `work` in a task of its own, soon (a message to itself: no timer's minimum delay). */
function inTask(work: () => void): () => void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => work();
  return () => channel.port2.postMessage(null);
}

/**
 * Cold start, step by step (bench:timing prints them): entry module running, Pixi's chunk evaluated, renderer
 * chosen, socket open, templates and first snapshot received, then look (fonts in), scene and on-air below.
 */
export function markOnce(step: string) {
  const name = `finishline:${step}`;
  if (performance.getEntriesByName(name).length === 0) performance.mark(name);
}

/** A snapshot read (parsed and checked) within this long of its arrival is drawn in the same task: a quarter of a 60 Hz frame. */
const QUICK_READ_MS = 4;

/** The last DRAWN_KEPT revisions drawn (a benchmark reads when each was). */
const DRAWN_KEPT = 64;
function boundedLog<K, V>() {
  const entries = new Map<K, V>();
  return {
    get: (key: K) => entries.get(key),
    set(key: K, value: V, kept: number) {
      entries.set(key, value);
      if (entries.size > kept) entries.delete(entries.keys().next().value as K);
    },
  };
}
