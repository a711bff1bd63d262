variable "names" {
  type    = list(string)
  default = ["a", "b"]
}

variable "secret" {
  type      = string
  default   = "hunter2"
  sensitive = true
}

locals {
  upper   = [for n in var.names : upper(n) if n != ""]
  by_name = { for i, n in var.names : n => i... }
  tpl     = "%{ for n in var.names ~}${n},%{ endfor ~}"
  cond    = length(var.names) > 1 ? "many" : "one"
  doc     = jsondecode("{\"a\": [1, 2, {\"b\": null}]}")
  heredoc = <<-EOT
    name: ${local.cond}
    %{ if local.cond == "many" }yes%{ else }no%{ endif }
  EOT
  splat   = aws_s3_bucket.b[*].bucket
  derived = base64encode(upper(var.secret))
  tried   = try(local.doc.c.d, "fallback")
  nets    = cidrsubnets("10.0.0.0/16", 4, 4, 8)
  fmt     = format("%-8s|%5.2f|%v", "x", 3.14159, [1, 2])
}

resource "aws_s3_bucket" "b" {
  count  = 2
  bucket = "logs-${count.index}-${local.cond}"
  acl    = "public-read"
  tags   = merge({ Name = local.upper[0] }, { Secret = local.derived })
}
