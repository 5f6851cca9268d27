import type { Page } from 'playwright-core';
import { percentiles, type FrameIntervals } from '../src/render/frameStats';
import { countTraceFrames, launchBenchBrowser, mainThreadSeconds, processCpu } from './benchBrowser';
import { outputUrl, pageWidth, type BenchCase } from './cases';

export type LiveResult = {
  name: string;
  group: string;
  renderer: string | null;
  windowS: number;
  /** requestAnimationFrame callbacks per second. */
  rafFps: number;
  intervalsMs: FrameIntervals;
  /** Intervals over the 50p budget of 20 ms. */
  over20ms: number;
  /** Output frames missed at 50 fps, counted from the rAF intervals like the output's own report does. */
  dropped50p: number;
  /** From the compositor's trace: frames presented and dropped for the page, and frames drawn by the display. */
  compositor: { presented: number; dropped: number; drawn: number; states: Record<string, number> };
  mainMsPerFrame: number;
  /** Per cent of one core. */
  rendererCpu: number;
  gpuCpu: number;
  /** What the output itself reported to the hub at the end (fps, dropped since it started), null for the empty page. */
  outputReport: { fps: number; droppedFrames: number; renderer: string } | null;
};

const EMPTY_PAGE = '<!doctype html><html><head><meta charset="utf-8"><title>empty</title></head><body style="margin:0;background:transparent"></body></html>';

/**
 * Opens the case's page in a fresh browser, lets it settle, then for `windowS` seconds records every
 * requestAnimationFrame timestamp, main-thread time, process CPU and a compositor trace. `during` runs
 * alongside (the hub commands that animate the scene).
 */
export async function measureLive(
  c: Extract<BenchCase, { kind: 'live' }>,
  options: { hubUrl: string; revision: number; warmupS: number; windowS: number; during: (stopAt: number) => Promise<void> },
): Promise<LiveResult> {
  const { browser, context, page, cdp } = await launchBenchBrowser(pageWidth(c));
  try {
    const url = outputUrl(options.hubUrl, c);
    if (c.group === 'baseline') await page.route(url, (route) => route.fulfill({ body: EMPTY_PAGE, contentType: 'text/html' }));
    await page.goto(url);
    if (c.renderer) await waitForOutput(page, c.renderer, options.revision);
    const session = await context.newCDPSession(page);
    await session.send('Performance.enable');
    await page.evaluate(installFrameRecorder);
    await page.waitForTimeout(options.warmupS * 1000);

    const cpu0 = await processCpu(cdp);
    const main0 = await mainThreadSeconds(session);
    await browser.startTracing(page, { categories: ['benchmark'] });
    const started = Date.now();
    await page.evaluate(() => (window as unknown as BenchWindow).__benchFrames.splice(0));
    await options.during(started + options.windowS * 1000);
    const stamps = await page.evaluate(() => (window as unknown as BenchWindow).__benchFrames.slice());
    const wall = (Date.now() - started) / 1000;
    const main1 = await mainThreadSeconds(session);
    const cpu1 = await processCpu(cdp);
    const trace = await browser.stopTracing();

    const intervals = stamps.slice(1).map((t, i) => t - stamps[i]!);
    const frames = Math.max(1, intervals.length);
    return {
      name: c.name,
      group: c.group,
      renderer: c.renderer,
      windowS: Math.round(wall * 10) / 10,
      rafFps: round1(intervals.length / ((stamps.at(-1)! - stamps[0]!) / 1000)),
      intervalsMs: percentiles(intervals),
      over20ms: intervals.filter((i) => i > 20).length,
      dropped50p: intervals.reduce((sum, i) => sum + Math.max(0, Math.round(i / 20) - 1), 0),
      compositor: countTraceFrames(trace, cpu0.browserPid),
      mainMsPerFrame: round2(((main1 - main0) * 1000) / frames),
      rendererCpu: round1(((cpu1.renderer - cpu0.renderer) / wall) * 100),
      gpuCpu: round1(((cpu1.gpu - cpu0.gpu) / wall) * 100),
      outputReport: c.renderer ? await ownReport(options.hubUrl, page) : null,
    };
  } finally {
    await browser.close();
  }
}

type BenchWindow = { __benchFrames: number[] };

/** Runs in the page: keeps every requestAnimationFrame timestamp (the same cost on every page measured). */
function installFrameRecorder() {
  const frames: number[] = [];
  (window as unknown as BenchWindow).__benchFrames = frames;
  const record = (t: number) => {
    frames.push(t);
    requestAnimationFrame(record);
  };
  requestAnimationFrame(record);
}

export async function waitForOutput(page: Page, renderer: string, revision: number) {
  await page.waitForFunction((r) => (window.finishline?.shownRevision() ?? -1) >= r || (window.finishline?.receivedRevision() ?? -1) >= r, revision, { timeout: 30_000 });
  const actual = await page.evaluate(() => window.finishline!.renderer);
  if (actual !== renderer) throw new Error(`asked for the ${renderer} renderer, the page runs ${actual}`);
}

/** The output's own last report to the hub (its measured fps and dropped frames). */
async function ownReport(hubUrl: string, page: Page) {
  const mode = await page.evaluate(() => document.documentElement.dataset.mode);
  const response = await fetch(`${hubUrl}/api/outputs`);
  const { outputs } = (await response.json()) as { outputs: { connected: boolean; report: { fps: number; droppedFrames: number; renderer: string; mode: string } | null }[] };
  const report = outputs.find((o) => o.connected && o.report?.mode === mode)?.report;
  return report ? { fps: report.fps, droppedFrames: report.droppedFrames, renderer: report.renderer } : null;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const round2 = (n: number) => Math.round(n * 100) / 100;
