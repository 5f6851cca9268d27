import { combineRgb, type CompanionButtonPresetDefinition, type CompanionPresetDefinitions, type CompanionOptionValues } from '@companion-module/base';
import { LAYER_TITLES, LAYERS } from '../../../src/protocol/layers';
import { itemTitle } from '../../../src/protocol/rundownItem';
import { CUED_GREEN, ON_AIR_RED } from './feedbacks';
import type { ModuleView } from './moduleView';
import { CUED, variablePart } from './options';
import { RACE_GRAPHICS } from './actions';

const WHITE = combineRgb(255, 255, 255);
const BLACK = combineRgb(0, 0, 0);
const GREY = combineRgb(51, 51, 51);

function button(
  category: string,
  name: string,
  text: string,
  actionId: string,
  options: CompanionOptionValues,
  feedbacks: CompanionButtonPresetDefinition['feedbacks'] = [],
): CompanionButtonPresetDefinition {
  return {
    type: 'button',
    category,
    name,
    style: { text, size: 'auto', color: WHITE, bgcolor: BLACK },
    steps: [{ down: [{ actionId, options }], up: [] }],
    feedbacks,
  };
}

const tally = (item: string) => [
  { feedbackId: 'item_cued', options: { item }, style: { bgcolor: CUED_GREEN, color: WHITE } },
  // Listed after the cue, so on air (red) wins on a cued item that is on air.
  { feedbackId: 'item_on_air', options: { item }, style: { bgcolor: ON_AIR_RED, color: WHITE } },
];

/**
 * Ready-made buttons for the show the hub has open (the demo show, London 2016, or any other): a Take with
 * its tally for every rundown item, grouped as the panel groups them; the cue, clears, each race's start and
 * graphics (with its live clock), the crawl, and the hub's status. `label` is the connection's label in Companion, for `$(label:variable)`.
 */
export function presetDefinitions(view: ModuleView, label: string): CompanionPresetDefinitions {
  const presets: CompanionPresetDefinitions = {};
  const v = (id: string) => `$(${label}:${id})`;
  for (const item of view.show?.rundown ?? []) {
    presets[`take_${item.id}`] = button(`Rundown: ${item.group}`, itemTitle(item), itemTitle(item), 'take', { item: item.id }, tally(item.id));
  }
  presets.cue_previous = button('Cue and take', 'Cue previous', 'CUE ▲', 'cue', { to: 'previous' });
  presets.cue_next = button('Cue and take', 'Cue next', 'CUE ▼', 'cue', { to: 'next' });
  presets.take_cued = button('Cue and take', 'Take the cued item', `TAKE\\n${v('cued')}`, 'take', { item: CUED }, tally(CUED));
  presets.update_cued = button('Cue and take', 'Update in place with the cued item', `UPDATE\\n${v('cued')}`, 'update', { item: CUED });
  presets.clear_cued = button('Cue and take', 'Clear the cued item', `CLEAR\\n${v('cued')}`, 'clear_item', { item: CUED });
  for (const layer of LAYERS) {
    presets[`clear_${layer}`] = button('Clear', `Clear ${LAYER_TITLES[layer]}`, `CLEAR\\n${LAYER_TITLES[layer]}`, 'clear_layer', { layer }, [
      { feedbackId: 'layer_on_air', options: { layer }, style: { bgcolor: ON_AIR_RED, color: WHITE } },
    ]);
  }
  presets.clear_all = button('Clear', 'Clear all (press twice)', 'CLEAR\\nALL', 'clear_all', {}, [
    { feedbackId: 'clear_all_armed', options: {}, style: { bgcolor: combineRgb(230, 140, 0), color: BLACK, text: 'PRESS AGAIN' } },
  ]);
  for (const race of view.show?.races ?? []) {
    const id = variablePart(race.id);
    const category = `Race: ${race.name}`;
    presets[`start_${race.id}`] = button(category, `Start ${race.name}`, `START\\n${race.name}\\n${v(`race_${id}_clock`)}`, 'start_race', { race: race.id });
    for (const [graphic, name] of Object.entries(RACE_GRAPHICS)) {
      const text = graphic === 'splitBanner' ? `SPLIT\\n${v(`race_${id}_split`)}` : graphic === 'raceClock' ? `CLOCK\\n${v(`race_${id}_clock`)}` : `PROJECTION\\n${race.name}`;
      presets[`${graphic}_${race.id}`] = button(category, `${race.name}: ${name}`, text, 'race_graphic', { race: race.id, graphic });
    }
  }
  presets.crawl_run = button('Crawl', 'Run the crawl', 'CRAWL\\nRUN', 'crawl_run', { mode: 'run' }, [{ feedbackId: 'crawl_running', options: {}, style: { bgcolor: ON_AIR_RED, color: WHITE } }]);
  presets.crawl_stop = button('Crawl', 'Stop the crawl', 'CRAWL\\nSTOP', 'crawl_run', { mode: 'stop' });
  presets.hub = {
    type: 'button',
    category: 'Status',
    name: 'Hub and outputs',
    style: { text: `${v('connection')}\\n${v('output_health')}`, size: 'auto', color: WHITE, bgcolor: GREY },
    steps: [{ down: [], up: [] }],
    feedbacks: [
      { feedbackId: 'hub_connected', options: {}, style: { bgcolor: CUED_GREEN, color: WHITE } },
      { feedbackId: 'output_problem', options: {}, style: { bgcolor: combineRgb(230, 140, 0), color: BLACK } },
    ],
  };
  return presets;
}
