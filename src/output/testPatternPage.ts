import { formatName, frameIndex } from '../core/index';
import { describeTemplateProblem, parseTemplate } from '../protocol/templates/templateSet';
import { Theme } from '../protocol/templates/theme';
import { runFrameLoop } from '../render/frameLoop';
import { createLayerSurface } from '../render/layerSurface';
import { loadFonts } from '../render/loadFonts';
import { DESIGN_HEIGHT, DESIGN_WIDTH } from '../render/outputScene';
import { createPresentation } from '../render/presentation';
import { chooseRenderer } from '../render/rendererChoice';
import { createSafeAreaGuides } from '../render/safeAreaGuides';
import { buildTestPattern } from '../render/testPattern';
import { TEST_PATTERN } from '../render/testPatternLayout';
import { parseOutputOptions } from './outputOptions';
import { showFatal } from './showFatal';
// The pattern needs no hub: it draws its labels in the default theme's faces as built into the page.
import defaultThemeFile from '../../templates/themes/finishline.json';

/**
 * testpattern.html: the key/fill test pattern through exactly the output's path (same URL options, renderer,
 * layer surfaces and presentation), so an engineer can key it on the mixer and check edges, levels and sync.
 * Needs no hub. With ?clock=manual it draws only on window.finishline.renderAt(t).
 */
async function start() {
  const options = parseOutputOptions(location.search);
  const { width, height, fps, mode, alpha } = options;
  const host = document.getElementById('output')!;
  const parsed = parseTemplate('themes/finishline.json', Theme, defaultThemeFile);
  if (!parsed.ok) throw new Error(parsed.problems.map(describeTemplateProblem).join('; '));
  const theme = parsed.value;
  await loadFonts(theme);
  const choice = await chooseRenderer(options.renderer);
  const presentation = createPresentation(host, { width, height, mode, alpha });
  const scale = Math.min(width / DESIGN_WIDTH, height / DESIGN_HEIGHT);
  const frame = { x: 0, y: 0, width: DESIGN_WIDTH, height: DESIGN_HEIGHT };
  const fixedSurface = await createLayerSurface('pattern', choice.kind, frame, scale, presentation);
  const syncSurface = await createLayerSurface('sync', choice.kind, TEST_PATTERN.sync.region, scale, presentation);
  if (options.guides) presentation.overlay(() => createSafeAreaGuides({ width, height }));
  const alphaText = mode === 'fill' || mode === 'keyfill' ? ` · alpha=${alpha}` : '';
  const pattern = buildTestPattern(theme, `mode=${mode}${alphaText} · ${formatName({ width, height, fps })} · ${choice.kind} renderer`);
  fixedSurface.content.addChild(pattern.fixed);
  syncSurface.content.addChild(pattern.moving);
  let shownFrame: number | null = null;

  const draw = (t: number) => {
    const k = frameIndex(t, fps, 1000);
    if (k !== shownFrame) {
      pattern.showFrame(k);
      shownFrame = k;
      syncSurface.dirty = true;
    }
    let drew = false;
    for (const surface of [fixedSurface, syncSurface]) {
      if (!surface.dirty) continue;
      surface.render();
      drew = true;
    }
    return drew;
  };

  window.finishline = {
    renderer: choice.kind,
    rendererReason: choice.reason,
    shownRevision: () => null,
    receivedRevision: () => null,
    assetsPending: () => false,
    renderAt: draw,
  };
  Object.assign(document.documentElement.dataset, { renderer: choice.kind, mode, alpha, format: formatName({ width, height, fps }) });
  if (!options.manualClock) runFrameLoop(() => draw(performance.timeOrigin + performance.now()), fps);
}

start().catch(showFatal('Test pattern'));
