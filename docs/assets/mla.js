/* MLA-C01 study guide: the project's one script. Enhances the no-JS markup. */
(function () {
  "use strict";

  /* Mermaid: Material renders diagrams with window.mermaid when it exists and
     otherwise fetches it from a CDN. This stand-in loads the pinned copy served
     by the site itself, only on pages that have a diagram, and only once one comes
     near the viewport (window.MLA_EAGER, set by the PDF renderer, loads it at once). */
  function nearView() {
    return new Promise(function (resolve) {
      var diagrams = document.querySelectorAll("pre.mermaid");
      if (window.MLA_EAGER || !diagrams.length || !("IntersectionObserver" in window)) return resolve();
      var watch = new IntersectionObserver(function (seen) {
        if (seen.some(function (e) { return e.isIntersecting; })) { watch.disconnect(); resolve(); }
      }, { rootMargin: "800px 0px" });
      diagrams.forEach(function (d) { watch.observe(d); });
    });
  }
  var mermaidSrc = (document.currentScript && document.currentScript.src || "")
    .replace(/assets\/mla\.js.*$/, "assets/vendor/mermaid.min.js");
  var mermaidReady = null;
  var mermaidConfig = null;
  function realMermaid() {
    if (!mermaidReady) {
      mermaidReady = nearView().then(function () { return new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = mermaidSrc;
        script.onload = function () {
          window.mermaid.initialize(mermaidConfig || { startOnLoad: false });
          resolve(window.mermaid);
        };
        script.onerror = reject;
        document.head.appendChild(script);
      }); });
    }
    return mermaidReady;
  }
  /* Mermaid scales a diagram down to the column's width, so a wide one had 4 px labels. Never below 3/4 of
     its size (12 px labels): a wider diagram scrolls sideways instead (issue 15). The PDF keeps the fit. */
  function readable(out) {
    if (!window.MLA_EAGER) {
      out.svg = out.svg.replace(/^(<svg[^>]*style="max-width: )([\d.]+)px;/, function (all, head, width) {
        return head + width + "px; min-width: " + Math.round(width * 0.75) + "px;";
      });
    }
    if (window.MLA_READING) window.MLA_READING.scrollers();
    return out;
  }
  if (typeof window.mermaid === "undefined") {
    window.mermaid = {
      initialize: function (config) { mermaidConfig = config; },
      render: function (id, text) {
        return realMermaid().then(function (m) { return m.render(id, text); }).then(readable);
      }
    };
  }
})();

/* Practice: every question checked in place, progress kept in localStorage,
   the "My progress" and "Review" pages. Plain ES2017; re-run on Material's document$. */
