# Helpers for google provider policies: public IAM members and IAM grants in
# their three forms, firewall rules, instances, GKE node pools, Cloud SQL.
package lib.gcp

import rego.v1

import data.lib.net

import data.lib.tf

# ---------------------------------------------------------------------------
# Principals and roles
# ---------------------------------------------------------------------------

# IAM principals that mean "anyone" (with or without a Google account).
public_members := {"allUsers", "allAuthenticatedUsers"}

is_public_member(m) if m in public_members

# Basic (primitive) roles.
primitive_roles := {"roles/owner", "roles/editor"}

basic_roles := {"roles/owner", "roles/editor", "roles/viewer"}

# The Compute Engine and App Engine default service accounts, as an email or
# an IAM member ("serviceAccount:123-compute@developer.gserviceaccount.com").
default_sa_suffixes := ["-compute@developer.gserviceaccount.com", "@appspot.gserviceaccount.com"]

is_default_sa(email) if {
	is_string(email)
	some s in default_sa_suffixes
	endswith(lower(email), s)
}

is_service_account_member(m) if startswith(m, "serviceAccount:")

# ---------------------------------------------------------------------------
# IAM grants. Every target (project, bucket, topic, ...) has three resource
# forms: <prefix>_iam_member (member), <prefix>_iam_binding (members) and
# <prefix>_iam_policy (policy_data: a JSON string in plans, a reference to a
# google_iam_policy data source in configuration). iam_grants(prefixes)
# returns one entry per (resource, member):
#   {"resource": r, "path": path, "role": role, "member": m, "prefix": p}
# where resource/path is what a finding points at: the member attribute,
# the members list, the policy's policy_data, or the data source's binding.
# Unknown members are absent, so they never match.
# ---------------------------------------------------------------------------

iam_grants(prefixes) := array.concat(
	array.concat(member_grants(prefixes), binding_grants(prefixes)),
	array.concat(policy_json_grants(prefixes), policy_data_source_grants(prefixes)),
)

member_grants(prefixes) := [g |
	some p in prefixes
	some r in tf.resources(concat("", [p, "_iam_member"]))
	m := tf.val(r.values, "member", null)
	is_string(m)
	g := {"resource": r, "path": ["member"], "role": tf.val(r.values, "role", ""), "member": m, "prefix": p}
]

binding_grants(prefixes) := [g |
	some p in prefixes
	some r in tf.resources(concat("", [p, "_iam_binding"]))
	some m in tf.list(r.values, "members")
	is_string(m)
	g := {"resource": r, "path": ["members"], "role": tf.val(r.values, "role", ""), "member": m, "prefix": p}
]

# Plans carry policy_data as the JSON document the data source rendered.
policy_json_grants(prefixes) := [g |
	some p in prefixes
	some r in tf.resources(concat("", [p, "_iam_policy"]))
	not from_data_source(r)
	doc := policy_doc(r)
	some b in object.get(doc, "bindings", [])
	some m in object.get(b, "members", [])
	is_string(m)
	g := {"resource": r, "path": ["policy_data"], "role": object.get(b, "role", ""), "member": m, "prefix": p}
]

# policy_data as a JSON string, or as the decoded object when it holds
# unknown parts (jsonencode or a JSON heredoc with unknown interpolations).
policy_doc(r) := json.unmarshal(r.values.policy_data) if {
	is_string(r.values.policy_data)
	json.is_valid(r.values.policy_data)
} else := r.values.policy_data if is_object(r.values.policy_data)

# Configuration: policy_data refers to a google_iam_policy data source, whose
# binding blocks hold the members; the finding points at the binding.
policy_data_source_grants(prefixes) := [g |
	some p in prefixes
	some r in tf.resources(concat("", [p, "_iam_policy"]))
	some d in policy_data_sources_of(r)
	some i, b in tf.list(d.values, "binding")
	some m in tf.list(b, "members")
	is_string(m)
	g := {"resource": d, "path": ["binding", i, "members"], "role": tf.val(b, "role", ""), "member": m, "prefix": p}
]

iam_policy_data_sources := tf.data_sources("google_iam_policy")

