// @ts-check
// A tiny static server for the built playground, bound to 127.0.0.1: correct MIME types
// (`application/wasm` lets the browser compile the checker while it downloads) and no file
// outside the served folder. `node serve.mjs [port]` (or PORT=…) serves target/playground/.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

import { OUT_DIR } from "./build.mjs";

/** @type {Record<string, string | undefined>} */
const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
};

/**
 * The file under `root` a request path names, or null when it would leave `root`.
 * @param {string} root
 * @param {string} urlPath
 */
export function resolveRequestPath(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split("?")[0].split("#")[0]);
  } catch {
    return null;
  }
  if (decoded.includes("\0")) return null;
  const relative = decoded.endsWith("/") ? `${decoded}index.html` : decoded;
  const base = resolve(root);
  const file = resolve(base, `.${relative.startsWith("/") ? "" : "/"}${relative}`);
  return file === base || file.startsWith(base + sep) ? file : null;
}

/**
 * @param {import("node:http").ServerResponse} response
 * @param {number} status
 * @param {string} text
 */
function send(response, status, text) {
  response.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  response.end(text);
}

/**
 * @param {string} root
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 */
async function handle(root, request, response) {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("allow", "GET, HEAD");
    return send(response, 405, "method not allowed\n");
  }
  const file = resolveRequestPath(root, request.url ?? "/");
  if (file === null) return send(response, 403, "forbidden\n");
  let info;
  try {
    info = await stat(file);
  } catch {
    return send(response, 404, "not found\n");
  }
  if (!info.isFile()) return send(response, 404, "not found\n");
  response.writeHead(200, {
    "content-type": MIME[extname(file).toLowerCase()] ?? "application/octet-stream",
    "content-length": info.size,
    "cache-control": "no-cache",
    "x-content-type-options": "nosniff",
  });
  if (request.method === "HEAD") return response.end();
  createReadStream(file)
    .on("error", () => response.destroy())
    .pipe(response);
}

/**
 * Serves `root` on 127.0.0.1:`port` (0 = any free port); resolves to `{url, close()}`.
 * @param {{root?: string, port?: number, host?: string}} [options]
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export function serve({ root = OUT_DIR, port = 8080, host = "127.0.0.1" } = {}) {
  const server = createServer((request, response) => {
    handle(root, request, response).catch(() => send(response, 500, "internal error\n"));
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      // A server listening on a host and port has an address, not a pipe name.
      const { port: actual } = /** @type {import("node:net").AddressInfo} */ (server.address());
      resolvePromise({
        url: `http://${host}:${actual}/`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid port \`${process.argv[2] ?? process.env.PORT}\`; expected 0-65535`);
    process.exit(2);
  }
  try {
    await stat(join(OUT_DIR, "index.html"));
  } catch {
    console.error(`${OUT_DIR} has no index.html: run \`npm run build:playground\` first`);
    process.exit(2);
  }
  const { url } = await serve({ root: OUT_DIR, port });
  console.log(`stacklint playground: ${url} (Ctrl+C to stop)`);
}
