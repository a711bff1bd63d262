# A local built from an instance of a counted resource. Terraform's graph
# gives every expression that reads the local an edge to that instance, so
# each reader reaches aws_kms_key.k[0], whichever is evaluated first (the
# local's value is computed once, its references kept with it).
resource "aws_kms_key" "k" {
  count = 1
}

locals {
  key_arn = aws_kms_key.k[0].arn
  # A first reader that evaluates the local only for its type (the other
  # result of a conditional) must not hide the reference from later ones.
  port = var.plain ? 443 : length(local.key_arn)
}

variable "plain" {
  default = true
}

resource "aws_sqs_queue" "first" {
  kms_master_key_id = local.key_arn
  delay_seconds     = local.port
}

resource "aws_sqs_queue" "second" {
  kms_master_key_id = local.key_arn
}
