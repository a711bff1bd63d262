# METADATA
# title: CloudTrail bucket is publicly readable
# description: >-
#   Trail logs map an account's users, roles, resources and habits; a public
#   trail bucket hands that map to anyone. Fires on an aws_s3_bucket of the
#   module that a trail's s3_bucket_name names when its ACL (inline acl or an
#   aws_s3_bucket_acl) is public-read, public-read-write or authenticated-read
#   and no public access block ignores or blocks public ACLs, or when its bucket
#   policy (aws_s3_bucket_policy or the inline policy) allows a public principal
#   without a condition and no public access block restricts public policies.
#   Silent when the trail's bucket lives outside the module or the values are
#   not known.
# related_resources:
#   - https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html
#   - https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/cloudtrail#s3_bucket_name
# custom:
#   id: TFW-AWS-0524
#   severity: CRITICAL
#   category: security
#   resource_types: [aws_cloudtrail, aws_s3_bucket, aws_s3_bucket_acl, aws_s3_bucket_policy, aws_s3_bucket_public_access_block, aws_iam_policy_document]
#   frameworks:
#     cis-aws-1.5: ["3.3"]
#     soc2: [CC6.1]
#     pci-dss-4.0: ["10.3.2"]
#     nist-800-53-r5: [AC-3, AU-9]
#     cwe: [CWE-284]
#   equivalents:
#     trivy: AWS-0161
#   remediation: |
#     Keep the trail bucket private and block public access:
#     ```hcl
#     resource "aws_s3_bucket_public_access_block" "cloudtrail" {
#       bucket                  = aws_s3_bucket.cloudtrail.id
#       block_public_acls       = true
#       block_public_policy     = true
#       ignore_public_acls      = true
#       restrict_public_buckets = true
#     }
#     ```
#   aliases: []
package tfward.aws.cloudtrail.bucket_public

import rego.v1
import data.lib.aws
import data.lib.tf

public_acls := {"public-read", "public-read-write", "authenticated-read"}

deny contains tf.finding(res, path, sprintf("%s stores the logs of %s and grants %s to everyone", [b.address, t.address, acl])) if {
	some t in tf.resources("aws_cloudtrail")
	some b in aws.trail_buckets(t)
	some [res, path, acl] in bucket_acls(b)
	acl in public_acls
	not pab_set(b, ["ignore_public_acls", "block_public_acls"])
}

deny contains tf.finding(x.res, x.path, sprintf("%s stores the logs of %s and its policy lets anyone in", [b.address, t.address])) if {
	some t in tf.resources("aws_cloudtrail")
	some b in aws.trail_buckets(t)
	some x in bucket_policy_statements(b)
	aws.public_allow(x.stmt)
	not pab_set(b, ["restrict_public_buckets", "block_public_policy"])
}

bucket_acls(b) := array.concat(
	[[b, ["acl"], b.values.acl] | is_string(b.values.acl)],
	[[a, ["acl"], a.values.acl] | some a in aws.bucket_config(b, "aws_s3_bucket_acl"); is_string(a.values.acl)],
)

bucket_policy_statements(b) := array.concat(
	aws.policy_statements(b, "policy"),
	[x | some p in aws.bucket_config(b, "aws_s3_bucket_policy"); some x in aws.policy_statements(p, "policy")],
)

# A public access block of the bucket sets one of `attrs`, or may do so.
pab_set(b, attrs) if {
	some p in aws.bucket_config(b, "aws_s3_bucket_public_access_block")
	some a in attrs
	tf.is_true(tf.val(p.values, a, false))
}

pab_set(b, attrs) if {
	some p in aws.bucket_config(b, "aws_s3_bucket_public_access_block")
	some a in attrs
	tf.is_unknown(p, [a])
}

pab_set(b, _) if aws.bucket_config_undecided(b, "aws_s3_bucket_public_access_block")
