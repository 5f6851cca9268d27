import { gsap } from 'gsap/gsap-core';
import { Text, type Container } from 'pixi.js';
import type { GraphicDefinition, GraphicView, Timeline } from '../graphics/graphicDefinition';
import { definitionOf } from '../graphics/graphicDefinitions';
import { LAYERS, type LayerId } from '../protocol/layers';
import type { TemplateSet } from '../protocol/templates/templateSet';
import type { Rect } from '../protocol/templates/theme';
import type { OnAirGraphic, ShowState } from '../state/showState';
import { createAssetLoader, type AssetLoader } from './assetLoader';
import { createLayerSurface, type LayerSurface } from './layerSurface';
import { pixelBox, sceneScale } from './layerGeometry';
import type { WarmCanvases } from './warmCanvases';
import { createModelMemo } from './modelMemo';
import { createPlayout, pausedTimeline } from './playout';
import { createPresentation, type Presentation } from './presentation';
import type { RendererChoice } from './rendererChoice';
import { expectTexts } from './textCanvases';

export { DESIGN_HEIGHT, DESIGN_WIDTH, sceneScale } from './layerGeometry';
/** The frame rate graphics' motion is quantised to when a page does not say (createOutputScene's fps). */
export const DEFAULT_FRAME_RATE = 50;

type Mounted = {
  id: string;
  layer: LayerId;
  kind: string;
  definition: GraphicDefinition<unknown, unknown, unknown>;
  view: GraphicView<unknown>;
  model: unknown;
  modelKey: string;
  /** The enter or update timeline still playing, if any. */
  playing: Timeline | null;
  /** When the enter ends (hub ms); null once shown in its on-air state without one. */
  enterEndsAt: number | null;
  /** A model that arrived mid-enter: it is animated to as soon as the enter has ended (see update). */
  pending: { model: unknown } | null;
};

/**
 * A take or update held back until its images (flags) are loaded: frame() applies it on the first frame
 * after they are, so the graphic enters (or changes) then, never half-drawn. A later snapshot replaces it.
 */
type Waiting = { onAir: OnAirGraphic; show: ShowState; instant: boolean; exitEndsAt: number };

// The renderer drives GSAP itself (seeking paused timelines to hub time), so GSAP's own ticker must not.
gsap.ticker.remove(gsap.updateRoot);
gsap.ticker.lagSmoothing(0);

export type OutputSceneOptions = {
  host: HTMLElement;
  width: number;
  height: number;
  renderer: RendererChoice;
  templates: TemplateSet;
  /** The output's frame rate, passed to graphics (a crawl moves whole pixels per frame at it). Default 50. */
  fps?: number;
  /** How the canvases reach the page (output mode and alpha); default: as they are, on a transparent page. */
  presentation?: Presentation;
  /** The loader of graphics' images, when the page started loading them before the scene was up (see imagesOnAir). */
  assets?: AssetLoader;
  /** The layers drawn, in stacking order (default: all); an OGraf package of one kind draws only its own. */
  layers?: readonly LayerId[];
  /** Layer canvases the page made while Pixi loaded (canvas renderer): a layer takes its own if the size still fits. */
  warmCanvases?: WarmCanvases;
};

/**
 * What an output shows: one surface per layer, the graphics mounted on them, and their animations.
 * `show()` reconciles a show snapshot into the scene; `frame(t)` draws hub time t exactly, touching only the
 * layers whose pixels changed. The output page gives it the start time of each output frame (see
 * src/output/outputPage.ts); the gallery gives it any time it likes.
 */
