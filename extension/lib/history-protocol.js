// The history's message kinds (docs/history.md). All are for the extension's own
// pages (the popup): a content script runs inside web pages, so it may neither
// pair, nor mark an application as sent, nor learn whether the user is paired.
// lib/protocol.js merges these into Kind, SENDERS and its schemas.

export const HistoryKind = Object.freeze({
  /** popup -> worker: paired? a pairing waiting for approval (its code)? (redeems an approved one) */
  HISTORY_STATE: 'standout/history-state',
  /** popup -> worker: start a pairing; the reply has the code the user approves in a terminal. */
  HISTORY_PAIR: 'standout/history-pair',
  /** popup -> worker: store this tab's application (its fields, company, role, posting) as sent. */
  HISTORY_MARK_SENT: 'standout/history-mark-sent',
});

export const HISTORY_SCHEMAS = Object.freeze({
  [HistoryKind.HISTORY_STATE]: {},
  [HistoryKind.HISTORY_PAIR]: {},
  [HistoryKind.HISTORY_MARK_SENT]: { tabId: 'number' },
});
