// Reading and writing the settings in storage.local, for the worker, the popup
// and the options page (content scripts read them directly and listen for changes).

import { SETTING_KEYS, normalize } from './settings.js';

export const api = globalThis.browser ?? globalThis.chrome;

export async function getSettings() {
  return normalize(await api.storage.local.get(SETTING_KEYS));
}

/** Applies `change(settings)` (which returns the keys to write) and saves them. */
export async function updateSettings(change) {
  const settings = await getSettings();
  const patch = change(settings);
  await api.storage.local.set(patch);
  return { ...settings, ...patch };
}

/** Sends a protocol message to the worker; undefined when it cannot be reached. */
export async function ask(msg) {
  try {
    return await api.runtime.sendMessage(msg);
  } catch {
    return undefined;
  }
}
