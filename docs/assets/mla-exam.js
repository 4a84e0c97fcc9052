/* MLA-C01 study guide: the mock exam and domain quiz (a seeded draw, one question at a time, the
   clock a stored deadline). mla.js loads this file on the mock exam page only and hands it the
   helpers it shares with the rest of the practice code. */
window.MLA_EXAM = function (H) {
  "use strict";
  const { $, $$, TYPES, all, bank, count, el, esc, grade, last, pages, paint, pct, record, render, say,
    table, url, assets, root, HIST, get, put, hist, clk, prng, shuffle, mix, lead } = H;
  const EX = "mla-exam-v1:", TAB = Math.random().toString(36).slice(2), stash = {};
  const sum = a => a.reduce((s, x) => s + x, 0);
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
    // o.seen (ids met in earlier mock exams): within a domain, units with fewer of them come first (a stable sort)
    const met = u => (o.seen ? u.q.filter(x => o.seen.has(x.id)).length : 0);
    const pool = doms.map(d => shuffle(units.filter(u => u.d === d.id), r).sort((u, v) => met(u) - met(v))), have = pool.map(p => sum(p.map(u => u.q.length)));
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
      p.forEach(u => { if (u.cs && !met(u) && u.q.length <= Math.min(left, cap)) { cap -= u.q.length; left -= add(u); } });
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
    // each attempt (its start time) shuffles the options afresh; a reload keeps them
    X.qs = st && Array.isArray(st.ids) ? st.ids.map(id => by[id]).filter(Boolean).map(x => mix(x, `${X.key}:${st.t0}:${x.id}`)) : [];
    if (!X.qs.length) return intro(); // not started in this browser (a shared link), or nothing left of it in the bank
    X.st = Object.assign(st, { a: st.a || {}, f: st.f || {} });
    if (st.done) return results();
    sit(focus);
  }
  function setup() {
    const b = X.b, on = [], ask = X.c.mode === "quiz"; // a link (the study plan's) may name a quiz's domains and length
    mode(false);
    try {
      Object.keys(localStorage).forEach(k => {
        const s = k.startsWith(EX) && get(k);
        // target _self: Material's instant navigation routes by path alone and would drop the query
        if (s && s.ids && !s.done) on.push(`<a href="?${esc(k.slice(EX.length))}" target="_self">${/quiz/.test(k) ? "domain quiz" : "mock exam"} ${esc(k.replace(/.*seed=/, ""))}</a> (${s.end ? clk(s.end - Date.now()) + " left" : "untimed"})`);
      });
    } catch (e) { /* no store: nothing to resume */ }
    X.app.innerHTML = (on.length ? `<p class="mla-note">In progress: ${on.join(", ")}.</p>` : "") +
      `<h2>Full mock exam</h2><p class="mla-lead">${X.dr.qs.length} questions in ${b.exam.duration_minutes} minutes, drawn by domain weight.</p>${notes()}<p>${btn("new", "Start a mock exam")}</p>` +
      `<h2>Domain quiz</h2><fieldset class="mla-conf"><legend>Domains</legend>${b.domains.map(d => `<label><input type="checkbox" name="mla-d" value="${d.id}"${!ask || X.c.domains.includes(d.id) ? " checked" : ""}> ${d.id}. ${esc(d.title)}</label>`).join("")}</fieldset>` +
      `<fieldset class="mla-conf"><legend>Questions</legend>${X.app.dataset.counts.split(" ").map((n, i) => `<label><input type="radio" name="mla-n" value="${n}"${(ask && X.app.dataset.counts.split(" ").includes(String(X.c.count)) ? +n === X.c.count : !i) ? " checked" : ""}> ${n}</label>`).join("")}</fieldset>` +
      `<fieldset class="mla-conf"><legend>Time</legend><label><input type="checkbox" name="mla-t"> Timed: ${X.pace} minutes a question</label></fieldset>` +
      `<p>${btn("quiz", "Start the quiz")}</p><p class="mla-status" role="status"></p>`;
  }
  function intro() {
    const { c, dr } = X;
    mode(false);
    X.app.innerHTML = `<p class="mla-lead">${c.mode === "quiz" ? "Domain quiz" : "Mock exam"} <code>${esc(c.seed)}</code>: ${dr.qs.length} questions, ` +
      (c.timed ? `${mins(c, dr.qs.length)} minutes. The clock starts when you press Start and keeps running if you leave the page.` : "untimed.") +
      `</p>${notes()}<p class="mla-tools">${btn("start", "Start")} ${btn("new", "Draw another", 1)}</p>`;
  }
  // fresh: a new exam, which prefers questions not met in earlier mock exams (a retake or a shared link draws as the seed says)
  function begin(c, fresh) {
    try {
      Object.keys(localStorage).forEach(k => { if (k.startsWith(EX) && (get(k) || {}).done) localStorage.removeItem(k); });
    } catch (e) { /* no store */ }
    const seen = new Set([].concat(...hist().filter(e => e.m === "exam" && Array.isArray(e.ids)).map(e => e.ids)));
    const q = query(c), dr = draw(X.b, c.seed, Object.assign({}, c.mode === "quiz" ? c : {}, fresh && c.mode === "exam" ? { seen } : {})), now = Date.now();
    const st = stash[EX + q] = { v: 1, ids: dr.qs.map(x => x.id), a: {}, f: {}, i: 0, t0: now, end: c.timed ? now + 6e4 * mins(c, dr.qs.length) : 0, tab: TAB,
      nw: c.mode === "exam" ? dr.qs.filter(x => !seen.has(x.id)).length : null };
    put(EX + q, st);
    history.replaceState(history.state, "", "?" + q);
    open(X.app, X.b, 1);
  }
  function sit(focus) {
    const { qs, st } = X, n = qs.length;
    X.app.innerHTML = `<p class="mla-lock" hidden>This ${X.what} is now open in another tab, which keeps its answers. ${btn("take", "Continue here", 1)}</p>` +
      `<div class="mla-exam"><div class="mla-exam__top"><p class="mla-clock" role="timer"${st.end ? "" : " hidden"}></p><p class="mla-pos" aria-live="polite"></p></div>` +
      `<p class="mla-alert" role="status"></p>${qs.map((x, i) => render(x, i + 1, "", n, lead(qs, i))).join("")}` +
      `<p class="mla-tools">${btn("prev", "Previous", 1)}${btn("flag", "Flag for review", 1)}${btn("next", "Next")}${btn("submit", "Submit " + X.what, 1)}</p>` +
      `<div class="mla-confirm" hidden><p tabindex="-1"></p><p class="mla-tools">${btn("yes", "Submit now")}${btn("no", "Back to the " + X.what, 1)}</p></div>` +
      `<p class="mla-grid-key"></p><nav class="mla-grid" aria-label="Questions">${qs.map((x, i) => `<button type="button" class="mla-cell" data-mla="go" data-i="${i}">${i + 1}</button>`).join("")}</nav></div>`;
    $$(".mla-q", X.app).forEach((q, i) => fill(q, st.a[qs[i].id]));
    X.url = location.href;
    mode(true);
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
    if (focus) show($(".mla-q:not([hidden])", app));
  }
  // The question's top just below the header and the sticky clock bar (a phone keeps the view at the buttons
  // otherwise), and focus on its title so a screen reader starts there.
  function show(q) {
    const head = $(".md-header"), bar = $(".mla-exam__top", X.app);
    const cover = Math.max(head ? head.getBoundingClientRect().bottom : 0, 0) + (bar ? bar.offsetHeight : 0);
    window.scrollTo({ top: Math.max(0, q.getBoundingClientRect().top + window.scrollY - cover - 8), behavior: "instant" });
    $(".mla-q__anchor", q).focus({ preventScroll: true });
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
    mode(false);
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
    // An unanswered question scores zero here, as on the exam, but it is not an answer: progress and Review skip it.
    X.qs.forEach((x, i) => answered(x, s.a[x.id]) && record(x.id, x.task, r.ok[i], ""));
    // a mock exam keeps its question ids, so the next new one can prefer the others
    h.unshift(Object.assign({ t: s.t1, m: X.c.mode, q: query(X.c), n: r.n, r: r.r, s: r.s, p: r.p, d: r.d, u: s.t1 - s.t0 }, X.c.mode === "exam" ? { ids: X.qs.map(x => x.id) } : {}));
    put(HIST, h.slice(0, 100));
  }
  function results(focus) {
    const { b, qs, st, app, cut } = X, href = pages(b), n = qs.length, d = {}, t = {}, [lo, hi] = b.exam.score_scale, pass = b.exam.passing_score;
    mode(false);
    app.innerHTML = `<div class="mla-result"><h2 tabindex="-1">Result</h2><div class="mla-sum"></div><h2 id="every-question">Every question</h2>` +
      `<div class="mla-filter"><fieldset><legend class="mla-sr">Show</legend></fieldset></div><p class="mla-shown" role="status"></p>` +
      `<div class="mla-list">${qs.map((x, i) => render(x, i + 1, href[x.task], 0, lead(qs, i))).join("")}</div></div>`;
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
      q.dataset.result = typeof g !== "string" && g[0] ? "right" : answered(x, a) ? "wrong" : "none";
      q.dataset.flag = st.f[x.id] ? 1 : 0;
      return typeof g !== "string" && g[0];
    });
    qs.forEach((x, i) => {
      for (const [m, k] of [[d, x.domain], [t, x.task]]) { const e = m[k] || (m[k] = [k, 0, 0]); e[1]++; e[2] += ok[i]; }
    });
    const r = sum(ok.map(Number)), p = n ? r / n : 0, quiz = X.what === "quiz", min = +app.dataset.min || 1;
    // The scaled score compares only when the exam's domain mix is the real exam's: each domain gave its own share.
    const aim = split(b.exam.questions_total, b.domains.map(dm => dm.weight)), off = b.domains.map((dm, i) => [dm.id, aim[i], (d[dm.id] || [0, 0])[1]]).filter(e => e[1] !== e[2]);
    const s = quiz || off.length ? null : Math.round(p < cut ? lo + (pass - lo) * p / cut : pass + (hi - pass) * (p - cut) / (1 - cut));
    const why = quiz ? "" : off.length ? ` <span class="mla-noscore">No estimated scaled score: the real exam's ${b.exam.questions_total} questions share out by domain weight, and this bank could not give every domain its share (` +
      off.map(([id, a, h]) => `domain ${id}: ${h} instead of ${a}`).join(", ") + `), so a score would not compare.</span>`
      : ` Estimated scaled score: <strong class="mla-scaled">${s}</strong> of ${hi}, pass line ${pass}: <strong class="mla-${s >= pass ? "pass\">Pass" : "fail\">Fail"}</strong>.`;
    const verdict = (k, c) => (k < min ? `Too few questions to tell (fewer than ${min})` : c / k >= cut ? "Meets competencies" : "Needs improvement");
    const tasks = [].concat(...b.domains.map(dm => dm.tasks)).filter(k => t[k.id]);
    $(".mla-sum", app).innerHTML = `<p class="mla-lead"><strong class="mla-raw">${r} of ${n}</strong> correct (${pct(r, n)}).${why}` +
      ` Time used: ${clk(st.t1 - st.t0)}${st.end ? " of " + clk(st.end - st.t0) : ""}.${st.auto ? ` The time ran out and the ${X.what} was submitted automatically.` : ""}` +
      (st.nw != null ? ` <span class="mla-new">${st.nw} of ${n} questions were new to you: not in an earlier mock exam.</span>` : "") + `</p>${notes()}` +
      table("result", "Domain,Questions,Correct,Percent,Result") +
      Object.values(d).map(([id, k, c]) => `<tr data-domain="${id}"><td>${id}. ${esc(b.domains.find(dm => dm.id === id).title)}</td><td>${k}</td><td>${c}</td><td>${pct(c, k)}</td><td>${verdict(k, c)}</td></tr>`).join("") +
      `</tbody></table></div><p class="mla-note">A domain's result needs ${min} or more of its questions; fewer tell too little.</p>` +
      `<h3 id="by-task-statement">By task statement</h3>` + table("result-tasks", "Task statement,Questions,Correct,Percent") +
      tasks.map(k => `<tr data-task="${k.id}"><td><a href="${href[k.id]}">${k.id} ${esc(k.title)}</a></td><td>${t[k.id][1]}</td><td>${t[k.id][2]}</td><td>${pct(t[k.id][2], t[k.id][1])}</td></tr>`).join("") +
      `</tbody></table></div><p class="mla-tools">${btn("retake", "Retake this " + X.what)} ${btn("new", "New " + X.what, 1)} <a href="${url("practice/progress.md")}">Exam history</a></p>`;
    const qsEl = $$(".mla-list > .mla-q", app), shows = [["all", "All"], ["wrong", "Wrong"], ["flag", "Flagged"], ["none", "Not answered"]];
    const pick = k => qsEl.filter(q => k === "all" || (k === "flag" ? q.dataset.flag === "1" : q.dataset.result === k));
    $(".mla-filter fieldset", app).insertAdjacentHTML("beforeend", shows.map(([k, label], i) =>
      `<label><input type="radio" name="mla-show" value="${k}" data-mla-show${i ? "" : " checked"}> ${label} (${pick(k).length})</label>`).join(""));
    X.show = k => {
      const on = pick(k);
      qsEl.forEach(q => { q.hidden = !on.includes(q); });
      say($(".mla-shown", app), `Showing ${on.length} of ${n} questions.`);
    };
    X.show("all");
    if (focus) $("h2", app).focus();
    return { ok, n, r, s, p: s == null ? null : s >= pass, d: Object.values(d) };
  }
  function exAct(a, t) {
    const s = X.st, box = $(".mla-confirm", X.app);
    if (a === "go") go(+t.dataset.i, 1);
    else if (a === "prev" || a === "next") go(s.i + (a === "next" ? 1 : -1), 1);
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
    else if (a === "new") begin(Object.assign({}, X.c, { seed: seed() }), 1);
    else if (a === "quiz") {
      const ds = $$("input[name=mla-d]:checked", X.app).map(i => +i.value);
      if (!ds.length) return say($(".mla-status", X.app), "Choose at least one domain.");
      begin({ mode: "quiz", seed: seed(), domains: ds, count: +$("input[name=mla-n]:checked", X.app).value, timed: $("input[name=mla-t]", X.app).checked }, 1);
    }
  }
  addEventListener("storage", e => {
    if (X && X.own && !X.locked && !X.st.done && e.key === X.key && (get(X.key) || {}).tab !== TAB) lock();
  });

  /* ---------- exam mode (issue 14): while an exam runs, the site's navigation, search and answer keys are out of
     sight (mla.css), and leaving asks first: a link, the back button, closing or reloading the tab. */
  const MODE = "mla-exam-mode", ASK = "Leave the exam? Your answers are kept and the clock keeps running; come back to this page to go on.";
  const mode = on => document.documentElement.classList.toggle(MODE, on);
  const running = () => !!(X && X.st && !X.st.done && !X.locked && X.app.isConnected && $(".mla-exam", X.app));
  addEventListener("beforeunload", e => { if (running()) { e.preventDefault(); e.returnValue = ""; } });
  // Capture phase: before Material's instant navigation sees the click or the history step.
  document.addEventListener("click", e => {
    const a = running() && e.target.closest && e.target.closest("a[href]");
    if (!a || X.app.contains(a)) return;
    if (window.confirm(ASK)) return mode(false);
    e.preventDefault();
    e.stopImmediatePropagation();
  }, true);
  addEventListener("popstate", e => {
    if (!running() || location.href === X.url) return;
    if (window.confirm(ASK)) return mode(false);
    e.stopImmediatePropagation();
    history.pushState(history.state, "", X.url);
  }, true);

  function change(e) {
    if (X && X.show && e.target.matches("[data-mla-show]") && X.app.contains(e.target)) return X.show(e.target.value);
    const q = X && !X.locked && X.st && e.target.closest(".mla-exam .mla-q");
    if (q) {
      X.st.a[q.dataset.qid] = vals(q);
      grid();
      write();
    }
  }
  const act = (a, t, app) => (X && app === X.app ? (exAct(a, t), true) : false);
  return { exam, act, change, draw, split };
};
