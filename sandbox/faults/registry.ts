import { z } from 'zod';

/**
 * Faults the platform plays on purpose, per infno (or `*` for every transaction):
 * - `latency`: wait before handling (a client timeout then leaves the outcome unknown);
 * - `error`: answer infcode -1 (or a gateway HTTP status) without doing anything;
 * - `drop`: destroy the connection without doing anything;
 * - `commit-then-drop`: do the transaction, commit it, then destroy the connection.
 * `times` limits how many requests the fault hits; it stays until cleared otherwise.
 * `devNo` limits it to one terminal's requests (the envelope's `dev_no`), so several terminals of
 * one institution can each meet their own fault at the same time.
 */
export const faultSchema = z
  .object({
    infno: z.string().regex(/^(\*|\d{4}[A-Z]?)$/, 'must be an infno like 2207, or * for all'),
    mode: z.enum(['latency', 'error', 'drop', 'commit-then-drop']),
    latencyMs: z.number().int().min(0).max(600_000).optional(),
    errMsg: z.string().min(1).max(200).optional(),
    httpStatus: z.number().int().min(400).max(599).optional(),
    times: z.number().int().min(1).optional(),
    devNo: z.string().min(1).max(30).optional(),
  })
  .strict();

export type Fault = z.infer<typeof faultSchema>;

/**
 * What an injected `error` says when the fault gives no errMsg: one of these, picked per answer,
 * in the words a busy provincial platform uses — nothing marks it as injected.
 */
export const INJECTED_FAILURE_WORDINGS: readonly string[] = [
  '系统繁忙，请稍后再试',
  '服务调用异常，请联系系统管理员',
  '中心系统处理超时',
  '数据库连接异常，交易未完成',
  '医保中心服务暂不可用',
  '网关转发失败，请重试',
];

export interface FaultPlan {
  latencyMs: number;
  outcome: 'normal' | 'error' | 'drop' | 'commit-then-drop';
  errMsg?: string;
  httpStatus?: number;
}

export class FaultRegistry {
  private faults: Fault[] = [];

  set(fault: Fault): void {
    this.faults = this.faults.filter((f) => !(f.infno === fault.infno && f.mode === fault.mode && f.devNo === fault.devNo));
    this.faults.push(fault);
  }

  clear(): void {
    this.faults = [];
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** What to do with one request of `infno`; consumes one use of each fault that applies. */
  take(infno: string, devNo?: string): FaultPlan {
    const plan: FaultPlan = { latencyMs: 0, outcome: 'normal' };
    for (const fault of this.faults.filter((f) => (f.infno === infno || f.infno === '*') && (f.devNo === undefined || f.devNo === devNo))) {
      if (fault.mode === 'latency') plan.latencyMs = Math.max(plan.latencyMs, fault.latencyMs ?? 0);
      else if (plan.outcome === 'normal') {
        plan.outcome = fault.mode;
        plan.errMsg = fault.errMsg;
        plan.httpStatus = fault.httpStatus;
      } else continue;
      if (fault.times !== undefined) fault.times -= 1;
    }
    this.faults = this.faults.filter((f) => f.times === undefined || f.times > 0);
    return plan;
  }
}
