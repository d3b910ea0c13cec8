// checker review page. Article text is untrusted: every piece of data goes into the
// page through textContent, never innerHTML. The session cookie authenticates the calls.
"use strict";

(function () {
  const DECISIONS = { c: "confirmed", d: "dismissed", a: "accepted", p: "in_progress" };
  const LABELS = {
    confirmed: "confirmed",
    dismissed: "dismissed",
    accepted: "accepted",
    in_progress: "in progress",
  };
  const SEPARATORS = { contradiction: "  ≠  ", update: "  →  ", variance: "  ~  ", agreement: "  =  " };
  const SLOT_STATUS = {
    same: "same",
    one_side: "one side only",
    different: "different",
    unstated: "unstated",
  };
  const REVIEWER_KEY = "checker.review.reviewer";

  const state = { list: null, shown: [], current: null, detail: null, busy: false };
  const $ = (id) => document.getElementById(id);

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  async function api(path, options) {
    const response = await fetch(path, Object.assign({ credentials: "same-origin" }, options));
    let body = null;
    try {
      body = await response.json();
    } catch (_) {
      body = null;
    }
    if (!response.ok) {
      throw new Error(errorText(response.status, body));
    }
    return body;
  }

  function errorText(status, body) {
    if (body && typeof body.detail === "string") return body.detail;
    if (body && Array.isArray(body.detail) && body.detail.length) {
      return body.detail.map((e) => e.msg).join("; ");
    }
    return "request failed (" + status + ")";
  }

  function setStatus(text, kind) {
    const node = $("status");
    node.textContent = text;
    node.className = "status" + (kind ? " " + kind : "");
  }

  function isDecided(review) {
    return !!review && review.decision !== "in_progress";
  }

  // ---- queue --------------------------------------------------------------------------

  async function loadList() {
    state.list = await api("/api/findings");
    fillOptions($("f-source"), unique(state.list.findings.flatMap((f) => f.seeds)));
    fillOptions($("f-kind"), unique(state.list.findings.map((f) => f.category)));
    const problems = $("problems");
    clear(problems);
    const stale = state.list.stale;
    problems.hidden = state.list.problems.length === 0 && stale.length === 0;
    if (state.list.problems.length) {
      problems.appendChild(el("strong", null, "Some lines of review.jsonl were skipped:"));
      const list = el("ul");
      state.list.problems.forEach((p) => list.appendChild(el("li", null, p)));
      problems.appendChild(list);
    }
    if (stale.length) {
      const what = stale.length === 1 ? "1 decision refers" : stale.length + " decisions refer";
      problems.appendChild(
        el("strong", null, what + " to a finding that no longer exists (checker decisions --stale):"),
      );
      const list = el("ul");
      stale.forEach((d) =>
        list.appendChild(el("li", null, d.decision + " by " + d.reviewer + ": " + (d.fact || d.fingerprint))),
      );
      problems.appendChild(list);
    }
    renderQueue();
  }

  function unique(values) {
    return Array.from(new Set(values)).sort();
  }

  function fillOptions(select, values) {
    const keep = select.value;
    while (select.options.length > 1) select.remove(1);
    values.forEach((value) => select.add(new Option(value, value)));
    select.value = values.includes(keep) ? keep : "";
  }

  function matches(f) {
    const verdict = $("f-verdict").value;
    if (verdict === "flagged" && !f.flagged) return false;
    if (verdict !== "flagged" && verdict !== "all" && f.verdict !== verdict) return false;
    const decision = $("f-state").value;
    if (decision === "undecided" && isDecided(f.review)) return false;
    if (decision && decision !== "undecided" && (!f.review || f.review.decision !== decision)) {
      return false;
    }
    const source = $("f-source").value;
    if (source && !f.seeds.includes(source)) return false;
    const kind = $("f-kind").value;
    if (kind && f.category !== kind) return false;
    const words = $("f-text").value.trim().toLowerCase();
    if (words) {
      const haystack = [f.fact, f.rule, f.rule_name, f.fingerprint]
        .concat(f.values, f.seeds)
        .join(" ")
        .toLowerCase();
      if (!words.split(/\s+/).every((w) => haystack.includes(w))) return false;
    }
    return true;
  }

  function renderQueue() {
    const list = state.list;
    state.shown = list.findings.filter(matches);
    $("counter").textContent =
      list.decided + " of " + list.flagged + " decided" +
      (list.uncertain ? " (" + list.uncertain + " uncertain)" : "");
    $("progress-bar").style.width = (list.flagged ? (100 * list.decided) / list.flagged : 0) + "%";
    $("showing").textContent = state.shown.length + " shown";
    const ol = $("queue-list");
    clear(ol);
    state.shown.forEach((f) => ol.appendChild(queueItem(f)));
    $("queue-empty").hidden = state.shown.length > 0;
    if (!state.shown.some((f) => f.fingerprint === state.current)) {
      select(state.shown.length ? state.shown[0].fingerprint : null);
    } else {
      markCurrent();
    }
  }

  function queueItem(f) {
    const li = el("li", "item v-" + f.verdict + (f.uncertain ? " uncertain" : ""));
    li.dataset.fingerprint = f.fingerprint;
    li.tabIndex = -1;
    const top = el("div", "item-top");
    top.appendChild(el("span", "badge v-" + f.verdict, f.verdict));
    if (f.uncertain) top.appendChild(el("span", "tag uncertain", "uncertain"));
    if (f.confidence !== null && f.confidence !== undefined) {
      top.appendChild(el("span", "tag", confidenceText(f.confidence)));
    }
    top.appendChild(el("span", "tag", f.category));
    top.appendChild(chip(f.review));
    li.appendChild(top);
    li.appendChild(el("div", "item-fact", f.fact));
    li.appendChild(el("div", "item-values", f.values.join(SEPARATORS[f.verdict] || " · ")));
    li.appendChild(el("div", "item-seeds", f.seeds.join(" · ")));
    li.addEventListener("click", () => select(f.fingerprint));
    return li;
  }

  function confidenceText(value) {
    return "confidence " + Number(value).toFixed(2);
  }

  function chip(review) {
    if (!review) return el("span", "chip undecided", "undecided");
    return el("span", "chip d-" + review.decision, LABELS[review.decision] || review.decision);
  }

  function markCurrent() {
    document.querySelectorAll("#queue-list .item").forEach((li) => {
      const on = li.dataset.fingerprint === state.current;
      li.classList.toggle("current", on);
      if (on) li.scrollIntoView({ block: "nearest" });
    });
  }

  function move(step) {
    if (!state.shown.length) return;
    const index = state.shown.findIndex((f) => f.fingerprint === state.current);
    const next = Math.min(Math.max(index + step, 0), state.shown.length - 1);
    select(state.shown[next].fingerprint);
  }

  // ---- one finding --------------------------------------------------------------------

  async function select(fingerprint) {
    if (fingerprint !== state.current && !state.busy) setStatus("");
    state.current = fingerprint;
    markCurrent();
    if (!fingerprint) {
      state.detail = null;
      $("finding-body").hidden = true;
      $("finding-empty").hidden = false;
      return;
    }
    try {
      const detail = await api("/api/findings/" + encodeURIComponent(fingerprint));
      if (state.current !== fingerprint) return; // the editor moved on meanwhile
      state.detail = detail;
      renderDetail(detail);
    } catch (error) {
      setStatus(error.message, "error");
    }
  }

  function renderDetail(d) {
    const panel = $("finding");
    if (panel.dataset.shown !== d.fingerprint) panel.scrollTop = 0; // a new finding: from its top
    panel.dataset.shown = d.fingerprint;
    $("finding-empty").hidden = true;
    $("finding-body").hidden = false;
    const verdict = $("d-verdict");
    verdict.textContent = d.verdict;
    verdict.className = "badge v-" + d.verdict;
    $("d-kind").textContent = d.category;
    $("d-sources").textContent =
      d.sources + " sources, " + d.independent_sources + " independent";
    $("d-uncertain").hidden = !d.uncertain;
    const confidence = $("d-confidence");
    const known = d.confidence !== null && d.confidence !== undefined;
    confidence.hidden = !known;
    confidence.textContent = known ? confidenceText(d.confidence) : "";
    const identity = $("d-identity");
    clear(identity);
    identity.hidden = d.identity.length === 0;
    d.identity.forEach((slot) => {
      const text = slot.slot + (slot.value ? " “" + slot.value + "”" : "") + ": " +
        (SLOT_STATUS[slot.status] || slot.status);
      identity.appendChild(el("li", "s-" + slot.status, text));
    });
    const stateChip = chip(d.review);
    $("d-state").replaceWith(stateChip);
    stateChip.id = "d-state";
    $("d-fact").textContent = d.fact;
    $("d-rule").textContent = d.rule;
    $("d-rule-name").textContent = d.rule_name;
    $("d-explanation").textContent = d.explanation;
    const diffs = $("d-differences");
    clear(diffs);
    d.differences.forEach((text) => diffs.appendChild(el("li", null, text)));
    const sides = $("d-sides");
    clear(sides);
    sides.classList.toggle("single", d.sides.length === 1);
    d.sides.forEach((side, index) =>
      sides.appendChild(sideColumn(side, index, d.sides.length, d.verdict === "update")),
    );
    const history = $("d-history");
    clear(history);
    d.history
      .slice()
      .reverse()
      .forEach((h) => history.appendChild(historyItem(h)));
    $("d-history-empty").hidden = d.history.length > 0;
    $("d-fingerprint").textContent = d.fingerprint;
  }

  // An update's sides are steps in time (the server sends them in time order).
  function sideColumn(side, index, count, update) {
    const column = el("section", "side side-" + (index % 4));
    const head = el("header", "side-head");
    let label = count > 1 ? "Side " + "ABCDEFGH"[index % 8] : "Value";
    if (update) label = "As of " + (side.claims[0].as_of || "an unknown date");
    head.appendChild(el("span", "side-label", label));
    head.appendChild(el("span", "side-value", side.value));
    const n = side.claims.length;
    head.appendChild(el("span", "side-count", n === 1 ? "1 source" : n + " sources agree"));
    column.appendChild(head);
    side.claims.forEach((claim) => column.appendChild(quoteCard(claim)));
    return column;
  }

  function quoteCard(claim) {
    const card = el("figure", "quote");
    const caption = el("figcaption");
    caption.appendChild(el("span", "outlet", claim.outlet || claim.seed));
    const where = el("span", "where", "seeds/" + claim.seed + ".txt:" + claim.line + ":" + claim.column);
    where.title = where.textContent; // the whole path, when the column cuts it
    caption.appendChild(where);
    card.appendChild(caption);
    const ctx = claim.context;
    const text = el("blockquote", "context");
    if (ctx.before) text.appendChild(el("span", "para", ctx.before));
    const sentence = el("span", "sentence");
    sentence.appendChild(document.createTextNode(ctx.sentence_before));
    sentence.appendChild(el("mark", null, ctx.claim));
    sentence.appendChild(document.createTextNode(ctx.sentence_after));
    text.appendChild(sentence);
    if (ctx.after) text.appendChild(el("span", "para", ctx.after));
    card.appendChild(text);
    if (ctx.source === "sentence") {
      card.appendChild(el("p", "note small", "The seed changed since extraction: sentence only."));
    }
    const facts = el("dl", "claim-facts");
    addFact(facts, "value", claim.value);
    addFact(facts, "as of", claim.as_of);
    addFact(facts, "how", claim.normalisation);
    addFact(facts, "said by", claim.attributed_to);
    addFact(facts, "rule", claim.rule);
    card.appendChild(facts);
    return card;
  }

  function addFact(dl, term, value) {
    if (!value) return;
    dl.appendChild(el("dt", null, term));
    dl.appendChild(el("dd", null, value));
  }

  function historyItem(h) {
    const li = el("li");
    li.appendChild(chip(h));
    li.appendChild(el("span", "who", h.reviewer));
    li.appendChild(el("time", "when", new Date(h.at).toLocaleString()));
    if (h.note) li.appendChild(el("q", "what", h.note));
    return li;
  }

  // ---- decisions ----------------------------------------------------------------------

  async function decide(decision) {
    if (!state.current || state.busy) return;
    const reviewer = $("reviewer").value.trim();
    const note = $("note").value.trim();
    if (!reviewer) {
      setStatus("Type your name first (it is remembered in this browser).", "error");
      $("reviewer").focus();
      return;
    }
    if (decision === "accepted" && !note) {
      setStatus("An accepted difference needs a note saying why.", "error");
      $("note").focus();
      return;
    }
    state.busy = true;
    const decided = state.current;
    try {
      await api("/api/decisions", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ fingerprint: decided, decision: decision, reviewer: reviewer, note: note }),
      });
      $("note").value = "";
      setStatus("Saved: " + LABELS[decision], "ok");
      const order = state.shown.map((f) => f.fingerprint);
      await loadList();
      const next = nextUndecided(order, decided);
      if (next) {
        select(next);
      } else {
        select(decided);
        setStatus("Saved: " + LABELS[decision] + ". Everything shown is decided.", "ok");
      }
    } catch (error) {
      setStatus(error.message, "error");
    } finally {
      state.busy = false;
    }
  }

  // The first undecided finding after `decided` in the queue as it was, then from the top.
  function nextUndecided(order, decided) {
    const shown = new Map(state.shown.map((f) => [f.fingerprint, f]));
    const start = order.indexOf(decided);
    const rotated = order.slice(start + 1).concat(order.slice(0, start + 1));
    const fromOld = rotated.find(
      (fp) => fp !== decided && shown.has(fp) && !isDecided(shown.get(fp).review),
    );
    if (fromOld) return fromOld;
    const any = state.shown.find((f) => f.fingerprint !== decided && !isDecided(f.review));
    return any ? any.fingerprint : null;
  }

  // ---- wiring -------------------------------------------------------------------------

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) {
      if (event.key === "Escape") event.target.blur();
      return;
    }
    const key = event.key;
    if (DECISIONS[key]) {
      event.preventDefault();
      decide(DECISIONS[key]);
    } else if (key === "j" || key === "ArrowDown") {
      event.preventDefault();
      move(1);
    } else if (key === "k" || key === "ArrowUp") {
      event.preventDefault();
      move(-1);
    } else if (key === "/") {
      event.preventDefault();
      $("f-text").focus();
    }
  });

  document.querySelectorAll(".decision-bar button[data-decision]").forEach((button) => {
    button.addEventListener("click", () => decide(button.dataset.decision));
  });
  ["f-verdict", "f-state", "f-source", "f-kind"].forEach((id) => {
    $(id).addEventListener("change", () => {
      renderQueue();
      $(id).blur(); // give the keys back to the queue
    });
  });
  $("f-text").addEventListener("input", renderQueue);
  $("filters").addEventListener("submit", (event) => {
    event.preventDefault();
    $("f-text").blur();
  });
  const reviewer = $("reviewer");
  reviewer.value = localStorage.getItem(REVIEWER_KEY) || "";
  reviewer.addEventListener("input", () => localStorage.setItem(REVIEWER_KEY, reviewer.value.trim()));

  loadList().catch((error) => setStatus(error.message, "error"));
})();
