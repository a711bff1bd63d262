//! Hash and crypto functions: digests of strings and files, `uuidv5`;
//! random or key-dependent ones are unknown.

use sha2::Digest as _;

use super::*;

/// md5(), sha1(), sha256(), sha512(): the hex digest of a string's UTF-8 bytes.
pub(super) fn digest_hex<H: sha2::Digest>(a: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::String(hex(&H::digest(to_str(&a[0])?.as_bytes()))))
}

/// base64sha256(), base64sha512(): the digest Base64-encoded.
pub(super) fn digest_base64<H: sha2::Digest>(a: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::String(base64_encode(&H::digest(
        to_str(&a[0])?.as_bytes(),
    ))))
}

/// filemd5(), filesha1(), ...: the hex digest of a file's bytes.
pub(super) fn file_digest_hex<H: sha2::Digest>(a: &[Value], ctx: &FnContext<'_>) -> Res {
    Ok(Value::String(hex(&H::digest(
        read_file(ctx, &to_str(&a[0])?)?.0,
    ))))
}

/// filebase64sha256(), filebase64sha512().
pub(super) fn file_digest_base64<H: sha2::Digest>(a: &[Value], ctx: &FnContext<'_>) -> Res {
    Ok(Value::String(base64_encode(&H::digest(
        read_file(ctx, &to_str(&a[0])?)?.0,
    ))))
}

pub(super) fn fn_uuidv5(a: &[Value], _: &FnContext<'_>) -> Res {
    let ns = to_str(&a[0])?;
    let name = to_str(&a[1])?;
    let ns_text = match ns.as_str() {
        "dns" => "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
        "url" => "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
        "oid" => "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
        "x500" => "6ba7b814-9dad-11d1-80b4-00c04fd430c8",
        other => other,
    };
    let ns_bytes =
        parse_uuid(ns_text).ok_or_else(|| format!("uuidv5() doesn't support namespace {ns}"))?;
    let mut hasher = sha1::Sha1::new();
    hasher.update(ns_bytes);
    hasher.update(name.as_bytes());
    let digest = hasher.finalize();
    let mut b = [0u8; 16];
    for (dst, src) in b.iter_mut().zip(digest.iter()) {
        *dst = *src;
    }
    b[6] = (b[6] & 0x0f) | 0x50;
    b[8] = (b[8] & 0x3f) | 0x80;
    let h = hex(&b);
    Ok(Value::String(format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )))
}

/// Parses a UUID in its canonical, braced or `urn:uuid:` form.
pub(super) fn parse_uuid(s: &str) -> Option<[u8; 16]> {
    let s = s.strip_prefix("urn:uuid:").unwrap_or(s);
    let s = s
        .strip_prefix('{')
        .and_then(|r| r.strip_suffix('}'))
        .unwrap_or(s);
    let digits: String = if s.len() == 36 {
        let b = s.as_bytes();
        if [8, 13, 18, 23].iter().any(|i| b.get(*i) != Some(&b'-')) {
            return None;
        }
        s.chars().filter(|c| *c != '-').collect()
    } else if s.len() == 32 {
        s.to_owned()
    } else {
        return None;
    };
    let mut out = [0u8; 16];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(digits.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

pub(super) fn fn_uuid(_: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::unknown("uuid() is random and only known at apply"))
}

pub(super) fn fn_bcrypt(_: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::unknown(
        "bcrypt() uses a random salt and is only known at apply",
    ))
}

pub(super) fn fn_rsadecrypt(_: &[Value], _: &FnContext<'_>) -> Res {
    Ok(Value::unknown(
        "rsadecrypt() needs a private key and is not evaluated statically",
    ))
}
