//! Signed data releases: the hotline directory apart from the code, so that a corrected number
//! reaches copies of the widget that are already out there (issue 27).
//!
//! A release is one file, `channel.json`, a JSON envelope:
//!
//! ```json
//! {"format": "freedom-widget-data-release/1", "keyid": "<16 hex digits>",
//!  "signature": "<base64 of the 64-byte Ed25519 signature>", "payload": "<the release, as a JSON string>"}
//! ```
//!
//! The signature is over [`DOMAIN`] followed by the SHA-256 (64 hex digits) of the payload
//! string's UTF-8 bytes (its value, after JSON unescaping): the domain line keeps a signature made
//! for anything else by the same key from ever passing as a release, and the digest binds every
//! byte of the payload while keeping the signed message short. (WebKitGTK's WebCrypto crashed
//! the page verifying an Ed25519 signature over a message of 70 KB or more: measured here, on a
//! 160 KB payload.) The payload is JSON too: `version` (an integer ≥ 1 that only
//! goes up), `issued` and `expires` (`YYYY-MM-DDTHH:MM:SSZ`), `data_checked` (the newest
//! `checked` date of its rows), `hotlines`, `emergency` and `international` (rows as in
//! `data/hotlines.json`, decoded by `json` and checked by `validate` like every other row), and
//! `withdrawn` (`[{"id": …, "reason": …}]`).
//!
//! [`open_release`] checks in the order TUF teaches: size before parsing, the envelope only,
//! a trusted key, the signature, and only then reads the payload as data: version (no rollback),
//! dates, every row, the withdrawn ids. Anything wrong refuses the whole release; the caller
//! keeps the built-in data and says why (each [`ReleaseError`] names what is wrong).
//!
//! Pure Rust: the browser edge fetches the bytes and passes them in; native tests and the
//! `data-release` tool run the same code.

use super::data::{Emergency, Hotline, International};
use super::i18n::{format, Key, Lang};
use super::json::{self, string_literal, Json};
use super::validate::{self, Quoted, RowError};
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};
use std::fmt;

/// The envelope's `format`: a reader refuses any other, so a later format cannot be misread.
pub const FORMAT: &str = "freedom-widget-data-release/1";

/// Signed before the payload: a signature over a release cannot be confused with one over
/// anything else the same key might sign.
pub const DOMAIN: &str = "freedom-widget data release v1\n";

/// A release larger than this is refused before a byte is parsed (TUF's "endless data"). The
/// whole directory with its hidden fields dropped is about 200 KB; ten times that leaves room
/// to grow, and is still parsed in well under a second on a phone.
pub const MAX_RELEASE_BYTES: usize = 2_000_000;

/// A line whose source was checked more than this many months before the data's date is shown
/// with its age and the emergency number beside it (open-helplines flags records at 12 months
/// and drops them at 24; 18 leaves a data round's slack before a visitor is told).
pub const CHECKED_LONG_AGO_MONTHS: u32 = 18;

/// A public key the widget trusts to sign data releases.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TrustedKey {
    /// Which key this is (`active`, `standby`, `test`), for messages and the size report.
    pub name: &'static str,
    /// The 32-byte Ed25519 public key.
    pub public: [u8; 32],
}

impl TrustedKey {
    /// A key from a `.pub` file's text (32 bytes in base64, one line). `const`, so that a
    /// malformed key file in `data/keys/` fails the build rather than a visitor's check.
    pub const fn from_base64(name: &'static str, text: &str) -> TrustedKey {
        match decode_key(text) {
            Ok(public) => TrustedKey { name, public },
            Err(_) => panic!("a key file holds 32 bytes in base64 (standard alphabet) on one line"),
        }
    }

    /// The key's id: the first 16 hex digits of the SHA-256 of the public key.
    pub fn id(&self) -> String {
        key_id(&self.public)
    }
}

/// The first 16 hex digits of the SHA-256 of a 32-byte public key: what an envelope's `keyid`
/// names, so that a reader picks the key without trying each.
pub fn key_id(public: &[u8; 32]) -> String {
    Sha256::digest(public)[..8].iter().map(|b| format!("{b:02x}")).collect()
}

