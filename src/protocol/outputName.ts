import { z } from 'zod';

/** An output's name, shown in the panel's Outputs list: from its URL (`?name=vMix main`) or given in the panel. */
export const OutputName = z.string().trim().min(1, 'an output name needs at least one character').max(60, 'an output name has at most 60 characters');
