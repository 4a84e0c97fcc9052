"""A readable title for an AWS documentation link, derived offline from its URL.

The services reference shows each link under a title, not a bare file name: the documentation set
("Athena User Guide") and the page's slug in words ("Bucketing vs partitioning"). services.yaml can
give an exact title for a URL instead (`reference_titles`).
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

# First path segment on docs.aws.amazon.com -> the service's short name.
SERVICES = {
    "amazondynamodb": "DynamoDB", "AmazonECR": "ECR", "AmazonECS": "ECS", "AmazonElastiCache": "ElastiCache",
    "AmazonRDS": "RDS", "AmazonS3": "S3", "AmazonCloudWatch": "CloudWatch", "AWSCloudFormation": "CloudFormation",
    "AWSEC2": "EC2", "AWSSimpleQueueService": "SQS", "IAM": "IAM", "kms": "KMS", "vpc": "VPC",
    "awsaccountbilling": "Billing", "account-billing": "Billing", "aws-cost-management": "Cost Management",
    "cost-management": "Cost Management", "cli": "AWS CLI", "cdk": "AWS CDK", "streams": "Kinesis Data Streams",
    "firehose": "Data Firehose", "managed-flink": "Managed Service for Apache Flink",
    "kinesisanalytics": "Managed Service for Apache Flink", "databrew": "Glue DataBrew", "glue": "Glue",
    "sagemaker": "SageMaker AI", "sagemaker-unified-studio": "SageMaker Unified Studio", "mwaa": "MWAA",
    "opensearch-service": "OpenSearch Service", "quick": "Quick Sight", "quicksight": "Quick Sight",
    "step-functions": "Step Functions", "lake-formation": "Lake Formation", "emr-serverless": "EMR Serverless",
    "xray": "X-Ray", "serverlessrepo": "Serverless Application Repository", "codeguru": "CodeGuru",
    "sdk-for-kotlin": "SDK for Kotlin", "whitepapers": "Whitepaper", "wellarchitected": "Well-Architected",
    "prescriptive-guidance": "Prescriptive Guidance", "general": "AWS General Reference",
    "organizations": "Organizations", "secretsmanager": "Secrets Manager", "systems-manager": "Systems Manager",
    "directconnect": "Direct Connect", "datasync": "DataSync", "transfer": "Transfer Family",
    "eventbridge": "EventBridge", "cloudtrail": "CloudTrail", "codepipeline": "CodePipeline",
    "codebuild": "CodeBuild", "codedeploy": "CodeDeploy", "codeartifact": "CodeArtifact",
    "codecommit": "CodeCommit", "documentdb": "DocumentDB", "macie": "Macie", "guardduty": "GuardDuty",
    "textract": "Textract", "comprehend": "Comprehend", "rekognition": "Rekognition", "bedrock": "Bedrock",
    "amazonglacier": "S3 Glacier", "amazonq": "Amazon Q", "apigateway": "API Gateway", "autoscaling": "Auto Scaling",
    "awscloudtrail": "CloudTrail", "awssupport": "AWS Support", "compute-optimizer": "Compute Optimizer",
    "config": "Config", "devops-guru": "DevOps Guru", "frauddetector": "Fraud Detector", "healthlake": "HealthLake",
    "java": "SDK for Java", "kinesisvideostreams": "Kinesis Video Streams",
    "kinesisvideostreams-webrtc-dg": "Kinesis Video Streams WebRTC", "lexv2": "Lex V2",
    "lookout-for-equipment": "Lookout for Equipment", "lookout-for-vision": "Lookout for Vision",
    "lookoutmetrics": "Lookout for Metrics", "sdkfornet": "SDK for .NET", "sdkfornet1": "SDK for .NET",
    "chatbot": "Chatbot", "ebs": "EBS", "efs": "EFS", "fsx": "FSx", "AmazonS3Glacier": "S3 Glacier",
}
# A documentation set's folder -> its kind of guide.
GUIDES = {
    "ug": "User Guide", "userguide": "User Guide", "UserGuide": "User Guide", "dg": "Developer Guide",
    "dev": "Developer Guide", "devguide": "Developer Guide", "developerguide": "Developer Guide",
    "APIReference": "API Reference", "API": "API Reference", "ServerlessAPIReference": "Serverless API Reference",
    "ManagementGuide": "Management Guide", "operatorguide": "Operator Guide", "ref": "Reference",
    "reference": "Command Reference", "latest": "", "api": "API Reference", "guide": "Developer Guide",
    "aboutv2": "User Guide", "java": "Developer Guide", "SQSDeveloperGuide": "Developer Guide",
    "red-ug": "User Guide", "reviewer-ug": "Reviewer User Guide", "profiler-api": "Profiler API Reference",
    "adminguide": "Administrator Guide", "user": "User Guide", "logs": "Logs User Guide", "monitoring": "User Guide",
    "TemplateReference": "Template Reference", "developer-guide": "Developer Guide", "qdeveloper-ug": "Developer Guide",
    "application": "", "plans": "",
}
# Slug words that are really two words, or lose their case.
SPLIT = {"gettingstarted": "getting started", "faq": "FAQ", "apis": "APIs", "sdks": "SDKs", "scps": "SCPs",
         "ssml": "SSML", "kda": "KDA", "xray": "X-Ray", "q": "Q", "mtrl": "MTRL", "pysdk": "Python SDK"}
# Words whose spelling a slug loses.
SPELLINGS = (
    "AWS API CLI SDK CDK IAM KMS VPC S3 EC2 EBS EFS EMR ECR ECS EKS RDS SQS SNS SQL ML AI GPU CPU JSON CSV "
    "HTTP HTTPS TLS SSL DNS URL ID IDs IP ARN PII PHI HIPAA GDPR TTL KPI IOPS NFS SMB OCR NLP LLM RAG BERT "
    "XGBoost SageMaker DynamoDB CloudWatch CloudTrail CloudFormation EventBridge JumpStart MLflow MLOps "
    "Autopilot Clarify DataBrew OpenSearch ElastiCache DocumentDB CodePipeline CodeBuild CodeDeploy "
    "CodeArtifact GitHub Git Docker Kubernetes Lustre NetApp ONTAP OpenZFS Parquet ORC Avro Apache Spark "
    "Kafka Flink Airflow PyTorch TensorFlow Lambda Glue Athena Kinesis Firehose Redshift Spectrum Bedrock "
    "Comprehend Textract Rekognition Transcribe Translate Polly Lex Macie QuickSight SPICE X-Ray "
    "OpenTelemetry A2I AutoML DPU DQDL SHAP KNN k-NN Neo Inferentia Trainium FSx Fargate HyperPod "
    "Zeppelin Spot FAQs Amazon"
)
WORDS = {w.lower(): w for w in SPELLINGS.split()}
INDEX_PAGES = {"", "index", "welcome", "what-is", "whatis", "what-is-service", "introduction", "intro"}


def words(slug: str) -> str:
    """`bucketing-vs-partitioning` -> `Bucketing vs partitioning`, keeping known spellings."""
    slug = re.sub(r"^(?:API|r|c|USER)[_.-](?=\w)", "", slug)
    parts = [p for p in re.split(r"[-_.\s]+", slug) if p]
    out = []
    for n, part in enumerate(parts):
        known = WORDS.get(part.lower()) or SPLIT.get(part.lower())
        if known:
            out.append(known)
        elif re.search(r"[A-Z].*[a-z]|[a-z].*[A-Z]", part) or part.isupper():
            out.append(part)  # CamelCase names (API actions, classes) and upper-case SQL stay as written
        else:
            out.append(part.capitalize() if n == 0 else part.lower())
    return " ".join(out)


def doc_title(url: str) -> str:
    """A readable title for a documentation URL: its documentation set, then its page."""
    parsed = urlparse(url)
    segments = [s for s in parsed.path.split("/") if s]
    leaf = re.sub(r"\.html?$", "", segments[-1]) if segments else ""
    if parsed.netloc == "docs.aws.amazon.com" and segments:
        service = SERVICES.get(segments[0]) or words(segments[0])
        if segments[0] == "autoscaling" and len(segments) > 1 and segments[1] in ("application", "plans"):
            service = "Application Auto Scaling" if segments[1] == "application" else "Auto Scaling plans"
        guide = next((GUIDES[s] for s in reversed(segments[1:-1]) if GUIDES.get(s)), "")
        if segments[0] == "cdk" and "api" in segments:
            guide = "API Reference"
        where = f"{service} {guide}".strip()
        if segments[0] == "cli" and len(segments) >= 4:  # cli/latest/reference/<service>/<command>.html
            command = "" if leaf.lower() in INDEX_PAGES else " " + leaf
            return f"{where}: aws {segments[3]}{command}"
        if leaf.lower() in INDEX_PAGES or (len(segments) <= 3 and not segments[-1].endswith(".html")):
            return f"{where}: overview"
        if leaf.startswith("API_") and guide.endswith("API Reference"):
            return f"{where}: {leaf[4:]}"
        if segments[0] == "cdk":
            leaf = leaf.rsplit(".", 1)[-1]
        return f"{where}: {words(leaf)}"
    if parsed.netloc == "aws.amazon.com" and segments:
        if segments[:2] == ["premiumsupport", "knowledge-center"]:
            return f"AWS Knowledge Center: {words(leaf)}"
        if segments[0] == "premiumsupport":
            return f"AWS Support: {words(leaf)}"
        if segments[0] == "blogs":
            return f"AWS blog: {words(leaf)}"
        if "whats-new" in segments:
            return f"What's New with AWS: {words(leaf)}"
        if segments[0] == "documentation-overview":
            return f"{words(leaf)} documentation"
        if leaf == "faqs":
            return f"{words(segments[-2]) if len(segments) > 1 else 'AWS'} FAQs"
        return f"{words(segments[0])}: {words(leaf)}" if len(segments) > 1 else words(leaf)
    if parsed.netloc == "boto3.amazonaws.com":
        return f"Boto3 reference: {leaf}"
    host = parsed.netloc.removeprefix("www.")
    return f"{host}: {words(leaf)}" if leaf else host
