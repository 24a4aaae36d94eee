import { maskName } from '../../shared/mask';
import { DEMO_PERSONS } from '../../sandbox/seed/demoPersons';
import type { DemoEnrolment } from './handlers/deps';

/**
 * The demo menu's face enrolment, against the embedded sandbox's loopback-only endpoint: a
 * visitor enrols their own face for a demo person, framed by the kiosk's own capture (which is
 * what later payments send), and can then pay by face. The photo goes there and nowhere else.
 */
export function sandboxEnrolment(baseUrl: string, doFetch: typeof fetch = fetch): DemoEnrolment {
  const url = (path: string) => new URL(path, baseUrl).toString();
  return {
    async persons() {
      const answer = (await (await doFetch(url('/sandbox/face/enrolled'))).json()) as { data?: { persons?: { psnNo: string }[] } };
      const enrolled = new Set((answer.data?.persons ?? []).map((p) => p.psnNo));
      return DEMO_PERSONS.map((p) => ({ psnNo: p.psnNo, maskedName: maskName(p.name), enrolled: enrolled.has(p.psnNo) }));
    },
    async enrol(psnNo, photo) {
      const person = DEMO_PERSONS.find((p) => p.psnNo === psnNo);
      if (!person) return { problem: 'not a demo person' };
      const response = await doFetch(url('/sandbox/face/enrol'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ psnNo, faceImage: photo, replace: true }),
      });
      const answer = (await response.json()) as { code?: number; message?: string };
      return answer.code === 0 ? { maskedName: maskName(person.name) } : { problem: answer.message ?? `enrolment refused (${response.status})` };
    },
  };
}
