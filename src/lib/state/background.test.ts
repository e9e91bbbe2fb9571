/**
 * Where the read-ahead is centred (issue 15's period switch): on the table on screen, also when the period
 * before is read beside it for the headline's change. The workspace here only records what is asked of it.
 */
import { describe, expect, it } from 'vitest';
import { builtinFramework } from '../frameworks/builtin';
import type { LeagueTable } from '../scoring/league';
import type { Workspace } from '../scoring/workspace';
import { BackgroundWork } from './background.svelte';

const FRAMEWORK = builtinFramework('chachoengsao-2565-r2')!;

function recordingWorkspace() {
  const asked: string[] = [];
  const kept = new Set<string>();
  const workspace = {
    framework: (id: string) => (id === FRAMEWORK.id ? FRAMEWORK : undefined),
    pendingPeriods: () => [],
    // A kept table is answered from memory, as the workspace's LeagueCache does: not asked again.
    leagueTable: async (_f: string, periodId: string) => {
      if (!kept.has(periodId)) asked.push(periodId);
      kept.add(periodId);
      return { period: { id: periodId }, rows: [] } as unknown as LeagueTable;
    }
  } as unknown as Workspace;
  return { workspace, asked };
}

function background(workspace: Workspace, prepare?: (table: LeagueTable) => void) {
  return new BackgroundWork({
    workspace: () => workspace,
    timed: (_name, work) => work(),
    onError: () => {},
    prepare
  });
}

describe('read-ahead', () => {
  it('starts from the period on screen, nearest first (later before earlier at the same distance)', async () => {
    const { workspace, asked } = recordingWorkspace();
    const bg = background(workspace);
    await bg.leagueTable(FRAMEWORK.id, '2565-06', '*');
    await bg.whenIdle();
    expect(asked.slice(0, 4)).toEqual(['2565-06', '2565-07', '2565-05', '2565-08']);
  });

  it('the period before, read for the headline, does not move it', async () => {
    const { workspace, asked } = recordingWorkspace();
    const bg = background(workspace);
    await Promise.all([
      bg.leagueTable(FRAMEWORK.id, '2565-06', '*'),
      bg.leagueTable(FRAMEWORK.id, '2565-05', '*', { readAhead: false })
    ]);
    await bg.whenIdle();
    // On screen (06) and the period before (05), then the read-ahead around 06: 07 first, not 04.
    expect(asked.slice(0, 3)).toEqual(['2565-06', '2565-05', '2565-07']);
  });

  it('works out the headline of every table it reads, also of tables kept already; a failure stops nothing', async () => {
    const { workspace, asked } = recordingWorkspace();
    const prepared: string[] = [];
    const bg = background(workspace, (table) => {
      prepared.push(table.period.id);
      if (table.period.id === '2565-07') throw new Error('a headline that cannot be worked out');
    });
    await bg.leagueTable(FRAMEWORK.id, '2565-06', '*');
    await bg.whenIdle();
    expect(asked.length).toBeGreaterThan(3);
    expect(prepared.toSorted()).toEqual(asked.toSorted());
    // A round over tables all kept asks nothing again, and still works out each one's headline.
    prepared.length = 0;
    await bg.leagueTable(FRAMEWORK.id, '2565-08', '*');
    await bg.whenIdle();
    expect(prepared.toSorted()).toEqual(asked.toSorted());
    expect(new Set(asked).size).toBe(asked.length);
  });
});
