import assert from 'node:assert/strict';
import { parseArgs, UsageError } from '../../../src/cli/args';
import { errorLine, formatTable } from '../../../src/cli/output';
import { DataError } from '../../../src/model/data';

const FLAGS = {
  json: { type: 'boolean' },
  epochs: { type: 'int', min: 1 },
  lr: { type: 'number', min: 0 },
  cell: { type: 'string', choices: ['rnn', 'gru', 'lstm'] },
} as const;

const one = { min: 1, max: 1 };

describe('command-line arguments (shared by inspect, train and predict)', () => {
  it('reads flags with values, --flag=value and booleans around the file', () => {
    const { positionals, flags } = parseArgs(['--epochs', '5', 'f.csv', '--lr=0.01', '--json'], FLAGS, one);
    assert.deepEqual(positionals, ['f.csv']);
    assert.deepEqual(flags, { epochs: 5, lr: 0.01, json: true });
  });

  it('refuses an unknown flag', () => {
    assert.throws(
      () => parseArgs(['f.csv', '--epoch', '5'], FLAGS, one),
      new UsageError('unknown option --epoch'),
    );
  });

  it('refuses a number flag without a value', () => {
    assert.throws(() => parseArgs(['f.csv', '--epochs'], FLAGS, one), /--epochs needs a value/);
  });

  it('refuses non-integers, partial numbers and out-of-range values', () => {
    assert.throws(() => parseArgs(['f.csv', '--epochs', '2.5'], FLAGS, one), /must be an integer/);
    assert.throws(() => parseArgs(['f.csv', '--lr', '0.1x'], FLAGS, one), /must be a number/);
    assert.throws(() => parseArgs(['f.csv', '--epochs', '0'], FLAGS, one), /must be at least 1 \(got 0\)/);
  });

  it('refuses a value outside the choices, listing them', () => {
    assert.throws(
      () => parseArgs(['f.csv', '--cell', 'tcn'], FLAGS, one),
      /--cell must be one of rnn, gru, lstm/,
    );
  });

  it('refuses a flag given twice', () => {
    assert.throws(() => parseArgs(['f.csv', '--json', '--json'], FLAGS, one), /--json is given twice/);
  });

  it('refuses extra positional arguments', () => {
    assert.throws(() => parseArgs(['a.csv', 'b.csv'], FLAGS, one), /unexpected argument "b.csv"/);
  });

  it('reports --help instead of complaining about a missing file', () => {
    assert.equal(parseArgs(['--help'], FLAGS, one).help, true);
  });
});

describe('CLI output helpers', () => {
  it('turns any error into one line without a stack', () => {
    const err = new Error('first\nsecond');
    assert.equal(errorLine(err), 'seqlab: first');
    assert.equal(
      errorLine(new DataError('f.csv', 'bad', { line: 7, column: 'price' })),
      'f.csv: line 7, column "price": bad',
    );
  });

  it('aligns table columns and right-aligns numbers', () => {
    const table = formatTable(
      ['name', 'n'],
      [
        ['a', '1'],
        ['long', '100'],
      ],
    );
    assert.deepEqual(table.split('\n'), ['name    n', '----  ---', 'a       1', 'long  100']);
  });
});
