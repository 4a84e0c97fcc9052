"""The one model of a question and of a case study, with every rule of the bank.

Rules that need the blueprint or today's date read them from the validation
context: ``Question.model_validate(data, context={"blueprint": bp, "today": d})``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal
from urllib.parse import urlparse

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator, model_validator

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", min_length=3, max_length=64)]

# At least one reference must be on an AWS documentation host; the others may be on this list.
AWS_DOC_HOSTS = ("docs.aws.amazon.com", "aws.amazon.com")
OTHER_REFERENCE_HOSTS = ("sagemaker.readthedocs.io", "boto3.amazonaws.com", "awscli.amazonaws.com",
                         "github.com", "arxiv.org", "scikit-learn.org")

OPTION_COUNTS = {"single": (4, 6), "multiple": (5, 7)}
STEP_COUNT = (3, 5)
PAIR_COUNT = (3, 7)
ANSWER_FIELDS = {"single": "options", "multiple": "options", "ordering": "steps", "matching": "pairs"}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Option(Strict):
    text: Text
    why: Text
    correct: bool = False


class Step(Strict):
    text: Text
    why: Text


class Pair(Strict):
    prompt: Text
    response: Text
    why: Text


class ExtraResponse(Strict):
    text: Text
    why: Text


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


class FieldError(ValueError):
    """A rule of the whole question, reported on the field it concerns (`FIELD: message`)."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")


def _no_two_alike(texts: list[str], what: str, field: str | None = None) -> None:
    seen: dict[str, int] = {}
    for n, text in enumerate(texts):
        key = _norm(text)
        if key in seen:
            message = f"{what} {seen[key] + 1} and {n + 1} say the same thing"
            raise FieldError(field, message) if field else ValueError(message)
        seen[key] = n


def _check_options(qtype: str, options: list[Option]) -> None:
    low, high = OPTION_COUNTS[qtype]
    n, correct = len(options), sum(o.correct for o in options)
    if not low <= n <= high:
        raise ValueError(f"a {qtype} question has {low}-{high} options, this one has {n}")
    if qtype == "single" and correct != 1:
        raise ValueError(f"a single question has exactly one correct option, this one has {correct}")
    if qtype == "multiple" and not 2 <= correct <= n - 1:
        raise ValueError(f"a multiple question has two or more correct options and at least one wrong, "
                         f"this one has {correct} of {n}")
    _no_two_alike([o.text for o in options], "options")


def _check_steps(qtype: str, steps: list[Step]) -> None:
    if not STEP_COUNT[0] <= len(steps) <= STEP_COUNT[1]:
        raise ValueError(f"an ordering question has {STEP_COUNT[0]}-{STEP_COUNT[1]} steps, this one has {len(steps)}")
    _no_two_alike([s.text for s in steps], "steps")


def _check_pairs(qtype: str, pairs: list[Pair]) -> None:
    if not PAIR_COUNT[0] <= len(pairs) <= PAIR_COUNT[1]:
        raise ValueError(f"a matching question has {PAIR_COUNT[0]}-{PAIR_COUNT[1]} pairs, this one has {len(pairs)}")
    _no_two_alike([p.prompt for p in pairs], "prompts")
    _no_two_alike([p.response for p in pairs], "responses")


CHECKS = {"options": _check_options, "steps": _check_steps, "pairs": _check_pairs}


def check_references(refs: list[str]) -> list[str]:
    """https only, on an AWS documentation host or the allow-list, at least one on an AWS host."""
    for ref in refs:
        url = urlparse(ref)
        if url.scheme != "https" or not url.netloc:
            raise ValueError(f"not an https URL: {ref}")
        if url.netloc not in AWS_DOC_HOSTS + OTHER_REFERENCE_HOSTS:
            raise ValueError(f"host {url.netloc} is not an AWS documentation host or on the allow-list")
    if not any(urlparse(r).netloc in AWS_DOC_HOSTS for r in refs):
        raise ValueError("needs at least one page on docs.aws.amazon.com or aws.amazon.com")
    return refs


# "(Select TWO.)", "Choose three": the count a page derives from the answer, typed by hand.
TYPED_COUNT = re.compile(r"\((select|choose)\s+(two|three|four|five|2|3|4|5)\b\.?\)"
                         r"|\b(select|choose)\s+(two|three|four|five)\.", re.I)


