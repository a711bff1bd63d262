# A template whose text is JSON keeps its known structure when some of its
# interpolations are unknown, as jsonencode of a partially known value does:
# Terraform's result is an unknown string, the document shows the JSON it
# holds with the unknown parts listed.
resource "aws_s3_bucket" "b" {
  bucket = "site"
}

variable "receive_count" {
  type = number
}

locals {
  statements = [{
    Effect    = "Allow"
    Principal = "*"
    Action    = "s3:ListBucket"
    Resource  = aws_s3_bucket.b.arn
  }]
}

# An interpolation inside a JSON string makes that string unknown.
resource "aws_s3_bucket_policy" "heredoc" {
  bucket = aws_s3_bucket.b.id
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": "*",
    "Action": "s3:GetObject",
    "Resource": "${aws_s3_bucket.b.arn}/*"
  }]
}
EOF
}

# An interpolation in a value's place is that value: a partially known
# jsonencode keeps its structure, any other unknown is an unknown leaf.
resource "aws_sqs_queue" "q" {
  name   = "q"
  policy = <<-EOT
    {"Version": "2012-10-17", "Statement": ${jsonencode(local.statements)}}
  EOT
  redrive_policy = "{\"deadLetterTargetArn\": \"${aws_s3_bucket.b.arn}\", \"maxReceiveCount\": ${var.receive_count}}"
}

# templatefile renders the same way.
resource "aws_s3_bucket_policy" "file" {
  bucket = aws_s3_bucket.b.id
  policy = templatefile("${path.module}/policy.json.tftpl", { arn = aws_s3_bucket.b.arn })
}

# Text that is not JSON stays an unknown string.
resource "aws_ssm_parameter" "text" {
  name  = "p"
  type  = "String"
  value = "{not json ${aws_s3_bucket.b.arn}"
}
