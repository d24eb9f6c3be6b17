// Which messages the worker answers, and for whom. A message must come from this
// extension (`sender.id`), be well formed (lib/protocol.js `validate`) and come
// from the kind of sender its kind is for (`SENDERS`): a content script, which
// runs in every web page, can check text and report on its page, but cannot
// read or change the saved samples, read another tab's state or ask for the
// server's status. The handlers run only after all three checks.

import { validate, fail, ok, ErrorCode, Sender, SENDERS, senderOf } from '../lib/protocol.js';

/**
 * `route(message, sender)`: a promise of the reply, or null when the message is
 * not this extension's (another extension's, or nothing to answer).
 */
export function createRouter({ handlers, runtimeId, extensionBase }) {
  return function route(message, sender) {
    if (!sender || sender.id !== runtimeId) return null;
    const valid = validate(message);
    if (!valid.ok) return Promise.resolve(fail(ErrorCode.BAD_MESSAGE, valid.error));
    const from = senderOf(sender, extensionBase);
    if (from === null || SENDERS[message.kind] !== from) {
      return Promise.resolve(fail(ErrorCode.NOT_ALLOWED,
        `${message.kind} is answered only for ${SENDERS[message.kind] === Sender.CONTENT ? 'content scripts' : 'the extension’s own pages'}`));
    }
    return Promise.resolve()
      .then(() => handlers[message.kind](message, sender))
      .then((reply) => reply ?? ok(), (error) => fail(ErrorCode.SERVER_ERROR, error?.message ?? String(error)));
  };
}
