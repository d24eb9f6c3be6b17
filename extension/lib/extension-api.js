// The one place that picks the extension API object (`browser` in Firefox,
// `chrome` in Chromium) and the one way to ask the service worker something.
// content/loader.js, a classic script that cannot import, uses chrome.runtime
// directly (both browsers define it in content scripts).

export const api = globalThis.browser ?? globalThis.chrome;

/**
 * Sends a protocol message (lib/protocol.js) to the worker and returns its reply;
 * undefined when the worker cannot be reached (it is restarting, or the extension
 * was reloaded while the page stayed open).
 */
export async function ask(msg) {
  try {
    return await api.runtime.sendMessage(msg);
  } catch {
    return undefined;
  }
}
