#!/usr/bin/env python3
"""Whole-process timings of stacklint against its baselines, as docs/performance.md reports them.

    python3 scripts/bench.py [--shared ../shared] [--runs 11] [--scales 1,10,100] [--only NAME]
        [--cli PATH]

Repositories: the real 2026-08 snapshot (`<shared>/corpus/openeuler-docker-images-2026-08`),
an empty one (cold start), and synthetic ones from `<shared>/bench/gen_repo.py` at each scale
(written once under target/bench-repos/). Each is checked by:
- `cli`: target/release/stacklint check DIR (human output, as in a CI log);
- `action`: action/dist/index.js under the Node the action declares (node_modules/node), the
  whole step as the runner starts it: scope all, annotations and job summary on;
- `floor`: `<shared>/bench/min_reader.c`, the single-process I/O floor (built with cc -O2);
- `peer`: `<shared>/bench/peer_validate.py` (PyYAML), what users run instead.
Runs alternate between the programs (warm page cache) and the median is printed, with the
CLI's growth from the smallest scale. Build first: `cargo build --release`,
`bash scripts/build-wasm.sh && npm run build:action`.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def option(name, default):
    if name in sys.argv:
        return sys.argv[sys.argv.index(name) + 1]
    return default


SHARED = os.path.abspath(os.path.join(ROOT, option("--shared", "../shared")))
RUNS = int(option("--runs", "11"))
SCALES = [s for s in option("--scales", "1,10,100").split(",") if s]
ONLY = option("--only", "")
CLI = os.path.abspath(option("--cli", os.path.join(ROOT, "target/release/stacklint")))
NODE = os.path.join(ROOT, "node_modules/node/bin/node")
ACTION = os.path.join(ROOT, "action/dist/index.js")


def min_reader():
    binary = os.path.join(ROOT, "target/bench/min_reader")
    if not os.path.exists(binary):
        os.makedirs(os.path.dirname(binary), exist_ok=True)
        subprocess.run(["cc", "-O2", "-o", binary, os.path.join(SHARED, "bench/min_reader.c")], check=True)
    return binary


def scale_repo(scale):
    path = os.path.join(ROOT, "target/bench-repos", f"scale-{scale}")
    if not os.path.isdir(path):
        subprocess.run([sys.executable, os.path.join(SHARED, "bench/gen_repo.py"), scale, path],
                       check=True, stdout=subprocess.DEVNULL)
    return path


def action_command(repo, scratch):
    event = os.path.join(scratch, "event.json")
    with open(event, "w") as handle:
        handle.write("{}")
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": os.environ.get("HOME", ""),
        "GITHUB_ACTIONS": "true",
        "GITHUB_WORKSPACE": repo,
        "GITHUB_EVENT_NAME": "push",
        "GITHUB_EVENT_PATH": event,
        "GITHUB_OUTPUT": os.path.join(scratch, "output"),
        "GITHUB_STEP_SUMMARY": os.path.join(scratch, "summary.md"),
        "GITHUB_SHA": "0" * 40,
        "GITHUB_REPOSITORY": "octo/images",
        "RUNNER_TEMP": scratch,
        "INPUT_SCOPE": "all",
        "INPUT_FAIL-ON": "never",
    }
    return [NODE, ACTION], env


def time_once(command, env=None):
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    return time.perf_counter() - started


def measure(repo, scratch):
    programs = {
        "cli": ([CLI, "check", repo, "--color", "never"], None),
        "action": action_command(repo, scratch),
        "floor": ([min_reader(), repo], None),
        "peer": ([sys.executable, os.path.join(SHARED, "bench/peer_validate.py"), repo], None),
    }
    times = {name: [] for name in programs}
    for name, (command, env) in programs.items():
        time_once(command, env)  # warm the page cache and the program
    for _ in range(RUNS):
        for name, (command, env) in programs.items():
            times[name].append(time_once(command, env))
    return {name: statistics.median(values) for name, values in times.items()}


def ms(seconds):
    return f"{seconds * 1000:,.0f} ms" if seconds < 10 else f"{seconds:,.1f} s"


def main():
    repos = [
        ("empty (cold start)", None),
        ("real 2026-08", os.path.join(SHARED, "corpus/openeuler-docker-images-2026-08")),
    ] + [(f"synthetic {scale}x", ("scale", scale)) for scale in SCALES]
    wasm = os.path.getsize(os.path.join(ROOT, "action/dist/stacklint_bg.wasm"))
    print(f"WASM: {wasm:,} bytes raw; {RUNS} runs each, medians\n")
    print("| repository | CLI | action | floor (min_reader) | peer (PyYAML) | CLI / floor | peer / CLI | action / CLI |")
    print("|---|---|---|---|---|---|---|---|")
    results = {}
    with tempfile.TemporaryDirectory() as scratch:
        for label, source in repos:
            if ONLY and ONLY not in label:
                continue
            if source is None:
                repo = os.path.join(scratch, "empty")
                os.makedirs(repo, exist_ok=True)
            elif isinstance(source, str):
                repo = source
            else:
                repo = scale_repo(source[1])
            t = measure(repo, scratch)
            results[label] = t
            print(f"| {label} | {ms(t['cli'])} | {ms(t['action'])} | {ms(t['floor'])} | {ms(t['peer'])} "
                  f"| {t['cli'] / t['floor']:.1f}x | {t['peer'] / t['cli']:.1f}x | {t['action'] / t['cli']:.1f}x |",
                  flush=True)
    scaled = [label for label in results if label.startswith("synthetic")]
    if len(scaled) > 1:
        base = results[scaled[0]]
        print("\nGrowth from", scaled[0])
        for label in scaled[1:]:
            growth = {name: results[label][name] / base[name] for name in base}
            print(f"- {label}: " + ", ".join(f"{name} {value:.0f}x" for name, value in growth.items()))
    print(json.dumps({label: {k: round(v, 4) for k, v in t.items()} for label, t in results.items()}))


if __name__ == "__main__":
    main()
