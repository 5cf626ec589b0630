//! Writes a poster to stdout, for a look without the browser:
//! `cargo run -p freedom-poster --example poster -- MX es > mx-es.svg`
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let request = freedom_poster::PosterRequest {
        country: args.first().cloned().unwrap_or_else(|| "MX".into()),
        lang: args.get(1).cloned().unwrap_or_else(|| "en".into()),
        lang_chosen: args.get(1).is_some(),
        page_url: "http://127.0.0.1:8080/".into(),
        country_pages: true,
        ..Default::default()
    };
    match freedom_poster::poster(&request) {
        Ok(p) => println!("{}", p.svg),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(2);
        }
    }
}
