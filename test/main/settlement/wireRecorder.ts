import axios, { type AxiosInstance } from 'axios';

/** One request as the engine put it on the wire, and the platform's answer when it was JSON. */
export interface Sent {
  envelope: Record<string, unknown> & { infno: string; opter_type: string; opter: string; opter_name: string; sign_no: string };
  answer: Record<string, unknown> | undefined;
}

/**
 * The engine's own axios instance (EngineOptions.http) with a response interceptor that keeps
 * every request body and answer: the real HTTP to the real sandbox, seen from the kiosk's side.
 */
export function wireRecorder(): { http: AxiosInstance; sent: Sent[]; since(mark: number): Sent[] } {
  const sent: Sent[] = [];
  const http = axios.create();
  http.interceptors.response.use((response) => {
    const body = response.config.data;
    // Envelopes only: oauth-sm's token request is a form post, not a platform message.
    if (typeof body === 'string' && !body.startsWith('{')) return response;
    let answer: Record<string, unknown> | undefined;
    try {
      answer = typeof response.data === 'string' ? (JSON.parse(response.data) as Record<string, unknown>) : undefined;
    } catch {
      answer = undefined;
    }
    sent.push({ envelope: typeof body === 'string' ? JSON.parse(body) : body, answer });
    return response;
  });
  return { http, sent, since: (mark) => sent.slice(mark) };
}

/** Who each sign_no was issued to: the `opter_no` of the 9001 that answered it. */
export function signNoOwners(sent: readonly Sent[]): Map<string, string> {
  const owners = new Map<string, string>();
  for (const { envelope, answer } of sent) {
    if (envelope.infno !== '9001') continue;
    const signNo = ((answer?.output as { signinoutb?: { sign_no?: string } } | undefined)?.signinoutb?.sign_no) ?? '';
    const opterNo = ((envelope.input as { signIn?: { opter_no?: string } }).signIn?.opter_no) ?? '';
    if (signNo) owners.set(signNo, opterNo);
  }
  return owners;
}
