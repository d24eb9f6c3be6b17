// Reading and writing the settings in storage.local, for the worker, the popup,
// the options page and the content scripts (which also listen for changes).

import { SETTING_KEYS, normalize } from './settings.js';
import { api } from './extension-api.js';

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