export async function createOutputScene(options: OutputSceneOptions) {
  const { host, width, height, renderer, fps = DEFAULT_FRAME_RATE } = options;
  let templates = options.templates;
  const presentation = options.presentation ?? createPresentation(host, { width, height });
  const scale = sceneScale(width, height);
  const surfaces = new Map<LayerId, LayerSurface>();
  const layers = options.layers ?? LAYERS;
  // One after another: each canvas is appended in stacking order.
  for (const layer of layers) {
    const region = templates.theme.regions[layer];
    const box = pixelBox(region, scale);
    const warm = renderer.kind === 'canvas' ? options.warmCanvases?.take(layer, box.width, box.height) : undefined;
    surfaces.set(layer, await createLayerSurface(layer, renderer.kind, region, scale, presentation, warm));
  }
  options.warmCanvases?.clear();
  const playout = createPlayout();
  const mounted = new Map<LayerId, Mounted>();
  let firstShow = true;
  const assets = options.assets ?? createAssetLoader(scale);
  const waiting = new Map<LayerId, Waiting>();
  /** The time last drawn: drawing the same time again has nothing new to move. */
  let lastFrameAt: number | null = null;

  const surfaceOf = (layer: LayerId) => surfaces.get(layer)!;

  function build(definition: Mounted['definition'], kind: string, model: unknown) {
    return definition.build(model, { theme: templates.theme, layout: templates.layouts[kind as keyof typeof templates.layouts], fps, scale });
  }

  /**
   * Views built when their snapshot arrived, before the frame that mounts them (see prebuild), by on-air id.
   * Mount takes one only if it was built from the same model with the same templates.
   */
  const prebuilt = new Map<string, { layer: LayerId; modelKey: string; templates: TemplateSet; view: GraphicView<unknown> }>();

  function discard(view: GraphicView<unknown>, layer: LayerId) {
    view.root.destroy({ children: true });
    surfaceOf(layer).released();
  }

  function viewFor(onAir: OnAirGraphic, definition: Mounted['definition'], model: unknown, modelKey: string) {
    const ready = prebuilt.get(onAir.id);
    prebuilt.delete(onAir.id);
    if (ready && ready.modelKey === modelKey && ready.templates === templates) return ready.view;
    if (ready) discard(ready.view, ready.layer);
    return build(definition, onAir.graphic.kind, model);
  }

  function mount(onAir: OnAirGraphic, show: ShowState, t: number, instant: boolean, after: number) {
    const definition = definitionOf(onAir.graphic.kind);
    const model = modelOf(onAir, show);
    const modelKey = modelKeyOf(onAir, show);
    const view = viewFor(onAir, definition, model, modelKey);
    const surface = surfaceOf(onAir.layer);
    surface.content.addChild(view.root);
    const entry: Mounted = {
      id: onAir.id,
      layer: onAir.layer,
      kind: onAir.graphic.kind,
      definition,
      view,
      model,
      modelKey,
      playing: null,
      enterEndsAt: null,
      pending: null,
    };
    // A page (re)loaded while this was on air shows it as it is on air now: as built, the state its enter ends in
    // (see GraphicView.enter). Its enter is not built only to be jumped to its end (GSAP's tweens and seek cost
    // ~10 ms of a cold start's first frame here).
    if (!instant) {
      const tl = pausedTimeline();
      view.enter(tl);
      entry.playing = tl;
      entry.enterEndsAt = t + after + tl.duration() * 1000;
      playout.start(tl, t + after, onAir.layer, () => {
        if (entry.playing === tl) entry.playing = null;
      });
    }
    view.tick?.(t);
    surface.dirty = true;
    mounted.set(onAir.layer, entry);
  }

  /** Plays the exit, then destroys the display objects and their textures. Returns the exit's length in ms. */
  function unmount(entry: Mounted, t: number, instant: boolean): number {
    mounted.delete(entry.layer);
    if (entry.playing) playout.complete(entry.playing);
    const destroy = () => {
      entry.view.root.destroy({ children: true });
      const surface = surfaceOf(entry.layer);
      surface.released();
      surface.dirty = true;
    };
    if (instant) {
      destroy();
      return 0;
    }
    const tl = pausedTimeline();
    entry.view.exit(tl);
    playout.start(tl, t, entry.layer, destroy);
    return tl.duration() * 1000;
  }

  /** Texts built to be drawn later (a board's new rows, until they fade in) get their canvases readied meanwhile. */
  function expectTextsDrawnLater() {
    for (const surface of surfaces.values()) expectTexts(surface.content, surface.renderer.resolution);
  }

  function update(entry: Mounted, onAir: OnAirGraphic, show: ShowState, t: number) {
    const model = modelOf(onAir, show);
    const key = modelKeyOf(onAir, show);
    if (key === entry.modelKey) return;
    entry.modelKey = key;
    entry.model = model;
    // An update arriving mid-enter (an operator correcting a take at once) lets the enter finish, then
    // animates to the latest model from the frame the enter ends on (frame()): no entrance is cut short.
    if (entry.enterEndsAt !== null && t < entry.enterEndsAt) {
      entry.pending = { model };
      return;
    }
    playUpdate(entry, model, t);
  }

  /** Starts animating a mounted graphic to a model at hub time t. */
  function playUpdate(entry: Mounted, model: unknown, t: number) {
    entry.pending = null;
    entry.enterEndsAt = null;
    // An update lands on the graphic as it would finally be, so finish whatever was still moving first.
    if (entry.playing) playout.complete(entry.playing);
    const tl = pausedTimeline();
    entry.view.update(model, tl);
    entry.playing = tl;
    playout.start(tl, t, entry.layer, () => {
      if (entry.playing === tl) entry.playing = null;
    });
    surfaceOf(entry.layer).dirty = true;
  }


  /** Mounts or updates a layer's graphic now if its images are loaded, else holds it in `waiting`. */
  function apply(layer: LayerId, want: OnAirGraphic, show: ShowState, t: number, instant: boolean, exitEndsAt: number) {
    // A graphic on air being updated never waits on an image that failed before (it is drawn without it).
    if (!assets.ready(assetsOf(want, show), mounted.get(layer)?.id !== want.id)) {
      waiting.set(layer, { onAir: want, show, instant, exitEndsAt });
      return;
    }
    waiting.delete(layer);
    const have = mounted.get(layer);
    if (have?.id === want.id) update(have, want, show, t);
    else mount(want, show, t, instant, Math.max(0, exitEndsAt - t));
  }

  return {
    scale,
    fps,
    presentation,
    /**
     * Reconciles a snapshot at hub time t. The first snapshot of a page shows everything already on air;
     * `instant` does the same for any snapshot (a preview monitor cutting to the next cued item).
     */
    show(show: ShowState, t: number, options: { instant?: boolean } = {}) {
      lastFrameAt = null; // what was just mounted or updated must be seeked on the next frame, even at the same t
      const instant = firstShow || options.instant === true;
      firstShow = false;
      for (const layer of layers) {
        const want = show.onAir[layer];
        const have = mounted.get(layer);
        const held = waiting.get(layer);
        // A graphic held for its images may be waiting on an exit an earlier snapshot started.
        let exitEndsAt = held?.exitEndsAt ?? t;
        if (have && have.id !== want?.id) exitEndsAt = t + unmount(have, t, instant);
        if (want) apply(layer, want, show, t, instant || (held?.instant === true && held.onAir.id === want.id), exitEndsAt);
        else waiting.delete(layer);
      }
      // Built for a snapshot that was superseded before it was drawn.
      for (const { view, layer } of prebuilt.values()) discard(view, layer);
      prebuilt.clear();
      expectTextsDrawnLater();
    },
    /** True if a snapshot changes a graphic on air (the same graphic, a new model): an update, not a take or a clear. */
    updates(show: ShowState): boolean {
      for (const entry of mounted.values()) {
        const want = show.onAir[entry.layer];
        if (want?.id === entry.id && modelKeyOf(want, show) !== entry.modelKey) return true;
      }
      return false;
    },
    /**
     * Builds (lays out, measures) the graphics a snapshot takes on air as soon as it arrives, so the frame
     * that shows it only mounts, seeks and draws them: building a card with its texts is the costliest part
     * of a take. Only graphics whose images are loaded; the next show() uses or discards what this built.
     */
    prebuild(show: ShowState) {
      for (const layer of layers) {
        const want = show.onAir[layer];
        if (!want || mounted.get(layer)?.id === want.id || prebuilt.has(want.id) || !assets.ready(assetsOf(want, show))) continue;
        const definition = definitionOf(want.graphic.kind);
        const model = modelOf(want, show);
        prebuilt.set(want.id, { layer, modelKey: modelKeyOf(want, show), templates, view: build(definition, want.graphic.kind, model) });
      }
    },
    /** Loads the images of every graphic on air in a snapshot (the gallery preloads its storyboard). */
    async preload(show: ShowState) {
      await Promise.all(Object.values(show.onAir).map((onAir) => assets.load(assetsOf(onAir, show))));
    },
    /** True while images are loading for a graphic waiting to go on air or change (tests wait on it). */
    assetsPending: () => assets.pending(),
    /**
     * Draws everything with a new template set (an edited template, another theme) from the next frame on:
     * each graphic on air is rebuilt in its on-air state in place (no enter replayed); layers move or resize
     * to their new regions. An enter or update still playing jumps to its end; exits in progress finish as
     * they were built.
     */
    setTemplates(next: TemplateSet, t: number) {
      templates = next;
      for (const layer of layers) {
        const surface = surfaceOf(layer);
        const region = next.theme.regions[layer];
        if (!sameRect(surface.region, region)) surface.setRegion(region);
      }
      for (const entry of mounted.values()) {
        if (entry.playing) playout.complete(entry.playing);
        entry.playing = null;
        // Rebuilt from entry.model, which already is any model waiting for the enter to end.
        entry.pending = null;
        entry.enterEndsAt = null;
        const old = entry.view;
        const view = build(entry.definition, entry.kind, entry.model);
        const tl = pausedTimeline();
        view.enter(tl);
        tl.progress(1, false);
        const content = surfaceOf(entry.layer).content;
        content.addChildAt(view.root, content.getChildIndex(old.root));
        old.root.destroy({ children: true });
        surfaceOf(entry.layer).released();
        entry.view = view;
        view.tick?.(t);
        surfaceOf(entry.layer).dirty = true;
      }
    },
    /** Takes everything off at once and forgets all animations; the next show() is shown as a first snapshot. */
    reset() {
      playout.finishAll();
      waiting.clear();
      for (const { view, layer } of prebuilt.values()) discard(view, layer);
      prebuilt.clear();
      for (const entry of [...mounted.values()]) unmount(entry, 0, true);
      firstShow = true;
      for (const surface of surfaces.values()) surface.dirty = true;
    },
    /** Every text drawn, with its font (families in order, weight, size) and bounds in design pixels (for tests and the gallery). */
    texts() {
      const found: DrawnText[] = [];
      for (const surface of surfaces.values()) {
        const walk = (node: Container, parentAlpha: number) => {
          const alpha = parentAlpha * node.alpha;
          if (!node.visible || !node.renderable || node.destroyed || alpha === 0) return;
          if (node instanceof Text) {
            const b = node.getBounds();
            const x = b.x - surface.content.x;
            const y = b.y - surface.content.y;
            const { fontFamily, fontWeight, fontSize } = node.style;
            // Pixi keeps the families quoted for the canvas font string; report the names.
            const families = (Array.isArray(fontFamily) ? fontFamily : [fontFamily]).map((family) => family.replace(/^["']|["']$/g, ''));
            found.push({
              layer: surface.label as LayerId,
              text: node.text,
              fontFamily: families,
              fontWeight: String(fontWeight),
              fontSize,
              scaleX: node.worldTransform.a,
              left: x,
              top: y,
              right: x + b.width,
              bottom: y + b.height,
            });
          }
          for (const child of node.children) walk(child, alpha);
        };
        walk(surface.content, 1);
      }
      return found;
    },
    /** Draws hub time t. Returns true when any layer was redrawn. */
    frame(t: number): boolean {
      // A take or update held for its images (applied: no longer waiting), or an update held for an enter, is built
      // here instead of in show().
      const held = waiting.size;
      for (const [layer, item] of waiting) apply(layer, item.onAir, item.show, t, item.instant, item.exitEndsAt);
      let built = waiting.size < held;
      if (t !== lastFrameAt) {
        lastFrameAt = t;
        for (const entry of mounted.values()) {
          if (entry.pending && entry.enterEndsAt !== null && t >= entry.enterEndsAt) {
            playUpdate(entry, entry.pending.model, entry.enterEndsAt);
            built = true;
          }
        }
        for (const layer of playout.advance(t)) surfaceOf(layer).dirty = true;
        for (const entry of mounted.values()) if (entry.view.tick?.(t)) surfaceOf(entry.layer).dirty = true;
      }
      if (built) expectTextsDrawnLater();
      let drew = false;
      for (const surface of surfaces.values()) if (surface.dirty && surface.render()) drew = true;
      // Every animation GSAP makes wakes its ticker, which then asks for every display frame with nothing to do
      // (its update is detached above): about 1% of an output's main thread under a timing feed. Back to sleep.
      gsap.ticker.sleep();
      return drew;
    },
    /**
     * Draws every layer as it stands into a 2D context at this scene's resolution, in stacking order. Each
     * layer is redrawn first, so a WebGL canvas is read in the same task as it was drawn (a monitor's readback).
     */
    composite(target: CanvasRenderingContext2D) {
      for (const layer of layers) {
        const surface = surfaceOf(layer);
        surface.render();
        target.drawImage(surface.canvas, Number.parseFloat(surface.canvas.style.left) || 0, Number.parseFloat(surface.canvas.style.top) || 0);
      }
    },
    /**
     * What the scene holds now, as counts: display objects under the layers, textures the renderers keep,
     * GSAP animations alive (at GSAP's root and in playout). A take then a clear must bring each back.
     */
    resources(): SceneResources {
      let displayObjects = 0;
      const count = (node: Container) => {
        displayObjects++;
        for (const child of node.children) count(child);
      };
      let textures = 0;
      for (const surface of surfaces.values()) {
        count(surface.content);
        textures += surface.textureCount();
      }
      return { displayObjects, textures, gsapRoot: gsap.globalTimeline.getChildren(false, true, true).length, playing: playout.count() };
    },
    onAir() {
      return [...mounted.values()].map(({ layer, kind, id }) => ({ layer, kind, id }));
    },
    isAnimating: () => playout.isRunning(),
    /** Marks every layer for redrawing on the next frame (the benchmark uses it to price a full redraw). */
    invalidate() {
      for (const surface of surfaces.values()) surface.dirty = true;
    },
    destroy() {
      for (const surface of surfaces.values()) surface.destroy();
    },
  };
}

/** A graphic's model for a snapshot (resolved once per snapshot and graphic). */
const modelOf = createModelMemo((onAir, show) => {
  const definition = definitionOf(onAir.graphic.kind);
  return definition.resolve ? definition.resolve(onAir.graphic.props, show) : onAir.graphic.props;
});

/** The model's JSON, to tell a changed model from the one shown (once per snapshot and graphic, as the model). */
const modelKeyOf = createModelMemo((onAir, show) => JSON.stringify(modelOf(onAir, show))) as (onAir: OnAirGraphic, show: ShowState) => string;

/** The images a graphic needs to show this snapshot. */
function assetsOf(onAir: OnAirGraphic, show: ShowState) {
  const definition = definitionOf(onAir.graphic.kind);
  if (!definition.assets) return [];
  return definition.assets(modelOf(onAir, show));
}

/** Every image the graphics on air in a snapshot draw (a page starts loading them as soon as it has one). */
export function imagesOnAir(show: ShowState) {
  return Object.values(show.onAir).flatMap((onAir) => (onAir ? assetsOf(onAir, show) : []));
}

/** Output pixels per design pixel for an output of this size. */

function sameRect(a: Rect, b: Rect) {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

export type OutputScene = Awaited<ReturnType<typeof createOutputScene>>;

/** Counts of what a scene holds (see OutputScene.resources). */
export type SceneResources = { displayObjects: number; textures: number; gsapRoot: number; playing: number };

/** A text as drawn: its font (families in the order the browser tries them, weight, size) and bounds in design pixels. */
export type DrawnText = {
  layer: LayerId;
  text: string;
  fontFamily: string[];
  fontWeight: string;
  fontSize: number;
  /** How much the graphic scales it horizontally (1 unless it is animating or shrunk as a whole). */
  scaleX: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
};
