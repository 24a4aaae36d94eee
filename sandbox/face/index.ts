import type { EcTokenResolver, SandboxPart, SandboxPartDeps } from '../parts';
import { createAuthStore } from './auths';
import { resolveFaceConfig, type FaceServiceConfig } from './config';
import { createEcService } from './ecService';
import { createFaceEngine } from './engine';
import { createQrCodes } from './qr';
import { faceRoutes } from './routes';
import { seedDemoFaces } from './seed';
import { createTemplateStore, migrateFaceTables } from './store';
import { createTokenIssuer } from './tokens';

export type { FaceServiceConfig } from './config';
export { EcCode } from './protocol';
export { EC_PATH, ENROL_PATH, ENROLLED_PATH, DEMO_QR_PATH } from './routes';

export interface FaceService extends SandboxPart {
  tokens: EcTokenResolver;
  /** Loads Human and enrols the demo persons; requests wait for it anyway. Idempotent. */
  warmUp(): Promise<void>;
}

/**
 * The sandbox's e-voucher face service (issue 3, items 6 and 7). Tables `face_*`; see README.md
 * for the API, the codes and the measured thresholds.
 */
export function createFaceService(deps: SandboxPartDeps & { config?: Partial<FaceServiceConfig> }): FaceService {
  const config = resolveFaceConfig(deps.config);
  migrateFaceTables(deps.db);
  const engine = createFaceEngine(config);
  const templates = createTemplateStore(deps.db);
  const tokens = createTokenIssuer(deps.db, deps.clock, config.areaCode, config.tokenTtlMinutes);
  const qr = createQrCodes(deps.db, deps.clock, config.areaCode, config.qrTtlSeconds);

  let warming: Promise<void> | undefined;
  const ready = (): Promise<void> => {
    warming ??= (async () => {
      await engine.ready();
      const report = await seedDemoFaces(engine, templates, config.fixturesDir, () => deps.clock().getTime());
      deps.log(
        `face seed enrolled=${report.enrolled.length} already=${report.alreadyEnrolled.length} skipped=${report.skipped.length}`,
      );
    })();
    return warming;
  };

  const ec = createEcService({ ...deps, config, engine, ready, templates, auths: createAuthStore(deps.db), tokens, qr });
  return {
    routes: faceRoutes({ ...deps, engine, ready, templates, qr, ec }),
    tokens: { resolve: (token) => tokens.resolve(token) },
    warmUp: ready,
    // The sandbox closes the database after its parts: a warm-up still seeding must finish first.
    close: async () => {
      await warming?.catch(() => undefined);
    },
  };
}
