// The worker's per-tab state in storage.session (the worker is stopped when idle
// and loses its globals; the session area survives that and is cleared when the
// browser closes). Settings are in storage.local (lib/storage.js).

import { api } from '../lib/extension-api.js';

export { api } from '../lib/extension-api.js';
export { getSettings, updateSettings } from '../lib/storage.js';

// storage.session when the browser has it; otherwise memory only.
const memory = new Map();
const session = api.storage.session ?? {
  get: async (key) => (memory.has(key) ? { [key]: memory.get(key) } : {}),
  set: async (items) => Object.entries(items).forEach(([k, v]) => memory.set(k, v)),
  remove: async (key) => memory.delete(key),
};

const tabKey = (tabId) => `tab:${tabId}`;

export async function getTab(tabId) {
  const key = tabKey(tabId);
  return (await session.get(key))[key] ?? null;
}

export async function setTab(tabId, state) {
  await session.set({ [tabKey(tabId)]: state });
}

export async function removeTab(tabId) {
  await session.remove(tabKey(tabId));
}
