"""Quality gates: links and anchors of the built site, spelling, code in the guide, retired service names.

Each gate runs on the real project and has a negative twin that plants the fault and sees the gate fail.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from macros.model import AWS_DOC_HOSTS, OTHER_REFERENCE_HOSTS

from .conftest import ROOT, build_site, copy_project
from .quality import (
    Block,
    bank_blocks,
    bank_name_problems,
    bank_texts,
    boto3_problems,
    cfn_problems,
    cfn_templates,
    cli_calls,
    cli_problems,
    code_blocks,
    doc_blocks,
    external_links,
    iam_policies,
    inline_cli_calls,
    insecure_links,
    link_problems,
    markdown_files,
    markdown_name_problems,
    parse_site,
    policy_problems,
    python_problems,
    reference_host_problems,
    retired_names,
    spelling_problems,
)

REFERENCE_HOSTS = AWS_DOC_HOSTS + OTHER_REFERENCE_HOSTS


def site_base() -> str:
    """The path of site_url: root-relative links (404.html) start with it."""
    from mkdocs.config import load_config

    return urlsplit(load_config(config_file=str(ROOT / "mkdocs.yml"))["site_url"] or "/").path or "/"


@pytest.fixture(scope="module")
def pages(site):
    return parse_site(site)


def tiny_site(root: Path, files: dict[str, str]) -> Path:
    for name, body in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(f"<html><body>{body}</body></html>", encoding="utf-8")
    return root


# ---------------------------------------------------------------- links and anchors


PRINT_PAGE = "print_page/index.html"


def test_every_internal_link_and_anchor_of_the_built_site_resolves(site, pages):
    assert len(pages) >= 18
    assert link_problems(site, {k: v for k, v in pages.items() if k != PRINT_PAGE}, site_base()) == []


def test_every_anchor_of_the_print_page_resolves(site, pages):
    assert PRINT_PAGE in pages
    assert link_problems(site, {PRINT_PAGE: pages[PRINT_PAGE]}, site_base()) == []


def test_link_check_notices_a_missing_page_and_a_missing_anchor(tmp_path):
    site = tiny_site(tmp_path, {
        "index.html": '<h2 id="top">T</h2><a href="#top">ok</a><a href="a/#here">ok</a>'
                      '<a href="a/#gone">bad</a><a href="b/">bad</a><a href="#nowhere">bad</a>'
                      '<a href="https://docs.aws.amazon.com/x">external</a><a href="/base/a/">root</a>',
        "a/index.html": '<p id="here">A</p><a href="../index.html#top">ok</a><a href="../">ok</a>'})
    assert link_problems(site, parse_site(site), "/base/") == [
        "index.html: #nowhere: no element with id 'nowhere' in index.html",
        "index.html: a/#gone: no element with id 'gone' in a/index.html",
        "index.html: b/: no such file in the site",
    ]


def test_a_broken_anchor_in_macro_html_fails_the_link_gate(tmp_path, bank):
    # teaches() links to its bullets on the same page; a bullet of another task statement is not there.
    project = copy_project(tmp_path / "project")
    page = project / "docs" / bank.blueprint.task_path("1.1")
    other = next(b for b in bank.blueprint.bullets if not b.startswith("1.1."))
    page.write_text(page.read_text(encoding="utf-8") + f'\n\n## Planted\n\n{{{{ teaches("{other}") }}}}\n',
                    encoding="utf-8")
    site = build_site(project, tmp_path / "site")
    anchor = "b-" + other.replace(".", "-")
    problems = link_problems(site, parse_site(site, skip=(PRINT_PAGE,)), site_base())
    rel = bank.blueprint.task_path("1.1").removesuffix(".md") + "/index.html"
    assert problems == [f"{rel}: #{anchor}: no element with id '{anchor}' in {rel}"]


def test_external_links_are_https(pages):
    hosts = external_links(pages)
    print("External links by host:", *(f"{sum(c.values()):5} {h} ({len(c)} pages)" for h, c in hosts.items()),
          sep="\n")
    assert "docs.aws.amazon.com" in hosts
    assert insecure_links(pages) == []


def test_https_check_notices_a_plain_http_link(tmp_path):
    site = tiny_site(tmp_path, {"index.html": '<a href="http://example.com/x">x</a><a href="https://a.b/">y</a>'})
    assert insecure_links(parse_site(site)) == ["index.html: http://example.com/x"]


def test_question_references_are_only_on_aws_documentation_hosts_or_the_allow_list(pages, bank):
    rendered = [a for soup in pages.values() for a in soup.select(".mla-q__refs a[href]")]
    assert len(rendered) >= len(bank.all_questions())
    assert reference_host_problems(pages, REFERENCE_HOSTS) == []


def test_reference_check_notices_a_host_off_the_list(tmp_path):
    site = tiny_site(tmp_path, {"index.html": '<ul class="mla-q__refs"><li><a href="https://docs.aws.amazon.com/'
                                              'a.html">ok</a></li><li><a href="https://blog.example.com/b">no</a>'
                                              '</li></ul><a href="https://blog.example.com/c">not a reference</a>'})
    assert reference_host_problems(parse_site(site), REFERENCE_HOSTS) == [
        "index.html: https://blog.example.com/b: host 'blog.example.com' is not allowed in references"]


# ---------------------------------------------------------------- spelling


def test_docs_and_questions_have_no_misspellings():
    assert spelling_problems([ROOT / "docs", ROOT / "questions"]) == []


def test_a_planted_misspelling_fails_the_spelling_gate(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("vendor"))
    page = docs / "index.md"
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\nEvery answer is checked before we recieve it.\n"
    page.write_text(text, encoding="utf-8")
    line = text.count("\n")
    assert f"{page}:{line}: recieve ==> receive" in spelling_problems([docs])


def test_the_project_word_list_silences_its_terms_only_as_written(tmp_path):
    # Entries are written as the term is (FPR, TE): the lowercase typo (`te` for `the`) is still caught.
    words = (ROOT / "tests" / "codespell-words.txt").read_text(encoding="utf-8").split()
    assert words == sorted(set(words))
    (tmp_path / "terms.md").write_text(" ".join(words) + "\n", encoding="utf-8")
    assert spelling_problems([tmp_path]) == []
    (tmp_path / "terms.md").write_text(" ".join(words).lower() + "\n", encoding="utf-8")
    assert len(spelling_problems([tmp_path])) == len(words)


# ---------------------------------------------------------------- code in the guide


@pytest.fixture(scope="module")
def blocks(bank) -> list[Block]:
    return doc_blocks(ROOT / "docs", ROOT) + bank_blocks(bank)


def test_every_python_block_parses(blocks):
    assert any(b.lang == "python" for b in blocks)
    assert python_problems(blocks) == []


def test_python_check_notices_a_block_that_does_not_parse():
    text = "Text.\n\n!!! example\n\n    ```python\n    ok = 1\n    def broken(:\n        pass\n    ```\n"
    assert python_problems(code_blocks(text, "page.md")) == ["page.md:7: Python does not parse: invalid syntax"]


def test_every_boto3_call_names_an_operation_and_parameters_of_botocore(blocks):
    checked: list[str] = []
    assert boto3_problems(blocks, checked) == []
    assert checked, "no boto3 client call was found to check"


PLANTED = '''
```python
import boto3

session = boto3.Session(region_name="us-east-1")
s3 = session.client("s3")
sm = boto3.client("sagemaker")
s3.put_object(Bucket="b", Key="k", Body=b"")
s3.put_object(Bucket="b", Key="k", Bdy=b"")
s3.put_objekt(Bucket="b", Key="k")
s3.get_object("b", "k")
s3.get_object(Key="k")
s3.list_objects_v2(**options)
s3.upload_file("data.csv", "b", "k")
for page in s3.get_paginator("list_objects_v2").paginate(Bucket="b", Prefx="raw/"):
    pass
s3.get_paginator("list_objectz")
sm.get_waiter("endpoint_in_service").wait(EndpointName="e", WaiterConfig={"Delay": 30})
boto3.client("sagemakr")
account = session.client("sts").get_caller_identity()["Account"]
```

Later on the same page, the clients above are still known:

```python
runtime = session.client("sagemaker-featurestore-runtime")
runtime.put_record(FeatureGroupName="f", Record=[{"FeatureName": "id", "ValueAsString": "1"},
                                                  {"FeatureNam": "day", "ValueAsString": "2"}])
sm.describe_feature_group(FeatureGroupName="f")
```
'''


def test_boto3_check_names_each_wrong_call_with_its_line():
    assert boto3_problems(code_blocks(PLANTED, "page.md")) == [
        "page.md:9: s3.put_object(): no parameter 'Bdy'",
        "page.md:10: s3.put_objekt(): botocore's s3 model has no operation 'put_objekt'",
        "page.md:11: s3.get_object(): takes keyword arguments only, got 2 positional",
        "page.md:12: s3.get_object(): missing required parameter 'Bucket'",
        "page.md:15: s3 paginator 'list_objects_v2'.paginate(): no parameter 'Prefx'",
        "page.md:17: s3.get_paginator(): s3 has no paginator 'list_objectz'",
        "page.md:19: boto3 has no client 'sagemakr'",
        "page.md:27: sagemaker-featurestore-runtime.put_record(): Record[1]: no parameter 'FeatureNam' "
        "(expected one of FeatureName, ValueAsString, ValueAsStringList)",
        "page.md:27: sagemaker-featurestore-runtime.put_record(): Record[1]: missing required parameter "
        "'FeatureName'",
    ]


def test_a_planted_wrong_boto3_parameter_fails_the_gate(tmp_path):
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("vendor"))
    (docs / "planted.md").write_text('# Planted\n\n```python\nimport boto3\n\nsm = boto3.client("sagemaker")\n'
                                     'sm.describe_endpoint(EndpointNam="churn")\n```\n', encoding="utf-8")
    assert boto3_problems(doc_blocks(docs, tmp_path)) == [
        "docs/planted.md:7: sagemaker.describe_endpoint(): no parameter 'EndpointNam'",
        "docs/planted.md:7: sagemaker.describe_endpoint(): missing required parameter 'EndpointName'",
    ]


def test_every_aws_cli_line_names_a_real_command(blocks, bank):
    calls = cli_calls(blocks)
    calls += [c for p in markdown_files(ROOT / "docs")
              for c in inline_cli_calls(p.read_text(encoding="utf-8"), p.relative_to(ROOT).as_posix())]
    calls += [c for where, field, text, _ in bank_texts(bank) for c in inline_cli_calls(text, f"{where}: {field}")]
    assert calls, "no AWS CLI line was found to check"
    assert cli_problems(calls) == []


def test_cli_check_notices_commands_and_options_that_do_not_exist():
    text = ("```bash\n"
            "aws --region us-east-1 sagemaker describe-endpoint --endpoint-name churn --output json | jq .\n"
            "aws sagemaker create-endpoit \\\n    --endpoint-name churn\n"
            "$ aws s3 cp ./train.csv s3://bucket/raw/ --recursiv\n"
            "aws sagemaker wait endpoint-in-service --endpoint-name churn\n"
            "aws sagemakr list-endpoints\n"
            "aws logs tail /aws/sagemaker/Endpoints/churn --follow\n"
            "aws ecr get-login\n"
            "```\n\nRun `aws s3 sync ./data s3://bucket/data` or `aws glue start-crawlr --name raw`.\n")
    calls = cli_calls(code_blocks(text, "page.md")) + inline_cli_calls(text, "page.md")
    assert len(calls) == 9
    assert cli_problems(calls) == [
        "page.md:3: `aws sagemaker create-endpoit` is not an AWS CLI command",
        "page.md:5: `aws s3 cp` has no option --recursiv",
        "page.md:7: `aws sagemakr` is not an AWS CLI command",
        "page.md:9: `aws ecr get-login` exists only in AWS CLI version 1",
        "page.md:12: `aws glue start-crawlr` is not an AWS CLI command",
    ]


# ---------------------------------------------------------------- retired and renamed service names


@pytest.fixture(scope="module")
def names():
    return retired_names()


def test_the_retired_names_list_names_the_current_service(names):
    olds = [old for old, _ in names]
    for expected in ("Kinesis Data Firehose", "Kinesis Data Analytics", "Elasticsearch Service", "AWS Data Pipeline",
                     "SageMaker Edge Manager"):
        assert expected in olds
    assert dict(names)["Kinesis Data Firehose"].startswith("Amazon Data Firehose")


def test_retired_names_list_rejects_a_line_without_a_current_name(tmp_path):
    bad = tmp_path / "names.txt"
    bad.write_text("# comment\nKinesis Data Firehose\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"names.txt:2: write `Old name -> current name`"):
        retired_names(bad)


def test_no_retired_name_in_the_docs_outside_a_rename_note(names):
    problems = []
    for page in markdown_files(ROOT / "docs"):
        problems += markdown_name_problems(page.read_text(encoding="utf-8"), page.relative_to(ROOT).as_posix(), names)
    assert problems == []


def test_name_check_allows_a_rename_note_and_flags_the_rest(names):
    text = ("# Streams\n\n"
            "Amazon Managed Service for Apache Flink runs the job. It was formerly\n"
            "called Amazon Kinesis Data Analytics.\n\n"
            "!!! note \"Old names\"\n\n"
            "    You may still read Kinesis Data Firehose in old posts.\n\n"
            "    The service was renamed to Amazon Data Firehose.\n\n"
            "- Deliver with Amazon Kinesis\n  Data Firehose to S3.\n"
            "- Search with Amazon Elasticsearch Service.\n\n"
            "| Need | Service |\n|---|---|\n| Orchestrate | AWS Data Pipeline |\n")
    assert markdown_name_problems(text, "page.md", names) == [
        "page.md:12: 'Kinesis Data Firehose' -> Amazon Data Firehose (renamed February 2024), "
        "or say it was renamed in the same paragraph",
        "page.md:14: 'Elasticsearch Service' -> Amazon OpenSearch Service (renamed September 2021), "
        "or say it was renamed in the same paragraph",
        "page.md:18: 'AWS Data Pipeline' -> AWS Glue, AWS Step Functions or Amazon MWAA (closed to new customers "
        "July 2024), or say it was renamed in the same paragraph",
    ]


def test_no_retired_name_in_a_correct_answer_or_unexplained_in_the_bank(bank, names):
    texts = list(bank_texts(bank))
    assert len(texts) > 5 * len(bank.all_questions())
    assert bank_name_problems(texts, names) == []


def test_bank_name_check_flags_an_answer_even_with_a_rename_word(names):
    texts = [("q.yaml:3: q1", "options[0].text", "Amazon Kinesis Data Firehose (now called Amazon Data Firehose)",
              True),
             ("q.yaml:3: q1", "options[1].text", "AWS Data Pipeline", False),
             ("q.yaml:3: q1", "options[1].why", "AWS Data Pipeline is closed to new customers.", False),
             ("q.yaml:3: q1", "steps[0].text", "Create a SageMaker Edge Manager fleet", True)]
    assert bank_name_problems(texts, names) == [
        "q.yaml:3: q1: options[0].text: 'Kinesis Data Firehose' in the answer -> Amazon Data Firehose "
        "(renamed February 2024)",
        "q.yaml:3: q1: options[1].text: 'AWS Data Pipeline' without saying it was renamed -> AWS Glue, "
        "AWS Step Functions or Amazon MWAA (closed to new customers July 2024)",
        "q.yaml:3: q1: steps[0].text: 'SageMaker Edge Manager' in the answer -> discontinued April 26, 2024 "
        "(see the Edge Manager end-of-life page)",
    ]


# ---------------------------------------------------------------- CloudFormation templates and IAM policies


def test_every_cloudformation_template_in_the_guide_passes_cfn_lint(blocks):
    templates = cfn_templates(blocks)
    assert templates, "no CloudFormation template was found to check"
    assert cfn_problems(templates) == []


def test_cfn_lint_gate_notices_a_wrong_property_and_a_dangling_reference():
    text = ('```yaml\nAWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Model:\n'
            '    Type: AWS::SageMaker::Model\n    Properties:\n      ExecutionRoleArn: !GetAtt Role.Arn\n'
            '      PrimaryContainr:\n        Image: x\n```\n')
    problems = cfn_problems(cfn_templates(code_blocks(text, "lab.md")))
    assert any(p.startswith("lab.md:8: cfn-lint E3002") and "PrimaryContainr" in p for p in problems), problems
    assert any(p.startswith("lab.md:7: cfn-lint E1010") for p in problems), problems


def test_every_iam_policy_in_the_guide_is_valid_and_names_real_actions(blocks):
    policies = iam_policies(blocks)
    assert policies, "no IAM policy document was found to check"
    assert policy_problems(policies) == []


def test_policy_gate_notices_an_unknown_action_and_a_statement_without_resource():
    text = ('```json\n{"Version": "2012-10-17", "Statement": [\n'
            '  {"Effect": "Allow", "Action": "sagemaker:InvokeEndpoints", "Resource": "*"},\n'
            '  {"Effect": "Allow", "Action": "s3:GetObject"}]}\n```\n'
            '```json\n{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", '
            '"Principal": {"Service": "sagemaker.amazonaws.com"}, "Action": "sts:AssumeRole"}]}\n```\n')
    policies = iam_policies(code_blocks(text, "lab.md"))
    assert len(policies) == 2
    assert policy_problems(policies) == [
        "lab.md:2: parliament UNKNOWN_ACTION: Unknown action sagemaker:InvokeEndpoints",
        "lab.md:2: parliament MALFORMED: Statement contains neither Resource nor NotResource",
    ]
