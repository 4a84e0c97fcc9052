/* MLA-C01 study guide: the bank, Review and My progress (progress export, import and reset). mla.js loads this
   file on those pages and on the mock exam page (whose mla-exam.js uses the bank and the renderer) and hands it
   the helpers it shares with the rest of the practice code; chapter pages never load it. Plain ES2017. */
window.MLA_PRACTICE = function (H) {
  "use strict";
  const { $, $$, TYPES, KEY, WAIT, DAY, assets, url, esc, el, say, pct, day, load, save, clean, due, enhance, reportHref,
    tallies, HIST, put, hist, clk, forget, script } = H;

  /* ---------- the bank, for the progress and review pages */
  let bankP = null;
  // From file:// (the offline build) fetch() is refused, so the bank comes as a script instead.
  const bankScript = () => script("bank.js", () => {
    if (!window.MLA_BANK) throw new Error("bank.js");
    return window.MLA_BANK;
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
    forget();
    return "Progress reset.";
  }
  async function tool(app, act, t) {
    const msg = act === "export" ? exportData() : act === "reset" ? reset() : await importData(t);
    report(app);
    say($(".mla-status", app), msg);
  }


  return { bank, pages, all, prng, shuffle, mix, lead, render, table, review, sift, progress, tool };
};
