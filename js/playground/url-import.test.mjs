import assert from "node:assert/strict";
import test from "node:test";

import { parseImportUrl } from "./url-import.mjs";

const raw = (target) => target.raw?.("AI/image-list.yml");

test("GitHub tree and blob URLs read through raw.githubusercontent.com", () => {
  const folder = parseImportUrl("https://github.com/openeuler-mirror/openeuler-docker-images/tree/master/AI/pytorch");
  assert.equal(folder.kind, "folder");
  assert.equal(folder.folder, "AI/pytorch");
  assert.equal(raw(folder), "https://raw.githubusercontent.com/openeuler-mirror/openeuler-docker-images/master/AI/image-list.yml");
  const meta = parseImportUrl("https://github.com/o/r/blob/main/AI/pytorch/meta.yml");
  assert.deepEqual([meta.kind, meta.folder], ["folder", "AI/pytorch"]);
  const file = parseImportUrl("https://raw.githubusercontent.com/o/r/main/AI/pytorch/2.2.0/22.03-lts-sp4/Dockerfile");
  assert.deepEqual([file.kind, file.path], ["file", "AI/pytorch/2.2.0/22.03-lts-sp4/Dockerfile"]);
});

test("Gitee-style hosts read through their own /raw/ URLs", () => {
  const folder = parseImportUrl("https://gitee.com/openeuler/openeuler-docker-images/tree/master/AI/cann");
  assert.equal(raw(folder), "https://gitee.com/openeuler/openeuler-docker-images/raw/master/AI/image-list.yml");
  const local = parseImportUrl("http://127.0.0.1:9000/acme/images/raw/main/Others/a b/meta.yml");
  assert.deepEqual([local.kind, local.folder], ["folder", "Others/a b"]);
  assert.equal(local.raw("Others/a b/meta.yml"), "http://127.0.0.1:9000/acme/images/raw/main/Others/a%20b/meta.yml");
});

test("anything else is one raw file; what cannot be imported says why", () => {
  const plain = parseImportUrl("https://example.com/files/meta.yml");
  assert.deepEqual([plain.kind, plain.path, plain.url], ["file", "files/meta.yml", "https://example.com/files/meta.yml"]);
  assert.throws(() => parseImportUrl("AI/pytorch"), /not a URL/);
  assert.throws(() => parseImportUrl("file:///etc/passwd"), /`file:` URLs cannot be imported/);
  assert.throws(() => parseImportUrl("https://github.com/o/r"), /image folder/);
  assert.throws(() => parseImportUrl("https://github.com/o/r/tree/main"), /whole repository/);
});
