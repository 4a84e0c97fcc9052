"""Every rule of the bank model: a fixture that breaks it, and the error that names it."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from macros.bank import BankError, load_bank
from macros.model import Question
from macros.overlap import id_answer_words
from macros.stats import stats

from .conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures"
BROKEN = sorted(p for p in (FIXTURES / "broken").iterdir() if p.is_dir())
TODAY = dt.date(2026, 11, 28)


def make_project(tmp_path: Path, files: dict[str, str] | Path) -> Path:
    """A project root holding the real blueprint, the services file and the given bank files."""
    (tmp_path / "questions" / "case-studies").mkdir(parents=True)
    for name in ("blueprint.yaml", "services.yaml"):
        shutil.copy(ROOT / "questions" / name, tmp_path / "questions" / name)
    if isinstance(files, Path):
        for src in files.rglob("*.yaml"):
            dest = tmp_path / src.relative_to(files)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dest)
    else:
        for rel, text in files.items():
            (tmp_path / rel).write_text(text, encoding="utf-8")
    return tmp_path


def test_valid_fixture_loads(tmp_path):
    root = make_project(tmp_path, {"questions/1.1-fixture.yaml": (FIXTURES / "valid-bank.yaml").read_text()})
    bank = load_bank(root, today=TODAY)
    assert [q.type for q in bank.questions] == ["single", "multiple", "ordering", "matching"]


@pytest.mark.parametrize("case", BROKEN, ids=[p.name for p in BROKEN])
def test_broken_fixture_names_file_line_id_and_field(tmp_path, case):
    prefix, message = (case / "expect").read_text().splitlines()[:2]
    root = make_project(tmp_path, case)
    with pytest.raises(BankError) as err:
        load_bank(root, today=TODAY)
    problems = [str(p) for p in err.value.problems]
    assert len(problems) == 1, problems
    assert problems[0].startswith(prefix + " "), problems
    assert message in problems[0], problems


def test_every_problem_is_reported_in_one_pass(tmp_path):
    files = {}
    for name in ("unknown-service", "verified-in-future"):
        files.update({f"questions/1.{len(files) + 1}-fixture.yaml":
                      next((BROKEN_BY_NAME[name] / "questions").glob("*.yaml")).read_text()
                      .replace("broken-example", f"broken-{name}").replace("1.1.k1", f"1.{len(files) + 1}.k1")})
    root = make_project(tmp_path, files)
    with pytest.raises(BankError) as err:
        load_bank(root, today=TODAY)
    fields = sorted(p.field for p in err.value.problems)
    assert fields == ["services", "verified"]


BROKEN_BY_NAME = {p.name: p for p in BROKEN}


def test_model_forbids_extra_fields_without_a_blueprint():
    data = {"id": "x-y-z", "type": "single", "covers": ["1.1.k1"], "difficulty": 1, "services": ["Amazon S3"],
            "stem": "s", "explanation": "e", "references": ["https://docs.aws.amazon.com/a.html"],
            "verified": "2026-01-01", "colour": "blue",
            "options": [{"text": t, "why": "w", "correct": t == "a"} for t in "abcd"]}
    with pytest.raises(ValueError, match="colour"):
        Question.model_validate(data)
    del data["colour"]
    assert Question.model_validate(data).select_count == 1


def run_cli(*args: str, root: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "macros", "--root", str(root), *args],
                          cwd=ROOT, capture_output=True, text=True, check=False)


def test_cli_validate_exits_1_and_prints_every_problem(tmp_path):
    root = make_project(tmp_path, BROKEN_BY_NAME["unknown-service"])
    result = run_cli("validate", root=root)
    assert result.returncode == 1
    assert "questions/1.1-fixture.yaml:6: broken-example: services: not an in-scope service" in result.stderr


def test_cli_validate_passes_on_the_real_bank():
    result = run_cli("validate")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok: ")


def test_cli_stats_json_lists_uncovered_bullets(tmp_path):
    import json

    root = make_project(tmp_path, {"questions/1.1-fixture.yaml": (FIXTURES / "valid-bank.yaml").read_text()})
    data = json.loads(run_cli("stats", "--json", root=root).stdout)
    assert data["questions"] == 4
    assert data["by_type"] == {"matching": 1, "multiple": 1, "ordering": 1, "single": 1}
    assert data["by_bullet"]["1.1.k1"] == 1 and data["by_bullet"]["1.1.k2"] == 1
    assert "1.1.s1" in data["uncovered"] and "1.1.k1" not in data["uncovered"]


def test_schema_json_is_current():
    result = run_cli("schema", "--check")
    assert result.returncode == 0, result.stderr


def test_schema_check_fails_when_stale(tmp_path):
    (tmp_path / "questions").mkdir()
    (tmp_path / "questions" / "schema.json").write_text("{}\n")
    assert run_cli("schema", "--check", root=tmp_path).returncode == 1


def test_bank_files_start_with_the_schema_comment():
    files = sorted((ROOT / "questions").glob("[0-9]*.yaml")) + sorted((ROOT / "questions/case-studies").glob("*.yaml"))
    assert files, "the bank has no files"
    for path in files:
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# yaml-language-server: $schema="), path


def test_services_file_must_cover_every_in_scope_service(tmp_path):
    root = make_project(tmp_path, {"questions/1.1-fixture.yaml": (FIXTURES / "valid-bank.yaml").read_text()})
    services = root / "questions" / "services.yaml"
    text = services.read_text()
    start = text.index("- name: Amazon Athena")
    end = text.index("- name:", start + 1)
    services.write_text(text[:start] + text[end:])
    result = run_cli("validate", root=root)
    assert result.returncode == 1
    assert "questions/services.yaml:1: Amazon Athena: name: in-scope service with no entry" in result.stderr


def test_stats_group_questions_whose_keys_say_the_same_thing(tmp_path):
    valid = (FIXTURES / "valid-bank.yaml").read_text()
    bank = load_bank(make_project(tmp_path, {"questions/1.1-fixture.yaml": valid}), today=TODAY)
    assert stats(bank)["similar_keys"] == []
    single = bank.questions[0]
    again = single.model_copy(update={"id": "fixture-single-again", "stem": "Which layout suits analytics?"})
    bank.questions.append(again)
    assert stats(bank)["similar_keys"] == [["fixture-single", "fixture-single-again"]]


def test_id_check_notices_an_id_that_names_the_key(tmp_path):
    valid = (FIXTURES / "valid-bank.yaml").read_text()
    single = load_bank(make_project(tmp_path, {"questions/1.1-fixture.yaml": valid}), today=TODAY).questions[0]
    assert id_answer_words(single) == []
    assert id_answer_words(single.model_copy(update={"id": "analytics-format-parquet"})) == ["parquet"]
    # a word the stem also says gives nothing away
    assert id_answer_words(single.model_copy(update={"id": "analytics-format-column"})) == []
