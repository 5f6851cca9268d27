import { z } from 'zod';
import { Command, type CommandType } from '../protocol/command';
import { EntrantPage, EntrantQuery } from '../protocol/entrantPage';
import { OutputStatus } from '../protocol/messages';
import { TemplateLibrary, TemplateProblem } from '../protocol/templates/templateSet';
import { ShowState } from '../state/showState';
import { COMMAND_SUMMARIES } from './commandSummaries';
import { AsRunEntry } from './asRunLog';
import type { FeedHealthReport } from './feeds/feedHealth';
import type { ApiRoute } from './httpApi';
import { SavedShow } from './showLibrary';
import { showsBodies } from './showsApi';

type Schema = Record<string, unknown>;
type Operation = {
  summary: string;
  description?: string;
  /** Needs `Authorization: Bearer <token>`. */
  token?: boolean;
  /** The request body's component name. */
  body?: string;
  /** The URL query parameters, as the zod object the route reads them with. */
  query?: z.ZodObject;
  /** The 200 answer's component name. */
  answer: string;
  /** The 200 answer's media type when it is not JSON (the schema then describes the rows). */
  answerType?: 'text/csv';
  /** Statuses other than 200 the route may answer with, each with an `{ error }` body. */
  errors?: Record<number, string>;
};

/** A pushed passing as the push route reads it (the feed's mapping and the race's checks decide the rest). */
const pushedPassing = z.looseObject({ raceId: z.string().optional(), bib: z.union([z.string(), z.number()]), metres: z.number(), elapsedMs: z.number() });

