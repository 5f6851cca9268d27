import { startHub } from '../test/harness/hubProcess';
import { launchBenchBrowser } from './benchBrowser';

/**
 * npx tsx bench/textCanvasCost.ts [--n=40]
 *
 * What a text's canvas costs the frame that draws it, in this Chromium (the numbers behind
 * src/render/textCanvasReserve.ts): a live output page with the demo show (so the theme's bundled fonts are
 * loaded), then, with the font of a name card's name as Pixi sets it, per canvas of 128x62 (averages of n):
 * making a canvas, its first drawing (which allocates its pixels), the first text drawn in a font on a context,
 * the same font again, another size of it, and a canvas made and drawn on ahead (a spare) taken for a new text.
 * Every canvas is asked for with willReadFrequently, as the page's text canvases are (textCanvases.ts).
 */
const n = Number(process.argv.find((a) => a.startsWith('--n='))?.slice(4) ?? 40);

async function main() {
  const hub = await startHub();
  const { browser, page } = await launchBenchBrowser(1920);
  try {
    await hub.post({ type: 'take', graphic: { kind: 'nameCard', props: { name: 'Steve Cram', role: 'BBC athletics commentator' } } });
    await page.goto(`${hub.url}/output.html?renderer=canvas`);
    await page.waitForFunction(() => (window.finishline?.texts?.() ?? []).some((t) => t.text === 'Steve Cram'), null, { timeout: 20_000 });
    await page.waitForTimeout(1000);
    const lines = await page.evaluate((count) => {
      const name = window.finishline!.texts!().find((t) => t.text === 'Steve Cram')!;
      const family = name.fontFamily.map((f) => `"${f}"`).join(',');
      const font = (size: number) => `normal normal ${name.fontWeight} ${size}px ${family}`;
      const make = () => {
        const canvas = document.createElement('canvas');
        canvas.width = 128;
        canvas.height = 62;
        return canvas.getContext('2d', { willReadFrequently: true })!;
      };
      const touched = () => Array.from({ length: count }, () => {
        const context = make();
        context.fillRect(0, 0, 1, 1);
        return context;
      });
      const out: string[] = [`font: ${font(name.fontSize)}; ${count} canvases of 128x62 per line, ms each`];
      const time = (label: string, each: (i: number) => void) => {
        const start = performance.now();
        for (let i = 0; i < count; i++) each(i);
        out.push(`| ${label} | ${((performance.now() - start) / count).toFixed(3)} |`);
      };
      out.push('| step | ms |', '|---|---|');
      time('make a canvas and its context', () => void make());
      time('make one and draw on it once (allocates its pixels)', () => make().fillRect(0, 0, 1, 1));
      let contexts = touched();
      time('a text in a font its context has not drawn in', (i) => {
        contexts[i]!.font = font(name.fontSize);
        contexts[i]!.fillText(`Runner ${i}`, 0, 40);
      });
      time('another text in that font', (i) => {
        contexts[i]!.font = font(name.fontSize);
        contexts[i]!.fillText(`Runner ${i + 100}`, 0, 40);
      });
      time('a text in another size of the face', (i) => {
        contexts[i]!.font = font(name.fontSize + 1);
        contexts[i]!.fillText(`Runner ${i + 200}`, 0, 40);
      });
      time('a new canvas as Pixi draws a text into it (clear, font, text)', (i) => {
        const context = make();
        context.resetTransform();
        context.clearRect(0, 0, 128, 62);
        context.font = font(name.fontSize);
        context.fillText(`Runner ${i + 300}`, 0, 40);
      });
      contexts = touched();
      for (const context of contexts) {
        context.font = font(name.fontSize);
        context.fillText('0', 0, 62);
        context.clearRect(0, 0, 128, 62);
      }
      time('a spare (drawn on ahead in that font) as Pixi draws a text into it', (i) => {
        const context = contexts[i]!;
        context.resetTransform();
        context.clearRect(0, 0, 128, 62);
        context.font = font(name.fontSize);
        context.fillText(`Runner ${i + 400}`, 0, 40);
      });
      return out;
    }, n);
    console.log(lines.join('\n'));
  } finally {
    await browser.close();
    await hub.kill();
  }
}

main().catch((error: Error) => {
  console.error(`Failed: ${error.stack}`);
  process.exit(1);
});
