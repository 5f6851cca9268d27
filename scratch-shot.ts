import { launchBrowser, openOutput } from './test/harness/browser';
import { startHub } from './test/harness/hubProcess';
const hub = await startHub();
const browser = await launchBrowser();
try {
  const output = await openOutput(browser, hub.url, 'canvas');
  await output.evaluate(() => window.finishline!.renderAt(1000));
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  page.on('console', (m) => console.log('console', m.text()));
  await page.goto(`${hub.url}/?token=${hub.token}`);
  await page.waitForFunction(() => document.documentElement.dataset.monitors === 'ready', null, { timeout: 20000 });
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await page.waitForTimeout(1500);
  await page.keyboard.press('ArrowDown');
  await page.screenshot({ path: '/tmp/panel1.png' });
  await page.keyboard.press('e');
  await page.waitForTimeout(300);
  await page.keyboard.press('Escape');
  await page.screenshot({ path: '/tmp/panel2.png' });
} finally {
  await browser.close();
  await hub.kill();
}
