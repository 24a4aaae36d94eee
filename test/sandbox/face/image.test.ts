import { applyOrientation, cropRgb, decodeJpeg, ImageDecodeError, readExifOrientation } from '../../../sandbox/face/image';
import { describeWithFaces, readFixture } from '../support/fixtures';

/** A 3x2 image whose red channel numbers the pixels 0..5 row by row. */
const grid = { width: 3, height: 2, data: Uint8Array.from([0, 1, 2, 3, 4, 5].flatMap((n) => [n, 0, 0])) };
const reds = (image: { data: Uint8Array }) => Array.from(image.data.filter((_, i) => i % 3 === 0));

describe('applyOrientation', () => {
  // Stored:  0 1 2      The displayed images are what EXIF 1..8 mean.
  //          3 4 5
  it.each([
    [1, 3, [0, 1, 2, 3, 4, 5]],
    [2, 3, [2, 1, 0, 5, 4, 3]],
    [3, 3, [5, 4, 3, 2, 1, 0]],
    [4, 3, [3, 4, 5, 0, 1, 2]],
    [5, 2, [0, 3, 1, 4, 2, 5]],
    [6, 2, [3, 0, 4, 1, 5, 2]],
    [7, 2, [5, 2, 4, 1, 3, 0]],
    [8, 2, [2, 5, 1, 4, 0, 3]],
  ])('orientation %i shows the pixels the tag means', (orientation, width, expected) => {
    const out = applyOrientation(grid, orientation);
    expect(out.width).toBe(width);
    expect(out.width * out.height).toBe(6);
    expect(reds(out)).toEqual(expected);
  });
});

describe('cropRgb', () => {
  it('clamps the rectangle to the image', () => {
    const out = cropRgb(grid, 1, -5, 10, 10);
    expect([out.width, out.height]).toEqual([2, 2]);
    expect(reds(out)).toEqual([1, 2, 4, 5]);
  });
});

describe('decodeJpeg', () => {
  it('refuses bytes that are not a JPEG', () => {
    expect(() => decodeJpeg(Buffer.from('GIF89a....'))).toThrow(ImageDecodeError);
    expect(() => decodeJpeg(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 1, 2]))).toThrow(ImageDecodeError);
  });
});

describeWithFaces('decodeJpeg on the fixtures', () => {
  it('reads the EXIF orientation tag', () => {
    expect(readExifOrientation(readFixture('spoof_print_f1_exif_orientation6.jpg'))).toBe(6);
    expect(readExifOrientation(readFixture('spoof_print_f1_upright.jpg'))).toBe(1);
  });

  it('turns a sideways-stored photo upright', () => {
    const upright = decodeJpeg(readFixture('spoof_print_f1_upright.jpg'));
    const turned = decodeJpeg(readFixture('spoof_print_f1_exif_orientation6.jpg'));
    expect(turned.orientation).toBe(6);
    expect([turned.width, turned.height]).toEqual([upright.width, upright.height]);
    // Same picture, re-encoded: the mean absolute pixel difference stays small once turned.
    let diff = 0;
    for (let i = 0; i < upright.data.length; i++) diff += Math.abs(upright.data[i]! - turned.data[i]!);
    expect(diff / upright.data.length).toBeLessThan(12);
  });
});
