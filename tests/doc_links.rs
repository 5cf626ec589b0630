//! Every relative link in the repository's Markdown files points to a file that exists, and every
//! `#section` link to a heading that exists: a reader of the published project must never be sent
//! to a file it does not have (the docs once pointed to DESIGN.md and ../shared/data/SOURCES.md,
//! which are not in the repository).
//!
//! Markdown is read with a small scanner of our own rather than a parser crate: it knows fenced
//! code blocks, code spans, backslash escapes, inline links and images (`[text](dest)`, `<dest>`
//! too) and reference definitions (`[label]: dest`), which is all these files use.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The documents a reader is pointed to; the walk must find each, so that a walk that finds
/// nothing cannot pass.
const EXPECTED: [&str; 5] = ["README.md", "CONTRIBUTING.md", "CHANGELOG.md", "BENCHMARKS.md", "js/README.md"];

/// Build output, installed tools and test output hold Markdown that is not the project's.
const SKIPPED_DIRS: [&str; 4] = ["target", "dist", "node_modules", "pkg"];

fn markdown_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if path.is_dir() {
            // Hidden folders (.git, tests/e2e/.out, .cargo) hold no documentation.
            if !name.starts_with('.') && !SKIPPED_DIRS.contains(&name) {
                markdown_files(&path, out);
            }
        } else if name.ends_with(".md") {
            out.push(path);
        }
    }
}

/// A link's destination and the line it is on.
#[derive(Debug, PartialEq)]
struct Link {
    line: usize,
    dest: String,
}

/// The text with fenced code blocks blanked (newlines kept, so line numbers stay right).
fn without_fences(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut fence: Option<(char, usize)> = None;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = marker.map_or(0, |c| trimmed.chars().take_while(|x| *x == c).count());
        match fence {
            None if indent <= 3 && run >= 3 => {
                fence = marker.map(|c| (c, run));
            }
            // A closing fence has nothing after its markers.
            Some((c, n)) if indent <= 3 && marker == Some(c) && run >= n && trimmed[run..].trim().is_empty() => {
                fence = None;
            }
            _ => {}
        }
        if fence.is_none() && !(indent <= 3 && run >= 3) {
            out.push_str(line);
        } else {
            out.push_str(if line.ends_with('\n') { "\n" } else { "" });
        }
    }
    out
}

/// Every link destination in a Markdown text, outside code.
fn links(text: &str) -> Vec<Link> {
    let text = without_fences(text);
    let chars: Vec<char> = text.chars().collect();
    let line_at = |i: usize| chars[..i].iter().filter(|c| **c == '\n').count() + 1;
    let mut found = Vec::new();

    // Reference definitions: `[label]: dest` at the start of a line.
    let mut start = 0;
    for line in text.split('\n') {
        let trimmed = line.trim_start();
        if line.len() - trimmed.len() <= 3 && trimmed.starts_with('[') {
            if let Some((label, rest)) = trimmed[1..].split_once("]:") {
                if !label.is_empty() && !label.contains(']') {
                    let dest = rest.split_whitespace().next().unwrap_or("");
                    let dest = dest.trim_start_matches('<').trim_end_matches('>');
                    found.push(Link { line: line_at(start), dest: dest.to_string() });
                }
            }
        }
        start += line.chars().count() + 1;
    }

    // Inline links and images: `[text](dest "title")`.
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '`' => {
                // A code span ends at the next run of as many backticks; without one, the
                // backticks are text.
                let run = chars[i..].iter().take_while(|c| **c == '`').count();
                let mut j = i + run;
                let mut end = None;
                while j < chars.len() {
                    if chars[j] == '`' {
                        let other = chars[j..].iter().take_while(|c| **c == '`').count();
                        if other == run {
                            end = Some(j + other);
                            break;
                        }
                        j += other;
                    } else {
                        j += 1;
                    }
                }
                i = end.unwrap_or(i + run);
            }
            '[' => {
                let Some(close) = closing_bracket(&chars, i) else {
                    i += 1;
                    continue;
                };
                if chars.get(close + 1) == Some(&'(') {
                    if let Some(dest) = destination(&chars, close + 2) {
                        found.push(Link { line: line_at(i), dest });
                    }
                }
                // The link text may hold code spans and more links: scan into it.
                i += 1;
            }
            _ => i += 1,
        }
    }
    found.sort_by_key(|l| l.line);
    found
}

