#!/usr/bin/env python3
"""Check every file of the csv corpus against expected.json.

Run from anywhere:  python3 verify_corpus.py   (exit code 0 = all good)

For each file it checks, independently of the engine:
  * BOM, encoding (UTF-8), line ending of every record terminator (outside quotes), final newline;
  * parses with Python's csv module using the documented dialect AND with a small tokenizer in this
    script; both must agree on every value; record count, field counts (ragged records as listed),
    header names, physical start lines where given, and expected decoded values where given;
  * NULL counts (unquoted empty field) and empty-string counts (quoted "") where given;
  * re-derives has_header and every column type / date format / ambiguity with a reference
    implementation of the rules in EXPECTED.md, so the documented truth is self-consistent.
"""
import csv, datetime, io, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
BOM = b"\xef\xbb\xbf"


# ----------------------------------------------------------------- tokenizer
def tokenize(text, delim, quote, escape):
    """Return (records, terminators, start_lines). Each record is a list of (value, was_quoted)."""
    recs, terms, starts = [], [], []
    rec, field, quoted, in_q, i, n = [], [], False, False, 0, len(text)
    line, rec_start = 1, 1
    at_field_start = True
    while i < n:
        c = text[i]
        if in_q:
            if escape != quote and c == escape and i + 1 < n:
                field.append(text[i + 1]); i += 2
                if text[i - 1] == "\n": line += 1
                continue
            if c == quote:
                if escape == quote and i + 1 < n and text[i + 1] == quote:
                    field.append(quote); i += 2; continue
                in_q = False; i += 1; continue
            if c == "\n": line += 1
            field.append(c); i += 1; continue
        if c == quote and at_field_start:
            in_q = quoted = True; at_field_start = False; i += 1; continue
        if c == delim:
            rec.append(("".join(field), quoted)); field, quoted, at_field_start = [], False, True; i += 1; continue
        if c == "\r" and i + 1 < n and text[i + 1] == "\n" or c == "\n":
            t = "CRLF" if c == "\r" else "LF"
            rec.append(("".join(field), quoted)); recs.append(rec); terms.append(t); starts.append(rec_start)
            rec, field, quoted, at_field_start = [], [], False, True
            i += 2 if t == "CRLF" else 1
            line += 1; rec_start = line
            continue
        field.append(c); at_field_start = False; i += 1
    assert not in_q, "unterminated quote"
    if field or rec or quoted:
        rec.append(("".join(field), quoted)); recs.append(rec); starts.append(rec_start)
    return recs, terms, starts