/// The key that signs releases today.
pub const ACTIVE_KEY: TrustedKey = TrustedKey::from_base64("active", include_str!("../../data/keys/active.pub"));
/// Trusted already, used only once the active key is lost or retired: builds out there keep
/// accepting releases through a rotation (see CONTRIBUTING.md, "Signed data releases").
pub const STANDBY_KEY: TrustedKey = TrustedKey::from_base64("standby", include_str!("../../data/keys/standby.pub"));
/// The test key, whose private half is in the repository (`tests/keys/test-data.key`): trusted
/// only by a build made with `FW_DATA_TRUST_TEST_KEY=1`, never by a release build.
pub const TEST_KEY: TrustedKey = TrustedKey::from_base64("test", include_str!("../../tests/keys/test-data.pub"));

/// Whether this build was made with `FW_DATA_TRUST_TEST_KEY=1` (rustc records the variable, so
/// cargo rebuilds when it changes).
const TRUSTS_TEST_KEY: bool = match option_env!("FW_DATA_TRUST_TEST_KEY") {
    Some(v) => v.len() == 1 && v.as_bytes()[0] == b'1',
    None => false,
};

/// The keys this build trusts: the active and standby keys, and the test key only in a build
/// made with `FW_DATA_TRUST_TEST_KEY=1`.
pub const TRUSTED_KEYS: &[TrustedKey] =
    if TRUSTS_TEST_KEY { &[ACTIVE_KEY, STANDBY_KEY, TEST_KEY] } else { &[ACTIVE_KEY, STANDBY_KEY] };

/// Whether this build trusts the test key, so that the console and the size report can say so:
/// such a build must never be published.
pub const fn trusts_test_key() -> bool {
    TRUSTS_TEST_KEY
}

/// A line a release withdraws: never shown or dialled once the channel has answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Withdrawn {
    pub id: String,
    pub reason: String,
}

/// A release that passed every check.
#[derive(Clone, Debug, PartialEq)]
pub struct Release {
    /// The id of the key that signed it.
    pub key_id: String,
    pub version: u64,
    /// As written, `YYYY-MM-DDTHH:MM:SSZ`.
    pub issued: String,
    pub expires: String,
    /// Seconds since 1970-01-01T00:00:00Z.
    pub issued_at: i64,
    pub expires_at: i64,
    /// The newest `checked` date of its rows (`YYYY-MM-DD`): the data's date, said beside the
    /// sources, and what a line's age is measured against.
    pub data_checked: String,
    pub hotlines: Vec<Hotline>,
    pub emergency: Vec<Emergency>,
    pub international: Vec<International>,
    pub withdrawn: Vec<Withdrawn>,
}

impl Release {
    pub fn is_withdrawn(&self, id: &str) -> bool {
        self.withdrawn.iter().any(|w| w.id == id)
    }
}

/// Why a release was refused. Each says what is wrong in words a maintainer can act on; the
/// browser edge prints it once, with the channel's URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReleaseError {
    /// Over [`MAX_RELEASE_BYTES`]: not parsed at all.
    TooLarge { bytes: usize },
    /// The file is not JSON (the reader's message, with the byte where it broke).
    NotJson(String),
    /// The envelope lacks a field or has one of the wrong kind.
    Envelope(String),
    /// The envelope's `format` is not [`FORMAT`].
    Format(String),
    /// Signed with a key this build does not trust.
    UnknownKey(String),
    /// The signature does not match the payload under the named key: changed after signing.
    BadSignature { key_id: String },
    /// The signed payload is not what a release holds.
    Payload(String),
    /// Not newer than the data the widget already has (a rollback, or a replay).
    NotNewer { release: u64, built_in: u64 },
    /// `issued` or `expires` malformed, or out of order.
    Dates(String),
    /// Rows the validator refused: the release is refused whole.
    InvalidRows(Vec<RowError>),
}

