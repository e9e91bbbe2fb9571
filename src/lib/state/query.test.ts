import { describe, expect, it } from 'vitest';
import { Query, queriesLoading } from './query.svelte';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Query', () => {
  it('loads for a new key, not again for the same key', async () => {
    const query = new Query<number>();
    let calls = 0;
    const load = () => Promise.resolve(++calls);
    await query.run('a', load);
    expect([query.current, query.loading, query.error]).toEqual([1, false, null]);
    await query.run('a', load);
    expect(calls).toBe(1);
    await query.run('b', load);
    expect([query.current, calls]).toEqual([2, 2]);
  });

  it('drops the answer of an older key that comes in late; what was shown stays while loading', async () => {
    const query = new Query<string>();
    await query.run('first', () => Promise.resolve('first'));
    const slow = deferred<string>();
    const fast = deferred<string>();
    const a = query.run('slow', () => slow.promise);
    expect([query.current, query.loading]).toEqual(['first', true]);
    const b = query.run('fast', () => fast.promise);
    fast.resolve('fast');
    await b;
    slow.resolve('slow');
    await a;
    expect([query.current, query.loading]).toEqual(['fast', false]);
  });

  it('says why a load failed (a throw or a rejection) and loads again on retry', async () => {
    const query = new Query<number>();
    let fail = true;
    const load = () => (fail ? Promise.reject(new Error('ตาราง results ไม่มี')) : Promise.resolve(7));
    await query.run('k', load);
    expect([query.current, query.error, query.loading]).toEqual([null, 'ตาราง results ไม่มี', false]);
    fail = false;
    await query.retry();
    expect([query.current, query.error]).toEqual([7, null]);
    await query.run('thrown', () => {
      throw new Error('sync');
    });
    expect(query.error).toBe('sync');
    expect(query.current).toBe(7);
  });

  it('a null key asks nothing and drops an answer still on its way', async () => {
    const query = new Query<number>();
    const late = deferred<number>();
    const pending = query.run('k', () => late.promise);
    await query.run(null, () => Promise.resolve(0));
    late.resolve(5);
    await pending;
    expect([query.current, query.loading]).toEqual([null, false]);
    await query.retry(); // nothing to retry
    expect(query.current).toBeNull();
  });

  it('counts the queries loading over the page: up while waiting, down on an answer, an error or a dispose', async () => {
    const before = queriesLoading.count;
    const a = new Query<string>();
    const b = new Query<string>();
    const first = deferred<string>();
    const second = deferred<string>();
    const third = deferred<string>();
    const answered = a.run('a', () => first.promise);
    const failed = b.run('b', () => second.promise);
    expect(queriesLoading.count).toBe(before + 2);
    // A new key while loading is still one query loading.
    const again = a.run('a2', () => third.promise);
    expect(queriesLoading.count).toBe(before + 2);
    first.resolve('late');
    await answered;
    expect(queriesLoading.count).toBe(before + 2);
    second.reject(new Error('no'));
    await failed;
    expect([b.error, queriesLoading.count]).toEqual(['no', before + 1]);
    a.dispose();
    expect(queriesLoading.count).toBe(before);
    third.resolve('after dispose');
    await again;
    expect([a.current, queriesLoading.count]).toEqual([null, before]);
  });
});