/** GET /api/feeds rows (FeedHealthReport), as a schema; the two are checked to agree below. */
const FeedHealthSchema = z.strictObject({
  id: z.string(),
  source: z.enum(['replay', 'pull', 'push']),
  raceId: z.string().nullable(),
  running: z.boolean(),
  state: z.enum(['stopped', 'waiting', 'ok', 'stale', 'finished']),
  lastMessageAt: z.number().nullable(),
  silentForS: z.number().nullable(),
  staleAfterS: z.number(),
  passingsPerMin: z.number(),
  received: z.number().int(),
  delivered: z.number().int(),
  waiting: z.number().int(),
  errors: z.array(z.strictObject({ at: z.number(), message: z.string(), times: z.number().int() })),
});
const feedReportsAgree: [FeedHealthReport] extends [z.infer<typeof FeedHealthSchema>] ? ([z.infer<typeof FeedHealthSchema>] extends [FeedHealthReport] ? true : never) : never = true;
void feedReportsAgree;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Every route, described. Typed by the router's own route list, so a route without a description does not compile. */
const OPERATIONS: Record<ApiRoute, Operation> = {
  'GET /api/state': { summary: 'The whole show state, with its revision', answer: 'ShowState' },
  'GET /api/outputs': { summary: 'Every output page the hub knows: name, connection, and what it last reported drawing', answer: 'Outputs' },
  'GET /api/health': {
    summary: 'The hub is up: its show revision and its clock (ms since the epoch)',
    answer: 'Health',
    errors: { 503: 'The hub cannot accept commands (e.g. it has lost NATS): `problem` says why' },
  },
  'GET /api/templates': { summary: 'The template set on air, and what is wrong with the template files on disk', answer: 'TemplateStatus', errors: { 404: 'This hub serves no templates' } },
  'POST /api/commands': {
    summary: 'Applies one command to the show',
    description:
      'The command is validated, applied, saved and only then published. Send `If-Match: <revision>` to make it conditional on the show not having changed since you read it.',
    token: true,
    body: 'Command',
    answer: 'Revision',
    errors: {
      400: 'Bad JSON, or a field that fails validation (the message names it)',
      409: 'The show has moved past the revision in If-Match',
      413: 'Body over 64 KiB',
      422: 'The show cannot apply it (e.g. clearing an empty layer)',
      503: 'The hub is busy or could not save the show',
    },
  },
  'GET /api/openapi.json': { summary: 'This document', answer: 'OpenApiDocument' },
  'GET /api/asrun': {
    summary: "The as-run log of a day (UTC; today without `date=YYYY-MM-DD`): every take, update and clear with who sent it and when each output drew it; `item=` filters by rundown item or text, `all=1` lists every applied command",
    answer: 'AsRunEntries',
    errors: { 400: 'date is not a day as YYYY-MM-DD', 404: 'This hub keeps no as-run log' },
  },
  'GET /api/asrun.csv': {
    summary: 'The same as-run log as CSV (one row per entry), for compliance and sponsors',
    answer: 'AsRunEntries',
    answerType: 'text/csv',
    errors: { 400: 'date is not a day as YYYY-MM-DD', 404: 'This hub keeps no as-run log' },
  },
  'GET /api/feeds': { summary: 'Health of every timing feed: state (stopped, waiting, ok, stale), last message, passings a minute, errors naming the row', answer: 'FeedReports' },
  'POST /api/feeds/{feedId}/passings': {
    summary: 'Passings pushed by a timing system to a push feed',
    description: 'A JSON list of `{ raceId?, bib, metres, elapsedMs }` (or `{ "passings": [...] }`); `raceId` defaults to the feed\'s race; a whole-number bib is read as its text, and a bib matches a start list\'s in another case when only one does. Good rows are taken, each refused row is named in `refused`; the answer comes once the hub has saved what it took (`accepted`), so an accepted passing survives a crash.',
    token: true,
    body: 'PushedPassings',
    answer: 'PushResult',
    errors: { 400: 'Not a list of passings', 409: 'No running push feed with that id', 422: 'No row could be taken (each named)', 503: 'Some passings could not be saved yet (named in `unsaved`): send them again' },
  },
  'POST /api/races/{raceId}/start-list': {
    summary: "A race's start list as CSV (bib, name, country, category, pb, display name): good rows are imported, refused rows reported",
    token: true,
    body: 'StartListCsv',
    answer: 'StartListResult',
    description:
      'The good rows go in as one upsertEntrants however long the list (a mass start, up to 50,000 rows and 8 MiB): one revision, saved whole before the answer, so a hub that crashes meanwhile keeps all of them or none; refused as a whole (422 or 503, nothing imported) if the hub cannot apply or save it. A row that would break a graphic on air is refused on its own. A list that would take the race past 50,000 entrants is refused whole. A file that is not UTF-8 is read as Windows-1252 (UTF-16 with its byte-order mark as such), and `note` says so.',
    errors: { 404: 'No such race', 413: 'Body over 8 MiB', 422: 'No row could be imported, the CSV cannot be read, or the race would hold too many entrants', 503: 'Could not save' },
  },
  'GET /api/races/{raceId}/entrants': {
    summary: "Finds entrants on a race's start list: a bib's start or part of a name (any case, accents ignored), a page at a time",
    description:
      "The exact bib first, then bibs starting with `q`, then names and display names holding it, each in start-list order; `total` counts the whole list, `matched` the matches. Pages (the panel, outputs) get a start list of more than 2000 entrants trimmed to those they draw, so the panel finds the others here.",
    query: EntrantQuery,
    answer: 'EntrantPage',
    errors: { 400: 'A query parameter is wrong or unknown (the message names it)', 404: 'No such race' },
  },
  'GET /api/shows': { summary: 'The saved shows, and which one is open', answer: 'ShowList' },
  'POST /api/shows/new': {
    summary: 'Saves the current show, then starts an empty one with this name',
    token: true,
    body: 'ShowsNew',
    answer: 'ShowSwitched',
    errors: { 400: 'A field fails validation', 422: 'Refused while graphics are on air, the show is locked, or the name is taken', 503: 'Could not save' },
  },
  'POST /api/shows/save-as': {
    summary: 'Saves the show under a name (`overwrite` to replace another saved show)',
    token: true,
    body: 'ShowsSaveAs',
    answer: 'ShowSwitched',
    errors: { 400: 'A field fails validation', 422: 'Another show is saved under that name', 503: 'Could not save' },
  },
  'POST /api/shows/open': {
    summary: 'Saves the current show, then opens a saved one with nothing on air',
    token: true,
    body: 'ShowsOpen',
    answer: 'ShowSwitched',
    errors: { 400: 'A field fails validation', 422: 'Refused while graphics are on air, the show is locked, or there is no such show', 503: 'Could not save' },
  },
};

