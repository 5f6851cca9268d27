import { DEFAULT_THEME, selectTheme, type TemplateLibrary, type TemplateSet } from '../protocol/templates/templateSet';
import type { Theme } from '../protocol/templates/theme';
import { loadFonts } from './loadFonts';

/**
 * Which template set a page draws with, as the hub's templates and the show's theme change. A set is
 * offered only once its fonts are loaded, so a new theme's face never flashes in a fallback font: until
 * then the page keeps drawing with the set it has.
 */
export function createLiveLook(options: { onProblem?: (message: string) => void } = {}) {
  let library: TemplateLibrary | null = null;
  let version = 0;
  let themeName: string = DEFAULT_THEME;
  let applied: { library: TemplateLibrary; themeName: string; version: number } | null = null;
  const loaded = new Set<string>();
  const loading = new Set<string>();
  let wake: (() => void) | null = null;

  const fontsKey = (theme: Theme) => JSON.stringify(theme.fonts);
  function ensureFonts(theme: Theme): boolean {
    const key = fontsKey(theme);
    if (loaded.has(key)) return true;
    if (!loading.has(key)) {
      loading.add(key);
      loadFonts(theme)
        .then(() => loaded.add(key))
        .catch((error: Error) => {
          // Draw with what the browser has rather than never switching (and never retry every frame).
          options.onProblem?.(`${error.message}; drawing with a fallback font`);
          loaded.add(key);
        })
        .finally(() => {
          loading.delete(key);
          wake?.();
        });
    }
    return false;
  }

  /** The set to switch to, if it changed since last taken and its fonts are loaded; otherwise null. */
  function take(): TemplateSet | null {
    if (!library) return null;
    if (applied && applied.library === library && applied.themeName === themeName) return null;
    const set = selectTheme(library, themeName);
    if (!ensureFonts(set.theme)) return null;
    applied = { library, themeName, version };
    return set;
  }

  return {
    /** A template set from the hub (`templates` message). */
    setLibrary(next: TemplateLibrary, nextVersion: number) {
      // A reconnect resends the same set: nothing to re-lay out.
      if (library && JSON.stringify(library) === JSON.stringify(next)) return;
      library = next;
      version = nextVersion;
      wake?.();
    },
    /** The show's theme name (from each snapshot). */
    setTheme(name: string) {
      themeName = name;
      wake?.();
    },
    take,
    /** Waits for the first set (templates received, fonts loaded): a page's first frame is drawn with it. */
    async first(): Promise<TemplateSet> {
      for (;;) {
        const set = take();
        if (set) return set;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    /** The version of the templates drawn now (0 before any). */
    version: () => applied?.version ?? 0,
    /** The hub's latest template library (every theme), or null before the first. */
    library: () => library,
    themeName: () => applied?.themeName ?? null,
  };
}
export type LiveLook = ReturnType<typeof createLiveLook>;
