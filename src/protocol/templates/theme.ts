import { z } from 'zod';
import { LAYERS } from '../layers';
import { BUNDLED_FONTS, FONT_FAMILIES } from './bundledFonts';

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #0b1f4b');
const Rect = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Rect = z.infer<typeof Rect>;

const Font = z
  .strictObject({
    family: z.enum(FONT_FAMILIES, { error: (issue) => `${JSON.stringify(issue.input)} is not a bundled font: use one of ${FONT_FAMILIES.join(', ')}` }),
    weight: z.number().int().min(100).max(900),
  })
  .superRefine((font, ctx) => {
    const weights: readonly number[] = BUNDLED_FONTS[font.family] ?? [];
    if (weights.length > 0 && !weights.includes(font.weight)) {
      ctx.addIssue({ code: 'custom', path: ['weight'], message: `${font.family} is bundled in weight ${weights.join(' and ')} only` });
    }
  });

// GSAP's named eases (https://gsap.com/docs/v3/Easing), optionally with a config like back.out(1.7).
const EASE = /^(none|linear|(power[0-4]|back|bounce|circ|elastic|expo|sine|quad|cubic|quart|quint|strong)(\.(in|out|inOut))?(\([\d.,\s]*\))?)$/;

/**
 * The look shared by every graphic: colours, fonts, and each layer's region of the 1920x1080 design frame.
 * A layer's graphics must stay inside its region: outputs give each layer a canvas of exactly that size.
 */
export const Theme = z.strictObject({
  name: z.string().min(1),
  colours: z.strictObject({
    panel: Colour,
    panelText: Colour,
    accent: Colour,
    accentText: Colour,
    strip: Colour,
    stripText: Colour,
    under: Colour,
    over: Colour,
  }),
  fonts: z.strictObject({ display: Font, text: Font }),
  regions: z.strictObject(Object.fromEntries(LAYERS.map((layer) => [layer, Rect])) as Record<(typeof LAYERS)[number], typeof Rect>),
  timing: z.strictObject({
    enterSeconds: z.number().min(0).max(5),
    exitSeconds: z.number().min(0).max(5),
    updateSeconds: z.number().min(0).max(5),
    ease: z.string().regex(EASE, 'must be a GSAP ease like power3.out, sine.inOut or back.out(1.7)'),
  }),
});
export type Theme = z.infer<typeof Theme>;
