import { DEFAULT_GATE, type GateConfig, type GateMetrics } from './qualityGate';

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/** Weights of the best-frame score: pose first (the face service matches frontal faces best), then sharpness. */
export const FRAME_WEIGHTS = { frontal: 0.35, sharp: 0.25, size: 0.2, boxScore: 0.2 } as const;

/**
 * Score of a gate-passing frame, 0..1: frontal (pose against the gate's limits), sharp (up to 4x
 * the gate's minimum, beyond that no better for matching), larger face (more pixels for the
 * service, up to the gate's maximum), detector confidence.
 */
export function frameScore(m: GateMetrics, cfg: GateConfig = DEFAULT_GATE): number {
  const pose = Math.max(
    Math.abs(m.yaw ?? cfg.maxYaw) / cfg.maxYaw,
    Math.abs(m.pitch ?? cfg.maxPitch) / cfg.maxPitch,
    Math.abs(m.roll ?? cfg.maxRoll) / cfg.maxRoll,
  );
  const frontal = clamp01(1 - pose);
  const sharp = clamp01((m.sharpness ?? 0) / (4 * cfg.minSharpness));
  const size = clamp01((m.faceSize ?? 0) / cfg.maxFaceSize);
  const box = clamp01(m.boxScore ?? 0);
  return (
    FRAME_WEIGHTS.frontal * frontal + FRAME_WEIGHTS.sharp * sharp + FRAME_WEIGHTS.size * size + FRAME_WEIGHTS.boxScore * box
  );
}
