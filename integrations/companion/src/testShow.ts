import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ShowState } from '../../../src/state/showState';
import { emptyView, type ModuleView } from './moduleView';

/** The demo show (shows/london-2016.json) as the hub would push it, in a connected operator's view. */
export function demoView(change: Partial<ModuleView> = {}): ModuleView {
  const show = ShowState.parse(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../shows/london-2016.json'), 'utf8')));
  return { ...emptyView(), show, connection: 'open', role: 'operator', wasOpen: true, ...change };
}
