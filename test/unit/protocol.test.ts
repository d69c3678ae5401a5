import * as assert from 'node:assert/strict';
import { ToWorker } from '../../src/shared/protocol';

describe('protocol', () => {
  it('names the train request "train"', () => {
    assert.equal(ToWorker.Train as string, 'train');
  });
});