/// The `]` that closes the `[` at `open`, within one paragraph.
fn closing_bracket(chars: &[char], open: usize) -> Option<usize> {
    let mut depth = 0;
    let mut i = open;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' => depth += 1,
            ']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            '\n' if chars.get(i + 1) == Some(&'\n') => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The destination of an inline link whose `(` is just before `at`: `<…>`, or up to a space or
/// the `)` that balances the parentheses.
fn destination(chars: &[char], at: usize) -> Option<String> {
    let mut i = at;
    while chars.get(i).is_some_and(|c| *c == ' ' || *c == '\n') {
        i += 1;
    }
    if chars.get(i) == Some(&'<') {
        let end = chars[i..].iter().position(|c| *c == '>' || *c == '\n')? + i;
        return (chars[end] == '>').then(|| chars[i + 1..end].iter().collect());
    }
    let mut depth = 0;
    let mut dest = String::new();
    while let Some(&c) = chars.get(i) {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(dest),
            ')' => depth -= 1,
            ' ' | '\n' => return Some(dest),
            _ => {}
        }
        dest.push(c);
        i += 1;
    }
    None
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens; a repeated
/// heading gets `-1`, `-2`, ….
fn anchors(text: &str) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for line in without_fences(text).lines() {
        let hashes = line.chars().take_while(|c| *c == '#').count();
        if !(1..=6).contains(&hashes) || !line[hashes..].starts_with(' ') {
            continue;
        }
        let title = line[hashes..].trim().trim_end_matches('#').trim();
        let slug: String = title
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
            .map(|c| if c == ' ' { '-' } else { c })
            .collect();
        let n = seen.entry(slug.clone()).or_insert(0);
        out.push(if *n == 0 { slug.clone() } else { format!("{slug}-{n}") });
        *n += 1;
    }
    out
}

/// `a%20b.md` → `a b.md`: a link's path as the file is named.
fn percent_decoded(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
            Some(byte) if bytes[i] == b'%' => {
                out.push(byte);
                i += 3;
            }
            _ => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// What is wrong with one link, if anything.
fn check(root: &Path, file: &Path, dest: &str) -> Option<String> {
    let scheme = dest.split_once(':').is_some_and(|(s, _)| {
        s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && s.chars().all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
    });
    if scheme || dest.starts_with("//") {
        return None;
    }
    if dest.is_empty() {
        return Some("an empty link".into());
    }
    let (path, fragment) = dest.split_once('#').unwrap_or((dest, ""));
    let path = percent_decoded(path);
    let path = path.as_str();
    let target = if path.is_empty() {
        file.to_path_buf()
    } else if let Some(from_root) = path.strip_prefix('/') {
        root.join(from_root)
    } else {
        file.parent().unwrap_or(root).join(path)
    };
    if !target.exists() {
        return Some(format!("{} does not exist", target.strip_prefix(root).unwrap_or(&target).display()));
    }
    // A link must stay inside the repository: ../shared is not published with it.
    let inside = target.canonicalize().ok()?.starts_with(root.canonicalize().ok()?);
    if !inside {
        return Some("points outside the repository".into());
    }
    if !fragment.is_empty() && target.extension().is_some_and(|e| e == "md") {
        let text = fs::read_to_string(&target).ok()?;
        if !anchors(&text).iter().any(|a| a == fragment) {
            return Some(format!(
                "no heading #{fragment} in {}",
                target.strip_prefix(root).unwrap_or(&target).display()
            ));
        }
    }
    None
}

#[test]
fn every_relative_link_in_the_markdown_files_points_to_something_that_exists() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    markdown_files(root, &mut files);
    for expected in EXPECTED {
        assert!(files.contains(&root.join(expected)), "{expected} is found and checked");
    }
    let mut broken = Vec::new();
    let mut checked = 0;
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        for link in links(&text) {
            checked += 1;
            if let Some(problem) = check(root, file, &link.dest) {
                let name = file.strip_prefix(root).unwrap().display();
                broken.push(format!("{name}:{}: ({}) {problem}", link.line, link.dest));
            }
        }
    }
    assert!(checked > 0, "the scanner found no link at all");
    assert!(broken.is_empty(), "broken links:\n  {}", broken.join("\n  "));
}

