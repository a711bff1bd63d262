# Found by the hcl_structured fuzz target (fuzz smoke, 2026-12-03): a
# for_each that refers to its own resource twice. Each reference asked for
# the resource's instances, which evaluated the for_each again: the work
# doubled at each level, and the scan ran for hours. Terraform reports a
# cycle; tfward leaves the for_each unknown.
resource "google_compute_firewall" "self" {
  for_each = [google_compute_firewall.self.name, google_compute_firewall.self.for_each]
  name     = "fw"
}
