import { z } from 'zod';
import { LAYERS } from '../layers';
import { isInside } from '../../core/safeAreas';
import { BUNDLED_FONTS, FONT_FAMILIES } from './bundledFonts';
import { DESIGN_FRAME, edgeProblems, regionSafeAreaProblems } from './safeArea';

const Colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #0b1f4b');
/** The smallest region a layer may have: outputs give each layer a canvas of its region's size. */
const MIN_REGION_PX = 16;
const FRAME = `the ${DESIGN_FRAME.width}x${DESIGN_FRAME.height} design frame`;

/**
 * A layer's region, inside the design frame: a region past it would ask outputs for a canvas of any size
 * (20000x20000 failed to allocate and drew the whole output white).
 */
const Rect = z
  .strictObject({
    x: z.number().int().min(0, 'must be at least 0, the left edge of the design frame'),
    y: z.number().int().min(0, 'must be at least 0, the top edge of the design frame'),
    width: z.number().int().min(MIN_REGION_PX, `must be at least ${MIN_REGION_PX} pixels`),
    height: z.number().int().min(MIN_REGION_PX, `must be at least ${MIN_REGION_PX} pixels`),
  })
  .superRefine((rect, ctx) => {
    for (const problem of edgeProblems(rect, DESIGN_FRAME, FRAME, { horizontal: true })) {
      // Left and top are the fields' own minimums above.
      if (problem.path === 'width' || problem.path === 'height') ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
    }
  });
export type Rect = z.infer<typeof Rect>;

/** Each layer's region, each inside its safe area (regionSafeAreaProblems); one outside the frame is reported only as that. */
const Regions = z
  .strictObject(Object.fromEntries(LAYERS.map((layer) => [layer, Rect])) as Record<(typeof LAYERS)[number], typeof Rect>)
  .superRefine((regions, ctx) => {
    for (const layer of LAYERS) {
      const region = regions[layer];
      if (!isInside(region, DESIGN_FRAME) || region.width < MIN_REGION_PX || region.height < MIN_REGION_PX) continue;
      for (const problem of regionSafeAreaProblems(layer, region)) ctx.addIssue({ code: 'custom', path: [layer, problem.path], message: problem.message });
    }
  });

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
 * The look shared by every graphic: colours, fonts, and each layer's region of the 1920x1080 design frame,
 * inside EBU R 95 action-safe (the crawl: edge to edge, inside graphics-safe top to bottom).
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
  regions: Regions,
  timing: z.strictObject({
    enterSeconds: z.number().min(0).max(5),
    exitSeconds: z.number().min(0).max(5),
    updateSeconds: z.number().min(0).max(5),
    ease: z.string().regex(EASE, 'must be a GSAP ease like power3.out, sine.inOut or back.out(1.7)'),
  }),
});
export type Theme = z.infer<typeof Theme>;
