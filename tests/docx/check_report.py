#!/usr/bin/env python3
"""The Word report read by an independent reader: Python's standard library only
(zipfile + xml.etree), so it runs on a fresh machine with nothing installed.

    python3 tests/docx/check_report.py target/release/horizon

Runs the horizon binary to write the Kent report (and a what-if against its
baseline), its JSON review and the scenario, then checks the .docx as Word would
read it: headings by style, the summary table's rows, the matrix table's district
columns on a landscape page, no rule version outside the appendix, and the title
block's date, "made from" and baseline lines; and, for Kent with a stakeholder event,
the "Stakeholder events" section before the matrix. Ends with "N passed, N failed".
"""

import json
import os
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DATE = "2026-03-31"
DATE_WORDS = "31 March 2026"

passed = 0
failed = 0


def check(ok, what, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {what}")
    else:
        failed += 1
        print(f"FAIL {what}" + (f"\n     {detail}" if detail else ""))


def text(el):
    return "".join(t.text or "" for t in el.iter(W + "t"))


def style_of(p):
    s = p.find(f"{W}pPr/{W}pStyle")
    return s.get(W + "val") if s is not None else "Normal"


class Report:
    """The body of word/document.xml in order: ("p", style, text) or ("tbl", rows),
    and each section's page size with the blocks it holds."""

    def __init__(self, path):
        with zipfile.ZipFile(path) as z:
            self.parts = set(z.namelist())
            self.root = ET.fromstring(z.read("word/document.xml"))
            self.styles = ET.fromstring(z.read("word/styles.xml"))
        body = self.root.find(W + "body")
        self.blocks = []
        self.sections = []  # (orientation, [block indices])
        current = []
        for el in body:
            if el.tag == W + "p":
                self.blocks.append(("p", style_of(el), text(el)))
                current.append(len(self.blocks) - 1)
                sect = el.find(f"{W}pPr/{W}sectPr")
                if sect is not None:
                    self.sections.append((orientation(sect), current))
                    current = []
            elif el.tag == W + "tbl":
                rows = []
                for tr in el.findall(W + "tr"):
                    header = tr.find(f"{W}trPr/{W}tblHeader") is not None
                    rows.append((header, [text(tc) for tc in tr.findall(W + "tc")]))
                style = el.find(f"{W}tblPr/{W}tblStyle")
                self.blocks.append(("tbl", style.get(W + "val") if style is not None else None, rows))
                current.append(len(self.blocks) - 1)
            elif el.tag == W + "sectPr":
                self.sections.append((orientation(el), current))

    def paragraphs(self, style):
        return [b[2] for b in self.blocks if b[0] == "p" and b[1] == style]

    def tables(self):
        return [b for b in self.blocks if b[0] == "tbl"]

    def index_of_heading(self, title):
        for i, b in enumerate(self.blocks):
            if b[0] == "p" and b[1] == "Heading1" and b[2] == title:
                return i
        return None

    def all_text(self, start=0, end=None):
        out = []
        for b in self.blocks[start:end]:
            if b[0] == "p":
                out.append(b[2])
            else:
                out.extend(" | ".join(cells) for _, cells in b[2])
        return "\n".join(out)


def orientation(sect):
    size = sect.find(W + "pgSz")
    w, h = int(size.get(W + "w")), int(size.get(W + "h"))
    return "landscape" if w > h else "portrait"


def horizon(binary, *args):
    out = subprocess.run([binary, *args], capture_output=True)
    if out.returncode != 0:
        sys.exit(f"horizon {' '.join(args)} failed: {out.stderr.decode()}")
    return out.stdout


def check_kent(binary, tmp):
    scenario_path = os.path.join(tmp, "kent.json")
    with open(scenario_path, "wb") as f:
        f.write(horizon(binary, "example", "kent-2016"))
    scenario = json.load(open(scenario_path))
    review = json.loads(horizon(binary, "review", "--scenario", scenario_path, "--format", "json"))
    docx = os.path.join(tmp, "kent.docx")
    horizon(binary, "review", "--scenario", scenario_path, "--format", "docx", "--date", DATE, "-o", docx)
    r = Report(docx)

    for part in ["[Content_Types].xml", "word/styles.xml", "word/numbering.xml", "word/footer1.xml"]:
        check(part in r.parts, f"the package has {part}")
    style_ids = {s.get(W + "styleId") for s in r.styles.findall(W + "style")}
    check({"Title", "Heading1", "Heading2", "Heading3", "ListBullet", "HorizonTable"} <= style_ids,
          "Word's own heading, list and a table style are defined", sorted(style_ids))

    # Headings by style, in order.
    h1 = r.paragraphs("Heading1")
    want = ["Summary", "Suggested changes", "Conflicts", "Changes not suggested", "Priority matrix",
            "Appendix: how this was worked out"]
    check(h1 == want, "Heading 1s are the report's sections in order", h1)
    check(r.paragraphs("Title") == [f"Suggested changes to {review['plan']}"], "the title names the plan", r.paragraphs("Title"))
    h2 = r.paragraphs("Heading2")
    headlines = [s["headline"] for s in review["suggestions"]]
    check(h2[: len(headlines)] == [f"{i + 1}. {h}" for i, h in enumerate(headlines)],
          "each suggestion is a Heading 2, highest score first", h2)
    check(h2[-2:] == ["Evidence in full", "Rules used"], "the appendix has Evidence in full and Rules used", h2)
    check(all(h in ("Focus areas with no suggestion", "Rules that suggested nothing") for h in h2[len(headlines):-2]),
          "changes not suggested are grouped under their own headings", h2)
    body = "\n".join(b[2] for b in r.blocks if b[0] == "p")
    check("How the score is made up:" in body and "rules agree" in body,
          "each suggestion says how its score is made up", "")
    check(len(r.paragraphs("Heading3")) == len(headlines), "each suggestion's evidence in full is a Heading 3")
    check(len(r.paragraphs("ListBullet")) > 0, "reasons and evidence are real bullets (List Bullet)")

    # Title block.
    normal = r.paragraphs("Normal")
    check(f"Date of this report: {DATE_WORDS}" in normal, "the title block has the date", normal[:8])
    check(any(p.startswith("Made from: the file kent.json") for p in normal), "the title block says what it was made from", normal[:8])
    check(any(p.startswith("Baseline: none given") for p in normal), "without --baseline the report says there is none")

    # The summary table: current → proposed, one row per proposed focus area.
    tables = r.tables()
    check(all(t[1] == "HorizonTable" for t in tables), "every table uses the Horizon Table style")
    summary = tables[0][2]
    check(summary[0] == (True, ["Current focus area", "Proposed focus area", "Change", "Score (of 100)"]),
          "the summary table's header row repeats", summary[0])
    proposed = review["proposed"]
    check(len(summary) - 1 == len(proposed["focus_areas"]) + len(proposed["removed"]),
          "one summary row per proposed or removed focus area", summary)
    names = [row[1] for _, row in summary[1:]]
    for f in proposed["focus_areas"]:
        check(f["name"] in names, f"the summary proposes {f['name']}", names)
    new = [row for _, row in summary[1:] if row[1] == "Safeguarding"]
    check(bool(new) and new[0][0] == "(none: a new focus area)" and new[0][2] == "New", "Safeguarding is a new focus area", new)

    # The matrix: a table with every district's column, in a landscape section.
    matrix_at = r.index_of_heading("Priority matrix")
    matrix = next((b for b in r.blocks[matrix_at:] if b[0] == "tbl"), None)
    header = matrix[2][0][1] if matrix else []
    for d in scenario["districts"]:
        check(any(h.startswith(d["name"]) for h in header), f"the matrix has a column for {d['name']}", header)
    check(len(matrix[2]) - 1 == len(scenario["themes"]), "the matrix has a row for every theme")
    section = next((o for o, blocks in r.sections if matrix_at in blocks), None)
    check(section == "landscape", "the matrix is on landscape pages", r.sections and [o for o, _ in r.sections])
    first = next(o for o, blocks in r.sections if 0 in blocks)
    check(first == "portrait", "the report starts on portrait pages")

    # Rule ids and versions only in the appendix.
    appendix_at = r.index_of_heading("Appendix: how this was worked out")
    body = r.all_text(0, appendix_at)
    appendix = r.all_text(appendix_at)
    versions = [t["version"] for t in review["trace"]]
    leaked = [v for v in versions if v in body]
    check(not leaked, "no rule version appears before the appendix", leaked)
    ids = [t["rule"] for t in review["trace"]]
    check(not [i for i in ids if i in body], "no rule id appears before the appendix", [i for i in ids if i in body])
    check(all(v in appendix for v in versions), "every rule's version is in the appendix")
    for bad in [" 0 ", "1 districts", "(s)"]:
        check(bad not in body.replace("11 districts", ""), f"the body never says \"{bad.strip()}\"")
    return scenario_path, scenario


def check_what_if(binary, tmp, baseline_path, scenario):
    # A what-if: one matrix cell blanked.
    row = next(r for r in scenario["matrix"] if r["cells"])
    district = sorted(row["cells"])[0]
    del row["cells"][district]
    what_if = os.path.join(tmp, "what-if.json")
    with open(what_if, "w") as f:
        json.dump(scenario, f)
    docx = os.path.join(tmp, "what-if.docx")
    horizon(binary, "review", "--scenario", what_if, "--baseline", baseline_path, "--format", "docx", "--date", DATE, "-o", docx)
    r = Report(docx)
    normal = r.paragraphs("Normal")
    line = next((p for p in normal if p.startswith("Baseline: ")), "")
    check(line == "Baseline: the inputs differ from the baseline file kent.json in one way:",
          "a what-if's title block says it differs from the baseline", line)
    bullets = r.paragraphs("ListBullet")
    names = {d["id"]: d["name"] for d in scenario["districts"]}
    check(bullets and bullets[0].startswith("Priority matrix: ") and names[district] in bullets[0],
          "and how: the cell that changed, in names", bullets[:1])


def check_event(binary, tmp, scenario):
    # Kent with a stakeholder event whose tally of 60 votes has been revealed.
    scenario = json.loads(json.dumps(scenario))
    tally = [("road-safety", 20), ("health-wellbeing", 15), ("prevent", 10), ("domestic-abuse", 15)]
    names = {t["id"]: t["name"] for t in scenario["themes"]}
    scenario["votes"] = [{"theme": t, "votes": v} for t, v in tally]
    scenario["events"] = [{
        "id": "kent-event", "name": "Kent stakeholder event", "date": "7 December 2016",
        "venue": "Margate Winter Gardens", "participants": 55,
        "rounds": [{
            "id": "themes", "question": "Which themes should the partnership focus on?", "way": "tally",
            "options": [{"subject": {"theme": t}, "name": names[t], "votes": v} for t, v in tally],
            "revealed": True,
            "before": [{"suggestion": "retain:road-safety", "headline": "Retain Road Safety", "score": 34.1}],
            "after": [{"suggestion": "retain:road-safety", "headline": "Retain Road Safety", "score": 44.1}],
        }],
    }]
    path = os.path.join(tmp, "event.json")
    with open(path, "w") as f:
        json.dump(scenario, f)
    review = json.loads(horizon(binary, "review", "--scenario", path, "--format", "json"))
    check(review["events"][0]["rounds"][0]["entries"] == 60, "the JSON review counts the event's 60 votes",
          review.get("events"))
    retain = next((s for s in review["suggestions"] if s["id"] == "retain:road-safety"), None)
    check(retain is not None and any(e["type"] == "stakeholder_votes" for e in retain["evidence"]),
          "retaining Road Safety cites the room's votes", retain and retain["evidence"][-1:])
    docx = os.path.join(tmp, "event.docx")
    horizon(binary, "review", "--scenario", path, "--format", "docx", "--date", DATE, "-o", docx)
    r = Report(docx)
    h1 = r.paragraphs("Heading1")
    check(h1[h1.index("Changes not suggested") + 1:][:2] == ["Stakeholder events", "Priority matrix"]
          if "Changes not suggested" in h1 else False,
          "the Stakeholder events section comes before the matrix", h1)
    at, end = r.index_of_heading("Stakeholder events"), r.index_of_heading("Priority matrix")
    section = r.all_text(at, end) if at is not None else ""
    for want in ["7 December 2016, Margate Winter Gardens, 55 participants.",
                 "Counted by a tally: 60 votes.", "Road Safety | 20",
                 "Retain Road Safety: 34.1 → 44.1, still 1st"]:
        check(want in section, f"the event section says \"{want}\"", section[:400])
    ids = [t["rule"] for t in review["trace"]]
    body = r.all_text(0, r.index_of_heading("Appendix: how this was worked out"))
    check(not [i for i in ids if i in body], "no rule id appears before the appendix of the event report")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check_report.py PATH/TO/horizon")
    binary = sys.argv[1]
    with tempfile.TemporaryDirectory() as tmp:
        baseline, scenario = check_kent(binary, tmp)
        check_what_if(binary, tmp, baseline, scenario)
        check_event(binary, tmp, json.load(open(baseline)))
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