(() => {
  "use strict";
  const KEY = "mla-progress-v1", DAY = 864e5;
  const WAIT = [0, 0, 1, 3, 7, 14]; // Leitner box -> days before a right answer is due again
  const TYPES = { single: "Multiple choice", multiple: "Multiple response", ordering: "Ordering", matching: "Matching" };
  const assets = (document.currentScript && document.currentScript.src || "").replace(/mla\.js.*$/, "");
  const root = assets.replace(/assets\/$/, "");
  const $ = (s, el) => (el || document).querySelector(s);
  const $$ = (s, el) => [...(el || document).querySelectorAll(s)];
  // A docs/ page's URL, with directory URLs or without (the offline build's name.html).
  const url = md => root + md.replace(/\.md$/, $(".md-nav__link[href$='.html']") ? ".html" : "/").replace(/(^|\/)index\/$/, "$1");
  const esc = s => String(s).replace(/[&<>"']/g, c => "&#" + c.charCodeAt(0) + ";");
  const el = (tag, cls, html) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (html) e.innerHTML = html;
    return e;
  };
  // A live region repeats a message only when its text changes, so a repeat gets a trailing no-break space.
  const say = (s, m) => { s.textContent = m && s.textContent === m ? m + "\u00a0" : m; };
  const pct = (r, a) => a ? Math.round(100 * r / a) + " %" : "–";
  const day = t => new Date(t).toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });

  /* ---------- the store: one versioned key; a missing, full or disabled store falls back to memory */
  let mem = null;
  const fresh = () => ({ v: 1, q: {} });
  function clean(d) {
    if (!d || d.v !== 1 || !d.q || typeof d.q !== "object" || Array.isArray(d.q)) return null;
    const q = {};
    for (const [id, e] of Object.entries(d.q)) {
      if (e && e.n > 0 && typeof e.t === "number") {
        q[id] = { n: e.n | 0, r: e.r ? 1 : 0, c: e.c === "sure" || e.c === "unsure" ? e.c : "", t: e.t,
          b: Math.min(5, Math.max(1, e.b | 0)), k: typeof e.k === "string" ? e.k : "" };
      }
    }
    return { v: 1, q };
  }
  let seen = [null, null]; // the last text read from the store and what it held: a page of questions reads it once
  function load() {
    if (mem) return mem;
    let raw;
    try { raw = localStorage.getItem(KEY); } catch (e) { return (mem = fresh()); }
    if (raw === null) return fresh();
    if (raw === seen[0]) return seen[1];
    try {
      const d = clean(JSON.parse(raw));
      if (d) return (seen = [raw, d])[1];
    } catch (e) { /* corrupt: reset below */ }
    try { localStorage.removeItem(KEY); } catch (e) { /* nothing to reset */ }
    return fresh();
  }
  function save(d) {
    if (!mem) {
      try { return localStorage.setItem(KEY, JSON.stringify(d)); } catch (e) { /* full or disabled */ }
    }
    mem = d; // from now on this page's answers live in memory only
  }
  function record(id, task, right, conf) {
    const d = load(), e = d.q[id] || { n: 0, b: 1 };
    e.b = !right ? 1 : conf === "unsure" ? e.b : Math.min(5, e.b + 1); // unsure stays in its box
    Object.assign(e, { n: e.n + 1, r: right ? 1 : 0, c: conf, t: Date.now(), k: task });
    d.q[id] = e;
    save(d);
  }
  const due = (e, now) => !e.r || e.c === "unsure" || e.t + WAIT[e.b] * DAY <= now;
  const count = (ids, q) => ids.reduce((m, id) => q[id] ? [m[0] + 1, m[1] + q[id].r] : m, [0, 0]);

  /* ---------- one question */
  // The answer's markup waits as text in a <noscript> (question.html) until a reader first needs it.
  function reveal(q) {
    const n = $(".mla-q__answer > noscript", q);
    if (n) {
      const t = document.createElement("template");
      t.innerHTML = n.childElementCount ? n.innerHTML : n.textContent; // elements when a DOMParser built the page
      n.replaceWith(t.content);
    }
    return $(".mla-q__reveal", q);
  }
  function enhance(q) {
    if (q.dataset.mlaOn) return;
    const id = q.dataset.qid, bar = el("div", "mla-bar",
      `<fieldset class="mla-conf"><legend>How sure are you? (optional)</legend>` +
      ["sure", "unsure"].map(v => `<label><input type="radio" name="mla-c-${esc(id)}" value="${v}"> ${v[0].toUpperCase() + v.slice(1)}</label>`).join("") +
      `</fieldset><button type="button" class="mla-btn" data-mla="check">Check answer</button>` +
      `<button type="button" class="mla-btn mla-btn--alt" data-mla="retry" hidden>Try again</button>` +
      `<p class="mla-status" role="status"></p><p class="mla-last"></p>`);
    try {
      $(".mla-q__answer", q).before(bar);
      const report = $(".mla-q__report", q), repo = $("a.md-source");
      if (report && repo) report.href = reportHref(repo.href, id, q.dataset.home || location.href.split("#")[0]);
      q.dataset.mlaOn = 1;
      q.classList.add("mla-on");
      last(q);
    } catch (e) {
      bar.remove();
    }
  }
  function reportHref(repo, id, page) {
    return repo.replace(/\/$/, "") + "/issues/new?title=" + encodeURIComponent("Problem in question " + id) +
      "&body=" + encodeURIComponent(`Question: ${id}\nPage: ${page}#q-${id}\n\nWhat is wrong, and the AWS documentation page that shows it:\n`);
  }
  function last(q) {
    const e = load().q[q.dataset.qid], p = $(".mla-last", q);
    p.textContent = e ? `Last answer: ${e.r ? "right" : "wrong"}${e.c ? ", " + e.c : ""} · ${e.n} attempt${e.n > 1 ? "s" : ""} · ${day(e.t)}` : "";
  }
  // A question's verdict from its controls: [right, marks], or a message when it cannot be scored yet.
  function grade(q) {
    const type = q.dataset.qtype, rev = reveal(q), key = rev.dataset.key.split(" ");
    const items = $$(".mla-q__choice", q);
    const why = s => { const w = $(`.mla-q__why${s}`, rev); return w ? w.innerHTML.replace(/^\s*<strong>.*?<\/strong>/, "") : ""; };
    let marks, right;
    if (type === "single" || type === "multiple") {
      const chosen = items.filter(li => $("input", li).checked).map(li => li.dataset.letter);
      if (!chosen.length) return "Choose an answer first.";
      if (type === "multiple" && chosen.length !== key.length) return `Select ${key.length}: you selected ${chosen.length}.`;
      right = chosen.sort().join() === key.slice().sort().join();
      marks = items.map(li => {
        const L = li.dataset.letter, ok = key.includes(L), mine = chosen.includes(L);
        return [li, ok ? "right" : mine ? "wrong" : "",
          ok ? (mine ? "Correct." : "Correct, not chosen.") : mine ? "Incorrect, your choice." : "Incorrect.",
          why(`[data-letter="${L}"]`), ok && !mine];
      });
    } else {
      const vals = items.map(li => $("select", li).value);
      if (vals.includes("")) return type === "ordering" ? "Give every step a position first." : "Match every prompt first.";
      if (type === "ordering" && new Set(vals).size !== vals.length) return "Use each position once.";
      marks = items.map((li, i) => {
        if (type === "ordering") {
          const L = li.dataset.letter, pos = key.indexOf(L) + 1, ok = +vals[i] === pos;
          return [li, ok ? "right" : "wrong", ok ? `Right: step ${pos}.` : `Wrong: this is step ${pos}.`, why(`[data-letter="${L}"]`)];
        }
        const n = li.dataset.prompt, ans = key[n - 1], ok = vals[i] === ans;
        return [li, ok ? "right" : "wrong", ok ? `Right: ${ans}.` : `Wrong: the answer is ${ans}.`, why(`[data-prompt="${n}"]`)];
      });
      right = marks.every(m => m[1] === "right");
    }
    return [right, marks];
  }
  // Shows a verdict on the question (marks, whys, the answer) and returns it in one line.
  function paint(q, [right, marks]) {
    for (const [li, mark, verdict, text, missed] of marks) {
      if (mark) li.classList.add("mla-is-" + mark);
      if (missed) li.classList.add("mla-is-missed");
      li.append(el("div", "mla-why", `<strong>${verdict}</strong> ${text}`));
    }
    $$("input, select", q).forEach(c => { c.disabled = true; });
    q.classList.add("mla-is-checked", right ? "mla-is-correct" : "mla-is-incorrect");
    $(".mla-q__answer", q).open = true;
    return right ? "Correct." : "Incorrect. " + $(".mla-q__key", q).textContent.trim();
  }
  function check(q) {
    const g = grade(q), conf = $(".mla-conf input:checked", q), tell = m => say($(".mla-status", q), m);
    if (typeof g === "string") return tell(g);
    tell(paint(q, g));
    record(q.dataset.qid, q.dataset.task, g[0], conf ? conf.value : "");
    toggle(q, true);
    last(q);
    tallies();
  }
  function toggle(q, checked) {
    $("[data-mla=check]", q).hidden = checked;
    $("[data-mla=retry]", q).hidden = !checked;
    $(checked ? "[data-mla=retry]" : "fieldset input, fieldset select", q).focus();
  }
  function retry(q) {
    $$(".mla-why", q).forEach(w => w.remove());
    $$(".mla-q__choice", q).forEach(li => li.classList.remove("mla-is-right", "mla-is-wrong", "mla-is-missed"));
    $$("input, select", q).forEach(c => { c.disabled = false; c.checked = false; if (c.tagName === "SELECT") c.value = ""; });
    q.classList.remove("mla-is-checked", "mla-is-correct", "mla-is-incorrect");
    $(".mla-q__answer", q).open = false;
    say($(".mla-status", q), "");
    toggle(q, false);
  }

  /* ---------- marks: this page's tally, and a mark on each task statement's links */
  function tallies() {
    const qs = $$(".md-content .mla-q.mla-on"), d = load().q;
    let p = $(".mla-tally");
    if (qs.length && !$("[data-mla-app]")) {
      if (!p) (qs[0].closest(".mla-case") || qs[0]).before(p = el("p", "mla-tally"));
      const [a, r] = count(qs.map(q => q.dataset.qid), d);
      p.innerHTML = `On this page: <strong>${a} of ${qs.length}</strong> answered, <strong>${r}</strong> right. <a href="${url("practice/progress.md")}">My progress</a> · <a href="${url("practice/review.md")}">Review</a>`;
    }
    const tasks = {};
    for (const e of Object.values(d)) {
      const m = tasks[e.k] || (tasks[e.k] = [0, 0]);
      m[0]++;
      m[1] += e.r;
    }
    for (const a of $$(".md-nav__link[href], .md-typeset table a[href]")) {
      const m = !a.hash && !a.closest("[data-mla-app]") && /\/(\d\.\d)-[^/]+?(\/(index\.html)?|\.html)$/.exec(a.pathname), t = m && tasks[m[1]];
      let s = $(".mla-mark", a);
      if (!t) { if (s) s.remove(); continue; }
      if (!s) a.append(s = el("span", "mla-mark"));
      s.innerHTML = `<span class="mla-sr">, right of answered: </span>${t[1]}/${t[0]}`;
      s.title = `${t[0]} answered, ${t[1]} right`;
      s.classList.toggle("mla-mark--all", t[0] === t[1]);
    }
  }

  /* ---------- the bank, for the progress and review pages */
  let bankP = null;
  // From file:// (the offline build) fetch() is refused, so the bank comes as a script instead.
  const bankScript = () => new Promise((ok, no) => {
    const s = document.createElement("script");
    s.src = assets + "bank.js";
    s.onload = () => (window.MLA_BANK ? ok(window.MLA_BANK) : no(new Error("bank.js")));
    s.onerror = no;
    document.head.appendChild(s);
  });
  const bank = () => bankP || (bankP = (location.protocol === "file:" ? bankScript() : fetch(assets + "bank.json").then(r => {
    if (!r.ok) throw new Error("bank.json: " + r.status);
    return r.json();
  })).catch(e => { bankP = null; throw e; }));
  const pages = b => {
    const t = {};
    b.domains.forEach(d => d.tasks.forEach(k => { t[k.id] = url(k.path); }));
    return t;
  };
  const all = b => b.questions.concat(...b.case_studies.map(c => c.questions.map(x => Object.assign({ cs: c }, x))));

  /* ---------- a fresh order for each attempt (issue 14): mock exam, domain quiz and Review shuffle the options,
     steps and responses again, seeded by the attempt so a reload keeps them; chapter pages keep the build's order. */
  // mulberry32, seeded by an FNV-1a hash of the seed: the same seed gives the same sequence in any browser
  const prng = s => {
    let a = 2166136261;
    for (let i = 0; i < s.length; i++) a = Math.imul(a ^ s.charCodeAt(i), 16777619);
    return () => {
      let t = a += 0x6D2B79F5;
      t = Math.imul(t ^ t >>> 15, t | 1);
      t ^= t + Math.imul(t ^ t >>> 7, t | 61);
      return ((t ^ t >>> 14) >>> 0) / 4294967296;
    };
  };
  const shuffle = (a, r) => { for (let i = a.length; i > 1;) { const j = Math.floor(r() * i--); [a[i], a[j]] = [a[j], a[i]]; } return a; };
  // A copy of x with its choices (or responses) re-ordered and re-lettered A, B, C... and its key to match.
  function mix(x, seed) {
    const r = prng(String(seed)), L = i => String.fromCharCode(65 + i), y = Object.assign({}, x);
    const order = list => shuffle(list.map((c, i) => i), r);
    if (x.choices) {
      const o = order(x.choices);
      // ordering steps are never shown in the right order
      if (x.type === "ordering" && o.every((k, i) => x.choices[k].position === i + 1)) o.push(o.shift());
      y.choices = o.map((k, i) => Object.assign({}, x.choices[k], { letter: L(i) }));
      y.key = x.type === "ordering" ? y.choices.slice().sort((a, b) => a.position - b.position).map(c => c.letter)
        : y.choices.filter(c => c.correct).map(c => c.letter);
    }
    if (x.responses) {
      const was = {};
      y.responses = order(x.responses).map((k, i) => { was[x.responses[k].letter] = L(i); return Object.assign({}, x.responses[k], { letter: L(i) }); });
      y.prompts = x.prompts.map(p => Object.assign({}, p, { answer: was[p.answer] }));
      y.key = y.prompts.map(p => p.answer);
    }
    return y;
  }
  // A case study's scenario is open on its first question of a sequence and one click away on the others.
  const lead = (qs, i) => !!qs[i].cs && (!i || !qs[i - 1].cs || qs[i - 1].cs.id !== qs[i].cs.id);

  // ex (exam mode: the exam's length): no answer, no links away, the controls only.
  // open: the case study's scenario starts expanded (its first question in a sequence).
  function render(x, n, href, ex, open) {
    const id = esc(x.id), t = x.type, f = s => `q-${id}-${s}`;
    const opts = (list, first) => `<option value="">${first}</option>` + list.map(v => `<option value="${v}">${v}</option>`).join("");
    const home = x.cs ? href.replace(/[^/]+\/?$/, /\.html$/.test(href) ? "index.html" : "") : href; // case studies: the domain page
    let body, whys, key;
    if (t === "single" || t === "multiple") {
      body = `<ul class="mla-q__choices">` + x.choices.map(c => `<li class="mla-q__choice" data-letter="${c.letter}"><input type="${t === "single" ? "radio" : "checkbox"}" name="q-${id}" id="${f(c.letter)}" value="${c.letter}"><label for="${f(c.letter)}"><span class="mla-q__letter">${c.letter}.</span> ${c.html}</label></li>`).join("") + "</ul>";
      whys = x.choices.map(c => `<li class="mla-q__why" data-letter="${c.letter}" data-correct="${c.correct}"><strong>${c.letter}. ${c.correct ? "Correct." : "Incorrect."}</strong> ${c.why}</li>`);
      key = x.key.join(", ");
    } else if (t === "ordering") {
      const pos = opts(x.choices.map((c, i) => i + 1), "Position");
      body = `<ul class="mla-q__choices mla-q__choices--ordering">` + x.choices.map(c => `<li class="mla-q__choice" data-letter="${c.letter}"><label for="${f(c.letter)}"><span class="mla-q__letter">${c.letter}.</span> ${c.html}</label> <select id="${f(c.letter)}">${pos}</select></li>`).join("") + "</ul>";
      whys = x.choices.slice().sort((a, b) => a.position - b.position).map(c => `<li class="mla-q__why" data-letter="${c.letter}" data-position="${c.position}"><strong>${c.position}. ${c.letter}.</strong> ${c.why}</li>`);
      key = x.key.join(" → ");
    } else {
      const letters = opts(x.responses.map(r => r.letter), "Response");
      body = `<ul class="mla-q__responses">` + x.responses.map(r => `<li data-letter="${r.letter}"><span class="mla-q__letter">${r.letter}.</span> ${r.html}</li>`).join("") +
        `</ul><ul class="mla-q__choices mla-q__choices--matching">` + x.prompts.map(p => `<li class="mla-q__choice" data-prompt="${p.number}"><label for="${f("p" + p.number)}">${p.html}</label> <select id="${f("p" + p.number)}">${letters}</select></li>`).join("") + "</ul>";
      whys = x.prompts.map(p => `<li class="mla-q__why" data-prompt="${p.number}" data-letter="${p.answer}"><strong>${p.number} → ${p.answer}.</strong> ${p.why}</li>`)
        .concat(x.responses.filter(r => r.pair == null).map(r => `<li class="mla-q__why" data-letter="${r.letter}" data-extra="true"><strong>${r.letter}. Matches no prompt.</strong> ${r.why}</li>`));
      key = x.prompts.map(p => `${p.number} → ${p.answer}`).join(", ");
    }
    // The scenario and every text are the HTML the build rendered and escaped (bank.json), as on the pages.
    const cs = x.cs ? `<details class="mla-scenario"${open ? " open" : ""}><summary>Case study: ${x.cs.title_html}</summary><div class="mla-scenario__text">${x.cs.scenario_html}</div></details>` : "";
    const learn = x.learn && x.learn.length ? `<p class="mla-q__learn"><strong>Learn it:</strong> ${x.learn.map(s => `<a href="${esc(url(s.page))}#${esc(s.anchor)}">${s.html}</a>`).join(" · ")}</p>` : "";
    const repo = !ex && $("a.md-source");
    return `<div class="mla-q" id="q-${id}" data-qid="${id}" data-qtype="${t}" data-task="${x.task}" data-domain="${x.domain}" data-home="${esc(home)}"${ex ? " data-mla-on=1 hidden" : ""}>` +
      `<div class="mla-q__head">${ex ? `<span class="mla-q__anchor" tabindex="-1">Question ${n}</span>` : `<a class="mla-q__anchor" href="${esc(home)}#q-${id}">Question ${n}</a>`} <span class="mla-q__meta">${ex ? "" : `Task ${x.task} · `}${x.cs ? "Case study · " : ""}${TYPES[t]}</span>` +
      (repo ? ` <a class="mla-q__report" href="${esc(reportHref(repo.href, x.id, home))}">Report a problem</a>` : "") + `</div>${cs}` +
      `<div class="mla-q__stem" id="q-${id}-stem">${x.stem_html}</div><fieldset class="mla-q__body" aria-describedby="q-${id}-stem"><legend class="mla-q__instruction">${esc(x.instruction)}</legend>${body}</fieldset>` +
      (ex ? "</div>" : `<details class="mla-q__answer"><summary>Show answer</summary><div class="mla-q__reveal" data-key="${x.key.join(" ")}"><p class="mla-q__key"><strong>Answer:</strong> ${key}</p>` +
      `<ul class="mla-q__whys">${whys.join("")}</ul><div class="mla-q__explanation">${x.explanation_html}</div>${learn}<p class="mla-q__refs-title"><strong>References</strong></p>` +
      `<ul class="mla-q__refs">${x.references.map(u => `<li><a href="${esc(u)}">${esc(u.replace(/^https:\/\/|\/$/g, ""))}</a></li>`).join("")}</ul></div></details></div>`);
  }

  async function review(app) {
    const b = await bank(), d = load().q, now = Date.now(), href = pages(b);
    const list = all(b).filter(x => d[x.id] && due(d[x.id], now)).sort((x, y) => d[x.id].b - d[y.id].b || d[x.id].t - d[y.id].t);
    const later = Object.values(d).filter(e => !due(e, now)).map(e => e.t + WAIT[e.b] * DAY);
    app.innerHTML = (list.length ? `<p class="mla-lead">${list.length} question${list.length > 1 ? "s" : ""} due, the ones you know least first.</p>`
      : `<p class="mla-lead">Nothing is due. Questions you answer wrong or unsure come here at once; right ones come back after a wait.` +
        (later.length ? ` The next one is due on ${day(Math.min(...later))}.` : "") + "</p>") +
      (list.length ? filters(b, list) : "") +
      `<div class="mla-list">${list.map((x, i) => render(mix(x, `${x.id}:${d[x.id].n}:${d[x.id].t}`), i + 1, href[x.task], 0, lead(list, i))).join("")}</div>` +
      (list.length ? `<p class="mla-tools mla-steps" hidden><button type="button" class="mla-btn mla-btn--alt" data-mla="rprev">Previous</button>` +
        `<button type="button" class="mla-btn" data-mla="rnext">Next</button></p>` : "");
    $$(".mla-q", app).forEach(enhance);
    if (list.length) sift(app);
  }
  /* ---------- Review's filters (issue 14): by domain and task statement, all at once or one at a time; kept in
     the address, so a reload or a bookmark keeps them */
  function filters(b, list) {
    const p = new URLSearchParams(location.search), n = f => list.filter(f).length, sel = (k, v) => (p.get(k) === String(v) ? " selected" : "");
    const doms = b.domains.filter(dm => n(x => x.domain === dm.id)), tasks = [].concat(...doms.map(dm => dm.tasks)).filter(t => n(x => x.task === t.id));
    return `<div class="mla-filter"><label>Domain <select data-mla-filter="domain"><option value="">All domains (${list.length})</option>` +
      doms.map(dm => `<option value="${dm.id}"${sel("domain", dm.id)}>${dm.id}. ${esc(dm.title)} (${n(x => x.domain === dm.id)})</option>`).join("") + `</select></label>` +
      `<label>Task statement <select data-mla-filter="task"><option value="">All task statements</option>` +
      tasks.map(t => `<option value="${t.id}"${sel("task", t.id)}>${t.id} ${esc(t.title)} (${n(x => x.task === t.id)})</option>`).join("") + `</select></label>` +
      `<label><input type="checkbox" data-mla-filter="one"${p.get("one") === "1" ? " checked" : ""}> One question at a time</label></div><p class="mla-shown" role="status"></p>`;
  }
  function sift(app, step) {
    const f = k => $(`[data-mla-filter=${k}]`, app), dom = f("domain").value, one = f("one").checked;
    // the task statements follow the domain chosen
    $$("option[value]:not([value=''])", f("task")).forEach(o => { o.hidden = o.disabled = !!dom && !o.value.startsWith(dom + "."); });
    if (f("task").selectedOptions[0] && f("task").selectedOptions[0].disabled) f("task").value = "";
    const task = f("task").value, qs = $$(".mla-list > .mla-q", app), on = qs.filter(q => (!dom || q.dataset.domain === dom) && (!task || q.dataset.task === task));
    app.at = Math.max(0, Math.min(on.length - 1, step ? app.at + step : 0));
    qs.forEach(q => { q.hidden = !on.includes(q) || (one && q !== on[app.at]); });
    const steps = $(".mla-steps", app);
    steps.hidden = !one;
    $("[data-mla=rprev]", steps).setAttribute("aria-disabled", app.at === 0);
    $("[data-mla=rnext]", steps).setAttribute("aria-disabled", app.at >= on.length - 1);
    say($(".mla-shown", app), one && on.length ? `Question ${app.at + 1} of ${on.length}.` : `Showing ${on.length} of ${qs.length} questions due.`);
    const q = new URLSearchParams(Object.entries({ domain: dom, task, one: one ? "1" : "" }).filter(e => e[1])).toString();
    history.replaceState(history.state, "", location.pathname + (q ? "?" + q : "") + location.hash);
    if (step && on[app.at]) {
      on[app.at].scrollIntoView({ block: "start" });
      $(".mla-q__anchor", on[app.at]).focus({ preventScroll: true });
    }
  }

  async function progress(app) {
    const b = await bank();
    app.innerHTML = `<div class="mla-report"></div><h2 id="your-data">Your data</h2><p class="mla-tools">` +
      `<button type="button" class="mla-btn" data-mla="export">Export progress</button> ` +
      `<label class="mla-btn mla-btn--alt">Import progress<input type="file" accept=".json,application/json" data-mla="import" class="mla-sr"></label> ` +
      `<button type="button" class="mla-btn mla-btn--alt" data-mla="reset">Reset progress</button></p><p class="mla-status" role="status"></p>`;
    app.bank = b;
    report(app);
  }
  function report(app) {
    const b = app.bank, d = load().q, href = pages(b), stat = {};
    for (const x of all(b)) {
      for (const k of [x.task, "d" + x.domain]) {
        const s = stat[k] || (stat[k] = { n: 0, a: 0, r: 0 });
        s.n++;
        if (d[x.id]) { s.a++; s.r += d[x.id].r; }
      }
    }
    const z = { n: 0, a: 0, r: 0 }, S = k => stat[k] || z;
    let tot = [0, 0, 0], wsum = 0, wacc = 0;
    const rows = b.domains.map(dm => {
      const s = S("d" + dm.id);
      tot = [tot[0] + s.n, tot[1] + s.a, tot[2] + s.r];
      if (s.a) { wsum += dm.weight; wacc += dm.weight * s.r / s.a; }
      return `<tr><td>${dm.id}. ${esc(dm.title)}</td><td>${dm.weight} %</td><td>${s.a} of ${s.n}</td><td>${s.r}</td><td>${meter(s)}</td></tr>`;
    });
    const tasks = [].concat(...b.domains.map(dm => dm.tasks)).map(t => Object.assign({ s: S(t.id) }, t));
    const acc = t => t.s.a ? t.s.r / t.s.a : 2; // not started: after the answered ones
    tasks.sort((x, y) => acc(x) - acc(y) || y.s.a - x.s.a);
    $(".mla-report", app).innerHTML =
      `<p class="mla-lead">Answered <strong>${tot[1]} of ${tot[0]}</strong> questions, <strong>${tot[2]}</strong> right. ` +
      `Accuracy weighted like the exam (${b.domains.map(dm => dm.weight).join("/")}): <strong class="mla-weighted">${wsum ? Math.round(100 * wacc / wsum) + " %" : "–"}</strong>.</p>` +
      `<h2 id="by-domain">By domain</h2><div class="mla-scroll"><table class="mla-table"><thead><tr><th>Domain</th><th>Weight</th><th>Answered</th><th>Right</th><th>Accuracy</th></tr></thead><tbody>${rows.join("")}</tbody></table></div>` +
      `<h2 id="by-task">By task statement, weakest first</h2><div class="mla-scroll"><table class="mla-table mla-table--tasks"><thead><tr><th>Task statement</th><th>Answered</th><th>Right</th><th>Accuracy</th></tr></thead><tbody>` +
      tasks.map(t => `<tr data-task="${t.id}"><td><a href="${href[t.id]}">${t.id} ${esc(t.title)}</a></td><td>${t.s.a} of ${t.s.n}</td><td>${t.s.r}</td><td>${t.s.a ? meter(t.s) : "not started"}</td></tr>`).join("") +
      "</tbody></table></div>" + exams(hist());
    tallies();
  }
  const table = (cls, cols) => `<div class="mla-scroll"><table class="mla-table mla-table--${cls}"><thead><tr>${cols.split(",").map(c => `<th scope="col">${c}</th>`).join("")}</tr></thead><tbody>`;
  const exams = h => `<h2 id="exam-history">Exam history</h2>` + (h.length ? table("exams", "Date,Exam,Score,Scaled,By domain,Time") +
    h.map(e => `<tr><td>${day(e.t)}</td><td><a href="${url("practice/mock-exam.md")}?${esc(e.q)}">${e.m === "quiz" ? "Domain quiz" : "Mock exam"}</a></td><td>${e.r} of ${e.n} (${pct(e.r, e.n)})</td>` +
      `<td>${e.s == null ? "–" : `${e.s}, ${e.p ? "pass" : "fail"}`}</td><td>${e.d.map(x => `D${x[0]} ${x[2]}/${x[1]}`).join(" · ")}</td><td>${clk(e.u)}</td></tr>`).join("") +
    "</tbody></table></div>" : `<p>No mock exam or domain quiz taken yet: <a href="${url("practice/mock-exam.md")}">take one</a>.</p>`);
  const meter = s => `<span class="mla-meter" aria-hidden="true"><span style="width:${s.a ? Math.round(100 * s.r / s.a) : 0}%"></span></span> ${pct(s.r, s.a)}`;

  function exportData() {
    const a = el("a");
    // the exam history travels with the answers (issue 14)
    a.href = URL.createObjectURL(new Blob([JSON.stringify(Object.assign({ app: "mla-c01-study-guide", key: KEY, exported: new Date().toISOString() }, load(), { exams: hist() }))], { type: "application/json" }));
    a.download = "mla-c01-progress.json";
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 6e4);
    return "Progress exported as mla-c01-progress.json.";
  }
  async function importData(input) {
    const file = input.files[0];
    input.value = "";
    let inc = null, raw = null;
    try { raw = JSON.parse(await file.text()); inc = clean(raw); } catch (e) { /* reported below */ }
    if (!inc) return "That file is not a progress export of this guide; nothing was imported.";
    const d = load();
    let n = 0;
    for (const [id, e] of Object.entries(inc.q)) if (!d.q[id] || d.q[id].t < e.t) { d.q[id] = e; n++; }
    save(d);
    // exam results join the history once each (a result is its end time and its exam's address)
    const h = hist(), had = new Set(h.map(e => e.t + " " + e.q));
    const add = (Array.isArray(raw.exams) ? raw.exams : []).filter(e => e && e.n > 0 && Array.isArray(e.d) && e.d.every(Array.isArray) &&
      typeof e.t === "number" && typeof e.q === "string" && !had.has(e.t + " " + e.q));
    if (add.length) put(HIST, h.concat(add).sort((x, y) => y.t - x.t).slice(0, 100));
    return `Imported ${n} answer${n === 1 ? "" : "s"} and ${add.length} exam result${add.length === 1 ? "" : "s"}.`;
  }
  function reset() {
    if (!window.confirm("Delete every answer and exam result saved in this browser? This cannot be undone.")) return "Nothing was deleted.";
    try { [KEY, HIST].forEach(k => localStorage.removeItem(k)); } catch (e) { /* memory only */ }
    mem = null;
    return "Progress reset.";
  }
  async function tool(app, act, t) {
    const msg = act === "export" ? exportData() : act === "reset" ? reset() : await importData(t);
    report(app);
    say($(".mla-status", app), msg);
  }

  /* ---------- mock exam and domain quiz: the code is in mla-exam.js, fetched on the mock exam page only,
     so chapter pages do not carry it; the exam history it writes is read here for My progress */
  const HIST = "mla-exams-v1";
  const get = k => { try { return JSON.parse(localStorage.getItem(k)); } catch (e) { return null; } };
  const put = (k, v) => { try { localStorage.setItem(k, JSON.stringify(v)); } catch (e) { /* kept in memory */ } };
  const hist = () => { const h = get(HIST); return Array.isArray(h) ? h.filter(e => e && e.n > 0 && Array.isArray(e.d) && e.d.every(Array.isArray)) : []; };
  const clk = ms => { const s = Math.max(0, Math.ceil(ms / 1e3)), p = v => String(v | 0).padStart(2, 0); return `${s / 3600 | 0}:${p(s / 60 % 60)}:${p(s % 60)}`; };
  let examP = null, EXM = null;
  const examModule = () => examP || (examP = new Promise((ok, no) => {
    const s = document.createElement("script");
    s.src = assets + "mla-exam.js";
    s.onload = () => {
      EXM = window.MLA_EXAM({ $, $$, TYPES, all, bank, count, el, esc, grade, last, pages, paint, pct, record, render, say,
        table, url, assets, root, HIST, get, put, hist, clk, prng, shuffle, mix, lead });
      Object.assign(window.MLA, { draw: EXM.draw, split: EXM.split });
      ok(EXM);
    };
    s.onerror = e => { examP = null; no(e); };
    document.head.appendChild(s);
  }));
  const exam = app => examModule().then(m => m.exam(app));

  /* ---------- wiring: one delegated listener; boot on every page Material shows */
  const act = t => {
    const a = t && t.dataset.mla, q = a && t.closest(".mla-q"), app = a && t.closest("[data-mla-app]");
    if (!a) return;
    try {
      if (q) (a === "check" ? check : retry)(q);
      else if (a === "rprev" || a === "rnext") sift(app, a === "rnext" ? 1 : -1);
      else if (EXM && EXM.act(a, t, app)) return;
      else if (app && app.bank) tool(app, a, t).catch(() => say($(".mla-status", app), "That did not work."));
    } catch (err) {
      if (q) { reveal(q); $(".mla-q__answer", q).open = true; } // the answer is still there to read
    }
  };
  document.addEventListener("click", e => {
    const t = e.target.closest && e.target.closest("button[data-mla], .mla-q__answer > summary");
    if (t && t.tagName === "SUMMARY") reveal(t.closest(".mla-q") || t.parentNode); // before the reveal opens
    else if (t) act(t);
  });
  document.addEventListener("change", e => {
    if (e.target.matches("input[type=file][data-mla]")) act(e.target);
    if (e.target.matches("[data-mla-filter]")) sift(e.target.closest("[data-mla-app]"));
    if (EXM) EXM.change(e);
  });

  /* ---------- study plan: ticks kept per plan in their own key */
  const PLAN = "mla-plan-v1";
  function plans() {
    let saved = {};
    try { saved = JSON.parse(localStorage.getItem(PLAN)) || {}; } catch (e) { saved = {}; }
    if (typeof saved !== "object" || Array.isArray(saved)) saved = {};
    $$(".mla-plan[data-plan]").forEach(box => {
      if (box.dataset.mlaOn) return;
      box.dataset.mlaOn = 1;
      const id = box.dataset.plan, ticks = $$("input[type=checkbox]", box);
      const done = new Set(Array.isArray(saved[id]) ? saved[id] : []);
      ticks.forEach((c, i) => {
        c.disabled = false;
        c.setAttribute("aria-label", c.closest("li").textContent.trim()); // the item's text sits outside its label
        c.checked = done.has(i);
        c.addEventListener("change", () => {
          saved[id] = ticks.map((t, n) => (t.checked ? n : -1)).filter(n => n >= 0);
          try { localStorage.setItem(PLAN, JSON.stringify(saved)); } catch (e) { /* kept for this visit only */ }
        });
      });
    });
  }

  function boot() {
    try {
      // exam mode (mla-exam.js) lasts while an exam runs on its page; any other page shows the whole site
      if (!$("[data-mla-app=exam]")) document.documentElement.classList.remove("mla-exam-mode");
      plans();
      $$(".mla-q[data-qid]").forEach(enhance);
      const app = $("[data-mla-app]");
      if (app && !app.dataset.mlaOn) {
        app.dataset.mlaOn = 1;
        ({ review, progress, exam })[app.dataset.mlaApp](app).catch(() => {
          app.innerHTML = `<p class="mla-nojs">The question bank could not be loaded; reload the page to try again.</p>`;
        });
      }
      tallies();
    } catch (e) { /* the page keeps working without the enhancements */ }
  }
  // document$ emits on every page Material shows; the DOM event covers pages where it never does
  // (the offline build opened from file://). boot() is idempotent, so running it twice is harmless.
  if (window.document$) window.document$.subscribe(boot);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
  window.MLA = window.MLA || {};
})();