# ----------------------------------------------------------------- reference type rules
INT_RE = re.compile(r"[+-]?(0|[1-9]\d*)")
DEC_RE = re.compile(r"[+-]?(0|[1-9]\d*)(\.(\d+))?")
DBL_RE = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")
DATE_FORMATS = {"yyyy-MM-dd": "%Y-%m-%d", "dd/MM/yyyy": "%d/%m/%Y", "MM/dd/yyyy": "%m/%d/%Y"}
DATE_RES = {"yyyy-MM-dd": r"\d{4}-\d{2}-\d{2}", "dd/MM/yyyy": r"\d{2}/\d{2}/\d{4}", "MM/dd/yyyy": r"\d{2}/\d{2}/\d{4}"}
TS_FORMATS = {"yyyy-MM-dd HH:mm:ss": ("%Y-%m-%d %H:%M:%S", r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"),
              "yyyy-MM-dd'T'HH:mm:ss": ("%Y-%m-%dT%H:%M:%S", r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")}
MAX_DECIMAL_SCALE = 4


def fits(fmt_py, rx, v):
    if not re.fullmatch(rx, v):
        return False
    try:
        datetime.datetime.strptime(v, fmt_py); return True
    except ValueError:
        return False


def infer(values):
    """values: non-null raw strings. Returns dict(type=..., [scale, format, ambiguous])."""
    if not values:
        return {"type": "VARCHAR"}
    t = [v.strip(" \t") for v in values]
    if all(v.lower() in ("true", "false") for v in t):
        return {"type": "BOOLEAN"}
    if all(INT_RE.fullmatch(v) for v in t):
        m = max(abs(int(v) + (1 if v.startswith("-") else 0)) for v in t)  # |MIN| == MAX+1
        if m <= 2**31 - 1: return {"type": "INTEGER"}
        if m <= 2**63 - 1: return {"type": "BIGINT"}
        if max(len(v.lstrip("+-")) for v in t) <= 38: return {"type": "DECIMAL", "scale": 0}
        return {"type": "VARCHAR"}
    if all(DEC_RE.fullmatch(v) for v in t):
        scales = {len(DEC_RE.fullmatch(v).group(3) or "") for v in t} - {0}
        if len(scales) == 1 and 1 <= min(scales) <= MAX_DECIMAL_SCALE:
            return {"type": "DECIMAL", "scale": min(scales)}
    if all(DBL_RE.fullmatch(v) for v in t) and not any(re.fullmatch(r"[+-]?0\d+", v) for v in t):
        return {"type": "DOUBLE"}
    ok = [f for f in DATE_FORMATS if all(fits(DATE_FORMATS[f], DATE_RES[f], v) for v in t)]
    if ok:
        if set(ok) == {"dd/MM/yyyy", "MM/dd/yyyy"}:
            return {"type": "DATE", "format": "dd/MM/yyyy", "ambiguous": True}   # day-first default
        return {"type": "DATE", "format": ok[0], "ambiguous": False}
    for f, (py, rx) in TS_FORMATS.items():
        if all(fits(py, rx, v) for v in t):
            return {"type": "TIMESTAMP", "format": f, "ambiguous": False}
    return {"type": "VARCHAR"}


def header_rule(first, body_cols):
    """Header detection rule (see EXPECTED.md). first: raw values of row 1; body_cols: per column,
    the non-empty raw values of the following rows."""
    body_types = [infer(c)["type"] for c in body_cols]
    if all(t == "VARCHAR" for t in body_types):
        # no type evidence: a row of distinct, non-empty names is a header
        return all(v != "" for v in first) and len(set(first)) == len(first)
    # header iff some typed column's first value does not fit the body's type
    return any(t != "VARCHAR" and v != "" and infer(c + [v])["type"] != t
               for v, c, t in zip(first, body_cols, body_types))


# ----------------------------------------------------------------- checks
def check(name, exp):
    errs = []
    def need(cond, msg):
        if not cond: errs.append(msg)
    raw = open(os.path.join(HERE, name), "rb").read()
    need(raw.startswith(BOM) == exp["bom"], "bom")
    text = raw[3:].decode("utf-8") if raw.startswith(BOM) else raw.decode("utf-8")
    esc = exp["escape"]
    recs, terms, starts = tokenize(text, exp["delimiter"], exp["quote"], esc)
    if exp["line_ending"] is None:
        need(terms == [], f"line endings {set(terms)}")
    else:
        need(set(terms) == {exp["line_ending"]}, f"line endings {set(terms)}")
    need(text.endswith("\n") == exp["final_newline"], "final newline")

    # csv module
    kw = dict(delimiter=exp["delimiter"], quotechar=exp["quote"], strict=True)
    kw.update(dict(doublequote=True) if esc == exp["quote"] else dict(doublequote=False, escapechar=esc))
    rows = list(csv.reader(io.StringIO(text, newline=""), **kw))
    need(rows == [[v for v, _ in r] for r in recs], "csv module and tokenizer disagree")

    header = recs[0] if exp["has_header"] and recs else None
    data = recs[1:] if header else recs
    need(len(data) == exp["rows"], f"rows {len(data)} != {exp['rows']}")
    ncol = len(exp["columns"])
    if header:
        need([v for v, _ in header] == [c["name"] for c in exp["columns"]], f"header {header}")
    else:
        need([c["name"] for c in exp["columns"]] == [f"column{i}" for i in range(1, ncol + 1)], "generated names")
    ragged = {r["record"]: r for r in exp.get("ragged", [])}
    good = []
    for k, r in enumerate(data, 1):
        if k in ragged:
            need(len(r) == ragged[k]["fields"] and len(r) != ncol, f"ragged record {k} has {len(r)} fields")
            need(starts[k if header else k - 1] == ragged[k]["line"], f"ragged record {k} line")
        else:
            need(len(r) == ncol, f"record {k} has {len(r)} fields, want {ncol}")
            good.append(r)
    if "table_rows" in exp:
        need(len(good) == exp["table_rows"] and len(ragged) == exp["rejects"], "table_rows/rejects")
    if "record_start_lines" in exp:
        need(starts[1:] == exp["record_start_lines"], f"start lines {starts[1:]}")
    for cname, want in exp.get("values", {}).items():
        j = [c["name"] for c in exp["columns"]].index(cname)
        got = [r[j][0] for r in good]
        if want and isinstance(want[0], int):
            got = [int(v.strip()) for v in got]
        need(got == want, f"values of {cname}: {got!r}")

    # nulls / types
    for j, c in enumerate(exp["columns"]):
        cells = [r[j] for r in good]
        nulls = sum(1 for v, q in cells if v == "" and not q)
        empties = sum(1 for v, q in cells if v == "" and q)
        need(nulls == c.get("nulls", 0), f"{c['name']}: {nulls} nulls")
        need(empties == c.get("empty_strings", 0), f"{c['name']}: {empties} quoted empty strings")
        vals = [v for v, q in cells if not (v == "" and not q)]
        if c.get("empty_strings"):
            vals = [v for v in vals if v != ""]
        need(len(vals) < 20, f"{c['name']}: 20+ values; the strict and tolerant type rules might differ")
        got = infer(vals)
        want = {k: c[k] for k in ("type", "scale", "format", "ambiguous") if k in c}
        need(got == want, f"{c['name']}: reference inference {got} != expected {want}")
    # header rule
    if recs:
        first = [v for v, _ in recs[0]]
        body = recs[1:]
        body_cols = [[r[j][0] for r in body if len(r) == len(first) and r[j][0] != ""] for j in range(len(first))]
        need(header_rule(first, body_cols) == exp["has_header"], "header rule disagrees")
    else:
        need(not exp["has_header"] and exp["rows"] == 0 and exp["columns"] == [], "empty file")
    return errs


def main():
    exp = json.load(open(os.path.join(HERE, "expected.json"), encoding="utf-8"))
    present = {f for f in os.listdir(HERE) if f not in ("expected.json", "EXPECTED.md", "verify_corpus.py")
               and not f.startswith(".") and os.path.isfile(os.path.join(HERE, f))}
    bad = 0
    if present != set(exp):
        print("file set differs from expected.json:", sorted(present ^ set(exp))); bad += 1
    for name in sorted(exp):
        try:
            errs = check(name, exp[name])
        except Exception as ex:   # a parse failure is a check failure, not a crash
            errs = [f"{type(ex).__name__}: {ex}"]
        print(("FAIL " if errs else "ok   ") + name + ("" if not errs else ": " + "; ".join(errs)))
        bad += bool(errs)
    print(f"{len(exp) - bad}/{len(exp)} files ok")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
