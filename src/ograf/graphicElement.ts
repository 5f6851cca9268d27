import type { GraphicKind } from '../protocol/graphicSpec';
import { checkPictureSize } from '../core/videoFormat';
import { DEFAULT_FRAME_RATE, DESIGN_HEIGHT, DESIGN_WIDTH } from '../render/outputScene';
import { chooseRenderer, parseRendererRequest } from '../render/rendererChoice';
import { bundledTemplates } from './bundledTemplates';
import { createGraphicSession, type GraphicChange, type GraphicSession, type Outcome, type RenderType } from './graphicSession';
import { declareFonts } from './packageFonts';
import { parsePackageData, defaultData } from './packageData';
import { parseSchedule, type ScheduledChange } from './schedule';
import { targetStep } from './steps';

/** What every OGraf action resolves to: an HTTP-like status and a sentence (never a `result`). */
export type ReturnPayload = { statusCode: number; statusMessage: string };
export type PlayPayload = ReturnPayload & { currentStep?: number };

const OK: ReturnPayload = { statusCode: 200, statusMessage: 'OK' };
const STEP_COUNT = 1;
const SETTLE_CHECK_MS = 50;

/**
 * The OGraf v1 Web Component of one graphic kind (the host defines it as a custom element; this never does).
 * Every method resolves to a status, never throws: bad input is a 4xx naming the field, and the graphic is
 * left as it was. Real time draws on the page's frames at the wall clock; non-real time draws only in
 * goToTime, the exact frame at that time, from the actions scheduled up to it.
 */
