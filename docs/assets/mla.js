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
  var vendor = (document.currentScript && document.currentScript.src || "")
    .replace(/assets\/mla\.js.*$/, "assets/vendor/");
  var mermaidReady = null;
  var mermaidConfig = null;
  var standIn = null;
  /* Over http(s), Mermaid's ES module build: it fetches only the parts a page's diagrams need (a quarter of
     the single file's bytes for a flowchart; the CPU time is about the same). From file:// (the offline build), where browsers
     refuse module imports, and wherever the import fails, the single-file build; it replaces window.mermaid,
     so the stand-in is put back and every diagram goes through readable(). */
  function classicMermaid() {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = vendor + "mermaid.min.js";
      script.onload = function () {
        var real = window.mermaid;
        window.mermaid = standIn;
        resolve(real);
      };
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }
  function loadMermaid() {
    if (location.protocol === "file:") return classicMermaid();
    return import(vendor + "mermaid/mermaid.esm.min.mjs").then(function (m) { return m.default; }, classicMermaid);
  }
  function realMermaid() {
    if (!mermaidReady) {
      mermaidReady = nearView().then(loadMermaid).then(function (m) {
        m.initialize(mermaidConfig || { startOnLoad: false });
        return m;
      });
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
    window.mermaid = standIn = {
      initialize: function (config) { mermaidConfig = standIn.config = config; }, // config: for `make diagrams`
      render: function (id, text) {
        return realMermaid().then(function (m) { return m.render(id, text); }).then(readable);
      }
    };
  }
  /* From file:// Material mounts none of a page's content components (its code blocks get no copy button
     either), so the diagrams would stay Mermaid source: they are drawn here, into a shadow root as Material
     draws them. A <pre> Material has taken has lost its "mermaid" class by then. */
  function drawFromFile() {
    if (location.protocol !== "file:") return;
    var dark = document.body.getAttribute("data-md-color-scheme") === "slate";
    if (!mermaidConfig) window.mermaid.initialize({ startOnLoad: false, theme: dark ? "dark" : "default" });
    document.querySelectorAll("pre.mermaid").forEach(function (pre, n) {
      window.mermaid.render("__mla_mermaid_" + n, pre.textContent).then(function (out) {
        if (!pre.isConnected || !pre.classList.contains("mermaid")) return;
        var host = document.createElement("div");
        host.className = "mermaid";
        host.attachShadow({ mode: "open" }).innerHTML = out.svg;
        pre.replaceWith(host);
        if (window.MLA_READING) window.MLA_READING.scrollers();
      });
    });
  }
  if (document.readyState === "complete") drawFromFile();
  else window.addEventListener("load", drawFromFile);

  /* A diagram drawn at build time (macros/diagrams.py) waits as text in a <noscript> until it comes near the
     viewport (at once for the PDF and when the page is printed); its SVG then goes into a shadow root of its
     own. A page that Material's instant navigation fetched went through DOMParser, which makes the <noscript>'s
     content elements: their markup is read back. */
  var drawingRule = /<template shadowrootmode="open">([\s\S]*)<\/template>/;
  function attachDrawing(host) {
    var n = host.querySelector(":scope > noscript");
    if (!n) return;
    var found = drawingRule.exec(n.childElementCount ? n.innerHTML : n.textContent);
    n.remove();
    if (found && !host.shadowRoot) host.attachShadow({ mode: "open" }).innerHTML = found[1];
    if (window.MLA_READING) window.MLA_READING.scrollers();
  }
  var drawingWatch = null;
  function attachDrawings() {
    var hosts = Array.prototype.slice.call(document.querySelectorAll("div.mla-drawn"));
    if (drawingWatch) drawingWatch.disconnect();
    if (window.MLA_EAGER || !("IntersectionObserver" in window)) return hosts.forEach(attachDrawing);
    drawingWatch = new IntersectionObserver(function (seen) {
      seen.forEach(function (e) {
        if (e.isIntersecting) { drawingWatch.unobserve(e.target); attachDrawing(e.target); }
      });
    }, { rootMargin: "800px 0px" });
    hosts.forEach(function (h) { if (!h.shadowRoot) drawingWatch.observe(h); });
  }
  attachDrawings();
  if (window.document$) window.document$.subscribe(attachDrawings);
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("div.mla-drawn").forEach(attachDrawing);
  });
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
      // The build writes the paragraph (macros/tally.py): added here, it made the browser restyle the article.
      if (!p) (qs[0].closest(".mla-case") || qs[0]).before(p = el("p", "mla-tally"));
      const [a, r] = count(qs.map(q => q.dataset.qid), d);
      p.innerHTML = `On this page: <strong>${a} of ${qs.length}</strong> answered, <strong>${r}</strong> right. <a href="${url("practice/progress.md")}">My progress</a> · <a href="${url("practice/review.md")}">Review</a>`;
      p.hidden = false;
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

  /* ---------- Review, My progress, the mock exam and the domain quiz: their code (and the bank) is fetched on
     those pages only, so chapter pages do not carry it. mla-practice.js has the bank, Review and My progress;
     mla-exam.js, which needs both, the mock exam and the quiz. Each gets the helpers it shares with this file. */
  const HIST = "mla-exams-v1";
  const get = k => { try { return JSON.parse(localStorage.getItem(k)); } catch (e) { return null; } };
  const put = (k, v) => { try { localStorage.setItem(k, JSON.stringify(v)); } catch (e) { /* kept in memory */ } };
  const hist = () => { const h = get(HIST); return Array.isArray(h) ? h.filter(e => e && e.n > 0 && Array.isArray(e.d) && e.d.every(Array.isArray)) : []; };
  const clk = ms => { const s = Math.max(0, Math.ceil(ms / 1e3)), p = v => String(v | 0).padStart(2, 0); return `${s / 3600 | 0}:${p(s / 60 % 60)}:${p(s % 60)}`; };
  // A script of the site's assets, and what made() returns once it has run (a rejection if it throws).
  const script = (name, made) => new Promise((ok, no) => {
    const s = document.createElement("script");
    s.src = assets + name;
    s.onload = () => { try { ok(made()); } catch (e) { no(e); } };
    s.onerror = no;
    document.head.appendChild(s);
  });
  const shared = () => ({ $, $$, TYPES, KEY, WAIT, DAY, assets, root, url, esc, el, say, pct, day, load, save, clean, due, count,
    reveal, enhance, reportHref, last, grade, paint, record, tallies, HIST, get, put, hist, clk, script, forget: () => { mem = null; } });
  let practiceP = null, PR = null, examP = null, EXM = null;
  const practice = () => practiceP || (practiceP = script("mla-practice.js", () => (PR = window.MLA_PRACTICE(shared())))
    .catch(e => { practiceP = null; throw e; }));
  const examModule = () => examP || (examP = practice().then(P => script("mla-exam.js", () => {
    EXM = window.MLA_EXAM(Object.assign(shared(), P));
    Object.assign(window.MLA, { draw: EXM.draw, split: EXM.split });
    return EXM;
  })).catch(e => { examP = null; throw e; }));
  const review = app => practice().then(P => P.review(app));
  const progress = app => practice().then(P => P.progress(app));
  const exam = app => examModule().then(m => m.exam(app));

  /* ---------- wiring: one delegated listener; boot on every page Material shows */
  const act = t => {
    const a = t && t.dataset.mla, q = a && t.closest(".mla-q"), app = a && t.closest("[data-mla-app]");
    if (!a) return;
    try {
      if (q) (a === "check" ? check : retry)(q);
      else if (a === "rprev" || a === "rnext") { if (PR) PR.sift(app, a === "rnext" ? 1 : -1); }
      else if (EXM && EXM.act(a, t, app)) return;
      else if (app && app.bank && PR) PR.tool(app, a, t).catch(() => say($(".mla-status", app), "That did not work."));
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
    if (e.target.matches("[data-mla-filter]") && PR) PR.sift(e.target.closest("[data-mla-app]"));
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

  // A page's questions get their controls a few at a time, one batch a frame, those near the screen first, and
  // the page's tally once all have them. Added at once, the controls of a chapter's 60-odd questions (about
  // 800 elements, in its "Check yourself", below the first screen) cost a tenth of a second in the long task
  // that starts the page, which Lighthouse counts four times over on its phone preset; two or three cost a
  // frame next to nothing.
  const FRAMES = 30; // and all within about 30 frames: the print page has hundreds of questions
  let pending = [], frame = 0, near = null;
  function enhanceSoon() {
    pending = $$(".mla-q[data-qid]").filter(q => !q.dataset.mlaOn);
    cancelAnimationFrame(frame);
    if (near) near.disconnect();
    near = "IntersectionObserver" in window && new IntersectionObserver(seen => seen.forEach(e => {
      const i = e.isIntersecting ? pending.indexOf(e.target) : -1;
      if (i > 0) pending.unshift(...pending.splice(i, 1));
    }), { rootMargin: "800px 0px" });
    if (near) pending.forEach(q => near.observe(q));
    const size = Math.max(2, Math.ceil(pending.length / FRAMES));
    const step = () => {
      try {
        pending.splice(0, size).forEach(enhance);
      } catch (e) { pending = []; } // the answers stay readable under "Show answer"
      if (pending.length) frame = requestAnimationFrame(step);
      else {
        if (near) near.disconnect();
        tallies();
      }
    };
    frame = requestAnimationFrame(step);
  }

  function boot() {
    try {
      // exam mode (mla-exam.js) lasts while an exam runs on its page; any other page shows the whole site
      if (!$("[data-mla-app=exam]")) document.documentElement.classList.remove("mla-exam-mode");
      plans();
      enhanceSoon();
      const app = $("[data-mla-app]");
      if (app && !app.dataset.mlaOn) {
        app.dataset.mlaOn = 1;
        ({ review, progress, exam })[app.dataset.mlaApp](app).catch(() => {
          app.innerHTML = `<p class="mla-nojs">The question bank could not be loaded; reload the page to try again.</p>`;
        });
      }
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
