"""Quality gates as pure functions: links and anchors of the built site, spelling, code in the guide, service names.

Each returns a list of problems, one line each (`FILE:LINE: what is wrong`), empty when all is well.
`python -m tests.quality hosts SITE_DIR` lists the external links of a built site by host.
"""

from __future__ import annotations

import ast
import json
import re
import shlex
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
RETIRED_NAMES = Path(__file__).with_name("retired-names.txt")

# ---------------------------------------------------------------- links and anchors of the built site

LINK_ATTRS = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"),
              ("iframe", "src"), ("form", "action"))
NOT_FETCHED = ("mailto:", "tel:", "javascript:", "data:")


def parse_site(site: Path, skip: Iterable[str] = ()) -> dict[str, BeautifulSoup]:
    """Every HTML page of a built site (but those in skip), by its path relative to the site folder."""
    pages = (p for p in sorted(site.rglob("*.html")) if p.relative_to(site).as_posix() not in skip)
    return {p.relative_to(site).as_posix(): BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser")
            for p in pages}


def page_links(soup: BeautifulSoup) -> Iterator[str]:
    for tag, attr in LINK_ATTRS:
        for el in soup.find_all(tag):
            value = el.get(attr)
            if value is not None and not str(value).startswith(NOT_FETCHED):
                yield str(value).strip()


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return bool(parts.scheme or parts.netloc)


def ids_of(soup: BeautifulSoup) -> set[str]:
    found = {el["id"] for el in soup.find_all(id=True)}
    return found | {el["name"] for el in soup.find_all("a", attrs={"name": True})}


