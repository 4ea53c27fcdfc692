#!/usr/bin/env python3
"""Differential check of how stacklint reads meta.yml against PyYAML, the publisher's loader.

    python3 scripts/pyyaml-differential.py [--stacklint target/release/stacklint]

For every case (anchors and aliases, merge keys, YAML 1.1 line breaks, characters PyYAML
refuses, ...) a one-image repository is written with the case as its meta.yml and a Dockerfile
at every path PyYAML reads. Then:
- PyYAML refuses the file  <=>  stacklint reports Y001;
- otherwise the tags PyYAML publishes and the path of each are exactly the tags and Dockerfiles
  of `stacklint graph --format json`.
Prints each disagreement and exits 1 if there is any; a case may name a deliberate
difference (stacklint reports a structure PyYAML builds but no publisher can use). Needs PyYAML (`pip install pyyaml`); it
is a development tool, not part of scripts/test.sh.
"""

import json
import os
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:
    sys.exit("pyyaml-differential.py needs PyYAML: pip install pyyaml")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CASES = [
    # Aliases: the alias is a copy of the anchored node.
    "1.0-oe2403lts: &one\n  path: 1.0/24.03-lts/Dockerfile\n9.9-oe2203sp4: *one\n",
    "1.0-oe2403lts:\n  path: &p 1.0/24.03-lts/Dockerfile\n2.0-oe2403lts:\n  path: *p\n",
    "&k 1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n*k :\n  path: 2.0/24.03-lts/Dockerfile\n",
    "x: &x [a]\ny: *x\n",
    "a: &a {path: 1.0/24.03-lts/Dockerfile}\nb: &b [*a, *a]\nc: *b\n",
    # Merge keys, inline and through aliases; own keys win, the first mapping of a list wins.
    "d: &d {path: 1.0/24.03-lts/Dockerfile, arch: x86_64}\n1.0-oe2403lts:\n  <<: *d\n",
    "d: &d {path: 1.0/24.03-lts/Dockerfile}\n2.0-oe2403lts:\n  <<: *d\n  path: 2.0/24.03-lts/Dockerfile\n",
    "1.0-oe2403lts:\n  <<: [{path: 1.0/24.03-lts/Dockerfile}, {path: 2.0/24.03-lts/Dockerfile}]\n",
    "1.0-oe2403lts:\n  <<: {path: 1.0/24.03-lts/Dockerfile}\n",
    "1.0-oe2403lts: {'<<': {path: 1.0/24.03-lts/Dockerfile}, path: 2.0/24.03-lts/Dockerfile}\n",
    "1.0-oe2403lts: {!!merge '<<': {path: 1.0/24.03-lts/Dockerfile}}\n",
    "base: &base\n  1.0-oe2403lts: {path: 1.0/24.03-lts/Dockerfile}\n<<: *base\n",
    "m0: &m0 {path: 1.0/24.03-lts/Dockerfile}\nm1: &m1 {<<: [*m0, *m0]}\nm2: {<<: [*m1, *m1]}\n",
    # Merges PyYAML refuses.
    "1.0-oe2403lts:\n  <<: 1\n  path: 1.0/24.03-lts/Dockerfile\n",
    "1.0-oe2403lts:\n  <<: [1]\n  path: 1.0/24.03-lts/Dockerfile\n",
    # Anchors PyYAML refuses, and recursion it builds (no entry can be one).
    "a: &x {path: 1.0/24.03-lts/Dockerfile}\nb: &x {path: 2.0/24.03-lts/Dockerfile}\n",
    ("a: &x [*x]\n", "stacklint reports the recursive alias PyYAML builds"),
    "1.0-oe2403lts: '&x'\n",
    # YAML 1.1 line breaks.
    "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\u2028  arch: x86_64\n",
    "1.0-oe2403lts:\u2029  path: 1.0/24.03-lts/Dockerfile\n",
    "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\u0085  arch: x86_64\n",
    "1.0-oe2403lts: # note\u2028  path: 1.0/24.03-lts/Dockerfile\n",
    "1.0-oe2403lts:\r  path: 1.0/24.03-lts/Dockerfile\r",
    # Characters PyYAML refuses.
    "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\x1b[31m\n",
    "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\x7f\n",
    "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\u009b\n",
    "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\ufeff\n",
    "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n\ufeff2.0-oe2403lts:\n  path: 2.0/24.03-lts/Dockerfile\n",
    "1.0-oe2403lts:\n  path: \"1.0/24.03-lts/Dockerfile\\x1b\"\n",
    # Plain cases both must agree on.
    "1.0-oe2403lts:\n  path: 1.0/24.03-lts/Dockerfile\n1.0-oe2403lts:\n  path: 2.0/24.03-lts/Dockerfile\n",
    "",
]


