"""The benchmark (`make bench`): build time and the macros' share, scale, page weight, PDF, Lighthouse.

Prints one report and writes it to bench/results.md with a description of the machine. It reports; it
never fails on a missed target (only on a step that cannot run at all).
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import http.server
import io
import itertools
import json
import logging
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

RESULTS = ROOT / "bench" / "results.md"
SCALES = (1000, 2000, 5000)
RUNS = 3  # builds of the real site; the median is reported
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
LIGHTHOUSE = os.environ.get("LIGHTHOUSE", str(ROOT / ".cache/lighthouse/node_modules/lighthouse/cli/index.js"))
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --no-first-run")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGETS = {"macro_share": 0.2, "project_gz": 12 * 1024, "performance": 95, "mobile": 90, "others": 100}


# ---------------------------------------------------------------- building, timed


class MacroClock:
    """CPU time spent in the mkdocs-macros plugin's hooks (our define_env, every page's macros, bank.json)."""

    def __init__(self):
        self.seconds = 0.0
        self._saved: dict[str, object] = {}

    def __enter__(self):
        from mkdocs_macros.plugin import MacrosPlugin

        for name, hook in vars(MacrosPlugin).items():
            if name.startswith("on_") and callable(hook):
                self._saved[name] = hook
                setattr(MacrosPlugin, name, self._timed(hook))
        return self

    def _timed(self, hook):
        @functools.wraps(hook)
        def timed(*args, **kwargs):
            start = time.process_time()
            try:
                return hook(*args, **kwargs)
            finally:
                self.seconds += time.process_time() - start
        return timed

    def __exit__(self, *exc):
        from mkdocs_macros.plugin import MacrosPlugin

        for name, hook in self._saved.items():
            setattr(MacrosPlugin, name, hook)


def build(project: Path, site_dir: Path) -> tuple[float, float, float]:
    """Build a project in-process (strict, as `make build` does): wall seconds, CPU seconds, CPU in the macros.

    CPU time is what the figures compare: the machine may be busy with other work, which wall time counts.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    cwd = Path.cwd()
    os.chdir(project)
    try:
        with MacroClock() as clock:
            start, cpu = time.perf_counter(), time.process_time()
            mkdocs_build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site_dir)))
            wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    finally:
        os.chdir(cwd)
    return wall, cpu, clock.seconds


