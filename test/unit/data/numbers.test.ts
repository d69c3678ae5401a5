import assert from 'node:assert/strict';
import { isMissing, parseStrictNumber } from '../../../src/model/data';

describe('strict numbers', () => {
  it('reads plain decimals, signs and exponents', () => {
    for (const s of ['0', '-3', '+2.5', '.5', '5.', '1e3', '-1.25E-2', '  42  '])
      assert.equal(parseStrictNumber(s), Number(s));
  });

  it('refuses a decimal comma when the caller did not allow one', () => {
    assert.ok(Number.isNaN(parseStrictNumber('1,5')));
  });

  it('reads a decimal comma only when asked to', () => {
    assert.equal(parseStrictNumber('1,5', true), 1.5);
  });

  it('refuses hexadecimal, blanks and the empty string', () => {
    for (const s of ['0x1A', ' ', '', '\t']) assert.ok(Number.isNaN(parseStrictNumber(s)), JSON.stringify(s));
  });

  it('refuses words, units and stray characters that parseFloat would accept', () => {
    for (const s of ['12abc', '3 kg', '1.2.3', 'Infinity', '-', '.', 'e5', '1e', '1_000', '١٢']) {
      assert.ok(Number.isNaN(parseStrictNumber(s)), s);
    }
  });

  it('refuses values that do not fit float32', () => {
    assert.ok(Number.isNaN(parseStrictNumber('1e39')));
    assert.ok(Number.isNaN(parseStrictNumber('1e999')));
    assert.equal(parseStrictNumber('3e38'), 3e38);
  });

  it('converts exactly like Number, bit for bit, on many random decimals', () => {
    let seed = 7;
    const rand = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let k = 0; k < 20000; k++) {
      const digits = 1 + Math.floor(rand() * 17);
      let s = rand() < 0.3 ? '-' : '';
      for (let d = 0; d < digits; d++) s += Math.floor(rand() * 10);
      const point = Math.floor(rand() * (s.length + 1));
      const cell = rand() < 0.7 ? s.slice(0, point) + '.' + s.slice(point) : s;
      if (cell === '-.' || cell === '.' || cell === '-') continue;
      assert.ok(Object.is(parseStrictNumber(cell), Number(cell)), cell);
    }
  });

  it('treats the usual spellings of "no value" as missing', () => {
    for (const s of ['', 'NA', 'n/a', 'N/A', 'null', 'NaN', '-', '?', '  ', ' na ', '  NA  ', '\tnull\t'])
      assert.ok(isMissing(s), JSON.stringify(s));
  });

  it('does not treat zero or words as missing', () => {
    for (const s of ['0', 'none?', 'nan0', 'x']) assert.ok(!isMissing(s), s);
  });
});