# The google_iam_policy data sources a resource's policy_data refers to (in
# configuration; tfward also computes their policy_data, but the binding is
# the better place to point at).
policy_data_sources_of(r) := [d |
	some ref in object.get(r.references, "policy_data", [])
	some d in iam_policy_data_sources
	ref == tf.base_address(d.address)
]

from_data_source(r) if count(policy_data_sources_of(r)) > 0

# The resource types of iam_grants(prefixes), for METADATA resource_types.
iam_types(prefix) := [concat("", [prefix, s]) | some s in ["_iam_member", "_iam_binding", "_iam_policy"]]

# Grants grouped by where a finding points: one entry per (resource, path)
# with the sorted members and roles, so a binding with two offending
# members gives one finding.
grouped(grants) := [g |
	keys := {[x.resource.address, x.path] | some x in grants}
	some k in keys
	same := [x | some x in grants; [x.resource.address, x.path] == k]
	g := {
		"resource": same[0].resource,
		"path": k[1],
		"prefix": same[0].prefix,
		"members": sort({x.member | some x in same}),
		"roles": sort({x.role | some x in same; x.role != ""}),
	}
]

# Grants of a public principal (allUsers, allAuthenticatedUsers), grouped.
public_grants(prefixes) := grouped([x | some x in iam_grants(prefixes); is_public_member(x.member)])

# The text of a public grant for a message: "roles/x to allUsers".
public_grant_text(g) := sprintf("%s to %s", [role_text(g.roles), concat(", ", g.members)])

role_text(roles) := concat(", ", roles) if count(roles) > 0

role_text(roles) := "a role" if count(roles) == 0

# Resource-hierarchy levels: project, folder, organization.
hierarchy_prefixes := ["google_project", "google_folder", "google_organization"]

hierarchy_types := [t | some p in hierarchy_prefixes; some t in iam_types(p)]

level_name := {"google_project": "project", "google_folder": "folder", "google_organization": "organization"}

hierarchy_grants := iam_grants(hierarchy_prefixes)

# Resource-level IAM targets the policies read (buckets, datasets, topics,
# functions, KMS keys, ...), for checks that apply to every grant.
resource_iam_prefixes := [
	"google_pubsub_topic",
	"google_pubsub_subscription",
	"google_bigquery_table",
	"google_artifact_registry_repository",
	"google_cloud_run_service",
	"google_cloud_run_v2_service",
	"google_cloud_run_v2_job",
	"google_cloudfunctions_function",
	"google_cloudfunctions2_function",
	"google_secret_manager_secret",
	"google_dataproc_cluster",
	"google_spanner_instance",
	"google_spanner_database",
	"google_service_account",
	"google_compute_image",
	"google_compute_disk",
	"google_compute_region_disk",
	"google_compute_snapshot",
	"google_compute_instance",
	"google_compute_machine_image",
	"google_compute_subnetwork",
	"google_notebooks_instance",
	"google_notebooks_runtime",
	"google_workbench_instance",
	"google_healthcare_dataset",
	"google_healthcare_dicom_store",
	"google_healthcare_fhir_store",
	"google_healthcare_hl7_v2_store",
	"google_healthcare_consent_store",
	"google_sourcerepo_repository",
	"google_data_catalog_entry_group",
	"google_data_catalog_tag_template",
	"google_data_catalog_taxonomy",
	"google_data_catalog_policy_tag",
	"google_endpoints_service",
	"google_cloud_tasks_queue",
	"google_bigtable_instance",
	"google_bigtable_table",
	"google_privateca_ca_pool",
	"google_privateca_certificate_template",
	"google_api_gateway_api",
	"google_api_gateway_gateway",
	"google_iap_web",
	"google_iap_web_backend_service",
	"google_iap_tunnel",
	"google_iap_tunnel_instance",
	"google_dataplex_lake",
	"google_dataplex_zone",
	"google_dataplex_asset",
	"google_binary_authorization_attestor",
	"google_container_analysis_note",
	"google_service_directory_namespace",
	"google_service_directory_service",
	"google_tags_tag_key",
	"google_tags_tag_value",
	"google_runtimeconfig_config",
	"google_pubsub_schema",
	"google_storage_managed_folder",
	"google_dataproc_job",
	"google_cloudbuildv2_connection",
	"google_dataform_repository",
	"google_gke_hub_membership",
	"google_cloud_run_v2_worker_pool",
	"google_storage_bucket",
	"google_kms_crypto_key",
	"google_kms_key_ring",
	"google_bigquery_dataset",
]

