#!/usr/bin/env python3
"""Prints the dependency graph between stacklint's src/ modules (from `crate::` paths outside
comments and test modules) and exits 1 if it has a cycle.

    python3 scripts/deps.py [--layers]     # --layers: one node per top-level folder
"""
import pathlib, re, sys
from collections import defaultdict

SRC = pathlib.Path(__file__).resolve().parent.parent / "src"
layers = "--layers" in sys.argv

def module_of(path):
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "mod":
        parts.pop()
    return "::".join(parts) or "lib"

modules = {}
for path in sorted(SRC.rglob("*.rs")):
    text = path.read_text()
    # Unit tests may use anything; the structure is what the code outside them needs.
    text = re.split(r"^#\[cfg\(test\)\]\s*\nmod tests", text, flags=re.M)[0]
    # Doc links name modules without depending on them.
    text = re.sub(r"//.*", "", text)
    modules[module_of(path)] = text

def node(module):
    return module.split("::")[0] if layers else module

graph = defaultdict(set)
for module, text in modules.items():
    if module in ("main", "wasm", "lib"):
        continue
    for ref in re.findall(r"crate::((?:[a-z_][a-z0-9_]*::)*[a-z_][a-z0-9_]*)", text):
        parts = ref.split("::")
        # The longest prefix that names a module.
        while parts and "::".join(parts) not in modules:
            parts.pop()
        if not parts:
            continue
        target = "::".join(parts)
        if node(target) != node(module) and not node(module).startswith(node(target) + "::") :
            graph[node(module)].add(node(target))

for source in sorted(graph):
    print(f"{source} -> {', '.join(sorted(graph[source]))}")

state, stack, cycles = {}, [], []
def visit(n):
    state[n] = 1
    stack.append(n)
    for m in sorted(graph.get(n, ())):
        if state.get(m) == 1:
            cycles.append(stack[stack.index(m):] + [m])
        elif m not in state:
            visit(m)
    stack.pop()
    state[n] = 2
for n in sorted(graph):
    if n not in state:
        visit(n)
if cycles:
    for cycle in cycles:
        print("cycle: " + " -> ".join(cycle), file=sys.stderr)
    sys.exit(1)
print("no cycle")
