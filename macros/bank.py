"""Load the blueprint and every bank file, collect every problem in one pass."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from pydantic import ValidationError

from .blueprint import LOADER, Blueprint, load_blueprint
from .model import CaseStudy, Question
from .overlap import id_problems, near_duplicate_stems

WHOLE_RULE = re.compile(r"^(?P<field>[a-z_]+): (?P<message>.+)$", re.S)
DATA_FILES = {"blueprint.yaml", "services.yaml"}  # questions/ files that are not bank files
BANK_FILE = re.compile(r"^(?P<task>\d\.\d)-(?P<slug>[a-z0-9-]+)\.yaml$")


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    qid: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.qid}: {self.field}: {self.message}"


class BankError(Exception):
    """The bank does not load; str() lists every problem, one a line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(map(str, problems)))


@dataclass
class Bank:
    blueprint: Blueprint
    questions: list[Question] = field(default_factory=list)  # stand-alone questions, in file order
    case_studies: list[CaseStudy] = field(default_factory=list)
    source: dict[str, tuple[str, int]] = field(default_factory=dict)  # id -> (file, line), for messages

    def __post_init__(self) -> None:
        self.reindex()

    def reindex(self) -> None:
        self.by_id = {q.id: q for q in self.all_questions()}
        self.case_by_id = {c.id: c for c in self.case_studies}
        self.case_of = {q.id: c for c in self.case_studies for q in c.questions}

    def all_questions(self) -> list[Question]:
        """Stand-alone questions first, then each case study's, in order."""
        return self.questions + [q for c in self.case_studies for q in c.questions]

    def for_task(self, task_id: str) -> list[Question]:
        return [q for q in self.questions if q.task == task_id]

    def cases_for_domain(self, domain: int) -> list[CaseStudy]:
        return [c for c in self.case_studies if c.domain == domain]


