# METADATA
# title: Security group exposes a database or cache port to the internet
# description: >-
#   Database and cache engines (MySQL 3306, PostgreSQL 5432, SQL Server 1433,
#   Oracle 1521, MongoDB 27017, Redis 6379, Memcached 11211, Elasticsearch 9200,
#   Redshift 5439, Cassandra 9042) are prime targets for credential stuffing and
#   unauthenticated exploits when reachable from 0.0.0.0/0 or ::/0. Data stores
#   belong in private subnets with access limited to application security
#   groups. Rules that open every port are reported by TFW-AWS-0028 instead.
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
import data.lib.tf

db_ports := {3306: "MySQL", 5432: "PostgreSQL", 1433: "SQL Server", 1521: "Oracle", 27017: "MongoDB", 6379: "Redis", 11211: "Memcached", 9200: "Elasticsearch", 5439: "Redshift", 9042: "Cassandra"}

deny contains tf.finding(rule.resource, rule.path, msg) if {
	some port, engine in db_ports
	some rule in aws.open_ingress_on(port)
	not aws.rule_covers_all_ports(rule)
	msg := sprintf("%s exposes %s (port %d) to %s", [rule.resource.address, engine, port, rule.cidr])
}
