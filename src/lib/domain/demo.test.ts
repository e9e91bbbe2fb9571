import { describe, expect, it } from 'vitest';
import { builtinFramework } from '../frameworks/builtin';
import {
  DEMO_LABEL,
  demoFramework,
  demoFrameworkId,
  frameworkFilePart,
  isDemoFrameworkId,
  readDataChoice,
  realFrameworkId,
  showsDemo
} from './demo';

describe('demo framework ids', () => {
  it('keep the demo under its own id and find the framework it belongs to', () => {
    expect(demoFrameworkId('sakaeo-2567-r1')).toBe('demo:sakaeo-2567-r1');
    expect(isDemoFrameworkId('demo:sakaeo-2567-r1')).toBe(true);
    expect(isDemoFrameworkId('sakaeo-2567-r1')).toBe(false);
    expect(realFrameworkId('demo:sakaeo-2567-r1')).toBe('sakaeo-2567-r1');
    expect(realFrameworkId('sakaeo-2567-r1')).toBe('sakaeo-2567-r1');
  });

  it('the demo framework has the built-in rules under the demo id; the built-in is left alone', () => {
    const builtin = builtinFramework('sakaeo-2567-r1')!;
    const demo = demoFramework(builtin);
    expect(demo.id).toBe('demo:sakaeo-2567-r1');
    expect(demo.kpis).toBe(builtin.kpis);
    expect(builtin.id).toBe('sakaeo-2567-r1');
  });

  it('labels export file parts of the demo only', () => {
    expect(frameworkFilePart('demo:x')).toBe(`${DEMO_LABEL}_x`);
    expect(frameworkFilePart('x')).toBe('x');
  });
});

describe('showsDemo', () => {
  it.each([
    // hasDemo, hasReal, choice → demo?
    [false, false, null, false], // an imported framework never shows a demo
    [false, false, 'demo', false],
    [true, false, null, true], // a built-in with no real results: its demo
    [true, true, null, false], // a real upload: real data only
    [true, true, 'demo', true], // asked for: the demo, apart from the real data
    [true, false, 'real', false] // asked for real with nothing uploaded: the empty state
  ] as const)('hasDemo %s, real results %s, asked %s → %s', (hasDemo, hasReal, choice, expected) => {
    expect(showsDemo(hasDemo, hasReal, choice)).toBe(expected);
  });

  it('reads the address choice', () => {
    expect(readDataChoice('demo')).toBe('demo');
    expect(readDataChoice('real')).toBe('real');
    expect(readDataChoice('x')).toBeNull();
    expect(readDataChoice(null)).toBeNull();
  });
});
