// The content script (one per frame): finds the field being edited, keeps one
// controller per watched field, redraws underlines once per animation frame when
// anything moves, and shows the card on hover or with the keyboard. The card
// reacts to trusted events only: a page script cannot open it or press its buttons.

import { Kind, message } from '../lib/protocol.js';
import { detectJob } from '../lib/job-boards.js';
import { normalize, siteOf, isSiteOff, withIgnored } from '../lib/settings.js';
import { api, ask } from '../lib/extension-api.js';
import { getSettings } from '../lib/storage.js';
import { fieldOf, fieldKind, eventTarget } from './fields.js';
import { FieldController, focusedElement } from './controller.js';
import { layerFor } from './layer.js';
import { setPerfMarks } from './perf.js';
import { CardDriver } from './card-driver.js';

export async function start() {
  const doc = document;
  const site = siteOf(location.href);
  let settings = await getSettings();
  setPerfMarks(settings.perfMarks);
  const controllers = new Map(); // field -> FieldController
  const dirty = new Set();
  let frame = 0;
  let current = null; // the controller of the field edited last

  const siteOn = () => !isSiteOff(settings, site);

  /** Tells the worker what this frame shows; again on each focus, as SPAs change URL and title. */
  function sendPageInfo() {
    const job = detectJob(location.href, doc.title);
    ask(message(Kind.PAGE_INFO, {
      site, url: location.href, top: window === window.top,
      board: job?.board ?? null, company: job?.company ?? null, role: job?.role ?? null,
    }));
  }

  function flush() {
    frame = 0;
    const batch = [...dirty];
    dirty.clear();
    for (const ctrl of batch) ctrl.draw();
    cards?.reposition();
  }

  function requestDraw(ctrl) {
    dirty.add(ctrl);
    if (!frame) frame = requestAnimationFrame(flush);
  }

  function redrawAll() {
    for (const ctrl of controllers.values()) requestDraw(ctrl);
  }

  const resizes = new ResizeObserver(redrawAll);
  // Style, class and DOM changes elsewhere can move a field (a banner opens, a
  // font class is toggled); redraw, at most once a frame, while any field is watched.
  const mutations = new MutationObserver(redrawAll);

  // The layer and the card are created with the first watched field: a page where
  // nothing is typed gets nothing added.
  let layer = null;
  let cards = null;
  function ui() {
    if (!layer) {
      layer = layerFor(doc);
      cards = new CardDriver(layer, cardHooks);
    }
    return layer;
  }

  const env = {
    get layer() {
      return ui();
    },
    site,
    settings: () => settings,
    ask,
    requestDraw,
    isCurrent: (ctrl) => ctrl === current,
    onDestroy: (ctrl) => {
      controllers.delete(ctrl.field);
      resizes.unobserve(ctrl.field);
      if (current === ctrl) current = null;
      cards?.forget(ctrl);
      if (!controllers.size) mutations.disconnect();
    },
  };

  const cardHooks = {
    controllers: () => controllers.values(),
    requestDraw,
    act(action, ctrl, finding) {
      if (action === 'about') {
        // The worker opens the rule's page: this page never learns the server's address.
        ask(message(Kind.OPEN_RULE, { rule: finding.rule }));
        return;
      }
      if (action === 'ignore') {
        const entry = { site, phrase: finding.text, rule: finding.rule };
        settings = { ...settings, ignored: withIgnored(settings.ignored, entry) };
        ask(message(Kind.IGNORE_HERE, entry));
      } else if (action === 'disable') {
        settings = { ...settings, disabledRules: [...settings.disabledRules, finding.rule] };
        ask(message(Kind.DISABLE_RULE, { rule: finding.rule }));
      }
      redrawAll();
    },
  };

  function controllerFor(field) {
    let ctrl = controllers.get(field);
    if (!ctrl) {
      if (!controllers.size) {
        mutations.observe(doc.documentElement, {
          subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['style', 'class'],
        });
      }
      ctrl = new FieldController(field, fieldKind(field), env);
      controllers.set(field, ctrl);
      resizes.observe(field);
    }
    return ctrl;
  }

  function watched(event) {
    if (!siteOn()) return null;
    const field = fieldOf(eventTarget(event));
    return field ? controllerFor(field) : null;
  }

  function stopAll() {
    cards?.hide();
    for (const ctrl of [...controllers.values()]) ctrl.destroy();
  }

  doc.addEventListener('focusin', (event) => {
    const ctrl = watched(event);
    if (!ctrl) return;
    sendPageInfo();
    current = ctrl;
    ctrl.onFocus();
  }, true);

  doc.addEventListener('input', (event) => {
    const ctrl = watched(event);
    if (!ctrl) return;
    current = ctrl;
    if (event.isTrusted) cards?.typing();
    ctrl.onInput(event);
  }, true);

  doc.addEventListener('compositionend', (event) => watched(event)?.onInput(event), true);
  doc.addEventListener('scroll', () => {
    cards?.scrolled();
    redrawAll();
  }, { capture: true, passive: true });
  window.addEventListener('resize', redrawAll, { passive: true });
  doc.fonts?.addEventListener?.('loadingdone', redrawAll);
  doc.addEventListener('mousemove', (event) => {
    if (event.isTrusted) cards?.pointer(event);
  }, { capture: true, passive: true });
  doc.addEventListener('keydown', (event) => {
    if (event.isTrusted) cards?.key(event, current);
  }, true);

  /** The field that has the focus now, with its controller (a field focused before the script ran, say). */
  function focusedController() {
    const field = fieldOf(focusedElement(doc));
    return field && siteOn() ? controllerFor(field) : null;
  }

  api.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local' || !api.runtime?.id) return;
    const wasOn = siteOn();
    const patch = Object.fromEntries(Object.entries(changes).map(([k, c]) => [k, c.newValue]));
    settings = normalize({ ...settings, ...patch });
    setPerfMarks(settings.perfMarks);
    if (!siteOn()) {
      stopAll();
    } else if (!wasOn) {
      // Turned back on for this site: check the field being edited at once.
      current = focusedController() ?? current;
      current?.recheck();
    } else {
      redrawAll();
    }
  });

  sendPageInfo();
  // A field that already has the focus when the script starts (autofocus).
  const active = focusedController();
  if (active) {
    current = active;
    current.onFocus();
  }
}
