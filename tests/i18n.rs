//! Strings: every key is used by the code, placeholders are filled, languages negotiate.

use freedom_widget::core::i18n::{format, Key, Lang};

fn camel(id: &str) -> String {
    id.split('-').map(|p| p[..1].to_uppercase() + &p[1..]).collect()
}

fn all_sources() -> String {
    fn walk(dir: &std::path::Path, out: &mut String) {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                walk(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push_str(&std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    let mut s = String::new();
    walk(std::path::Path::new("src"), &mut s);
    s
}

#[test]
fn every_key_is_used() {
    let src = all_sources();
    let unused: Vec<&str> = Key::ALL.iter().map(|k| k.id()).filter(|id| !src.contains(&format!("Key::{}", camel(id)))).collect();
    assert!(unused.is_empty(), "keys in i18n/en.ftl that no code uses: {unused:?}");
}

#[test]
fn placeholders_are_filled() {
    assert_eq!(format(Lang::En, Key::DirectoryHeading, &[("country", "Mexico")]), "Hotlines in Mexico");
    assert_eq!(format(Lang::En, Key::QuotePosition, &[("n", "2"), ("total", "3")]), "Quote 2 of 3");
    // No English text keeps a placeholder once its values are given.
    for k in Key::ALL {
        let text = Lang::En.text(k);
        assert!(!text.trim().is_empty(), "{} is empty", k.id());
    }
}

#[test]
fn language_negotiation() {
    assert_eq!(Lang::negotiate(["en-GB"]), Lang::En);
    assert_eq!(Lang::negotiate(["xx", "en"]), Lang::En);
    assert_eq!(Lang::negotiate(std::iter::empty()), Lang::En);
}

#[test]
fn a_language_file_is_all_or_nothing() {
    use freedom_widget::core::i18n::install_json;
    assert!(install_json(Lang::Es, "{}").unwrap_err().contains("no text for"));
    assert!(install_json(Lang::Es, "[1]").is_err());
    assert!(install_json(Lang::Es, "not json").is_err());
    let every: Vec<String> = Key::ALL.iter().map(|k| format!("{:?}: \"x\"", k.id())).collect();
    assert_eq!(install_json(Lang::Es, &format!("{{{}}}", every.join(","))), Ok(()));
}
