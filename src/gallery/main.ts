import { connectToHub, hubSocketUrl } from '../client/hubConnection';
import type { GraphicSample } from '../graphics/graphicSample';
import { graphicSamples } from '../graphics/graphicSamples';
import { contractOf } from '../protocol/graphicSpec';
import { DEFAULT_THEME, type TemplateLibrary, type TemplateProblem } from '../protocol/templates/templateSet';
import { createLiveLook } from '../render/liveLook';
import { createOutputScene, DESIGN_HEIGHT, DESIGN_WIDTH } from '../render/outputScene';
import { chooseRenderer, parseRendererRequest } from '../render/rendererChoice';
import { createSafeAreaGuides } from '../render/safeAreaGuides';
import { createDesignerControls } from './designerControls';
import { STORY, storyPhases } from './storyboard';
import { createStoryPlayer } from './storyPlayer';

/**
 * Every graphic's samples through their life on air (take at 1 s, update at 4 s, clear at 7 s), drawn with
 * the hub's live templates: an edited template shows here at once.
 * - `gallery.html` — for designers: pick a sample, scrub or play the timeline, jump to a phase, switch theme
 *   and renderer, show safe areas over a checkerboard.
 * - `gallery.html?kind=nameCard&sample=commentator&renderer=canvas&theme=night` — one sample, full frame, on
 *   a manual clock: time moves only on window.finishline.renderAt(t), so a frame at t is exact (golden images).
 */
async function start() {
  const params = new URLSearchParams(location.search);
  const designer = params.get('kind') === null;
  const firstKind = params.get('kind') ?? Object.keys(graphicSamples)[0]!;
  const firstSample = findSample(firstKind, params.get('sample'));

  const themeName = params.get('theme') ?? DEFAULT_THEME;
  const look = createLiveLook({ onProblem: (message) => console.error(message) });
  look.setTheme(themeName);
  // The hub sends the problems as the page connects, before the controls exist: keep the latest to show then.
  let problems: TemplateProblem[] = [];
  let onProblems: (latest: TemplateProblem[]) => void = (latest) => (problems = latest);
  connectToHub({
    url: hubSocketUrl(location, null),
    events: {
      onSnapshot() {}, // the gallery plays its own storyboards, not the show
      onTemplates: (templates, version) => look.setLibrary(templates, version),
      onTemplateProblems: (problems) => onProblems(problems),
      onProblem: (message) => console.error(message),
    },
  });
  const request = parseRendererRequest(params.get('renderer'));
  const [choice, templates] = await Promise.all([chooseRenderer(request), look.first()]);
  const themes = Object.keys(look.library()?.themes ?? {});
  if (!themes.includes(themeName)) throw new Error(`No theme "${themeName}"; themes: ${themes.join(', ')}`);

  const host = document.getElementById('output')!;
  const width = designer ? stageWidth() : DESIGN_WIDTH;
  const height = Math.round((width * DESIGN_HEIGHT) / DESIGN_WIDTH);
  // One sample's page draws on its sample's layer only: a renderer per layer is most of a page's start on WebGL
  // (each compiles its shaders), and a designer's page, which may pick any kind, has them all.
  const layers = designer ? undefined : [contractOf(firstSample.graphic.kind).layer];
  const scene = await createOutputScene({ host, width, height, renderer: choice, templates, ...(layers ? { layers } : {}) });
  const player = createStoryPlayer(scene, firstSample);
  // Images (flags) are loaded up front, so each step shows at exactly its time, as the golden images expect.
  await player.preload();

  /** Draws time t with the latest look: a changed template replays the storyboard to t with it. */
  const renderAt = (t: number) => {
    const next = look.take();
    if (next) {
      scene.setTemplates(next, t);
      player.restart();
    }
    return player.renderAt(t);
  };

  window.finishline = {
    renderer: choice.kind,
    rendererReason: choice.reason,
    shownRevision: () => player.shownRevision(),
    receivedRevision: () => player.shownRevision(),
    renderAt,
    renderInstantlyAt: (t) => player.renderInstantlyAt(t),
    ...(layers
      ? {
          async loadSample(kind: string, name: string) {
            const picked = findSample(kind, name);
            const layer = contractOf(picked.graphic.kind).layer;
            if (layer !== layers[0]) throw new Error(`This page draws only the ${layers[0]} layer; ${kind} is drawn on the ${layer} layer: open gallery.html?kind=${kind}`);
            player.load(picked);
            await player.preload();
          },
        }
      : {}),
    templatesVersion: () => look.version(),
    texts: () => scene.texts(),
    onAir: () => scene.onAir(),
    assetsPending: () => scene.assetsPending(),
  };
  if (!designer) return;

  // Designer mode: controls around the stage, drawn every display frame.
  document.body.classList.add('designer');
  const guides = createSafeAreaGuides({ width, height });
  host.append(guides);
  let t = STORY.update - 500;
  let playing = false;
  let last = performance.now();
  let sample: { kind: string; sample: GraphicSample } = { kind: firstKind, sample: firstSample };
  const controls = createDesignerControls(document.body, graphicSamples, {
    pick(kind, picked) {
      sample = { kind, sample: picked };
      player.load(picked);
      void player.preload();
      controls.showPick(kind, picked.name);
      controls.showPhases(storyPhases(look.library()!.themes[look.themeName() ?? themeName]!.timing), Boolean(picked.update || picked.updateShow));
    },
    seek: (to) => (t = to),
    setPlaying: (on) => (playing = on),
    setTheme(name) {
      look.setTheme(name);
      params.set('theme', name);
      history.replaceState(null, '', `?${params}`);
    },
    setRenderer(renderer) {
      params.set('renderer', renderer);
      location.search = `?${params}`;
    },
    setGuides: (visible) => (guides.style.display = visible ? 'block' : 'none'),
    setCheckerboard: (visible) => host.classList.toggle('checkerboard', visible),
  });
  onProblems = (latest) => controls.showProblems(latest);
  controls.showProblems(problems);
  host.classList.add('checkerboard');
  controls.showRenderer(request);
  controls.showPick(sample.kind, sample.sample.name);
  controls.showPhases(storyPhases(templates.theme.timing), Boolean(sample.sample.update || sample.sample.updateShow));
  let listed: TemplateLibrary | null = null;
  const loop = (now: number) => {
    if (playing) t = (t + now - last) % STORY.end;
    last = now;
    if (look.library() !== listed) {
      listed = look.library();
      controls.showThemes(Object.keys(listed?.themes ?? {}), look.themeName() ?? themeName);
    }
    renderAt(t);
    controls.showTime(t);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}

/** A kind's sample by name (its first when null), or an error naming what there is. */
function findSample(kind: string, name: string | null): GraphicSample {
  const samples = graphicSamples[kind];
  if (!samples) throw new Error(`No samples for graphic kind "${kind}"; kinds: ${Object.keys(graphicSamples).join(', ')}`);
  const sample = samples.find((s) => s.name === (name ?? samples[0]!.name));
  if (!sample) throw new Error(`No sample "${name}" for ${kind}; samples: ${samples.map((s) => s.name).join(', ')}`);
  return sample;
}

/** The stage fits the window beside the sample list, in whole pixels, 16:9. */
function stageWidth(): number {
  return Math.max(640, Math.min(DESIGN_WIDTH, Math.floor(window.innerWidth - 260)));
}

start().catch((error: Error) => {
  console.error(error);
  const message = document.createElement('pre');
  message.className = 'fatal';
  message.textContent = `Gallery could not start: ${error.message}`;
  document.body.appendChild(message);
});
