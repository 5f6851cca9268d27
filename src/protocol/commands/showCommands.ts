import { z } from 'zod';
import { ThemeName } from '../templates/templateSet';

/** Show-wide settings. */
export const showCommands = [
  /** Switches every output to another theme (a file templates/themes/<theme>.json); graphics on air re-lay out in place. */
  z.strictObject({ type: z.literal('show.setTheme'), theme: ThemeName }),
] as const;
