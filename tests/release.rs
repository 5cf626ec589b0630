//! Signed data releases (`core::release`): a release signed with the test key opens; one changed
//! byte, another key, an older version, an invalid row, a bad withdrawn id and a huge file are
//! each refused with a message naming what is wrong; withdrawn lines, expiry and the 18-month
//! rule; and arbitrary or damaged bytes never panic.

use freedom_widget::core::builtin;
use freedom_widget::core::i18n::Lang;
use freedom_widget::core::release::{
    self, base64_decode, base64_encode, checked_long_ago, checked_long_ago_note, decode_key, is_expired, key_id,
    open_release, parse_utc, seal, trusts_test_key, utc_string, Release, ReleaseError, TrustedKey, MAX_RELEASE_BYTES,
    TRUSTED_KEYS,
};
use freedom_widget::core::BuiltinReference;
use proptest::prelude::*;
use serde_json::{json, Value};
use std::sync::LazyLock;
use std::time::Duration;

mod common;
use common::within;

/// The test key pair, as the repository holds it.
fn test_seed() -> [u8; 32] {
    decode_key(&std::fs::read_to_string("tests/keys/test-data.key").unwrap()).unwrap()
}

fn test_key() -> TrustedKey {
    TrustedKey::from_base64("test", &std::fs::read_to_string("tests/keys/test-data.pub").unwrap())
}

/// The project's data file, as the tool reads it.
static DATA: LazyLock<Value> =
    LazyLock::new(|| serde_json::from_str(&std::fs::read_to_string("data/hotlines.json").unwrap()).unwrap());

/// A release's payload from `data/hotlines.json`, as `data-release sign` builds it, changed by
/// `edit` before it is signed.
fn payload(version: u64, edit: impl FnOnce(&mut Value)) -> String {
    let mut p = json!({
        "version": version,
        "issued": "2026-12-01T00:00:00Z",
        "expires": "2026-12-15T00:00:00Z",
        "data_checked": DATA["checked"],
        "hotlines": DATA["hotlines"],
        "emergency": DATA["emergency"],
        "international": DATA["international"],
        "withdrawn": [],
    });
    edit(&mut p);
    serde_json::to_string(&p).unwrap()
}

fn signed(version: u64, edit: impl FnOnce(&mut Value)) -> String {
    seal(&test_seed(), &payload(version, edit))
}

fn open(text: &str, built_in: u64) -> Result<Release, ReleaseError> {
    open_release(text.as_bytes(), &[test_key()], built_in, &BuiltinReference)
}

fn refused(text: &str, built_in: u64) -> ReleaseError {
    open(text, built_in).expect_err("the release is refused")
}

#[test]
fn a_signed_release_opens_with_every_row() {
    let r = open(&signed(7, |_| {}), 6).unwrap();
    assert_eq!(r.version, 7);
    assert_eq!(r.key_id, test_key().id());
    assert_eq!((r.issued.as_str(), r.expires.as_str()), ("2026-12-01T00:00:00Z", "2026-12-15T00:00:00Z"));
    assert_eq!(r.expires_at - r.issued_at, 14 * 86_400);
    assert_eq!(r.data_checked, DATA["checked"].as_str().unwrap());
    // The same rows the build embeds from the same file.
    assert_eq!(r.hotlines.len(), builtin::hotlines().len());
    assert_eq!(r.emergency.len(), builtin::emergency().len());
    assert_eq!(r.international.len(), builtin::international().len());
    let mx = builtin::hotlines_of("MX");
    assert!(r.hotlines.iter().any(|h| h == &mx[0]), "Mexico's main line reads as the build reads it");
    assert!(r.withdrawn.is_empty());
}

