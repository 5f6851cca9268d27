import type { CompanionVariableDefinition, CompanionVariableValues } from '@companion-module/base';
import { formatTime } from '../../../src/core';
import { clockText } from '../../../src/graphics/raceClock/raceClockModel';
import { contractOf } from '../../../src/protocol/graphicSpec';
import { LAYER_TITLES, LAYERS } from '../../../src/protocol/layers';
import { itemTitle } from '../../../src/protocol/rundownItem';
import type { OnAirGraphic } from '../../../src/state/showState';
import { outputProblems } from './feedbacks';
import { maySend, type ModuleView } from './moduleView';
import { variablePart } from './options';

/** The variables there are: fixed ones, one per layer, three per race of the show. */
export function variableDefinitions(view: ModuleView): CompanionVariableDefinition[] {
  return [
    { variableId: 'connection', name: 'Hub connection' },
    { variableId: 'show_name', name: 'Show name' },
    { variableId: 'revision', name: 'Show revision' },
    { variableId: 'cued', name: 'Cued item' },
    { variableId: 'output_health', name: 'Output health (OK, or the first problem)' },
    ...LAYERS.map((layer) => ({ variableId: `on_air_${variablePart(layer)}`, name: `On air: ${LAYER_TITLES[layer]}` })),
    ...(view.show?.races ?? []).flatMap((race) => [
      { variableId: `race_${variablePart(race.id)}_name`, name: `${race.name}: name` },
      { variableId: `race_${variablePart(race.id)}_clock`, name: `${race.name}: clock (as the race clock graphic shows it)` },
      { variableId: `race_${variablePart(race.id)}_split`, name: `${race.name}: latest split` },
    ]),
  ];
}

/** What a graphic on air is called on a button: its rundown item's title, else its kind's title. */
function onAirTitle(view: ModuleView, graphic: OnAirGraphic | undefined): string {
  if (!graphic) return '';
  const item = view.show?.rundown.find((i) => i.id === graphic.itemId);
  return item ? itemTitle(item) : contractOf(graphic.graphic.kind).title;
}

function connectionText(view: ModuleView): string {
  if (view.connection !== 'open') return view.wasOpen || view.connection === 'closed' ? 'disconnected' : 'connecting';
  return maySend(view) ? 'connected' : 'read-only (token refused)';
}

/**
 * Every variable's value at hub time `hubTime`. Race clocks are computed from the gun and the hub's clock
 * exactly as the race clock graphic computes them (never ticked), so a button shows the output's second.
 */
export function variableValues(view: ModuleView, hubTime: number, droppedLately?: (connectionId: string) => number): CompanionVariableValues {
  const show = view.show;
  const problems = outputProblems(view, hubTime, droppedLately);
  const cued = show?.rundown.find((item) => item.id === view.cueId);
  const values: CompanionVariableValues = {
    connection: connectionText(view),
    show_name: show?.name ?? '',
    revision: show?.revision ?? '',
    cued: cued ? itemTitle(cued) : '',
    output_health: show ? (problems[0] ?? `OK: ${view.outputs.filter((o) => o.connected).length} output(s)`) : '',
  };
  for (const layer of LAYERS) values[`on_air_${variablePart(layer)}`] = onAirTitle(view, show?.onAir[layer]);
  for (const race of show?.races ?? []) {
    const id = variablePart(race.id);
    const split = race.splits.at(-1);
    values[`race_${id}_name`] = race.name;
    values[`race_${id}_clock`] = clockText({ id: race.id, name: race.name, gunTime: race.gunTime, finishedAt: race.finishedAt }, hubTime);
    values[`race_${id}_split`] = split ? `${split.label} ${formatTime(split.elapsedMs)}` : '';
  }
  return values;
}

/** Only the values that differ from those last sent (Companion need not hear the same value every second). */
export function changedValues(next: CompanionVariableValues, sent: Map<string, unknown>): CompanionVariableValues {
  const changed: CompanionVariableValues = {};
  for (const [id, value] of Object.entries(next)) if (sent.get(id) !== value) changed[id] = value;
  return changed;
}
