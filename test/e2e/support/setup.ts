// Browser tests start a sandbox, a bridge and Chromium: minutes, not jest's default 5 s.
jest.setTimeout(180_000);
