#!/usr/bin/env python3
"""Writes a Zeppelin 0.11/0.12 note (.zpln) from a plain-text outline, or extracts the outline back.

  python3 notebooks/tools/zpln.py build NOTE.txt NOTE.zpln   # outline -> note (outputs empty)
  python3 notebooks/tools/zpln.py extract NOTE.zpln          # note -> outline on stdout

Outline format: the first line is "%%% note: <name>"; each paragraph starts with a line
"%%% <title>" followed by the paragraph text exactly as typed in Zeppelin (its first line is the
interpreter magic: %md, %spark, %sql, %spark.conf). The ids are derived from the name and the
paragraph index, so rebuilding an unchanged outline gives an identical file.

A title may end with a chart directive, "{chart: MODE KEY -> VALUE,VALUE}" (e.g.
"{chart: multiBarChart zone -> mean_ndvi}"): the paragraph's first result then opens as that Zeppelin
chart (multiBarChart, lineChart, pieChart, scatterChart, stackedAreaChart) over the result's columns,
KEY first and the VALUEs after it in that order.
"""
import re
import hashlib
import json
import sys

LANG = {"%md": ("markdown", "ace/mode/markdown"), "%sql": ("sql", "ace/mode/sql"),
        "%spark.sql": ("sql", "ace/mode/sql"), "%spark.conf": ("text", "ace/mode/text")}
STAMP = "2026-11-29 00:00:00.000"


CHART = re.compile(r"\s*\{chart:\s*(\w+)\s+(\w+)\s*->\s*([\w,]+)\s*\}\s*$")


def chart_results(mode, key, values):
    col = lambda name, i: {"name": name, "visible": True, "index": float(i), "aggr": "sum"}
    return {"0": {"graph": {"mode": mode, "height": 300.0, "optionOpen": False,
                            "setting": {mode: {}}, "commonSetting": {},
                            "keys": [col(key, 0)], "groups": [],
                            "values": [col(v, i + 1) for i, v in enumerate(values)]},
                  "helium": {}}}


def paragraph(note_id, index, title, text):
    results, directive = {}, CHART.search(title)
    if directive:
        title = title[:directive.start()]
        results = chart_results(directive.group(1), directive.group(2), directive.group(3).split(","))
    magic = text.split(None, 1)[0] if text.strip() else "%spark"
    lang, mode = LANG.get(magic, ("scala", "ace/mode/scala"))
    is_md = magic == "%md"
    pid = "paragraph_%s_%03d" % (note_id, index)
    return {
        "title": title,
        "text": text,
        "user": "anonymous",
        "dateUpdated": STAMP,
        "progress": 0,
        "config": {
            "editorSetting": {"language": lang, "editOnDblClick": is_md, "completionKey": "TAB",
                              "completionSupport": not is_md},
            "colWidth": 12.0,
            "editorMode": mode,
            "editorHide": is_md,
            "fontSize": 9.0,
            "title": True,
            "results": results,
            "enabled": True,
        },
        "settings": {"params": {}, "forms": {}},
        "apps": [],
        "runtimeInfos": {},
        "progressUpdateIntervalMs": 500,
        "jobName": pid,
        "id": pid,
        "dateCreated": STAMP,
        "status": "READY",
    }


def build(outline, target):
    lines = open(outline, encoding="utf-8").read().split("\n")
    if not lines[0].startswith("%%% note: "):
        sys.exit(outline + ": the first line must be '%%% note: <name>'")
    name = lines[0][len("%%% note: "):].strip()
    note_id = "2" + hashlib.sha1(name.encode()).hexdigest()[:8].upper()
    paras, title, body = [], None, []
    for line in lines[1:] + ["%%% <end>"]:
        if line.startswith("%%% "):
            if title is not None:
                paras.append(paragraph(note_id, len(paras), title, "\n".join(body).strip("\n")))
            title, body = line[3:].strip(), []
        elif title is not None:
            body.append(line)
        elif line.strip():
            sys.exit(outline + ": text before the first '%%% title' line")
    note = {
        "paragraphs": paras,
        "name": name,
        "id": note_id,
        "defaultInterpreterGroup": "spark",
        "version": "0.11.2",
        "noteParams": {},
        "noteForms": {},
        "angularObjects": {},
        "config": {"isZeppelinNotebookCronEnable": False},
        "info": {},
        "path": "/Rastermill/" + name,
    }
    with open(target, "w", encoding="utf-8") as f:
        json.dump(note, f, indent=2, ensure_ascii=False)
        f.write("\n")


def extract(note_file):
    note = json.load(open(note_file, encoding="utf-8"))
    print("%%% note: " + note["name"])
    for p in note["paragraphs"]:
        title = p.get("title") or ""
        graph = p.get("config", {}).get("results", {}).get("0", {}).get("graph")
        if graph and graph.get("mode") != "table":
            title += " {chart: %s %s -> %s}" % (graph["mode"], graph["keys"][0]["name"],
                                                ",".join(v["name"] for v in graph["values"]))
        print("%%% " + title)
        print(p.get("text", ""))
        print()


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "build":
        build(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "extract":
        extract(sys.argv[2])
    else:
        sys.exit(__doc__)
