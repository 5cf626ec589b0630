//! The words that matter, as the UN writes them: `i18n/glossary.tsv` names, for each language, the
//! term for trafficking in persons, victim, survivor, the four Ps, forced labour and hotline, the
//! page it was taken from, and the near-synonyms that mean another crime (Spanish "tráfico de
//! personas" reads as migrant smuggling; the Protocol says "trata de personas"). This test holds
//! every language's explainer and labels to those terms.
//!
//! The strings are read through the crate (`Lang::text`), which build.rs compiled from the same
//! `i18n/*.ftl` with its own `key = text` parser, so this test parses no .ftl itself.

use freedom_widget::core::i18n::{Key, Lang};

const GLOSSARY: &str = "i18n/glossary.tsv";

/// Which English messages express each concept: a language's term must appear in each of them.
/// (The quotes are translations of speeches and are held only to the `avoid` lists.)
const CONCEPT_KEYS: [(&str, &[&str]); 9] = [
    ("trafficking-in-persons", &["widget-label", "scope-trafficking", "scope-general", "explainer-heading"]),
    ("victim", &["p-protection-body"]),
    ("survivor", &["p-partnership-body"]),
    ("prosecution", &["p-prosecution"]),
    ("protection", &["p-protection"]),
    ("prevention", &["p-prevention"]),
    ("partnership", &["p-partnership"]),
    ("forced-labour", &["p-prosecution-body", "p-prevention-body"]),
    ("hotline", &["directory-heading", "directory-heading-none", "show-country", "chosen-none"]),
];

const NONE_FOUND: &str = "none-found";

struct Row {
    line: usize,
    lang: String,
    concept: String,
    term: String,
    avoid: Vec<String>,
    source: String,
}

fn glossary() -> Vec<Row> {
    let text = std::fs::read_to_string(GLOSSARY).unwrap_or_else(|e| panic!("{GLOSSARY}: {e}"));
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty());
    let (_, header) = lines.next().unwrap_or_else(|| panic!("{GLOSSARY}: no header row"));
    assert_eq!(header, "lang\tconcept\tterm\tavoid\tsource\tnote", "{GLOSSARY}: header row");
    lines
        .map(|(n, l)| {
            let cells: Vec<&str> = l.split('\t').collect();
            assert_eq!(cells.len(), 6, "{GLOSSARY}:{}: expected 6 tab-separated cells, found {}", n + 1, cells.len());
            Row {
                line: n + 1,
                lang: cells[0].to_string(),
                concept: cells[1].to_string(),
                term: cells[2].to_string(),
                avoid: cells[3].split(',').map(str::trim).filter(|a| !a.is_empty()).map(str::to_string).collect(),
                source: cells[4].to_string(),
            }
        })
        .collect()
}

/// Case-insensitive (Unicode `to_lowercase`), with the typographic apostrophe read as `'` and
/// Russian `ё` as `е`, which writers use interchangeably.
fn fold(s: &str) -> String {
    s.to_lowercase().replace('’', "'").replace('ё', "е")
}

/// Whether `text` contains `term`, where a `…` in the term stands for a word ending (zero or
/// more letters): `торговл… людьми` matches торговля, торговли, торговле and торговлей людьми.
fn contains_term(text: &str, term: &str) -> bool {
    let text = fold(text);
    let term = fold(term);
    let parts: Vec<&str> = term.split('…').collect();
    text.match_indices(parts[0]).any(|(i, m)| rest_matches(&text[i + m.len()..], &parts[1..]))
}

fn rest_matches(text: &str, parts: &[&str]) -> bool {
    let Some((part, more)) = parts.split_first() else { return true };
    // Try every ending length: after k letters, the next part must follow.
    let mut at = 0;
    loop {
        if text[at..].starts_with(part) && rest_matches(&text[at + part.len()..], more) {
            return true;
        }
        match text[at..].chars().next() {
            Some(c) if c.is_alphabetic() => at += c.len_utf8(),
            _ => return false,
        }
    }
}

fn key(id: &str) -> Key {
    Key::ALL.into_iter().find(|k| k.id() == id).unwrap_or_else(|| panic!("no message {id} in i18n/en.ftl"))
}