all_iam_prefixes := array.concat(hierarchy_prefixes, resource_iam_prefixes)

# What a grant applies to, for messages: "project", "storage bucket".
target_name(p) := level_name[p]

target_name(p) := replace(trim_prefix(p, "google_"), "_", " ") if not level_name[p]

# Project-level grants.
project_grants := [g | some g in hierarchy_grants; g.prefix == "google_project"]

# Roles held by each member at project level, across member, binding and
# policy resources of the module: {member: {role, ...}}.
project_roles_by_member[m] := {g.role | some g in project_grants; g.member == m; g.role != ""} if {
	some x in project_grants
	m := x.member
}

# ---------------------------------------------------------------------------
# Firewalls
# ---------------------------------------------------------------------------

# Source ranges that mean the whole internet, as GCP spells them (lib.net's
# open_cidr also takes Azure's keywords and "0.0.0.0", which GCP reads as
# one address).
open_ranges := {"0.0.0.0/0", "::/0"}

# A firewall that is not disabled (an unknown `disabled` decides nothing).
firewall_enabled(r) if {
	not tf.is_true(tf.val(r.values, "disabled", false))
	not tf.is_unknown(r, ["disabled"])
}

# The direction of a firewall, upper-cased; undefined when unknown.
direction(r) := upper(tf.val(r.values, "direction", "INGRESS")) if not tf.is_unknown(r, ["direction"])

# An enabled firewall that applies to incoming traffic.
ingress_enabled(r) if {
	direction(r) == "INGRESS"
	firewall_enabled(r)
}

# The open source ranges of a firewall (empty when none is open or they are
# unknown). An ingress firewall that names no source at all (no
# source_ranges, source_tags or source_service_accounts) admits every
# source: GCP's documented default is 0.0.0.0/0.
open_sources(r) := [c | some c in tf.list(r.values, "source_ranges"); c in open_ranges] if not sourceless(r)

open_sources(r) := ["0.0.0.0/0 (no source given)"] if sourceless(r)

source_fields := ["source_ranges", "source_tags", "source_service_accounts"]

# True when a firewall names no source and none of its source fields is
# unknown.
sourceless(r) if {
	count([f | some f in source_fields; count(tf.list(r.values, f)) > 0]) == 0
	count([f | some f in source_fields; tf.is_unknown(r, [f])]) == 0
}

# Enabled ingress firewalls with the open ranges they admit traffic from.
ingress_from_internet := [{"resource": r, "ranges": srcs} |
	some r in tf.resources("google_compute_firewall")
	ingress_enabled(r)
	srcs := open_sources(r)
	count(srcs) > 0
]

# Enabled egress firewalls with the open ranges they let traffic out to. An
# egress rule without destination_ranges applies to every destination.
egress_to_internet := [{"resource": r, "ranges": dsts} |
	some r in tf.resources("google_compute_firewall")
	direction(r) == "EGRESS"
	firewall_enabled(r)
	dsts := open_destinations(r)
	count(dsts) > 0
]

open_destinations(r) := [c | some c in tf.list(r.values, "destination_ranges"); c in open_ranges] if {
	count(tf.list(r.values, "destination_ranges")) > 0
}

open_destinations(r) := ["0.0.0.0/0 (no destination_ranges)"] if {
	count(tf.list(r.values, "destination_ranges")) == 0
	not tf.is_unknown(r, ["destination_ranges"])
}

# Protocols that have ports.
port_protocols := {"tcp", "udp", "sctp"}

# True when allow block i of r lets `port` through for one of `protocols`
# ("tcp", "udp"): the block's protocol is all, or is one of `protocols` and
# its ports (none listed = every port) cover `port`. ICMP never carries a
# port, and an unknown ports list decides nothing.
allow_reaches(r, i, port, protocols) if {
	net.all_protocols(r.values.allow[i].protocol)
}