impl fmt::Display for ReleaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReleaseError::TooLarge { bytes } => {
                write!(f, "the release is {bytes} bytes, over the limit of {MAX_RELEASE_BYTES}; not read")
            }
            ReleaseError::NotJson(e) => write!(f, "the release is not JSON: {e}"),
            ReleaseError::Envelope(what) => write!(f, "the release's envelope {what}"),
            ReleaseError::Format(got) => {
                write!(f, "the release's format is {}, this build reads {}", Quoted(got), Quoted(FORMAT))
            }
            ReleaseError::UnknownKey(id) => {
                write!(f, "the release is signed with key {}, which this build does not trust", Quoted(id))
            }
            ReleaseError::BadSignature { key_id } => write!(
                f,
                "the release's signature does not match its content under key {key_id}: it was changed after signing"
            ),
            ReleaseError::Payload(what) => write!(f, "the signed release {what}"),
            ReleaseError::NotNewer { release, built_in } => write!(
                f,
                "the release's data (version {release}) is not newer than the data this widget has (version {built_in})"
            ),
            ReleaseError::Dates(what) => write!(f, "the release's dates: {what}"),
            ReleaseError::InvalidRows(errors) => {
                write!(f, "the release has {} invalid row(s), so none of it is used: ", errors.len())?;
                for (i, e) in errors.iter().take(3).enumerate() {
                    write!(f, "{}{e}", if i > 0 { "; " } else { "" })?;
                }
                if errors.len() > 3 {
                    write!(f, "; and {} more", errors.len() - 3)?;
                }
                Ok(())
            }
        }
    }
}

/// The fields of an object, refusing a field given twice: a JSON reader that takes the last
/// (`JSON.parse`) and one that takes the first would otherwise read two different releases
/// from one signed file.
fn fields<'a>(value: &'a Json, what: &str) -> Result<&'a [(String, Json)], String> {
    let Json::Object(fields) = value else { return Err(format!("is not a JSON object ({what})")) };
    // A set, not a pairwise comparison: the envelope is not signed, and 100,000 fields compared
    // pairwise would hang the visitor's tab.
    let mut seen = std::collections::HashSet::with_capacity(fields.len());
    if let Some((k, _)) = fields.iter().find(|(k, _)| !seen.insert(k.as_str())) {
        return Err(format!("has the field `{k}` twice"));
    }
    Ok(fields)
}

fn get<'a>(fields: &'a [(String, Json)], key: &str) -> Option<&'a Json> {
    fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn text<'a>(fields: &'a [(String, Json)], key: &str) -> Result<&'a str, String> {
    match get(fields, key) {
        Some(Json::String(s)) => Ok(s),
        Some(_) => Err(format!("has `{key}`, but not as text")),
        None => Err(format!("has no field `{key}`")),
    }
}

/// Opens a release: every check, in an order where nothing unsigned is read as data.
///
/// `built_in_version` is the version of the data the widget already shows: a release must be
/// newer. `reference` is what rows are validated against (`BuiltinReference` in the widget).
///
/// A release with one invalid row is refused whole, not applied without that row: the signer
/// ran the same validator, so an invalid row means a broken signing pipeline or a reader older
/// than the data's rules, and the built-in data (validated when it was built) is the safer of
/// the two. The error lists every bad row and field.
pub fn open_release(
    bytes: &[u8],
    keys: &[TrustedKey],
    built_in_version: u64,
    reference: &dyn validate::Reference,
) -> Result<Release, ReleaseError> {
    let envelope = read_envelope(bytes, keys)?;
    if !verify(&envelope.key.public, &envelope.payload, &envelope.signature) {
        return Err(ReleaseError::BadSignature { key_id: envelope.key.id() });
    }
    open_verified(&envelope, built_in_version, reference)
}

/// A release's envelope, read but not yet verified: the trusted key its `keyid` names, the
/// signature and the payload, still one string.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope {
    pub key: TrustedKey,
    pub signature: [u8; 64],
    pub payload: String,
}

impl Envelope {
    /// The bytes the signature is over ([`DOMAIN`] + the payload's SHA-256 in hex): what a
    /// verifier outside the wasm (WebCrypto's Ed25519) is handed.
    pub fn signed_bytes(&self) -> Vec<u8> {
        signed_bytes(&self.payload)
    }
}

