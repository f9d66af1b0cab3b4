// Two of Horizon's shipped rules, retain-supported-focus-areas and
// demote-unsupported-focus-area (rules/*.rhai), written for json-rules-engine, the most used
// JavaScript rules engine, to compare the two engines on the same rules and data in the same
// browser (tests/browser/rules-engine.test.mjs; README.md here).
//
// A plain script for the page: it defines globalThis.HorizonJre. json-rules-engine must be
// loaded first (its bundle defines globalThis.JsonRulesEngine). Each run starts, as Horizon's
// does, from the scenario's JSON text: the facts (each focus area's support from the matrix,
// the partner priorities and statutory duties it serves, the votes for its themes) are worked
// out from it, as Horizon's review tables are, then json-rules-engine decides which rule
// applies to each focus area and its event handlers write the suggestion as the Rhai rule
// does. The parameters are read from the rules' own headers, so both run with the same ones.

(() => {
  const WEIGHT = { main: 1.0, subsidiary: 0.6, issue: 0.3 };
  const RANK = { issue: 1, subsidiary: 2, main: 3 };

  /** `//! param: name | type | default | range | words` lines → { name: default }. */
  function params(ruleText) {
    const out = {};
    for (const line of ruleText.split('\n')) {
      const m = /^\/\/! param:\s*([^|]+)\|\s*([^|]+)\|\s*([^|]+)\|/.exec(line);
      if (m) out[m[1].trim()] = Number(m[3].trim());
    }
    return out;
  }

  function pluralOf(word) {
    if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
    if (/(s|sh|ch|x|z)$/.test(word)) return `${word}es`;
    return `${word}s`;
  }
  const plural = (n, word) => (n === 1 ? `1 ${word}` : `${n} ${pluralOf(word)}`);
  function countOf(k, n, word) {
    const many = pluralOf(word);
    if (k === 0) return `none of the ${n} ${many}`;
    if (k === n && n > 2) return `all ${n} ${many}`;
    return `${k} of ${n} ${n === 1 ? word : many}`;
  }
  const joinAnd = (xs) => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);
  function ramp(x, from, to) {
    if (!(Number.isFinite(x) && Number.isFinite(from) && Number.isFinite(to)) || from === to) return x >= to ? 1 : 0;
    return Math.min(1, Math.max(0, (x - from) / (to - from)));
  }

  /** One fact set per focus area of the plan under review, from the scenario. */
  function facts(scenario) {
    const plan = scenario.plans.find((p) => p.id === scenario.under_review);
    const local = plan.kind !== 'county_agreement';
    const own = local ? plan.district : null;
    const reads = (district) => district == null || district === own;
    const districts = scenario.districts.map((d) => d.id);
    const themeName = new Map(scenario.themes.map((t) => [t.id, t.name]));
    const levels = new Map(scenario.matrix.map((row) => [row.theme, row.cells]));
    const votes = new Map();
    let cast = 0;
    for (const v of scenario.votes) {
      votes.set(v.theme, (votes.get(v.theme) ?? 0) + v.votes);
      cast += v.votes;
    }
    return plan.focus_areas.map((fa) => {
      const themes = new Set(fa.themes);
      const best = {};
      for (const t of fa.themes) {
        for (const [d, level] of Object.entries(levels.get(t) ?? {})) {
          if (!best[d] || RANK[level] > RANK[best[d]]) best[d] = level;
        }
      }
      const named = districts.map((d) => best[d]).filter(Boolean);
      const main = named.filter((l) => l === 'main').length;
      const support = districts.length === 0 ? 0 : named.reduce((sum, l) => sum + WEIGHT[l], 0) / districts.length;
      const partners = scenario.partner_priorities.filter((p) => reads(p.district) && p.themes.some((t) => themes.has(t)));
      const duties = scenario.legislation.filter((l) => l.creates_duty && l.themes.some((t) => themes.has(t)));
      const faVotes = fa.themes.reduce((sum, t) => sum + (votes.get(t) ?? 0), 0);
      return {
        local,
        id: fa.id,
        name: fa.name,
        themes: fa.themes,
        themeNames: fa.themes.map((t) => themeName.get(t) ?? t),
        count: named.length,
        main,
        support,
        partners: partners.length,
        duties: duties.length,
        links: partners.length + duties.length,
        districts: districts.length,
        votes: faVotes,
        cast,
      };
    });
  }

  const pointsOf = (parts) => Math.min(100, Math.max(0, parts.reduce((sum, p) => sum + p.points, 0)));

  /** What the retain rule writes for a focus area it applies to. */
  function retain(f, p) {
    const it = f.themes.length === 1 ? 'it' : 'its themes';
    const room = f.cast > 0 && f.votes > 0 ? ` The stakeholder event gave ${it} ${countOf(f.votes, f.cast, 'vote')}.` : '';
    const parts = [{ points: p.weight * ramp(f.support, p.min_support, 1.0) }];
    if (f.links > 0) parts.push({ points: Math.min(f.links * p.partner_bonus, p.max_bonus) });
    let text = f.themes.length === 1
      ? `${f.count} of ${f.districts} districts name ${f.name} in their own plans`
      : `${f.count} of ${f.districts} districts name at least one of the themes of ${f.name} (${joinAnd(f.themeNames)}) in their own plans`;
    text += f.main === 0 ? ', none as a main priority' : `, ${f.main} of them as a main priority`;
    if (f.links > 0) {
      text += `; it also serves ${plural(f.partners, 'partner priority')}`;
      if (f.duties > 0) text += ` and ${plural(f.duties, 'statutory duty')}`;
    }
    text += '. It remains a focus for local and county partners and should be retained.';
    text += room;
    if (room !== '') parts.push({ points: p.vote_weight * ramp(f.votes / f.cast, 0.0, p.full_vote_share) });
    return { kind: 'retain', focus_area: f.id, score: pointsOf(parts), rationale: text };
  }

  /** What the demote rule writes for a focus area it applies to. */
  function demote(f, p) {
    const thin = ramp(p.max_support - f.support, 0.0, p.max_support);
    const parts = [{ points: p.score * thin }];
    let room = '';
    if (f.cast > 0) {
      const share = f.votes / f.cast;
      parts.push({ points: p.no_vote_weight * thin * (1.0 - ramp(share, 0.0, p.full_vote_share)) });
      room = ` The stakeholder event gave ${f.themes.length === 1 ? 'it' : 'its themes'} ${countOf(f.votes, f.cast, 'vote')}.`;
    }
    if (f.count === 0) {
      return { kind: 'retire', focus_area: f.id, score: pointsOf(parts),
        rationale: `No district names ${f.name} in its plan, and it serves no partner priority or statutory duty; it could be retired.${room}` };
    }
    return { kind: 'demote', focus_area: f.id, score: pointsOf(parts),
      rationale: `Only ${countOf(f.count, f.districts, 'district')} ${f.count === 1 ? 'names' : 'name'} ${f.name}, mostly within broader themes, and it serves no partner priority or statutory duty; it could become a cross-cutting theme.${room}` };
  }

  /**
   * The engine, made once with both rules (as Horizon compiles each rule once): `texts` are
   * the two rule files' text, for their parameters. Returns `run(scenarioJson)`, a promise
   * of the suggestions as { kind, focus_area, score, rationale }.
   */
  function engine(texts) {
    const retainParams = params(texts.retain);
    const demoteParams = params(texts.demote);
    const { Engine } = globalThis.JsonRulesEngine;
    const e = new Engine([], { allowUndefinedFacts: false });
    e.addRule({
      name: 'retain-supported-focus-areas',
      conditions: { all: [
        { fact: 'local', operator: 'equal', value: false },
        { fact: 'support', operator: 'greaterThanInclusive', value: retainParams.min_support },
      ] },
      event: { type: 'retain' },
    });
    // The county plan's branch (the Kent example): a district's own plan is judged on its own column.
    e.addRule({
      name: 'demote-unsupported-focus-area',
      conditions: { all: [
        { fact: 'local', operator: 'equal', value: false },
        { fact: 'links', operator: 'equal', value: 0 },
        { fact: 'support', operator: 'lessThan', value: demoteParams.max_support },
      ] },
      event: { type: 'demote' },
    });
    return async (scenarioJson) => {
      const out = [];
      for (const f of facts(JSON.parse(scenarioJson))) {
        const { events } = await e.run(f);
        for (const ev of events) out.push(ev.type === 'retain' ? retain(f, retainParams) : demote(f, demoteParams));
      }
      return out;
    };
  }

  globalThis.HorizonJre = { engine, facts };
})();
