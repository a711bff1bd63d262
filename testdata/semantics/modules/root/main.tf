module "logs" {
  source = "./modules/bucket"
  name   = "logs"
  acl    = "public-read"
}

module "many" {
  source   = "./modules/bucket"
  for_each = toset(["a", "b"])
  name     = "many-${each.key}"
}

module "counted" {
  source = "./modules/bucket"
  count  = 1
  name   = "counted"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.8.1"
}

resource "aws_s3_bucket_policy" "logs" {
  bucket = module.logs.bucket_name
  policy = "{}"
}
