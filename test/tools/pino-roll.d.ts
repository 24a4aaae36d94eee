// pino-roll ships no types; the log-rotation bench only needs to call it.
declare module 'pino-roll';
