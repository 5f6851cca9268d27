import { describe, expect, it } from 'vitest';
import { Command } from '../command';
import { describeIssues } from '../describeIssues';

const kimetto = {
  name: 'Dennis Kimetto',
  age: 32,
  country: 'KEN',
  bio: 'Ran each 5k of that Berlin Marathon in under 15 minutes',
  best: { label: 'World record', time: '2:02:57', note: 'Berlin 2014' },
};

function refusal(graphic: unknown): string {
  const parsed = Command.safeParse({ type: 'take', graphic });
  if (parsed.success) throw new Error('accepted');
  return describeIssues(parsed.error);
}

describe('graphic kind props', () => {
  it('accepts an athlete profile and keeps the country code upper-case', () => {
    const parsed = Command.parse({ type: 'take', graphic: { kind: 'athleteProfile', props: { ...kimetto, country: 'ke' } } });
    expect(parsed.type === 'take' && parsed.graphic.props).toMatchObject({ country: 'KE', age: 32 });
  });

  it('refuses an unknown country code, naming it', () => {
    expect(refusal({ kind: 'athleteProfile', props: { ...kimetto, country: 'XYZ' } })).toBe('graphic.props.country: "XYZ" is not a country: give a World Athletics or ISO 3166 code (KEN, GER or KE) or the country’s English name (Kenya)');
    expect(refusal({ kind: 'resultCard', props: { race: 'Elite men', winner: 'Eliud Kipchoge', country: 'KX', time: '2:03:05' } })).toBe('graphic.props.country: "KX" is not a country: give a World Athletics or ISO 3166 code (KEN, GER or KE) or the country’s English name (Kenya)');
  });

  it.each([
    [320, 'graphic.props.age: must be a whole number of years from 14 to 90, not 320'],
    [3, 'graphic.props.age: must be a whole number of years from 14 to 90, not 3'],
    [32.5, 'graphic.props.age: must be a whole number of years from 14 to 90, not 32.5'],
    ['32', 'graphic.props.age: Invalid input: expected number, received string'],
  ])('refuses an implausible age %j with a sentence', (age, message) => {
    expect(refusal({ kind: 'athleteProfile', props: { ...kimetto, age } })).toBe(message);
  });

  it('refuses a best time that is not a time, with the time parser’s advice', () => {
    expect(refusal({ kind: 'athleteProfile', props: { ...kimetto, best: { label: 'World record', time: '2h02' } } })).toBe(
      'graphic.props.best.time: "2h02" is not a time. Use h:mm:ss (2:02:48), m:ss (28:37) or m:ss.hh (1:44.20).',
    );
  });

  it('accepts a result card with a top three and refuses a fourth place', () => {
    const podium = [
      { position: 1, name: 'Eliud Kipchoge', country: 'KE', time: '2:03:05' },
      { position: 2, name: 'Stanley Biwott', country: 'KE', time: '2:03:51' },
      { position: 3, name: 'Kenenisa Bekele', country: 'ET', time: '2:06:36' },
    ];
    const props = { race: 'Elite men', winner: 'Eliud Kipchoge', country: 'KE', time: '2:03:05', topThree: podium };
    expect(Command.safeParse({ type: 'take', graphic: { kind: 'resultCard', props } }).success).toBe(true);
    expect(refusal({ kind: 'resultCard', props: { ...props, topThree: [...podium, { position: 4, name: 'X', time: '2:07:00' }] } })).toBe(
      'graphic.props.topThree: Too big: expected array to have <=3 items',
    );
  });

  it('accepts a stat card and refuses one without a number', () => {
    expect(Command.safeParse({ type: 'take', graphic: { kind: 'statCard', props: { value: 39698, caption: 'runners were set to start' } } }).success).toBe(true);
    expect(refusal({ kind: 'statCard', props: { value: '39,698', caption: 'runners' } })).toBe('graphic.props.value: Invalid input: expected number, received string');
  });

  it('accepts an athlete’s splits by race and bib, and refuses a bib that is not a bib number', () => {
    const parsed = Command.parse({ type: 'take', graphic: { kind: 'athleteSplits', props: { raceId: 'elite-men', bib: ' 7 ' } } });
    expect(parsed.type === 'take' && parsed.graphic).toEqual({ kind: 'athleteSplits', props: { raceId: 'elite-men', bib: '7' } });
    expect(refusal({ kind: 'athleteSplits', props: { raceId: 'elite-men', bib: 'Kipchoge!' } })).toBe('graphic.props.bib: must be a bib number: 1 to 8 letters, digits or hyphens, like 101 or F12');
    expect(refusal({ kind: 'athleteSplits', props: { raceId: 'elite-men' } })).toBe('graphic.props.bib: Invalid input: expected string, received undefined');
  });
});
