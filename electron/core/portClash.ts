/** A listen error in one line: which port is taken and the environment variable that moves it. */
export function listenProblem(error: unknown, what: string, envVar: string): string {
  const e = error as NodeJS.ErrnoException & { port?: number; address?: string };
  if (e?.code === 'EADDRINUSE') return `${what}: port ${e.port ?? '?'} on ${e.address ?? 'this machine'} is already in use; set ${envVar} to another port`;
  if (e?.code === 'EACCES') return `${what}: not allowed to listen on port ${e.port ?? '?'}; set ${envVar} to a port above 1023`;
  return `${what}: ${error instanceof Error ? error.message : String(error)}`;
}

/** Thrown by a launcher step that failed for a reason the operator fixes (a port, a file): printed as its message alone. */
export class StartProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartProblem';
  }
}
