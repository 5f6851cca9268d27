import { percentiles, type FrameIntervals } from '../src/render/frameStats';
import { launchBenchBrowser, processCpu } from './benchBrowser';
import { outputUrl, type BenchCase } from './cases';
import { waitForOutput } from './measureLive';

export type SustainedResult = {
  name: string;
  renderer: string;
  redrawAll: boolean;
  scene: boolean;
  windowS: number;
  /** Frames rendered back to back, each followed by a forced sync, per second of wall time. */
  framesPerSecond: number;
  /** Cost of one frame (render plus sync), ms. */
  frameMs: FrameIntervals;
  over20ms: number;
  /** Frames in which at least one layer was redrawn. */
  framesDrawn: number;
  rendererCpu: number;
  gpuCpu: number;
};

/**
 * The deterministic renderer flat out: on the manual clock, frame after frame at 50p times (20 ms of hub
 * time apart), each followed by a forced sync so the cost includes the pixels actually being produced
 * (readPixels of one pixel on WebGL, getImageData of one pixel on a 2D canvas). `redrawAll` marks every
 * layer dirty each frame: the price of redrawing the whole scene rather than only what moved.
 */
export async function measureSustained(c: Extract<BenchCase, { kind: 'sustained' }>, options: { hubUrl: string; revision: number; windowS: number }): Promise<SustainedResult> {
  const { browser, page, cdp } = await launchBenchBrowser(1920);
  try {
    await page.goto(outputUrl(options.hubUrl, c));
    await waitForOutput(page, c.renderer, options.revision);
    await page.evaluate(() => window.finishline!.renderAt(Date.now()));
    const cpu0 = await processCpu(cdp);
    const started = Date.now();
    const costs: number[] = [];
    let drawn = 0;
    let t = Date.now();
    // Short slices, so the page still handles its socket between them.
    while (Date.now() - started < options.windowS * 1000) {
      const slice = await page.evaluate(runSlice, { t, redrawAll: c.redrawAll, sliceMs: 250 });
      costs.push(...slice.costs);
      drawn += slice.drawn;
      t = slice.t;
    }
    const wall = (Date.now() - started) / 1000;
    const cpu1 = await processCpu(cdp);
    return {
      name: c.name,
      renderer: c.renderer,
      redrawAll: c.redrawAll,
      scene: c.scene,
      windowS: Math.round(wall * 10) / 10,
      framesPerSecond: Math.round(costs.length / costs.reduce((a, b) => a + b, 0) * 1000),
      frameMs: percentiles(costs),
      over20ms: costs.filter((ms) => ms > 20).length,
      framesDrawn: drawn,
      rendererCpu: Math.round(((cpu1.renderer - cpu0.renderer) / wall) * 1000) / 10,
      gpuCpu: Math.round(((cpu1.gpu - cpu0.gpu) / wall) * 1000) / 10,
    };
  } finally {
    await browser.close();
  }
}

/** Runs in the page: renders 50p frames back to back for `sliceMs`, forcing each to finish. */
function runSlice({ t, redrawAll, sliceMs }: { t: number; redrawAll: boolean; sliceMs: number }) {
  const finishline = window.finishline!;
  const canvases = [...document.querySelectorAll<HTMLCanvasElement>('canvas[data-layer]')];
  const sync = () => {
    for (const canvas of canvases) {
      const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
      if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
      else canvas.getContext('2d')?.getImageData(0, 0, 1, 1);
    }
  };
  const costs: number[] = [];
  let drawn = 0;
  const end = performance.now() + sliceMs;
  while (performance.now() < end) {
    const start = performance.now();
    if (redrawAll) finishline.invalidate?.();
    if (finishline.renderAt(t)) drawn++;
    sync();
    costs.push(performance.now() - start);
    t += 20;
  }
  return { costs, drawn, t };
}
