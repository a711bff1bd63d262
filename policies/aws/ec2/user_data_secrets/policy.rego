# METADATA
# title: EC2 user data contains hard-coded AWS credentials or secrets
# description: >-
#   User data is readable by anyone who can call ec2:DescribeInstanceAttribute
#   and from inside the instance through the metadata service, and it ends up in
#   Terraform state and plans. AWS access keys (AKIA/ASIA...), secret keys and
#   password assignments written into it leak that way. Give the instance an IAM
#   role, and read secrets from Secrets Manager or SSM Parameter Store at boot.
# related_resources:
#   - https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/user-data.html
# custom:
#   id: TFW-AWS-0027
#   severity: HIGH
#   category: security
#   resource_types: [aws_instance, aws_launch_configuration, aws_launch_template]
#   frameworks:
#     soc2: [CC6.1]
#     pci-dss-4.0: ["8.3.2"]
#     cwe: [CWE-798]
#   equivalents:
#     checkov: CKV_AWS_46
#     kics: d7b9d850-3e06-4a75-852f-c46c2e92240b
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
import data.lib.tf

# Patterns avoid \s and (?i): the text is lower-cased first where case does
# not matter.
patterns := {
	"an AWS access key id": `(AKIA|ASIA)[0-9A-Z]{16}`,
}

lower_patterns := {
	"an AWS secret access key": `aws_secret_access_key[ \t]*[=:][ \t]*["']?[a-z0-9/+]{40}`,
	"a password assignment": `(password|passwd|secret|api_key|token)[ \t]*=[ \t]*["']?[^ \t\n"'$]{8,}`,
}

deny contains tf.finding(r, ["user_data"], msg) if {
	some r in user_data_holders
	some what, re in patterns
	regex.match(re, r.values.user_data)
	msg := sprintf("%s has %s in its user data", [r.address, what])
}

deny contains tf.finding(r, ["user_data"], msg) if {
	some r in user_data_holders
	some what, re in lower_patterns
	regex.match(re, lower(r.values.user_data))
	msg := sprintf("%s has %s in its user data", [r.address, what])
}

user_data_holders contains r if {
	some t in {"aws_instance", "aws_launch_configuration"}
	some r in tf.resources(t)
	is_string(r.values.user_data)
}
