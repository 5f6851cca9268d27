import { z } from 'zod';

/** A length in design pixels (the 1920x1080 frame). */
export const px = z.number().min(0).max(3840);
/** A font size in design pixels. */
export const fontSize = z.number().min(6).max(400);
