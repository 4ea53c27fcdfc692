import assert from "node:assert/strict";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import test from "node:test";

import { resolveRequestPath, serve } from "./serve.mjs";

/** A raw GET, so `..` segments reach the server unnormalised (fetch would clean them). */
function get(url, path) {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(url);
    request({ hostname, port, path, method: "GET" }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode, type: response.headers["content-type"], body }));
    })
      .on("error", reject)
      .end();
  });
}

test("request paths cannot leave the served folder", () => {
  assert.equal(resolveRequestPath("/srv/site", "/"), "/srv/site/index.html");
  assert.equal(resolveRequestPath("/srv/site", "/a/b.js?x=1"), "/srv/site/a/b.js");
  assert.equal(resolveRequestPath("/srv/site", "/../secret"), null);
  assert.equal(resolveRequestPath("/srv/site", "/%2e%2e/secret"), null);
  assert.equal(resolveRequestPath("/srv/site", "/a/%2e%2e/%2e%2e/secret"), null);
  assert.equal(resolveRequestPath("/srv/site", "/..%2fsecret"), null);
  assert.equal(resolveRequestPath("/srv/site", "/%00"), null);
  assert.equal(resolveRequestPath("/srv/site", "/%E0%A4%A"), null);
  assert.equal(resolveRequestPath("/srv/site", "/../site-other/x"), null);
});

test("serves files with their MIME types and refuses traversal", async (t) => {
  const dir = await mkdtemp(join(tmpdir(), "playground-serve-"));
  const root = join(dir, "site");
  await mkdir(root);
  await writeFile(join(root, "index.html"), "<!doctype html>");
  await writeFile(join(root, "x.wasm"), Buffer.from([0, 97, 115, 109]));
  await writeFile(join(dir, "secret.txt"), "secret");
  const server = await serve({ root, port: 0 });
  t.after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);

  const index = await get(server.url, "/");
  assert.equal(index.status, 200);
  assert.equal(index.type, "text/html; charset=utf-8");
  assert.equal((await get(server.url, "/x.wasm")).type, "application/wasm");
  assert.equal((await get(server.url, "/missing.js")).status, 404);
  for (const path of ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt"]) {
    const response = await get(server.url, path);
    assert.notEqual(response.status, 200, path);
    assert.doesNotMatch(response.body, /secret/, path);
  }
});
