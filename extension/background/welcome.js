// The first-run page (welcome/welcome.html): opened once, when the extension is
// installed (not on updates or browser starts), and the worker's side of its
// practice field, which is checked like a field in a page but belongs to no tab.

import { Kind } from '../lib/protocol.js';
import { api } from './store.js';

export const WELCOME_PAGE = 'welcome/welcome.html';

/** Opens the first-run page on a fresh install; registered when the worker module loads. */
export function openWelcomeOnInstall(runtime = api.runtime, tabs = api.tabs) {
  runtime.onInstalled?.addListener((details) => {
    if (details?.reason !== 'install') return;
    tabs.create({ url: runtime.getURL(WELCOME_PAGE) }).catch(() => {});
  });
}

/**
 * The PRACTICE handler: the CHECK handler's work (the user's settings, the server's
 * findings, the back-off) for a text that no tab shows, so no tab's state or badge
 * changes and no site switch applies.
 */
export function practiceHandler(handlers) {
  return (msg) => handlers[Kind.CHECK]({ ...msg, kind: Kind.CHECK, site: null }, {});
}