/** Each command's discriminator, read from the union itself. */
export function commandTypes(): CommandType[] {
  return Command.options.map((option) => option.shape.type.value);
}

/** The zod schemas the document is generated from, by component name: what clients send (read as input) … */
function requestSchemas(): z.core.$ZodRegistry<{ id: string; description?: string }> {
  const registry = z.registry<{ id: string; description?: string }>();
  registry.add(Command, { id: 'Command', description: 'One of the commands below, told apart by `type`.' });
  for (const option of Command.options) {
    const type = option.shape.type.value;
    registry.add(option, { id: `Command.${type}`, description: COMMAND_SUMMARIES[type] });
  }
  registry.add(showsBodies.new, { id: 'ShowsNew' });
  registry.add(showsBodies['save-as'], { id: 'ShowsSaveAs' });
  registry.add(showsBodies.open, { id: 'ShowsOpen' });
  registry.add(
    z.union([z.array(pushedPassing), z.strictObject({ passings: z.array(pushedPassing) })]),
    { id: 'PushedPassings' },
  );
  registry.add(z.string().describe('CSV text with a header row'), { id: 'StartListCsv' });
  return registry;
}

/** … and what the hub answers (read as output: defaults filled in). */
function answerSchemas(): z.core.$ZodRegistry<{ id: string; description?: string }> {
  const registry = z.registry<{ id: string; description?: string }>();
  registry.add(ShowState, { id: 'ShowState', description: 'The whole show, as the hub holds it and sends it on the WebSocket.' });
  registry.add(z.strictObject({ outputs: z.array(OutputStatus) }), { id: 'Outputs' });
  registry.add(z.strictObject({ ok: z.boolean(), revision: z.number().int(), hubTime: z.number(), problem: z.string().optional(), natsServer: z.string().optional().describe('A hub sharing its show through NATS: the NATS server (host:port) its connection is on now') }), { id: 'Health' });
  registry.add(z.strictObject({ entries: z.array(AsRunEntry) }), { id: 'AsRunEntries' });
  registry.add(z.strictObject({ version: z.number().int(), templates: TemplateLibrary, problems: z.array(TemplateProblem) }), { id: 'TemplateStatus' });
  registry.add(
    z.strictObject({
      revision: z.number().int(),
      warnings: z.array(z.string()).optional().meta({ description: "What the sender should know about a command that went: a take's texts with characters no bundled font has, a leaderboard or gap with no athlete to show yet, a gun time leaving a split ahead of the race clock" }),
    }),
    { id: 'Revision', description: 'The show revision the change made.' },
  );
  registry.add(z.strictObject({ current: z.strictObject({ name: z.string(), file: z.string() }), shows: z.array(SavedShow) }), { id: 'ShowList' });
  registry.add(z.strictObject({ revision: z.number().int(), name: z.string() }), { id: 'ShowSwitched' });
  registry.add(z.strictObject({ error: z.string(), revision: z.number().int().optional() }), {
    id: 'Error',
    description: 'A refusal: a sentence naming what is wrong (the field, for validation errors); `revision` is the show revision, unchanged.',
  });
  registry.add(z.looseObject({ openapi: z.string() }), { id: 'OpenApiDocument' });
  registry.add(z.strictObject({ feeds: z.array(FeedHealthSchema) }), { id: 'FeedReports' });
  registry.add(z.strictObject({ accepted: z.number().int(), refused: z.array(z.looseObject({})), unsaved: z.array(z.looseObject({})).optional(), error: z.string().optional() }), { id: 'PushResult' });
  registry.add(EntrantPage, { id: 'EntrantPage', description: 'A page of the entrants a start-list search found.' });
  registry.add(
    z.strictObject({
      imported: z.number().int(),
      refused: z.array(z.looseObject({})),
      warnings: z.array(z.strictObject({ line: z.number().int(), bib: z.string(), warning: z.string() })).meta({ description: 'Rows imported that may not be what was meant (a bib differing from another only by leading zeros), by line' }),
      ignoredColumns: z.array(z.string()),
      note: z.string().optional().meta({ description: 'How a file that is not UTF-8 was read (Windows-1252, or UTF-16 with its byte-order mark)' }),
      revision: z.number().int(),
    }),
    { id: 'StartListResult' },
  );
  return registry;
}

