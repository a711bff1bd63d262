# METADATA
# title: No activity log alert for deleting a network security group rule
# description: >-
#   CIS asks for an activity log alert on
#   `Microsoft.Network/networkSecurityGroups/securityRules/delete` so that
#   deleting a network security group rule (a change that can weaken
#   security controls or expose resources) is noticed when it happens. The
#   rule looks at the azurerm_monitor_activity_log_alert resources of the
#   module: when the module manages activity log alerts but none that is
#   enabled has a criteria with this operation_name, it reports on the first
#   alert (by address). A module without any activity log alert is not
#   checked (alerting is usually managed in one place); an alert whose
#   operation name is unknown makes the rule undecided.
# related_resources:
#   - https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/monitor_activity_log_alert
#   - https://learn.microsoft.com/en-us/azure/azure-monitor/alerts/activity-log-alerts
# custom:
#   id: TFW-AZU-0215
#   severity: LOW
#   category: compliance
#   resource_types: [azurerm_monitor_activity_log_alert]
#   frameworks:
#     soc2: [CC7.2]
#     nist-800-53-r5: [AU-2, AU-12]
#     cwe: [CWE-778]
#   remediation: |
#     ```hcl
#     resource "azurerm_monitor_activity_log_alert" "nsg-rule-delete" {
#       name                = "nsg-rule-delete"
#       resource_group_name = "rg-monitor"
#       location            = "global"
#       scopes              = ["/subscriptions/00000000-0000-0000-0000-000000000000"]
#       enabled             = true
#
#       criteria {
#         category       = "Administrative"
#         operation_name = "Microsoft.Network/networkSecurityGroups/securityRules/delete"
#       }
#
#       action {
#         action_group_id = "/subscriptions/000/resourceGroups/rg-monitor/providers/Microsoft.Insights/actionGroups/secops"
#       }
#     }
#     ```
#   aliases: []
package tfward.azure.monitor.activity_alert_nsg_rule_delete

import rego.v1

import data.lib.tf

operation := "Microsoft.Network/networkSecurityGroups/securityRules/delete"

alerts := tf.resources("azurerm_monitor_activity_log_alert")

# The module manages activity log alerts but none of them fires on the operation.
deny contains tf.finding(first, [], sprintf("no activity log alert in this module fires on %s (%s)", [operation, first.address])) if {
	count(alerts) > 0
	count(covering) == 0
	count(undecided) == 0
	first := sorted_alerts[0]
}

sorted_alerts := [a | some addr in sort([x.address | some x in alerts]); some a in alerts; a.address == addr]

covering := [a |
	some a in alerts
	not tf.is_false(tf.val(a.values, "enabled", true))
	some c in tf.list(a.values, "criteria")
	lower(tf.val(c, "operation_name", "")) == lower(operation)
]

undecided := [a |
	some a in alerts
	some i, _ in tf.list(a.values, "criteria")
	tf.is_unknown(a, ["criteria", i, "operation_name"])
]