allow_reaches(r, i, port, protocols) if {
	some name in protocols
	net.protocol_is(r.values.allow[i].protocol, name)
	allow_ports_cover(r, i, port)
}

allow_ports_cover(r, i, _) if {
	count(tf.list(r.values.allow[i], "ports")) == 0
	not tf.is_unknown(r, ["allow", i, "ports"])
	not tf.is_unknown(r, ["allow"])
}

allow_ports_cover(r, i, port) if {
	some spec in tf.list(r.values.allow[i], "ports")
	net.port_spec_covers(spec, port)
}

# The ports allow block i of r lets through, as [low, high] ranges (its
# protocols aside, see allow_speaks): every port for protocol all or an
# empty ports list that is known; the listed specs otherwise; none while the
# ports are unknown. For checks over many ports: parse once, compare numbers.
allow_port_ranges(r, i) := [[0, 65535]] if allow_every_port_listed(r, i)

allow_port_ranges(r, i) := [rg |
	some spec in tf.list(r.values.allow[i], "ports")
	rg := net.port_spec_range(spec)
] if not allow_every_port_listed(r, i)

allow_every_port_listed(r, i) if net.all_protocols(r.values.allow[i].protocol)

allow_every_port_listed(r, i) if {
	count(tf.list(r.values.allow[i], "ports")) == 0
	not tf.is_unknown(r, ["allow", i, "ports"])
	not tf.is_unknown(r, ["allow"])
}

# True when allow block i carries one of `protocols` ("tcp", "udp"): its
# protocol is all, or one of them.
allow_speaks(r, i, _) if net.all_protocols(r.values.allow[i].protocol)

allow_speaks(r, i, protocols) if {
	some name in protocols
	net.protocol_is(r.values.allow[i].protocol, name)
}

# True when allow block i reaches the service on a lib.net sensitive port,
# with the protocols that service listens on.
allow_reaches_service(r, i, port) if allow_reaches(r, i, port, sensitive_ports[port].protocols)

# lib.net's table, read through a rule of this package (a function that reads
# another package's rule directly is undefined on regorus's interpreter when
# a policy calls it).
sensitive_ports := data.lib.net.sensitive_ports

# True when allow block i lets every port through: protocol all, or a port
# protocol with no ports list or a range covering 0-65535.
allow_all_ports(r, i) if net.all_protocols(r.values.allow[i].protocol)

allow_all_ports(r, i) if {
	some name in port_protocols
	net.protocol_is(r.values.allow[i].protocol, name)
	count(tf.list(r.values.allow[i], "ports")) == 0
	not tf.is_unknown(r, ["allow", i, "ports"])
	not tf.is_unknown(r, ["allow"])
}

allow_all_ports(r, i) if {
	some name in port_protocols
	net.protocol_is(r.values.allow[i].protocol, name)
	some spec in tf.list(r.values.allow[i], "ports")
	net.port_spec_all(spec)
}

# The path a firewall finding points at for allow block i.
allow_path(r, i) := ["allow", i, "ports"] if count(tf.list(r.values.allow[i], "ports")) > 0

allow_path(r, i) := ["allow", i] if count(tf.list(r.values.allow[i], "ports")) == 0

# ---------------------------------------------------------------------------
# Compute instances
# ---------------------------------------------------------------------------

# Metadata values are strings; GCE accepts TRUE/true/1/yes/y for booleans.
truthy(v) if lower(trim_space(sprintf("%v", [v]))) in {"true", "1", "yes", "y", "on"}

falsy(v) if lower(trim_space(sprintf("%v", [v]))) in {"false", "0", "no", "n", "off"}

# Every resource that creates a VM shares the metadata/service_account/
# network_interface/shielded_instance_config schema.
instance_types := [
	"google_compute_instance",
	"google_compute_instance_template",
	"google_compute_region_instance_template",
	"google_compute_instance_from_template",
]

instances := [r | some t in instance_types; some r in tf.resources(t)]

# google_compute_instance_from_template takes every attribute it does not
# set from its template: an absent attribute is the template's, not the
# provider default, so checks on absent attributes skip it.
from_template(r) if r.type == "google_compute_instance_from_template"

