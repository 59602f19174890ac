#!/usr/bin/env python3
"""diagcheck.py - checks for the diagnostics corpus that need a real JSON
parser (called by run.sh; prints nothing and exits 0 when all is well).

  diagcheck.py json FILE.json FILE.sarif
      FILE.json is GCC-schema JSON (plus "code") and FILE.sarif is SARIF
      2.1.0 reporting the same diagnostics.
  diagcheck.py docs DOC.md CASEDIR
      every "Example: `tests/diagnostics/NAME.mcfg`" in DOC.md is followed
      by a ```mcfg block equal to NAME.mcfg and a ```text block equal to
      NAME.expected, so the documented output is the real one.
"""
import json
import os
import re
import sys

errors = []


def err(msg):
    errors.append(msg)


def check_pos(p, what):
    if not isinstance(p, dict):
        err("%s is not an object" % what)
        return
    if not isinstance(p.get("file"), str) or not p["file"]:
        err("%s.file missing or empty" % what)
    for k in ("line", "column"):
        if not isinstance(p.get(k), int) or p[k] < 1:
            err("%s.%s missing or < 1" % (what, k))


def check_gcc_diag(d, what, top):
    if not isinstance(d, dict):
        err("%s is not an object" % what)
        return
    if d.get("kind") not in ("error", "warning", "note"):
        err("%s.kind is %r" % (what, d.get("kind")))
    if not isinstance(d.get("message"), str) or not d["message"]:
        err("%s.message missing" % what)
    if top and not re.fullmatch(r"MCC\d{4}", str(d.get("code"))):
        err("%s.code is %r" % (what, d.get("code")))
    for k in ("locations", "children", "fixits"):
        if not isinstance(d.get(k), list):
            err("%s.%s is not a list" % (what, k))
            return
    for i, loc in enumerate(d["locations"]):
        for k in ("caret", "start", "finish"):
            check_pos(loc.get(k) if isinstance(loc, dict) else None,
                      "%s.locations[%d].%s" % (what, i, k))
    for i, c in enumerate(d["children"]):
        if isinstance(c, dict) and c.get("kind") != "note":
            err("%s.children[%d] is not a note" % (what, i))
        check_gcc_diag(c, "%s.children[%d]" % (what, i), False)
    for i, f in enumerate(d["fixits"]):
        fw = "%s.fixits[%d]" % (what, i)
        if not isinstance(f, dict) or not isinstance(f.get("string"), str):
            err("%s.string missing" % fw)
            continue
        check_pos(f.get("start"), fw + ".start")
        check_pos(f.get("next"), fw + ".next")


def check_sarif(s, diags):
    if s.get("version") != "2.1.0":
        err("sarif: version is %r" % s.get("version"))
    runs = s.get("runs")
    if not isinstance(runs, list) or len(runs) != 1:
        err("sarif: expected one run")
        return
    run = runs[0]
    try:
        rules = {r["id"] for r in run["tool"]["driver"]["rules"]}
        if run["tool"]["driver"]["name"] != "mcc":
            err("sarif: tool.driver.name is not mcc")
    except (KeyError, TypeError):
        err("sarif: runs[0].tool.driver.rules missing")
        rules = set()
    results = run.get("results")
    if not isinstance(results, list):
        err("sarif: runs[0].results missing")
        return
    got = [r.get("ruleId") for r in results]
    want = [d.get("code") for d in diags]
    if got != want:
        err("sarif: ruleIds %r, JSON codes %r" % (got, want))
    for i, (r, d) in enumerate(zip(results, diags)):
        w = "sarif: results[%d]" % i
        if r.get("ruleId") not in rules:
            err("%s: ruleId %r not among the rules" % (w, r.get("ruleId")))
        if r.get("level") != d.get("kind"):
            err("%s: level %r, JSON kind %r" % (w, r.get("level"), d.get("kind")))
        if (r.get("message") or {}).get("text") != d.get("message"):
            err("%s: message differs from the JSON" % w)
        locs = r.get("locations")
        if not isinstance(locs, list):
            err("%s: locations missing" % w)
            continue
        if len(locs) != len(d.get("locations", [])):
            err("%s: %d locations, JSON has %d" % (w, len(locs), len(d["locations"])))
            continue
        for sl, gl in zip(locs, d["locations"]):
            try:
                pl = sl["physicalLocation"]
                reg = pl["region"]
                uri = pl["artifactLocation"]["uri"]
            except (KeyError, TypeError):
                err("%s: physicalLocation/region/uri missing" % w)
                continue
            c = gl["caret"]
            if (uri, reg.get("startLine"), reg.get("startColumn")) != \
               (c["file"], c["line"], c["column"]):
                err("%s: location %s:%s:%s, JSON %s:%s:%s" % (
                    w, uri, reg.get("startLine"), reg.get("startColumn"),
                    c["file"], c["line"], c["column"]))
            # SARIF's endColumn is exclusive, GCC's finish inclusive.
            f = gl["finish"]
            if (reg.get("endLine"), reg.get("endColumn")) != (f["line"], f["column"] + 1):
                err("%s: region end differs from the JSON finish" % w)
        if d.get("fixits") and not r.get("fixes"):
            err("%s: JSON has a fix-it, SARIF no fix" % w)


def load(path):
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        return json.load(f)


def cmd_json(jpath, spath):
    try:
        diags = load(jpath)
    except ValueError as e:
        err("json: not JSON: %s" % e)
        return
    if not isinstance(diags, list):
        err("json: top level is not an array")
        return
    for i, d in enumerate(diags):
        check_gcc_diag(d, "json[%d]" % i, True)
    try:
        sarif = load(spath)
    except ValueError as e:
        err("sarif: not JSON: %s" % e)
        return
    check_sarif(sarif, diags)


def fenced_blocks(lines, start):
    """Yields (lang, text) of the fenced blocks from line `start` on."""
    i = start
    while i < len(lines):
        m = re.match(r"^```(\w*)\s*$", lines[i])
        if m:
            j = i + 1
            while j < len(lines) and lines[j].rstrip("\n") != "```":
                j += 1
            yield m.group(1), "".join(lines[i + 1:j])
            i = j + 1
        else:
            i += 1


def cmd_docs(doc, casedir):
    try:
        with open(doc, encoding="utf-8", errors="surrogateescape") as f:
            lines = f.readlines()
    except OSError as e:
        err("docs: %s" % e)
        return
    n = 0
    for i, line in enumerate(lines):
        m = re.search(r"Example: `tests/diagnostics/([\w-]+)\.mcfg`", line)
        if not m:
            continue
        n += 1
        name = m.group(1)
        blocks = fenced_blocks(lines, i + 1)
        want = [("mcfg", name + ".mcfg"), ("text", name + ".expected")]
        for (lang, fname), got in zip(want, blocks):
            if got[0] != lang:
                err("docs: example %s: expected a ```%s block, found ```%s" %
                    (name, lang, got[0]))
                break
            path = os.path.join(casedir, fname)
            try:
                with open(path, encoding="utf-8", errors="surrogateescape") as f:
                    text = f.read()
            except OSError as e:
                err("docs: example %s: %s" % (name, e))
                break
            if got[1] != text:
                err("docs: example %s: the ```%s block differs from %s" %
                    (name, lang, fname))
    if n == 0:
        err("docs: no examples found")


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "json":
        cmd_json(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "docs":
        cmd_docs(sys.argv[2], sys.argv[3])
    else:
        sys.stderr.write(__doc__)
        return 2
    for e in errors[:20]:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
