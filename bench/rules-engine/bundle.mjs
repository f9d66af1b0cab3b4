// A small CommonJS bundler for the comparison page: json-rules-engine and its dependencies, as
// npm installed them (package.json's devDependencies), in one script that defines
// globalThis.JsonRulesEngine. No bundler is installed for this: the tools here are npm packages
// that are not prebuilt binaries, and this is enough for a package made of CommonJS files.
// For a package it takes the browser build where the package names one (its `umd` export, or
// `browser`), else `main`.

import { readFileSync, existsSync, statSync } from 'node:fs';
import path from 'node:path';

/** The folder node_modules/<name> nearest above `from`, as Node looks for it. */
function packageDir(name, from) {
  for (let dir = path.dirname(from); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`bundle: cannot find the package ${name} from ${from}`);
  }
}

function packageEntry(name, from) {
  const dir = packageDir(name, from);
  const manifest = path.join(dir, 'package.json');
  const pkg = JSON.parse(readFileSync(manifest, 'utf8'));
  const dot = pkg.exports?.['.'];
  const entry = dot?.umd || (typeof pkg.browser === 'string' && pkg.browser) || pkg.main || 'index.js';
  return path.join(dir, entry);
}

function file(p) {
  for (const candidate of [p, `${p}.js`, `${p}.cjs`, path.join(p, 'index.js')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`bundle: cannot find ${p}`);
}

/** The script text: every module reached from `name`'s entry, and the global it sets. */
export function bundle(name = 'json-rules-engine', global = 'JsonRulesEngine') {
  const root = new URL(import.meta.url).pathname;
  const modules = new Map();
  const visit = (p) => {
    if (modules.has(p)) return;
    const source = readFileSync(p, 'utf8');
    const deps = {};
    modules.set(p, { source, deps });
    for (const [, spec] of source.matchAll(/require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const target = spec.startsWith('.') ? file(path.resolve(path.dirname(p), spec)) : packageEntry(spec, p);
      deps[spec] = target;
      visit(target);
    }
  };
  const entry = packageEntry(name, root);
  visit(entry);
  const ids = new Map([...modules.keys()].map((p, i) => [p, i]));
  const table = [...modules].map(([p, { source, deps }]) => {
    const map = Object.fromEntries(Object.entries(deps).map(([spec, target]) => [spec, ids.get(target)]));
    return `[function (module, exports, require) {\n${source}\n}, ${JSON.stringify(map)}]`;
  });
  return `(() => {
  const process = { env: {} };
  const table = [${table.join(',\n')}];
  const cache = [];
  const load = (id) => {
    if (cache[id]) return cache[id].exports;
    const module = { exports: {} };
    cache[id] = module;
    const [body, deps] = table[id];
    body.call(module.exports, module, module.exports, (spec) => {
      if (!(spec in deps)) throw new Error('bundle: ' + spec + ' is not in the bundle');
      return load(deps[spec]);
    });
    return module.exports;
  };
  globalThis.${global} = load(${ids.get(entry)});
})();\n`;
}
