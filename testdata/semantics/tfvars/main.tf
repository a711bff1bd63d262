variable "acl" {
  type    = string
  default = "private"
}

variable "from_auto" {
  type    = string
  default = "default"
}

variable "settings" {
  type = object({
    versioning = optional(bool, true)
    retention  = optional(number)
    tags       = optional(map(string), {})
  })
  default = {}
}

variable "not_nullable" {
  type     = string
  default  = "kept"
  nullable = false
}

variable "password" {
  type      = string
  sensitive = true
}

resource "aws_s3_bucket_acl" "b" {
  bucket = "b"
  acl    = var.acl
}

resource "aws_s3_bucket" "b" {
  bucket     = "b-${var.from_auto}"
  versioning = var.settings.versioning
  retention  = var.settings.retention
  label      = var.not_nullable
}

resource "aws_db_instance" "db" {
  password = var.password
  username = "admin-${var.password}"
}
