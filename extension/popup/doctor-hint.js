// The popup's "why is it down?" part: while the server section says down, the
// likely causes that `standout doctor` checks for, and the command to run it
// (the popup cannot run programs) for the address the extension uses. It reads
// the server section's state (popup.js sets it), so it needs no hook there.

import { DEFAULT_SERVER_URL, parseServerUrl } from '../lib/settings.js';
import { getSettings } from '../lib/storage.js';

/** `standout doctor`, with `--url` when the extension uses another address than the default. */
export function doctorCommand(serverUrl) {
  const parsed = parseServerUrl(serverUrl ?? DEFAULT_SERVER_URL);
  if (!parsed.ok || parsed.url === DEFAULT_SERVER_URL) return 'standout doctor';
  return `standout doctor --url ${parsed.url}`;
}

/** Shows the list while the server section says down; the command for the address in the settings. */
export async function watchServer(doc = document) {
  const server = doc.getElementById('server');
  const hint = doc.getElementById('doctor-hint');
  if (!server || !hint) return;
  const { serverUrl } = await getSettings();
  doc.getElementById('doctor-command').textContent = doctorCommand(serverUrl);
  const update = () => {
    hint.hidden = server.dataset.state !== 'down';
  };
  new MutationObserver(update).observe(server, { attributes: true, attributeFilter: ['data-state'] });
  update();
}

watchServer();
