//! Ed25519 signatures checked by the browser's own WebCrypto (`crypto.subtle`), so that the wasm
//! carries no verifier of its own: Chromium, Firefox and WebKit all check Ed25519 in a secure
//! context (an https:// page, or localhost). Where a browser cannot (an older one, a page over
//! plain http), the answer says so, and the widget keeps the data it was built with.

use js_sys::{Array, Function, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a signature could not be checked at all (as opposed to checked and found wrong).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CannotCheck(pub &'static str);

fn member(of: &JsValue, name: &str) -> Option<JsValue> {
    Reflect::get(of, &name.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

fn call(subtle: &JsValue, method: &str, args: &[JsValue]) -> Option<js_sys::Promise> {
    let f: Function = member(subtle, method)?.dyn_into().ok()?;
    f.apply(subtle, &args.iter().collect::<Array>()).ok()?.dyn_into().ok()
}

/// Whether `signature` (64 bytes) is `public_key`'s (32 bytes, raw) Ed25519 signature of
/// `message`. `Err` when this browser cannot check one.
pub async fn verify_ed25519(public_key: &[u8], message: &[u8], signature: &[u8]) -> Result<bool, CannotCheck> {
    let subtle = member(&js_sys::global(), "crypto")
        .and_then(|crypto| member(&crypto, "subtle"))
        .ok_or(CannotCheck("this browser offers no WebCrypto here (it needs an https:// page)"))?;
    let algorithm = Object::new();
    let _ = Reflect::set(&algorithm, &"name".into(), &"Ed25519".into());
    let no = CannotCheck("this browser cannot check Ed25519 signatures");
    let usages: JsValue = Array::of1(&"verify".into()).into();
    let import = call(
        &subtle,
        "importKey",
        &["raw".into(), Uint8Array::from(public_key).into(), algorithm.clone().into(), false.into(), usages],
    )
    .ok_or(no.clone())?;
    let key = JsFuture::from(import).await.map_err(|_| no.clone())?;
    let verify = call(
        &subtle,
        "verify",
        &[algorithm.into(), key, Uint8Array::from(signature).into(), Uint8Array::from(message).into()],
    )
    .ok_or(no.clone())?;
    let answer = JsFuture::from(verify).await.map_err(|_| no)?;
    Ok(answer.as_bool() == Some(true))
}
