import fc from 'fast-check';
import { fenToYuan, negateFen, yuanToFen } from '../../shared/money';
import { testSeed } from '../support/seed';

describe('money', () => {
  it.each([
    ['4.52', 452],
    [4.52, 452],
    ['0', 0],
    [0.0, 0],
    [-25.1, -2510],
    ['23442.46', 2344246],
    ['1.005', 101],
    ['1.004999', 100],
    ['-0.005', -1],
  ])('yuanToFen(%p) = %p', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each(['', 'abc', '1e3', '1.2.3', '--1', NaN, Infinity])('rejects %p', (bad) => {
    expect(() => yuanToFen(bad as never)).toThrow(RangeError);
  });

  it('formats two decimals', () => {
    expect(fenToYuan(452)).toBe('4.52');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(-5)).toBe('-0.05');
    expect(fenToYuan(100)).toBe('1.00');
    expect(() => fenToYuan(1.5)).toThrow(RangeError);
  });

  it('negates without ever making -0, which toBe and Object.is tell apart from 0', () => {
    expect(negateFen(0)).toBe(0);
    expect(negateFen(-0)).toBe(0);
    expect(negateFen(452)).toBe(-452);
    expect(negateFen(-5)).toBe(5);
    expect(yuanToFen('-0.00')).toBe(0);
    expect(fenToYuan(-0)).toBe('0.00');
  });

  it('round-trips every fen amount through yuan text and number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toBe(fen);
        expect(yuanToFen(Number(fenToYuan(fen)))).toBe(fen);
      }),
      { numRuns: 2000, seed: testSeed('money: fen round trip') },
    );
  });
});
