# METADATA
# title: S3 bucket ACL grants public access
# description: >-
#   A canned ACL of public-read, public-read-write or authenticated-read, or a
#   grant to the AllUsers or AuthenticatedUsers group, lets anyone on the
#   internet (or any AWS account) list and read - and with write, replace or
#   delete - the objects in the bucket. Bucket contents leak this way more often
#   than by any other S3 setting. The inline acl and grant blocks of
#   aws_s3_bucket (provider v3) and aws_s3_bucket_acl (canned acl and
#   access_control_policy grants) are read; a bucket without an ACL is private
#   and an unknown ACL is not judged. Public write and WRITE_ACP grants are
#   also reported by TFW-AWS-0310. Keep buckets private and publish through
#   CloudFront with an origin access control instead.
# related_resources:
#   - https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/s3_bucket_acl
# custom:
#   id: TFW-AWS-0001
#   severity: HIGH
#   category: security
#   resource_types: [aws_s3_bucket, aws_s3_bucket_acl]
#   frameworks:
#     cis-aws-1.5: ["2.1.5"]
#     soc2: [CC6.1]
#     pci-dss-4.0: ["1.4.1"]
#     nist-800-53-r5: [AC-3, AC-6]
#     cwe: [CWE-284]
#   equivalents:
#     checkov: CKV_AWS_20
#     trivy: AWS-0092
#     kics: [38c5ee0d-7f22-4260-ab72-5073048df100, 57b9893d-33b1-4419-bcea-a717ea87e139]
#   remediation: |
#     Set the bucket ACL to private (or remove it and use bucket-owner-enforced object ownership):
#     ```hcl
#     resource "aws_s3_bucket_acl" "logs" {
#       bucket = aws_s3_bucket.logs.id
#       acl    = "private"
#     }
#     ```
#   aliases: []
package tfward.aws.s3.bucket_public_acl

import rego.v1
import data.lib.aws
import data.lib.tf

public_acls := {"public-read", "public-read-write", "authenticated-read"}

public_groups := {
	"http://acs.amazonaws.com/groups/global/AllUsers",
	"http://acs.amazonaws.com/groups/global/AuthenticatedUsers",
}

# Inline canned ACL on the bucket (provider v3 style).
deny contains tf.finding(r, ["acl"], sprintf("%s allows public access through its canned ACL %q", [r.address, r.values.acl])) if {
	some r in tf.resources("aws_s3_bucket")
	r.values.acl in public_acls
}

# Inline grant blocks on the bucket.
deny contains tf.finding(r, ["grant", i, "uri"], sprintf("%s grants %v to the public group %s", [r.address, g.permissions, g.uri])) if {
	some r in tf.resources("aws_s3_bucket")
	some i, g in tf.list(r.values, "grant")
	g.uri in public_groups
}

# Split-out aws_s3_bucket_acl with a canned ACL.
deny contains tf.finding(r, ["acl"], sprintf("%s allows public access through its canned ACL %q", [r.address, r.values.acl])) if {
	some r in tf.resources("aws_s3_bucket_acl")
	r.values.acl in public_acls
}

# Split-out aws_s3_bucket_acl with an access_control_policy grant to a public group.
deny contains tf.finding(r, path, sprintf("%s grants %s to the public group %s", [r.address, g.permission, grantee.uri])) if {
	some r in tf.resources("aws_s3_bucket_acl")
	some k, acp in tf.list(r.values, "access_control_policy")
	some i, g in tf.list(acp, "grant")
	some j, grantee in tf.list(g, "grantee")
	grantee.uri in public_groups
	path := ["access_control_policy", k, "grant", i, "grantee", j, "uri"]
}
