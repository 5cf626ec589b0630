//! Makes signing keys, and signs and checks data releases (the format: `src/core/release.rs`).
//!
//! Usage:
//!   data-release sign DATA_JSON OUT_DIR [--version N] [--expires-days D] [--withdrawn FILE]
//!       signs DATA_JSON (checked as the build checks data/hotlines.json) with the seed in the
//!       file FW_DATA_KEY names, and writes OUT_DIR/channel.json. Version: N, else the current
//!       time in seconds since 1970; expires D days after now (default 14); withdrawn lines
//!       from FILE (default data/withdrawn.json, if present).
//!   data-release keygen PRIVATE_OUT PUBLIC_OUT
//!       writes a new key pair: the seed (base64, mode 0600) and the public key (base64).
//!   data-release verify FILE [--key PUBLIC_FILE] [--built-in-version N]
//!       opens a release as the widget does (against this build's trusted keys, or the one
//!       given) and prints its version, dates and contents.

use freedom_widget::core::release::{self, TrustedKey};
use freedom_widget::core::{builtin, data, validate, BuiltinReference};
use serde_json::{json, Value};
use std::path::Path;
use std::process::ExitCode;

/// The whole-file checks, the same code `build.rs` and the import command run.
#[path = "../../build/datafile.rs"]
#[allow(dead_code)]
mod datafile;

const DEFAULT_EXPIRES_DAYS: i64 = 14;
const DEFAULT_WITHDRAWN: &str = "data/withdrawn.json";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("sign") => sign(&args[1..]),
        Some("keygen") => keygen(&args[1..]),
        Some("verify") => verify(&args[1..]),
        _ => Err("usage: data-release sign DATA_JSON OUT_DIR [--version N] [--expires-days D] [--withdrawn FILE]\n       data-release keygen PRIVATE_OUT PUBLIC_OUT\n       data-release verify FILE [--key PUBLIC_FILE] [--built-in-version N]".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("data-release: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The command's arguments: the positional ones, and each `--name value` option's pair.
type Arguments<'a> = (Vec<&'a str>, Vec<(String, &'a str)>);

/// Positional arguments, and the value of each `--name value` option.
fn parse_args<'a>(args: &'a [String], options: &[&str]) -> Result<Arguments<'a>, String> {
    let (mut positional, mut named) = (Vec::new(), Vec::new());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if let Some(name) = a.strip_prefix("--") {
            if !options.contains(&name) {
                return Err(format!("unknown option --{name} (known: {})", options.join(", ")));
            }
            let value = it.next().ok_or_else(|| format!("--{name} needs a value"))?;
            named.push((name.to_string(), value.as_str()));
        } else {
            positional.push(a.as_str());
        }
    }
    Ok((positional, named))
}

fn option<'a>(named: &[(String, &'a str)], name: &str) -> Option<&'a str> {
    named.iter().rev().find(|(n, _)| n == name).map(|(_, v)| *v)
}

fn number(named: &[(String, &str)], name: &str) -> Result<Option<i64>, String> {
    option(named, name)
        .map(|v| {
            v.parse::<i64>()
                .ok()
                .filter(|n| *n >= 1)
                .ok_or_else(|| format!("--{name} must be a whole number from 1, got {v}"))
        })
        .transpose()
}

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn now() -> i64 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64)
}