/// The first half of [`open_release`]: the size, the envelope only (the payload stays one string
/// until its signature is checked), a trusted key and a well-formed signature. With
/// [`open_verified`], it lets the browser verify with WebCrypto and leave this crate's verifier
/// out of the wasm.
pub fn read_envelope(bytes: &[u8], keys: &[TrustedKey]) -> Result<Envelope, ReleaseError> {
    if bytes.len() > MAX_RELEASE_BYTES {
        return Err(ReleaseError::TooLarge { bytes: bytes.len() });
    }
    let envelope = json::parse_bytes(bytes).map_err(ReleaseError::NotJson)?;
    let envelope = fields(&envelope, "the envelope").map_err(ReleaseError::Envelope)?;
    let format = text(envelope, "format").map_err(ReleaseError::Envelope)?;
    if format != FORMAT {
        return Err(ReleaseError::Format(format.into()));
    }
    let key_id = text(envelope, "keyid").map_err(ReleaseError::Envelope)?;
    let signature = text(envelope, "signature").map_err(ReleaseError::Envelope)?;
    let payload = text(envelope, "payload").map_err(ReleaseError::Envelope)?;
    let Some(key) = keys.iter().find(|k| k.id() == key_id) else {
        return Err(ReleaseError::UnknownKey(key_id.into()));
    };
    let signature: [u8; 64] = base64_decode(signature)
        .and_then(|s| s.try_into().ok())
        .ok_or_else(|| ReleaseError::Envelope("has a `signature` that is not 64 bytes in base64".into()))?;
    Ok(Envelope { key: *key, signature, payload: payload.into() })
}

/// The second half of [`open_release`]: reads the payload as data. Call it only once
/// `envelope.signature` has been verified over `envelope.signed_bytes()` with `envelope.key`
/// (by [`verify`], or WebCrypto where the browser has Ed25519); before that, nothing in the
/// payload may be trusted.
pub fn open_verified(
    envelope: &Envelope,
    built_in_version: u64,
    reference: &dyn validate::Reference,
) -> Result<Release, ReleaseError> {
    read_newer(envelope, built_in_version)?.validate(reference)
}

/// A verified release's payload read as far as its version, which is newer than the built-in
/// data's; its dates and rows not yet checked. The embed refuses an older release here, before
/// it fetches the time zones' table that checking the rows needs.
pub struct NewerRelease {
    doc: Json,
    version: u64,
    key_id: String,
}

/// The first half of [`open_verified`]: the payload as JSON, and its version newer than
/// `built_in_version`.
pub fn read_newer(envelope: &Envelope, built_in_version: u64) -> Result<NewerRelease, ReleaseError> {
    let bad = ReleaseError::Payload;
    let doc = json::parse(&envelope.payload).map_err(|e| bad(format!("is not JSON: {e}")))?;
    let top = fields(&doc, "the payload").map_err(bad)?;
    let version = match get(top, "version") {
        // Digits only: no sign, fraction or exponent, and no leading zero (the reader refuses those).
        Some(Json::Number(n)) if n.bytes().all(|b| b.is_ascii_digit()) => n.parse::<u64>().ok().filter(|v| *v >= 1),
        _ => None,
    }
    .ok_or_else(|| bad("has no `version` that is a whole number from 1".into()))?;
    if version <= built_in_version {
        return Err(ReleaseError::NotNewer { release: version, built_in: built_in_version });
    }
    Ok(NewerRelease { doc, version, key_id: envelope.key.id() })
}

impl NewerRelease {
    /// The second half of [`open_verified`]: its dates, and every row through the validator
    /// (against `reference`).
    pub fn validate(&self, reference: &dyn validate::Reference) -> Result<Release, ReleaseError> {
        let release = read_payload(&self.doc, self.version, reference)?;
        Ok(Release { key_id: self.key_id.clone(), ..release })
    }
}

