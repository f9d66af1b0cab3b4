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

/** The wasm inlined into horizon.html: base64 of its gzip, inflated by the browser itself. */
async function __horizonInlined(text) {
  const stream = new Blob([__horizonFromBase64(text)]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The line `cargo xtask dist` puts after the glue in horizon.html's script (the worker's copy ends there). */
const __horizonGlueEnd = '// ---- end of the wasm-bindgen glue ----';

/**
 * Compiles the served form's wasm, streaming where the server labels it as wasm. With
 * `onBytes`, calls it with the bytes read so far (as decoded, whatever the encoding on the wire)
 * as they arrive.
 */
async function __horizonCompile(url, onBytes) {
  const response = await fetch(url);
  if (!onBytes || !response.body) return __horizonCompileResponse(response);
  let read = 0;
  const counted = response.body.pipeThrough(new TransformStream({
    transform(chunk, out) {
      read += chunk.byteLength;
      onBytes(read);
      out.enqueue(chunk);
    },
  }));
  return __horizonCompileResponse(new Response(counted, { status: response.status, headers: response.headers }));
}

/**
 * The served page's loading line while its wasm arrives: "Loading Horizon… 45%" and a progress
 * bar, from the bytes read of `total` (the wasm's size, which `cargo xtask dist` writes into
 * boot.js), then "Starting Horizon…" once it is all in. Returns what to call with the bytes
 * read, or nothing where there is no loading line or no size.
 */
function __horizonLoadingProgress(loading, total) {
  if (!loading || !total) return undefined;
  const words = document.createElement('span');
  const bar = document.createElement('progress');
  bar.max = total;
  bar.value = 0;
  bar.setAttribute('aria-label', 'Loading Horizon');
  loading.replaceChildren(words, bar);
  let shown = -1;
  const show = (read) => {
    const percent = Math.min(100, Math.floor((100 * read) / total));
    if (percent === shown) return;
    shown = percent;
    bar.value = Math.min(read, total);
    words.textContent = percent < 100 ? `Loading Horizon… ${percent}%` : 'Starting Horizon…';
  };
  show(0);
  return show;
}

/** Compiles a fetched wasm file: streaming where the server labels it as wasm. */
async function __horizonCompileResponse(response) {
  if (response.headers.get('Content-Type') === 'application/wasm') {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/**
 * The evaluation worker's start-up (crates/web/src/worker.rs). `init` is the glue's default
 * export, `evaluate` its `worker_evaluate`. The page posts the compiled module first, then
 * `{ seq, request }` for each evaluation; the worker answers `{ seq, started: ruleId }` before
 * each rule and `{ seq, done: answerJson }` at the end, or `{ seq, crashed: words }` if the
 * wasm traps (a Rust panic is a trap in the browser build: its message comes first, through
 * `__horizonPanic`) or overflows the stack. The page then terminates this worker.
 * This function's source text is copied into the worker's script: it uses nothing else here.
 */
function __horizonWorkerMain(init, evaluate) {
  let ready = null;
  let panic = null;
  self.__horizonPanic = (message) => { panic = message; };
  self.onmessage = async ({ data }) => {
    if (data.module) {
      ready = init({ module_or_path: data.module });
      return;
    }
    try {
      await ready;
      const done = evaluate(data.request, (rule) => self.postMessage({ seq: data.seq, started: rule }));
      self.postMessage({ seq: data.seq, done });
    } catch (error) {
      self.postMessage({ seq: data.seq, crashed: panic || String(error) });
    }
  };
}

/**
 * Defines `__horizonWorker()`, the page's worker factory (components/evaluation.rs): each call
 * starts a module worker and gives it the compiled module. The worker's script is the glue and
 * __horizonWorkerMain. In the served form it is a Blob URL whose script imports the glue's own
 * URL (a module worker's imports are governed by worker-src: `worker-src 'self' blob:`). In the
 * one-file form it is a data: URL holding the glue's text, cut from the page's one script at
 * __horizonGlueEnd (so it is not in the file twice): a page opened from disk has an opaque
 * origin, and Chromium refuses a Blob worker there ("cross-origin redirects of the top-level
 * worker script"), while a data: worker runs (`worker-src data:`). Either worker inherits the
 * page's policies, the lock included, so it can connect nowhere.
 */
function __horizonWorkers(module, glue) {
  let code;
  if (glue.url) {
    code = `import init, { worker_evaluate } from ${JSON.stringify(glue.url)};\n` +
      `(${__horizonWorkerMain})(init, worker_evaluate);\n`;
  } else {
    const own = [...document.scripts].find((s) => s.type === 'module' && s.textContent.includes(__horizonGlueEnd));
    if (!own) return;
    const text = own.textContent;
    code = `${text.slice(0, text.indexOf(__horizonGlueEnd))}\n(${__horizonWorkerMain})(${glue.init}, worker_evaluate);\n`;
  }
  const url = glue.url
    ? URL.createObjectURL(new Blob([code], { type: 'text/javascript' }))
    : `data:text/javascript;charset=utf-8,${encodeURIComponent(code)}`;
  globalThis.__horizonWorker = () => {
    const worker = new Worker(url, { type: 'module', name: 'Horizon evaluation' });
    worker.postMessage({ module });
    return worker;
  };
}

/**
 * Defines `__horizonFormats()`, the page's way to the file formats module (crates/formats,
 * crates/web/src/formats.rs): a promise of its `horizonFormats` (its glue, a plain script, is
 * pasted before this file), compiled and started the first time a file is read or written.
 * `wasm` is the served form's URL, fetched now, once the app has started, so the page's own
 * start never waits for it and a page that later loses its connection can still read files;
 * or the one-file form's base64 of the gzip'd wasm. Nothing is fetched after this: the lock
 * that follows forbids it, and a fetch already started goes on.
 */
function __horizonFormatsLoader(wasm) {
  const source = wasm instanceof URL ? fetch(wasm, { priority: 'low' }) : null;
  // A failed fetch is reported when a file is first read or written, not at start-up.
  source?.catch(() => {});
  let ready = null;
  globalThis.__horizonFormats = () => (ready ??= (async () => {
    const module = source
      ? await source.then((response) => {
        if (!response.ok) throw new Error(`the server answered ${response.status} for ${wasm.pathname.split('/').pop()}`);
        return __horizonCompileResponse(response);
      })
      : await WebAssembly.compile(await __horizonInlined(wasm));
    await horizonFormats({ module_or_path: module });
    return horizonFormats;
  })());
}

/**
 * Compiles the wasm once, gives the worker factory the module, instantiates the app (its
 * #[wasm_bindgen(start)] renders the page), then forbids every connection for the rest of the
 * page's life. `wasm` is the served form's URL or the one-file form's base64 of the gzip'd wasm;
 * `glue` says where the worker finds the glue (see __horizonWorkers); `formats` is the file
 * formats module's wasm, in the same two ways (see __horizonFormatsLoader); `wasmBytes`, the served
 * form's wasm size, lets the loading line show how much has arrived (__horizonLoadingProgress).
 *
 * The lock: a second Content-Security-Policy, added as a <meta> once the wasm is in. A page
 * enforces every policy it has, each one only narrowing; none can be removed. The served
 * form needs `connect-src 'self'` only to fetch its own .wasm; after this no fetch, XHR,
 * WebSocket, EventSource or beacon can go anywhere, and images only from data: URLs.
 * The one-file form's first policy already says so; the lock changes nothing there.
 */
async function __horizonBoot(init, wasm, glue, formats, wasmBytes) {
  const loading = document.getElementById('horizon-loading');
  try {
    const module = wasm instanceof URL
      ? await __horizonCompile(wasm, __horizonLoadingProgress(loading, wasmBytes))
      : await WebAssembly.compile(await __horizonInlined(wasm));
    try {
      __horizonWorkers(module, glue);
    } catch (error) {
      // No worker: the page evaluates on its own thread (components/evaluation.rs).
    }
    await init({ module_or_path: module });
  } catch (error) {
    if (loading) {
      loading.setAttribute('role', 'alert');
      loading.textContent = `Horizon could not start in this browser: ${error}`;
    }
    throw error;
  }
  loading?.remove();
  __horizonFormatsLoader(formats);
  const lock = document.createElement('meta');
  lock.httpEquiv = 'Content-Security-Policy';
  lock.content = "connect-src 'none'; img-src data:";
  document.head.append(lock);
}
