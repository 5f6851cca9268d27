import { contractOf } from '../protocol/graphicSpec';
import { LAYER_TITLES } from '../protocol/layers';
import { itemTitle, type RundownItem } from '../protocol/rundownItem';
import type { TemplateSet } from '../protocol/templates/templateSet';
import { createOutputScene, DESIGN_HEIGHT, DESIGN_WIDTH, type OutputScene } from '../render/outputScene';
import type { LiveLook } from '../render/liveLook';
import type { RendererChoice, RendererKind } from '../render/rendererChoice';
import { createSafeAreaGuides } from '../render/safeAreaGuides';
import type { ShowState } from '../state/showState';
import { el } from './element';
import type { PanelStore, PvwDraft } from './panelStore';

export type MonitorName = 'pvw' | 'pgm';

type Monitor = { figure: HTMLElement; caption: HTMLElement; frame: HTMLElement; host: HTMLElement; scene: OutputScene | null };

/**
 * The PVW and PGM monitors: the output renderer itself (createOutputScene) drawing the full 1920x1080 design
 * frame, shown scaled down over a checkerboard with the safe-area guides. PGM shows the hub's on-air state as
 * an output does (animations and all, on hub time); PVW shows the cued item as it will look on air.
 */
export async function mountMonitors(container: HTMLElement, store: PanelStore, look: LiveLook, choice: RendererChoice) {
  // The monitors draw with the hub's live templates and the show's theme, as the outputs do.
  let templates: TemplateSet = await look.first();
  const monitors = { pvw: buildMonitor('pvw', 'PVW'), pgm: buildMonitor('pgm', 'PGM') };
  container.replaceChildren(monitors.pvw.figure, monitors.pgm.figure);
  let current = choice;
  let programShown: ShowState | null = null;
  let previewKey = '';
  let lookMissed: TemplateSet | null = null;
  /** The hub time of the last frame drawn. */
  let lastDrawn: number | null = null;
  let building: Promise<void> = build(choice);
  await building; // the page reports its monitors ready only once both scenes exist

  const resize = new ResizeObserver(() => {
    for (const m of Object.values(monitors)) m.frame.style.transform = `scale(${m.figure.querySelector('.screen')!.clientWidth / DESIGN_WIDTH})`;
  });
  for (const m of Object.values(monitors)) resize.observe(m.figure.querySelector('.screen')!);

  monitors.pvw.figure.addEventListener('dblclick', () => store.setState({ pvwLarge: !store.getState().pvwLarge }));
  store.subscribe(() => captions());
  captions();

  /**
   * Makes both monitors' scenes for a renderer off screen, then swaps them in for the old ones in one go: the
   * monitors keep drawing with the old renderer until then (a WebGL scene takes a second or more to make here).
   */
  async function build(next: RendererChoice) {
    const lookUsed = templates;
    const made: { host: HTMLElement; scene: OutputScene }[] = [];
    for (const m of Object.values(monitors)) {
      const host = el('div', { class: 'scene' });
      made.push({ host, scene: await createOutputScene({ host, width: DESIGN_WIDTH, height: DESIGN_HEIGHT, renderer: next, templates }) });
    }
    Object.values(monitors).forEach((m, i) => {
      m.scene?.destroy();
      m.host.replaceWith(made[i]!.host);
      m.host = made[i]!.host;
      m.scene = made[i]!.scene;
    });
    current = next;
    programShown = null;
    previewKey = '';
    // The old scenes took any look that came while these were made: these get it now.
    if (templates !== lookUsed) lookMissed = templates;
    // Drawn in the same task as the swap, so no frame shows the new scenes empty (nor, on the manual clock, waits).
    if (lastDrawn !== null) drawAt(lastDrawn);
  }

  /** Draws hub time t: reconciles the latest show into PGM and the cued item into PVW first. */
  function drawAt(t: number) {
    const { show, draft } = store.getState();
    const pvw = monitors.pvw.scene;
    const pgm = monitors.pgm.scene;
    if (!show || !pvw || !pgm) return;
    lastDrawn = t;
    const nextLook = look.take() ?? lookMissed;
    lookMissed = null;
    if (nextLook) {
      templates = nextLook;
      pvw.setTemplates(nextLook, t);
      pgm.setTemplates(nextLook, t);
    }
    if (show !== programShown) {
      pgm.show(show, t);
      programShown = show;
    }
    const item = cuedItem();
    const key = draft ? `${show.revision}:draft:${JSON.stringify(draft)}` : `${show.revision}:${item?.id}:${item?.revision}`;
    if (key !== previewKey) {
      pvw.show(previewShow(show, item, draft), t, { instant: true });
      previewKey = key;
    }
    pvw.frame(t);
    pgm.frame(t);
  }

  function cuedItem(): RundownItem | null {
    const { show, cueId } = store.getState();
    return show?.rundown.find((item) => item.id === cueId) ?? null;
  }

  /**
   * What PVW shows: the draft being edited (its graphics, with the races it would change), else the cued
   * item alone, on its layer, in its on-air state (what Take would put on air).
   */
  function previewShow(show: ShowState, item: RundownItem | null, draft: PvwDraft | null): ShowState {
    if (draft) {
      const onAir = Object.fromEntries(
        draft.graphics.map((graphic, i) => {
          const layer = contractOf(graphic.kind).layer;
          return [layer, { id: `draft:${i}:${JSON.stringify(graphic)}`, layer, graphic, takenAt: 0, updatedAt: 0 }];
        }),
      );
      return { ...show, ...(draft.races ? { races: draft.races } : {}), onAir };
    }
    if (!item) return { ...show, onAir: {} };
    const layer = contractOf(item.graphic.kind).layer;
    return { ...show, onAir: { [layer]: { id: `pvw:${item.id}:${item.revision}`, layer, graphic: item.graphic, takenAt: 0, updatedAt: 0, itemId: item.id } } };
  }

  function captions() {
    const { show, cueId, draft, pvwLarge } = store.getState();
    const item = cuedItem();
    const cuedOnAir = item !== null && show !== null && Object.values(show.onAir).some((g) => g.itemId === cueId);
    const large = pvwLarge ? ' · large (V or Esc closes)' : '';
    monitors.pvw.caption.textContent = draft
      ? `PVW · draft: ${draft.title}${large}`
      : item
        ? `PVW · ${itemTitle(item)} (${LAYER_TITLES[contractOf(item.graphic.kind).layer]})${cuedOnAir ? ' · on air' : ''}${large}`
        : `PVW · nothing cued${large}`;
    monitors.pvw.figure.dataset.tally = draft ? 'draft' : item ? 'pvw' : '';
    monitors.pvw.figure.classList.toggle('large', pvwLarge);
    const onAir = show ? Object.values(show.onAir) : [];
    monitors.pgm.caption.textContent = `PGM · ${
      onAir.length === 0
        ? 'nothing on air'
        : onAir
            .map((g) => {
              const source = show!.rundown.find((i) => i.id === g.itemId);
              return `${LAYER_TITLES[g.layer]}: ${source ? itemTitle(source) : itemTitle({ graphic: g.graphic })}`;
            })
            .join(' · ')
    }`;
    monitors.pgm.figure.dataset.tally = onAir.length > 0 ? 'pgm' : '';
  }

  return {
    /** Draws hub time t: reconciles the latest show into PGM and the cued item into PVW first. */
    frame: drawAt,
    renderer: () => current.kind,
    ready: () => building,
    /** Switches both monitors to the renderer the outputs use, so they draw exactly what the outputs draw. */
    follow(kind: RendererKind) {
      if (kind === current.kind) return;
      building = building.then(() => build({ kind, request: kind === 'canvas' ? 'canvas' : 'webgl', reason: 'the outputs render with it', fallback: false }));
    },
    /** A monitor's full-resolution frame as a PNG data URL, cropped to a rectangle (test hook). */
    png(which: MonitorName, rect: { x: number; y: number; width: number; height: number }): string {
      const canvas = document.createElement('canvas');
      canvas.width = DESIGN_WIDTH;
      canvas.height = DESIGN_HEIGHT;
      monitors[which].scene!.composite(canvas.getContext('2d')!);
      const crop = document.createElement('canvas');
      crop.width = rect.width;
      crop.height = rect.height;
      crop.getContext('2d')!.drawImage(canvas, rect.x, rect.y, rect.width, rect.height, 0, 0, rect.width, rect.height);
      return crop.toDataURL('image/png');
    },
  };
}
export type Monitors = Awaited<ReturnType<typeof mountMonitors>>;

function buildMonitor(name: MonitorName, title: string): Monitor {
  const host = el('div', { class: 'scene' });
  const guides = createSafeAreaGuides({ width: DESIGN_WIDTH, height: DESIGN_HEIGHT });
  guides.setAttribute('aria-hidden', 'true');
  const frame = el('div', { class: 'frame' }, host, guides);
  const caption = el('figcaption', { id: `${name}-caption` });
  const figure = el('figure', { class: `monitor monitor-${name}`, 'aria-labelledby': `${name}-caption`, 'data-monitor': name }, caption, el('div', { class: 'screen' }, frame));
  return { figure, caption, frame, host, scene: null };
}
