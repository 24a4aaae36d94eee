import { z } from 'zod';
import { maskId, maskName } from '../../shared/mask';
import type { SandboxRequest, SandboxResponse, SandboxRoute } from '../http/types';
import type { SandboxPartDeps } from '../parts';
import type { FaceEngine } from './engine';
import { decodeBase64Image, describeIssue, EcCode, type EcCodeValue } from './protocol';
import type { QrCodes } from './qr';
import type { TemplateStore } from './store';

/** The one e-voucher endpoint: every transType goes here, as through the vendor DLL. */
export const EC_PATH = '/localcfc/api/hsecfc/localQrCodeQuery';
export const ENROL_PATH = '/sandbox/face/enrol';
export const ENROLLED_PATH = '/sandbox/face/enrolled';
export const DEMO_QR_PATH = '/sandbox/demo/qr';

interface RouteDeps extends SandboxPartDeps {
  engine: FaceEngine;
  ready: () => Promise<void>;
  templates: TemplateStore;
  qr: QrCodes;
  ec: { handle(body: unknown): Promise<{ answer: { code: number }; transType: string }> };
}

const reply = (status: number, code: EcCodeValue, message: string, data: unknown = null): SandboxResponse => ({
  status,
  body: { code, message, data },
  logNote: `code=${code}`,
});

const enrolSchema = z.object({
  psnNo: z.string().min(1).max(30),
  faceImage: z.string().min(16, 'faceImage is a base64 JPEG'),
  /** Replace the person's earlier templates (default) or add one more. */
  replace: z.boolean().optional(),
});

export function faceRoutes(deps: RouteDeps): SandboxRoute[] {
  const lastSegment = (request: SandboxRequest, prefix: string) => decodeURIComponent(request.path.slice(prefix.length + 1));

  const ecRoute: SandboxRoute = {
    method: 'POST',
    path: EC_PATH,
    async handle(request) {
      const { answer, transType } = await deps.ec.handle(request.body);
      return { status: 200, body: answer, logNote: `transType=${transType} code=${answer.code}` };
    },
    refuseBody: (problem) => ({
      status: 200,
      body: { code: EcCode.INVALID_REQUEST, message: problem === 'too-large' ? 'body too large' : 'body is not JSON', data: '{}', orgId: '', extra: null },
    }),
  };

  const enrol: SandboxRoute = {
    method: 'POST',
    path: ENROL_PATH,
    loopbackOnly: true,
    async handle(request) {
      const input = enrolSchema.safeParse(request.body);
      if (!input.success) return reply(400, EcCode.INVALID_REQUEST, describeIssue(input.error));
      const { psnNo, faceImage, replace = true } = input.data;
      if (!deps.persons.byPsnNo(psnNo)) return reply(404, EcCode.UNKNOWN_PERSON, 'psnNo: no such person');
      const jpeg = decodeBase64Image(faceImage);
      if (!jpeg) return reply(422, EcCode.BAD_IMAGE, 'faceImage: not base64');
      try {
        await deps.ready();
      } catch {
        return reply(503, EcCode.SERVICE_UNAVAILABLE, 'face models did not load');
      }
      const reading = await deps.engine.readJpeg(jpeg);
      if (reading.kind === 'bad-image') return reply(422, EcCode.BAD_IMAGE, `faceImage: ${reading.reason}`);
      if (reading.kind === 'no-face') return reply(422, EcCode.NO_FACE, 'no face found in the photo');
      if (reading.kind === 'several-faces') return reply(422, EcCode.SEVERAL_FACES, `${reading.count} faces; exactly one is needed`);
      if (replace) deps.templates.removePerson(psnNo);
      deps.templates.add(psnNo, 'enrol', reading.descriptor, deps.clock().getTime());
      const templates = deps.templates.all().filter((t) => t.psnNo === psnNo).length;
      deps.log(`face enrol psn=${maskId(psnNo)} templates=${templates}`);
      return reply(200, EcCode.OK, 'ok', { psnNo, templates });
    },
  };

  const unenrol: SandboxRoute = {
    method: 'DELETE',
    path: `${ENROL_PATH}/*`,
    loopbackOnly: true,
    handle(request) {
      const psnNo = lastSegment(request, ENROL_PATH);
      const removed = deps.templates.removePerson(psnNo);
      return reply(200, EcCode.OK, 'ok', { psnNo, removed });
    },
  };

  const enrolled: SandboxRoute = {
    method: 'GET',
    path: ENROLLED_PATH,
    loopbackOnly: true,
    handle() {
      const counts = new Map<string, number>();
      for (const t of deps.templates.all()) counts.set(t.psnNo, (counts.get(t.psnNo) ?? 0) + 1);
      const persons = [...counts].map(([psnNo, templates]) => ({
        psnNo,
        name: maskName(deps.persons.byPsnNo(psnNo)?.name ?? ''),
        templates,
      }));
      return reply(200, EcCode.OK, 'ok', { persons });
    },
  };

  const demoQr: SandboxRoute = {
    method: 'GET',
    path: `${DEMO_QR_PATH}/*`,
    loopbackOnly: true,
    async handle(request) {
      const psnNo = lastSegment(request, DEMO_QR_PATH);
      if (!deps.persons.byPsnNo(psnNo)) return reply(404, EcCode.UNKNOWN_PERSON, 'psnNo: no such person');
      const { payload, expiresAt, svg } = await deps.qr.issue(psnNo);
      return reply(200, EcCode.OK, 'ok', { psnNo, payload, expiresAt: new Date(expiresAt).toISOString(), svg });
    },
  };

  return [ecRoute, enrol, unenrol, enrolled, demoQr];
}
