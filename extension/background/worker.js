// The service worker (a background script in Firefox). It owns all network
// access: content scripts, the popup and the options page send it messages
// (lib/protocol.js) and it asks the local Standout server.

import { validate, fail, ErrorCode } from '../lib/protocol.js';
import { api, removeTab } from './store.js';
import { createHandlers } from './handlers.js';

const handlers = createHandlers();

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== api.runtime.id) return false;
  const valid = validate(message);
  if (!valid.ok) {
    sendResponse(fail(ErrorCode.BAD_MESSAGE, valid.error));
    return false;
  }
  handlers[message.kind](message, sender).then(sendResponse, (error) => {
    sendResponse(fail(ErrorCode.SERVER_ERROR, error?.message ?? String(error)));
  });
  return true; // the reply is sent asynchronously
});

api.tabs.onRemoved.addListener((tabId) => {
  removeTab(tabId).catch(() => {});
});
