// The service worker (a background script in Firefox). It owns all network
// access: content scripts, the popup and the options page send it messages
// (lib/protocol.js), background/router.js decides which it answers, and the
// handlers ask the local Standout server.

import { api, removeTab } from './store.js';
import { createHandlers } from './handlers.js';
import { createRouter } from './router.js';

const route = createRouter({
  handlers: createHandlers(),
  runtimeId: api.runtime.id,
  extensionBase: api.runtime.getURL(''),
});

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const reply = route(message, sender);
  if (!reply) return false;
  reply.then(sendResponse);
  return true; // the reply is sent asynchronously
});

api.tabs.onRemoved.addListener((tabId) => {
  removeTab(tabId).catch(() => {});
});
