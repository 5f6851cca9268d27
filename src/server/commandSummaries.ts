import type { CommandType } from '../protocol/command';

/**
 * One sentence per command for the OpenAPI document (GET /api/openapi.json). Typed by the Command union, so
 * a new command does not compile until it is described here; the fields come from its zod schema.
 */
export const COMMAND_SUMMARIES: Record<CommandType, string> = {
  take: "Puts a graphic on air, on its kind's layer unless `layer` is given; what was there animates out first. `itemId` names the rundown item it came from (tally).",
  update: 'Changes the graphic on a layer in place (same kind): it animates to the new props, never re-enters.',
  clear: "Animates a layer's graphic out.",
  clearAll: 'Takes everything off air.',
  autoOut: "The hub's own auto-out: clears a layer only while take `onAirId` is still on it and its out-time has come.",
  addRace: 'Adds a race (a marathon unless `distanceM` is given).',
  editRace: "Changes a race's name, kind, distance or pace unit.",
  removeRace: 'Removes a race; refused while a graphic on air draws from it.',
  startRace: "Starts a race's clock: the gun is the hub's time when the command is applied.",
  setGunTime: 'Sets or corrects the gun time (hub epoch ms, or an ISO date-time with its offset).',
  finishRace: 'Stops the clock: now, at a hub time (`at`) or at an official time from the gun (`elapsedMs`).',
  resetRace: 'Back to before the start: no gun, no finish, no splits.',
  addSplit: "Enters a split: distance (metres or text like HALFWAY) and time from the gun (ms or text like 1:01:24), read against the race.",
  correctSplit: 'Changes a split already entered (its time, caption or leaders).',
  removeSplit: 'Removes a split.',
  setRecord: 'Sets the record projections are measured against, or null for none.',
  crawlAdd: 'Adds an item to the crawl (at `index`, or at the end).',
  crawlUpdate: "Replaces a crawl item's content; refused when `was` no longer matches (another operator changed it).",
  crawlRemove: 'Removes a crawl item; refused when `was` no longer matches.',
  crawlMove: 'Moves a crawl item to `index`, or one place (`by`: -1 or 1).',
  crawlRun: 'Stops the crawl where it is (false) or carries on from there (true).',
  crawlSpeed: "Sets the crawl's speed in pixels per second.",
  'rundown.add': "Adds a rundown item (after `after`, or at the end of its group).",
  'rundown.update': 'Replaces a rundown item; refused when `itemRevision` is not its revision (someone changed it since).',
  'rundown.duplicate': 'Copies a rundown item, placed after it.',
  'rundown.remove': 'Deletes a rundown item; refused when `itemRevision` is not its revision.',
  'rundown.move': 'Moves a rundown item to `index`, or one place within its group (`by`: -1 or 1).',
  'rundown.import': 'Adds many rundown items in one revision (what the CSV import sends), at most 500.',
  'show.lock': 'Locks the show: rundown edits and show switches are refused; take and clear still work.',
  'show.unlock': 'Unlocks the show.',
  'show.setTheme': 'Switches every output to another theme (templates/themes/<theme>.json); graphics on air re-lay out in place.',
};
