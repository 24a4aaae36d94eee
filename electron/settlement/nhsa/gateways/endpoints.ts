import { HEBEI_TRANSACTION_PATHS, type TerminalConfig } from '../../../../shared/config/terminalConfig';

type Endpoint = TerminalConfig['region']['endpoint'];

/**
 * The path a transaction is posted to: the one endpoint (infno in the body), or its own path
 * (the region's list over the Hebei one). Undefined when the region names none: the client
 * then sends nothing, since a guessed URL could only answer with something unreadable.
 */
export function transactionPath(endpoint: Endpoint, infno: string): string | undefined {
  if (endpoint.style === 'single') return endpoint.path;
  return endpoint.paths[infno] ?? HEBEI_TRANSACTION_PATHS[infno];
}