#[test]
fn keys_ids_and_trust() {
    // The repository's test key pair is one pair.
    assert_eq!(release::public_key(&test_seed()), test_key().public);
    // A key id is the first 16 hex digits of the SHA-256 of the public key; RFC 8032's first
    // test key, checked against `sha256sum`.
    let rfc = decode_key("11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=").unwrap();
    assert_eq!(key_id(&rfc), "21fe31dfa154a261");
    // Active and standby, two different keys; the test key only in a build that asks for it.
    let names: Vec<&str> = TRUSTED_KEYS.iter().map(|k| k.name).collect();
    assert_eq!(trusts_test_key(), option_env!("FW_DATA_TRUST_TEST_KEY") == Some("1"));
    assert_eq!(names, if trusts_test_key() { vec!["active", "standby", "test"] } else { vec!["active", "standby"] });
    assert_ne!(release::ACTIVE_KEY.public, release::STANDBY_KEY.public);
    assert!(TRUSTED_KEYS.iter().filter(|k| k.name != "test").all(|k| k.public != test_key().public));
    // Only public keys in data/keys/: a private half there would be published with the code.
    for entry in std::fs::read_dir("data/keys").unwrap() {
        let path = entry.unwrap().path();
        assert_eq!(path.extension().and_then(|e| e.to_str()), Some("pub"), "{} in data/keys/", path.display());
    }
}

#[test]
fn one_changed_byte_breaks_the_signature() {
    let text = signed(7, |_| {});
    // A bumped version (a replay made to look newer) and a changed phone number.
    for (from, to) in [("\\\"version\\\":7", "\\\"version\\\":8"), ("+528005533000", "+528005533001")] {
        assert!(text.contains(from), "{from}");
        let changed = text.replacen(from, to, 1);
        let e = refused(&changed, 6);
        assert_eq!(e, ReleaseError::BadSignature { key_id: test_key().id() });
        assert!(e.to_string().contains("signature does not match"), "{e}");
    }
    // A byte of the signature itself.
    let sig = text.split("\"signature\": \"").nth(1).unwrap()[..4].to_string();
    let other = if sig.starts_with('A') { "B" } else { "A" };
    let changed = text.replacen(&sig, &format!("{other}{}", &sig[1..]), 1);
    assert!(matches!(refused(&changed, 6), ReleaseError::BadSignature { .. }));
}

#[test]
fn the_signature_covers_the_domain_line() {
    // Ed25519 over the payload alone (without "freedom-widget data release v1\n") is refused.
    use ed25519_dalek::{Signer, SigningKey};
    let p = payload(7, |_| {});
    let bare = SigningKey::from_bytes(&test_seed()).sign(p.as_bytes()).to_bytes();
    let good = seal(&test_seed(), &p);
    let good_sig = good.split("\"signature\": \"").nth(1).unwrap().split('"').next().unwrap().to_string();
    let forged = good.replacen(&good_sig, &base64_encode(&bare), 1);
    assert!(matches!(refused(&forged, 6), ReleaseError::BadSignature { .. }));
}

#[test]
fn the_two_halves_let_another_verifier_check_the_signature() {
    // As the browser would with WebCrypto: read the envelope, verify its signed bytes with the
    // named key outside this crate's `verify`, then open the payload.
    use ed25519_dalek::{Signature, VerifyingKey};
    let text = signed(7, |_| {});
    let envelope = release::read_envelope(text.as_bytes(), &[test_key()]).unwrap();
    assert_eq!(envelope.key, test_key());
    // The domain line, then the payload's SHA-256 in hex: a short message for every verifier.
    let signed = envelope.signed_bytes();
    assert!(signed.starts_with(b"freedom-widget data release v1\n"), "{signed:?}");
    assert_eq!(signed.len(), "freedom-widget data release v1\n".len() + 64);
    let key = VerifyingKey::from_bytes(&envelope.key.public).unwrap();
    key.verify_strict(&envelope.signed_bytes(), &Signature::from_bytes(&envelope.signature)).unwrap();
    let r = release::open_verified(&envelope, 6, &BuiltinReference).unwrap();
    assert_eq!(r, open(&text, 6).unwrap());
    // The envelope's checks come before any verifier: an unknown key never reaches one.
    let other = seal(&[7u8; 32], &payload(7, |_| {}));
    assert!(matches!(release::read_envelope(other.as_bytes(), &[test_key()]), Err(ReleaseError::UnknownKey(_))));
}

