import { maskId, maskName } from '../../shared/mask';

describe('masking', () => {
  it('keeps first and last character of names', () => {
    expect(maskName('张小三')).toBe('张*三');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('张')).toBe('*');
    expect(maskName('Barack Obama')).toBe('B**********a');
  });

  it('keeps first 4 and last 4 digits of ID numbers', () => {
    expect(maskId('420102199001011234')).toBe('4201**********1234');
    expect(maskId('12345678')).toBe('********');
  });
});
