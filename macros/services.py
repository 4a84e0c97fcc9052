"""The services reference: prose per in-scope service (questions/services.yaml), joined with the bank."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .bank import LOADER, Bank, BankError, Problem, _line_map
from .doclinks import doc_title
from .model import Text, check_references
from .sections import Section

SERVICES_FILE = "questions/services.yaml"


class ServiceEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: Text
    match: list[Text] = Field(min_length=1)
    summary: Text
    facts: list[Text] = Field(min_length=1)
    watch_for: Text | None = None
    references: list[Text] = Field(min_length=1)
    # Exact titles for some of the references (URL -> title); the others get one derived from the URL.
    reference_titles: dict[Text, Text] = Field(default_factory=dict)

    @field_validator("references")
    @classmethod
    def _references_are_docs(cls, refs: list[str]) -> list[str]:
        return check_references(refs)

    @model_validator(mode="after")
    def _titles_name_references(self) -> ServiceEntry:
        stray = [url for url in self.reference_titles if url not in self.references]
        if stray:
            raise ValueError(f"reference_titles names a URL that is not in references: {stray[0]}")
        return self

    def links(self) -> list[dict]:
        """Each reference with the title to show for it."""
        return [{"url": url, "title": markdown_text(self.reference_titles.get(url) or doc_title(url))}
                for url in self.references]


def markdown_text(text: str) -> str:
    """Text that Markdown shows as written inside a link's brackets."""
    return re.sub(r"([\\`*_\[\]])", r"\\\1", text)


def load_services(root: Path, bank: Bank) -> list[ServiceEntry]:
    """Read questions/services.yaml; every in-scope service once, in blueprint names; else BankError."""
    path = root / SERVICES_FILE
    text = path.read_text(encoding="utf-8")
    problems: list[Problem] = []
    raw = yaml.load(text, Loader=LOADER) or []
    lines = _line_map(yaml.compose(text, Loader=LOADER)) if raw else {}
    entries: list[ServiceEntry] = []
    for n, item in enumerate(raw):
        name = str(item.get("name", f"#{n + 1}")) if isinstance(item, dict) else f"#{n + 1}"
        try:
            entry = ServiceEntry.model_validate(item)
        except ValidationError as err:
            for e in err.errors():
                loc = tuple(e["loc"])
                line = lines.get((n, *loc[:1]), lines.get((n,), 1))
                field = ".".join(map(str, loc)) or "-"
                problems.append(Problem(SERVICES_FILE, line, name, field, e["msg"].removeprefix("Value error, ")))
            continue
        if entry.name not in bank.blueprint.service_names:
            problems.append(Problem(SERVICES_FILE, lines.get((n, "name"), 1), name, "name",
                                    "not an in-scope service of the blueprint (spell it as the blueprint does)"))
        entries.append(entry)
    names = [e.name for e in entries]
    for name in sorted({n for n in names if names.count(n) > 1}):
        problems.append(Problem(SERVICES_FILE, 1, name, "name", "listed more than once"))
    for missing in sorted(bank.blueprint.service_names - set(names)):
        problems.append(Problem(SERVICES_FILE, 1, missing, "name", "in-scope service with no entry"))
    if problems:
        raise BankError(problems)
    return entries


@cache
def _pattern(phrases: tuple[str, ...]) -> re.Pattern:
    return re.compile("(?<![\\w-])(?:" + "|".join(map(re.escape, phrases)) + ")(?![\\w-])")


def mentions(entry: ServiceEntry, text: str) -> bool:
    """Whether the text names the service by one of its `match` phrases, as a whole word."""
    # Most sections name few services: a plain substring test rules a service out far faster than the
    # regex, whose lookbehind runs at every position of the text (this was most of the build's macro time).
    if not any(phrase in text for phrase in entry.match):
        return False
    return _pattern(tuple(entry.match)).search(text) is not None


def service_rows(entries: list[ServiceEntry], bank: Bank, sections: list[Section], href) -> list[dict]:
    """By blueprint category: each service's prose, the sections that teach it, its questions and tasks."""
    by_name = {e.name: e for e in entries}
    questions = bank.all_questions()
    out = []
    for category, names in bank.blueprint.services.items():
        rows = []
        for name in names:
            entry = by_name[name]
            involved = [q for q in questions if name in q.services]
            taught = [s for s in sections if mentions(entry, s.title + "\n" + s.text)]
            tasks = sorted({q.task for q in involved} | {s.bullets[0].rsplit(".", 1)[0] for s in taught})
            rows.append({"entry": entry, "anchor": "svc-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-"),
                         "questions": len(involved), "tasks": tasks,
                         "sections": [{"title": s.title, "href": f"{href(s.page)}#{s.anchor}",
                                       "task": s.bullets[0].rsplit(".", 1)[0]} for s in taught]})
        out.append({"category": category, "rows": rows})
    return out
