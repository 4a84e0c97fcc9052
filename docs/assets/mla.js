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
  if (typeof window.mermaid === "undefined") {
    window.mermaid = {
      initialize: function (config) { mermaidConfig = config; },
      render: function (id, text) {
        return realMermaid().then(function (m) { return m.render(id, text); });
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
  function load() {
    if (mem) return mem;
    let raw;
    try { raw = localStorage.getItem(KEY); } catch (e) { return (mem = fresh()); }
    if (raw === null) return fresh();
    try {
      const d = clean(JSON.parse(raw));
      if (d) return d;
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
    const type = q.dataset.qtype, rev = $(".mla-q__reveal", q), key = rev.dataset.key.split(" ");
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

  // ex (exam mode: the exam's length): no answer, no links away, the controls only.
  function render(x, n, href, ex) {
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
    const cs = x.cs ? `<details class="mla-scenario"${ex ? " open" : ""}><summary>Case study: ${esc(x.cs.title)}</summary>${x.cs.scenario.split(/\n\s*\n/).map(p => `<p>${esc(p)}</p>`).join("")}</details>` : "";
    const repo = !ex && $("a.md-source");
    return `<div class="mla-q" id="q-${id}" data-qid="${id}" data-qtype="${t}" data-task="${x.task}" data-domain="${x.domain}" data-home="${esc(home)}"${ex ? " data-mla-on=1 hidden" : ""}>` +
      `<div class="mla-q__head">${ex ? `<span class="mla-q__anchor" tabindex="-1">Question ${n}</span>` : `<a class="mla-q__anchor" href="${esc(home)}#q-${id}">Question ${n}</a>`} <span class="mla-q__meta">${ex ? "" : `Task ${x.task} · `}${x.cs ? "Case study · " : ""}${TYPES[t]}</span>` +
      (repo ? ` <a class="mla-q__report" href="${esc(reportHref(repo.href, x.id, home))}">Report a problem</a>` : "") + `</div>${cs}` +
      `<div class="mla-q__stem" id="q-${id}-stem">${x.stem_html}</div><fieldset class="mla-q__body" aria-describedby="q-${id}-stem"><legend class="mla-q__instruction">${esc(x.instruction)}</legend>${body}</fieldset>` +
      (ex ? "</div>" : `<details class="mla-q__answer"><summary>Show answer</summary><div class="mla-q__reveal" data-key="${x.key.join(" ")}"><p class="mla-q__key"><strong>Answer:</strong> ${key}</p>` +
      `<ul class="mla-q__whys">${whys.join("")}</ul><div class="mla-q__explanation">${x.explanation_html}</div><p class="mla-q__refs-title"><strong>References</strong></p>` +
      `<ul class="mla-q__refs">${x.references.map(u => `<li><a href="${esc(u)}">${esc(u.replace(/^https:\/\/|\/$/g, ""))}</a></li>`).join("")}</ul></div></details></div>`);
  }

  async function review(app) {
    const b = await bank(), d = load().q, now = Date.now(), href = pages(b);
    const list = all(b).filter(x => d[x.id] && due(d[x.id], now)).sort((x, y) => d[x.id].b - d[y.id].b || d[x.id].t - d[y.id].t);
    const later = Object.values(d).filter(e => !due(e, now)).map(e => e.t + WAIT[e.b] * DAY);
    app.innerHTML = (list.length ? `<p class="mla-lead">${list.length} question${list.length > 1 ? "s" : ""} due, the ones you know least first.</p>`
      : `<p class="mla-lead">Nothing is due. Questions you answer wrong or unsure come here at once; right ones come back after a wait.` +
        (later.length ? ` The next one is due on ${day(Math.min(...later))}.` : "") + "</p>") +
      list.map((x, i) => render(x, i + 1, href[x.task])).join("");
    $$(".mla-q", app).forEach(enhance);
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
    a.href = URL.createObjectURL(new Blob([JSON.stringify(Object.assign({ app: "mla-c01-study-guide", key: KEY, exported: new Date().toISOString() }, load()))], { type: "application/json" }));
    a.download = "mla-c01-progress.json";
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 6e4);
    return "Progress exported as mla-c01-progress.json.";
  }
  async function importData(input) {
    const file = input.files[0];
    input.value = "";
    let inc = null;
    try { inc = clean(JSON.parse(await file.text())); } catch (e) { /* reported below */ }
    if (!inc) return "That file is not a progress export of this guide; nothing was imported.";
    const d = load();
    let n = 0;
    for (const [id, e] of Object.entries(inc.q)) if (!d.q[id] || d.q[id].t < e.t) { d.q[id] = e; n++; }
    save(d);
    return `Imported ${n} answer${n === 1 ? "" : "s"}.`;
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

  /* ---------- mock exam and domain quiz: a seeded draw, one question at a time, the clock a stored deadline */
  const EX = "mla-exam-v1:", HIST = "mla-exams-v1", TAB = Math.random().toString(36).slice(2), stash = {};
  const get = k => { try { return JSON.parse(localStorage.getItem(k)); } catch (e) { return null; } };
  const put = (k, v) => { try { localStorage.setItem(k, JSON.stringify(v)); } catch (e) { /* kept in memory */ } };
  const sum = a => a.reduce((s, x) => s + x, 0);
  const hist = () => { const h = get(HIST); return Array.isArray(h) ? h.filter(e => e && e.n > 0 && Array.isArray(e.d) && e.d.every(Array.isArray)) : []; };
  const clk = ms => { const s = Math.max(0, Math.ceil(ms / 1e3)), p = v => String(v | 0).padStart(2, 0); return `${s / 3600 | 0}:${p(s / 60 % 60)}:${p(s % 60)}`; };
  // mulberry32, seeded by an FNV-1a hash of the seed: the same seed draws the same exam in any browser
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
  // n shared out by integer weights, largest remainder first, ties to the earlier (as mock_exam_counts() in macros/)
  const split = (n, w) => {
    const W = sum(w), c = w.map(x => Math.floor(n * x / W));
    let left = n - sum(c);
    w.map((x, i) => [n * x % W, i]).sort((p, q) => q[0] - p[0] || p[1] - q[1]).forEach(p => { if (left-- > 0) c[p[1]]++; });
    return c;
  };
  function draw(b, seed, o) {
    o = o || {};
    const r = prng(String(seed)), want = (o.domains || []).map(Number), doms = b.domains.filter(d => !want.length || want.includes(d.id));
    const units = b.questions.map(x => ({ d: x.domain, q: [x] }))
      .concat(b.case_studies.map(c => ({ d: c.domain, cs: 1, q: c.questions.map(x => Object.assign({ cs: c }, x)) })));
    const pool = doms.map(d => shuffle(units.filter(u => u.d === d.id), r)), have = pool.map(p => sum(p.map(u => u.q.length)));
    const ask = o.count || b.exam.questions_total, n = Math.min(ask, sum(have)), aim = split(n, doms.map(d => d.weight)), take = aim.slice();
    // A domain short of its share gives all it has; the domains with room share the rest by weight.
    for (let short; (short = sum(take.map((t, i) => Math.max(0, t - have[i])))) > 0;) {
      const room = take.map((t, i) => (t < have[i] ? doms[i].weight : 0));
      split(short, room).forEach((x, i) => { take[i] = Math.min(take[i], have[i]) + x; });
    }
    const got = [], add = u => { u.in = 1; got.push(u); return u.q.length; };
    pool.forEach((p, i) => {
      // case studies first, whole, in at most half of the domain's share; then single questions
      let left = take[i], cap = left / 2;
      p.forEach(u => { if (u.cs && u.q.length <= Math.min(left, cap)) { cap -= u.q.length; left -= add(u); } });
      p.forEach(u => { if (!u.cs && left > 0) left -= add(u); });
      p.forEach(u => { if (!u.in && u.q.length <= left) left -= add(u); });
    });
    let left = n - sum(got.map(u => u.q.length)); // only when case studies cannot fill a share exactly
    pool.flat().forEach(u => { if (!u.in && u.q.length <= left) left -= add(u); });
    // every question type the domains have: swap one in for a single question of the same domain
    const nt = t => sum(got.map(u => u.q.filter(x => x.type === t).length));
    Object.keys(TYPES).forEach(t => nt(t) || pool.flat().some(u => {
      const v = !u.in && !u.cs && u.q[0].type === t && got.find(v => !v.cs && v.d === u.d && nt(v.q[0].type) > 1);
      if (v) { got[got.indexOf(v)] = u; u.in = 1; v.in = 0; }
      return v;
    }));
    const qs = [].concat(...shuffle(got, r).map(u => u.q));
    return { qs, ask, doms: doms.map((d, i) => ({ id: d.id, aim: aim[i], have: have[i], n: qs.filter(x => x.domain === d.id).length })) };
  }

  let X = null, timer = 0; // the exam on this page
  const seed = () => Math.random().toString(36).slice(2, 8);
  const query = c => (c.mode === "quiz" ? `mode=quiz&domains=${c.domains}&count=${c.count}${c.timed ? "&timed=1" : ""}&` : "") + "seed=" + c.seed;
  const mins = (c, n) => (c.mode === "quiz" ? X.pace * n : X.b.exam.duration_minutes);
  const pick = x => x.type === "single" || x.type === "multiple";
  const answered = (x, a) => Array.isArray(a) && (pick(x) ? a.some(Boolean) : a.every(Boolean));
  const ctl = q => $$(".mla-q__choice", q).map(li => $("input, select", li));
  const vals = q => ctl(q).map(c => (c.tagName === "SELECT" || c.checked ? c.value : ""));
  const fill = (q, a) => Array.isArray(a) && ctl(q).forEach((c, i) => { if (c.tagName === "SELECT") c.value = a[i] || ""; else c.checked = !!a[i]; });
  const notes = () => X.dr.doms.filter(d => d.have < d.aim).map(d => `The bank has ${d.have} questions for domain ${d.id}; this ${X.what} uses all of them and ${d.aim - d.have} more from other domains.`)
    .concat(X.dr.qs.length < X.dr.ask ? [`The bank has ${X.dr.qs.length} questions for the chosen domains, so this ${X.what} has ${X.dr.qs.length}.`] : [])
    .join("<br>").replace(/.+/, "<p class=mla-note>$&</p>");
  const btn = (a, label, alt) => `<button type="button" class="mla-btn${alt ? " mla-btn--alt" : ""}" data-mla="${a}">${label}</button>`;

  async function exam(app) {
    open(app, await bank());
  }
  function open(app, b, focus) {
    const p = new URLSearchParams(location.search), ids = b.domains.map(d => d.id), quiz = p.get("mode") === "quiz";
    const ds = (p.get("domains") || "").split(",").map(Number).filter(d => ids.includes(d)), d = app.dataset;
    clearInterval(timer);
    const c = { mode: quiz ? "quiz" : "exam", seed: (p.get("seed") || "").replace(/[^\w-]/g, "").slice(0, 20), domains: ds.length ? ds : ids,
      count: quiz ? +p.get("count") || +d.counts.split(" ")[0] : b.exam.questions_total, timed: !quiz || p.get("timed") === "1" };
    X = { app, b, c, key: EX + query(c), cut: d.cut / 100, pace: +d.pace, warn: +d.warn, what: c.mode, dr: draw(b, c.seed, quiz ? c : {}) };
    app.bank = b;
    if (!c.seed) return setup();
    const st = get(X.key) || stash[X.key], by = {};
    all(b).forEach(x => { by[x.id] = x; });
    X.qs = st && Array.isArray(st.ids) ? st.ids.map(id => by[id]).filter(Boolean) : [];
    if (!X.qs.length) return intro(); // not started in this browser (a shared link), or nothing left of it in the bank
    X.st = Object.assign(st, { a: st.a || {}, f: st.f || {} });
    if (st.done) return results();
    sit(focus);
  }
  function setup() {
    const b = X.b, on = [];
    try {
      Object.keys(localStorage).forEach(k => {
        const s = k.startsWith(EX) && get(k);
        // target _self: Material's instant navigation routes by path alone and would drop the query
        if (s && s.ids && !s.done) on.push(`<a href="?${esc(k.slice(EX.length))}" target="_self">${/quiz/.test(k) ? "domain quiz" : "mock exam"} ${esc(k.replace(/.*seed=/, ""))}</a> (${s.end ? clk(s.end - Date.now()) + " left" : "untimed"})`);
      });
    } catch (e) { /* no store: nothing to resume */ }
    X.app.innerHTML = (on.length ? `<p class="mla-note">In progress: ${on.join(", ")}.</p>` : "") +
      `<h2>Full mock exam</h2><p class="mla-lead">${X.dr.qs.length} questions in ${b.exam.duration_minutes} minutes, drawn by domain weight.</p>${notes()}<p>${btn("new", "Start a mock exam")}</p>` +
      `<h2>Domain quiz</h2><fieldset class="mla-conf"><legend>Domains</legend>${b.domains.map(d => `<label><input type="checkbox" name="mla-d" value="${d.id}" checked> ${d.id}. ${esc(d.title)}</label>`).join("")}</fieldset>` +
      `<fieldset class="mla-conf"><legend>Questions</legend>${X.app.dataset.counts.split(" ").map((n, i) => `<label><input type="radio" name="mla-n" value="${n}"${i ? "" : " checked"}> ${n}</label>`).join("")}</fieldset>` +
      `<fieldset class="mla-conf"><legend>Time</legend><label><input type="checkbox" name="mla-t"> Timed: ${X.pace} minutes a question</label></fieldset>` +
      `<p>${btn("quiz", "Start the quiz")}</p><p class="mla-status" role="status"></p>`;
  }
  function intro() {
    const { c, dr } = X;
    X.app.innerHTML = `<p class="mla-lead">${c.mode === "quiz" ? "Domain quiz" : "Mock exam"} <code>${esc(c.seed)}</code>: ${dr.qs.length} questions, ` +
      (c.timed ? `${mins(c, dr.qs.length)} minutes. The clock starts when you press Start and keeps running if you leave the page.` : "untimed.") +
      `</p>${notes()}<p class="mla-tools">${btn("start", "Start")} ${btn("new", "Draw another", 1)}</p>`;
  }
  function begin(c) {
    try {
      Object.keys(localStorage).forEach(k => { if (k.startsWith(EX) && (get(k) || {}).done) localStorage.removeItem(k); });
    } catch (e) { /* no store */ }
    const q = query(c), dr = draw(X.b, c.seed, c.mode === "quiz" ? c : {}), now = Date.now();
    const st = stash[EX + q] = { v: 1, ids: dr.qs.map(x => x.id), a: {}, f: {}, i: 0, t0: now, end: c.timed ? now + 6e4 * mins(c, dr.qs.length) : 0, tab: TAB };
    put(EX + q, st);
    history.replaceState(history.state, "", "?" + q);
    open(X.app, X.b, 1);
  }
  function sit(focus) {
    const { qs, st } = X, n = qs.length;
    X.app.innerHTML = `<p class="mla-lock" hidden>This ${X.what} is now open in another tab, which keeps its answers. ${btn("take", "Continue here", 1)}</p>` +
      `<div class="mla-exam"><div class="mla-exam__top"><p class="mla-clock" role="timer"${st.end ? "" : " hidden"}></p><p class="mla-pos" aria-live="polite"></p></div>` +
      `<p class="mla-alert" role="status"></p>${qs.map((x, i) => render(x, i + 1, "", n)).join("")}` +
      `<p class="mla-tools">${btn("prev", "Previous", 1)}${btn("flag", "Flag for review", 1)}${btn("next", "Next")}${btn("submit", "Submit " + X.what, 1)}</p>` +
      `<div class="mla-confirm" hidden><p tabindex="-1"></p><p class="mla-tools">${btn("yes", "Submit now")}${btn("no", "Back to the " + X.what, 1)}</p></div>` +
      `<p class="mla-grid-key"></p><nav class="mla-grid" aria-label="Questions">${qs.map((x, i) => `<button type="button" class="mla-cell" data-mla="go" data-i="${i}">${i + 1}</button>`).join("")}</nav></div>`;
    $$(".mla-q", X.app).forEach((q, i) => fill(q, st.a[qs[i].id]));
    go(st.i | 0, focus);
    if (st.end) { timer = setInterval(tick, 1e3); tick(); }
  }
  function go(i, focus) {
    const { qs, st, app } = X, n = qs.length;
    st.i = i = Math.max(0, Math.min(n - 1, i));
    $$(".mla-exam .mla-q", app).forEach((q, k) => { q.hidden = k !== i; });
    say($(".mla-pos", app), `Question ${i + 1} of ${n}`);
    $("[data-mla=prev]", app).setAttribute("aria-disabled", i === 0);
    $("[data-mla=next]", app).setAttribute("aria-disabled", i === n - 1);
    grid();
    write();
    if (focus) $(".mla-q:not([hidden]) .mla-q__anchor", app).focus();
  }
  function grid() {
    const { qs, st, app } = X;
    let done = 0, fl = 0;
    $$(".mla-cell", app).forEach((c, i) => {
      const id = qs[i].id, a = answered(qs[i], st.a[id]), f = !!st.f[id];
      done += a;
      fl += f;
      c.className = "mla-cell" + (a ? " mla-is-done" : "") + (f ? " mla-is-flag" : "");
      c.setAttribute("aria-label", `Question ${i + 1}, ${a ? "answered" : "not answered"}${f ? ", flagged" : ""}`);
      c.toggleAttribute("aria-current", i === st.i);
    });
    $("[data-mla=flag]", app).setAttribute("aria-pressed", !!st.f[qs[st.i].id]);
    $(".mla-grid-key", app).textContent = `${done} of ${qs.length} answered, ${fl} flagged. Filled: answered; red corner: flagged.`;
    return [done, fl];
  }
  // Only the tab that opened the exam last writes it; a tab that lost it stops (no interleaved writes).
  function write() {
    const s = get(X.key);
    if (X.locked || (X.own && s && s.tab !== TAB)) return lock();
    X.own = 1;
    X.st.tab = TAB;
    put(X.key, X.st);
  }
  function lock() {
    X.locked = 1;
    clearInterval(timer);
    $$(".mla-exam input, .mla-exam select, .mla-exam button", X.app).forEach(c => { c.disabled = true; });
    const p = $(".mla-lock", X.app);
    if (p) p.hidden = false;
  }
  function tick() {
    const { st, app } = X;
    if (!st || st.done || X.locked || !app.isConnected) return clearInterval(timer); // the page was left or the exam ended
    const left = st.end - Date.now(), m = Math.ceil(left / 6e4), w = [30, X.warn, 5, 1].filter(x => m <= x).pop();
    if (left <= 0) return finish(1);
    $(".mla-clock", app).textContent = "Time left " + clk(left);
    $(".mla-clock", app).classList.toggle("mla-warn", m <= X.warn);
    if (w && w !== X.w) say($(".mla-alert", app), `${m} minute${m > 1 ? "s" : ""} left.` + (m <= X.warn ? ` The ${X.what} is submitted when the time is up.` : ""));
    X.w = w;
  }
  function finish(auto) {
    const s = X.st;
    clearInterval(timer);
    Object.assign(s, { done: 1, auto: auto ? 1 : 0, t1: s.end ? Math.min(Date.now(), s.end) : Date.now() });
    write();
    if (X.locked) return;
    const r = results(1), h = hist();
    X.qs.forEach((x, i) => record(x.id, x.task, r.ok[i], ""));
    h.unshift({ t: s.t1, m: X.c.mode, q: query(X.c), n: r.n, r: r.r, s: r.s, p: r.p, d: r.d, u: s.t1 - s.t0 });
    put(HIST, h.slice(0, 100));
  }
  function results(focus) {
    const { b, qs, st, app, cut } = X, href = pages(b), n = qs.length, d = {}, [lo, hi] = b.exam.score_scale, pass = b.exam.passing_score;
    app.innerHTML = `<div class="mla-result"><h2 tabindex="-1">Result</h2><div class="mla-sum"></div><h2>Every question</h2>${qs.map((x, i) => render(x, i + 1, href[x.task])).join("")}</div>`;
    const ok = $$(".mla-q", app).map((q, i) => {
      const x = qs[i], a = st.a[x.id], bar = el("div", "mla-bar", `<p class="mla-status"></p>`);
      q.dataset.mlaOn = 1;
      fill(q, a);
      const g = grade(q);
      $(".mla-q__answer", q).before(bar);
      let m;
      if (typeof g === "string") {
        $$("input, select", q).forEach(c => { c.disabled = true; });
        $(".mla-q__answer", q).open = true;
        q.classList.add("mla-is-incorrect");
        m = (Array.isArray(a) && a.some(Boolean) ? "Incorrect. " : "Not answered. ") + $(".mla-q__key", q).textContent.trim();
      } else m = paint(q, g);
      $(".mla-status", bar).textContent = m + (st.f[x.id] ? " (You flagged it for review.)" : "");
      return typeof g !== "string" && g[0];
    });
    qs.forEach((x, i) => { const e = d[x.domain] || (d[x.domain] = [x.domain, 0, 0]); e[1]++; e[2] += ok[i]; });
    const r = sum(ok.map(Number)), p = n ? r / n : 0, quiz = X.what === "quiz";
    const s = quiz ? null : Math.round(p < cut ? lo + (pass - lo) * p / cut : pass + (hi - pass) * (p - cut) / (1 - cut));
    $(".mla-sum", app).innerHTML = `<p class="mla-lead"><strong class="mla-raw">${r} of ${n}</strong> correct (${pct(r, n)}).` +
      (quiz ? "" : ` Estimated scaled score: <strong class="mla-scaled">${s}</strong> of ${hi}, pass line ${pass}: <strong class="mla-${s >= pass ? "pass\">Pass" : "fail\">Fail"}</strong>.`) +
      ` Time used: ${clk(st.t1 - st.t0)}${st.end ? " of " + clk(st.end - st.t0) : ""}.${st.auto ? ` The time ran out and the ${X.what} was submitted automatically.` : ""}</p>${notes()}` +
      table("result", "Domain,Questions,Correct,Percent,Result") +
      Object.values(d).map(([id, k, c]) => `<tr data-domain="${id}"><td>${id}. ${esc(b.domains.find(dm => dm.id === id).title)}</td><td>${k}</td><td>${c}</td><td>${pct(c, k)}</td><td>${c / k >= cut ? "Meets competencies" : "Needs improvement"}</td></tr>`).join("") +
      `</tbody></table></div><p class="mla-tools">${btn("retake", "Retake this " + X.what)} ${btn("new", "New " + X.what, 1)} <a href="${url("practice/progress.md")}">Exam history</a></p>`;
    if (focus) $("h2", app).focus();
    return { ok, n, r, s, p: quiz ? null : s >= pass, d: Object.values(d) };
  }
  function exAct(a, t) {
    const s = X.st, box = $(".mla-confirm", X.app);
    if (a === "go") go(+t.dataset.i, 1);
    else if (a === "prev" || a === "next") go(s.i + (a === "next" ? 1 : -1));
    else if (a === "flag") {
      const id = X.qs[s.i].id;
      s.f[id] = s.f[id] ? 0 : 1;
      grid();
      write();
    } else if (a === "submit") {
      const [done, fl] = grid(), u = X.qs.length - done;
      box.hidden = false;
      $("p", box).textContent = `${u} of ${X.qs.length} questions not answered, ${fl} flagged for review. Submit the ${X.what} now? You cannot change your answers afterwards.`;
      $("p", box).focus();
    } else if (a === "no") {
      box.hidden = true;
      $("[data-mla=submit]", X.app).focus();
    } else if (a === "yes") finish();
    else if (a === "take") location.reload();
    else if (a === "start" || a === "retake") begin(X.c);
    else if (a === "new") begin(Object.assign({}, X.c, { seed: seed() }));
    else if (a === "quiz") {
      const ds = $$("input[name=mla-d]:checked", X.app).map(i => +i.value);
      if (!ds.length) return say($(".mla-status", X.app), "Choose at least one domain.");
      begin({ mode: "quiz", seed: seed(), domains: ds, count: +$("input[name=mla-n]:checked", X.app).value, timed: $("input[name=mla-t]", X.app).checked });
    }
  }
  addEventListener("storage", e => {
    if (X && X.own && !X.locked && !X.st.done && e.key === X.key && (get(X.key) || {}).tab !== TAB) lock();
  });

  /* ---------- wiring: one delegated listener; boot on every page Material shows */
  const act = t => {
    const a = t && t.dataset.mla, q = a && t.closest(".mla-q"), app = a && t.closest("[data-mla-app]");
    if (!a) return;
    try {
      if (q) (a === "check" ? check : retry)(q);
      else if (X && app === X.app) exAct(a, t);
      else if (app && app.bank) tool(app, a, t).catch(() => say($(".mla-status", app), "That did not work."));
    } catch (err) {
      if (q) $(".mla-q__answer", q).open = true; // the answer is still there to read
    }
  };
  document.addEventListener("click", e => { const t = e.target.closest && e.target.closest("button[data-mla]"); if (t) act(t); });
  document.addEventListener("change", e => {
    const q = X && !X.locked && X.st && e.target.closest(".mla-exam .mla-q");
    if (e.target.matches("input[type=file][data-mla]")) act(e.target);
    if (q) {
      X.st.a[q.dataset.qid] = vals(q);
      grid();
      write();
    }
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
  window.MLA = { draw, split };
})();
