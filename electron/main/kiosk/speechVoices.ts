import type { App } from 'electron';

/**
 * On Linux, Chromium reaches the system's voices (speech-dispatcher) only when asked: without
 * this switch `speechSynthesis.getVoices()` is empty and nothing is read aloud (Electron issue
 * #22844), although the kiosk speaks each screen's instruction. Windows and macOS have their own
 * voices and no such switch.
 */
export const SPEECH_DISPATCHER_SWITCH = 'enable-speech-dispatcher';

/** Appends the switch where it is needed; it must run before `ready`. True when it did. */
export function enableSpeechVoices(app: Pick<App, 'commandLine'>, platform: NodeJS.Platform = process.platform): boolean {
  if (platform !== 'linux') return false;
  app.commandLine.appendSwitch(SPEECH_DISPATCHER_SWITCH);
  return true;
}
