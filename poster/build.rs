//! Compiles the poster's own strings (`poster/i18n/*.ftl`) with the widget's .ftl compiler, and
//! fails unless they cover exactly the widget's languages.

#[path = "../build/i18n.rs"]
mod i18n;

use std::{env, fs, path::Path};

fn tags(dir: &Path) -> Vec<String> {
    let mut tags: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().to_str()?.strip_suffix(".ftl").map(str::to_string))
        .collect();
    tags.sort();
    tags
}

fn main() {
    println!("cargo:rerun-if-changed=i18n");
    println!("cargo:rerun-if-changed=../i18n");
    println!("cargo:rerun-if-changed=../build/i18n.rs");
    let (ours, widget) = (tags(Path::new("i18n")), tags(Path::new("../i18n")));
    if ours != widget {
        panic!("poster/i18n must have the widget's languages: poster {ours:?}, widget {widget:?}");
    }
    let code = i18n::compile(Path::new("i18n"), false)
        .unwrap_or_else(|errors| panic!("poster/i18n:\n  {}", errors.join("\n  ")));
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("poster_i18n.rs");
    fs::write(out, code).unwrap();
}