/// Whether `signature` is `public`'s signature of [`DOMAIN`] + SHA-256(`payload`). Strict verification:
/// no small-order key, no malleable (non-canonical) signature.
pub fn verify(public: &[u8; 32], payload: &str, signature: &[u8; 64]) -> bool {
    let Ok(key) = VerifyingKey::from_bytes(public) else { return false };
    key.verify_strict(&signed_bytes(payload), &Signature::from_bytes(signature)).is_ok()
}

fn signed_bytes(payload: &str) -> Vec<u8> {
    let digest: String = Sha256::digest(payload.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    [DOMAIN.as_bytes(), digest.as_bytes()].concat()
}

/// The payload, read as data once its signature has passed and its version is known newer.
fn read_payload(doc: &Json, version: u64, reference: &dyn validate::Reference) -> Result<Release, ReleaseError> {
    let bad = ReleaseError::Payload;
    let top = fields(doc, "the payload").map_err(bad)?;

    let issued = text(top, "issued").map_err(bad)?;
    let expires = text(top, "expires").map_err(bad)?;
    let issued_at = parse_utc(issued)
        .ok_or_else(|| ReleaseError::Dates(format!("issued {} is not YYYY-MM-DDTHH:MM:SSZ", Quoted(issued))))?;
    let expires_at = parse_utc(expires)
        .ok_or_else(|| ReleaseError::Dates(format!("expires {} is not YYYY-MM-DDTHH:MM:SSZ", Quoted(expires))))?;
    if expires_at <= issued_at {
        return Err(ReleaseError::Dates(format!("expires {expires} is not after issued {issued}")));
    }
    let data_checked = text(top, "data_checked").map_err(bad)?;
    if !validate::is_date(data_checked) {
        return Err(bad(format!("has a `data_checked` that is not a date YYYY-MM-DD: {}", Quoted(data_checked))));
    }

    // Every row through the decoders and the whole-file check the build runs on data/hotlines.json.
    let list = |key: &str| match get(top, key) {
        Some(Json::Array(rows)) => Ok(rows.as_slice()),
        _ => Err(bad(format!("has no list `{key}`"))),
    };
    let (hotline_rows, emergency_rows, international_rows) =
        (list("hotlines")?, list("emergency")?, list("international")?);
    // A release replaces the built-in data everywhere: an empty one would leave visitors nothing.
    if hotline_rows.is_empty() || emergency_rows.is_empty() {
        return Err(bad("has no hotline or no emergency row".into()));
    }
    let mut errors = Vec::new();
    let hotlines = decode_rows(hotline_rows, |i, r| json::hotline("hotlines", i, r), &mut errors);
    let emergency = decode_rows(emergency_rows, json::emergency, &mut errors);
    let international = decode_rows(international_rows, json::international, &mut errors);
    // Indexes in the whole-file check count decoded rows; they match the file's only when every
    // row decoded, so the check runs only then (a decoding error is reported either way).
    if errors.is_empty() {
        errors.extend(validate::check_file(reference, &hotlines, &emergency, &international));
        // The data's date is its newest row's: a row checked later would make a line's age
        // (measured against it) wrong.
        let later = |list: &str, i: usize, id: &str, checked: &str| {
            (validate::is_date(checked) && checked > data_checked).then(|| RowError {
                row: validate::row_label(list, i, Some(id)),
                field: "checked".into(),
                problem: format!("{checked} is after the release's data_checked {data_checked}"),
            })
        };
        errors.extend(hotlines.iter().enumerate().filter_map(|(i, h)| later("hotlines", i, &h.id, &h.checked)));
        errors.extend(emergency.iter().enumerate().filter_map(|(i, e)| later("emergency", i, &e.country, &e.checked)));
        errors
            .extend(international.iter().enumerate().filter_map(|(i, e)| later("international", i, &e.id, &e.checked)));
    }
    if !errors.is_empty() {
        return Err(ReleaseError::InvalidRows(errors));
    }

    let mut withdrawn = Vec::new();
    let withdrawn_rows = match get(top, "withdrawn") {
        None => &[][..],
        Some(Json::Array(rows)) => rows.as_slice(),
        Some(_) => return Err(bad("has `withdrawn`, but not as a list".into())),
    };
    for (index, row) in withdrawn_rows.iter().enumerate() {
        let what = format!("withdrawn[{index}]");
        let row = fields(row, &what).map_err(|e| bad(format!("has a {what} that {e}")))?;
        let (id, reason) = (
            text(row, "id").map_err(|e| bad(format!("has a {what} that {e}")))?,
            text(row, "reason").map_err(|e| bad(format!("has a {what} that {e}")))?,
        );
        if reason.trim().is_empty() {
            return Err(bad(format!("has a {what} without a reason")));
        }
        // An id this copy does not know withdraws nothing here, and is no reason to refuse the
        // rest: a copy built before a line was added must still take the release that later
        // withdraws it (the list of withdrawals only grows). `data-release` refuses an id that
        // is no line of the data it signs or of its build: a typo is caught before signing.
        withdrawn.push(Withdrawn { id: id.into(), reason: reason.into() });
    }

    Ok(Release {
        key_id: String::new(),
        version,
        issued: issued.into(),
        expires: expires.into(),
        issued_at,
        expires_at,
        data_checked: data_checked.into(),
        hotlines,
        emergency,
        international,
        withdrawn,
    })
}

/// Each row decoded; a row that cannot be is reported and left out.
fn decode_rows<T>(
    rows: &[Json],
    decode: impl Fn(usize, &Json) -> Result<T, RowError>,
    errors: &mut Vec<RowError>,
) -> Vec<T> {
    let mut out = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        match decode(i, row) {
            Ok(row) => out.push(row),
            Err(e) => errors.push(e),
        }
    }
    out
}

