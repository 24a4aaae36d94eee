import { chooseBackend, isSoftwareRenderer } from '../../../renderer/face/backendChoice';
import { humanConfig, KIOSK_HUMAN, modelsFor, passConfig } from '../../../renderer/face/humanConfig';
import { loadHuman, type HumanLike } from '../../../renderer/face/humanLoader';

describe('backend choice', () => {
  it('stays on wasm without WebGL or on a software renderer, whatever the benchmark says', () => {
    expect(chooseBackend({}).backend).toBe('wasm');
    for (const renderer of ['ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)', 'llvmpipe (LLVM 15.0.6, 256 bits)']) {
      expect(isSoftwareRenderer(renderer)).toBe(true);
      expect(chooseBackend({ renderer, wasmMs: 30, webglMs: 5 })).toMatchObject({ backend: 'wasm', reason: 'software-renderer' });
    }
  });

  it('takes WebGL on a hardware renderer only when its warm benchmark clearly beats wasm', () => {
    const renderer = 'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)';
    expect(chooseBackend({ renderer })).toMatchObject({ backend: 'wasm', reason: 'not-benchmarked' });
    expect(chooseBackend({ renderer, wasmMs: 30, webglMs: 10 })).toMatchObject({ backend: 'webgl', reason: 'webgl-faster' });
    expect(chooseBackend({ renderer, wasmMs: 30, webglMs: 27 })).toMatchObject({ backend: 'wasm', reason: 'wasm-not-slower' });
  });
});

describe('Human config', () => {
  it('loads from the app origin, never the CDN default, with caching off on the decision pass', () => {
    const c = humanConfig();
    expect(c).toMatchObject({ backend: 'wasm', modelBasePath: '/models/', wasmPath: '/wasm/', cacheModels: false });
    expect(c.face?.description?.enabled).toBe(false);
    expect(passConfig('decision')).toMatchObject({ cacheSensitivity: 0, face: { antispoof: { enabled: true }, liveness: { enabled: true } } });
    expect(passConfig('gate')).toMatchObject({ face: { antispoof: { enabled: false }, liveness: { enabled: false } } });
    expect(passConfig('gate').cacheSensitivity).toBeGreaterThan(0);
    // Iris where the eyes decide something (challenge, decision), not on plain gate frames unless asked.
    expect(passConfig('gate').face?.iris?.enabled).toBe(false);
    expect(passConfig('challenge').face?.iris?.enabled).toBe(true);
    expect(passConfig('decision').face?.iris?.enabled).toBe(true);
    expect(passConfig('gate', { ...KIOSK_HUMAN, irisOnGate: true }).face?.iris?.enabled).toBe(true);
    expect(passConfig('challenge')).toMatchObject({ face: { antispoof: { enabled: false }, liveness: { enabled: false } } });
    expect(modelsFor(KIOSK_HUMAN)).toHaveLength(5);
    expect(modelsFor({ ...KIOSK_HUMAN, description: true })).toContain('description');
  });
});

function fakeHuman(opts: { loaded: number; backendAfterInit: string }): HumanLike {
  let backend = '';
  return {
    config: { backend: 'wasm' },
    tf: {
      getBackend: () => backend,
      setBackend: async (b: string) => {
        backend = b;
        return true;
      },
      ready: async () => undefined,
      tidy: (fn) => fn(),
      randomNormal: () => ({ dataSync: () => [], dispose: () => undefined }),
      conv2d: () => ({ dataSync: () => [], dispose: () => undefined }),
    },
    init: async () => {
      backend = opts.backendAfterInit;
    },
    load: async () => undefined,
    models: { stats: () => ({ numLoadedModels: opts.loaded }), loaded: () => ['blazeface', 'facemesh'].slice(0, opts.loaded) },
    detect: async () => ({ face: [] }),
  };
}

describe('Human loader fails loudly', () => {
  const deps = (human: HumanLike, log = jest.fn()) => ({
    create: () => human,
    now: () => 0,
    renderer: () => 'SwiftShader',
    toInput: () => ({ input: null }),
    log,
  });

  it('loads, and logs the backend choice once', async () => {
    const log = jest.fn();
    const loaded = await loadHuman(deps(fakeHuman({ loaded: 5, backendAfterInit: 'wasm' }), log));
    expect(loaded.choice).toMatchObject({ backend: 'wasm', reason: 'software-renderer' });
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0]?.[0]).toMatch(/face backend wasm \(software-renderer/);
  });

  it('when fewer models loaded than configured (Human itself does not throw)', async () => {
    await expect(loadHuman(deps(fakeHuman({ loaded: 2, backendAfterInit: 'wasm' })))).rejects.toThrow('loaded 2 of 5 models');
  });

  it('when the backend is not the chosen one (wasm init failed and Human fell back)', async () => {
    await expect(loadHuman(deps(fakeHuman({ loaded: 5, backendAfterInit: 'webgl' })))).rejects.toThrow('runs on "webgl", expected "wasm"');
  });
});
