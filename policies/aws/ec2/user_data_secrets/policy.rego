# METADATA
# title: EC2 user data contains hard-coded credentials, keys or passwords
# description: >-
#   User data is readable by anyone who can call ec2:DescribeInstanceAttribute
#   (or DescribeLaunchTemplateVersions) and from inside the instance through the
#   metadata service, and it ends up in Terraform state and plans. AWS access
#   key ids (AKIA/ASIA...), AWS secret keys, private keys (-----BEGIN ...
#   PRIVATE KEY-----) and password, secret or token assignments written into it
#   leak that way. Checked on plain user_data and on user_data_base64 (decoded)
#   of aws_instance, aws_spot_instance_request and aws_launch_configuration, and
#   on the base64 user_data of aws_launch_template (decoded). Values taken from
#   variables, `${...}` or `$(...)` expansions are not secrets; gzip-compressed
#   user data cannot be read and is skipped. In a plan, aws_instance and
#   aws_launch_configuration record only a hash of user_data, so only their
#   user_data_base64 and launch templates can be read there. Give the instance
#   an IAM role, and read secrets from Secrets Manager or SSM Parameter Store at
#   boot.
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html
# custom:
#   id: TFW-AWS-0027
#   severity: HIGH
#   category: security
#   resource_types: [aws_instance, aws_spot_instance_request, aws_launch_configuration, aws_launch_template]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["8.3.2"]
#     cwe: [CWE-798]
#   equivalents:
#     checkov: CKV_AWS_46
#     trivy: [AWS-0029, AWS-0122, AWS-0129]
#     kics: [d7b9d850-3e06-4a75-852f-c46c2e92240b, 443488f5-c734-460b-a36d-5b3f330174dc]
#   remediation: |
#     Fetch secrets at boot with the instance role instead:
#     ```hcl
#     resource "aws_instance" "app" {
#       ami                  = data.aws_ami.al2023.id
#       instance_type        = "t3.micro"
#       iam_instance_profile = aws_iam_instance_profile.app.name
#       user_data            = <<-EOT
#         #!/bin/bash
#         DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id app/db --query SecretString --output text)
#       EOT
#     }
#     ```
#   aliases: []
package tfward.aws.ec2.user_data_secrets

import rego.v1
import data.lib.aws
import data.lib.secrets
import data.lib.tf

deny contains tf.finding(r, x.path, msg) if {
	some t in data.lib.aws.launcher_types
	some r in tf.resources(t)
	some x in aws.user_data(r)
	found := secrets.secrets_in(x.text)
	count(found) > 0
	msg := sprintf("%s has %s in its %s", [r.address, concat(", ", sort(found)), x.path[0]])
}
