// The code and data sections of a WebAssembly binary, to say where a wasm's bytes are: the
// widget's code (with Yew's and Rust's) against what it carries (hotlines, texts, tables).
// Used by the size report and the benchmark. Section ids and layout: WebAssembly core spec, 5.5.
import { brotliCompressSync, constants } from "node:zlib";

const CODE = 10;
const DATA = 11;

/** Reads an unsigned LEB128 number at `at`; returns [value, next offset]. */
function leb128(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
    shift += 7;
  }
}

/** The payloads of the code and data sections of `bytes` (a wasm binary). */
export function wasmSections(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error("not a WebAssembly binary");
  const found = {};
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb128(bytes, at + 1);
    if (id === CODE) found.code = bytes.subarray(start, start + size);
    if (id === DATA) found.data = bytes.subarray(start, start + size);
    at = start + size;
  }
  if (!found.code || !found.data) throw new Error("no code or no data section");
  return found;
}

/** Brotli bytes of `buffer` compressed alone, at the quality a server would serve. */
export const brotliSize = (buffer) => brotliCompressSync(buffer, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
