import { loadHumanNode } from '../../../sandbox/face/humanNode';

// Its own file: Human keeps loaded models in module-level singletons, so a failed load leaves
// the module unusable for the rest of the process (jest gives each file a fresh registry).
jest.setTimeout(120_000);

describe('loadHumanNode', () => {
  it('fails loudly when a model the config enables cannot be loaded', async () => {
    await expect(
      loadHumanNode({ face: { description: { enabled: true, modelPath: 'no-such-model.json' } } }),
    ).rejects.toThrow(/Human loaded 2 of 3 models; missing: no-such-model/);
  });
});
