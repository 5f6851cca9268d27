import { formatTime, latestSplit } from '../../core';
import type { CommandOf } from '../../protocol/command';
import type { Race, RaceSplit } from '../../protocol/race';
import type { Outcome, PanelActions } from '../panelActions';
import type { Notice, PanelState, PanelStore } from '../panelStore';

/**
 * What race control does, from a button or a key: always for one race, the selected one unless named.
 * Each sends one race command or take; the hub's refusal (a race already started, a split on air) comes
 * back as the outcome's sentence.
 */
export function createRaceActions(store: PanelStore, actions: PanelActions) {
  const races = () => store.getState().show?.races ?? [];
  const none = (verb: string): Promise<Outcome> => {
    return refuse(`There is no race to ${verb}: the show has no races`, (s) => (s.show?.races.length ?? 0) > 0);
  };
  /** Says why a key or button did nothing, until that is no longer true (or another race is picked). */
  const refuse = (error: string, clearWhen: Notice['clearWhen']): Promise<Outcome> => {
    const raceId = store.getState().raceId;
    const notice = { text: error, tone: 'error' as const, clearWhen: (s: PanelState) => s.raceId !== raceId || clearWhen!(s) };
    store.setState({ notice, raceProblem: notice });
    return Promise.resolve({ ok: false, error });
  };
  /** Sends a command for a button or key; race control shows a refusal beside itself as well as in the message line. */
  async function act(command: unknown, done: string): Promise<Outcome> {
    const outcome = await actions.send(command, done);
    const race = JSON.stringify(selected());
    // A refusal from the hub is about the race as it was: it goes when that race changes (or another is picked).
    // One that stops being true by itself (not connected) goes when it does.
    const gone = outcome.ok ? undefined : outcome.clearWhen;
    store.setState({ raceProblem: outcome.ok ? null : { text: outcome.error, tone: 'error', clearWhen: (s) => JSON.stringify(selectedIn(s)) !== race || (gone?.(s) ?? false) } });
    return outcome;
  }

  /** The selected race, or the show's first when none is selected (or the selected one was removed). */
  function selected(): Race | null {
    return selectedIn(store.getState());
  }

  return {
    selected,
    select(raceId: string) {
      store.setState({ raceId, raceProblem: null });
    },
    /** Selects the race at a place in the show's running order (the 1–9 keys). */
    selectAt(index: number) {
      const race = races()[index];
      if (race) store.setState({ raceId: race.id, raceProblem: null });
      else void refuse(`There is no race ${index + 1}: the show has ${races().length}`, (s) => (s.show?.races.length ?? 0) > index);
    },
    /** The gun is the hub's time when the command arrives; the hub refuses a race already started. */
    start(race = selected()) {
      if (!race) return none('start');
      return act({ type: 'startRace', raceId: race.id }, `${race.name} started: its clock runs from the gun`);
    },
    setGunTime(race: Race, gunTime: number) {
      return actions.send({ type: 'setGunTime', raceId: race.id, gunTime }, `${race.name}: gun time set`);
    },
    finishNow(race: Race) {
      return act({ type: 'finishRace', raceId: race.id }, `${race.name} finished: its clock has stopped`);
    },
    finishIn(race: Race, elapsedMs: number) {
      return actions.send({ type: 'finishRace', raceId: race.id, elapsedMs }, `${race.name} finished in ${formatTime(elapsedMs)}`);
    },
    reset(race: Race) {
      return act({ type: 'resetRace', raceId: race.id }, `${race.name} reset: no gun, no finish, no splits`);
    },
    sendSplit(race: Race, command: CommandOf<'addSplit'> | CommandOf<'correctSplit'>, caption: string) {
      const verb = command.type === 'addSplit' ? 'added' : 'corrected';
      return actions.send(command, `${race.name}: ${caption} split ${verb}`);
    },
    removeSplit(race: Race, split: RaceSplit) {
      return act({ type: 'removeSplit', raceId: race.id, metres: split.metres }, `${race.name}: ${split.label} split removed`);
    },
    /** The split banner of the selected race's latest split. */
    takeSplitBanner(race = selected()) {
      if (!race) return none('show');
      const split = latestSplit(race.splits);
      if (!split) return refuse(`${race.name} has no splits yet: enter one first (S)`, (s) => (s.show?.races.find((r) => r.id === race.id)?.splits.length ?? 0) > 0);
      return act({ type: 'take', graphic: { kind: 'splitBanner', props: { raceId: race.id, metres: split.metres } } }, `${race.name} ${split.label} banner to air`);
    },
    takeProjection(race = selected()) {
      if (!race) return none('show');
      return act({ type: 'take', graphic: { kind: 'projectionTicker', props: { raceId: race.id } } }, `${race.name} projection to air`);
    },
    /**
     * The leaderboard of the selected race at its latest timing point (see the Race data card). Before any passing
     * it goes all the same, showing AWAITING TIMES until the first arrives: the hub's answer says so.
     */
    takeLeaderboard(race = selected()) {
      if (!race) return none('show');
      return act({ type: 'take', graphic: { kind: 'leaderboard', props: { raceId: race.id, top: 8 } } }, `${race.name} leaderboard to air`);
    },
    /** The gap (leading group against the chasers) of the selected race at its latest timing point; like the leaderboard, before any passing too. */
    takeGap(race = selected()) {
      if (!race) return none('show');
      return act({ type: 'take', graphic: { kind: 'gap', props: { raceId: race.id } } }, `${race.name} gap to air`);
    },
    /** One athlete's 5 km splits against the record (see the Race data card's standings). */
    takeAthleteSplits(race: Race, bib: string, name: string) {
      return act({ type: 'take', graphic: { kind: 'athleteSplits', props: { raceId: race.id, bib } } }, `${name}'s splits to air`);
    },
    takeClock(race = selected()) {
      if (!race) return none('show');
      return act({ type: 'take', graphic: { kind: 'raceClock', props: { raceIds: [race.id] } } }, `${race.name} clock to air`);
    },
  };
}
export type RaceActions = ReturnType<typeof createRaceActions>;

/** The race a panel's race control acts on: the one it selected, or the show's first. */
export function selectedIn(state: PanelState): Race | null {
  const races = state.show?.races ?? [];
  return races.find((race) => race.id === state.raceId) ?? races[0] ?? null;
}