def link_problems(site: Path, pages: dict[str, BeautifulSoup], base: str = "/") -> list[str]:
    """Internal links and anchors that do not resolve: a missing file, or a fragment no element has as id.

    `base` is the path of site_url (links that start with it are root-relative to the site).
    """
    ids: dict[str, set[str]] = {}
    problems = []
    for rel, soup in pages.items():
        for href in page_links(soup):
            if is_external(href) or not href:
                continue
            url = urlsplit(urljoin("/" + rel, href))
            path = unquote(url.path)
            if href.startswith("/") and path.startswith(base):
                path = "/" + path[len(base):]
            target = site / path.lstrip("/")
            if path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{rel}: {href}: no such file in the site")
                continue
            fragment = unquote(url.fragment)
            if not fragment or target.suffix != ".html":
                continue
            key = target.relative_to(site).as_posix()
            if key not in ids:
                ids[key] = ids_of(pages[key]) if key in pages else ids_of(
                    BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser"))
            if fragment not in ids[key]:
                problems.append(f"{rel}: {href}: no element with id {fragment!r} in {key}")
    return sorted(set(problems))


def external_links(pages: dict[str, BeautifulSoup]) -> dict[str, Counter]:
    """External links by host: host -> Counter of the pages that link there."""
    hosts: dict[str, Counter] = defaultdict(Counter)
    for rel, soup in pages.items():
        for href in page_links(soup):
            if is_external(href):
                hosts[urlsplit(href).netloc or "?"][rel] += 1
    return dict(sorted(hosts.items()))


def insecure_links(pages: dict[str, BeautifulSoup]) -> list[str]:
    """External links that are not https."""
    return sorted({f"{rel}: {href}" for rel, soup in pages.items() for href in page_links(soup)
                   if is_external(href) and urlsplit(href).scheme != "https"})


def reference_host_problems(pages: dict[str, BeautifulSoup], allowed: Iterable[str]) -> list[str]:
    """Links in the rendered `References` of questions whose host is off the allow-list."""
    allowed = set(allowed)
    return sorted({f"{rel}: {a['href']}: host {urlsplit(a['href']).netloc!r} is not allowed in references"
                   for rel, soup in pages.items() for a in soup.select(".mla-q__refs a[href]")
                   if urlsplit(a["href"]).netloc not in allowed})


# ---------------------------------------------------------------- spelling


def spelling_problems(paths: Iterable[Path], config_root: Path = ROOT) -> list[str]:
    """codespell over the given files and folders, with [tool.codespell] of config_root's pyproject.toml."""
    cmd = [sys.executable, "-m", "codespell_lib", "--toml", str(config_root / "pyproject.toml"),
           *map(str, paths)]
    run = subprocess.run(cmd, cwd=config_root, capture_output=True, text=True, check=False)
    if run.returncode not in (0, 65):  # 65: misspellings found
        raise RuntimeError(f"codespell failed ({run.returncode}): {run.stderr.strip()}")
    return [line for line in run.stdout.splitlines() if line.strip()]


# ---------------------------------------------------------------- code blocks in Markdown

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*\{?[ \t]*\.?(?P<lang>[\w+-]*)")
PYTHON = {"python", "py", "python3"}
SHELL = {"bash", "sh", "shell", "console", "zsh", "shell-session"}


@dataclass(frozen=True)
class Block:
    where: str  # the file (and question id and field, for the bank)
    line: int  # line of the block's first code line in that file (1 for a bank field)
    lang: str
    code: str


def code_blocks(text: str, where: str, first_line: int = 1) -> list[Block]:
    """Fenced code blocks of a Markdown text, dedented by their fence's indentation (admonitions, tabs)."""
    blocks, lines, n = [], text.splitlines(), 0
    while n < len(lines):
        start = FENCE.match(lines[n])
        n += 1
        if not start:
            continue
        indent, fence, body = start["indent"], start["fence"], []
        close = re.compile(rf"^[ \t]*{fence[0]}{{{len(fence)},}}[ \t]*$")
        begin = n
        while n < len(lines) and not close.match(lines[n]):
            line = lines[n]
            body.append(line[len(indent):] if line.startswith(indent) else line.lstrip())
            n += 1
        n += 1
        blocks.append(Block(where, first_line + begin, start["lang"].lower(), "\n".join(body)))
    return blocks


def markdown_files(docs: Path) -> list[Path]:
    return sorted(p for p in docs.rglob("*.md"))


def doc_blocks(docs: Path, root: Path) -> list[Block]:
    return [b for p in markdown_files(docs)
            for b in code_blocks(p.read_text(encoding="utf-8"), p.relative_to(root).as_posix())]


def bank_texts(bank) -> Iterator[tuple[str, str, str, bool]]:
    """Every text of the bank as (where, field, text, is_part_of_the_answer).

    The answer is a correct option, every ordering step and every matching pair.
    """
    for q in bank.all_questions():
        file, line = bank.source.get(q.id, ("questions", 0))
        where = f"{file}:{line}: {q.id}"
        yield where, "stem", q.stem, False
        yield where, "explanation", q.explanation, False
        for n, o in enumerate(q.options or []):
            yield where, f"options[{n}].text", o.text, o.correct
            yield where, f"options[{n}].why", o.why, False
        for n, s in enumerate(q.steps or []):
            yield where, f"steps[{n}].text", s.text, True
            yield where, f"steps[{n}].why", s.why, False
        for n, p in enumerate(q.pairs or []):
            yield where, f"pairs[{n}].prompt", p.prompt, True
            yield where, f"pairs[{n}].response", p.response, True
            yield where, f"pairs[{n}].why", p.why, False
        for n, e in enumerate(q.extra_responses or []):
            yield where, f"extra_responses[{n}].text", e.text, False
            yield where, f"extra_responses[{n}].why", e.why, False
    for case in bank.case_studies:
        file, line = bank.source.get(case.id, ("questions/case-studies", 0))
        yield f"{file}:{line}: {case.id}", "scenario", case.scenario, False


def bank_blocks(bank) -> list[Block]:
    return [b for where, field, text, _ in bank_texts(bank) for b in code_blocks(text, f"{where}: {field}")]


def python_problems(blocks: Iterable[Block]) -> list[str]:
    """Python blocks that do not parse."""
    problems = []
    for b in blocks:
        if b.lang not in PYTHON:
            continue
        try:
            ast.parse(b.code)
        except SyntaxError as err:
            problems.append(f"{b.where}:{b.line + (err.lineno or 1) - 1}: Python does not parse: {err.msg}")
    return problems


# ---------------------------------------------------------------- boto3 calls against botocore's service models

# Methods every boto3 client has besides its operations, and those boto3 adds to some clients.
CLIENT_METHODS = {"get_paginator", "get_waiter", "can_paginate", "generate_presigned_url", "close", "meta",
                  "exceptions", "waiter_names"}
INJECTED_METHODS = {"s3": {"upload_file", "download_file", "upload_fileobj", "download_fileobj", "copy",
                           "generate_presigned_post"}}


@cache
def _botocore():
    import botocore.session

    return botocore.session.get_session()


@cache
def service_model(service: str):
    from botocore.exceptions import UnknownServiceError

    try:
        return _botocore().get_service_model(service)
    except UnknownServiceError:
        return None


@cache
def operations(service: str) -> dict[str, str]:
    """boto3 method name -> operation name."""
    from botocore import xform_name

    return {xform_name(op): op for op in service_model(service).operation_names}


@cache
def waiters(service: str) -> dict[str, str]:
    from botocore import xform_name

    try:
        model = _botocore().get_waiter_model(service)
    except Exception:  # a service without waiters
        return {}
    return {xform_name(name): model.get_waiter(name).operation for name in model.waiter_names}


@cache
def paginators(service: str) -> set[str]:
    from botocore import xform_name

    try:
        config = _botocore().get_paginator_model(service)._paginator_config
    except Exception:  # a service without paginators
        return set()
    return {xform_name(name) for name in config}


def _string(node: ast.AST | None) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def _client_service(node: ast.AST) -> str | None:
    """The service of `<anything>.client("name", ...)` or `client(service_name="name")`."""
    if not isinstance(node, ast.Call):
        return None
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
    if name != "client":
        return None
    if node.args:
        return _string(node.args[0])
    return next((_string(k.value) for k in node.keywords if k.arg == "service_name"), None)


def _shape_problems(shape, node: ast.AST, path: str) -> list[str]:
    """Keys of literal dicts and lists checked against a botocore shape, as deep as literals go."""
    if shape is None:
        return []
    if shape.type_name == "structure" and isinstance(node, ast.Dict):
        keys = [_string(k) for k in node.keys]
        if None in keys:  # ** or a computed key: not a literal
            return []
        problems = [f"{path}: no parameter {k!r} (expected one of {', '.join(sorted(shape.members))})"
                    for k in keys if k not in shape.members]
        problems += [f"{path}: missing required parameter {r!r}" for r in shape.required_members if r not in keys]
        for key, value in zip(keys, node.values, strict=True):
            if key in shape.members:
                problems += _shape_problems(shape.members[key], value, f"{path}.{key}")
        return problems
    if shape.type_name == "list" and isinstance(node, ast.List | ast.Tuple):
        return [p for n, el in enumerate(node.elts) for p in _shape_problems(shape.member, el, f"{path}[{n}]")]
    if shape.type_name == "map" and isinstance(node, ast.Dict):
        return [p for n, value in enumerate(node.values) for p in _shape_problems(shape.value, value, f"{path}[{n}]")]
    return []


def _call_problems(call: ast.Call, input_shape, label: str, extra: Iterable[str] = ()) -> list[str]:
    """Keyword arguments of one call against an operation's input shape."""
    if call.args:
        return [f"{label}: takes keyword arguments only, got {len(call.args)} positional"]
    if input_shape is None:
        members, required = {}, []
    else:
        members, required = input_shape.members, input_shape.required_members
    names = [k.arg for k in call.keywords]
    problems = [f"{label}: no parameter {n!r}" for n in names
                if n is not None and n not in members and n not in extra]
    if None not in names:  # with **kwargs the required ones may be in there
        problems += [f"{label}: missing required parameter {r!r}" for r in required if r not in names]
    for k in call.keywords:
        if k.arg in members:
            problems += _shape_problems(members[k.arg], k.value, f"{label}: {k.arg}")
    return problems


def boto3_problems(blocks: Iterable[Block], checked: list[str] | None = None) -> list[str]:
    """boto3 client calls whose service, operation or parameters are not in botocore's service model.

    A client is anything assigned from `<x>.client("service")`; bindings carry over from one block of a
    file to the next, as a reader runs them in order. Each call checked is added to `checked`.
    """
    checked = [] if checked is None else checked
    problems: list[str] = []
    clients: dict[tuple[str, str], str] = {}  # (file, expression) -> service
    helpers: dict[tuple[str, str], tuple[str, str, str]] = {}  # paginators and waiters: (kind, service, name)
    for b in blocks:
        if b.lang not in PYTHON:
            continue
        try:
            tree = ast.parse(b.code)
        except SyntaxError:
            continue  # python_problems reports it
        file = b.where.split(":", 1)[0]

        def at(node: ast.AST, block: Block = b) -> str:
            return f"{block.where}:{block.line + node.lineno - 1}"

        ordered = sorted((n for n in ast.walk(tree) if isinstance(n, ast.Assign | ast.Call)),
                         key=lambda n: (n.lineno, n.col_offset, isinstance(n, ast.Call)))
        for node in ordered:
            if isinstance(node, ast.Assign):
                service = _client_service(node.value)
                for target in node.targets:
                    key = (file, ast.unparse(target))
                    clients.pop(key, None)
                    helpers.pop(key, None)
                    if service is not None and service_model(service) is not None:
                        clients[key] = service
                    elif isinstance(node.value, ast.Call) and isinstance(node.value.func, ast.Attribute):
                        found = _helper(node.value, clients, file)
                        if found:
                            helpers[key] = found
                continue
            service = _client_service(node)
            if service is not None and service_model(service) is None:
                problems.append(f"{at(node)}: boto3 has no client {service!r}")
            if not isinstance(node.func, ast.Attribute):
                continue
            receiver, method = node.func.value, node.func.attr
            service = _client_service(receiver) or clients.get((file, ast.unparse(receiver)))
            if service is not None and service_model(service) is not None:
                checked.append(f"{at(node)}: {service}.{method}")
                problems += _client_call_problems(service, method, node, at(node))
                continue
            helper = helpers.get((file, ast.unparse(receiver)))
            if helper is None and isinstance(receiver, ast.Call) and isinstance(receiver.func, ast.Attribute):
                helper = _helper(receiver, clients, file)  # client.get_paginator("x").paginate(...)
            if helper is not None:
                checked.append(f"{at(node)}: {helper[1]} {helper[0]} {helper[2]}.{method}")
                problems += _helper_call_problems(helper, method, node, at(node))
    return problems


def _helper(call: ast.Call, clients: dict, file: str) -> tuple[str, str, str] | None:
    """(`paginator` | `waiter`, service, name) for `client.get_paginator("x")` or `client.get_waiter("x")`."""
    kinds = {"get_paginator": "paginator", "get_waiter": "waiter"}
    service = _client_service(call.func.value) or clients.get((file, ast.unparse(call.func.value)))
    name = _string(call.args[0]) if call.args else None
    if call.func.attr in kinds and service and name:
        return kinds[call.func.attr], service, name
    return None


def _client_call_problems(service: str, method: str, call: ast.Call, where: str) -> list[str]:
    ops = operations(service)
    label = f"{where}: {service}.{method}()"
    if method in ops:
        return _call_problems(call, service_model(service).operation_model(ops[method]).input_shape, label)
    if method == "get_paginator":
        name = _string(call.args[0]) if call.args else None
        if name is not None and name not in paginators(service):
            return [f"{label}: {service} has no paginator {name!r}"]
        return []
    if method == "get_waiter":
        name = _string(call.args[0]) if call.args else None
        if name is not None and name not in waiters(service):
            return [f"{label}: {service} has no waiter {name!r}"]
        return []
    if method in CLIENT_METHODS or method in INJECTED_METHODS.get(service, ()):
        return []
    return [f"{label}: botocore's {service} model has no operation {method!r}"]


def _helper_call_problems(helper: tuple[str, str, str], method: str, call: ast.Call, where: str) -> list[str]:
    kind, service, name = helper
    model = service_model(service)
    if kind == "paginator" and method == "paginate" and name in operations(service):
        shape = model.operation_model(operations(service)[name]).input_shape
        return _call_problems(call, shape, f"{where}: {service} paginator {name!r}.paginate()", {"PaginationConfig"})
    if kind == "waiter" and method == "wait" and name in waiters(service):
        shape = model.operation_model(waiters(service)[name]).input_shape
        return _call_problems(call, shape, f"{where}: {service} waiter {name!r}.wait()", {"WaiterConfig"})
    return []


# ---------------------------------------------------------------- AWS CLI lines

# Commands of AWS CLI version 2 that version 1 (whose command table the check reads) lacks, and the reverse.
CLI_V2_ONLY = {("logs", "tail"), ("logs", "start-live-tail"), ("sso", "login"), ("sso", "logout"),
               ("configure", "sso"), ("configure", "sso-session"), ("configure", "export-credentials"),
               ("configure", "import"), ("configure", "list-profiles")}
CLI_V2_ONLY_OPTIONS = {"cli-binary-format", "no-cli-pager", "cli-auto-prompt", "no-cli-auto-prompt",
                       "cli-input-yaml"}
CLI_V1_ONLY = {("ecr", "get-login")}
SHELL_BREAKS = {"|", "||", "&&", ";", "&", ">", ">>", "<", "2>", ")", "("}
AWS_LINE = re.compile(r"^\s*(?:\$\s+)?aws\s+\S")
INLINE_AWS = re.compile(r"`(aws\s+[a-z0-9-]+\s+[a-z0-9-]+[^`]*)`")


@dataclass(frozen=True)
class CliCall:
    where: str
    words: tuple[str, ...]  # the words after `aws`, cut at the first shell operator


def cli_calls(blocks: Iterable[Block]) -> list[CliCall]:
    """`aws ...` command lines of shell blocks, continuation lines joined."""
    calls = []
    for b in blocks:
        if b.lang not in SHELL:
            continue
        lines = b.code.splitlines()
        n = 0
        while n < len(lines):
            first, text = n, lines[n]
            while text.rstrip().endswith("\\") and n + 1 < len(lines):
                n += 1
                text = text.rstrip()[:-1] + " " + lines[n]
            n += 1
            if AWS_LINE.match(text):
                calls.append(_cli_call(f"{b.where}:{b.line + first}", text))
    return calls


def inline_cli_calls(text: str, where: str) -> list[CliCall]:
    """`aws service command ...` written as inline code in prose."""
    calls = []
    for n, line in enumerate(text.splitlines(), 1):
        calls += [_cli_call(f"{where}:{n}", m[1]) for m in INLINE_AWS.finditer(line)]
    return calls


def _cli_call(where: str, text: str) -> CliCall:
    try:
        lexer = shlex.shlex(re.sub(r"^\s*\$\s+", "", text), posix=True, punctuation_chars=True)
        lexer.whitespace_split = True
        words = list(lexer)
    except ValueError:
        words = text.split()
    words = words[1:]  # `aws`
    cut = next((n for n, w in enumerate(words) if w in SHELL_BREAKS or w.startswith(("|", ">", "&", ";"))), None)
    return CliCall(where, tuple(words[:cut]))


# Run in its own interpreter: awscli imports its own copy of botocore under the name `botocore`.
_CLI_SCRIPT = r"""
import json, sys
from awscli.clidriver import create_clidriver

driver = create_clidriver()
top = driver._get_command_table()
global_args = driver._get_argument_table()


def subcommands(command):
    if hasattr(command, "_get_command_table"):
        return command._get_command_table()
    return getattr(command, "subcommand_table", None) or None


out = []
for words in json.load(sys.stdin):
    n, path, problems = 0, [], []
    while n < len(words) and words[n].startswith("--"):
        arg = global_args.get(words[n][2:].split("=")[0])
        takes_value = arg is not None and not getattr(arg, "_action", None) and "=" not in words[n]
        n += 2 if takes_value else 1
    table, command = top, None
    while n < len(words) and not words[n].startswith("-") and table:
        if words[n] not in table:
            positional = command is not None and not hasattr(command, "_get_command_table") and any(
                getattr(a, "positional_arg", False) for a in command.arg_table.values())
            if not positional:
                problems.append(["command", " ".join([*path, words[n]])])
            break
        command = table[words[n]]
        path.append(words[n])
        table = subcommands(command)
        n += 1
    if not problems and (command is None or (table and hasattr(command, "_get_command_table"))):
        problems.append(["command", " ".join([*path, "(no operation)"])])
    if not problems:
        options = set(command.arg_table) | set(global_args)
        problems += [["option", w[2:].split("=")[0]] for w in words[n:]
                     if w.startswith("--") and w[2:].split("=")[0] not in options]
    out.append({"path": path, "problems": problems})
json.dump(out, sys.stdout)
"""


def cli_problems(calls: list[CliCall]) -> list[str]:
    """AWS CLI lines whose command or options are not in the AWS CLI's command table."""
    if not calls:
        return []
    words = [[w for w in c.words if not (w.startswith("--") and w[2:].split("=")[0] in CLI_V2_ONLY_OPTIONS)]
             for c in calls]
    run = subprocess.run([sys.executable, "-c", _CLI_SCRIPT], input=json.dumps(words), capture_output=True,
                         text=True, check=False)
    if run.returncode != 0:
        raise RuntimeError(f"the AWS CLI command table could not be read: {run.stderr.strip()[-2000:]}")
    problems = []
    for call, result in zip(calls, json.loads(run.stdout), strict=True):
        pair = tuple(call.words[:2])
        if pair in CLI_V1_ONLY:
            problems.append(f"{call.where}: `aws {' '.join(pair)}` exists only in AWS CLI version 1")
            continue
        if pair in CLI_V2_ONLY:
            continue
        for kind, name in result["problems"]:
            if kind == "command":
                problems.append(f"{call.where}: `aws {name}` is not an AWS CLI command")
            else:
                problems.append(f"{call.where}: `aws {' '.join(result['path'])}` has no option --{name}")
    return problems


# ---------------------------------------------------------------- CloudFormation templates and IAM policies

CFN_LANGS = {"yaml", "yml", "json"}
CFN_RESOURCE = re.compile(r"""^\s*"?Type"?\s*:\s*"?AWS::""", re.M)
# cfn-lint's informational rules (I...) are advice, not faults; errors and warnings fail the gate.
CFN_LEVELS = ("E", "W")


def cfn_templates(blocks: Iterable[Block]) -> list[Block]:
    """YAML or JSON blocks that are CloudFormation templates: a Resources section with AWS:: types."""
    return [b for b in blocks if b.lang in CFN_LANGS and re.search(r'^\s*"?Resources"?\s*:', b.code, re.M)
            and CFN_RESOURCE.search(b.code)]


def cfn_problems(templates: Iterable[Block], region: str = "us-east-1") -> list[str]:
    """cfn-lint's errors and warnings for each template, at the guide's line."""
    from cfnlint.api import ManualArgs, lint

    problems = []
    for t in templates:
        for m in lint(t.code, config=ManualArgs(regions=[region])):
            if m.rule.id.startswith(CFN_LEVELS):
                problems.append(f"{t.where}:{t.line + m.linenumber - 1}: cfn-lint {m.rule.id}: {m.message}")
    return problems


def iam_policies(blocks: Iterable[Block]) -> list[tuple[Block, dict]]:
    """JSON blocks that are IAM policy documents: an object with Version and Statement."""
    found = []
    for b in blocks:
        if b.lang != "json":
            continue
        try:
            doc = json.loads(b.code)
        except ValueError:
            continue
        if isinstance(doc, dict) and "Statement" in doc and "Version" in doc:
            found.append((b, doc))
    return found


# Parliament audits identity and resource policies. "Resource": "*" is a choice the prose discusses
# (some actions take no resource), not a fault of the document.
PARLIAMENT_IGNORED = {"RESOURCE_STAR"}


def _as_audited(doc: dict) -> dict:
    """A trust policy's statements name a Principal and no Resource; parliament audits them with Resource "*"."""
    statements = doc["Statement"] if isinstance(doc["Statement"], list) else [doc["Statement"]]
    return {**doc, "Statement": [
        {**st, "Resource": "*"} if isinstance(st, dict) and "Principal" in st
        and not {"Resource", "NotResource"} & st.keys() else st for st in statements]}


def policy_problems(policies: Iterable[tuple[Block, dict]], known_actions: Iterable[str] = ()) -> list[str]:
    """Parliament's findings for each policy: unknown actions, malformed statements, mismatched resources."""
    import parliament

    known = {a.lower() for a in known_actions}
    problems = []
    for block, doc in policies:
        policy = parliament.analyze_policy_string(json.dumps(_as_audited(doc)), ignore_private_auditors=True)
        for f in policy.findings:
            detail = f.detail if isinstance(f.detail, str) else json.dumps(f.detail, default=str)
            if f.issue in PARLIAMENT_IGNORED or (f.issue == "UNKNOWN_ACTION" and detail.split()[-1].lower() in known):
                continue
            problems.append(f"{block.where}:{block.line}: parliament {f.issue}: {detail}")
    return problems


# ---------------------------------------------------------------- retired and renamed service names

RENAME_WORDS = re.compile(r"\b(renamed|formerly|previously|replaced|retired|now called|discontinued|"
                          r"end of support|no longer available|closed to new customers|was called|used to be)\b",
                          re.I)


def retired_names(path: Path = RETIRED_NAMES) -> list[tuple[str, str]]:
    """(old name, what to say now) pairs of the list, one `Old -> New` a line; `#` starts a comment."""
    pairs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        old, sep, new = (part.strip() for part in line.partition("->"))
        if not sep or not old or not new:
            raise ValueError(f"{path.name}:{n}: write `Old name -> current name`, not {line!r}")
        pairs.append((old, new))
    return pairs


def _name_pattern(old: str) -> re.Pattern:
    return re.compile(r"\b" + r"\s+".join(map(re.escape, old.split())) + r"\b", re.I)


def retired_in(text: str, names: list[tuple[str, str]]) -> list[tuple[int, str, str]]:
    """(offset, old, new) of each retired name in a text."""
    return sorted((m.start(), old, new) for old, new in names for m in _name_pattern(old).finditer(text))


ADMONITION = re.compile(r"^(?P<indent>[ \t]*)(?:!!!|\?\?\?\+?)\s")
NEW_UNIT = re.compile(r"^[ \t]*(?:[-*+]\s|\d+[.)]\s|\||#{1,6}\s|```|~~~)")


def markdown_units(text: str) -> Iterator[tuple[int, str]]:
    """(first line, text) of each paragraph, list item, table row, heading or whole admonition."""
    lines = text.splitlines()
    n = 0
    while n < len(lines):
        line = lines[n]
        if not line.strip():
            n += 1
            continue
        start = n
        adm = ADMONITION.match(line)
        n += 1
        if adm:
            depth = len(adm["indent"].expandtabs())
            while n < len(lines) and (not lines[n].strip() or len(lines[n]) - len(lines[n].lstrip()) > depth):
                n += 1
        elif FENCE.match(line):
            fence = FENCE.match(line)["fence"]
            while n < len(lines) and not lines[n].strip().startswith(fence):
                n += 1
            n += 1
        else:
            while n < len(lines) and lines[n].strip() and not NEW_UNIT.match(lines[n]) and not ADMONITION.match(
                    lines[n]):
                n += 1
        yield start + 1, "\n".join(lines[start:n])


def markdown_name_problems(text: str, where: str, names: list[tuple[str, str]]) -> list[str]:
    """Retired names in a Markdown page outside a paragraph or admonition that explains the rename."""
    problems = []
    for first, unit in markdown_units(text):
        if RENAME_WORDS.search(unit):
            continue
        for offset, old, new in retired_in(unit, names):
            problems.append(f"{where}:{first + unit.count(chr(10), 0, offset)}: {old!r} -> {new}, "
                            "or say it was renamed in the same paragraph")
    return problems


def bank_name_problems(texts: Iterable[tuple[str, str, str, bool]], names: list[tuple[str, str]]) -> list[str]:
    """Retired names in a correct answer, or in another text of the bank without a rename word."""
    problems = []
    for where, field, text, answer in texts:
        found = retired_in(text, names)
        if not found or (not answer and RENAME_WORDS.search(text)):
            continue
        why = "in the answer" if answer else "without saying it was renamed"
        problems += [f"{where}: {field}: {old!r} {why} -> {new}" for _, old, new in found]
    return problems


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "hosts":
        for host, where in external_links(parse_site(Path(argv[1]))).items():
            print(f"{sum(where.values()):5}  {host}  ({len(where)} pages)")
        return 0
    print("usage: python -m tests.quality hosts SITE_DIR", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
