// A partner's or visitor's text, quoted for a console message as Rust's `validate::Quoted` writes
// it: in double quotes, with quotes, backslashes, control characters and invisible or
// direction-changing characters (zero-width spaces, bidi controls, the byte-order mark) escaped,
// so that a value cannot hide or reorder the message around it.

const ESCAPED = /["\\\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/gu;
const SHORT = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t" };

export function quoted(value) {
  return `"${String(value).replace(ESCAPED, (c) => SHORT[c] ?? `\\u{${c.codePointAt(0).toString(16)}}`)}"`;
}
