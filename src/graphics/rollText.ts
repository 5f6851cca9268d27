import type { Text } from 'pixi.js';
import type { Timeline } from './graphicDefinition';

/**
 * Rolls texts to new content in place: they slide up and fade out, `apply` sets the new content halfway,
 * and they slide up into place from below. Only the texts given move; everything else stays still.
 */
export function rollText(tl: Timeline, texts: Text[], apply: () => void, options: { duration: number; distance: number; ease: string; at?: number }) {
  const { duration, distance, ease, at = 0 } = options;
  const half = duration / 2;
  const homes = texts.map((text) => text.y);
  texts.forEach((text, i) => {
    const home = homes[i]!;
    tl.to(text, { alpha: 0, y: home - distance, duration: half, ease: 'power2.in' }, at).fromTo(
      text,
      { alpha: 0, y: home + distance },
      // Not rendered until it starts: the old content must stay visible for the first half.
      { alpha: 1, y: home, duration: half, ease, immediateRender: false },
      at + half,
    );
  });
  tl.call(apply, [], at + half);
}

/** Fades texts out (`show` false) or in (`show` true), applying their content before a fade in. */
export function fadeText(tl: Timeline, texts: Text[], show: boolean, apply: () => void, options: { duration: number; ease: string; at?: number }) {
  const { duration, ease, at = 0 } = options;
  if (show) {
    tl.call(apply, [], at).fromTo(texts, { alpha: 0 }, { alpha: 1, duration, ease, immediateRender: false }, at);
  } else {
    tl.to(texts, { alpha: 0, duration, ease: 'power2.in' }, at).call(apply, [], at + duration);
  }
}
