#!/usr/bin/env python3
"""Prints how many operations of the Apify OpenAPI spec the emulator serves.

The served set comes from the emulator's own route table (`apify-emulator --print-routes`),
checked against the operations in openapi.json; nothing here is a hand-written number.

usage: coverage.py [SPEC] [--bin PATH]
  SPEC defaults to openapi.json next to this script (a copy of shared/reference/openapi.json),
  falling back to ../shared/reference/openapi.json relative to the repo root.
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
METHODS = ("get", "head", "post", "put", "delete", "patch")


def spec_ops(path):
    with open(path, encoding="utf-8") as f:
        spec = json.load(f)
    ops = {}
    for p, item in spec["paths"].items():
        for m, op in item.items():
            if m in METHODS:
                ops[(m.upper(), p)] = op.get("operationId", "")
    return ops


def served_routes(binary):
    if binary:
        cmd = [binary, "--print-routes"]
    else:
        cands = [os.path.join(ROOT, "target", d, "apify-emulator") for d in ("release", "debug")]
        found = [c for c in cands if os.path.exists(c)]
        cmd = [found[0], "--print-routes"] if found else [
            "cargo", "run", "-q", "-p", "apify-emulator", "--", "--print-routes"]
    out = subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    routes = set()
    for line in out.splitlines():
        cols = line.split("\t")
        if len(cols) >= 2:
            routes.add((cols[0], cols[1]))
    return routes


def main():
    args = sys.argv[1:]
    binary = None
    if "--bin" in args:
        i = args.index("--bin")
        binary = args[i + 1]
        del args[i:i + 2]
    spec = args[0] if args else os.path.join(HERE, "openapi.json")
    if not os.path.exists(spec):
        spec = os.path.join(ROOT, "..", "shared", "reference", "openapi.json")
    ops = spec_ops(spec)
    served = served_routes(binary)
    hit = sorted(k for k in ops if k in served)
    missing = sorted(k for k in ops if k not in served)
    extra = sorted(k for k in served if k not in ops)
    print(f"served {len(hit)} of {len(ops)} operations ({100.0 * len(hit) / max(1, len(ops)):.1f}%)")
    for m, p in missing:
        print(f"  not served: {m} {p} ({ops[(m, p)]})")
    for m, p in extra:
        print(f"  route not in spec: {m} {p}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
