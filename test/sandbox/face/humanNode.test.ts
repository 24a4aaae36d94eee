import type { Human } from '@vladmandic/human';
import { decodeJpeg, loadHumanNode, toTensor } from '../../../sandbox/face/humanNode';
import { describeWithFaces, readFixture } from '../support/fixtures';

jest.setTimeout(120_000);

describeWithFaces('Human in Node on the fixtures', () => {
  let human: Human;
  beforeAll(async () => {
    human = await loadHumanNode();
  });

  it('runs on the local wasm backend with every enabled model', () => {
    expect(human.tf.getBackend()).toBe('wasm');
    expect(human.models.loaded().sort()).toEqual(['blazeface', 'facemesh', 'faceres']);
  });

  it('gives the same descriptor for a sideways-stored photo and its upright copy', async () => {
    const describeFace = async (name: string) => {
      const tensor = toTensor(human, decodeJpeg(readFixture(name)));
      try {
        const result = await human.detect(tensor);
        expect(result.face).toHaveLength(1);
        return result.face[0]!.embedding!;
      } finally {
        tensor.dispose();
      }
    };
    const upright = await describeFace('spoof_print_f1_upright.jpg');
    const turned = await describeFace('spoof_print_f1_exif_orientation6.jpg');
    expect(human.match.similarity(upright, turned)).toBeGreaterThan(0.95);
  });
});