# The value of a metadata key on an instance (undefined when absent).
metadata(r, key) := tf.val(r.values, "metadata", {})[key]

# ---------------------------------------------------------------------------
# GKE node pools: the cluster's default pool (node_config, unless
# remove_default_node_pool or inline node_pool blocks replace it), inline
# node_pool blocks, and google_container_node_pool. Each entry:
#   {"resource": r, "prefix": path of the pool in r ([] or ["node_pool", i]),
#    "config": the node_config object ({} when absent),
#    "config_path": path of node_config[0], or of the pool when absent}
# Autopilot clusters (Google manages the nodes) and pools whose settings are
# unknown are left out.
# ---------------------------------------------------------------------------

node_pools := array.concat(array.concat(default_pools, inline_pools), separate_pools)

autopilot(r) if tf.is_true(tf.val(r.values, "enable_autopilot", false))

autopilot(r) if tf.is_unknown(r, ["enable_autopilot"])

default_pools := [pool_entry(r, []) |
	some r in tf.resources("google_container_cluster")
	not autopilot(r)
	not tf.is_true(tf.val(r.values, "remove_default_node_pool", false))
	not tf.is_unknown(r, ["remove_default_node_pool"])
	count(tf.list(r.values, "node_pool")) == 0
	not tf.is_unknown(r, ["node_pool"])
	not tf.is_unknown(r, ["node_config"])
]

inline_pools := [pool_entry(r, ["node_pool", i]) |
	some r in tf.resources("google_container_cluster")
	not autopilot(r)
	some i, _ in tf.list(r.values, "node_pool")
	not tf.is_unknown(r, ["node_pool", i, "node_config"])
]

separate_pools := [pool_entry(r, []) |
	some r in tf.resources("google_container_node_pool")
	not tf.is_unknown(r, ["node_config"])
]

pool_entry(r, prefix) := {
	"resource": r,
	"prefix": prefix,
	"config": first(tf.list(tf.at(r, prefix, {}), "node_config")),
	"config_path": config_path(r, prefix),
}

first(xs) := xs[0] if count(xs) > 0

first(xs) := {} if count(xs) == 0

config_path(r, prefix) := array.concat(prefix, ["node_config", 0]) if {
	count(tf.list(tf.at(r, prefix, {}), "node_config")) > 0
}

config_path(r, prefix) := array.concat(prefix, ["node_config"]) if {
	count(tf.list(tf.at(r, prefix, {}), "node_config")) == 0
}

# The node pool's name for messages: "google_container_node_pool.np",
# "google_container_cluster.c (node pool 0)".
pool_label(p) := p.resource.address if count(p.prefix) == 0

pool_label(p) := sprintf("%s (node pool %d)", [p.resource.address, p.prefix[1]]) if count(p.prefix) == 2

# ---------------------------------------------------------------------------
# Cloud SQL
# ---------------------------------------------------------------------------

sql_instances := tf.resources("google_sql_database_instance")

# Database flags of a Cloud SQL instance as {name: value}.
sql_flags(r) := {f.name: object.get(f, "value", "") |
	some s in tf.list(r.values, "settings")
	some f in tf.list(s, "database_flags")
}

# True when any database flag of r is unknown (a flag list from a variable).
sql_flags_unknown(r) if tf.is_unknown(r, ["settings"])

sql_flags_unknown(r) if tf.is_unknown(r, ["settings", 0, "database_flags"])

sql_flags_unknown(r) if {
	some u in r.unknown
	startswith(u, "settings.0.database_flags")
}

is_postgres(r) if startswith(upper(tf.val(r.values, "database_version", "")), "POSTGRES")

is_mysql(r) if startswith(upper(tf.val(r.values, "database_version", "")), "MYSQL")

is_sqlserver(r) if startswith(upper(tf.val(r.values, "database_version", "")), "SQLSERVER")

# The lower-cased value of a flag; undefined when the flag is not set.
sql_flag(r, name) := lower(trim_space(sprintf("%v", [sql_flags(r)[name]])))

# The lower-cased value of a flag, or default_value when it is not set.
sql_flag_or(r, name, default_value) := sql_flag(r, name)