def copy_project(dest: Path) -> Path:
    for name in ("docs", "macros", "questions", "overrides"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest


def variant(stem: str, qid: str, n: int) -> str:
    """The stem with a number on each of its words that its id does not use: as long to render, but not a
    near-duplicate for validate to refuse (and no id word lost, which validate would take for a giveaway)."""
    keep = set(re.findall(r"[a-z0-9]+", qid))
    return re.sub(r"[A-Za-z]{4,}", lambda m: m.group(0) if m.group(0).lower() in keep else f"{m.group(0)}{n}", stem)


def grow_bank(project: Path, total: int) -> int:
    """Clone the bank's questions (new ids, same file) until it holds `total` questions; returns the count."""
    from macros.bank import BANK_FILE

    files = sorted(p for p in (project / "questions").glob("*.yaml") if BANK_FILE.match(p.name))
    banks = {p: yaml.safe_load(p.read_text(encoding="utf-8")) or [] for p in files}
    cases = sum(len(yaml.safe_load(p.read_text(encoding="utf-8")).get("questions", []))
                for p in (project / "questions" / "case-studies").glob("*.yaml"))
    originals = [(p, q) for p, qs in banks.items() for q in qs]
    count, n = len(originals) + cases, 0
    while count < total:
        path, q = originals[n % len(originals)]
        banks[path].append({**q, "id": f"{q['id'][:48]}-syn{n}", "stem": variant(q["stem"], q["id"], n)})
        count, n = count + 1, n + 1
    for path, qs in banks.items():
        path.write_text(yaml.safe_dump(qs, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")
    return count


# ---------------------------------------------------------------- page weight


def gz(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def page_weight(site: Path, page: str, project_assets: set[str]) -> dict[str, tuple[int, int]]:
    """HTML, the project's CSS + JS, the theme's CSS + JS and the total a page loads: (raw, gzipped) bytes."""
    html_path = site / page
    html = html_path.read_bytes()
    soup = BeautifulSoup(html, "html.parser")
    refs = [el.get("href") for el in soup.select('link[rel~="stylesheet"][href]')]
    refs += [el.get("src") for el in soup.select("script[src]")]
    project, theme = [0, 0], [0, 0]
    for ref in refs:
        if re.match(r"^[a-z]+:|^//", ref):
            continue
        target = (html_path.parent / ref.split("?")[0].split("#")[0]).resolve()
        data = target.read_bytes()
        bucket = project if target.relative_to(site.resolve()).as_posix() in project_assets else theme
        bucket[0] += len(data)
        bucket[1] += gz(data)
    return {"HTML": (len(html), gz(html)), "project CSS + JS": tuple(project), "theme CSS + JS": tuple(theme),
            "total": (len(html) + project[0] + theme[0], gz(html) + project[1] + theme[1])}


def kb(n: int) -> str:
    return f"{n / 1024:,.1f} KB"


# ---------------------------------------------------------------- PDF


def pdf_figures() -> dict[str, str] | None:
    """`make pdf` timed, with the page count and size of the PDF it writes; None without a pdf target."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    if not re.search(r"^pdf:", makefile, re.M):
        return None
    start_wall, start = time.time(), time.perf_counter()
    run = subprocess.run(["make", "-s", "pdf"], cwd=ROOT, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if run.returncode != 0:
        return {"status": f"`make pdf` failed ({run.returncode}): {(run.stderr or run.stdout).strip()[-300:]}"}
    pdfs = [p for p in (ROOT / "site").rglob("*.pdf") if p.stat().st_mtime >= start_wall - 1]
    if not pdfs:
        return {"status": "`make pdf` wrote no PDF under site/"}
    pdf = max(pdfs, key=lambda p: p.stat().st_mtime)
    from pypdf import PdfReader

    return {"file": pdf.relative_to(ROOT).as_posix(), "time": f"{seconds:.1f} s",
            "pages": str(len(PdfReader(pdf).pages)), "size": kb(pdf.stat().st_size)}


# ---------------------------------------------------------------- Lighthouse


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files, text types gzipped, as a real host (GitHub Pages) serves them."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the trailing slash
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        compressible = ctype.startswith("text/") or ctype in ("application/javascript", "application/json",
                                                              "image/svg+xml")
        if not path.is_file() or not compressible or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(GzipHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd, f"http://127.0.0.1:{httpd.server_address[1]}/"


def lighthouse(url: str, out: Path, preset: str) -> dict | str:
    """One Lighthouse run: the four category scores, total blocking time, main-thread work, DOM size."""
    cmd = ["node", LIGHTHOUSE, url, "--output=json", f"--output-path={out}", "--quiet",
           f"--chrome-flags={CHROME_FLAGS}", f"--only-categories={','.join(CATEGORIES)}"]
    if preset == "desktop":
        cmd.insert(3, "--preset=desktop")  # without it Lighthouse runs its mobile preset (slow 4G, 4x CPU slowdown)
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    run = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False, timeout=300)
    if run.returncode != 0 or not out.exists():
        return f"failed: {(run.stderr or run.stdout).strip()[-200:]}"
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    scores = {c: round((report["categories"][c]["score"] or 0) * 100) for c in CATEGORIES}
    scores["tbt"] = audits["total-blocking-time"]["numericValue"]
    scores["main"] = audits["mainthread-work-breakdown"]["numericValue"]
    scores["dom"] = int(audits["dom-size"]["numericValue"])
    requests = (audits.get("network-requests", {}).get("details") or {}).get("items", [])
    scores["mermaid"] = any("/assets/vendor/mermaid" in str(r.get("url", "")) for r in requests)
    scores["failing"] = [a["title"] for a in audits.values()
                         if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"]
    return scores


# ---------------------------------------------------------------- the machine


def command_version(*cmd: str) -> str:
    try:
        return subprocess.run(cmd, capture_output=True, text=True, check=False).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "not found"


def machine() -> list[tuple[str, str]]:
    from importlib.metadata import version

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    mem = next((int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    release = Path("/etc/os-release")
    lines = release.read_text().splitlines() if release.exists() else []
    os_name = next((line.split("=", 1)[1].strip('"') for line in lines if line.startswith("PRETTY_NAME=")),
                   platform.system())
    return [("CPU", f"{cpu}, {os.cpu_count()} cores"), ("Memory", f"{mem / 1024 / 1024:.0f} GiB"),
            ("OS", f"{os_name} ({platform.machine()})"), ("Python", platform.python_version()),
            ("MkDocs / Material / macros", f"{version('mkdocs')} / {version('mkdocs-material')} / "
                                           f"{version('mkdocs-macros-plugin')}"),
            ("Node", command_version("node", "--version")), ("Chromium", command_version(CHROMIUM, "--version")),
            ("Load average at start", " / ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1, 5, 15 min)")]


# ---------------------------------------------------------------- the report


def table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" if n == 0 else "---:" for n in
                                                              range(len(header))) + "|"]
    return lines + ["| " + " | ".join(row) + " |" for row in rows]


def yes(ok: bool) -> str:
    return "met" if ok else "**missed**"


def main() -> int:
    from mkdocs.config import load_config

    from macros.bank import load_bank

    out: list[str] = [f"# Benchmark results ({dt.date.today().isoformat()})", "",
                      "Written by `make bench` (bench/run.py); numbers from one run on the machine below.", "",
                      *table(["Machine", ""], [[k, v] for k, v in machine()]), ""]

    def say(*lines: str) -> None:
        out.extend(lines)
        print(*lines, sep="\n", flush=True)

    print(*out, sep="\n", flush=True)
    bank = load_bank(ROOT)
    base = len(bank.all_questions())
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    project_assets = {*config["extra_css"], *(str(s) for s in config["extra_javascript"])}

    with tempfile.TemporaryDirectory(prefix="mla-bench-") as tmp:
        tmp = Path(tmp)
        site = tmp / "site"
        build(ROOT, tmp / "warm-up")  # imports and caches, not counted
        runs = [build(ROOT, site) for _ in range(RUNS)]
        wall, cpu, macros = (statistics.median(r[n] for r in runs) for n in range(3))
        share = macros / cpu
        say("## Build", "", f"Median of {RUNS} in-process builds, after a warm-up build. Shares and the scale "
            "figures below use CPU time, which other work on the machine does not inflate.", "",
            *table(["Real site", "value"], [
                ["questions", str(base)],
                ["pages", str(len(list(site.rglob("*.html"))))],
                ["full build, wall time", f"{wall:.2f} s"],
                ["full build, CPU time", f"{cpu:.2f} s"],
                ["in the macros (plugin hooks), CPU time", f"{macros:.2f} s"],
                ["share of the build in the macros", f"{share:.0%} (target under 20 %: {yes(share < 0.2)})"],
            ]), "")

        rows, points = [], []
        for n in SCALES:
            project = copy_project(tmp / f"scale-{n}")
            count = grow_bank(project, n)
            wall, seconds, in_macros = build(project, tmp / f"site-{n}")
            points.append((count, seconds))
            rows.append([f"{count:,}", f"{wall:.1f} s", f"{seconds:.1f} s", f"{in_macros / seconds:.0%}",
                         f"{seconds / count * 1000:.1f} ms"])
            shutil.rmtree(project)
            shutil.rmtree(tmp / f"site-{n}")
        marginal = [(t2 - t1) / (n2 - n1) * 1000 for (n1, t1), (n2, t2) in itertools.pairwise(points)]
        for row, m in zip(rows, ["", *marginal], strict=True):
            row.append(f"{m:.1f} ms" if m else "")
        linear = marginal[-1] <= 1.5 * marginal[0]
        say("## Scale", "", "The bank grown by cloning its questions (new ids) in a temporary copy.", "",
            *table(["questions", "build (wall)", "build (CPU)", "in macros", "CPU per question",
                    "CPU per added question"], rows), "",
            f"Growth: the cost of an added question goes from {marginal[0]:.1f} ms to {marginal[-1]:.1f} ms "
            f"({marginal[-1] / marginal[0]:.2f}x); linear (within 1.5x): {yes(linear)}.", "")

        task_page = bank.blueprint.task_path("1.1").removesuffix(".md") + "/index.html"
        weights = {"home page": page_weight(site, "index.html", project_assets),
                   "task page 1.1": page_weight(site, task_page, project_assets)}
        rows = [[what, *(f"{kb(w[what][0])} / {kb(w[what][1])}" for w in weights.values())]
                for what in next(iter(weights.values()))]
        files = {"search index": site / "search" / "search_index.json", "bank JSON": site / "assets" / "bank.json"}
        extra = [[name, f"{kb(p.stat().st_size)} / {kb(gz(p.read_bytes()))}"] for name, p in files.items()]
        project_gz = weights["task page 1.1"]["project CSS + JS"][1]
        say("## Page weight", "", "Raw / gzipped (level 9). Diagrams are drawn at build time (make diagrams); "
            "Mermaid is fetched only for one that has no drawing yet.", "",
            *table(["", *weights], rows), "", *table(["file", "raw / gzipped"], extra), "",
            f"Project CSS + JS on a chapter page: {kb(project_gz)} gzipped "
            f"(target under 12 KB: {yes(project_gz < TARGETS['project_gz'])}).", "")

        pdf = pdf_figures()
        if pdf is None:
            say("## PDF", "", "not available", "")
        elif "status" in pdf:
            say("## PDF", "", pdf["status"], "")
        else:
            say("## PDF", "", *table(["`make pdf`", "value"], [["file", pdf["file"]], ["time", pdf["time"]],
                                                               ["pages", pdf["pages"]], ["size", pdf["size"]]]), "")

        if not Path(LIGHTHOUSE).exists():
            say("## Lighthouse", "", f"not available: {LIGHTHOUSE} is missing (`make bench` installs it)", "")
        else:
            say("## Lighthouse", "", *lighthouse_report(site, bank, tmp), "")

    say(f"Load average at the end: {' / '.join(f'{x:.2f}' for x in os.getloadavg())} (1, 5, 15 min); wall "
        "times and Lighthouse performance vary with it.")
    RESULTS.write_text("\n".join(out).rstrip() + "\n", encoding="utf-8")
    print(f"Written to {RESULTS.relative_to(ROOT)}")
    return 0


LH_RUNS = 2  # per page and preset; Lighthouse's performance score moves with the machine's load
PRESETS = ("mobile", "desktop")


def heaviest_chapter(site: Path, bank) -> str:
    """The task statement page with the most elements: the URL path of the chapter that costs most to load."""
    sizes = {}
    for task in bank.blueprint.tasks:
        path = bank.blueprint.task_path(task).removesuffix(".md") + "/"
        html = site / path / "index.html"
        if html.exists():
            sizes[path] = len(BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser").find_all(True))
    return max(sizes, key=sizes.get)


def plain_site(tmp: Path, chapter: str) -> Path:
    """The chapter's prose built as a plain Material page: the guide's theme, features, Markdown extensions and
    navigation, but no macros (no questions or bullet blocks), glossary marks, service tags or project JS/CSS.

    Diagrams are left out too: without the guide's script, Material would fetch Mermaid from a CDN.
    """
    project = copy_project(tmp / "plain-project")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?ms)^plugins:\n.*?(?=^\S)", "plugins:\n  - search\n\n", config)
    config = re.sub(r"(?ms)^extra_(?:css|javascript):\n(?:^[ -].*\n)*", "", config)
    config = re.sub(r"(?m)^strict: true", "strict: false", config)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    page = project / "docs" / (chapter.rstrip("/") + ".md")
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"(?s)\A---\n.*?\n---\n", "", text)
    text = re.sub(r"(?ms)^```mermaid\n.*?^```\n", "", text)
    text = "\n".join(line for line in text.splitlines() if "{{" not in line and "{%" not in line)
    page.write_text(text + "\n", encoding="utf-8")
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    cwd, log = Path.cwd(), logging.getLogger("mkdocs")
    level = log.level
    os.chdir(project)
    log.setLevel(logging.ERROR)  # the pages it does not measure lose their macros and warn about it
    try:
        mkdocs_build(load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(tmp / "plain-site")))
    finally:
        os.chdir(cwd)
        log.setLevel(level)
    return tmp / "plain-site"


def lighthouse_report(site: Path, bank, tmp: Path) -> list[str]:
    """Both presets, LH_RUNS runs each: the home page, the heaviest chapter, the mock exam, and the heaviest
    chapter's prose as a plain Material page (what the guide's own additions cost)."""
    chapter = heaviest_chapter(site, bank)
    pages = {"home page": (site, ""), f"heaviest chapter ({chapter.split('/')[1][:3]})": (site, chapter)}
    mock = sorted((ROOT / "docs").rglob("*mock*.md"))
    if mock:
        rel = mock[0].relative_to(ROOT / "docs").as_posix().removesuffix(".md")
        pages["mock exam"] = (site, rel.removesuffix("index") if rel.endswith("index") else rel + "/")
    pages["plain Material, same chapter"] = (plain_site(tmp, chapter), chapter)
    results: dict[tuple[str, str], list] = {}
    servers = {}
    try:
        for name, (root, path) in pages.items():
            if root not in servers:
                servers[root] = serve(root)
            url = servers[root][1] + path
            for preset in PRESETS:
                results[name, preset] = [lighthouse(url, tmp / f"lh-{len(results)}-{n}.json", preset)
                                         for n in range(LH_RUNS)]
    finally:
        for httpd, _ in servers.values():
            httpd.shutdown()
    rows, notes, good = [], [], True
    for (name, preset), runs in results.items():
        done = [r for r in runs if not isinstance(r, str)]
        if not done:
            rows.append([name, preset, runs[0], "", "", "", "", "", ""])
            good = False
            continue
        perf = " / ".join(str(r["performance"]) for r in done)
        rows.append([name, preset, perf, " / ".join(f"{r['tbt'] / 1000:.2f} s" for r in done),
                     " / ".join(f"{r['main'] / 1000:.1f} s" for r in done), f"{done[0]['dom']:,}",
                     *(str(min(r[c] for r in done)) for c in CATEGORIES[1:])])
        failing = sorted({t for r in done for t in r["failing"]})
        if failing:
            notes.append(f"- {name}, {preset}: failing audits: {'; '.join(t.rstrip('.') for t in failing)}.")
        if name.startswith("plain"):
            continue  # the comparison, not a page of the guide
        floor = TARGETS["mobile"] if preset == "mobile" else TARGETS["performance"]
        good &= min(r["performance"] for r in done) >= floor and all(r[c] >= TARGETS["others"] for r in done
                                                                       for c in CATEGORIES[1:])
    return [f"Lighthouse {lighthouse_version()}, Debian's Chromium, the site served gzipped from 127.0.0.1, "
            f"{LH_RUNS} runs per page and preset. Mobile is Lighthouse's default (a phone's screen, slow 4G, "
            "4x CPU slowdown, simulated); desktop is `--preset=desktop`. Total blocking time and main-thread work "
            "per run; DOM elements and the other categories from the runs (lowest score shown)."
            + ("" if mock else " No mock exam page yet."), "",
            *table(["page", "preset", "performance", "total blocking time", "main-thread work", "DOM elements",
                    *CATEGORIES[1:]], rows), "", *([*notes, ""] if notes else []),
            f"Targets (performance {TARGETS['mobile']} or more on mobile and {TARGETS['performance']} or more on "
            f"desktop for the pages above; accessibility, best practices and SEO 100): {yes(good)}.", "",
            *chapters_report(site, bank, tmp)]


def chapters_report(site: Path, bank, tmp: Path) -> list[str]:
    """Every task statement's page, mobile preset, one run each: the goal is 90 on every chapter, and the
    heaviest by elements is not always the slowest."""
    httpd, base = serve(site)
    rows, low = [], []
    try:
        for task in bank.blueprint.tasks:
            path = bank.blueprint.task_path(task).removesuffix(".md") + "/"
            r = lighthouse(base + path, tmp / f"lh-chapter-{task}.json", "mobile")
            if isinstance(r, str):
                rows.append([task, r, "", "", "", "", ""])
                low.append(task)
                continue
            rows.append([task, str(r["performance"]), f"{r['tbt'] / 1000:.2f} s", f"{r['main'] / 1000:.1f} s",
                         f"{r['dom']:,}", "yes" if r["mermaid"] else "no",
                         " / ".join(str(r[c]) for c in CATEGORIES[1:])])
            if r["performance"] < TARGETS["mobile"] or any(r[c] < TARGETS["others"] for c in CATEGORIES[1:]):
                low.append(task)
    finally:
        httpd.shutdown()
    return ["### Every chapter, mobile", "", "One run per task statement's page. \"Mermaid\" says whether the "
            "page fetched and ran Mermaid during the run: only a diagram with no drawing yet (`make diagrams`) "
            "does, once it lies within 800 px of the first screen.", "",
            *table(["chapter", "performance", "total blocking time", "main-thread work", "DOM elements",
                    "Mermaid", "accessibility / best practices / SEO"], rows), "",
            f"Every chapter at {TARGETS['mobile']} or more on mobile, the other categories 100: {yes(not low)}"
            + (f" (below: {', '.join(low)})." if low else ".")]


def lighthouse_version() -> str:
    package = Path(LIGHTHOUSE).parent.parent / "package.json"
    return json.loads(package.read_text(encoding="utf-8"))["version"] if package.exists() else "?"


if __name__ == "__main__":
    sys.exit(main())
