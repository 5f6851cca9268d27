import { DEFAULT_THEME, selectTheme, type TemplateLibrary, type TemplateSet } from '../protocol/templates/templateSet';
import type { Theme } from '../protocol/templates/theme';
import { charactersOf, fontsCover, loadFonts, loadFontsFor } from './loadFonts';

/**
 * Which template set a page draws with, as the hub's templates and the show's theme change. A set is
 * offered only once its fonts are loaded, so a new theme's face never flashes in a fallback font: until
 * then the page keeps drawing with the set it has. Every face of a theme loads in the background, but a
 * set is offered as soon as the subsets the latest show's characters need are in (a page's first frame waits
 * for a few font files, not all of them); until the whole theme is loaded, `covers` holds back a snapshot
 * whose characters need a subset still on its way.
 */
export function createLiveLook(
  options: {
    onProblem?: (message: string) => void;
    /** A theme's font files did not load (the page draws with a fallback font from then on): the output loads again once its hub is back. */
    onFontsFailed?: () => void;
    /** The page gives setTheme the show's characters. */
    byShowText?: boolean;
  } = {},
) {
  let library: TemplateLibrary | null = null;
  let version = 0;
  let themeName: string = DEFAULT_THEME;
  let applied: { library: TemplateLibrary; themeName: string; version: number } | null = null;
  const loaded = new Set<string>();
  const loading = new Set<string>();
  const loadingText = new Set<string>();
  // The characters of the latest show, if the page gives them (setTheme): read only while a theme's fonts are not all in.
  let showText: (() => string) | null = null;
  let wake: (() => void) | null = null;
  let restWanted = !options.byShowText;
  // A set's characters (a scan of its JSON), once per library and theme: asked for at every wake and snapshot until the fonts are in.
  const setCharacters = new WeakMap<TemplateLibrary, Map<string, string>>();
  const charactersOfSet = (from: TemplateLibrary, name: string, set: TemplateSet) => {
    const byTheme = setCharacters.get(from) ?? setCharacters.set(from, new Map()).get(from)!;
    return byTheme.get(name) ?? byTheme.set(name, charactersOf(set)).get(name)!;
  };

  const fontsKey = (theme: Theme) => JSON.stringify(theme.fonts);
  function ensureFonts(theme: Theme, text: () => string | null): boolean {
    const key = fontsKey(theme);
    if (loaded.has(key)) return true;
    const characters = text();
    if (characters === null) {
      // A page that will give the show's characters waits for them rather than fetching every file at once.
      if (!options.byShowText) loadAll(theme, key);
      return false;
    }
    // The rest of the theme's files load once the page has drawn (loadRest), so they do not compete with its first frame.
    if (fontsCover(theme, characters)) {
      if (restWanted) loadAll(theme, key);
      return true;
    }
    const textKey = `${key}\n${characters}`;
    if (!loadingText.has(textKey)) {
      loadingText.add(textKey);
      // A failed face is reported by the whole theme's load, which then lets everything through.
      loadFontsFor(theme, characters)
        .catch(() => loadAll(theme, key))
        .finally(() => {
          loadingText.delete(textKey);
          wake?.();
        });
    }
    return false;
  }

  function loadAll(theme: Theme, key: string) {
    if (!loading.has(key)) {
      loading.add(key);
      loadFonts(theme)
        .then(() => loaded.add(key))
        .catch((error: Error) => {
          // Draw with what the browser has rather than never switching (and never retry every frame).
          options.onProblem?.(`${error.message}; drawing with a fallback font`);
          options.onFontsFailed?.();
          loaded.add(key);
        })
        .finally(() => {
          loading.delete(key);
          wake?.();
        });
    }
  }

  /** The set to switch to, if it changed since last taken and its fonts are loaded; otherwise null. */
  function take(): TemplateSet | null {
    if (!library) return null;
    if (applied && applied.library === library && applied.themeName === themeName) return null;
    const set = selectTheme(library, themeName);
    const from = library;
    if (!ensureFonts(set.theme, () => (showText === null ? null : charactersOfSet(from, themeName, set) + showText()))) return null;
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
    /**
     * The show's theme name, from each snapshot. A page that gives the characters the show can draw
     * (charactersOf the snapshot) gets a set once those are covered; without them, once every face is loaded.
     * The characters are asked for only while the theme's fonts are not all loaded (a live output reads every
     * snapshot, and listing a show's characters costs milliseconds it need not spend once all are in).
     */
    setTheme(name: string, text?: () => string) {
      themeName = name;
      if (text !== undefined) showText = lazyText(text);
      wake?.();
    },
    /**
     * True if the set drawn now has the font subsets a show's characters need (always, once its theme is
     * wholly loaded); otherwise starts loading them, and the page keeps showing the snapshot it has.
     */
    covers(text: () => string): boolean {
      if (!applied) return false;
      const set = selectTheme(applied.library, applied.themeName);
      const { library: from, themeName: name } = applied;
      return ensureFonts(set.theme, () => charactersOfSet(from, name, set) + text());
    },
    take,
    /** True while the library or theme differs from the set drawn now (take() switches once its fonts are in). */
    changed: () => library !== null && !(applied && applied.library === library && applied.themeName === themeName),
    /** Waits for the first set (templates received, fonts loaded): a page's first frame is drawn with it. */
    async first(): Promise<TemplateSet> {
      for (;;) {
        const set = take();
        if (set) return set;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    },
    /** Loads every face of the theme drawn now (and of any later one) in the background: a page calls it once it has drawn. */
    loadRest() {
      if (restWanted || !applied) return;
      restWanted = true;
      const { theme } = selectTheme(applied.library, applied.themeName);
      loadAll(theme, fontsKey(theme));
    },
    /** The version of the templates drawn now (0 before any). */
    version: () => applied?.version ?? 0,
    /** The hub's latest template library (every theme), or null before the first. */
    library: () => library,
    themeName: () => applied?.themeName ?? null,
  };
}
export type LiveLook = ReturnType<typeof createLiveLook>;

/** A thunk that runs at most once (the page keeps one per snapshot): scanning a big show's characters costs a frame, and is needed only until the fonts are in. */
export function lazyText(text: () => string): () => string {
  let value: string | null = null;
  return () => (value ??= text());
}
