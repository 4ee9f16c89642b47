#!/usr/bin/env python3
"""Runs `copydesk --format sarif` on the fixtures and validates the log against the official
SARIF 2.1.0 JSON schema (schema/sarif-schema-2.1.0.json), then checks the content.

usage: validate_sarif.py COPYDESK_EXE
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

try:
    import jsonschema
except ImportError:
    sys.exit("validate_sarif.py: python3-jsonschema is not installed (apt-get install "
             "python3-jsonschema python3-rfc3987)")


def main():
    exe = sys.argv[1]
    with open(os.path.join(HERE, "schema", "sarif-schema-2.1.0.json"), encoding="utf-8") as f:
        schema = json.load(f)
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    checker = jsonschema.FormatChecker()
    if "uri" not in checker.checkers or "uri-reference" not in checker.checkers:
        sys.exit("validate_sarif.py: this jsonschema cannot check URI formats; run it with "
                 "Debian's python3 with python3-rfc3987 installed")
    validator = validator_cls(schema, format_checker=checker)

    run = subprocess.run([exe, "lint", "--format", "sarif", "café.txt", "council vote.txt",
                          "missing.txt"], cwd=os.path.join(HERE, "fixtures"),
                         capture_output=True, check=False)
    if run.returncode != 2:  # findings plus an unreadable file
        sys.exit(f"expected exit 2, got {run.returncode}: {run.stderr.decode()}")
    log = json.loads(run.stdout)

    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    for e in errors:
        print(f"schema violation at /{'/'.join(map(str, e.path))}: {e.message}")
    if errors:
        sys.exit(1)

    # The validator must be able to fail: a log without its version is not SARIF.
    broken = dict(log)
    del broken["version"]
    if validator.is_valid(broken):
        sys.exit("the schema accepted a log without 'version': the validator is not working")

    failures = []

    def expect(cond, what):
        if not cond:
            failures.append(what)

    run0 = log["runs"][0]
    expect(run0["columnKind"] == "unicodeCodePoints", "columnKind")
    rules = run0["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    expect("spelling" in ids and "repeated-word" in ids, f"rules listed: {ids}")
    for r in rules:
        expect(r["shortDescription"]["text"], f"rule {r['id']} has a short description")
    results = run0["results"]
    expect(len(results) == 3, f"3 results, got {len(results)}")
    for res in results:
        expect(rules[res["ruleIndex"]]["id"] == res["ruleId"], "ruleIndex points at ruleId")

    by_rule = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]): r
               for r in results}
    spelling = by_rule.get(("spelling", "council%20vote.txt"))
    expect(spelling is not None, "spelling result with a percent-encoded URI")
    if spelling:
        region = spelling["locations"][0]["physicalLocation"]["region"]
        # "recieved" after an emoji that is two code points (U+1F5F3 U+FE0F)
        expect(region == {"startLine": 3, "startColumn": 82, "endLine": 3, "endColumn": 90},
               f"spelling region {region}")
        expect(spelling["level"] == "warning", "warning level")
        expect(spelling["properties"]["suggestions"][0] == "received", "suggestions carried")
    repeated = by_rule.get(("repeated-word", "caf%C3%A9.txt"))
    expect(repeated is not None, "repeated-word result with a UTF-8 percent-encoded URI")
    if repeated:
        change = repeated["fixes"][0]["artifactChanges"][0]
        expect(change["artifactLocation"]["uri"] == "caf%C3%A9.txt", "fix artifact")
        rep = change["replacements"][0]
        expect(rep["deletedRegion"] == {"startLine": 3, "startColumn": 44, "endLine": 3,
                                        "endColumn": 49}, f"deleted region {rep['deletedRegion']}")
        expect(rep["insertedContent"]["text"] == "", "deletion inserts nothing")
    invocation = run0["invocations"][0]
    expect(invocation["executionSuccessful"] is False, "an unreadable file fails the invocation")
    notes = invocation.get("toolExecutionNotifications", [])
    expect(len(notes) == 1 and notes[0]["message"]["text"] == "no such file",
           f"notification for missing.txt: {notes}")

    for f in failures:
        print("FAILED:", f)
    if failures:
        sys.exit(1)
    print(f"SARIF log valid against the 2.1.0 schema ({validator_cls.__name__}); "
          f"{len(results)} results checked")


if __name__ == "__main__":
    main()
