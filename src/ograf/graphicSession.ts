import { contractOf, type GraphicKind } from '../protocol/graphicSpec';
import { selectTheme, type TemplateLibrary } from '../protocol/templates/templateSet';
import { charactersOf, loadFontsFor } from '../render/loadFonts';
import { createOutputScene } from '../render/outputScene';
import type { RendererChoice } from '../render/rendererChoice';
import type { CrawlChange, CrawlState } from '../state/crawlState';
import { contentOf, type CrawlItem } from '../protocol/crawlItem';
import { emptyShow, type ShowState } from '../state/showState';
import { applyCustomAction } from './customActions';
import { parsePackageData, showParts, type PackageRenderType } from './packageData';

export type RenderType = PackageRenderType;

/** A change the host asks for, applied at a time on the graphic's clock (see GraphicSession). */
export type GraphicChange =
  | { type: 'play'; skipAnimation: boolean }
  | { type: 'stop'; skipAnimation: boolean }
  | { type: 'update'; data: Record<string, unknown>; skipAnimation: boolean }
  | { type: 'custom'; id: string; payload: unknown; skipAnimation: boolean };

export type Outcome = { ok: true } | { ok: false; status: number; error: string };

export type SessionOptions = {
  kind: GraphicKind;
  host: HTMLElement;
  width: number;
  height: number;
  fps: number;
  renderer: RendererChoice;
  library: TemplateLibrary;
  /** Data that passed packageDataSchema for this render type. */
  data: Record<string, unknown>;
  /** Real time checks race times as the hub does (2000 to 2100); non-real time takes its schedule's timeline. */
  renderType: RenderType;
};

/**
 * One loaded graphic: its data, whether it is on air, and the output scene that draws it (the output page's
 * own scene with only this kind's layer), all at times on the graphic's clock in ms. Each change becomes a
 * show snapshot as the hub would send it (an on-air graphic with an id per take, the races or crawl around
 * it), so it enters, updates in place and exits exactly as on Finishline's outputs. Times are given by the
 * caller: the wall clock in real time, the schedule's timeline in non-real time.
 */
export async function createGraphicSession(options: SessionOptions) {
  const { kind, library } = options;
  const layer = contractOf(kind).layer;
  const themes = Object.keys(library.themes);
  const templatesOf = (data: Record<string, unknown>) => selectTheme(library, String(data.theme));
  /**
   * Loads the font files (script subsets) the data's texts need in its theme, before they are measured: a
   * subset arriving later would leave a text laid out in another font for good (see render/loadFonts.ts).
   */
  const fontsFor = (next: Record<string, unknown>) => loadFontsFor(templatesOf(next).theme, charactersOf(next));
  await fontsFor(options.data);

  let data = options.data;
  let takes = 0;
  let onAir: { id: string; takenAt: number; updatedAt: number } | null = null;
  let crawlChanges: CrawlChange[] = [];
  let templates = templatesOf(data);
  const scene = await createOutputScene({ host: options.host, width: options.width, height: options.height, fps: options.fps, renderer: options.renderer, templates, layers: [layer] });

  function snapshot(): ShowState {
    const parts = showParts(kind, data);
    const crawl: CrawlState | undefined = parts.crawl ? { ...parts.crawl, changes: crawlChanges } : undefined;
    return {
      ...emptyShow('OGraf'),
      races: parts.races,
      ...(crawl ? { crawl } : {}),
      onAir: onAir ? { [layer]: { id: onAir.id, layer, graphic: parts.graphic, takenAt: onAir.takenAt, updatedAt: onAir.updatedAt } } : {},
    };
  }

  /** Draws the snapshot at t once its images are loaded, so the graphic enters at t, never later. */
  async function show(t: number, instant: boolean) {
    const next = snapshot();
    await scene.preload(next);
    scene.show(next, t, { instant });
  }

  /** The crawl's changes while on air, as the hub records them, so the crawl carries on from where it is. */
  function recordCrawl(before: Record<string, unknown>, after: Record<string, unknown>, t: number) {
    if (kind !== 'crawl' || !onAir) return;
    const base = { at: t, running: before.running as boolean, speedPxPerS: before.speedPxPerS as number };
    const old = before.items as CrawlItem[];
    const now = after.items as CrawlItem[];
    const changes: CrawlChange[] = [];
    for (const id of new Set([...old, ...now].map((item) => item.id))) {
      const was = old.findIndex((item) => item.id === id);
      const is = now.findIndex((item) => item.id === id);
      if (was === is && JSON.stringify(old[was]) === JSON.stringify(now[is])) continue;
      changes.push({ ...base, item: { id, index: was < 0 ? null : was, content: was < 0 ? null : contentOf(old[was]!) } });
    }
    if (changes.length === 0 && (base.running !== after.running || base.speedPxPerS !== after.speedPxPerS)) changes.push(base);
    crawlChanges = [...crawlChanges, ...changes];
  }

  async function setData(next: Record<string, unknown>, t: number, skipAnimation: boolean) {
    await fontsFor(next);
    const before = data;
    recordCrawl(before, next, t);
    data = next;
    if (onAir) onAir = { ...onAir, updatedAt: t };
    await show(t, false);
    // A new theme, or an update without animation: redrawn in its on-air state at once.
    if (before.theme !== data.theme || skipAnimation) {
      templates = templatesOf(data);
      scene.setTemplates(templates, t);
    }
  }

  return {
    /** Applies a change at time t: whether it was applied, or why not (the graphic unchanged). */
    async apply(change: GraphicChange, t: number): Promise<Outcome> {
      switch (change.type) {
        case 'play':
          if (onAir) return { ok: true }; // already at its one step
          takes += 1;
          onAir = { id: `ograf-${takes}`, takenAt: t, updatedAt: t };
          crawlChanges = [];
          await show(t, change.skipAnimation);
          return { ok: true };
        case 'stop':
          if (!onAir) return { ok: true };
          onAir = null;
          crawlChanges = [];
          await show(t, change.skipAnimation);
          return { ok: true };
        case 'update': {
          const parsed = parsePackageData(kind, { ...data, ...change.data }, themes, options.renderType);
          if (!parsed.ok) return { ok: false, status: 400, error: parsed.error };
          await setData(parsed.data, t, change.skipAnimation);
          return { ok: true };
        }
        case 'custom': {
          const result = applyCustomAction(kind, data, change.id, change.payload, t);
          if (!result.ok) return { ok: false, status: result.status, error: result.error };
          await setData(result.data, t, change.skipAnimation);
          return { ok: true };
        }
      }
    },
    /** Draws time t (only what changed since the last frame). */
    frame: (t: number) => scene.frame(t),
    /** True while an enter, update or exit is playing, or a graphic waits for its images. */
    busy: () => scene.isAnimating() || scene.assetsPending(),
    onAir: () => onAir !== null,
    /** Back to how it was loaded: off air, the data it was loaded with (non-real time rewinds with it). */
    reset(initial: Record<string, unknown>) {
      scene.reset();
      data = initial;
      onAir = null;
      crawlChanges = [];
      templates = templatesOf(data);
      scene.setTemplates(templates, 0);
      scene.show(snapshot(), 0);
    },
    data: () => data,
    themes,
    texts: () => scene.texts(),
    destroy: () => scene.destroy(),
    /** Shows the loaded data, off air, at time t: the scene's first snapshot. */
    start(t: number) {
      scene.show(snapshot(), t);
      scene.frame(t);
    },
  };
}
export type GraphicSession = Awaited<ReturnType<typeof createGraphicSession>>;
