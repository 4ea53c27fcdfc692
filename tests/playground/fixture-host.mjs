// A loopback stand-in for a Git host's raw-file URLs, for the URL import tests: serves a
// fixture repository at `/<owner>/<repo>/raw/<ref>/<path>` (the Gitee layout the page reads
// tree URLs through) with the CORS header the real hosts send, and records every request.
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { join, resolve, sep } from "node:path";

/**
 * @param {string} root the repository folder
 * @param {{owner?: string, repo?: string, ref?: string}} [layout]
 */
export function serveRepository(root, { owner = "acme", repo = "images", ref = "main" } = {}) {
  const prefix = `/${owner}/${repo}/raw/${ref}/`;
  const requests = [];
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    requests.push(path);
    const file = resolve(root, `.${sep}${path.slice(prefix.length)}`);
    if (!path.startsWith(prefix) || !file.startsWith(resolve(root) + sep)) {
      response.writeHead(404, { "access-control-allow-origin": "*" }).end("not found\n");
      return;
    }
    try {
      const text = await readFile(file);
      response.writeHead(200, { "content-type": "text/plain; charset=utf-8", "access-control-allow-origin": "*" }).end(text);
    } catch {
      response.writeHead(404, { "access-control-allow-origin": "*" }).end("not found\n");
    }
  });
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = /** @type {import("node:net").AddressInfo} */ (server.address());
      const origin = `http://127.0.0.1:${port}`;
      done({
        origin,
        tree: (folder) => `${origin}/${owner}/${repo}/tree/${ref}/${folder}`,
        requests,
        close: () => new Promise((closed) => server.close(() => closed())),
      });
    });
  });
}

export const FIXTURES = join(import.meta.dirname, "..", "fixtures");
