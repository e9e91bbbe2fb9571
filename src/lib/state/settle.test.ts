import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settle } from './settle';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('settle', () => {
  it('writes only the last value of a run, once the run has been quiet for the delay', () => {
    const written: string[] = [];
    const memory = settle((value: string) => written.push(value), 400);
    for (const search of ['?q=บ', '?q=บา', '?q=บาง']) {
      memory.push(search);
      vi.advanceTimersByTime(399);
    }
    expect(written).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(written).toEqual(['?q=บาง']);
    vi.advanceTimersByTime(10_000);
    expect(written).toEqual(['?q=บาง']);
  });

  it('flush writes a waiting value at once and only once; with nothing waiting it writes nothing', () => {
    const written: string[] = [];
    const memory = settle((value: string) => written.push(value), 400);
    memory.flush();
    memory.push('?p=2565-09');
    memory.flush();
    vi.advanceTimersByTime(1000);
    expect(written).toEqual(['?p=2565-09']);
  });

  it('an empty value is a value (the view back to its defaults), and cancel drops what waits', () => {
    const written: string[] = [];
    const memory = settle((value: string) => written.push(value), 400);
    memory.push('');
    vi.advanceTimersByTime(400);
    memory.push('?f=buriram-2567-q4');
    memory.cancel();
    vi.advanceTimersByTime(1000);
    expect(written).toEqual(['']);
  });
});