class Question(Strict):
    id: Slug
    type: Literal["single", "multiple", "ordering", "matching"]
    covers: list[Text] = Field(min_length=1)
    difficulty: int = Field(ge=1, le=3)
    services: list[Text] = Field(min_length=1)
    stem: Text
    options: list[Option] | None = None
    steps: list[Step] | None = None
    pairs: list[Pair] | None = None
    extra_responses: list[ExtraResponse] | None = None
    explanation: Text
    references: list[Text] = Field(min_length=1)
    verified: dt.date

    @field_validator("covers")
    @classmethod
    def _covers_exist(cls, covers: list[str], info: ValidationInfo) -> list[str]:
        bp = (info.context or {}).get("blueprint")
        if bp is None:
            return covers
        unknown = [c for c in covers if c not in bp.bullets]
        if unknown:
            raise ValueError(f"unknown blueprint bullet(s): {', '.join(unknown)}")
        tasks = sorted({bp.bullets[c].task for c in covers})
        if len(tasks) > 1:
            raise ValueError(f"bullets from more than one task statement: {', '.join(tasks)}")
        if len(set(covers)) != len(covers):
            raise ValueError("a bullet is listed twice")
        return covers

    @field_validator("services")
    @classmethod
    def _services_in_blueprint(cls, services: list[str], info: ValidationInfo) -> list[str]:
        bp = (info.context or {}).get("blueprint")
        if bp is None:
            return services
        unknown = [s for s in services if bp.canonical_service(s) is None]
        if unknown:
            raise ValueError(f"not an in-scope service of the blueprint: {', '.join(unknown)}")
        return [bp.canonical_service(s) for s in services]

    @field_validator("stem")
    @classmethod
    def _no_typed_count(cls, stem: str) -> str:
        if TYPED_COUNT.search(stem):
            raise ValueError("the page says how many to select (from the answer); remove the typed count from the stem")
        return stem

    @field_validator("references")
    @classmethod
    def _references_are_docs(cls, refs: list[str]) -> list[str]:
        return check_references(refs)

    @field_validator("verified")
    @classmethod
    def _verified_not_future(cls, verified: dt.date, info: ValidationInfo) -> dt.date:
        today = (info.context or {}).get("today") or dt.date.today()
        if verified > today:
            raise ValueError(f"{verified} is in the future")
        return verified

    @field_validator("options", "steps", "pairs", "extra_responses")
    @classmethod
    def _answer_fits_type(cls, value: list, info: ValidationInfo) -> list:
        qtype = info.data.get("type")
        if qtype is None or value is None:  # a wrong type is reported on `type` itself
            return value
        name = info.field_name
        if name == "extra_responses":
            if qtype != "matching":
                raise ValueError("`extra_responses` belongs to matching questions only")
            _no_two_alike([e.text for e in value], "extra responses")
            return value
        if ANSWER_FIELDS[qtype] != name:
            raise ValueError(f"a {qtype} question takes `{ANSWER_FIELDS[qtype]}`, not `{name}`")
        CHECKS[name](qtype, value)
        return value

    @model_validator(mode="after")
    def _answer_present(self) -> Question:
        wanted = ANSWER_FIELDS[self.type]
        if getattr(self, wanted) is None:
            raise FieldError(wanted, f"a {self.type} question needs `{wanted}`")
        if self.type == "matching" and self.extra_responses:
            _no_two_alike([p.response for p in self.pairs] + [e.text for e in self.extra_responses],
                          "responses", field="extra_responses")
        return self

    # Derived facts the renderers and the browser use.
    @property
    def task(self) -> str:
        return self.covers[0].rsplit(".", 1)[0]

    @property
    def domain(self) -> int:
        return int(self.task.split(".")[0])

    @property
    def select_count(self) -> int:
        return sum(o.correct for o in self.options) if self.type == "multiple" else 1


class CaseStudy(Strict):
    id: Slug
    title: Text
    scenario: Text
    questions: list[Question] = Field(min_length=2)

    @model_validator(mode="after")
    def _one_domain(self) -> CaseStudy:
        domains = sorted({q.domain for q in self.questions})
        if len(domains) > 1:
            raise FieldError("questions", f"questions come from more than one domain: {', '.join(map(str, domains))}")
        return self

    @property
    def domain(self) -> int:
        return self.questions[0].domain
