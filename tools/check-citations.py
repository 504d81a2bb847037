#!/usr/bin/env python3
"""Quick reviewer aid: check that every quote in data/**/*.json is at its cited line. (The C# test suite does the same.)"""
import json, pathlib, sys
root = pathlib.Path(__file__).resolve().parent.parent / "data"
lines = {p.stem: p.read_text(encoding="utf-8").split("\n") for p in (root / "sources").glob("*.txt")}
bad = 0
def walk(node, where):
    global bad
    if isinstance(node, dict):
        for c in node.get("cite", []) if isinstance(node.get("cite"), list) else []:
            if "url" in c:
                continue
            doc, line, end = c.get("doc"), c.get("line"), c.get("lineEnd", c.get("line"))
            if doc not in lines or not isinstance(line, int) or not (1 <= line <= end <= len(lines[doc])):
                print(f"{where}: bad citation target {c}"); bad += 1; continue
            text = "\n".join(lines[doc][line - 1:end])
            if not c.get("quote") or c["quote"] not in text:
                print(f"{where}: quote not found at {doc}:{line}: {c.get('quote')!r}"); bad += 1
        for k, v in node.items():
            walk(v, where)
    elif isinstance(node, list):
        for v in node:
            walk(v, where)
for f in sorted(root.glob("*/*.json")):
    try:
        data = json.loads(f.read_text(encoding="utf-8"))
    except Exception as e:
        print(f"{f}: invalid JSON: {e}"); bad += 1; continue
    for i, obj in enumerate(data):
        if isinstance(obj, dict) and not obj.get("cite") and f.parent.name not in ("indicators",):
            print(f"{f}[{i}]: no cite"); bad += 1
        walk(obj, f"{f.relative_to(root)}[{i}]")
print(f"{bad} problem(s)")
sys.exit(1 if bad else 0)
