import { createLogger } from '../../electron/core/logging/logger';
import { withRequestLog } from '../../electron/core/requestLog';
import { KioskError } from '../../shared/result';
import { stubHandlers } from './support/stubHandlers';

describe('request log', () => {
  const lines: string[] = [];
  const logger = createLogger({ sink: { write: (line) => lines.push(line) } });
  let clock = 0;
  const handlers = withRequestLog(
    stubHandlers({
      identifyByFace: async () => {
        clock += 42;
        return { status: 'not-found' };
      },
      identifyByCard: async () => {
        throw new KioskError('PERSON_NOT_FOUND', '没有找到您的医保信息');
      },
      recordMetric: async () => ({ recorded: true }),
    }),
    logger,
    () => clock,
  );

  beforeEach(() => (lines.length = 0));

  it('writes one line per call with a request id, the time and the outcome, never the request', async () => {
    const photo = `/9j/${'A'.repeat(4000)}`;
    await handlers.identifyByFace({ photo });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ msg: 'api', requestId: expect.stringMatching(/^[0-9a-f]{12}$/), data: { method: 'identifyByFace', ms: 42, outcome: 'not-found' } });
    expect(lines[0]).not.toContain('AAAA');
  });

  it('logs the code of a refused call and still refuses it', async () => {
    await expect(handlers.identifyByCard({ cardNo: 'A1', cardSn: 'x' })).rejects.toBeInstanceOf(KioskError);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', data: { method: 'identifyByCard', outcome: 'PERSON_NOT_FOUND' } });
  });

  it('keeps the chatty calls out of the log', async () => {
    await handlers.recordMetric({ type: 'face-attempt' });
    expect(lines).toHaveLength(0);
  });
});
