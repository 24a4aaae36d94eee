import type { PowerSaveBlocker } from 'electron';

/** Keeps the counter's screen on: a kiosk that dims looks out of service. */
export class DisplaySleepBlocker {
  private id: number | null = null;

  constructor(private readonly blocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>) {}

  enable(): void {
    if (this.id !== null && this.blocker.isStarted(this.id)) return;
    this.id = this.blocker.start('prevent-display-sleep');
  }

  disable(): void {
    if (this.id === null) return;
    if (this.blocker.isStarted(this.id)) this.blocker.stop(this.id);
    this.id = null;
  }

  get active(): boolean {
    return this.id !== null && this.blocker.isStarted(this.id);
  }
}