/// The scanner finds what a reader can click, and nothing inside code.
#[test]
fn the_scanner_finds_links_and_skips_code() {
    let sample = "# Title\n\
        See [the guide](CONTRIBUTING.md#quick-answers) and ![a logo](img/logo.svg \"Logo\").\n\
        A [link that\nwraps](docs/a%20b.md) and [angle](<with space.md>).\n\
        Not `[code](no.md)`, not \\[escaped](no2.md), not ``[two](no3.md)``.\n\
        [nested [brackets]](nested.md) and (an aside with [a link](paren.md)).\n\
        \n\
        ```md\n\
        [fenced](no4.md)\n\
        ```\n\
        [ref]: ./ref.md \"Title\"\n";
    let got: Vec<(usize, String)> = links(sample).into_iter().map(|l| (l.line, l.dest)).collect();
    let want = [
        (2, "CONTRIBUTING.md#quick-answers"),
        (2, "img/logo.svg"),
        (3, "docs/a%20b.md"),
        (4, "with space.md"),
        (6, "nested.md"),
        (6, "paren.md"),
        (11, "./ref.md"),
    ];
    assert_eq!(got, want.iter().map(|(n, d)| (*n, d.to_string())).collect::<Vec<_>>());
}

#[test]
fn a_link_is_checked_against_the_files_and_headings_it_names() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = root.join("README.md");
    assert_eq!(check(root, &readme, "https://example.org/x.md"), None);
    assert_eq!(check(root, &readme, "mailto:someone@example.org"), None);
    assert_eq!(check(root, &readme, "js/README.md"), None);
    assert_eq!(check(root, &readme, "CONTRIBUTING.md#quick-answers"), None);
    assert_eq!(check(root, &readme, "DESIGN.md"), Some("DESIGN.md does not exist".into()));
    assert!(check(root, &readme, "CONTRIBUTING.md#no-such-section").is_some_and(|p| p.contains("no heading")));
    assert!(check(root, &readme, "../Cargo.toml").is_some(), "outside the repository");
    // A file that is there but outside the repository is refused too: ../shared sits beside
    // every checkout (CI always has it) and is not published with the project. A missing path
    // would be refused as missing, so the file must exist for this to test the rule.
    let shared = root.join("../shared/README.md");
    assert!(shared.is_file(), "{} is missing: CI always has ../shared beside the checkout", shared.display());
    assert_eq!(check(root, &readme, "../shared/README.md"), Some("points outside the repository".into()));
    // The folder that holds the checkout exists wherever the tests run.
    assert_eq!(check(root, &readme, ".."), Some("points outside the repository".into()));
}

#[test]
fn anchors_are_githubs() {
    let text = "# freedom-widget\n## Quick answers\n## Build layout (a contract)\n### `src/core/`: the core\n## Quick answers\n```\n# not a heading\n```\n";
    assert_eq!(
        anchors(text),
        ["freedom-widget", "quick-answers", "build-layout-a-contract", "srccore-the-core", "quick-answers-1"]
    );
}

/// README.md is a guide for partners, with the detail in the documents it links to: at most 350
/// lines, so that it stays one a partner reads.
#[test]
fn the_readme_stays_a_guide_of_at_most_350_lines() {
    let lines = std::fs::read_to_string("README.md").unwrap().lines().count();
    assert!(lines <= 350, "README.md has {lines} lines: move detail to CONTRIBUTING.md or js/README.md");
}
