import { z } from 'zod';
import { LAYERS } from '../layers';

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #0b1f4b');
const Rect = z.strictObject({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Rect = z.infer<typeof Rect>;

const Font = z.strictObject({ family: z.string().min(1), weight: z.number().int().min(100).max(900) });

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
    ease: z.string().min(1),
  }),
});
export type Theme = z.infer<typeof Theme>;