sql_flag_or(r, name, default_value) := default_value if not sql_flags(r)[name]

# Where a finding on a flag points: the flag's value when it is written, else
# the database_flags list, else the settings block. (Comprehensions, not
# loops, before each `else`: regorus's VM skips an `else` after a body whose
# loop found nothing.)
sql_flag_path(r, name) := paths[0] if {
	paths := [["settings", s, "database_flags", i, "value"] |
		some s, settings in tf.list(r.values, "settings")
		some i, f in tf.list(settings, "database_flags")
		f.name == name
	]
	count(paths) > 0
} else := ["settings", 0, "database_flags"] if {
	with_flags := [s |
		some s in tf.list(r.values, "settings")
		count(tf.list(s, "database_flags")) > 0
	]
	count(with_flags) > 0
} else := ["settings", 0]

# Instances of an engine whose flags are all known.
sql_with_known_flags(engine) := [r |
	some r in sql_instances
	engine_is(r, engine)
	not sql_flags_unknown(r)
	not tf.is_unknown(r, ["database_version"])
]

engine_is(r, "postgres") if is_postgres(r)

engine_is(r, "mysql") if is_mysql(r)

engine_is(r, "sqlserver") if is_sqlserver(r)

# Read replicas take their backup and recovery settings from the primary.
sql_replica(r) if tf.val(r.values, "master_instance_name", "") != ""

sql_replica(r) if tf.is_unknown(r, ["master_instance_name"])

# ---------------------------------------------------------------------------
# Log-based metrics and alert policies (CIS 2.4-2.11): a family of events is
# covered when a google_logging_metric whose filter matches it is used by a
# google_monitoring_alert_policy (a reference, or the metric's
# logging.googleapis.com/user/<name> in a condition filter), or an alert's
# condition_matched_log filter matches it directly.
# ---------------------------------------------------------------------------

log_metrics := tf.resources("google_logging_metric")

alert_policies := tf.resources("google_monitoring_alert_policy")

# A module that manages monitoring: the place where the families are checked.
monitoring_module if count(log_metrics) + count(alert_policies) > 0

# The resource a module-level finding points at: its first metric or alert.
monitoring_anchor := sort([r.address | some r in array.concat(log_metrics, alert_policies)])[0]

# Filter text compared without case or white space.
norm_filter(s) := lower(regex.replace(s, `\s+`, ""))

# True when a metric or alert filter of the module cannot be read.
monitoring_undecided if {
	some m in log_metrics
	tf.is_unknown(m, ["filter"])
}

monitoring_undecided if {
	some a in alert_policies
	some u in a.unknown
	startswith(u, "conditions")
}

metric_alerted(m) if {
	some a in alert_policies
	some _, refs in a.references
	some ref in refs
	ref == tf.base_address(m.address)
}

metric_alerted(m) if {
	is_string(m.values.name)
	needle := concat("", ["logging.googleapis.com/user/", m.values.name])
	some a in alert_policies
	some c in tf.list(a.values, "conditions")
	some t in tf.list(c, "condition_threshold")
	contains(tf.val(t, "filter", ""), needle)
}

# Normalized filters of condition_matched_log conditions (log-based alerts).
log_alert_filters := [norm_filter(f) |
	some a in alert_policies
	some c in tf.list(a.values, "conditions")
	some l in tf.list(c, "condition_matched_log")
	f := tf.val(l, "filter", "")
	is_string(f)
]

# ---------------------------------------------------------------------------
# Networks
# ---------------------------------------------------------------------------

# Subnetworks that carry VM traffic (proxy-only and PSC subnets have no
# flow logs or private Google access).
special_subnet_purposes := {"REGIONAL_MANAGED_PROXY", "GLOBAL_MANAGED_PROXY", "INTERNAL_HTTPS_LOAD_BALANCER", "PRIVATE_SERVICE_CONNECT", "PRIVATE_NAT"}

vm_subnets := [r |
	some r in tf.resources("google_compute_subnetwork")
	not upper(tf.val(r.values, "purpose", "PRIVATE")) in special_subnet_purposes
	not tf.is_unknown(r, ["purpose"])
]
