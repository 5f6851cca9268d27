import { describe, expect, it } from 'vitest';
import { createHubList } from './hubList';

describe('the hubs a page may move between', () => {
  it('starts on its own hub, then goes round the others given in its URL, however they are written', () => {
    const hubs = createHubList('10.0.0.1:4380', 'http://10.0.0.2:4380/, 10.0.0.3:4380,10.0.0.1:4380');
    expect(hubs.size()).toBe(3);
    expect(hubs.current()).toBe('10.0.0.1:4380');
    hubs.next();
    expect(hubs.current()).toBe('10.0.0.2:4380');
    hubs.next();
    hubs.next();
    expect(hubs.current()).toBe('10.0.0.1:4380');
  });

  it('learns the hubs its hub names without losing its place', () => {
    const hubs = createHubList('10.0.0.1:4380', null);
    expect(hubs.size()).toBe(1);
    hubs.learn(['ws://10.0.0.2:4380', '10.0.0.1:4380']);
    expect(hubs.size()).toBe(2);
    expect(hubs.current()).toBe('10.0.0.1:4380');
    hubs.next();
    expect(hubs.current()).toBe('10.0.0.2:4380');
  });
});
