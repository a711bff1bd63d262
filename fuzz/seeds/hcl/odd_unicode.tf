# ‮gnp.exe ​‍﻿ é́
resource "aws_s3_bucket" "b" {
  for_each = toset(["\u001b[2J\u001b]8;;http://x\u0007y", "\n::error::PWNED", "‮evil", "é́́", "\u0000nul"])
  bucket   = each.key
  acl      = "public-read"
  tags     = { "​Name" = "👩‍👩‍👧", "[31m" = "red" }
}
