/**
 * The exit status of an admin exit (PIN). The deb's systemd user unit restarts the kiosk
 * whenever it exits except with this status (`RestartPreventExitStatus`), so a technician who
 * exits on purpose is not fought by the supervisor. Chosen apart from what a crash or a failed
 * start gives (1, 128 + signal).
 */
export const ADMIN_EXIT_STATUS = 64;
