import * as assert from 'node:assert/strict';
import { resolveConfig } from '../../../src/model/config';
import { RunQueue } from '../../../src/extension/training/runQueue';
import { TrainingRun } from '../../../src/extension/training/trainingRun';

const run = (id: string) =>
  new TrainingRun(id, { file: `file:///${id}.csv`, column: 'v' }, `${id}.csv`, resolveConfig({}), {
    base: '/m',
    dir: `/m/${id}`,
  });

/** A start function whose run ends when the test says so. */
function controllable() {
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  const start = (id: string) => () =>
    new Promise<void>((resolve) => {
      started.push(id);
      finish.set(id, resolve);
    });
  return { started, finish, start };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('RunQueue', () => {
  it('starts the first run at once', () => {
    const q = new RunQueue();
    const c = controllable();
    q.enqueue(run('a'), c.start('a'));
    assert.deepEqual(c.started, ['a']);
  });

  it('holds a second run until the first has finished', async () => {
    const q = new RunQueue();
    const c = controllable();
    const b = run('b');
    q.enqueue(run('a'), c.start('a'));
    q.enqueue(b, c.start('b'));
    assert.deepEqual(c.started, ['a']);
    assert.deepEqual(q.queued, [b]);
    c.finish.get('a')?.();
    await tick();
    assert.deepEqual(c.started, ['a', 'b']);
  });

  it('removes a queued run so it never starts', async () => {
    const q = new RunQueue();
    const c = controllable();
    const b = run('b');
    q.enqueue(run('a'), c.start('a'));
    q.enqueue(b, c.start('b'));
    assert.equal(q.remove(b), true);
    c.finish.get('a')?.();
    await tick();
    assert.deepEqual(c.started, ['a']);
  });

  it('refuses to remove the run that is training', () => {
    const q = new RunQueue();
    const c = controllable();
    const a = run('a');
    q.enqueue(a, c.start('a'));
    assert.equal(q.remove(a), false);
    assert.equal(q.active, a);
  });

  it('moves on to the next run when a start function fails', async () => {
    const q = new RunQueue();
    const c = controllable();
    q.enqueue(run('a'), () => Promise.reject(new Error('worker gone')));
    q.enqueue(run('b'), c.start('b'));
    await tick();
    assert.deepEqual(c.started, ['b']);
  });
});
