import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** Playwright's own default for actions and navigations (the shared context never sets another). */
const PLAYWRIGHT_TIMEOUT = 30_000;
const DEFAULT_VIEWPORT = { width: 1280, height: 720 };
/** Page methods that leave state we cannot take back: a page a test called one of them on is closed for good. */
const KEEPS_STATE = new Set(['addInitScript', 'exposeBinding', 'exposeFunction', 'setExtraHTTPHeaders', 'emulateMedia', 'routeFromHAR', 'routeWebSocket', 'addLocatorHandler', 'clock', 'coverage', 'goBack', 'goForward', 'pause']);
const LISTENS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
const UNLISTENS = new Set(['off', 'removeListener']);

/**
 * Tabs of one browser context, used again: a new tab costs a renderer ~0.35 s to open and ~1–1.5 s to boot a
 * page in (several times that on a loaded machine), while navigating a tab that has run the page before costs
 * ~0.3 s. `take()` hands out a tab as a Page whose close() returns it here instead: its listeners and routes
 * removed, the timeouts it set put back, sessionStorage cleared (the panel keeps its cue and drafts per tab
 * there, operator/panelMemory), left on about:blank with its history forgotten, the mouse moved home; the
 * next take() sets the viewport asked for. A closed handle refuses every call, so a test can never drive a
 * tab another test has. A tab whose state cannot be taken back (KEEPS_STATE, or a reset that failed) is
 * closed for real. localStorage and the HTTP cache belong to the context, shared by the file's pages as before.
 */
export function tabPool(context: BrowserContext) {
  const idle: Page[] = [];
  const cdp = new WeakMap<Page, Promise<CDPSession>>();
  const origins = new WeakMap<Page, Set<string>>();

  async function take(viewport: { width: number; height: number } = DEFAULT_VIEWPORT): Promise<Page> {
    const page = idle.pop() ?? (await opened());
    const size = page.viewportSize();
    if (size?.width !== viewport.width || size.height !== viewport.height) await page.setViewportSize(viewport);
    return lend(page);
  }

  async function opened(): Promise<Page> {
    const page = await context.newPage();
    const visited = new Set<string>();
    origins.set(page, visited);
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && /^https?:/.test(frame.url())) visited.add(new URL(frame.url()).origin);
    });
    return page;
  }

  function lend(page: Page): Page {
    const listeners: [string, (...args: any[]) => unknown][] = [];
    let routed = false;
    let timeoutSet = false;
    let keepsState = false;
    let closed = false;
    const handle: Page = new Proxy(page, {
      get(target, property) {
        const value = Reflect.get(target, property, target);
        if (typeof property !== 'string') return value;
        if (property === 'isClosed') return () => closed || target.isClosed();
        if (property === 'close') {
          return async (options?: Parameters<Page['close']>[0]) => {
            if (closed) return;
            closed = true;
            for (const [event, listener] of listeners) if (event === 'close') listener(handle);
            for (const [event, listener] of listeners) target.off(event as 'close', listener);
            if (options !== undefined || keepsState || !(await reset(target, routed, timeoutSet))) await target.close(options);
            else idle.push(target);
          };
        }
        // A closed handle drives nothing (keyboard, mouse and clock included): its tab may be another test's now.
        if (closed && (typeof value === 'function' || (typeof value === 'object' && value !== null))) {
          const refuse = () => {
            throw new Error(`page.${property}: this page was closed (its tab went back to the harness's pool)`);
          };
          return typeof value === 'function' ? refuse : refuse();
        }
        if (KEEPS_STATE.has(property)) keepsState = true;
        if (typeof value !== 'function') return value;
        if (property === 'route') routed = true;
        if (property === 'setDefaultTimeout' || property === 'setDefaultNavigationTimeout') timeoutSet = true;
        if (LISTENS.has(property)) {
          return (event: string, listener: (...args: any[]) => unknown) => {
            listeners.push([event, listener]);
            value.call(target, event, listener);
            return handle;
          };
        }
        if (UNLISTENS.has(property)) {
          return (event: string, listener: (...args: any[]) => unknown) => {
            const i = listeners.findIndex(([e, l]) => e === event && l === listener);
            if (i >= 0) listeners.splice(i, 1);
            value.call(target, event, listener);
            return handle;
          };
        }
        return value.bind(target);
      },
    });
    return handle;
  }

  /** Takes the tab back to a blank state; false when that could not be done (then it is closed instead). */
  async function reset(page: Page, routed: boolean, timeoutSet: boolean): Promise<boolean> {
    // sessionStorage can only be cleared for the origin the tab is on: a tab that went to two is closed.
    const visited = origins.get(page)!;
    if (page.isClosed() || visited.size > 1) return false;
    visited.clear();
    // A page with an unsent draft asks before it is left (beforeunload): leaving is the answer here.
    const leave = (dialog: import('playwright-core').Dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()).catch(() => {});
    page.on('dialog', leave);
    try {
      const work = (async () => {
        if (routed) await page.unrouteAll({ behavior: 'ignoreErrors' });
        if (timeoutSet) {
          page.setDefaultTimeout(PLAYWRIGHT_TIMEOUT);
          page.setDefaultNavigationTimeout(PLAYWRIGHT_TIMEOUT);
        }
        // The tab keeps the origin's sessionStorage: clear it once the page can no longer write it (its
        // scripts stopped), then leave.
        const session = await sessionOf(page);
        const url = page.url();
        if (/^https?:/.test(url)) {
          await session.send('Emulation.setScriptExecutionDisabled', { value: true });
          await session.send('DOMStorage.enable');
          await session.send('DOMStorage.clear', { storageId: { securityOrigin: new URL(url).origin, isLocalStorage: false } });
          await session.send('DOMStorage.disable');
        }
        await page.goto('about:blank');
        await session.send('Emulation.setScriptExecutionDisabled', { value: false });
        await session.send('Page.resetNavigationHistory');
        await page.mouse.move(0, 0);
      })();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error('reset took too long')), 10_000)));
      await Promise.race([work, late]).finally(() => clearTimeout(timer));
      return true;
    } catch {
      return false;
    } finally {
      page.off('dialog', leave);
    }
  }

  function sessionOf(page: Page): Promise<CDPSession> {
    let session = cdp.get(page);
    if (!session) cdp.set(page, (session = context.newCDPSession(page)));
    return session;
  }

  return { take };
}
