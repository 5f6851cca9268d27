import { combineRgb, type CompanionFeedbackDefinitions, type CompanionOptionValues } from '@companion-module/base';
import { outputWarnings } from '../../../src/operator/outputHealth';
import { maySend, type ModuleView } from './moduleView';
import { CUED, isLayer, itemChoices, layerChoices } from './options';

const WHITE = combineRgb(255, 255, 255);
/** Tally colours, as the panel's: on air red, cued green. */
export const ON_AIR_RED = combineRgb(204, 0, 0);
export const CUED_GREEN = combineRgb(0, 153, 51);
const AMBER = combineRgb(230, 140, 0);

/** Each output's warnings as the panel words them (see operator/outputHealth), worst first; empty when all is well. */
export function outputProblems(view: ModuleView, hubTime: number, droppedLately: (connectionId: string) => number = () => 0): string[] {
  const connected = view.outputs.filter((output) => output.connected);
  if (view.show && connected.length === 0) return ['No output is connected to the hub'];
  return view.outputs.flatMap((output) =>
    outputWarnings(output, view.show, hubTime, view.revisionSince, droppedLately(output.connectionId)).map((warning) => `${output.name || output.connectionId}: ${warning}`),
  );
}

const itemIdOf = (view: ModuleView, value: unknown) => (value === CUED ? view.cueId : value);

/**
 * Whether a boolean feedback is on, for these options in this view. Pure: the wrapper calls it from each
 * feedback's callback and asks Companion to check them again whenever the hub pushes a change.
 */
export function feedbackActive(feedbackId: string, options: CompanionOptionValues, view: ModuleView, hubTime: number, localNow: number, droppedLately?: (connectionId: string) => number): boolean {
  const show = view.show;
  switch (feedbackId) {
    case 'item_on_air': {
      const id = itemIdOf(view, options.item);
      return !!show && id !== null && Object.values(show.onAir).some((graphic) => graphic.itemId === id);
    }
    case 'item_cued':
      return view.cueId !== null && (options.item === CUED || options.item === view.cueId);
    case 'layer_on_air':
      return !!show && isLayer(options.layer) && show.onAir[options.layer] !== undefined;
    case 'hub_connected':
      return view.connection === 'open' && maySend(view);
    case 'output_problem':
      return view.connection !== 'open' || outputProblems(view, hubTime, droppedLately).length > 0;
    case 'crawl_running':
      return !!show && show.crawl.running && Object.values(show.onAir).some((graphic) => graphic.graphic.kind === 'crawl');
    case 'clear_all_armed':
      return view.clearAllArmedUntil !== null && localNow <= view.clearAllArmedUntil;
    default:
      return false;
  }
}

/** The feedbacks as Companion lists them. `active` evaluates one against the module's current view. */
export function feedbackDefinitions(view: ModuleView, active: (feedbackId: string, options: CompanionOptionValues) => boolean): CompanionFeedbackDefinitions {
  const item = { type: 'dropdown' as const, id: 'item', label: 'Rundown item', default: CUED, choices: itemChoices(view.show, true), allowCustom: true };
  const define = (name: string, description: string, bgcolor: number, options: (typeof item | { type: 'dropdown'; id: string; label: string; default: string; choices: typeof layerChoices })[] = []) => ({
    type: 'boolean' as const,
    name,
    description,
    defaultStyle: { bgcolor, color: WHITE },
    options,
    callback: (feedback: { feedbackId: string; options: CompanionOptionValues }) => active(feedback.feedbackId, feedback.options),
  });
  return {
    item_on_air: define('Tally: item on air', 'Red while a graphic taken from this item is on air (from any panel, Companion or curl)', ON_AIR_RED, [item]),
    item_cued: define('Tally: item cued', 'Green while this item is cued in this module', CUED_GREEN, [item]),
    layer_on_air: define('Layer on air', 'While the layer holds a graphic', ON_AIR_RED, [{ type: 'dropdown', id: 'layer', label: 'Layer', default: 'lowerThird', choices: layerChoices }]),
    hub_connected: define('Hub connected', 'While the module is connected to the hub as an operator', CUED_GREEN),
    output_problem: define('Output health: needs attention', 'While an output is disconnected, silent, behind, slow, dropping frames, on a fallback renderer or showing other graphics, or none is connected', AMBER),
    crawl_running: define('Crawl running', 'While the crawl is on air and moving', ON_AIR_RED),
    clear_all_armed: define('Clear all armed', 'Between a first Clear all press and the moment it disarms', AMBER),
  };
}