function components(registry: z.core.$ZodRegistry<{ id: string; description?: string }>, io: 'input' | 'output'): Record<string, Schema> {
  const { schemas } = z.toJSONSchema(registry, { io, metadata: registry, target: 'draft-2020-12', unrepresentable: 'any', uri: (id) => `#/components/schemas/${id}` });
  // Component schemas sit inside the OpenAPI document: its dialect is 2020-12 already and they need no ids of their own.
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema as Schema]));
}

function pathsOf(): Record<string, Record<string, unknown>> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [route, op] of Object.entries(OPERATIONS) as [ApiRoute, Operation][]) {
    const [method, path] = route.split(' ') as [string, string];
    const json = (schema: unknown) => ({ 'application/json': { schema } });
    const ok = op.answerType ? { [op.answerType]: { schema: { type: 'string', description: `Rows of ${op.answer}` } } } : json(ref(op.answer));
    const responses: Record<string, unknown> = { 200: { description: 'OK', content: ok } };
    if (op.token) responses[401] = { description: 'Missing or wrong token', content: json(ref('Error')) };
    if (op.token) responses[403] = { description: "The token's role may not do this (the message names the role and what it may do)", content: json(ref('Error')) };
    for (const [status, description] of Object.entries(op.errors ?? {})) responses[status] = { description, content: json(ref('Error')) };
    (paths[path] ??= {})[method.toLowerCase()] = {
      operationId: route.replace(/[^A-Za-z0-9]+/g, '_').replace(/_$/, ''),
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      ...(op.token ? { security: [{ operatorToken: [] }] } : {}),
      ...(pathParameters(path).length + Object.keys(op.query?.shape ?? {}).length > 0 ? { parameters: [...pathParameters(path), ...queryParameters(op.query)] } : {}),
      ...(op.body ? { requestBody: { required: true, content: json(ref(op.body)) } } : {}),
      responses,
    };
  }
  return paths;
}

function pathParameters(path: string) {
  return [...path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string' } }));
}

function queryParameters(query: z.ZodObject | undefined) {
  if (!query) return [];
  const json = z.toJSONSchema(query, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }) as { properties: Record<string, Schema>; required?: string[] };
  return Object.entries(json.properties).map(([name, schema]) => ({ name, in: 'query', required: json.required?.includes(name) ?? false, schema }));
}

let built: Schema | null = null;

/**
 * The HTTP API as an OpenAPI 3.1 document, generated from the same zod schemas the hub validates with (built
 * once; the schemas do not change while the hub runs). Served at GET /api/openapi.json.
 */
export function openApiDocument(): Schema {
  built ??= {
    openapi: '3.1.0',
    info: {
      title: 'Finishline hub API',
      version: '1',
      description:
        'Reading is open; every change needs the operator token (printed by `npm start`) as `Authorization: Bearer <token>`, never in the URL. A refused request changes nothing and says why in `{ "error": "…" }`.',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths: pathsOf(),
    components: {
      schemas: { ...components(answerSchemas(), 'output'), ...components(requestSchemas(), 'input') },
      securitySchemes: { operatorToken: { type: 'http', scheme: 'bearer', description: 'The operator token printed by npm start (HUB_TOKEN)' } },
    },
  };
  return built;
}
