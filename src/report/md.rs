//! Markdown escaping for the change report: every value that comes from the
//! plan, the configuration, a policy or the command line (addresses, drifted
//! values, map keys, messages, file names, the change id) goes through one
//! of these before it lands in the page, so it is shown as text and never
//! read as a link, an image, raw HTML, a table cell break or the end of a
//! code span.

/// Plain text: Markdown punctuation backslash-escaped, HTML's `<` `>` `&`
/// as entities, line breaks flattened (a value cannot start a heading, a
/// list or a table row), and autolink triggers (`://`, `www.`) broken.
pub fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    let mut prev = ' ';
    while let Some(c) = chars.next() {
        // An underscore between letters or digits never starts emphasis
        // (GFM's flanking rules): `aws_db_instance` stays readable.
        let inner_underscore =
            c == '_' && prev.is_alphanumeric() && chars.peek().is_some_and(|n| n.is_alphanumeric());
        match c {
            '_' if inner_underscore => out.push('_'),
            '\\' | '`' | '*' | '_' | '[' | ']' | '!' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            ':' if chars.peek() == Some(&'/') => out.push_str("\\:"),
            '.' if out.to_ascii_lowercase().ends_with("www") => out.push_str("\\."),
            '-' if prev == ' ' && out.trim().is_empty() => out.push_str("\\-"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
        prev = c;
    }
    out
}

/// A code span whatever the value holds: a fence longer than any run of
/// backticks inside, padded when the value starts or ends with one; line
/// breaks flattened. Nothing inside a code span is a link, image or HTML.
pub fn code(s: &str) -> String {
    let flat: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut longest = 0;
    let mut run = 0;
    for c in flat.chars() {
        if c == '`' {
            run += 1;
            longest = longest.max(run);
        } else {
            run = 0;
        }
    }
    let fence = "`".repeat(longest + 1);
    let pad = if flat.starts_with('`') || flat.ends_with('`') || flat.trim().is_empty() {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{flat}{pad}{fence}")
}

/// A code span inside a table cell: as [`code`], with `|` escaped (GFM
/// splits cells on it even inside code spans, and strips the backslash).
pub fn code_cell(s: &str) -> String {
    code(s).replace('|', "\\|")
}

/// Text inside a table cell (the pipe is already escaped by [`text`]).
pub fn cell(s: &str) -> String {
    text(s)
}

/// Text written by tfward that marks values with backticks ("restore from
/// the snapshot `orders-final`"): the parts between backticks become code
/// spans, the rest plain text, each escaped for its context. A value with a
/// backtick of its own shifts the pairing, never the escaping.
pub fn rich(s: &str) -> String {
    spans(s, code)
}

/// [`rich`] inside a table cell.
pub fn rich_cell(s: &str) -> String {
    spans(s, code_cell)
}

fn spans(s: &str, code: fn(&str) -> String) -> String {
    let mut out = String::new();
    let parts: Vec<&str> = s.split('`').collect();
    // An odd number of backticks leaves the last part unpaired: plain text.
    let paired = if parts.len().is_multiple_of(2) {
        parts.len() - 1
    } else {
        parts.len()
    };
    for (i, part) in parts.iter().enumerate() {
        if i % 2 == 1 && i < paired {
            out.push_str(&code(part));
        } else {
            if i >= paired {
                out.push_str("\\`");
            }
            out.push_str(&text(part));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_neutralises_links_images_html_and_cells() {
        let hostile = "![x](https://evil.example/p.png) [click](http://a) <img src=x onerror=alert(1)> a|b\n# head";
        let t = text(hostile);
        assert!(!t.contains("!["), "{t}");
        assert!(!t.contains("<img"), "{t}");
        assert!(!t.contains("https://"), "{t}");
        assert!(!t.contains('\n'));
        assert!(t.contains("a\\|b"));
        assert_eq!(text("www.evil.com"), "www\\.evil.com");
    }

    #[test]
    fn code_spans_survive_backticks() {
        assert_eq!(code("aws_s3_bucket.b"), "`aws_s3_bucket.b`");
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x`"), "`` `x` ``");
        assert_eq!(code("a\nb"), "`a b`");
        assert_eq!(code_cell("a|b"), "`a\\|b`");
    }

    #[test]
    fn rich_text_escapes_both_parts() {
        assert_eq!(
            rich("restore `snap<1>` then [go]"),
            "restore `snap<1>` then \\[go\\]"
        );
        assert_eq!(rich("odd ` tick"), "odd \\` tick");
    }
}
