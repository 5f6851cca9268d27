import { z } from 'zod';

/** A length in design pixels (the 1920x1080 frame). */
export const px = z.number().min(0).max(3840).describe('A length in design pixels (of the 1920x1080 frame)');
/** A font size in design pixels. */
export const fontSize = z.number().min(6).max(400).describe('A font size in design pixels');
