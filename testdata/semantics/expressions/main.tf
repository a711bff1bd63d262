locals {
  ports   = [22, 80, 443]
  subnets = { a = "10.0.1.0/24", b = "10.0.2.0/24" }
  users   = [{ name = "ann", admin = true }, { name = "bob", admin = false }]
}

resource "aws_security_group" "sg" {
  name        = "sg-${length(local.ports)}"
  description = <<-EOT
    %{~ for p in local.ports ~}
    port ${p}
    %{~ endfor ~}
  EOT
  admins      = [for u in local.users : u.name if u.admin]
  names       = local.users[*].name
  by_name     = { for u in local.users : u.name => u.admin }
  cidrs       = values(local.subnets)
  third       = cidrsubnet("10.0.0.0/16", 8, 3)
  enabled     = length(local.ports) > 2 ? "yes" : "no"
  math        = (1 + 2) * 3 % 4
  joined      = join(",", [for k, v in local.subnets : "${k}=${v}"])
  policy      = jsonencode({ Version = "2012-10-17", Statement = [] })
  maybe       = try(local.users[5].name, "none")
  ok          = can(regex("^a", "abc"))
}
