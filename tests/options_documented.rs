//! Options are declared once (`OPTION_SPECS`); the README, the package README and the TypeScript
//! types must name every one of them, so documentation cannot drift from the code.

use freedom_widget::core::options::OPTION_SPECS;

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn every_option_is_documented_and_typed() {
    let readme = read("README.md");
    let package_readme = read("js/README.md");
    let types = read("js/index.d.ts");
    for spec in OPTION_SPECS {
        let attribute = format!("`{}`", spec.attribute);
        let js = format!("`{}`", spec.js);
        assert!(
            readme.contains(&attribute) && readme.contains(&js),
            "README.md documents {} / {}",
            spec.attribute,
            spec.js
        );
        assert!(
            package_readme.contains(&attribute) && package_readme.contains(&js),
            "js/README.md documents {}",
            spec.attribute
        );
        assert!(types.contains(&format!("  {}?:", spec.js)), "js/index.d.ts types the option {}", spec.js);
        let quoted = format!("\"{}\"?:", spec.attribute);
        assert!(
            types.contains(&quoted) || types.contains(&format!("  {}?:", spec.attribute)),
            "js/index.d.ts types the attribute {}",
            spec.attribute
        );
    }
}

/// The partner kit's form has a field for every option and every CSS custom property, so a
/// partner never has to read the source to find one.
#[test]
fn the_partner_kit_form_covers_every_option_and_custom_property() {
    let form = read("partners/index.html");
    for spec in OPTION_SPECS {
        assert!(
            form.contains(&format!("id=\"{}\"", spec.attribute)),
            "partners/index.html has a field for {}",
            spec.attribute
        );
    }
    let css = read("static/widget.css");
    let theming = css.lines().find(|l| l.contains("Theming:")).expect("widget.css lists its custom properties");
    let more = css.lines().skip_while(|l| !l.contains("Theming:")).nth(1).unwrap_or_default();
    for property in format!("{theming} {more}").split([' ', ',', '(']).filter(|w| w.starts_with("--fw-")) {
        assert!(
            form.contains(&format!("data-property=\"{property}\"")),
            "partners/index.html has a field for {property}"
        );
    }
}
