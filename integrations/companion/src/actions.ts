import type { CompanionActionDefinitions, CompanionOptionValues, SomeCompanionActionInputField } from '@companion-module/base';
import { Command } from '../../../src/protocol/command';
import { describeIssues } from '../../../src/protocol/describeIssues';
import { contractOf } from '../../../src/protocol/graphicSpec';
import { LAYER_TITLES } from '../../../src/protocol/layers';
import { CLEAR_ALL_WINDOW_MS } from '../../../src/operator/hotkeys';
import { layersOnAir, moveCue } from '../../../src/operator/rundownOrder';
import type { ModuleView } from './moduleView';
import { CUED, findItem, findRace, isLayer, itemChoices, itemName, layerChoices, raceChoices } from './options';

/** What pressing a button does: send commands to the hub, change the module's own cue or arm, or refuse (why). */
export type Plan =
  | { kind: 'send'; commands: Command[]; done: string; change?: Partial<ModuleView> }
  | { kind: 'local'; change: Partial<ModuleView>; done: string }
  | { kind: 'refuse'; error: string };

export const RACE_GRAPHICS = { splitBanner: 'Split banner (latest split)', projectionTicker: 'Projection ticker', raceClock: 'Race clock' } as const;
type RaceGraphic = keyof typeof RACE_GRAPHICS;

const refuse = (error: string): Plan => ({ kind: 'refuse', error });

/** Every command is checked against the protocol's own schema before it leaves, as the panel does. */
function send(commands: unknown[], done: string): Plan {
  const checked: Command[] = [];
  for (const command of commands) {
    const parsed = Command.safeParse(command);
    if (!parsed.success) return refuse(`Not sent: ${describeIssues(parsed.error)}`);
    checked.push(parsed.data);
  }
  return { kind: 'send', commands: checked, done };
}

/**
 * What an action does with these options in this view, at local time `now`. Pure: the module's wrapper sends
 * the commands, applies the change or reports the refusal (Companion shows the action as failed, with the reason).
 */
export function planAction(actionId: string, options: CompanionOptionValues, view: ModuleView, now: number): Plan {
  const { show } = view;
  switch (actionId) {
    case 'take': {
      const item = findItem(show, view.cueId, options.item);
      if (typeof item === 'string') return refuse(item);
      return send([{ type: 'take', graphic: item.graphic, itemId: item.id }], `Took ${itemName(item)} to ${LAYER_TITLES[contractOf(item.graphic.kind).layer]}`);
    }
    case 'update': {
      const item = findItem(show, view.cueId, options.item);
      if (typeof item === 'string') return refuse(item);
      const layer = contractOf(item.graphic.kind).layer;
      return send([{ type: 'update', layer, graphic: item.graphic, itemId: item.id }], `Updated ${LAYER_TITLES[layer]} with ${itemName(item)}`);
    }
    case 'clear_item': {
      const item = findItem(show, view.cueId, options.item);
      if (typeof item === 'string') return refuse(item);
      const layers = layersOnAir(show!, item.id);
      if (layers.length === 0) return refuse(`${itemName(item)} is not on air`);
      return send(layers.map((layer) => ({ type: 'clear', layer })), `Cleared ${itemName(item)}`);
    }
    case 'cue': {
      if (!show) return refuse('Not connected to the hub yet: the rundown is not known');
      const to = options.to;
      if (to !== 'next' && to !== 'previous' && to !== 'first' && to !== 'last') return refuse(`Cue where? ${JSON.stringify(to)} is not next, previous, first or last`);
      const cueId = moveCue(show.rundown, view.cueId, to);
      return { kind: 'local', change: { cueId }, done: cueId ? `Cued ${cueId}` : 'The rundown is empty: nothing to cue' };
    }
    case 'cue_item': {
      const item = findItem(show, view.cueId, options.item);
      if (typeof item === 'string') return refuse(item);
      return { kind: 'local', change: { cueId: item.id }, done: `Cued ${itemName(item)}` };
    }
    case 'clear_layer': {
      if (!isLayer(options.layer)) return refuse(`No layer ${JSON.stringify(options.layer)}: pick one of ${layerChoices.map((c) => c.id).join(', ')}`);
      return send([{ type: 'clear', layer: options.layer }], `Cleared ${LAYER_TITLES[options.layer]}`);
    }
    case 'clear_all': {
      // The panel's F12 guard: a first press arms for a moment, only a second press within it clears.
      if (view.clearAllArmedUntil !== null && now <= view.clearAllArmedUntil) {
        const plan = send([{ type: 'clearAll' }], 'Cleared everything off air');
        return plan.kind === 'send' ? { ...plan, change: { clearAllArmedUntil: null } } : plan;
      }
      return { kind: 'local', change: { clearAllArmedUntil: now + CLEAR_ALL_WINDOW_MS }, done: `Clear all is armed: press again within ${CLEAR_ALL_WINDOW_MS / 1000} s to clear everything` };
    }
    case 'start_race': {
      const race = findRace(show, options.race);
      if (typeof race === 'string') return refuse(race);
      return send([{ type: 'startRace', raceId: race.id }], `Started ${race.name}`);
    }
    case 'race_graphic': {
      const race = findRace(show, options.race);
      if (typeof race === 'string') return refuse(race);
      const graphic = options.graphic as RaceGraphic;
      switch (graphic) {
        case 'splitBanner': {
          const split = race.splits.at(-1);
          if (!split) return refuse(`${race.name} has no splits yet: enter one in race control first`);
          return send([{ type: 'take', graphic: { kind: 'splitBanner', props: { raceId: race.id, metres: split.metres } } }], `Took ${race.name} ${split.label} to Banner`);
        }
        case 'projectionTicker':
          return send([{ type: 'take', graphic: { kind: 'projectionTicker', props: { raceId: race.id } } }], `Took ${race.name} projection to Ticker`);
        case 'raceClock':
          return send([{ type: 'take', graphic: { kind: 'raceClock', props: { raceIds: [race.id] } } }], `Took ${race.name} clock to Clock`);
        default:
          return refuse(`No race graphic ${JSON.stringify(options.graphic)}: pick one of ${Object.keys(RACE_GRAPHICS).join(', ')}`);
      }
    }
    case 'crawl_run': {
      if (!show) return refuse('Not connected to the hub yet');
      const running = options.mode === 'toggle' ? !show.crawl.running : options.mode === 'run' ? true : options.mode === 'stop' ? false : null;
      if (running === null) return refuse(`Crawl: ${JSON.stringify(options.mode)} is not run, stop or toggle`);
      return send([{ type: 'crawlRun', running }], running ? 'The crawl runs' : 'The crawl stopped');
    }
    default:
      return refuse(`Unknown action ${JSON.stringify(actionId)}`);
  }
}

