// Horizon as a widget in another page: the <horizon-review> element and the HorizonWidget
// API. `cargo xtask dist` writes this as dist/horizon-widget.js (source:
// crates/xtask/src/widget.js), after the import of the glue and boot.js's helpers; the
// README's "Horizon in another page" says how a host page uses it. The Rust side is
// crates/web/src/embed.rs. Each element is its own Horizon, with its own work, in its own
// shadow root: the host page's styles do not reach it and its styles do not leave it. It
// saves nothing in the browser and leaves the address bar alone; it asks for nothing but
// its own files (this script, horizon-widget.css, the glue, the wasm and, once started, the
// file formats module's wasm).

/**
 * The loading lines of the widgets waiting for the wasm (boot.js's __horizonLoadingProgress
 * for each), and how much of it has arrived: every waiting widget counts it in.
 */
const __horizonWidgetsLoading = new Set();
let __horizonWidgetBytesRead = 0;
let __horizonWidgetWasmIn = false;

/** Starts the wasm once for the page: later calls wait for the same start. */
let __horizonWidgetStart = null;
function __horizonStartWidgets() {
  __horizonWidgetStart ??= (async () => {
    // Read by the module's start (embed::hosted): render no page of its own.
    globalThis.__horizonEmbedded = true;
    const module = await __horizonCompile(new URL(__horizonWasmFile, import.meta.url), (read) => {
      __horizonWidgetBytesRead = read;
      for (const show of __horizonWidgetsLoading) show(read);
    });
    __horizonWidgetWasmIn = true;
    __horizonWidgetsLoading.clear();
    try {
      __horizonWorkers(module, { url: new URL(__horizonGlueFile, import.meta.url).href });
    } catch (error) {
      // No worker: the rules run on the page's own thread (components/evaluation.rs).
    }
    await __horizonInit({ module_or_path: module });
    __horizonFormatsLoader(new URL(__horizonFormatsFile, import.meta.url));
  })();
  return __horizonWidgetStart;
}

