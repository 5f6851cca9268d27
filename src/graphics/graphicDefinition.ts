import type { gsap } from 'gsap';
import type { Container } from 'pixi.js';
import type { z } from 'zod';
import type { LayerId } from '../protocol/layers';
import type { Theme } from '../protocol/templates/theme';
import type { ShowState } from '../state/showState';

export type Timeline = gsap.core.Timeline;

/**
 * Everything a graphic's look depends on besides its props: the theme, the kind's layout template, the
 * output's frame rate (25, 29.97, 50, 59.94 or 60) and its scale (output pixels per design pixel: 2/3 at
 * 720p, 1 at 1080p, 2 at 2160p), for motion that must move whole output pixels per frame (a crawl: core
 * `pixelsPerFrame(speed, fps, scale)`). Graphics are laid out in design pixels of the 1920x1080 frame;
 * time given to `tick` is already on this rate's frame boundaries.
 */
export type Look<L = unknown> = { theme: Theme; layout: L; fps: number; scale: number };

/**
 * An image a graphic draws (a flag). The renderer loads it into Pixi's Assets cache under `alias` before it
 * builds the graphic, or updates it to a model that needs it, so build and update read it synchronously.
 * `url` may load lazily (a bundled file fetched only when first needed); an SVG is rasterised at width x height.
 */
export type GraphicAsset = { alias: string; url(): Promise<string>; width: number; height: number };

/**
 * A built graphic: its display objects plus the animations that move them. Display objects hold no
 * behaviour; the renderer owns the timelines and decides when they play (see src/render/playout.ts).
 */
export type GraphicView<M> = {
  root: Container;
  /**
   * Adds the enter animation to an empty paused timeline, starting at 0. Before it plays, the graphic is hidden;
   * it ends exactly as built: `build` returns the on-air state, which a page loaded mid-air draws without an enter.
   */
  enter(tl: Timeline): void;
  exit(tl: Timeline): void;
  /** Animates in place to a new model (never re-enters). */
  update(model: M, tl: Timeline): void;
  /** For time-driven content (clocks, crawls): show hub time t. Returns true when what it shows changed. */
  tick?(hubTime: number): boolean;
};

/**
 * One graphic kind: its wire contract (from src/protocol/kinds: kind, layer, props and layout schemas), how
 * props become the model drawn, and how it is built.
 */
export type GraphicDefinition<P, M = P, L = unknown> = {
  contract: { kind: string; title: string; layer: LayerId; props: z.ZodType<P, any>; layout: z.ZodType<L, any> };
  /** Derives the model drawn from the props and the rest of the show (a race's gun time, its splits). */
  resolve?(props: P, show: ShowState): M;
  /** Images the model draws; loaded before it is built or updated to (see GraphicAsset). */
  assets?(model: M): GraphicAsset[];
  build(model: M, look: Look<L>): GraphicView<M>;
};

export function defineGraphic<P, M = P, L = unknown>(definition: GraphicDefinition<P, M, L>): GraphicDefinition<P, M, L> {
  return definition;
}