#[test]
fn the_matcher_reads_word_endings_and_case() {
    assert!(contains_term("Помощь против торговли людьми", "торговл… людьми"));
    assert!(contains_term("Как борются с торговлей людьми", "торговл… людьми"));
    assert!(!contains_term("торговля и люди", "торговл… людьми"), "the ending is letters only");
    assert!(!contains_term("торговл людьми", "торговля людьми"));
    assert!(contains_term("Партнёрство", "партнерств"));
    assert!(contains_term("Ligne d’aide", "ligne d'aide"));
    assert!(contains_term("LÍNEAS de ayuda", "línea"));
    assert!(!contains_term("Línea contra la trata", "tráfico de personas"));
}

#[test]
fn every_language_has_every_concept_once() {
    let rows = glossary();
    let mut missing = Vec::new();
    for lang in Lang::ALL {
        for (concept, _) in CONCEPT_KEYS {
            let n = rows.iter().filter(|r| r.lang == lang.tag() && r.concept == concept).count();
            if n != 1 {
                missing.push(format!("{} × {concept}: {n} rows", lang.tag()));
            }
        }
    }
    assert!(missing.is_empty(), "{GLOSSARY} must have one row per language and concept: {missing:?}");
    for r in &rows {
        assert!(Lang::ALL.iter().any(|l| l.tag() == r.lang), "{GLOSSARY}:{}: unknown language {}", r.line, r.lang);
        assert!(
            CONCEPT_KEYS.iter().any(|(c, _)| *c == r.concept),
            "{GLOSSARY}:{}: unknown concept {}",
            r.line,
            r.concept
        );
    }
}

#[test]
fn every_row_names_its_source_or_says_none_was_found() {
    for r in glossary() {
        let ok = r.source == NONE_FOUND
            || (r.source.starts_with("https://") && r.source.len() > "https://".len() && !r.source.contains(' '));
        assert!(
            ok,
            "{GLOSSARY}:{}: {} {}: source must be an https:// address or {NONE_FOUND}, not {:?}",
            r.line, r.lang, r.concept, r.source
        );
        assert!(!r.term.trim().is_empty(), "{GLOSSARY}:{}: {} {}: no term", r.line, r.lang, r.concept);
        for a in &r.avoid {
            assert!(
                !contains_term(&r.term, a),
                "{GLOSSARY}:{}: {} term {:?} contains its own avoid {a:?}",
                r.line,
                r.lang,
                r.term
            );
        }
    }
}

#[test]
fn the_explainer_and_labels_use_the_glossary_terms() {
    let rows = glossary();
    let mut wrong = Vec::new();
    for lang in Lang::ALL {
        for (concept, ids) in CONCEPT_KEYS {
            let Some(row) = rows.iter().find(|r| r.lang == lang.tag() && r.concept == concept) else { continue };
            for id in ids {
                let text = lang.text(key(id));
                if !contains_term(text, &row.term) {
                    wrong.push(format!("{} {id} lacks {concept} term {:?}: {text}", lang.tag(), row.term));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{} messages miss their glossary term:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn no_language_uses_a_term_its_glossary_says_to_avoid() {
    let rows = glossary();
    let mut wrong = Vec::new();
    for lang in Lang::ALL {
        for row in rows.iter().filter(|r| r.lang == lang.tag()) {
            for avoid in &row.avoid {
                for k in Key::ALL {
                    if contains_term(lang.text(k), avoid) {
                        wrong.push(format!(
                            "{} {} says {avoid:?} ({} term: {:?})",
                            lang.tag(),
                            k.id(),
                            row.concept,
                            row.term
                        ));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "near-synonyms that name another crime:\n{}", wrong.join("\n"));
}

/// The check must be able to fail: each listed wrong term, put in a message, is caught.
#[test]
fn a_wrong_term_would_be_caught() {
    let rows = glossary();
    let es = rows.iter().find(|r| r.lang == "es" && r.concept == "trafficking-in-persons").expect("es row");
    assert!(es.avoid.iter().any(|a| a == "tráfico de personas"), "es must avoid tráfico de personas");
    assert!(es.avoid.iter().any(|a| contains_term("Ayuda contra el tráfico de personas", a)));
    assert!(!contains_term("Ayuda contra el tráfico de personas", &es.term));
}
