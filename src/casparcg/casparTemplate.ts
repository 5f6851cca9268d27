import { graphicElementFor, type ReturnPayload } from '../ograf/graphicElement';
import { packageId } from '../ograf/packageData';
import type { GraphicKind } from '../protocol/graphicSpec';
import { dataFromFields, parseTemplateData, templateFields } from './templateFields';

type TemplateCall = [name: 'update' | 'play' | 'next' | 'stop' | 'remove', args: unknown[]];

declare global {
  interface Window {
    /** Calls CasparCG or SPX made before the graphic's module ran (see templatePage.ts), in order. */
    __finishlineCalls?: TemplateCall[];
    /** For tests and for reading in a browser console: what the template's last call came to. */
    finishlineTemplate?: { ready: Promise<ReturnPayload>; lastStatus(): ReturnPayload | null };
  }
}

/**
 * Runs a CasparCG/SPX HTML template of one kind: its element (this page is the host, so it defines it),
 * loaded in real time at the page's size, and the globals a CasparCG or SPX playout calls:
 * `update(data)` (templateData XML or JSON; the first update sets every field, later ones change only what
 * they give), `play()`, `next()` (a one-step graphic: plays it if it is off), `stop()` and `remove()`.
 * Refusals are logged to the console, which CasparCG writes to its log, and the graphic stays as it was.
 */
export function runCasparTemplate(kind: GraphicKind, themes: readonly string[]) {
  const fields = templateFields(kind, themes);
  const name = `${packageId(kind)}-template`;
  if (!customElements.get(name)) customElements.define(name, graphicElementFor(kind));
  const element = document.createElement(name) as HTMLElement & Record<string, (params?: unknown) => Promise<ReturnPayload>>;
  document.body.appendChild(element);
  const params = new URLSearchParams(location.search);
  const size = window.innerWidth > 0 && window.innerHeight > 0 ? { width: window.innerWidth, height: window.innerHeight } : undefined;
  const ready = element.load!({ renderType: 'realtime', renderCharacteristics: size ? { resolution: size } : {}, v_renderer: params.get('renderer') ?? 'auto' });
  let lastStatus: ReturnPayload | null = null;
  let updated = false;
  let queue: Promise<unknown> = ready;

  const report = (call: string, status: ReturnPayload) => {
    lastStatus = status;
    if (status.statusCode >= 400) console.error(`Finishline ${kind} template: ${call}: ${status.statusMessage}`);
    return status;
  };
  const run = (call: string, action: () => Promise<ReturnPayload>) => {
    const next = queue.then(action).then((status) => report(call, status), (error: Error) => report(call, { statusCode: 500, statusMessage: error.message }));
    queue = next;
    return next;
  };

  /** Every field left out: the graphic's defaults, never the sample the element was loaded with. */
  const unset = Object.fromEntries(fields.map((field) => [field.id.split('.')[0]!, undefined]));
  /**
   * Plays only a graphic whose data was accepted. Before any update succeeded (none sent, or the first one refused)
   * the element still holds its sample (a name card's "Steve Cram"): it is played with its defaults if they make a
   * whole graphic, else refused, so a refused CG ADD never airs the sample.
   */
  async function playWithData(): Promise<ReturnPayload> {
    if (!updated) {
      const status = await element.updateAction!({ data: unset });
      // The crawl's fields all have defaults, but with no items it is an empty strip, not a graphic.
      const why = status.statusCode >= 400 ? status.statusMessage.replace(/: Invalid input: expected \w+, received undefined/g, ': is required') : kind === 'crawl' ? 'items: none given' : null;
      if (why !== null) return { statusCode: 409, statusMessage: `Not played: this template has no accepted data yet (${why}); send its data first (CG ADD with data, or CG UPDATE)` };
      updated = true;
    }
    return element.playAction!({ goto: 0 });
  }

  const calls = {
    update(input: unknown) {
      return run('update', async () => {
        const values = parseTemplateData(input);
        if (!values.ok) return { statusCode: 400, statusMessage: values.error };
        const data = dataFromFields(fields, values.values);
        if (!data.ok) return { statusCode: 400, statusMessage: data.error };
        // The first update is the whole graphic: a field it leaves out takes its default, not the sample's value.
        const whole = updated ? data.data : { ...unset, ...data.data };
        const status = await element.updateAction!({ data: whole });
        if (status.statusCode < 400) updated = true;
        return status;
      });
    },
    play: () => run('play', playWithData),
    next: () => run('next', playWithData),
    stop: () => run('stop', () => element.stopAction!({})),
    remove: () =>
      run('remove', async () => {
        const status = await element.dispose!({});
        element.remove();
        return status;
      }),
  };
  const pending = window.__finishlineCalls ?? [];
  Object.assign(window, calls);
  window.__finishlineCalls = undefined;
  for (const [call, args] of pending) void (calls[call] as (...a: unknown[]) => unknown)(...args);
  window.finishlineTemplate = { ready, lastStatus: () => lastStatus };
}
