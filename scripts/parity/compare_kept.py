#!/usr/bin/python3
"""Compares the calls kept by keep_outputs.py for two builds: compare_kept.py OLD_DIR NEW_DIR
[RESOURCE_DIR ...]. Calls are matched by test and, within a test, by their arguments; the given
resource folders (each build's presets) read as one. Prints each difference and a count; exits 1
when any call differs or is kept for one build only."""
import difflib
import json
import os
import re
import sys


def load(folder: str, resources: list) -> dict:
    calls = {}
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            text = f.read()
        for r in resources:
            text = text.replace(r, "<RES>")
        text = re.sub(r"-[0-9a-f]{8}\b", "-<HEX>", text)  # the cluster's random partition folders
        record = json.loads(text)
        calls[(name.rsplit(".", 2)[0], json.dumps(record["args"]))] = record
    return calls


def main() -> int:
    old, new = load(sys.argv[1], sys.argv[3:]), load(sys.argv[2], sys.argv[3:])
    only = sorted(set(old) ^ set(new))
    for key in only:
        print("kept for one build only:", key[0], key[1][:200])
    differ = 0
    for key in sorted(set(old) & set(new)):
        if old[key] == new[key]:
            continue
        differ += 1
        print("==", key[0], key[1][:200])
        for part in ("rc", "stdout", "stderr", "gpkg", "csv"):
            a, b = str(old[key].get(part)), str(new[key].get(part))
            if a != b:
                print("  --", part)
                for line in list(difflib.unified_diff(a.splitlines(), b.splitlines(), lineterm="", n=0))[2:14]:
                    print("   ", line[:300])
    print(f"{len(set(old) & set(new)) - differ} calls equal, {differ} different, {len(only)} kept for one build only")
    return 1 if differ or only else 0


if __name__ == "__main__":
    sys.exit(main())
