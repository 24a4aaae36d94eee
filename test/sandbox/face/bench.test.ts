import { benchFaceIdentification } from '../../../sandbox/face/bench';
import { describeWithFaces, FACE_FIXTURES_DIR } from '../support/fixtures';

jest.setTimeout(180_000);

// The sandbox bench calls this; one run per input keeps it cheap. No timing is asserted.
describeWithFaces('benchFaceIdentification', () => {
  it('identifies every bench input and reports a figure for each', async () => {
    const result = await benchFaceIdentification({ runs: 1, fixturesDir: FACE_FIXTURES_DIR });
    for (const figure of [result.kioskCrop, result.cameraFrame, result.largePhoto]) {
      expect(figure.runs).toBe(1);
      expect(figure.medianMs).toBeGreaterThan(0);
      expect(figure.minMs).toBeLessThanOrEqual(figure.p90Ms);
    }
  });
});
