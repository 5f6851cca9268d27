import { describe, expect, it } from 'vitest';
import { applyCustomAction } from './customActions';
import { defaultData } from './packageData';
import { parseSchedule } from './schedule';

describe('race clock custom actions', () => {
  const data = defaultData('raceClock');

  it('startRace sets the gun to the graphic’s now, finishRace stops the clock there', () => {
    const started = applyCustomAction('raceClock', data, 'startRace', { raceId: 'elite-women' }, 5000);
    expect(started.ok && (started.data.races as { id: string; gunTime: number | null }[]).find((r) => r.id === 'elite-women')).toMatchObject({ gunTime: 5000, finishedAt: null });
    const finished = started.ok ? applyCustomAction('raceClock', started.data, 'finishRace', { raceId: 'elite-women' }, 9000) : started;
    expect(finished.ok && (finished.data.races as { id: string }[]).find((r) => r.id === 'elite-women')).toMatchObject({ gunTime: 5000, finishedAt: 9000 });
  });

  it('refuses an unknown action (404) and a race the data does not have (400), by name', () => {
    expect(applyCustomAction('raceClock', data, 'reset', {}, 0)).toEqual({ ok: false, status: 404, error: 'No custom action "reset": this graphic has startRace, finishRace' });
    expect(applyCustomAction('raceClock', data, 'startRace', { raceId: 'mass' }, 0)).toEqual({ ok: false, status: 400, error: 'payload.raceId: no race "mass" in races' });
    expect(applyCustomAction('nameCard', defaultData('nameCard'), 'startRace', { raceId: 'x' }, 0)).toMatchObject({ ok: false, status: 404 });
  });
});

describe('actions schedule (non-real time)', () => {
  const loaded = defaultData('nameCard');
  const at = (timestamp: number, type: string, params: Record<string, unknown> = {}) => ({ timestamp, action: { type, params } });

  it('orders the actions by time, keeping the given order at the same time', () => {
    const parsed = parseSchedule('nameCard', loaded, [at(7000, 'stopAction'), at(1000, 'playAction'), at(1000, 'updateAction', { data: { name: 'Paula Radcliffe' } })], ['finishline']);
    expect(parsed.ok && parsed.schedule.map((s) => `${s.timestamp} ${s.change.type}`)).toEqual(['1000 play', '1000 update', '7000 stop']);
  });

  it('refuses a schedule whose update would fail once the updates before it apply, naming the entry and field', () => {
    const schedule = [at(4000, 'updateAction', { data: { quote: 'x'.repeat(241) } }), at(1000, 'playAction')];
    expect(parseSchedule('nameCard', loaded, schedule, ['finishline'])).toEqual({ ok: false, error: 'schedule.0.action.params.data: quote: Too big: expected string to have <=240 characters' });
    expect(parseSchedule('nameCard', loaded, [at(1, 'fadeIn')], ['finishline'])).toEqual({ ok: false, error: 'schedule.0.action.type: must be playAction, stopAction, updateAction or customAction, not "fadeIn"' });
  });
});