/** The actions as Companion lists them; dropdowns offer the show's items and races. `run` carries out a press. */
export function actionDefinitions(view: ModuleView, run: (actionId: string, options: CompanionOptionValues) => Promise<void>): CompanionActionDefinitions {
  const item = (withCued: boolean) => ({ type: 'dropdown' as const, id: 'item', label: 'Rundown item', default: withCued ? CUED : (itemChoices(view.show, false)[0]?.id ?? ''), choices: itemChoices(view.show, withCued), allowCustom: true });
  const race = { type: 'dropdown' as const, id: 'race', label: 'Race', default: raceChoices(view.show)[0]?.id ?? '', choices: raceChoices(view.show), allowCustom: true };
  const define = (name: string, description: string, options: SomeCompanionActionInputField[]) => ({ name, description, options, callback: async (event: { actionId: string; options: CompanionOptionValues }) => run(event.actionId, event.options) });
  return {
    take: define('Take a rundown item', 'Puts the item on air on its layer (the cued item by default)', [item(true)]),
    update: define('Update a rundown item in place', 'The graphic on its layer animates to the item, without re-entering', [item(true)]),
    clear_item: define('Clear a rundown item', 'Takes the item off air, wherever it is on air', [item(true)]),
    cue: define('Cue next / previous', 'Moves the cue in rundown order (as the panel lists it)', [
      { type: 'dropdown', id: 'to', label: 'Cue', default: 'next', choices: [{ id: 'next', label: 'Next' }, { id: 'previous', label: 'Previous' }, { id: 'first', label: 'First' }, { id: 'last', label: 'Last' }] },
    ]),
    cue_item: define('Cue a rundown item', 'Cues this item (green tally)', [item(false)]),
    clear_layer: define('Clear a layer', 'Takes the layer’s graphic off air', [{ type: 'dropdown', id: 'layer', label: 'Layer', default: 'lowerThird', choices: layerChoices }]),
    clear_all: define('Clear all (press twice)', `Everything off air: the first press arms it for ${CLEAR_ALL_WINDOW_MS / 1000} s, a second press within them clears`, []),
    start_race: define('Start a race', 'Starts the race clock: the gun is now', [race]),
    race_graphic: define('Race graphic to air', 'Takes a race’s split banner (its latest split), projection ticker or clock', [
      race,
      { type: 'dropdown', id: 'graphic', label: 'Graphic', default: 'splitBanner', choices: Object.entries(RACE_GRAPHICS).map(([id, label]) => ({ id, label })) },
    ]),
    crawl_run: define('Crawl run / stop', 'Runs or stops the crawl where it is', [
      { type: 'dropdown', id: 'mode', label: 'Crawl', default: 'toggle', choices: [{ id: 'run', label: 'Run' }, { id: 'stop', label: 'Stop' }, { id: 'toggle', label: 'Toggle' }] },
    ]),
  };
}