#[test]
fn another_key_is_unknown() {
    let other_seed = [7u8; 32];
    let other_id = key_id(&release::public_key(&other_seed));
    let text = seal(&other_seed, &payload(7, |_| {}));
    let e = refused(&text, 6);
    assert_eq!(e, ReleaseError::UnknownKey(other_id.clone()));
    assert!(e.to_string().contains(&other_id) && e.to_string().contains("does not trust"), "{e}");
    // Naming a trusted key's id does not help: the id only picks the key, the signature decides.
    let spoofed = text.replacen(&other_id, &test_key().id(), 1);
    assert!(matches!(refused(&spoofed, 6), ReleaseError::BadSignature { .. }));
    // Nor does a key the build trusts by default: the test release is unknown to it (unless
    // this build was made to trust the test key).
    let ours = signed(7, |_| {});
    let by_default = open_release(ours.as_bytes(), TRUSTED_KEYS, 6, &BuiltinReference);
    assert_eq!(by_default.is_ok(), trusts_test_key());
}

#[test]
fn an_older_or_equal_version_is_not_newer() {
    for built_in in [7, 8, u64::MAX] {
        let e = refused(&signed(7, |_| {}), built_in);
        assert_eq!(e, ReleaseError::NotNewer { release: 7, built_in });
        let message = e.to_string();
        assert!(message.contains("version 7") && message.contains(&format!("version {built_in}")), "{message}");
    }
    // The embed asks this first half before it fetches the time zones' table for the rows: an
    // older release is refused by it alone, even one whose rows are all invalid.
    let broken = signed(7, |p| p["hotlines"][0]["hours"]["tz"] = json!("Mars/Olympus"));
    let envelope = release::read_envelope(broken.as_bytes(), &[test_key()]).unwrap();
    assert_eq!(release::read_newer(&envelope, 7).err(), Some(ReleaseError::NotNewer { release: 7, built_in: 7 }));
    let newer = release::read_newer(&envelope, 6).unwrap();
    assert!(matches!(newer.validate(&BuiltinReference), Err(ReleaseError::InvalidRows(_))));
    // A version that is not a whole number from 1.
    for bad in [json!(0), json!(-3), json!(7.5), json!("8"), json!(1e3), Value::Null] {
        let text = signed(7, |p| p["version"] = bad.clone());
        assert!(matches!(refused(&text, 0), ReleaseError::Payload(m) if m.contains("version")), "{bad}");
    }
}

#[test]
fn an_invalid_row_refuses_the_whole_release_naming_row_and_field() {
    let id = DATA["hotlines"][3]["id"].as_str().unwrap().to_string();
    let text = signed(7, |p| p["hotlines"][3]["channels"][0]["e164"] = json!("12345"));
    let ReleaseError::InvalidRows(errors) = refused(&text, 6) else { panic!("invalid rows") };
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].row, format!("hotlines[3] \"{id}\""));
    let message = ReleaseError::InvalidRows(errors).to_string();
    assert!(message.contains(&format!("hotlines[3] \"{id}\": field `channels[0]")), "{message}");
    assert!(message.contains("none of it is used"), "{message}");

    // A row the decoder cannot read, an emergency number twice for a country, and a row checked
    // after the data's date are each named too.
    let text = signed(7, |p| {
        p["hotlines"][0]["scope"] = json!("everything");
        p["emergency"][1]["number"] = json!("1-1-2");
    });
    let message = refused(&text, 6).to_string();
    assert!(message.contains("hotlines[0]") && message.contains("field `scope`"), "{message}");
    let text = signed(7, |p| p["international"][0]["checked"] = json!("2099-01-01"));
    let message = refused(&text, 6).to_string();
    assert!(message.contains("international[0]") && message.contains("data_checked"), "{message}");
    // An empty release would leave visitors nothing.
    let text = signed(7, |p| p["hotlines"] = json!([]));
    assert!(matches!(refused(&text, 6), ReleaseError::Payload(_)));
}

