# METADATA
# title: S3 bucket ACL lets the public write objects or change the ACL
# description: >-
#   The canned ACL public-read-write, or a grant of WRITE, WRITE_ACP or
#   FULL_CONTROL to the AllUsers or AuthenticatedUsers group, lets anyone on
#   the internet (or any AWS account) upload and overwrite objects, and with
#   WRITE_ACP rewrite the bucket's ACL to give themselves anything else. The
#   check reads the inline acl and grant blocks of aws_s3_bucket (provider v3)
#   and aws_s3_bucket_acl (canned acl and access_control_policy grants). A
#   bucket with no ACL is private (new buckets enforce bucket-owner
#   ownership); an unknown ACL is not judged. Public read through an ACL is
#   reported by TFW-AWS-0001.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html#permissions
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_acl
# custom:
#   id: TFW-AWS-0310
#   severity: CRITICAL
#   category: security
#   resource_types: [aws_s3_bucket, aws_s3_bucket_acl]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["1.4.1", "7.2.1"]
#     nist-800-53-r5: [AC-3, AC-6]
#     cwe: [CWE-284, CWE-732]
#   equivalents:
#     checkov: CKV_AWS_57
#   remediation: |
#     Drop the public grant (or the ACL altogether, with bucket-owner-enforced ownership):
#     ```hcl
#     resource "aws_s3_bucket_ownership_controls" "uploads" {
#       bucket = aws_s3_bucket.uploads.id
#       rule {
#         object_ownership = "BucketOwnerEnforced"
#       }
#     }
#     ```
#   aliases: []
package tfward.aws.s3.bucket_acl_public_write

import rego.v1
import data.lib.aws
import data.lib.tf

write_permissions := {"WRITE", "WRITE_ACP", "FULL_CONTROL"}

# Canned ACL on the bucket (provider v3) or on aws_s3_bucket_acl.
deny contains tf.finding(r, ["acl"], sprintf("%s lets anyone write to the bucket (canned ACL public-read-write)", [r.address])) if {
	some t in ["aws_s3_bucket", "aws_s3_bucket_acl"]
	some r in tf.resources(t)
	r.values.acl == "public-read-write"
}

# Inline grant blocks of aws_s3_bucket.
deny contains tf.finding(r, ["grant", i, "permissions"], msg) if {
	some r in tf.resources("aws_s3_bucket")
	some i, g in tf.list(r.values, "grant")
	tf.val(g, "uri", "") in data.lib.aws.s3_public_groups
	some p in tf.list(g, "permissions")
	p in write_permissions
	msg := sprintf("%s grants %s to the public group %s", [r.address, p, g.uri])
}

# access_control_policy grants of aws_s3_bucket_acl.
deny contains tf.finding(r, path, msg) if {
	some r in tf.resources("aws_s3_bucket_acl")
	some k, acp in tf.list(r.values, "access_control_policy")
	some i, g in tf.list(acp, "grant")
	tf.val(g, "permission", "") in write_permissions
	some grantee in tf.list(g, "grantee")
	tf.val(grantee, "uri", "") in data.lib.aws.s3_public_groups
	path := ["access_control_policy", k, "grant", i, "permission"]
	msg := sprintf("%s grants %s to the public group %s", [r.address, g.permission, grantee.uri])
}