/// Whether the release is past its `expires` at `now` (seconds since 1970, UTC). An expired
/// release is still shown (a probably-right number beats none); the widget says its age once.
pub fn is_expired(release: &Release, now: i64) -> bool {
    now >= release.expires_at
}

/// Seconds since 1970-01-01T00:00:00Z of a `YYYY-MM-DDTHH:MM:SSZ` time (years 2000–2100, no
/// leap second); `None` for anything else.
pub fn parse_utc(t: &str) -> Option<i64> {
    let b = t.as_bytes();
    if b.len() != 20
        || !t.is_ascii()
        || b[10] != b'T'
        || b[13] != b':'
        || b[16] != b':'
        || b[19] != b'Z'
        || !validate::is_date(&t[..10])
    {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<i64> {
        b[r].iter().try_fold(0i64, |n, c| c.is_ascii_digit().then(|| n * 10 + i64::from(c - b'0')))
    };
    let (h, m, s) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if h > 23 || m > 59 || s > 59 {
        return None;
    }
    let days = days_from_civil(num(0..4)?, num(5..7)?, num(8..10)?);
    Some(days * 86_400 + h * 3_600 + m * 60 + s)
}

/// `YYYY-MM-DDTHH:MM:SSZ` for seconds since 1970 (what the tool writes as `issued`/`expires`).
pub fn utc_string(secs: i64) -> String {
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rest / 3_600, rest % 3_600 / 60, rest % 60)
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

/// Whether a line's `checked` date is more than [`CHECKED_LONG_AGO_MONTHS`] before the data's
/// date (`data_checked`, both `YYYY-MM-DD`). Months are calendar months: checked 2025-05-25
/// is long ago on 2026-11-26, not on 2026-11-25; the 31st counts from the month's last day.
/// `false` when either date is malformed (the validator refuses those first).
pub fn checked_long_ago(checked: &str, data_checked: &str) -> bool {
    if !validate::is_date(checked) || !validate::is_date(data_checked) {
        return false;
    }
    let part = |d: &str, r: std::ops::Range<usize>| d[r].parse::<u32>().unwrap_or(0);
    let (y, m, d) = (part(checked, 0..4), part(checked, 5..7), part(checked, 8..10));
    let months = y * 12 + (m - 1) + CHECKED_LONG_AGO_MONTHS;
    let (y, m) = (months / 12, months % 12 + 1);
    let d = d.min(super::hours::days_in_month(y as i32, m));
    data_checked > format!("{y:04}-{m:02}-{d:02}").as_str()
}

/// What a line checked long ago says under its number, in the visitor's language: "Last checked
/// MONTH YEAR. If it does not connect, call EMERGENCY." `None` for a line checked recently.
/// `month_year` is the `checked` month written the visitor's way (the platform's `Intl`).
pub fn checked_long_ago_note(
    lang: Lang,
    checked: &str,
    data_checked: &str,
    month_year: &str,
    emergency: &str,
) -> Option<String> {
    checked_long_ago(checked, data_checked)
        .then(|| format(lang, Key::CheckedLongAgo, &[("month_year", month_year), ("emergency", emergency)]))
}

/// Signs a payload with a 32-byte Ed25519 seed and returns the release file's text (the
/// envelope). For the `data-release` tool and the tests; the widget never signs.
pub fn seal(seed: &[u8; 32], payload: &str) -> String {
    let key = SigningKey::from_bytes(seed);
    let signature = key.sign(&signed_bytes(payload)).to_bytes();
    format!(
        "{{\"format\": {}, \"keyid\": {}, \"signature\": {}, \"payload\": {}}}\n",
        string_literal(FORMAT),
        string_literal(&key_id(&key.verifying_key().to_bytes())),
        string_literal(&base64_encode(&signature)),
        string_literal(payload)
    )
}

/// The public key of a 32-byte Ed25519 seed.
pub fn public_key(seed: &[u8; 32]) -> [u8; 32] {
    SigningKey::from_bytes(seed).verifying_key().to_bytes()
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

const fn sextet(c: u8) -> Option<u8> {
    match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    }
}

/// Standard base64 with padding (RFC 4648 §4), strictly: one encoding per byte string, so a
/// signature or key cannot be written two ways. Its own few lines rather than a crate's engines.
pub fn base64_decode(text: &str) -> Option<Vec<u8>> {
    let b = text.as_bytes();
    if !b.len().is_multiple_of(4) {
        return None;
    }
    let mut out = Vec::with_capacity(b.len() / 4 * 3);
    for (n, chunk) in b.chunks(4).enumerate() {
        let last = n + 1 == b.len() / 4;
        let pad = chunk.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut acc = 0u32;
        for &c in &chunk[..4 - pad] {
            acc = acc << 6 | u32::from(sextet(c)?);
        }
        acc <<= 6 * pad as u32;
        let bytes = [(acc >> 16) as u8, (acc >> 8) as u8, acc as u8];
        // The bits under the padding must be zero (canonical).
        if pad > 0 && bytes[3 - pad..].iter().any(|&x| x != 0) {
            return None;
        }
        out.extend_from_slice(&bytes[..3 - pad]);
    }
    Some(out)
}

pub fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= chunk.len() { ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char } else { '=' });
        }
    }
    out
}

