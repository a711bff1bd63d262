# A value with unknown leaves keeps its known structure (Terraform: an
# unknown leaf does not make a known object unknown; jsonencode of it is an
# unknown string, whose structure tfward keeps so policies can read it).
resource "aws_s3_bucket" "b" {
  bucket = "site"
}

resource "aws_s3_bucket_policy" "public" {
  bucket = aws_s3_bucket.b.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "${aws_s3_bucket.b.arn}/*"
    }]
  })
}

locals {
  encoded = jsonencode({ Id = "x", Arn = aws_s3_bucket.b.arn })
}

resource "aws_ssm_parameter" "roundtrip" {
  name = "p"
  type = "String"
  # jsondecode of a partially known JSON string gives back what it encodes.
  value = jsondecode(local.encoded).Id
  # Any other use of the string is unknown, as in Terraform.
  description = "${local.encoded}!"
}
