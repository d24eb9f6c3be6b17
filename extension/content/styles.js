// The layer's styles. They live inside the shadow root, so the page's CSS does
// not reach them and they do not reach the page.

export const HOST_STYLE = [
  'all: initial', 'position: absolute', 'top: 0', 'left: 0', 'width: 0', 'height: 0',
  'overflow: visible', 'z-index: 2147483647', 'pointer-events: none',
].map((d) => `${d} !important`).join('; ');

export const LAYER_CSS = `
:host { all: initial; }
.measure { position: absolute; top: 0; left: 0; width: 0; height: 0; overflow: hidden; contain: strict; visibility: hidden; }
.mirror { position: absolute; top: 0; left: 0; box-sizing: content-box; padding: 0; border: 0; margin: 0; }
.clip { position: absolute; overflow: hidden; pointer-events: none; contain: layout paint style; }
.box { position: absolute; box-sizing: border-box; pointer-events: none; border-bottom: 2px solid var(--c);
  border-radius: 1px; }
.box.info { border-bottom-style: dotted; }
.box.active { background: color-mix(in srgb, var(--c) 16%, transparent); }
.box.passage { border-bottom: 1px dashed var(--c); background: color-mix(in srgb, var(--c) 7%, transparent); }
.box.passage.active { background: color-mix(in srgb, var(--c) 14%, transparent); }
.error { --c: #d93025; }
.warning { --c: #e37400; }
.info { --c: #1a73e8; }
.viewport { position: fixed; inset: 0; overflow: hidden; pointer-events: none; }
.card { position: absolute; box-sizing: border-box; width: 340px; max-width: calc(100vw - 16px);
  pointer-events: auto; background: #fff; color: #202124; border: 1px solid #dadce0; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.18); padding: 12px 14px; font: 13px/1.45 system-ui, -apple-system,
  "Segoe UI", Roboto, sans-serif; text-align: left; outline: none; }
.card[hidden] { display: none; }
.card:focus-visible { box-shadow: 0 0 0 2px #1a73e8, 0 4px 16px rgba(0,0,0,.18); }
.head { display: flex; align-items: center; gap: 8px; }
.dot { width: 10px; height: 10px; border-radius: 50%; background: var(--c); flex: none; }
.title { font-weight: 600; flex: 1; overflow-wrap: anywhere; }
.kind { color: #5f6368; font-size: 12px; margin: 0 0 6px 18px; }
.also { display: flex; flex-wrap: wrap; gap: 4px 6px; align-items: center; margin: 0 0 10px; font-size: 12px;
  color: #5f6368; }
.also[hidden] { display: none; }
.also .other { border-left: 3px solid var(--c); text-align: left; }
.message { margin: 0 0 6px; }
.advice { margin: 0 0 10px; color: #3c4043; }
.advice b { color: #202124; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
button { font: inherit; font-size: 12px; padding: 4px 10px; border-radius: 4px; border: 1px solid #dadce0;
  background: #f8f9fa; color: #202124; cursor: pointer; }
button:hover { background: #f1f3f4; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 1px; }
button.why { margin-left: auto; border: 0; background: none; padding: 4px 2px; color: #1967d2;
  text-decoration: underline; }
button.why:hover { background: none; color: #174ea6; }
.hint { margin-top: 8px; color: #5f6368; font-size: 11px; }
@media (prefers-color-scheme: dark) {
  .card { background: #292a2d; color: #e8eaed; border-color: #5f6368; }
  .advice { color: #bdc1c6; } .advice b { color: #e8eaed; } .kind, .also, .hint { color: #9aa0a6; }
  button { background: #3c4043; color: #e8eaed; border-color: #5f6368; } button.why { color: #8ab4f8; }
}
`;
