import type { EmbeddedServices } from './embeddedServices';
import type { DemoEnrolment } from './handlers/deps';

/**
 * The demo menu's face enrolment, against the URLs the launcher's demo wiring hands over (the
 * embedded sandbox's loopback-only endpoints): a visitor enrols their own face for a demo
 * person, framed by the kiosk's own capture (which is what later payments send), and can then
 * pay by face. The photo goes there and nowhere else.
 */
export function urlEnrolment(enrolment: NonNullable<EmbeddedServices['enrolment']>, doFetch: typeof fetch = fetch): DemoEnrolment {
  return {
    async persons() {
      const answer = (await (await doFetch(enrolment.enrolledUrl)).json()) as { data?: { persons?: { psnNo: string }[] } };
      const enrolled = new Set((answer.data?.persons ?? []).map((p) => p.psnNo));
      return enrolment.persons.map((p) => ({ psnNo: p.psnNo, maskedName: p.maskedName, enrolled: enrolled.has(p.psnNo) }));
    },
    async enrol(psnNo, photo) {
      const person = enrolment.persons.find((p) => p.psnNo === psnNo);
      if (!person) return { problem: 'not a demo person' };
      const response = await doFetch(enrolment.enrolUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ psnNo, faceImage: photo, replace: true }),
      });
      const answer = (await response.json()) as { code?: number; message?: string };
      return answer.code === 0 ? { maskedName: person.maskedName } : { problem: answer.message ?? `enrolment refused (${response.status})` };
    },
  };
}
