//! Text for SVG, which neither wraps nor escapes by itself: escaping, a width estimate and line
//! breaking. No font metrics are available in the browser's wasm or natively, so widths are a
//! deliberate over-estimate per script: a line may end a little early, never past the edge.

/// Escapes text for an SVG text node or a double-quoted attribute. Everything the poster shows
/// (data, translations, the country name the page passes in) goes through here.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0; drop them rather than break the file.
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' => {}
            c => out.push(c),
        }
    }
    out
}

/// Characters that draw over the previous one (Thai vowels and tone marks, Arabic harakat,
/// Devanagari signs, combining accents): no width of their own, and never the start of a line.
fn is_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x064B..=0x065F | 0x0670 | 0x0900..=0x0903 | 0x093A..=0x094F
        | 0x0951..=0x0957 | 0x0962..=0x0963 | 0x0E31 | 0x0E34..=0x0E3A | 0x0E47..=0x0E4E)
}

/// Ideographs, kana, Hangul and full-width forms: one em wide, and a line may break around each.
fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// Width of a character in em, erring wide.
fn char_em(c: char) -> f32 {
    if is_mark(c) {
        0.0
    } else if is_wide(c) {
        1.0
    } else if c == ' ' {
        0.3
    } else if "iljtfr.,:;'!|·()[]".contains(c) {
        0.34
    } else if c == 'W' || c == 'M' || c == 'm' || c == 'w' || c == '@' {
        0.9
    } else if c.is_ascii_uppercase() || c.is_ascii_digit() {
        0.68
    } else {
        0.6
    }
}

/// Estimated width of `text` in em; bold text is drawn wider.
pub fn width_em(text: &str, bold: bool) -> f32 {
    let w: f32 = text.chars().map(char_em).sum();
    if bold {
        w * 1.08
    } else {
        w
    }
}

/// Breaks `text` into lines of at most `max_em`: at spaces, around wide characters, and, for a
/// word longer than a line (a URL, a Thai phrase), between characters that are not marks.
pub fn wrap(text: &str, max_em: f32, bold: bool) -> Vec<String> {
    // Units: words (with whether a space precedes them) and single wide characters.
    let mut units: Vec<(bool, String)> = Vec::new();
    let mut word = String::new();
    let mut space_before = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !word.is_empty() {
                units.push((space_before, std::mem::take(&mut word)));
            }
            space_before = true;
        } else if is_wide(c) {
            if !word.is_empty() {
                units.push((space_before, std::mem::take(&mut word)));
                space_before = false;
            }
            units.push((space_before, c.to_string()));
            space_before = false;
        } else {
            if word.is_empty() && !units.is_empty() && !space_before && is_mark(c) {
                // A mark after a wide character stays with it.
                units.last_mut().unwrap().1.push(c);
                continue;
            }
            word.push(c);
        }
    }
    if !word.is_empty() {
        units.push((space_before, word));
    }

    let mut lines = Vec::new();
    let mut line = String::new();
    for (space, unit) in units {
        let sep = if space && !line.is_empty() { " " } else { "" };
        let candidate = format!("{line}{sep}{unit}");
        if width_em(&candidate, bold) <= max_em || line.is_empty() && width_em(&unit, bold) <= max_em {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if width_em(&unit, bold) <= max_em {
            line = unit;
        } else {
            // Too long for any line: break between characters, never before a mark.
            for c in unit.chars() {
                if !line.is_empty()
                    && !is_mark(c)
                    && width_em(&line, bold) + char_em(c) * if bold { 1.08 } else { 1.0 } > max_em
                {
                    lines.push(std::mem::take(&mut line));
                }
                line.push(c);
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup() {
        assert_eq!(escape(r#"<b onclick="x">&'"#), "&lt;b onclick=&quot;x&quot;&gt;&amp;&apos;");
    }

    #[test]
    fn wraps_at_spaces_and_keeps_every_word() {
        let text = "Traffickers are investigated, charged and tried.";
        let lines = wrap(text, 12.0, false);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| width_em(l, false) <= 12.0));
        assert_eq!(lines.join(" "), text);
    }

    #[test]
    fn breaks_ideographs_and_long_words() {
        let lines = wrap("被迫工作或卖淫、被虚假工作欺骗、无法自由离开？", 5.0, false);
        assert!(lines.len() >= 5 && lines.iter().all(|l| width_em(l, false) <= 5.0));
        let url = "https://www.example.org/a/very/long/path/without/spaces";
        let lines = wrap(url, 10.0, false);
        assert_eq!(lines.concat(), url);
        assert!(lines.iter().all(|l| width_em(l, false) <= 10.0));
    }

    #[test]
    fn never_starts_a_line_with_a_thai_mark() {
        let lines = wrap("ผู้ถูกค้ามนุษย์ได้รับการดูแลในฐานะผู้เสียหาย", 4.0, false);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| !is_mark(l.chars().next().unwrap())));
    }
}
