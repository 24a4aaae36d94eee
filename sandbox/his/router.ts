import type { SandboxRequest, SandboxResponse } from '../http/types';
import { HisError } from './errors';

/**
 * A tiny path router under one sandbox prefix route: patterns like `/his/bills/:billNo/pay`.
 * Every HisError becomes its JSON refusal; anything else is left to the server (a JSON 500).
 */
type Handler = (params: Record<string, string>, request: SandboxRequest) => SandboxResponse;

export function createRouter(routes: [pattern: string, handler: Handler][]) {
  const compiled = routes.map(([pattern, handler]) => {
    const names: string[] = [];
    const source = pattern.replace(/:(\w+)/g, (_, name: string) => {
      names.push(name);
      return '([^/]+)';
    });
    return { regex: new RegExp(`^${source}$`), names, handler };
  });
  return (request: SandboxRequest): SandboxResponse => {
    for (const { regex, names, handler } of compiled) {
      const match = regex.exec(request.path);
      if (!match) continue;
      const params = Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
      try {
        return handler(params, request);
      } catch (error) {
        if (error instanceof HisError) {
          const reason = error.reason ? { reason: error.reason } : {};
          return { status: error.status, body: { error: { code: error.code, message: error.message, ...reason } } };
        }
        throw error;
      }
    }
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: `no HIS endpoint ${request.method} ${request.path}` } } };
  };
}
