"""Command line: `python -m macros validate | stats [--json] | schema | pdf | anki | diagrams`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .bank import BankError, load_bank
from .schema import schema_text
from .services import load_services
from .stats import format_stats, stats

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m macros", description=__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="project root (default: this checkout)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("validate", help="check the blueprint and the bank; print every problem")
    st = sub.add_parser("stats", help="counts by domain, task, type, difficulty and bullet")
    st.add_argument("--json", action="store_true", help="print JSON")
    sc = sub.add_parser("schema", help="write questions/schema.json from the model")
    sc.add_argument("--check", action="store_true", help="exit 1 if the file is stale instead of writing")
    pdf = sub.add_parser("pdf", help="render the built site's print page to site/pdf/ with Chromium")
    pdf.add_argument("--site", type=Path, default=None, help="the built site (default: ROOT/site)")
    anki = sub.add_parser("anki", help="write the Anki deck to site/anki/mla-c01.apkg")
    anki.add_argument("--site", type=Path, default=None, help="the built site (default: ROOT/site)")
    dg = sub.add_parser("diagrams", help="draw every Mermaid diagram with Chromium into docs/includes/diagrams/")
    dg.add_argument("--chromium", default=None, help="the browser (default: $CHROMIUM or /usr/bin/chromium)")
    args = parser.parse_args(argv)

    if args.command == "diagrams":
        import os

        from .diagrams import draw_all

        written, total = draw_all(args.root, args.chromium or os.environ.get("CHROMIUM", "/usr/bin/chromium"))
        print(f"{total} diagrams drawn; {len(written)} drawing(s) new or changed")
        for path in written:
            print(f"  {path.relative_to(args.root)}")
        return 0

    if args.command == "schema":
        target = args.root / "questions" / "schema.json"
        text = schema_text()
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                print(f"{target}: stale; run `python -m macros schema`", file=sys.stderr)
                return 1
            return 0
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}")
        return 0

    if args.command == "pdf":
        from .pdf import render_pdf

        path = render_pdf(args.site or args.root / "site")
        print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")
        return 0

    if args.command == "anki":
        from mkdocs.config import load_config

        from .anki import write_deck

        site_url = load_config(config_file=str(args.root / "mkdocs.yml"))["site_url"]
        path = write_deck(args.root, args.site or args.root / "site", site_url)
        print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")
        return 0

    try:
        bank = load_bank(args.root)
        services = load_services(args.root, bank)
    except BankError as err:
        print(err, file=sys.stderr)
        print(f"{len(err.problems)} problem(s) in the bank", file=sys.stderr)
        return 1
    if args.command == "validate":
        n = len(bank.all_questions())
        print(f"ok: {n} questions, {len(bank.case_studies)} case studies, blueprint with "
              f"{len(bank.blueprint.bullets)} bullets, {len(services)} service entries")
        return 0
    s = stats(bank)
    print(json.dumps(s, indent=2) if args.json else format_stats(s))
    return 0


if __name__ == "__main__":
    sys.exit(main())
