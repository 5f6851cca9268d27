import { charactersOf, loadFontsFor } from '../render/loadFonts';

/**
 * Starts fetching the font subsets the show on air needs as soon as the hub's templates and first snapshot
 * arrive on the entry's early socket, raw, while zod and Pixi are still loading: by the time the page has
 * validated them and lays out its first frame, the files are in or on their way. Only a hint: the page's own
 * live look decides which fonts a frame waits for, so data it cannot read here just fetches nothing.
 */
export function createFontHint(): (data: unknown) => void {
  let library: { themes?: Record<string, unknown>; layouts?: unknown } | null = null;
  let started = false;
  return (data) => {
    if (started || typeof data !== 'string') return;
    try {
      const message = JSON.parse(data) as { type?: string; templates?: typeof library; state?: { theme?: string } };
      if (message.type === 'templates') library = message.templates ?? null;
      if (message.type !== 'snapshot' || !library?.themes || !message.state) return;
      started = true;
      performance.mark('finishline:fonts-hinted');
      const themes = library.themes;
      const theme = (themes[message.state.theme ?? ''] ?? themes[HUB_DEFAULT_THEME] ?? Object.values(themes)[0]) as Parameters<typeof loadFontsFor>[0] | undefined;
      if (!theme?.fonts) return;
      loadFontsFor(theme, charactersOf({ theme, layouts: library.layouts }) + charactersOf(message.state)).catch(() => {});
    } catch {
      // Not readable here: the page reports it once it has validated the message.
    }
  };
}

/** The theme a show with an unknown theme name is drawn in (templateSet's DEFAULT_THEME; importing it would pull zod into the entry). */
const HUB_DEFAULT_THEME = 'finishline';
