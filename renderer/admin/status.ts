import type { Diagnostics } from '../../shared/ipc/contract';
import { formatDayTime } from '../format/dateTime';
import type { MessageKey } from '../i18n';

/**
 * The terminal's status as staff read it: one level per check, the worst of them overall (not
 * the last row, not main's `degraded`, which lumps a missing printer with a dead camera), and,
 * for each problem, what to do. Main's check details are English for the log; the words here
 * are built from the checks' fields instead.
 */

export type Level = 'ok' | 'attention' | 'fault';
/** A sentence to translate; a parameter may itself be a word to translate (the face backend's). */
export type Text = { key: MessageKey; params?: Record<string, string | number | Text> };
export interface StatusItem {
  id: string;
  level: Level;
  label: MessageKey;
  state: Text;
  todo: Text | null;
}
export interface StatusView {
  overall: Level;
  /** Worst first; checks of the same level keep main's order. */
  items: StatusItem[];
}

/** The counter's operator, as main keeps it (admin → 操作员 shows the same). */
export interface CounterOperator {
  staffed: boolean;
  operator: { id: string; name: string } | null;
}

type Check = Diagnostics['health']['checks'][string] & Record<string, unknown>;
const RANK: Record<Level, number> = { ok: 0, attention: 1, fault: 2 };
const LABELS: Record<string, MessageKey> = {
  platform: 'adm.check.platform',
  camera: 'adm.check.camera',
  faceBackend: 'adm.check.faceBackend',
  operator: 'adm.check.operator',
  journal: 'adm.check.journal',
  printer: 'adm.check.printer',
  disk: 'adm.check.disk',
  voice: 'adm.check.voice',
  pinLockout: 'adm.check.pinLockout',
};

const levelOf = (status: Check['status']): Level => (status === 'ok' ? 'ok' : status === 'fail' ? 'fault' : 'attention');
const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const str = (value: unknown): string => (typeof value === 'string' ? value : '');
const gb = (bytes: unknown) => ((num(bytes) ?? 0) / 1024 ** 3).toFixed(1);
const UNKNOWN: Pick<StatusItem, 'state' | 'todo'> = { state: { key: 'adm.state.unknown' }, todo: { key: 'adm.todo.unknown' } };