#[test]
fn withdrawn_lines_are_reported() {
    let in_release = DATA["hotlines"][5]["id"].as_str().unwrap().to_string();
    let text = signed(7, |p| p["withdrawn"] = json!([{"id": in_release, "reason": "the number was reassigned"}]));
    let r = open(&text, 6).unwrap();
    assert_eq!(r.withdrawn.len(), 1);
    assert_eq!(
        (r.withdrawn[0].id.as_str(), r.withdrawn[0].reason.as_str()),
        (in_release.as_str(), "the number was reassigned")
    );
    assert!(r.is_withdrawn(&in_release));
    assert!(!r.is_withdrawn(DATA["hotlines"][6]["id"].as_str().unwrap()));

    // A built-in line the release no longer carries may be withdrawn too.
    let gone = DATA["hotlines"][0]["id"].as_str().unwrap().to_string();
    let text = signed(7, |p| {
        p["hotlines"].as_array_mut().unwrap().remove(0);
        p["withdrawn"] = json!([{"id": gone, "reason": "closed"}]);
    });
    assert!(open(&text, 6).unwrap().is_withdrawn(&gone));

    // An id this copy has no line of (one added after it was built, withdrawn since) withdraws
    // nothing here, and the rest of the release still counts: refusing it would leave every
    // older copy on its built-in data for good, as the list of withdrawals only grows.
    let text = signed(7, |p| p["withdrawn"] = json!([{"id": "zz-added-after-this-build", "reason": "closed"}]));
    let r = open(&text, 6).expect("a withdrawal of a line this copy does not know is no reason to refuse");
    assert_eq!(r.version, 7);
    assert_eq!(r.hotlines.len(), DATA["hotlines"].as_array().unwrap().len());
    // A withdrawal without a reason is refused.
    let text = signed(7, |p| p["withdrawn"] = json!([{"id": in_release, "reason": " "}]));
    assert!(matches!(refused(&text, 6), ReleaseError::Payload(m) if m.contains("reason")));
}

#[test]
fn expiry_and_dates() {
    let r = open(&signed(7, |_| {}), 6).unwrap();
    let expires = parse_utc("2026-12-15T00:00:00Z").unwrap();
    assert!(!is_expired(&r, expires - 1));
    assert!(is_expired(&r, expires));
    assert!(is_expired(&r, expires + 86_400 * 365));

    assert_eq!(parse_utc("1970-01-01T00:00:00Z"), None, "years before 2000 are not a release's");
    assert_eq!(parse_utc("2000-01-01T00:00:00Z"), Some(946_684_800));
    assert_eq!(parse_utc("2024-02-29T23:59:59Z"), Some(1_709_251_199));
    for bad in [
        "2025-02-29T00:00:00Z",
        "2026-12-01T24:00:00Z",
        "2026-12-01 00:00:00Z",
        "2026-12-01T00:00:00",
        "2026-12-01T00:00:60Z",
        "2026-12-01T00:00:00+00:00",
        "２026-12-01T00:00:00Z",
    ] {
        assert_eq!(parse_utc(bad), None, "{bad}");
    }
    for secs in [946_684_800, 1_709_251_199, 1_796_083_200, 4_102_444_799] {
        assert_eq!(parse_utc(&utc_string(secs)), Some(secs));
    }

    let text = signed(7, |p| p["expires"] = json!("2026-12-01T00:00:00Z"));
    assert!(matches!(refused(&text, 6), ReleaseError::Dates(m) if m.contains("not after")));
    let text = signed(7, |p| p["issued"] = json!("2026-12-01"));
    assert!(matches!(refused(&text, 6), ReleaseError::Dates(m) if m.contains("issued")));
    let text = signed(7, |p| p["data_checked"] = json!("December 2026"));
    assert!(matches!(refused(&text, 6), ReleaseError::Payload(m) if m.contains("data_checked")));
}

#[test]
fn a_line_checked_more_than_18_months_before_the_data_says_so() {
    assert!(!checked_long_ago("2025-05-25", "2026-11-25"), "exactly 18 months");
    assert!(checked_long_ago("2025-05-25", "2026-11-26"));
    assert!(checked_long_ago("2020-01-01", "2026-11-25"));
    assert!(!checked_long_ago("2026-11-25", "2026-11-25"));
    // The 31st counts from the month's last day: 2024-08-31 + 18 months is 2026-02-28.
    assert!(!checked_long_ago("2024-08-31", "2026-02-28"));
    assert!(checked_long_ago("2024-08-31", "2026-03-01"));
    assert!(!checked_long_ago("not a date", "2026-11-25"));

    assert_eq!(
        checked_long_ago_note(Lang::En, "2024-03-02", "2026-11-25", "March 2024", "911").as_deref(),
        Some("Last checked March 2024. If it does not connect, call 911.")
    );
    let es = checked_long_ago_note(Lang::Es, "2024-03-02", "2026-11-25", "marzo de 2024", "911").unwrap();
    assert!(es.contains("marzo de 2024") && es.contains("911") && !es.contains("{ $"), "{es}");
    assert_eq!(checked_long_ago_note(Lang::En, "2026-01-02", "2026-11-25", "January 2026", "911"), None);
}

