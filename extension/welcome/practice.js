// The first-run page's practice field, drawn by the content script's own parts
// (FieldController, the layer, the card), so what the user sees here is what they
// will see in application forms. Content scripts do not run in extension pages,
// so this page wires those parts itself, and its checks go to the worker as
// PRACTICE messages (a field of no tab and no site). "Ignore here" and "Turn off
// this rule" only hide the finding in this field: practice changes no settings.

import { Kind, message } from '../lib/protocol.js';
import { api, ask } from '../lib/extension-api.js';
import { getSettings } from '../lib/storage.js';
import { withIgnored } from '../lib/settings.js';
import { ruleUrl } from '../lib/findings.js';
import { FieldController } from '../content/controller.js';
import { layerFor } from '../content/layer.js';
import { CardDriver } from '../content/card-driver.js';

/** Starts the practice field; returns {recheck()} to check it now (the server just came up). */
export async function startPractice(field, { serverUrl, onChecked = () => {} }) {
  let settings = await getSettings();
  let frame = 0;
  const layer = layerFor(document);
  let cards = null;
  let ctrl = null;

  const flush = () => {
    frame = 0;
    ctrl?.draw();
    cards?.reposition();
  };
  const requestDraw = () => {
    if (!frame) frame = requestAnimationFrame(flush);
  };

  const env = {
    layer,
    site: null,
    settings: () => settings,
    async ask(msg) {
      if (msg.kind !== Kind.CHECK) return ask(msg);
      // The field's label is not a question it answers, and the page's address is the extension's.
      const reply = await ask(message(Kind.PRACTICE, { text: msg.text, focused: msg.focused }));
      onChecked(reply);
      return reply;
    },
    requestDraw,
    isCurrent: () => true,
    onDestroy: () => {},
  };

  cards = new CardDriver(layer, {
    controllers: () => (ctrl ? [ctrl] : []),
    requestDraw,
    act(action, owner, finding) {
      if (action === 'about') {
        api.tabs.create({ url: ruleUrl(serverUrl(), finding.rule) }).catch(() => {});
        return;
      }
      if (action === 'ignore') {
        settings = { ...settings, ignored: withIgnored(settings.ignored, { site: null, phrase: finding.text, rule: finding.rule }) };
      } else if (action === 'disable') {
        settings = { ...settings, disabledRules: [...settings.disabledRules, finding.rule] };
      }
      requestDraw();
    },
  });

  ctrl = new FieldController(field, 'value', env); // a textarea

  field.addEventListener('focus', () => ctrl.onFocus());
  field.addEventListener('input', (event) => {
    if (event.isTrusted) cards.typing();
    ctrl.onInput(event);
  });
  field.addEventListener('scroll', () => {
    cards.scrolled();
    requestDraw();
  }, { passive: true });
  new ResizeObserver(requestDraw).observe(field);
  addEventListener('resize', requestDraw, { passive: true });
  document.addEventListener('scroll', () => {
    cards.scrolled();
    requestDraw();
  }, { capture: true, passive: true });
  document.addEventListener('mousemove', (event) => {
    if (event.isTrusted) cards.pointer(event);
  }, { capture: true, passive: true });
  document.addEventListener('keydown', (event) => {
    if (event.isTrusted) cards.key(event, ctrl);
  }, true);

  return { recheck: () => ctrl.recheck() };
}
