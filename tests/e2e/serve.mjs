// A small static file server for the built artifacts: the run command, the end-to-end tests and
// the benchmark use it. It serves .wasm as application/wasm and, with --cors, allows another
// origin to load the files (as a CDN would). It serves brotli/gzip only when asked (--compress),
// so transfer sizes in the benchmark are real.
//
//   node tests/e2e/serve.mjs [--root dist] [--host 127.0.0.1] [--port 8080] [--cors] [--csp "..."]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";

export const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".wasm": "application/wasm", ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml", ".png": "image/png", ".ts": "text/plain; charset=utf-8", ".txt": "text/plain; charset=utf-8",
};

const compressed = new Map();
function cached(key, body, compress) {
  const hit = compressed.get(key);
  if (hit && hit.source.equals(body)) return hit.body;
  const result = compress(body);
  compressed.set(key, { source: body, body: result });
  return result;
}

/** Starts a server; resolves with { url, close }. `routes` maps a path to a function(req,res) for test pages.
 * `cacheControl`: no-store by default; a test of the back/forward cache needs another (Chromium
 * keeps no page served no-store in that cache). */
export function serve({ root = "dist", host = "127.0.0.1", port = 0, cors = false, compress = false, csp = null, routes = {}, cacheControl = "no-store" } = {}) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, `http://${req.headers.host}`);
    if (routes[url.pathname]) return routes[url.pathname](req, res);
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(path)).isDirectory()) path = join(path, "index.html");
      let body = await readFile(path);
      const headers = { "content-type": TYPES[extname(path)] ?? "application/octet-stream", "cache-control": cacheControl };
      if (cors) headers["access-control-allow-origin"] = "*";
      if (csp && extname(path) === ".html") headers["content-security-policy"] = csp;
      const accept = String(req.headers["accept-encoding"] ?? "");
      // Compressed once per file, as a CDN would serve it: compression time is not transfer time.
      if (compress && accept.includes("br")) {
        body = cached(`br:${path}`, body, brotliCompressSync);
        headers["content-encoding"] = "br";
      } else if (compress && accept.includes("gzip")) {
        body = cached(`gz:${path}`, body, gzipSync);
        headers["content-encoding"] = "gzip";
      }
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  return new Promise((ok) =>
    server.listen(port, host, () => ok({ url: `http://${host}:${server.address().port}`, close: () => new Promise((done) => { server.close(done); server.closeAllConnections(); }), server })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const { url } = await serve({
    root: arg("root", "dist"), host: arg("host", "127.0.0.1"), port: Number(arg("port", 8080)),
    cors: process.argv.includes("--cors"), compress: process.argv.includes("--compress"), csp: arg("csp", null),
  });
  console.log(`freedom-widget: serving ${arg("root", "dist")} on ${url}/ (Ctrl-C to stop)`);
}