/// A key file's 32 bytes: base64 on one line, surrounding white space allowed. `const` for
/// [`TrustedKey::from_base64`]; the tool reads seed files with it too.
pub const fn decode_key(text: &str) -> Result<[u8; 32], &'static str> {
    let b = text.as_bytes();
    let (mut start, mut end) = (0, b.len());
    while start < end && b[start].is_ascii_whitespace() {
        start += 1;
    }
    while end > start && b[end - 1].is_ascii_whitespace() {
        end -= 1;
    }
    // 32 bytes are 43 base64 digits and one `=`.
    if end - start != 44 || b[end - 1] != b'=' {
        return Err("expected 32 bytes in base64 (44 characters ending in =) on one line");
    }
    let mut out = [0u8; 32];
    let (mut acc, mut bits, mut i, mut o) = (0u32, 0u32, start, 0);
    while i < end - 1 {
        let Some(v) = sextet(b[i]) else { return Err("not base64 (standard alphabet)") };
        acc = (acc << 6 | v as u32) & 0xFFFF;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            if o == 32 {
                return Err("not base64 (standard alphabet)");
            }
            out[o] = (acc >> bits) as u8;
            o += 1;
        }
        i += 1;
    }
    // 43 digits are 258 bits: the 2 left over must be zero (canonical).
    if acc & ((1 << bits) - 1) != 0 {
        return Err("not canonical base64");
    }
    Ok(out)
}
