// Horizon start-up, written into dist/ by `cargo xtask dist` (source: crates/xtask/src/boot.js).
// Served form: this is dist/boot.js, after `import __horizonInit from './horizon_web.js'`.
// One-file form: it follows the inlined wasm-bindgen glue in horizon.html's only script.
// Names start with __horizon so they cannot clash with the glue's own top-level names.

/** Decodes the base64 wasm inlined into horizon.html. */
function __horizonFromBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Instantiates the app (its #[wasm_bindgen(start)] renders the page), then forbids every
 * connection for the rest of the page's life.
 *
 * The lock: a second Content-Security-Policy, added as a <meta> once the wasm is in. A page
 * enforces every policy it has, each one only narrowing; none can be removed. The served
 * form needs `connect-src 'self'` only to fetch its own .wasm; after this no fetch, XHR,
 * WebSocket, EventSource or beacon can go anywhere, and images only from data: URLs.
 * The one-file form's first policy already says so; the lock changes nothing there.
 */
async function __horizonBoot(init, wasm) {
  const loading = document.getElementById('horizon-loading');
  try {
    await init({ module_or_path: wasm });
  } catch (error) {
    if (loading) {
      loading.setAttribute('role', 'alert');
      loading.textContent = `Horizon could not start in this browser: ${error}`;
    }
    throw error;
  }
  loading?.remove();
  const lock = document.createElement('meta');
  lock.httpEquiv = 'Content-Security-Policy';
  lock.content = "connect-src 'none'; img-src data:";
  document.head.append(lock);
}
