import { gsap } from 'gsap';
import { Text, type Container } from 'pixi.js';
import type { GraphicDefinition, GraphicView, Timeline } from '../graphics/graphicDefinition';
import { definitionOf } from '../graphics/graphicDefinitions';
import { LAYERS, type LayerId } from '../protocol/layers';
import type { TemplateSet } from '../protocol/templates/templateSet';
import type { Rect } from '../protocol/templates/theme';
import type { OnAirGraphic, ShowState } from '../state/showState';
import { createLayerSurface, type LayerSurface } from './layerSurface';
import { createPlayout } from './playout';
import type { RendererChoice } from './rendererChoice';

export const DESIGN_WIDTH = 1920;
export const DESIGN_HEIGHT = 1080;

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
};

// The renderer drives GSAP itself (seeking paused timelines to hub time), so GSAP's own ticker must not.
gsap.ticker.remove(gsap.updateRoot);
gsap.ticker.lagSmoothing(0);

/**
 * What an output shows: one surface per layer, the graphics mounted on them, and their animations.
 * `show()` reconciles a show snapshot into the scene; `frame(t)` draws hub time t, touching only the layers
 * whose pixels changed.
 */
export async function createOutputScene(options: { host: HTMLElement; width: number; height: number; renderer: RendererChoice; templates: TemplateSet }) {
  const { host, width, height, renderer } = options;
  let templates = options.templates;
  Object.assign(host.style, { position: 'relative', overflow: 'hidden', width: `${width}px`, height: `${height}px` });
  const scale = Math.min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT);
  const surfaces = new Map<LayerId, LayerSurface>();
  for (const layer of LAYERS) surfaces.set(layer, await createLayerSurface(layer, renderer.kind, templates.theme.regions[layer], scale, host));
  const playout = createPlayout();
  const mounted = new Map<LayerId, Mounted>();
  let firstShow = true;

  const surfaceOf = (layer: LayerId) => surfaces.get(layer)!;

  function build(definition: Mounted['definition'], kind: string, model: unknown) {
    return definition.build(model, { theme: templates.theme, layout: templates.layouts[kind as keyof typeof templates.layouts] });
  }

  function mount(onAir: OnAirGraphic, show: ShowState, t: number, instant: boolean, after: number) {
    const definition = definitionOf(onAir.graphic.kind);
    const model = definition.resolve ? definition.resolve(onAir.graphic.props, show) : onAir.graphic.props;
    const view = build(definition, onAir.graphic.kind, model);
    const surface = surfaceOf(onAir.layer);
    surface.content.addChild(view.root);
    const tl = gsap.timeline({ paused: true });
    view.enter(tl);
    const entry: Mounted = { id: onAir.id, layer: onAir.layer, kind: onAir.graphic.kind, definition, view, model, modelKey: JSON.stringify(model), playing: tl };
    if (instant) {
      // A page (re)loaded while this was on air shows it as it is on air now, without replaying the enter.
      playout.complete(tl);
      entry.playing = null;
    } else {
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
      surfaceOf(entry.layer).dirty = true;
    };
    if (instant) {
      destroy();
      return 0;
    }
    const tl = gsap.timeline({ paused: true });
    entry.view.exit(tl);
    playout.start(tl, t, entry.layer, destroy);
    return tl.duration() * 1000;
  }

  function update(entry: Mounted, onAir: OnAirGraphic, show: ShowState, t: number) {
    const model = entry.definition.resolve ? entry.definition.resolve(onAir.graphic.props, show) : onAir.graphic.props;
    const key = JSON.stringify(model);
    if (key === entry.modelKey) return;
    entry.modelKey = key;
    entry.model = model;
    // An update lands on the graphic as it would finally be, so finish whatever was still moving first.
    if (entry.playing) playout.complete(entry.playing);
    const tl = gsap.timeline({ paused: true });
    entry.view.update(model, tl);
    entry.playing = tl;
    playout.start(tl, t, entry.layer, () => {
      if (entry.playing === tl) entry.playing = null;
    });
    surfaceOf(entry.layer).dirty = true;
  }

  return {
    scale,
    /** Reconciles a snapshot at hub time t. The first snapshot of a page shows everything already on air. */
    show(show: ShowState, t: number) {
      const instant = firstShow;
      firstShow = false;
      for (const layer of LAYERS) {
        const want = show.onAir[layer];
        const have = mounted.get(layer);
        let exitMs = 0;
        if (have && have.id !== want?.id) exitMs = unmount(have, t, instant);
        if (want && have?.id !== want.id) mount(want, show, t, instant, exitMs);
        else if (want && have) update(have, want, show, t);
      }
    },
    /**
     * Draws everything with a new template set (an edited template, another theme) from the next frame on:
     * each graphic on air is rebuilt in its on-air state in place (no enter replayed); layers move or resize
     * to their new regions. An enter or update still playing jumps to its end; exits in progress finish as
     * they were built.
     */
    setTemplates(next: TemplateSet, t: number) {
      templates = next;
      for (const layer of LAYERS) {
        const surface = surfaceOf(layer);
        const region = next.theme.regions[layer];
        if (!sameRect(surface.region, region)) surface.setRegion(region);
      }
      for (const entry of mounted.values()) {
        if (entry.playing) playout.complete(entry.playing);
        entry.playing = null;
        const old = entry.view;
        const view = build(entry.definition, entry.kind, entry.model);
        const tl = gsap.timeline({ paused: true });
        view.enter(tl);
        tl.progress(1, false);
        const content = surfaceOf(entry.layer).content;
        content.addChildAt(view.root, content.getChildIndex(old.root));
        old.root.destroy({ children: true });
        entry.view = view;
        view.tick?.(t);
        surfaceOf(entry.layer).dirty = true;
      }
    },
    /** Takes everything off at once and forgets all animations; the next show() is shown as a first snapshot. */
    reset() {
      playout.finishAll();
      for (const entry of [...mounted.values()]) unmount(entry, 0, true);
      firstShow = true;
      for (const surface of surfaces.values()) surface.dirty = true;
    },
    /** Every text drawn, with its font size and bounds in design pixels (for tests and the gallery). */
    texts() {
      const found: { layer: LayerId; text: string; fontSize: number; left: number; top: number; right: number; bottom: number }[] = [];
      for (const surface of surfaces.values()) {
        const walk = (node: Container, parentAlpha: number) => {
          const alpha = parentAlpha * node.alpha;
          if (!node.visible || node.destroyed || alpha === 0) return;
          if (node instanceof Text) {
            const b = node.getBounds();
            const x = b.x - surface.content.x;
            const y = b.y - surface.content.y;
            found.push({ layer: surface.layer, text: node.text, fontSize: node.style.fontSize, left: x, top: y, right: x + b.width, bottom: y + b.height });
          }
          for (const child of node.children) walk(child, alpha);
        };
        walk(surface.content, 1);
      }
      return found;
    },
    /** Draws hub time t. Returns true when any layer was redrawn. */
    frame(t: number): boolean {
      for (const layer of playout.advance(t)) surfaceOf(layer).dirty = true;
      for (const entry of mounted.values()) if (entry.view.tick?.(t)) surfaceOf(entry.layer).dirty = true;
      let drew = false;
      for (const surface of surfaces.values()) {
        if (!surface.dirty) continue;
        surface.render();
        drew = true;
      }
      return drew;
    },
    onAir() {
      return [...mounted.values()].map(({ layer, kind, id }) => ({ layer, kind, id }));
    },
    isAnimating: () => playout.isRunning(),
    destroy() {
      for (const surface of surfaces.values()) surface.destroy();
    },
  };
}
function sameRect(a: Rect, b: Rect) {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

export type OutputScene = Awaited<ReturnType<typeof createOutputScene>>;