/* Reading on any screen (issue 15): glossary terms, wide diagrams and tables. Plain ES2017; re-run on document$. */
(() => {
  "use strict";
  /* ---------- glossary terms: the build writes <abbr class="mla-term" title>, whose browser tooltip shows on
     mouse hover only. The definition moves to data-def and one shared tooltip shows it on hover, keyboard
     focus and tap; it stays while the pointer is on it and Escape closes it. */
  let tip = null, owner = null, timer = 0;
  function box() {
    if (!tip || !tip.isConnected) {
      tip = document.createElement("div");
      tip.id = "mla-tip";
      tip.className = "mla-tip";
      tip.setAttribute("role", "tooltip");
      tip.hidden = true;
      tip.addEventListener("mouseenter", () => clearTimeout(timer));
      tip.addEventListener("mouseleave", () => hide(200));
      (document.querySelector("main") || document.body).append(tip); // inside a landmark, for screen readers
    }
    return tip;
  }
  function show(t) {
    clearTimeout(timer);
    const b = box(), w = document.documentElement.clientWidth;
    if (owner && owner !== t) owner.removeAttribute("aria-describedby");
    owner = t;
    b.textContent = t.dataset.def;
    b.hidden = false;
    t.setAttribute("aria-describedby", b.id);
    b.style.maxWidth = Math.min(336, w - 16) + "px";
    const r = t.getBoundingClientRect(), bw = b.offsetWidth, bh = b.offsetHeight;
    const top = r.bottom + 6 + bh > innerHeight && r.top > bh + 6 ? r.top - bh - 6 : r.bottom + 6;
    const base = (b.offsetParent || document.body).getBoundingClientRect(); // viewport -> the tip's frame
    b.style.left = Math.round(Math.max(8, Math.min(r.left + r.width / 2 - bw / 2, w - bw - 8)) - base.left) + "px";
    b.style.top = Math.round(top - base.top) + "px";
  }
  function hide(delay) {
    const now = () => {
      if (tip) tip.hidden = true;
      if (owner) owner.removeAttribute("aria-describedby");
      owner = null;
    };
    clearTimeout(timer);
    if (delay) timer = setTimeout(now, delay);
    else now();
  }
  const term = e => e.target.closest && e.target.closest(".mla-term[data-def]");
  document.addEventListener("mouseover", e => { const t = term(e); if (t) show(t); });
  document.addEventListener("mouseout", e => { if (owner && term(e) === owner) hide(250); });
  document.addEventListener("focusin", e => { const t = term(e); if (t) show(t); });
  document.addEventListener("focusout", e => { if (owner && term(e) === owner) hide(0); });
  document.addEventListener("click", e => {
    const t = term(e);
    if (t) show(t);
    else if (owner && !tip.contains(e.target)) hide(0);
  });
  document.addEventListener("keydown", e => { if (e.key === "Escape" && owner) hide(0); });
  addEventListener("resize", () => { if (owner) hide(0); });
  function terms() {
    for (const t of document.querySelectorAll(".mla-term[title]")) {
      t.dataset.def = t.title;
      t.removeAttribute("title");
      t.tabIndex = 0;
    }
  }

  /* ---------- wide tables and diagrams scroll sideways: a scrolling box gets a name and a tab stop
     (keyboard users can scroll it) and mla.css draws the shadow that says there is more. */
  function scrollers() {
    // Every width is read before any box is changed: a change between two reads would lay the page out again.
    const boxes = [...document.querySelectorAll(".md-typeset__scrollwrap, .mla-scroll, div.mermaid")];
    const wide = boxes.map(s => s.scrollWidth > s.clientWidth + 1);
    boxes.forEach((s, i) => {
      const over = wide[i];
      s.classList.toggle("mla-overflow", over);
      if (over && !s.hasAttribute("tabindex")) {
        s.tabIndex = 0;
        s.setAttribute("role", "region");
        s.setAttribute("aria-label", (s.matches("div.mermaid") ? "Diagram" : "Table") + ", scrolls sideways");
      }
    });
  }
  let pending = 0;
  const later = () => { cancelAnimationFrame(pending); pending = requestAnimationFrame(scrollers); };
  addEventListener("resize", later);
  window.MLA_READING = { scrollers: later };

  function boot() {
    try {
      hide(0);
      terms();
      later();
      // The practice pages draw their tables after the bank loads.
      const app = document.querySelector("[data-mla-app]");
      if (app && !app.mlaWatched) {
        app.mlaWatched = true;
        new MutationObserver(later).observe(app, { childList: true, subtree: true });
      }
    } catch (e) { /* reading aids only; the page stays as built */ }
  }
  if (window.document$) window.document$.subscribe(boot);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", boot);
  else boot();
})();