fn sign(args: &[String]) -> Result<(), String> {
    let (positional, named) = parse_args(args, &["version", "expires-days", "withdrawn"])?;
    let [data_path, out_dir] = positional[..] else {
        return Err("sign needs DATA_JSON and OUT_DIR".into());
    };
    let key_path = std::env::var("FW_DATA_KEY")
        .ok()
        .filter(|p| !p.is_empty())
        .ok_or("FW_DATA_KEY must name the file that holds the signing key's seed (base64, one line)")?;
    let seed = release::decode_key(&read(&key_path)?).map_err(|e| format!("{key_path}: {e}"))?;
    let public = release::public_key(&seed);

    let file: Value = serde_json::from_str(&read(data_path)?).map_err(|e| format!("{data_path}: {e}"))?;
    if let Err(errors) = datafile::check(&BuiltinReference, &file) {
        return Err(format!("{data_path}: {} problem(s); nothing signed:\n  {}", errors.len(), errors.join("\n  ")));
    }
    let withdrawn_path = option(&named, "withdrawn");
    let withdrawn = match withdrawn_path.or(Path::new(DEFAULT_WITHDRAWN).exists().then_some(DEFAULT_WITHDRAWN)) {
        Some(p) => {
            let w: Value = serde_json::from_str(&read(p)?).map_err(|e| format!("{p}: {e}"))?;
            w.get("withdrawn")
                .cloned()
                .filter(Value::is_array)
                .ok_or(format!("{p}: expected {{\"withdrawn\": [...]}}"))?
        }
        None => json!([]),
    };

    let now = now();
    // Seconds since 1970 by default: a release made after a build is newer than its data.
    let version = number(&named, "version")?.unwrap_or(now);
    let days = number(&named, "expires-days")?.unwrap_or(DEFAULT_EXPIRES_DAYS);
    let (hotlines, emergency, international) = (
        datafile::visible_rows(&file, "hotlines"),
        datafile::visible_rows(&file, "emergency"),
        datafile::visible_rows(&file, "international"),
    );
    // The data's date: its newest row's check (the rows are valid, so every `checked` is a date).
    let data_checked = hotlines
        .iter()
        .chain(&emergency)
        .chain(&international)
        .filter_map(|r| r["checked"].as_str())
        .max()
        .ok_or("the data has no rows")?
        .to_string();
    let payload = json!({
        "version": version,
        "issued": release::utc_string(now),
        "expires": release::utc_string(now + days * 86_400),
        "data_checked": data_checked,
        "hotlines": hotlines,
        "emergency": emergency,
        "international": international,
        "withdrawn": withdrawn,
    });
    let payload = serde_json::to_string(&payload).map_err(|e| e.to_string())?;
    let text = release::seal(&seed, &payload);

    // Open what was written as the widget will: a release that would be refused is not written.
    let signer = TrustedKey { name: "signing", public };
    let opened = release::open_release(text.as_bytes(), &[signer], 0, &BuiltinReference)
        .map_err(|e| format!("the release made from {data_path} would be refused, so nothing was written: {e}"))?;
    // The widget takes a withdrawal of a line it does not know as withdrawing nothing (a copy
    // built before the line existed); here, where the data and the whole build are known, such
    // an id is a typo, and a typo would withdraw nothing anywhere.
    let known = |id: &str| opened.hotlines.iter().chain(builtin::hotlines()).any(|h| h.id == id);
    if let Some((index, w)) = opened.withdrawn.iter().enumerate().find(|(_, w)| !known(&w.id)) {
        return Err(format!(
            "withdrawn[{index}] {} is no line of {data_path} or of this build (a typo?), so nothing was written",
            validate::Quoted(&w.id)
        ));
    }
    let out = Path::new(out_dir).join("channel.json");
    std::fs::create_dir_all(out_dir).map_err(|e| format!("{out_dir}: {e}"))?;
    std::fs::write(&out, &text).map_err(|e| format!("{}: {e}", out.display()))?;
    println!("{}: {} bytes", out.display(), text.len());
    describe(&opened);
    match release::TRUSTED_KEYS.iter().find(|k| k.public == public) {
        Some(k) => println!("signed with the {} key {}", k.name, opened.key_id),
        None => println!(
            "signed with key {}, which this build does not trust: only builds trusting it will accept the release",
            opened.key_id
        ),
    }
    Ok(())
}

fn describe(r: &release::Release) {
    println!("version {}, issued {}, expires {}, data checked {}", r.version, r.issued, r.expires, r.data_checked);
    println!(
        "{} hotlines, {} emergency numbers, {} international entries, {} withdrawn",
        r.hotlines.len(),
        r.emergency.len(),
        r.international.len(),
        r.withdrawn.len()
    );
    for w in &r.withdrawn {
        println!("  withdrawn {}: {}", w.id, w.reason);
    }
}

fn keygen(args: &[String]) -> Result<(), String> {
    use std::io::{Read, Write};
    use std::os::unix::fs::OpenOptionsExt;
    let (positional, _) = parse_args(args, &[])?;
    let [private_out, public_out] = positional[..] else {
        return Err("keygen needs PRIVATE_OUT and PUBLIC_OUT".into());
    };
    let mut seed = [0u8; 32];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut seed))
        .map_err(|e| format!("/dev/urandom: {e}"))?;
    let public = release::public_key(&seed);
    // Never over an existing key: a lost private key cannot be had back.
    let create = |path: &str, mode: u32, text: String| -> Result<(), String> {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(path)
            .and_then(|mut f| f.write_all(text.as_bytes()))
            .map_err(|e| format!("{path}: {e}"))
    };
    create(private_out, 0o600, release::base64_encode(&seed) + "\n")?;
    create(public_out, 0o644, release::base64_encode(&public) + "\n")?;
    println!(
        "key {}: private seed in {private_out} (keep it out of the repository), public key in {public_out}",
        release::key_id(&public)
    );
    Ok(())
}

fn verify(args: &[String]) -> Result<(), String> {
    let (positional, named) = parse_args(args, &["key", "built-in-version"])?;
    let [path] = positional[..] else {
        return Err("verify needs FILE".into());
    };
    let given = option(&named, "key")
        .map(|k| -> Result<TrustedKey, String> {
            let public = release::decode_key(&read(k)?).map_err(|e| format!("{k}: {e}"))?;
            Ok(TrustedKey { name: "given", public })
        })
        .transpose()?;
    let keys = given.as_ref().map_or(release::TRUSTED_KEYS, std::slice::from_ref);
    let built_in = number(&named, "built-in-version")?.unwrap_or(0) as u64;
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let opened =
        release::open_release(&bytes, keys, built_in, &BuiltinReference).map_err(|e| format!("{path}: {e}"))?;
    println!("{path}: valid, signed with key {}", opened.key_id);
    describe(&opened);
    if release::is_expired(&opened, now()) {
        println!("expired: past {}", opened.expires);
    }
    Ok(())
}
