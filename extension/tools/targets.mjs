// One manifest.json serves both browsers unpacked; each package keeps only its own keys.
//
// Chrome: no browser_specific_settings (Firefox's add-on id) and no background.scripts
//   (Chrome runs background.service_worker). The "key" stays: it fixes the extension's
//   id, which docs/extension.md names.
// Firefox: no background.service_worker (Firefox runs background.scripts and warns
//   about the other) and no "key" (a Chrome-only field).
export const TARGETS = {
  chrome(manifest) {
    const out = structuredClone(manifest);
    delete out.browser_specific_settings;
    delete out.background.scripts;
    return out;
  },
  firefox(manifest) {
    const out = structuredClone(manifest);
    delete out.key;
    delete out.background.service_worker;
    return out;
  },
};