export function graphicElementFor(kind: GraphicKind): CustomElementConstructor {
  return class FinishlineGraphic extends HTMLElement {
    #state: 'new' | 'loading' | 'loaded' | 'disposed' = 'new';
    #session: GraphicSession | null = null;
    #renderType: RenderType = 'realtime';
    #loadedData: Record<string, unknown> = {};
    /** Non-real time: the time drawn last, and the schedule with how far it has been applied. */
    #time = 0;
    #schedule: ScheduledChange[] = [];
    #applied = 0;
    #drawnAt = -Infinity;
    /** Changes are applied one at a time, in the order called; waiting for animations happens outside it. */
    #queue: Promise<unknown> = Promise.resolve();
    #frameRequest = 0;

    async load(params: { data?: unknown; renderType?: RenderType; renderCharacteristics?: { resolution?: { width?: number; height?: number }; frameRate?: number }; v_renderer?: string } = {}): Promise<ReturnPayload> {
      if (this.#state === 'loading') return refuse(409, 'The graphic is already loading: wait for the first load() to resolve');
      if (this.#state === 'loaded') return refuse(409, 'The graphic is already loaded: dispose() it before loading it again');
      if (this.#state === 'disposed') return refuse(409, 'The graphic has been disposed: create a new element');
      const renderType = params?.renderType === 'non-realtime' ? 'non-realtime' : 'realtime';
      const rendererWanted = params?.v_renderer ?? 'auto';
      if (!['auto', 'webgl', 'canvas'].includes(rendererWanted)) return refuse(400, `v_renderer: must be auto, webgl or canvas, not ${JSON.stringify(rendererWanted)}`);
      const library = bundledTemplates();
      // No data (or {}): the kind's sample, so the graphic draws something. Data given is the whole state: a
      // field it leaves out takes the schema's default, never the sample's value.
      const given = objectOr(params?.data);
      const parsed = parsePackageData(kind, Object.keys(given).length > 0 ? given : defaultData(kind), Object.keys(library.themes), renderType);
      if (!parsed.ok) return refuse(400, `data: ${parsed.error}`);
      const size = sizeOf(params?.renderCharacteristics?.resolution);
      if (!size.ok) return refuse(400, `renderCharacteristics.resolution: ${size.error}`);
      const { width, height } = size.value;
      this.#state = 'loading';
      try {
        const fps = positive(params?.renderCharacteristics?.frameRate) ?? DEFAULT_FRAME_RATE;
        await declareFonts(this.ownerDocument);
        const renderer = await chooseRenderer(parseRendererRequest(rendererWanted));
        const host = this.ownerDocument.createElement('div');
        // Over the host's frame from its top-left; an element with no size of its own takes no place in the page.
        Object.assign(host.style, { position: 'absolute', left: '0', top: '0', width: `${width}px`, height: `${height}px`, pointerEvents: 'none' });
        const stage = this.ownerDocument.createElement('div');
        host.appendChild(stage);
        this.appendChild(host);
        this.#session = await createGraphicSession({ kind, host: stage, width, height, fps, renderer, library, data: parsed.data, renderType });
        this.#renderType = renderType;
        this.#loadedData = parsed.data;
        this.#session.start(this.#now());
        this.#state = 'loaded';
        if (renderType === 'realtime') this.#requestFrame();
        return { ...OK, statusMessage: `Loaded (${renderer.kind} renderer: ${renderer.reason})` };
      } catch (error) {
        this.#state = 'new';
        this.replaceChildren();
        return refuse(500, `Could not load: ${(error as Error).message}`);
      }
    }

    async dispose(): Promise<ReturnPayload> {
      if (this.#state === 'disposed') return OK;
      if (this.#state === 'loading') return refuse(409, 'The graphic is still loading: dispose() it once load() has resolved');
      this.#state = 'disposed';
      cancelAnimationFrame(this.#frameRequest);
      this.#session?.destroy();
      this.#session = null;
      this.replaceChildren();
      return OK;
    }

    async playAction(params: { delta?: number; goto?: number; skipAnimation?: boolean } = {}): Promise<PlayPayload> {
      const ready = this.#ready();
      if (ready) return ready;
      const target = targetStep(this.#session!.onAir() ? 0 : undefined, STEP_COUNT, params?.goto, params?.delta);
      if (!target.ok) return refuse(400, target.error);
      const skipAnimation = params?.skipAnimation === true;
      const change: GraphicChange = target.step === undefined ? { type: 'stop', skipAnimation } : { type: 'play', skipAnimation };
      const outcome = await this.#change(change);
      if (!outcome.ok) return refuse(outcome.status, outcome.error);
      // At the end there is no current step: the key is left out, as the spec asks.
      return target.step === undefined ? OK : { ...OK, currentStep: target.step };
    }

    async stopAction(params: { skipAnimation?: boolean } = {}): Promise<ReturnPayload> {
      return this.#result(await this.#changeWhenReady({ type: 'stop', skipAnimation: params?.skipAnimation === true }));
    }

    async updateAction(params: { data?: unknown; skipAnimation?: boolean } = {}): Promise<ReturnPayload> {
      if (!isObject(params?.data)) return this.#ready() ?? refuse(400, 'data: give the fields to change as an object, e.g. { "name": "Steve Cram" }');
      return this.#result(await this.#changeWhenReady({ type: 'update', data: params.data, skipAnimation: params.skipAnimation === true }));
    }

    async customAction(params: { id?: unknown; payload?: unknown; skipAnimation?: boolean } = {}): Promise<ReturnPayload> {
      if (typeof params?.id !== 'string') return this.#ready() ?? refuse(400, 'id: give the custom action’s id (a string)');
      return this.#result(await this.#changeWhenReady({ type: 'custom', id: params.id, payload: params.payload, skipAnimation: params.skipAnimation === true }));
    }

    async setActionsSchedule(params: { schedule?: unknown } = {}): Promise<ReturnPayload> {
      const ready = this.#ready();
      if (ready) return ready;
      if (this.#renderType !== 'non-realtime') return refuse(409, 'setActionsSchedule is for non-real-time rendering: load with renderType "non-realtime"');
      const parsed = parseSchedule(kind, this.#loadedData, params?.schedule, this.#session!.themes);
      if (!parsed.ok) return refuse(400, parsed.error);
      return this.#enqueue(async () => {
        this.#schedule = parsed.schedule;
        this.#rewind();
        return OK;
      });
    }

    async goToTime(params: { timestamp?: unknown } = {}): Promise<ReturnPayload> {
      const ready = this.#ready();
      if (ready) return ready;
      if (this.#renderType !== 'non-realtime') return refuse(409, 'goToTime is for non-real-time rendering: load with renderType "non-realtime"');
      const timestamp = params?.timestamp;
      if (typeof timestamp !== 'number' || !Number.isFinite(timestamp)) return refuse(400, `timestamp: give the time to draw in ms (a number), not ${JSON.stringify(timestamp) ?? 'nothing'}`);
      return this.#enqueue(async () => {
        if (timestamp < this.#drawnAt) this.#rewind();
        const session = this.#session!;
        while (this.#applied < this.#schedule.length && this.#schedule[this.#applied]!.timestamp <= timestamp) {
          const { timestamp: at, change } = this.#schedule[this.#applied++]!;
          this.#time = at;
          const outcome = await session.apply(change, at);
          if (!outcome.ok) console.warn(`Scheduled ${change.type} at ${at} ms not applied: ${outcome.error}`);
        }
        this.#time = timestamp;
        this.#drawnAt = timestamp;
        session.frame(timestamp);
        return OK;
      });
    }

    /** Non-real time starts again from the loaded data, off air, before the schedule's first action. */
    #rewind() {
      this.#session!.reset(this.#loadedData);
      this.#applied = 0;
      this.#time = 0;
      this.#drawnAt = -Infinity;
    }

    #now(): number {
      return this.#renderType === 'realtime' ? performance.timeOrigin + performance.now() : this.#time;
    }

    /** A refusal when the graphic cannot take actions now, else null. */
    #ready(): ReturnPayload | null {
      if (this.#state === 'new') return refuse(409, 'The graphic is not loaded: call load() and wait for it to resolve first');
      if (this.#state === 'loading') return refuse(409, 'The graphic is still loading: wait for load() to resolve first');
      if (this.#state === 'disposed') return refuse(409, 'The graphic has been disposed');
      return null;
    }

    #result(outcome: Outcome | ReturnPayload): ReturnPayload {
      if ('statusCode' in outcome) return outcome;
      return outcome.ok ? OK : refuse(outcome.status, outcome.error);
    }

    async #changeWhenReady(change: GraphicChange): Promise<Outcome | ReturnPayload> {
      return this.#ready() ?? this.#change(change);
    }

    /** Applies a change now; in real time resolves once its animation has ended (or at once without one). */
    async #change(change: GraphicChange): Promise<Outcome> {
      const outcome = await this.#enqueue(async (): Promise<Outcome> => {
        try {
          const result = await this.#session!.apply(change, this.#now());
          this.#session!.frame(this.#now());
          return result;
        } catch (error) {
          return { ok: false, status: 500, error: (error as Error).message };
        }
      });
      if (outcome.ok && this.#renderType === 'realtime') await this.#settled();
      return outcome;
    }

    #enqueue<T>(run: () => Promise<T>): Promise<T> {
      const next = this.#queue.then(() => (this.#state === 'disposed' ? (refuse(409, 'The graphic has been disposed') as T) : run()));
      this.#queue = next.catch(() => undefined);
      return next;
    }

    /**
     * Resolves once nothing is animating. Checked on a timer as well as on the page's frames: a host page in a
     * background tab gets no animation frames, and its actions must still resolve (the timer draws then).
     */
    #settled(): Promise<void> {
      return new Promise((wake) => {
        const check = () => {
          const session = this.#session;
          if (this.#state !== 'loaded' || !session) return wake();
          session.frame(this.#now());
          if (!session.busy()) return wake();
          setTimeout(check, SETTLE_CHECK_MS);
        };
        check();
      });
    }

    /** Real time: draws the wall-clock time on each of the page's frames while loaded. */
    #requestFrame() {
      this.#frameRequest = requestAnimationFrame(() => {
        if (this.#state !== 'loaded' || !this.#session) return;
        this.#session.frame(this.#now());
        this.#requestFrame();
      });
    }
  };
}

function refuse(statusCode: number, statusMessage: string): ReturnPayload {
  return { statusCode, statusMessage };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectOr(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {};
}

function positive(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** The renderer's size, or 1080p when it gives none (or nonsense); a size that is not 16:9 is refused, as on the output page. */
function sizeOf(resolution: { width?: number; height?: number } | undefined) {
  const width = positive(resolution?.width);
  const height = positive(resolution?.height);
  return width && height ? checkPictureSize(Math.round(width), Math.round(height)) : checkPictureSize(DESIGN_WIDTH, DESIGN_HEIGHT);
}
