import { describe, expect, it } from 'vitest';
import { checkHubsOption, createHubList } from './hubList';

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

  it('leaves out entries that are not addresses, so a page never opens a socket to one', () => {
    const hubs = createHubList('10.0.0.1:4380', ':::, %,,http://[/x, backup:4380');
    expect(hubs.size()).toBe(2);
    hubs.next();
    expect(hubs.current()).toBe('backup:4380');
    hubs.learn(['ws://:::', 'ws://10.0.0.3:4380/']);
    expect(hubs.size()).toBe(3);
  });

  it('refuses a hubs= entry that is not an address, with a sentence', () => {
    expect(() => checkHubsOption('10.0.0.2:4380,:::')).toThrow(`hubs: ":::" is not a hub's address: write host:port, several separated by commas (hubs=10.0.0.2:4380)`);
    expect(() => checkHubsOption('http://10.0.0.2:4380/, backup:4380,')).not.toThrow();
    expect(() => checkHubsOption(null)).not.toThrow();
  });
});