function describe(id: string, check: Check, cameras: number | null): Pick<StatusItem, 'level' | 'state' | 'todo'> {
  const level = levelOf(check.status);
  const fine = (state: Text) => ({ level, state, todo: null });
  const problem = (state: Text, todo: MessageKey) => ({ level, state, todo: { key: todo } });
  switch (id) {
    case 'platform': {
      const ms = num(check.latencyMs) ?? 0;
      if (check.status === 'ok') return fine({ key: 'adm.platform.ok', params: { ms } });
      if (check.status === 'warn') return problem({ key: 'adm.platform.slow', params: { ms } }, 'adm.platform.slowTodo');
      if (check.status === 'fail') return problem({ key: 'adm.platform.down' }, 'adm.platform.downTodo');
      break;
    }
    case 'camera':
      if (check.status === 'ok') return fine({ key: 'adm.camera.ok' });
      if (check.status === 'fail') return problem({ key: 'adm.camera.none' }, 'adm.camera.noneTodo');
      // Main hears of the camera only when a face screen opened; until then the page's device list speaks.
      if (cameras !== null && cameras > 0) return { level: 'ok', state: { key: 'adm.camera.seen', params: { n: cameras } }, todo: null };
      if (cameras === 0) return { level: 'fault', state: { key: 'adm.camera.none' }, todo: { key: 'adm.camera.noneTodo' } };
      break;
    case 'faceBackend': {
      const ms = num(check.msPerFrame);
      const how: Text = { key: check.backend === 'webgl' ? 'adm.face.gpu' : 'adm.face.cpu' };
      if (check.status === 'ok') return fine({ key: ms === null ? 'adm.face.ok' : 'adm.face.okTimed', params: { how, ...(ms === null ? {} : { ms }) } });
      if (check.status === 'warn') return problem({ key: 'adm.face.slow', params: { ms: ms ?? 0 } }, 'adm.face.slowTodo');
      if (check.status === 'fail') return problem({ key: 'adm.face.failed' }, 'adm.face.failedTodo');
      if (check.backend === undefined) return problem({ key: 'adm.face.notYet' }, 'adm.face.notYetTodo');
      break;
    }
    case 'operator':
      if (check.signedIn === true) return fine({ key: 'adm.signin.ok', params: { who: str(check.operator), at: str(check.signedAt) } });
      // Main calls it a warning, but the first settlement signs in by itself: nothing for staff to do.
      if (check.signedIn === false) return { level: 'ok', state: { key: 'adm.signin.none' }, todo: null };
      break;
    case 'journal': {
      const n = num(check.awaitingResolution) ?? 0;
      if (check.status === 'ok') return fine({ key: 'adm.journal.ok' });
      if (check.status === 'warn') return problem({ key: 'adm.journal.waiting', params: { n, staff: num(check.needStaff) ?? 0 } }, 'adm.journal.waitingTodo');
      if (check.status === 'fail') return problem({ key: 'adm.journal.overdue', params: { at: str(check.oldestAt) } }, 'adm.journal.overdueTodo');
      break;
    }
    case 'printer':
      if (check.status === 'ok') return fine({ key: 'adm.printer.ok', params: { name: str(check.name) } });
      if (check.name === null) return problem({ key: 'adm.printer.none' }, 'adm.printer.noneTodo');
      if (check.status !== 'unknown') return problem({ key: 'adm.printer.down', params: { name: str(check.name) } }, 'adm.printer.downTodo');
      break;
    case 'disk':
      if (check.status === 'ok') return fine({ key: 'adm.disk.ok', params: { free: gb(check.freeBytes), total: gb(check.totalBytes) } });
      if (check.status === 'warn') return problem({ key: 'adm.disk.low', params: { free: gb(check.freeBytes) } }, 'adm.disk.lowTodo');
      if (check.status === 'fail') return problem({ key: 'adm.disk.full', params: { free: gb(check.freeBytes) } }, 'adm.disk.fullTodo');
      break;
    case 'voice':
      if (check.status === 'ok') return fine({ key: 'adm.voice.ok' });
      if (check.speechSynthesis === false) return problem({ key: 'adm.voice.none' }, 'adm.voice.noneTodo');
      if (check.zhCN === false) return problem({ key: 'adm.voice.noChinese' }, 'adm.voice.noChineseTodo');
      break;
    case 'pinLockout': {
      const locked = Array.isArray(check.locked) ? (check.locked as { holder: string; lockedUntil: number }[]) : [];
      if (check.status === 'ok') return fine({ key: 'adm.lockout.none' });
      if (locked.length > 0) {
        const who: Text[] = locked.map((l) => ({
          key: l.holder === 'admin' ? 'adm.lockout.admin' : 'adm.lockout.operator',
          params: { id: l.holder.replace(/^operator:/, ''), at: new Date(l.lockedUntil).toISOString() },
        }));
        return { level, state: { key: 'adm.lockout.locked', params: { who: who.length === 1 ? who[0]! : { key: 'adm.lockout.several', params: { n: who.length } } } }, todo: { key: 'adm.lockout.todo' } };
      }
      break;
    }
    default:
      if (check.status === 'ok') return fine({ key: 'adm.state.ok' });
      if (check.status !== 'unknown') return problem({ key: level === 'fault' ? 'adm.status.fault' : 'adm.status.attention' }, 'adm.other.todo');
  }
  return { level, ...UNKNOWN };
}

/** Times in the checks' fields are ISO instants: shown local, in Chinese form (nested words too). */
function localTimes(state: Text, locale: 'zh-CN' | 'en'): Text {
  if (!state.params) return state;
  const params = Object.fromEntries(
    Object.entries(state.params).map(([name, value]) => [
      name,
      typeof value === 'object' ? localTimes(value, locale) : name === 'at' ? formatDayTime(String(value), locale) : value,
    ]),
  );
  return { ...state, params };
}

export function statusOf(diag: Diagnostics, cameras: number | null, counter: CounterOperator, locale: 'zh-CN' | 'en' = 'zh-CN'): StatusView {
  const items: StatusItem[] = Object.entries(diag.health.checks).map(([id, check]) => {
    const described = describe(id, check as Check, cameras);
    return { id, label: LABELS[id] ?? 'adm.check.other', ...described, state: localTimes(described.state, locale) };
  });
  // The counter's operator, so diagnostics and the operator tab say the same thing.
  items.push(
    !counter.staffed
      ? { id: 'counter', label: 'adm.check.counter', level: 'ok', state: { key: 'adm.counter.notNeeded' }, todo: null }
      : counter.operator
        ? { id: 'counter', label: 'adm.check.counter', level: 'ok', state: { key: 'adm.counter.on', params: { ...counter.operator } }, todo: null }
        : { id: 'counter', label: 'adm.check.counter', level: 'attention', state: { key: 'adm.counter.off' }, todo: { key: 'adm.counter.offTodo' } },
  );
  const sorted = items.map((item, index) => ({ item, index })).sort((a, b) => RANK[b.item.level] - RANK[a.item.level] || a.index - b.index);
  const overall = items.reduce<Level>((worst, item) => (RANK[item.level] > RANK[worst] ? item.level : worst), 'ok');
  return { overall, items: sorted.map(({ item }) => item) };
}
