import type { Diagnostics } from '../../shared/ipc/contract';
import { formatDayTime } from '../../renderer/format/dateTime';
import { translate } from '../../renderer/i18n';
import { statusOf, type Text } from '../../renderer/admin/status';

const say = (text: Text): string =>
  translate('zh-CN', text.key, Object.fromEntries(Object.entries(text.params ?? {}).map(([k, v]) => [k, typeof v === 'object' ? say(v) : v])));

const diagnostics = (checks: Record<string, object>): Diagnostics =>
  ({ health: { status: 'ok', generatedAt: '2026-11-29T06:05:00.000Z', checks } }) as unknown as Diagnostics;
const UNTIL = Date.parse('2026-11-29T06:20:00.000Z');

describe('the status view of the health checks', () => {
  it('names locked PINs and silent voices in words, with local times, and never shows main’s English detail', () => {
    const view = statusOf(
      diagnostics({
        voice: { status: 'warn', detail: 'no Chinese (zh-CN) voice among 3', speechSynthesis: true, voices: 3, zhCN: false, reportedAt: '' },
        pinLockout: { status: 'warn', detail: 'locked after repeated wrong PINs: operator:OP001 until …', locked: [{ holder: 'operator:OP001', lockedUntil: UNTIL }] },
        brandNew: { status: 'fail', detail: 'something English' },
      }),
      1,
      { staffed: false, operator: null },
    );
    expect(view.overall).toBe('fault');
    const lines = view.items.map((item) => `${translate('zh-CN', item.label)}：${say(item.state)}${item.todo ? ` / ${say(item.todo)}` : ''}`);
    expect(lines).toEqual([
      '其他检查：故障 / 请联系信息科查看。',
      '语音播报：没有中文语音，提示只显示、不播报 / 请信息科为本机安装普通话语音。',
      `密码锁定：操作员 OP001 的密码（到 ${formatDayTime(new Date(UNTIL).toISOString())} 解锁）因多次输错被锁定 / 到时会自动解锁；如果不是本人输错，请报告信息科。`,
      '本窗口操作员：自助挂号无需操作员',
    ]);
  });

  it('reads an unreported camera from the page’s own device list', () => {
    const unknown = { camera: { status: 'unknown', detail: 'the kiosk page has not reported its camera yet' } };
    expect(statusOf(diagnostics(unknown), 2, { staffed: false, operator: null }).items[0]).toMatchObject({ id: 'camera', level: 'ok', state: { key: 'adm.camera.seen', params: { n: 2 } } });
    expect(statusOf(diagnostics(unknown), 0, { staffed: false, operator: null })).toMatchObject({ overall: 'fault', items: [{ id: 'camera', level: 'fault' }, { id: 'counter' }] });
    expect(statusOf(diagnostics(unknown), null, { staffed: false, operator: null })).toMatchObject({ overall: 'attention', items: [{ id: 'camera', level: 'attention' }, { id: 'counter' }] });
  });
});

describe('the terminal’s own platform sign-in (9001)', () => {
  it('is no problem before the first settlement: the terminal signs in by itself', () => {
    const view = statusOf(diagnostics({ operator: { status: 'warn', detail: 'no operator signed in today', signedIn: false } }), 1, { staffed: false, operator: null });
    expect(view.overall).toBe('ok');
    expect(say(view.items[0]!.state)).toBe('今日还没有签到，第一笔结算时终端会自动签到，无需处理（与“本窗口操作员”无关）');
  });
});
