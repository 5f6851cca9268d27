import { z } from 'zod';
import { Command } from './command';
import { LayerId } from './layers';
import { AlphaMode, OutputMode } from './outputMode';
import { OutputName } from './outputName';
import type { Role } from './role';

export { OutputName };
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
  /** Frames per second the page got from the browser over the last second (0 on the manual clock). */
  fps: z.number().nonnegative(),
  /** Frames missed since the page started, counted at the output's own rate (`targetFps`). */
  droppedFrames: z.number().int().nonnegative(),
  // Fields below were added with output modes; defaults keep reports from older pages readable.
  mode: OutputMode.default('alpha'),
  alpha: AlphaMode.default('premultiplied'),
  /** The frame rate the output runs at (from its URL): 25, 29.97, 50, 59.94 or 60. */
  targetFps: z.number().positive().default(50),
  /** e.g. "1080p50", or "1366x768p50" for a size that is not a broadcast format. */
  format: z.string().max(40).default(''),
  /** Frame intervals over the last 10 s (ms), or null before the page has drawn two frames on its own clock. */
  frameIntervalMs: z.strictObject({ p50: z.number(), p95: z.number(), p99: z.number(), max: z.number() }).nullable().default(null),
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
  /** Operator panels: rename a connected output (it adopts the name, so it keeps it when it reconnects). */
  z.strictObject({ type: z.literal('nameOutput'), id: z.string().min(1).max(64), connectionId: z.string().min(1).max(16), name: OutputName }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/** Status of one connected output, as the hub relays it to panels. */
export const OutputStatus = z.strictObject({
  connectionId: z.string(),
  /** Empty when the output was given none. */
  name: z.string(),
  connected: z.boolean(),
  connectedAt: z.number(),
  /** Hub time it disconnected; the hub forgets it a while later. */
  disconnectedAt: z.number().nullable(),
  lastReportAt: z.number().nullable(),
  report: OutputReport.nullable(),
});
export type OutputStatus = z.infer<typeof OutputStatus>;

/** Messages the hub sends. `snapshot` carries the whole show state; it is sent on connect and after every change. */
export type ServerMessage =
  /** `role`: the token's role (viewer without a token); `access`: the token's name and role, when the connection presented one. */
  | {
      type: 'welcome';
      connectionId: string;
      role: ClientRole;
      hubTime: number;
      access?: { name: string; role: ClientRole };
      /** Hubs sharing one show through NATS: this hub's name, and every hub's address (http://host:port) to move to if this one goes. */
      hub?: string;
      hubs?: string[];
    }
  | { type: 'snapshot'; revision: number; state: unknown; hubTime: number }
  /** `warnings`: what the sender should know about a command that went (a take's texts no bundled font draws, an empty board, a gun time behind a split). */
  | { type: 'ack'; id: string; revision: number; warnings?: string[] }
  /** `status` 403: the connection's role may not send that command (the error says what it may do). */
  | { type: 'rejected'; id: string | null; error: string; revision: number; status?: 403 | 503 }
  | { type: 'pong'; sentLocal: number; hubTime: number }
  | { type: 'outputs'; outputs: OutputStatus[] }
  /** To one output: an operator gave it this name. */
  | { type: 'named'; name: string }
  /** The valid template set (every theme, every layout), sent on connect before the first snapshot and after every valid edit. */
  | { type: 'templates'; version: number; templates: TemplateLibrary }
  /** What is wrong with the template files on disk (empty once fixed) for panels and the gallery; air keeps `version`. */
  | { type: 'templateProblems'; version: number; problems: TemplateProblem[] };

/** A connection's role: its token's (see README, Roles), or viewer without one. */
export type ClientRole = Role;