/** A scenario given as an object or as JSON text, as JSON text. */
function __horizonScenarioText(value) {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

class HorizonReview extends HTMLElement {
  #widget = null;
  #starting = false;
  #scenario = null;
  #problems = null;
  #box = null;

  connectedCallback() {
    if (!this.shadowRoot) this.#build();
    if (!this.#widget) this.#start();
  }

  disconnectedCallback() {
    this.#widget?.destroy();
    this.#widget = null;
  }

  /** The scenario, as an object or JSON text: replaces the work (undoably) once started. */
  set scenario(value) {
    this.#scenario = __horizonScenarioText(value);
    if (this.#widget) this.setScenario(this.#scenario);
    else if (this.isConnected && this.#box) this.#start();
  }

  get scenario() {
    return this.#scenario;
  }

  /**
   * Replaces the work with a scenario (an object or JSON text), as opening a file does.
   * Returns its problems as sentences: none when it was opened; otherwise they are shown
   * in the widget and the work is unchanged. Never throws.
   */
  setScenario(value) {
    const text = __horizonScenarioText(value);
    this.#scenario = text;
    if (!this.#widget) {
      if (this.isConnected && this.#box) this.#start();
      return [];
    }
    const problems = this.#widget.set_scenario(text ?? '');
    this.#show(problems, 'Horizon could not open the scenario this page gave it; the work is unchanged.');
    return problems;
  }

  #given() {
    return this.#scenario ?? this.querySelector('script[type="application/json"]')?.textContent ?? null;
  }

  #build() {
    const root = this.attachShadow({ mode: 'open' });
    const style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = new URL(__horizonWidgetStyle, import.meta.url).href;
    this.#problems = document.createElement('div');
    this.#problems.className = 'horizon-widget-problems';
    this.#problems.setAttribute('role', 'alert');
    this.#problems.hidden = true;
    this.#box = document.createElement('div');
    this.#box.className = 'horizon-widget';
    const loading = document.createElement('p');
    loading.className = 'horizon-widget-loading';
    loading.textContent = 'Loading Horizon…';
    this.#box.append(loading);
    if (!__horizonWidgetWasmIn) {
      const show = __horizonLoadingProgress(loading, __horizonWasmBytes);
      if (show) {
        show(__horizonWidgetBytesRead);
        __horizonWidgetsLoading.add(show);
      }
    }
    root.append(style, this.#problems, this.#box);
    // The widget's lengths are in `--horizon-rem` (widget.rs), the browser's own default font
    // size, which `medium` is whatever the host page sets on its root. A constructed
    // stylesheet, so a host policy without 'unsafe-inline' styles allows it.
    const probe = document.createElement('span');
    probe.style.cssText = 'position: absolute; visibility: hidden; font-size: medium';
    root.append(probe);
    const size = getComputedStyle(probe).fontSize;
    probe.remove();
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(`:host { --horizon-rem: ${size}; }`);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch (error) {
      // No constructed stylesheets: the stylesheet's 16px stands.
    }
    // A link to a place in the widget ("#suggestion-2") would move the host page's
    // address, and the browser looks for its target outside the shadow root: go there here.
    root.addEventListener('click', (event) => {
      const link = event.target.closest?.('a[href^="#"]');
      if (!link) return;
      event.preventDefault();
      const id = decodeURIComponent(link.getAttribute('href').slice(1));
      const target = id ? root.getElementById(id) : null;
      if (!target) return;
      if (!target.hasAttribute('tabindex') && !target.matches('a, button, input, select, textarea')) {
        target.setAttribute('tabindex', '-1');
      }
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    });
  }

  /** Mounts the app once the wasm is ready, on the scenario given by then. */
  async #start() {
    if (this.#starting) return;
    this.#starting = true;
    try {
      await __horizonStartWidgets();
    } catch (error) {
      this.#show([String(error)], 'Horizon could not start in this browser.');
      return;
    } finally {
      this.#starting = false;
    }
    if (this.#widget || !this.isConnected) return;
    const text = this.#given();
    try {
      this.#widget = mount_widget(this.shadowRoot, this.#box, this, text, this.getAttribute('example'), this.getAttribute('view'));
      this.#box.querySelector('.horizon-widget-loading')?.remove();
      this.#show([]);
    } catch (problems) {
      const list = Array.isArray(problems) ? problems : [String(problems)];
      this.#box.querySelector('.horizon-widget-loading')?.remove();
      this.#show(list, 'Horizon could not open the scenario this page gave it.');
    }
  }

  #show(problems, title) {
    this.#problems.replaceChildren();
    this.#problems.hidden = problems.length === 0;
    if (problems.length === 0) return;
    const heading = document.createElement('p');
    heading.className = 'horizon-widget-problems-title';
    heading.textContent = `${title} ${problems.length === 1 ? 'The problem:' : `The ${problems.length} problems:`}`;
    const list = document.createElement('ul');
    for (const problem of problems) {
      const item = document.createElement('li');
      item.textContent = problem;
      list.append(item);
    }
    this.#problems.append(heading, list);
  }
}

if (!customElements.get('horizon-review')) customElements.define('horizon-review', HorizonReview);

/** The widget's JavaScript API (the README's "Horizon in another page"). */
export const HorizonWidget = {
  /**
   * Puts a new <horizon-review> in `container` and returns it. Options: `scenario` (an
   * object or JSON text), `example` (an embedded example's name, e.g. 'kent-2016'),
   * `view` (the view it opens on, e.g. 'review' or 'matrix').
   */
  mount(container, { scenario, example, view } = {}) {
    const element = document.createElement('horizon-review');
    if (example) element.setAttribute('example', example);
    if (view) element.setAttribute('view', view);
    if (scenario !== undefined) element.scenario = scenario;
    container.append(element);
    return element;
  },
  /** An embedded example scenario (e.g. 'kent-2016') as an object, or null if there is none by that name. */
  async example(name) {
    await __horizonStartWidgets();
    const text = example_scenario(name);
    return text === undefined || text === null ? null : JSON.parse(text);
  },
  /**
   * Headless: the review of a scenario (an object or JSON text) under the shipped rules,
   * as the review JSON (docs/review-json.md). Rejects with an Error listing the problems
   * when the scenario has any.
   */
  async review(scenario) {
    await __horizonStartWidgets();
    const text = __horizonScenarioText(scenario) ?? '';
    let request;
    try {
      request = review_request(text);
    } catch (problems) {
      if (!Array.isArray(problems)) throw problems;
      const error = new Error(`The scenario has ${problems.length === 1 ? 'a problem' : `${problems.length} problems`}: ${problems.join('; ')}`);
      error.problems = problems;
      throw error;
    }
    // In a worker of its own, so a large scenario does not hold up the page; on the
    // page's thread where the page's policy allows no worker.
    let worker = null;
    try {
      worker = globalThis.__horizonWorker?.() ?? null;
    } catch (error) {
      worker = null;
    }
    if (!worker) return JSON.parse(review_scenario(text));
    const answer = await new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => {
        if (data.done !== undefined) resolve(data.done);
        else if (data.crashed !== undefined) reject(new Error(`Horizon stopped while reviewing the scenario: ${data.crashed}`));
      };
      worker.onerror = (event) => reject(new Error(`Horizon could not review the scenario: ${event.message ?? event}`));
      worker.postMessage({ seq: 1, request });
    }).finally(() => worker.terminate());
    return JSON.parse(review_from_answer(text, answer));
  },
};
export default HorizonWidget;
