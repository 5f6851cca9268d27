import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { startHub, type HubProcess } from '../test/harness/hubProcess';
import { launchBenchBrowser } from './benchBrowser';
import { marathonScene } from './scene';

/**
 * npx tsx bench/countTextCalls.ts [--runs=3] [--compare=<another checkout>] [--list]
 *
 * What a cold start's text costs the canvas API (uses dist/ as built): a fresh browser opens a 1080p50 canvas
 * output with the marathon scene on air, with the 2D contexts' measureText, fillText and font setter counted
 * and timed from navigation to the on-air mark. Pixi's font metrics (CanvasTextMetrics.measureFont) are the
 * measureText calls of its metrics string, so they are counted apart; a font string measured but never drawn
 * is a size fitText tried and gave up. The first call at a new font size pays for setting that size up
 * (measuring or drawing, whichever comes first), so the times are mostly that. --list prints every
 * measureText call (font, text) in order; --compare counts another checkout's build too, alternately.
 */
const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

/** Runs in the page before its scripts: wraps both 2D context prototypes and freezes the counts at on-air. */
const COUNTER = `((args) => {
  const counts = { measureText: 0, measureFont: 0, measureMs: 0, fillText: 0, fillMs: 0, fontSets: 0, fontMs: 0, fonts: new Set(), drawnFonts: new Set(), list: [] };
  const frozen = { value: null };
  const lastFont = new WeakMap();
  const round = (ms) => Math.round(ms * 10) / 10;
  const METRICS = '|\\u00c9q\\u00c5M';
  for (const proto of [CanvasRenderingContext2D.prototype, OffscreenCanvasRenderingContext2D.prototype]) {
    const measure = proto.measureText;
    proto.measureText = function (text) {
      const start = performance.now();
      const result = measure.call(this, text);
      counts.measureMs += performance.now() - start;
      if (args.includes('--list')) counts.list.push(lastFont.get(this)?.replace(/"Noto Sans".*$/, '').replace('normal normal ', '') + ' ' + JSON.stringify(text));
      if (text === METRICS) counts.measureFont++;
      else counts.measureText++;
      return result;
    };
    const fill = proto.fillText;
    proto.fillText = function (...rest) {
      const start = performance.now();
      fill.apply(this, rest);
      counts.fillMs += performance.now() - start;
      counts.fillText++;
      counts.drawnFonts.add(lastFont.get(this));
    };
    const font = Object.getOwnPropertyDescriptor(proto, 'font');
    Object.defineProperty(proto, 'font', {
      get() { return font.get.call(this); },
      set(value) {
        const start = performance.now();
        font.set.call(this, value);
        counts.fontMs += performance.now() - start;
        counts.fontSets++;
        counts.fonts.add(value);
        lastFont.set(this, value);
      },
      configurable: true,
    });
  }
  const mark = performance.mark.bind(performance);
  performance.mark = (name, options) => {
    if (name === 'finishline:on-air' && !frozen.value) frozen.value = { ...counts, fonts: counts.fonts.size, undrawn: [...counts.fonts].filter((f) => !counts.drawnFonts.has(f)), measureMs: round(counts.measureMs), fillMs: round(counts.fillMs), fontMs: round(counts.fontMs) };
    return mark(name, options);
  };
  globalThis.__textCalls = frozen;
})(${JSON.stringify(args)});`;

type Counts = { measureText: number; measureFont: number; measureMs: number; fillText: number; fillMs: number; fontSets: number; fontMs: number; fonts: number; undrawn: string[]; list: string[] };

async function countOnce(hub: HubProcess): Promise<Counts> {
  const { browser, context, page } = await launchBenchBrowser(1920);
  try {
    await context.addInitScript(COUNTER);
    await page.goto(`${hub.url}/output.html?format=1080p50&renderer=canvas`, { waitUntil: 'commit' });
    await page.waitForFunction(() => (globalThis as any).__textCalls?.value, null, { timeout: 30_000, polling: 100 });
    return await page.evaluate(() => (globalThis as any).__textCalls.value as Counts);
  } finally {
    await browser.close();
  }
}

async function main() {
  const sides: { name: string; hub: HubProcess }[] = [{ name: 'this build', hub: await startHub() }];
  const compare = arg('compare');
  try {
    if (compare) sides.push({ name: `--compare ${compare}`, hub: await startHub({ root: resolve(compare) }) });
    for (const side of sides) {
      await side.hub.post({ type: 'clearAll' });
      for (const command of marathonScene) await side.hub.post(command);
    }
    for (let run = 0; run < Number(arg('runs') ?? 3); run++) {
      for (const side of run % 2 === 0 ? sides : [...sides].reverse()) {
        const counts = await countOnce(side.hub);
        if (args.includes('--list')) console.log(counts.list.join('\n'));
        console.log(`${side.name} (load ${loadavg().map((l) => l.toFixed(1)).join(' ')}): measureText ${counts.measureText}, measureFont ${counts.measureFont}, measureText total ${counts.measureMs} ms, fillText ${counts.fillText} (${counts.fillMs} ms), font set ${counts.fontSets} times (${counts.fonts} distinct, ${counts.fontMs} ms; never drawn: ${counts.undrawn.join(' | ') || 'none'})`);
      }
    }
  } finally {
    for (const side of sides) await side.hub.kill();
  }
}

main().catch((error: Error) => {
  console.error(`Count failed: ${error.stack}`);
  process.exit(1);
});
