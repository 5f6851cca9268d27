import { headers, type Msg } from 'nats';
import { describe, expect, it } from 'vitest';
import { PART_HEADER, partReader } from './natsParts';

/** A stream message as the follower gets it: data, and the part header when it is one. */
const message = (text: string, part?: string) => {
  const h = headers();
  if (part) h.set(PART_HEADER, part);
  return { data: new TextEncoder().encode(text), headers: part ? h : undefined } as unknown as Msg;
};
const text = (read: ReturnType<ReturnType<typeof partReader>>) => (read.kind === 'whole' ? new TextDecoder().decode(read.data) : 'part');

describe('messages sent in parts', () => {
  it('gives a whole message back at its last part, in order; a message not in parts as it is', () => {
    const read = partReader();
    expect(text(read(message('{"kind":"command"}')))).toBe('{"kind":"command"}');
    expect([message('{"kind":', 'a 0 3'), message('"replace","state"', 'a 1 3'), message(':{}}', 'a 2 3')].map((m) => text(read(m)))).toEqual(['part', 'part', '{"kind":"replace","state":{}}']);
  });

  it('drops the parts of a publisher that gave up (another message came between, or it started again)', () => {
    const read = partReader();
    expect(text(read(message('x', 'a 0 3')))).toBe('part');
    expect(text(read(message('{"kind":"command"}')))).toBe('{"kind":"command"}');
    expect(text(read(message('y', 'a 1 3')))).toBe('part'); // an orphan: its first part went before a whole message
    expect(text(read(message('z', 'a 2 3')))).toBe('part');
    // Started again with a new id after its first part: the old one's parts are never joined to the new one's.
    expect(['b 0 2', 'c 0 2', 'b 1 2', 'c 1 2'].map((p, i) => text(read(message(String(i), p))))).toEqual(['part', 'part', 'part', 'part']);
    expect(['d 0 2', 'd 1 2'].map((p) => text(read(message(p[2]!, p))))).toEqual(['part', '01']);
  });
});
