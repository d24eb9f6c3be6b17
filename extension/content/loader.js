// Content scripts cannot be ES modules in MV3, so this classic script imports
// the real one (content/main.js, listed in web_accessible_resources). It runs in
// every frame, including same-origin iframes.
(() => {
  const runtime = globalThis.chrome?.runtime; // a classic script cannot import lib/extension-api.js
  if (globalThis.__standoutStarted || !runtime?.getURL) return;
  globalThis.__standoutStarted = true;
  import(runtime.getURL('content/main.js'))
    .then((main) => main.start())
    .catch(() => {
      // The extension was reloaded or removed while the page stayed open:
      // there is nothing to run, and nothing to tell the page.
    });
})();
