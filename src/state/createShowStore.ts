import { createStore } from 'zustand/vanilla';
import type { ShowState } from './showState';

/** The show held in a zustand vanilla store; the hub replaces it after each durable command, clients per snapshot. */
export function createShowStore(initial: ShowState) {
  return createStore<ShowState>()(() => initial);
}
export type ShowStore = ReturnType<typeof createShowStore>;
