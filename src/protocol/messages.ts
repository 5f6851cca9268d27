import { z } from 'zod';
import { Command } from './command';
import { LayerId } from './layers';
import type { TemplateLibrary, TemplateProblem } from './templates/templateSet';

/** What an output says about itself after it has drawn a revision (for the panel's confidence view). */
export const OutputReport = z.strictObject({
  type: z.literal('rendered'),
  revision: z.number().int().nonnegative(),
  renderer: z.enum(['webgl', 'canvas', 'webgpu']),
  requestedRenderer: z.enum(['auto', 'webgl', 'canvas']),
  /** Why the renderer in use was chosen, e.g. "WebGL is software-rendered here". */
  rendererReason: z.string().max(200),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  fps: z.number().nonnegative(),
  droppedFrames: z.number().int().nonnegative(),
  onAir: z.array(z.strictObject({ layer: LayerId, kind: z.string().max(40), id: z.string().max(40) })).max(20),
  page: z.string().max(40),
});
export type OutputReport = z.infer<typeof OutputReport>;

/** Messages a client may send over the WebSocket. */
export const ClientMessage = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('command'),
    /** Echoed in the ack so the sender can match it. */
    id: z.string().min(1).max(64),
    command: Command,
    /** When set, the command is refused if the show has moved past this revision (another operator's edit). */
    baseRevision: z.number().int().nonnegative().optional(),
  }),
  z.strictObject({ type: z.literal('ping'), sentLocal: z.number() }),
  OutputReport,
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/** Status of one connected output, as the hub relays it to panels. */
export type OutputStatus = {
  connectionId: string;
  connected: boolean;
  connectedAt: number;
  lastReportAt: number | null;
  report: OutputReport | null;
};

/** Messages the hub sends. `snapshot` carries the whole show state; it is sent on connect and after every change. */
export type ServerMessage =
  | { type: 'welcome'; connectionId: string; role: ClientRole; hubTime: number }
  | { type: 'snapshot'; revision: number; state: unknown; hubTime: number }
  | { type: 'ack'; id: string; revision: number }
  | { type: 'rejected'; id: string | null; error: string; revision: number }
  | { type: 'pong'; sentLocal: number; hubTime: number }
  | { type: 'outputs'; outputs: OutputStatus[] }
  /** The valid template set (every theme, every layout), sent on connect before the first snapshot and after every valid edit. */
  | { type: 'templates'; version: number; templates: TemplateLibrary }
  /** What is wrong with the template files on disk (empty once fixed) for panels and the gallery; air keeps `version`. */
  | { type: 'templateProblems'; version: number; problems: TemplateProblem[] };

export type ClientRole = 'operator' | 'viewer';