#[test]
fn the_envelope_is_checked_before_anything_else() {
    let text = signed(7, |_| {});
    let e = refused(&text.replacen("data-release/1", "data-release/2", 1), 6);
    assert!(matches!(&e, ReleaseError::Format(f) if f == "freedom-widget-data-release/2"), "{e}");
    // A field given twice: readers that take the first and the last would disagree.
    let twice = text.replacen("{\"format\"", "{\"payload\": \"{}\", \"format\"", 1);
    assert!(matches!(refused(&twice, 6), ReleaseError::Envelope(m) if m.contains("`payload` twice")));
    assert!(matches!(refused("[]", 6), ReleaseError::Envelope(_)));
    assert!(
        matches!(refused("{\"format\": \"freedom-widget-data-release/1\"}", 6), ReleaseError::Envelope(m) if m.contains("keyid"))
    );
    assert!(matches!(refused("not json", 6), ReleaseError::NotJson(_)));
    let short = text.replacen("\"signature\": \"", "\"signature\": \"AAAA", 1);
    assert!(matches!(refused(&short, 6), ReleaseError::Envelope(m) if m.contains("64 bytes")));
}

#[test]
fn a_huge_file_is_refused_before_it_is_parsed() {
    // Over the limit by one byte: refused by its size, not by the reader (whose nesting limit
    // would name it otherwise), and at once.
    let huge = vec![b'['; MAX_RELEASE_BYTES + 1];
    let started = std::time::Instant::now();
    let e = open_release(&huge, &[test_key()], 0, &BuiltinReference).unwrap_err();
    assert_eq!(e, ReleaseError::TooLarge { bytes: MAX_RELEASE_BYTES + 1 });
    assert!(started.elapsed() < Duration::from_millis(50), "{:?}", started.elapsed());
    assert!(e.to_string().contains("2000001 bytes"), "{e}");
    // A valid release padded past the limit is refused the same way.
    let mut padded = signed(7, |_| {}).into_bytes();
    padded.resize(MAX_RELEASE_BYTES + 10, b' ');
    assert!(matches!(open_release(&padded, &[test_key()], 6, &BuiltinReference), Err(ReleaseError::TooLarge { .. })));
}

#[test]
fn base64_is_strict() {
    for bytes in [&b""[..], b"f", b"fo", b"foo", b"foob", b"fooba", b"foobar", &[0xFF; 64]] {
        assert_eq!(base64_decode(&base64_encode(bytes)).as_deref(), Some(bytes));
    }
    assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
    assert_eq!(base64_encode(b"fo"), "Zm8=");
    for bad in ["Zm8", "Zm9=", "Z===", "Zm=8", "Zm8=Zm8=", "Zm-_", "Zm 8="] {
        assert_eq!(base64_decode(bad), None, "{bad}");
    }
    assert!(decode_key("AAAA").is_err());
    assert!(decode_key(&base64_encode(&[1; 31])).is_err());
    assert_eq!(decode_key(&format!("  {}\n", base64_encode(&[9; 32]))), Ok([9; 32]));
}

/// The test release, opened once: what a damaged copy must equal if it opens at all.
static GOOD: LazyLock<(String, Release)> = LazyLock::new(|| {
    let text = signed(7, |_| {});
    let r = open(&text, 6).unwrap();
    (text, r)
});

