// Shortens the names the wasm imports from its wasm-bindgen glue. wasm-bindgen names each import
// like `__wbg_setinnerHTML_0123456789abcdef`: about 150 of them, each written twice (in the wasm's import
// section and as a key in the glue), and their hex suffixes do not compress. Renaming them to
// short names in both files, consistently, changes nothing else (the module's own code calls
// imports by index, not name) and saves about 4 KB brotli.
//
//   shortenImports(wasmBytes, glueText) → { wasm, glue }
export function shortenImports(wasmBytes, glueText) {
  const bytes = new Uint8Array(wasmBytes);
  let at = 8;
  const leb = () => {
    let result = 0, shift = 0, byte;
    do { byte = bytes[at++]; result |= (byte & 0x7f) << shift; shift += 7; } while (byte & 0x80);
    return result >>> 0;
  };
  const encodeLeb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return out; };
  const text = (a, b) => new TextDecoder().decode(bytes.subarray(a, b));
  const utf8 = (s) => [...new TextEncoder().encode(s)];
  const pieces = [bytes.subarray(0, 8)];
  const renames = new Map();
  const shortName = (i) => { const abc = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"; let s = ""; do { s = abc[i % 52] + s; i = Math.floor(i / 52) - 1; } while (i >= 0); return `_${s}`; };
  while (at < bytes.length) {
    const sectionStart = at;
    const id = bytes[at++];
    const size = leb();
    const bodyStart = at;
    const end = bodyStart + size;
    if (id !== 2) { pieces.push(bytes.subarray(sectionStart, end)); at = end; continue; }
    const body = [];
    const count = leb();
    body.push(...encodeLeb(count));
    for (let i = 0; i < count; i++) {
      const moduleLen = leb(); const module = text(at, at + moduleLen); at += moduleLen;
      const nameLen = leb(); const name = text(at, at + nameLen); at += nameLen;
      const descStart = at;
      const kind = bytes[at++];
      // Only the encodings wasm-bindgen emits are read; anything else stops the build rather
      // than being misread (GC types, custom page sizes, tags).
      const limits = () => {
        const flags = leb();
        if (flags > 0x07) throw new Error(`short-imports: limits flags ${flags} not supported`);
        leb();
        if (flags & 1) leb();
      };
      const simpleType = (t) => (t >= 0x7b && t <= 0x7f) || t === 0x70 || t === 0x6f;
      if (kind === 0) leb();                                          // function: type index
      else if (kind === 1) {                                          // table: reftype, limits
        if (!simpleType(bytes[at])) throw new Error(`short-imports: table type ${bytes[at]} not supported`);
        at++;
        limits();
      } else if (kind === 2) limits();                                // memory: limits
      else if (kind === 3) {                                          // global: valtype, mutability
        if (!simpleType(bytes[at])) throw new Error(`short-imports: global type ${bytes[at]} not supported`);
        at += 2;
      } else throw new Error(`short-imports: import kind ${kind} not supported`);
      let newName = name;
      if (/^__wbg_\w+_[0-9a-f]{16}$/.test(name) && glueText.includes(`${name}:`)) {
        newName = renames.get(name) ?? shortName(renames.size);
        renames.set(name, newName);
      }
      body.push(...encodeLeb(utf8(module).length), ...utf8(module), ...encodeLeb(utf8(newName).length), ...utf8(newName), ...bytes.subarray(descStart, at));
    }
    if (at !== end) throw new Error("short-imports: import section not read to its end");
    pieces.push(new Uint8Array([2, ...encodeLeb(body.length), ...body]));
  }
  let glue = glueText;
  for (const [from, to] of renames) {
    const pattern = new RegExp(`\\b${from}\\b`, "g");
    const found = glue.match(pattern)?.length ?? 0;
    if (found !== 1) throw new Error(`short-imports: ${from} appears ${found} times in the glue, expected once`);
    glue = glue.replace(pattern, to);
  }
  const total = pieces.reduce((n, p) => n + p.length, 0);
  const wasm = new Uint8Array(total);
  let offset = 0;
  for (const p of pieces) { wasm.set(p, offset); offset += p.length; }
  return { wasm, glue, renamed: renames.size };
}
