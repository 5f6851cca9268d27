import { graphicSamples } from '../graphics/graphicSamples';
import { bundledTemplates } from '../render/bundledTemplates';
import { loadFonts } from '../render/loadFonts';
import { createOutputScene } from '../render/outputScene';
import { chooseRenderer, parseRendererRequest } from '../render/rendererChoice';
import { storyboard } from './storyboard';

/**
 * Renders one sample's storyboard with no hub: gallery.html?kind=nameCard&sample=commentator&renderer=canvas.
 * Time only moves when window.finishline.renderAt(t) is called, so a frame at t is exact (golden images).
 */
async function start() {
  const params = new URLSearchParams(location.search);
  const kind = params.get('kind') ?? 'nameCard';
  const samples = graphicSamples[kind];
  if (!samples) throw new Error(`No samples for graphic kind "${kind}"; kinds: ${Object.keys(graphicSamples).join(', ')}`);
  const sample = samples.find((s) => s.name === (params.get('sample') ?? samples[0]!.name));
  if (!sample) throw new Error(`No sample "${params.get('sample')}" for ${kind}; samples: ${samples.map((s) => s.name).join(', ')}`);

  const host = document.getElementById('output')!;
  const templates = bundledTemplates();
  await loadFonts(templates.theme);
  const choice = await chooseRenderer(parseRendererRequest(params.get('renderer')));
  const scene = await createOutputScene({ host, width: 1920, height: 1080, renderer: choice, templates });
  const steps = storyboard(sample);
  // Images (flags) are loaded up front, so each step shows at exactly its time, as the golden images expect.
  await Promise.all(steps.map((step) => scene.preload(step.show)));
  let next = 0;
  let shownRevision: number | null = null;

  window.finishline = {
    renderer: choice.kind,
    rendererReason: choice.reason,
    shownRevision: () => shownRevision,
    receivedRevision: () => shownRevision,
    assetsPending: () => scene.assetsPending(),
    renderAt(t) {
      while (next < steps.length && steps[next]!.at <= t) {
        const step = steps[next++]!;
        scene.show(step.show, step.at);
        shownRevision = step.show.revision;
      }
      return scene.frame(t);
    },
  };
}

start().catch((error: Error) => {
  console.error(error);
  const message = document.createElement('pre');
  message.className = 'fatal';
  message.textContent = `Gallery could not start: ${error.message}`;
  document.body.appendChild(message);
});