def _line_map(node: yaml.Node, path: tuple = (), out: dict | None = None, dupes: list | None = None):
    """Map each path in the YAML tree to its 1-based line; note duplicate keys."""
    out = {} if out is None else out
    out[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key, value in node.value:
            name = key.value
            if name in seen and dupes is not None:
                dupes.append(((*path, name), key.start_mark.line + 1))
            seen.add(name)
            out[(*path, name)] = key.start_mark.line + 1
            _line_map(value, (*path, name), out, dupes)
            out[(*path, name)] = key.start_mark.line + 1
    elif isinstance(node, yaml.SequenceNode):
        for n, item in enumerate(node.value):
            _line_map(item, (*path, n), out, dupes)
    return out


def _pure_python_error(text: str) -> yaml.YAMLError:
    try:
        yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        return err
    return yaml.YAMLError("libyaml could not parse the file")


def _field_name(loc: tuple) -> str:
    parts = []
    for p in loc:
        if isinstance(p, int):
            parts.append(f"[{p}]")
        else:
            parts.append(("." if parts else "") + str(p))
    return "".join(parts) or "-"


def _line_for(lines: dict, base: tuple, loc: tuple) -> int:
    loc = tuple(loc)
    while loc and base + loc not in lines:
        loc = loc[:-1]
    return lines.get(base + loc, lines.get(base, 1))


class _Collector:
    def __init__(self, root: Path, blueprint: Blueprint, today: dt.date):
        self.root = root
        self.context = {"blueprint": blueprint, "today": today}
        self.problems: list[Problem] = []

    def rel(self, path: Path) -> str:
        try:
            return str(path.relative_to(self.root))
        except ValueError:
            return str(path)

    def add(self, path: Path, line: int, qid: str, fld: str, message: str) -> None:
        self.problems.append(Problem(self.rel(path), line, qid or "-", fld, message))

    def read(self, path: Path):
        """Parse one YAML file; return (data, line map) or (None, None) after noting the problem."""
        text = path.read_text(encoding="utf-8")
        loader = LOADER(text)
        try:
            # Parsed once: the node tree gives the line map, then the data is built from it (what yaml.load
            # does); the map is taken first, as building the data may rewrite merge keys in the tree.
            node = loader.get_single_node()
            if node is not None:
                dupes: list = []
                lines = _line_map(node, (), None, dupes)
                data = loader.construct_document(node)
        except yaml.YAMLError:
            err = _pure_python_error(text)  # its marks point at the offending line itself
            mark = getattr(err, "problem_mark", None)
            line = mark.line + 1 if mark else 1
            self.add(path, line, "-", "yaml", str(getattr(err, "problem", err)))
            return None, None
        finally:
            loader.dispose()
        if node is None:
            self.add(path, 1, "-", "yaml", "the file is empty")
            return None, None
        for dpath, line in dupes:
            qid = self._id_at(data, dpath)
            self.add(path, line, qid, _field_name(dpath[1:] if isinstance(dpath[0], int) else dpath),
                     "this key appears twice in the same mapping")
        return data, lines

    @staticmethod
    def _id_at(data, dpath) -> str:
        if dpath and isinstance(dpath[0], int) and isinstance(data, list) and isinstance(data[dpath[0]], dict):
            return str(data[dpath[0]].get("id", f"#{dpath[0] + 1}"))
        return str(data.get("id", "-")) if isinstance(data, dict) else "-"

    def question(self, path: Path, lines: dict, base: tuple, raw, label: str) -> Question | None:
        qid = str(raw.get("id")) if isinstance(raw, dict) and raw.get("id") else label
        if not isinstance(raw, dict):
            self.add(path, _line_for(lines, base, ()), qid, "-", "a question is a mapping of fields")
            return None
        try:
            return Question.model_validate(raw, context=self.context)
        except ValidationError as err:
            self._report(path, lines, base, qid, err)
            return None

    def _report(self, path: Path, lines: dict, base: tuple, qid: str, err: ValidationError) -> None:
        for e in err.errors():
            loc = tuple(e["loc"])
            msg = e["msg"].removeprefix("Value error, ")
            whole = WHOLE_RULE.match(msg) if not loc else None
            if whole:  # a rule over the whole question, reported on the field it concerns
                loc, msg = (whole["field"],), whole["message"]
            if e["type"] == "missing":
                msg = "this required field is missing"
            elif e["type"] == "extra_forbidden":
                msg = "unknown field (not in the question model)"
            line = _line_for(lines, base, loc if e["type"] != "missing" else loc[:-1])
            self.add(path, line, qid, _field_name(loc), msg)


def load_bank(root: Path, today: dt.date | None = None) -> Bank:
    """Load questions/ under the project root; raise BankError listing every problem."""
    qdir = root / "questions"
    try:
        blueprint = load_blueprint(qdir / "blueprint.yaml")
    except (OSError, KeyError, ValueError, TypeError, yaml.YAMLError) as err:
        raise BankError([Problem("questions/blueprint.yaml", 1, "-", "blueprint", str(err))]) from err
    col = _Collector(root, blueprint, today or dt.date.today())
    bank = Bank(blueprint)
    places: list[tuple[str, tuple[str, int]]] = []  # every id with its file and line

    for path in sorted(qdir.glob("*.yaml")):
        if path.name in DATA_FILES:
            continue
        match = BANK_FILE.match(path.name)
        if not match or match["task"] not in blueprint.tasks:
            col.add(path, 1, "-", "file", "a bank file is named <task>-<slug>.yaml after a task statement "
                    f"of the blueprint ({', '.join(blueprint.tasks)})")
            continue
        data, lines = col.read(path)
        if data is None:
            continue
        if not isinstance(data, list):
            col.add(path, 1, "-", "file", "a bank file is a YAML list of questions")
            continue
        for n, raw in enumerate(data):
            q = col.question(path, lines, (n,), raw, f"#{n + 1}")
            if q is None:
                continue
            if q.task != match["task"]:
                col.add(path, _line_for(lines, (n,), ("covers",)), q.id, "covers",
                        f"covers task {q.task} but the file is for task {match['task']}")
                continue
            bank.questions.append(q)
            places.append((q.id, (col.rel(path), _line_for(lines, (n,), ()))))

    for path in sorted((qdir / "case-studies").glob("*.yaml")):
        data, lines = col.read(path)
        if data is None:
            continue
        if not isinstance(data, dict):
            col.add(path, 1, "-", "file", "a case-study file is one mapping: id, title, scenario, questions")
            continue
        cid = str(data.get("id") or path.stem)
        raw_questions = data.get("questions") if isinstance(data.get("questions"), list) else []
        good = [col.question(path, lines, ("questions", n), raw, f"{cid}#{n + 1}")
                for n, raw in enumerate(raw_questions)]
        if None in good:
            continue
        try:
            case = CaseStudy.model_validate(data, context=col.context)
        except ValidationError as err:
            col._report(path, lines, (), cid, err)
            continue
        bank.case_studies.append(case)
        places.append((case.id, (col.rel(path), 1)))
        for n, q in enumerate(case.questions):
            places.append((q.id, (col.rel(path), _line_for(lines, ("questions", n), ()))))

    seen: dict[str, tuple[str, int]] = {}
    for qid, where in places:
        if qid in seen:
            first = seen[qid]
            col.problems.append(Problem(where[0], where[1], qid, "id", f"id already used at {first[0]}:{first[1]}"))
        seen.setdefault(qid, where)

    where_of = dict(reversed(places))  # first place of each id
    scenarios = {q.id: c.scenario for c in bank.case_studies for q in c.questions}
    for q, message in id_problems(bank.all_questions(), scenarios):
        col.problems.append(Problem(*where_of[q.id], q.id, "id", message))
    for a, b, score in near_duplicate_stems(bank.all_questions()):
        fa, fb = where_of[a.id], where_of[b.id]
        col.problems.append(Problem(fb[0], fb[1], b.id, "stem",
                                    f"near-duplicate of {a.id} at {fa[0]}:{fa[1]} ({score:.0%} of word pairs shared); "
                                    "ask about another bullet"))

    if col.problems:
        raise BankError(col.problems)
    bank.source = {qid: where for qid, where in places}
    bank.reindex()
    return bank
