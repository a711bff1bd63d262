# METADATA
# title: Security group exposes a database or cache port to the internet
# description: >-
#   Database and cache engines (MySQL 3306, PostgreSQL 5432, SQL Server 1433,
#   Oracle 1521, MongoDB 27017, Redis 6379, Memcached 11211 on TCP or UDP,
#   Elasticsearch 9200, Redshift 5439, Cassandra 9042) are prime targets for
#   credential stuffing and unauthenticated exploits when reachable from
#   0.0.0.0/0 or ::/0. The rule's protocol must carry the engine's protocol (UDP
#   5432 reaches nothing) and port ranges that include the port count. Checked
#   on every security group rule form. Data stores belong in private subnets
#   with access limited to application security groups. Rules that open every
#   port are reported by TFW-AWS-0028 instead.
# related_resources:
#   - https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html
#   - https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.Scenarios.html
# custom:
#   id: TFW-AWS-0029
#   severity: HIGH
#   category: security
#   resource_types: [aws_security_group, aws_default_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   frameworks:
#     soc2: [CC6.6]
#     pci-dss-4.0: ["1.3.1", "1.4.4"]
#     cwe: [CWE-284]
#   remediation: |
#     Allow the database port only from the application's security group:
#     ```hcl
#     resource "aws_vpc_security_group_ingress_rule" "postgres_from_app" {
#       security_group_id            = aws_security_group.db.id
#       referenced_security_group_id = aws_security_group.app.id
#       ip_protocol                  = "tcp"
#       from_port                    = 5432
#       to_port                      = 5432
#     }
#     ```
#   aliases: []
package tfward.aws.vpc.sg_database_ports_open

import rego.v1
import data.lib.aws
import data.lib.net
import data.lib.tf

db_ports := {
	3306: {"name": "MySQL", "protocols": {"tcp"}},
	5432: {"name": "PostgreSQL", "protocols": {"tcp"}},
	1433: {"name": "SQL Server", "protocols": {"tcp"}},
	1521: {"name": "Oracle", "protocols": {"tcp"}},
	27017: {"name": "MongoDB", "protocols": {"tcp"}},
	6379: {"name": "Redis", "protocols": {"tcp"}},
	11211: {"name": "Memcached", "protocols": {"tcp", "udp"}},
	9200: {"name": "Elasticsearch", "protocols": {"tcp"}},
	5439: {"name": "Redshift", "protocols": {"tcp"}},
	9042: {"name": "Cassandra", "protocols": {"tcp"}},
}

deny contains tf.finding(rule.resource, rule.path, msg) if {
	some rule in aws.open_rules("ingress")
	not aws.rule_covers_all_ports(rule)
	some port, engine in db_ports
	some p in engine.protocols
	net.protocol_is(rule.proto, p)
	net.port_in_range(port, rule.from, rule.to)
	msg := sprintf("%s exposes %s (%s port %d) to %s", [rule.resource.address, engine.name, p, port, rule.cidr])
}