def pyyaml_view(text):
    """(refused, {tag: path}) as the publisher reads the file."""
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as error:
        return str(error).split("\n")[0], {}
    if not isinstance(data, dict):
        return None, {}
    published = {}
    for tag, entry in data.items():
        if isinstance(tag, str) and isinstance(entry, dict) and isinstance(entry.get("path"), str):
            published[tag] = entry["path"]
    return None, published


def stacklint_view(stacklint, repo):
    check = subprocess.run([stacklint, "check", repo, "--format", "json", "--no-config"],
                           capture_output=True, text=True)
    report = json.loads(check.stdout)
    refused = [d["message"] for d in report["diagnostics"]
               if d["code"] == "Y001" and d["path"].endswith("meta.yml")]
    graph = subprocess.run([stacklint, "graph", repo, "--format", "json", "--no-config"],
                           capture_output=True, text=True)
    images = json.loads(graph.stdout)["images"]
    published = {}
    for image in images:
        if image["dockerfile"]:
            published[image["tag"]] = os.path.relpath(image["dockerfile"], "AI/demo")
    return refused, published


def main():
    stacklint = os.path.join(ROOT, "target/release/stacklint")
    if "--stacklint" in sys.argv:
        stacklint = sys.argv[sys.argv.index("--stacklint") + 1]
    failures = 0
    for number, case in enumerate(CASES, 1):
        text, deliberate = case if isinstance(case, tuple) else (case, None)
        refused, expected = pyyaml_view(text)
        with tempfile.TemporaryDirectory() as repo:
            os.makedirs(os.path.join(repo, "AI/demo"))
            with open(os.path.join(repo, "AI/image-list.yml"), "w") as handle:
                handle.write("images:\n  demo: demo\n")
            with open(os.path.join(repo, "AI/demo/meta.yml"), "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
            for path in set(expected.values()) | {"1.0/24.03-lts/Dockerfile", "2.0/24.03-lts/Dockerfile"}:
                if path.startswith("/") or ".." in path.split("/"):
                    continue
                full = os.path.join(repo, "AI/demo", path)
                os.makedirs(os.path.dirname(full), exist_ok=True)
                with open(full, "w") as handle:
                    handle.write("FROM openeuler/openeuler:24.03-lts\n")
            found_refused, found = stacklint_view(stacklint, repo)
        problems = []
        if bool(refused) != bool(found_refused):
            problems.append(f"PyYAML {'refuses' if refused else 'reads'} it ({refused or 'ok'}); "
                            f"stacklint {'reports ' + repr(found_refused) if found_refused else 'reports no Y001'}")
        elif not refused and expected != found:
            problems.append(f"PyYAML publishes {expected}; stacklint reads {found}")
        if problems and deliberate:
            print(f"ok   case {number}: {text!r} (a deliberate difference: {deliberate})")
            continue
        status = "ok  " if not problems else "DIFF"
        print(f"{status} case {number}: {text!r}")
        for problem in problems:
            print(f"       {problem}")
        failures += bool(problems)
    print(f"\n{len(CASES) - failures} of {len(CASES)} cases agree")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
