# Found by fuzz target `functions` (testdata/fuzz/functions/crash-indent-huge-width:
# indent(9007199254740992, false)). indent() builds " " x n before its size
# check, which only counts the lines after a newline: the process aborts on a
# failed allocation instead of reporting an error.
locals {
  x = indent(9007199254740992, "x")
}

resource "aws_s3_bucket_acl" "a" {
  acl = local.x == "" ? "public-read" : "private"
}
