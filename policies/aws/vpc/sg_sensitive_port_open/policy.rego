# METADATA
# title: Security group exposes a sensitive service port to the internet
# description: >-
#   An ingress rule that admits 0.0.0.0/0 or ::/0 to a port whose service should
#   never face the internet (lib.net sensitive ports: FTP, Telnet, SMTP, DNS,
#   NetBIOS/SMB, SNMP, LDAP, Docker, etcd, Kubernetes API, VNC, Kibana, Hadoop,
#   Elasticsearch transport, ...) invites exploitation of that service. The
#   rule's protocol must carry the service's protocol (UDP 161 reaches SNMP, UDP
#   23 reaches nothing) and a port range that includes the port counts. SSH and
#   RDP (TFW-AWS-0002, TFW-AWS-0003), the database ports (TFW-AWS-0029) and
#   rules that open every port (TFW-AWS-0028) are reported by their own policies
#   and left out here. Checked on every security group rule form; `self = true`
#   beside an open CIDR does not narrow it.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#   - https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html#ec2-19
# custom:
#   id: TFW-AWS-0200
#   severity: HIGH
#   category: security
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.3.1"]
#     nist-800-53-r5: [SC-7]
#     cwe: [CWE-284]
#   equivalents:
#     kics: 381c3f2a-ef6f-4eff-99f7-b169cda3422c
#   remediation: |
#     Allow the service only from the networks that use it:
#     ```hcl
#     resource "aws_vpc_security_group_ingress_rule" "kubeapi" {
#       security_group_id = aws_security_group.cluster.id
#       cidr_ipv4         = "10.0.0.0/8"
#       ip_protocol       = "tcp"
#       from_port         = 6443
#       to_port           = 6443
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.sg_sensitive_port_open

import rego.v1
import data.lib.aws
import data.lib.tf

# Ports with a policy of their own: SSH, RDP (TFW-AWS-0002/0003) and the
# database ports (TFW-AWS-0029).
dedicated := {22, 3389, 3306, 5432, 1433, 1521, 27017, 6379, 11211, 9200, 5439, 9042}

deny contains tf.finding(rule.resource, rule.path, msg) if {
	some rule in aws.open_rules("ingress")
	not aws.rule_covers_all_ports(rule)
	ports := [p | some p in aws.reached_ports(rule); not p in dedicated]
	count(ports) > 0
	msg := sprintf("%s exposes %s to %s (%s)", [rule.resource.address, ports_text(ports), rule.cidr, aws.port_text(rule)])
}

# At most five services by name, then how many more.
ports_text(ports) := aws.services_text(ports) if count(ports) <= 5

else := sprintf("%s and %d more sensitive ports", [aws.services_text(array.slice(ports, 0, 5)), count(ports) - 5])
