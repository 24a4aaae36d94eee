// A component's own stylesheet, as jsdom sees it: nothing (jsdom lays nothing out).
export {};