proptest! {
    #![proptest_config(ProptestConfig { cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(64), ..ProptestConfig::default() })]

    /// Arbitrary bytes as a release: an error, never a panic, within the time bound.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        let result = within(move || open_release(&bytes, &[test_key()], 0, &BuiltinReference).map(|_| ()));
        prop_assert!(result.is_err());
    }

    /// Text shaped like an envelope, with arbitrary fields: an error with a message.
    #[test]
    fn envelope_shaped_text_never_panics(format in "\\PC{0,40}", keyid in "[0-9a-f]{0,20}", signature in "[A-Za-z0-9+/=]{0,100}", payload in "\\PC{0,200}") {
        let text = serde_json::to_string(&json!({"format": format, "keyid": keyid, "signature": signature, "payload": payload})).unwrap();
        let e = within(move || open_release(text.as_bytes(), &[test_key()], 0, &BuiltinReference).unwrap_err());
        prop_assert!(!e.to_string().is_empty());
    }

    /// One byte of a signed release changed: refused, or (white space in the envelope, an
    /// escape written another way) the very same release.
    #[test]
    fn a_damaged_release_never_opens_as_another(at in any::<prop::sample::Index>(), with in 1..=255u8) {
        let (text, good) = &*GOOD;
        let mut bytes = text.clone().into_bytes();
        let i = at.index(bytes.len());
        bytes[i] ^= with;
        if let Ok(r) = within(move || open_release(&bytes, &[test_key()], 6, &BuiltinReference)) {
            prop_assert_eq!(&r, good);
        }
    }
}

/// Mexico's panel (and the US's) as a visitor sees it, over the built-in data or a release.
fn panel(directory: freedom_widget::core::directory::Directory, country: &str) -> String {
    use freedom_widget::components::ui::PlatformRef;
    use freedom_widget::components::{App, AppProps};
    use freedom_widget::core::detect::ChosenBy;
    use freedom_widget::core::options::{Layout, Options, Section};
    use freedom_widget::core::platform::StaticPlatform;
    use std::rc::Rc;
    let options = Options { layout: Layout::Compact, sections: vec![Section::Hotlines], ..Options::default() };
    let props = AppProps::new(
        options,
        Rc::new(directory),
        builtin::quotes().to_vec().into(),
        Some((country.to_string(), ChosenBy::Option)),
        Lang::En,
        PlatformRef(Rc::new(StaticPlatform)),
    );
    futures::executor::block_on(yew::LocalServerRenderer::<App>::with_props(props).render())
}

#[test]
fn a_newer_release_replaces_the_numbers_on_screen_and_a_withdrawn_line_is_shown_nowhere() {
    use freedom_widget::core::directory::Directory;
    let newer = builtin::data_version() + 1;
    let text = signed(newer, |p| {
        let rows = p["hotlines"].as_array_mut().unwrap();
        // Mexico's main line answers on another number (a test number, signed by the test key).
        let mx = rows.iter_mut().find(|r| r["id"] == "mx-linea-y-chat-nacional-contra-la-trata-de").unwrap();
        mx["channels"][0]["e164"] = json!("+528000000001");
        mx["channels"][0]["display"] = json!("800 000 0001");
        // A line whose source was last checked long before the data's date.
        let gt = rows.iter_mut().find(|r| r["country"] == "GT").unwrap();
        gt["checked"] = json!("2024-01-10");
        p["withdrawn"] =
            json!([{"id": "us-national-human-trafficking-hotline", "reason": "the number was reassigned"}]);
    });
    let release: &'static Release = Box::leak(Box::new(open(&text, builtin::data_version()).unwrap()));
    let built_in = panel(Directory::default(), "MX");
    assert!(built_in.contains("tel:+528005533000") && built_in.contains("Hotline data of 2026-11-25."));
    let updated = Directory::default().with_release(release);
    let mx = panel(updated.clone(), "MX");
    assert!(mx.contains("tel:+528000000001") && !mx.contains("tel:+528005533000"), "{mx}");
    assert!(mx.contains("Hotline data of 2026-11-25, updated since this widget was built."));
    // The withdrawn line: never shown or dialled; the US falls back to its other lines, or
    // its emergency number and the international directory.
    let us = panel(updated.clone(), "US");
    assert!(!us.contains("tel:+18883737888") && !us.contains("National Human Trafficking Hotline"), "{us}");
    assert!(us.contains("tel:911"));
    assert!(updated.hotlines_in("US").iter().all(|h| h.id.as_ref() != "us-national-human-trafficking-hotline"));
    // A line checked more than 18 months before the data's date says so, and what to call.
    let gt = panel(updated, "GT");
    let emergency = builtin::emergency_of("GT").unwrap().number.to_string();
    assert!(gt.contains(&format!("Last checked January 2024. If it does not connect, call {emergency}.")), "{gt}");
}
