//! The QR code as SVG: one path of dark modules, drawn crisp, with the standard quiet zone.

use qrcodegen::{QrCode, QrCodeEcc};

/// Modules of light margin the QR standard asks for around the code.
const QUIET_ZONE: i32 = 4;

/// A QR code for `text`, `size` units square (quiet zone included), its top-left at (`x`, `y`),
/// as an SVG group. Medium error correction survives a folded or slightly smudged print.
pub fn qr_group(text: &str, x: f32, y: f32, size: f32) -> Result<String, String> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).map_err(|_| format!("too long for a QR code: {text}"))?;
    let n = code.size();
    let modules = n + 2 * QUIET_ZONE;
    let mut path = String::with_capacity((n * n) as usize * 4);
    for row in 0..n {
        let mut col = 0;
        while col < n {
            // One horizontal run of dark modules per path segment keeps the file small.
            if code.get_module(col, row) {
                let start = col;
                while col < n && code.get_module(col, row) {
                    col += 1;
                }
                path.push_str(&format!(
                    "M{},{}h{}v1h-{}z",
                    start + QUIET_ZONE,
                    row + QUIET_ZONE,
                    col - start,
                    col - start
                ));
            } else {
                col += 1;
            }
        }
    }
    let scale = size / modules as f32;
    Ok(format!(
        r##"<g class="qr" transform="translate({x:.2} {y:.2}) scale({scale:.4})"><rect width="{modules}" height="{modules}" fill="#fff"/><path d="{path}" fill="#000" shape-rendering="crispEdges"/></g>"##
    ))
}
