# data "aws_iam_policy_document" computes its json as the AWS provider does
# (internal/service/iam: IAMPolicyDoc, iamPolicyDecodeConfigStringList,
# Merge): keys in the provider's order, "Sid": "" when unset, a one-element
# list written as a string, longer lists reverse-sorted, {"*": ["*"]} written
# "*", source documents merged first and override documents last by sid.
provider "aws" {
  region = "cn-north-1"
}

data "aws_iam_policy_document" "base" {
  statement {
    sid       = "DenyInsecure"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::b", "arn:aws:s3:::b/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

data "aws_iam_policy_document" "merged" {
  source_policy_documents = [data.aws_iam_policy_document.base.json]
  statement {
    sid       = "Read"
    actions   = ["s3:ListBucket", "s3:GetObject"]
    resources = ["${aws_s3_bucket.b.arn}/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root"]
    }
  }
}

data "aws_iam_policy_document" "override" {
  override_policy_documents = [jsonencode({
    Statement = [{ Sid = "DenyInsecure", Effect = "Deny", Action = "s3:DeleteBucket", Resource = "*" }]
  })]
  source_policy_documents = [data.aws_iam_policy_document.base.json]
}

resource "aws_s3_bucket" "b" {
  bucket = "b"
}

resource "aws_s3_bucket_policy" "known" {
  bucket = "b"
  policy = data.aws_iam_policy_document.base.json
}

resource "aws_s3_bucket_policy" "partial" {
  bucket = "b"
  policy = data.aws_iam_policy_document.merged.json
}

resource "aws_s3_bucket_policy" "overridden" {
  bucket = "b"
  policy = data.aws_iam_policy_document.override.minified_json
}

# Pure data sources of the provider configuration: the partition follows the
# configured region; the caller identity is never known before apply.
data "aws_partition" "current" {}
data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

resource "aws_ssm_parameter" "facts" {
  name  = "facts"
  type  = "String"
  value = "${data.aws_partition.current.partition}/${data.aws_region.current.name}"
  description = data.aws_caller_identity.current.account_id
}

data "google_iam_policy" "admin" {
  binding {
    role    = "roles/storage.objectViewer"
    members = ["user:b@example.com", "allUsers"]
  }
}

resource "google_storage_bucket_iam_policy" "p" {
  bucket      = "b"
  policy_data = data.google_iam_policy.admin.policy_data
}
