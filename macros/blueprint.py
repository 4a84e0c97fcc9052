"""The exam blueprint: domains, task statements, bullets and services, with lookups."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: same result, faster


@dataclass(frozen=True)
class Bullet:
    id: str
    kind: str  # "knowledge" or "skill"
    text: str
    task: str


@dataclass
class Task:
    id: str
    title: str
    slug: str
    domain: int
    knowledge: list[Bullet]
    skills: list[Bullet]

    @property
    def bullets(self) -> list[Bullet]:
        return self.knowledge + self.skills


@dataclass
class Domain:
    id: int
    title: str
    weight: int
    slug: str
    tasks: list[Task] = field(default_factory=list)


@dataclass
class Blueprint:
    exam: dict
    domains: list[Domain]
    services: dict[str, list[str]]
    service_aliases: dict[str, str]
    sagemaker_features: list[str]
    out_of_scope: dict[str, list[str]]

    def __post_init__(self) -> None:
        self.tasks = {t.id: t for d in self.domains for t in d.tasks}
        self.bullets = {b.id: b for t in self.tasks.values() for b in t.bullets}
        self.domain_by_id = {d.id: d for d in self.domains}
        self.service_names = {s for names in self.services.values() for s in names}
        self.service_category = {s: c for c, names in self.services.items() for s in names}

    def canonical_service(self, name: str) -> str | None:
        """The blueprint's name for a service, accepting the current-docs aliases."""
        if name in self.service_names:
            return name
        for canonical, alias in self.service_aliases.items():
            if name == alias:
                return canonical
        return None

    def task_path(self, task_id: str) -> str:
        """The docs-relative path of a task statement's chapter."""
        task = self.tasks[task_id]
        return f"{self.domain_by_id[task.domain].slug}/{task.id}-{task.slug}.md"

    def domain_path(self, domain_id: int) -> str:
        return f"{self.domain_by_id[domain_id].slug}/index.md"


def load_blueprint(path: Path) -> Blueprint:
    """Read questions/blueprint.yaml; malformed facts raise ValueError naming the entry."""
    text = path.read_text(encoding="utf-8")
    try:
        raw = yaml.load(text, Loader=LOADER)
    except yaml.YAMLError:
        raw = yaml.safe_load(text)  # raises the pure-Python parser's error, whose message quotes the line
    domains = []
    for d in raw["domains"]:
        domain = Domain(id=int(d["id"]), title=d["title"], weight=int(d["weight"]), slug=d["slug"])
        for t in d["tasks"]:
            tid = str(t["id"])
            if not tid.startswith(f"{domain.id}."):
                raise ValueError(f"{path}: task {tid} is listed under domain {domain.id}")
            bullets = {}
            for kind, key, letter in (("knowledge", "knowledge", "k"), ("skill", "skills", "s")):
                bullets[key] = []
                for n, b in enumerate(t[key], 1):
                    if b["id"] != f"{tid}.{letter}{n}":
                        raise ValueError(f"{path}: task {tid}: bullet {b['id']} should be {tid}.{letter}{n}")
                    bullets[key].append(Bullet(id=b["id"], kind=kind, text=b["text"], task=tid))
            domain.tasks.append(Task(id=tid, title=t["title"], slug=t["slug"], domain=domain.id,
                                     knowledge=bullets["knowledge"], skills=bullets["skills"]))
        domains.append(domain)
    if sum(d.weight for d in domains) != 100:
        raise ValueError(f"{path}: domain weights add up to {sum(d.weight for d in domains)}, not 100")
    return Blueprint(
        exam=raw["exam"],
        domains=domains,
        services=raw["services"],
        service_aliases=raw.get("service_aliases", {}),
        sagemaker_features=raw.get("sagemaker_features", []),
        out_of_scope=raw.get("out_of_scope_services", {}),
    )
