#!/usr/bin/python3
"""Writes cli/library_messages.h: every message the library (libcampaign/)
can set as its last error, as the patterns cli/messages.c matches the
library's English message against to show it translated (po/zh_CN.po).

The patterns are the format strings of the error-setting calls: error_set()
and every function with a `const char *fmt` parameter (ydoc_fail,
ooxml_fail, the domains' static fail()/at()/refuse()/problem()), found by
their declarations, not by a list (NOT_MESSAGES names the format functions
whose text is no error: output, a document's report notes); a format that is
a ternary gives each branch, a string macro or constant (REFUSED,
LOCKED_NO_KEY) is expanded. A format that is only conversions ("%s", "%s: %s")
passes another message on and is no pattern. A format the script cannot
read fails it, so that a new way of setting an error is seen.

The words the library fills in ("%s is required" with "the unit") are found
the same way: a function's parameter that reaches a message's conversions
(need(s, what), one_of(), row_copy(), date_in_campaign(), and whatever passes
its own parameter on to one of them) makes the literal arguments of its
callers words, and so do a message's own literal arguments, a table it
indexes (verbs[action]), a local given literals (what = group ? "unit group"
: "unit"), a struct's noun fields (.noun = "person") and a function that
returns literals (ydoc_kind(): "a scalar"); codes (access operations, struct
names, bind type letters) are left out. They are LIBRARY_WORDS, translated
with msgctxt "what". The SQLite failures ("%s: %s" with what "cannot read the
audit log") become one pattern per what, "cannot read the audit log: %s", and
SQLite's own messages a failure passes on (SQLITE_MESSAGES) are patterns too.

    /usr/bin/python3 tools/library_messages.py > cli/library_messages.h
    /usr/bin/python3 tools/library_messages.py --check [po/zh_CN.po]   # the test po.library_messages
"""
import glob
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "cli", "library_messages.h")

# the helpers whose `what` says what failed, before SQLite's message ("%s: %s")
SQLITE_SEEDS = {"error_from_sqlite": 2, "db_step_done": 2, "db_step_row": 2, "stmt_run": 3}
# SQLite's own messages a failure passes on (sqlite3ErrStr), after "what: "
SQLITE_MESSAGES = ["database is locked", "database table is locked", "out of memory",
                   "attempt to write a readonly database", "disk I/O error", "database disk image is malformed",
                   "unable to open database file", "database or disk is full", "file is not a database",
                   "interrupted", "constraint failed"]

# format functions whose text is no message: output, and a document's report notes
NOT_MESSAGES = {"buf_printf", "putf", "doc_use", "doc_judge", "note", "number", "set_message"}

STRING = r'"(?:[^"\\\n]|\\.)*"'
CHAR = r"'(?:[^'\\\n]|\\.)*'"


def strip_comments(text):
    out, i, n = [], 0, len(text)
    pat = re.compile(r'%s|%s|/\*.*?\*/|//[^\n]*' % (STRING, CHAR), re.S)
    for m in pat.finditer(text):
        out.append(text[i:m.start()])
        tok = m.group(0)
        out.append(tok if tok[0] in "\"'" else (" " if tok.startswith("//") else re.sub(r"[^\n]", " ", tok)))
        i = m.end()
    out.append(text[i:])
    return "".join(out)


def unescape(lit):
    body = lit[1:-1]
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "'": "'"}.get(m.group(1),
                                                                                             m.group(0)), body)


def split_args(text, start):
    """The arguments of the call whose '(' is at text[start]: (list of strings, end index)."""
    depth, i, args, cur = 0, start, [], start + 1
    tok = re.compile(r'%s|%s|[()\[\]{},]' % (STRING, CHAR))
    while True:
        m = tok.search(text, i)
        if not m:
            return None, len(text)
        t = m.group(0)
        if t in "([{":
            depth += 1
        elif t in ")]}":
            depth -= 1
            if depth == 0:
                args.append(text[cur:m.start()].strip())
                return args, m.end()
        elif t == "," and depth == 1:
            args.append(text[cur:m.start()].strip())
            cur = m.end()
        i = m.end()


def top_split(expr, sep):
    """@expr split at its top-level @sep characters ('?' or ':')."""
    depth, parts, cur = 0, [], 0
    for m in re.finditer(r'%s|%s|[()\[\]{}]|\?|:' % (STRING, CHAR), expr):
        t = m.group(0)
        if t in "([{":
            depth += 1
        elif t in ")]}":
            depth -= 1
        elif t == sep and depth == 0:
            parts.append(expr[cur:m.start()])
            cur = m.end()
    parts.append(expr[cur:])
    return parts


def strip_parens(e):
    e = e.strip()
    while e.startswith("(") and e.endswith(")"):
        args, end = split_args(e, 0)
        if end != len(e) or args is None or len(args) != 1:
            break
        e = e[1:-1].strip()
    return e


def literal(expr, macros):
    """The texts a string expression can be: a literal (concatenated, macros
    expanded) or a ternary of them; None when it is not made of literals."""
    expr = strip_parens(expr)
    q = top_split(expr, "?")
    if len(q) >= 2:  # c ? A : B, and the chain c1 ? A : c2 ? B : C
        branches = [top_split(x, ":")[0] for x in q[1:-1]] + top_split(q[-1], ":")
        texts = []
        for b in branches if len(top_split(q[-1], ":")) == 2 else []:
            t = literal(b, macros)
            if t is None:
                return None
            texts += t
        return texts or None
    pieces = re.findall(r'%s|\w+|\S' % STRING, expr)
    if not pieces:
        return None
    text = ""
    for p in pieces:
        if p.startswith('"'):
            text += unescape(p)
        elif p in macros:
            text += macros[p]
        else:
            return None
    return [text]


class Source:
    def __init__(self, path):
        self.path = os.path.relpath(path, ROOT)
        self.text = strip_comments(open(path, encoding="utf-8").read())
        self.macros = {}
        for m in re.finditer(r'^#\s*define\s+(\w+)\s+((?:%s\s*)+)$' % STRING, self.text, re.M):
            self.macros[m.group(1)] = "".join(unescape(s) for s in re.findall(STRING, m.group(2)))
        for m in re.finditer(r'^(?:static )?const char (\w+)\[\] = ((?:%s\s*)+);' % STRING, self.text, re.M):
            self.macros[m.group(1)] = "".join(unescape(s) for s in re.findall(STRING, m.group(2)))
        # tables of texts: static const char *const NAME[] = {"a", "b", NULL}
        self.tables = {}
        for m in re.finditer(r'\bconst char \*const (\w+)\[\w*\] = \{([^}]*)\}', self.text):
            self.tables[m.group(1)] = [unescape(x) for x in re.findall(STRING, m.group(2))]
        # function definitions: name -> (parameter names, body)
        self.functions = {}
        self.spans = []
        for m in re.finditer(r'^[A-Za-z_][\w \t\*]*?\b(\w+)\s*\(', self.text, re.M):
            name = m.group(1)
            if name in ("if", "for", "while", "switch", "return", "sizeof"):
                continue
            args, end = split_args(self.text, m.end() - 1)
            if args is None:
                continue
            rest = self.text[end:end + 200]
            b = re.match(r'\s*(?:CAMPAIGN_PRINTF\(\d+, \d+\)\s*)?\{', rest)
            if not b:
                continue
            start = end + b.end() - 1
            depth = 0
            for k in range(start, len(self.text)):
                c = self.text[k]
                if c == "{":
                    depth += 1
                elif c == "}":
                    depth -= 1
                    if depth == 0:
                        break
            params = [re.findall(r'\w+', a)[-1] if re.findall(r'\w+', a) else "" for a in args]
            self.functions[name] = (params, self.text[start:k + 1], args)
            self.spans.append((start, k + 1, name))

    def function_at(self, pos):
        for a, b, name in self.spans:
            if a <= pos < b:
                return name
        return None

    def locals_of(self, fname):
        """The literal texts each local variable of @fname is given (what = group ? "unit group" : "unit")."""
        out = {}
        if fname not in self.functions:
            return out
        body = self.functions[fname][1]
        for m in re.finditer(r'[\s,*]\*?(\w+)\s*=\s*([^;,=][^;]*?)\s*[;,)]', body):
            t = literal(m.group(2), self.macros)
            if t is not None:
                out.setdefault(m.group(1), []).extend(t)
        # a text formatted into a local: snprintf(what, sizeof what, "cannot look up the %s", kind)
        for m in re.finditer(r'\bsnprintf\s*\(\s*(\w+)\s*,\s*sizeof\s*\(?\s*\w+\s*\)?\s*,\s*(%s(?:\s*%s)*)' % (STRING, STRING), body):
            out.setdefault(m.group(1), []).extend(literal(m.group(2), self.macros) or [])
        return out

    def calls(self, names):
        """(name, arguments, line, position) of every call of one of @names."""
        for m in re.finditer(r'\b(\w+)\s*\(', self.text):
            if m.group(1) in names:
                before = self.text[max(0, m.start() - 40):m.start()]
                args, _ = split_args(self.text, m.end() - 1)
                if args is None:
                    continue
                # a declaration or definition is no call
                if re.search(r'\b(int|void|char|static)\s*\**\s*$', before):
                    continue
                yield m.group(1), args, self.text.count("\n", 0, m.start()) + 1, m.start()


def sources():
    files = sorted(glob.glob(os.path.join(ROOT, "libcampaign", "**", "*.[ch]"), recursive=True))
    return [Source(f) for f in files]


def format_functions(srcs):
    """name -> index of its fmt parameter, for every `const char *fmt, ...` function
    (a static one only in its own file: (name, file) keys for those)."""
    glob_f, local = {}, {}
    decl = re.compile(r'^(static\s+)?[\w \t\*]*?\b(\w+)\s*\(([^;{)]*)\bconst char \*fmt\b', re.M)
    for s in srcs:
        for m in decl.finditer(s.text):
            if m.group(2) in NOT_MESSAGES:
                continue
            idx = len(m.group(3).split(",")) - 1
            (local.setdefault(s.path, {}) if m.group(1) else glob_f)[m.group(2)] = idx
    return glob_f, local


def what_functions(srcs, seeds):
    """@seeds and every function that passes its own parameter on at a seed's what position."""
    found = dict(seeds)
    changed = True
    while changed:
        changed = False
        for s in srcs:
            for fname, (params, body, _) in s.functions.items():
                if fname in found:
                    continue
                for m in re.finditer(r'\b(\w+)\s*\(', body):
                    if m.group(1) not in found or m.group(1) == fname:
                        continue
                    args, _ = split_args(body, m.end() - 1)
                    i = found[m.group(1)]
                    if args and i < len(args) and args[i] in params and args[i]:
                        found[fname] = params.index(args[i])
                        changed = True
                        break
    return found


def is_passthrough(fmt):
    return re.fullmatch(r'(%[-0-9.*lzh]*[sdiuxc]|[:;, ]|\n)*', fmt) is not None


def word_positions(srcs, funcs_of, sqlite_f):
    """function -> the indexes of its parameters whose value a message fills in
    (need(s, what): 0 and 1), found from the bodies: a parameter passed to a
    message call after its format, or on to such a position of another function."""
    pos = {}
    changed = True
    while changed:
        changed = False
        for s in srcs:
            funcs = funcs_of(s)
            for fname, (params, body, _) in s.functions.items():
                if fname in sqlite_f:
                    continue
                for m in re.finditer(r'\b(\w+)\s*\(', body):
                    g = m.group(1)
                    if g == fname or (g not in funcs and g not in pos):
                        continue
                    args, _ = split_args(body, m.end() - 1)
                    if not args:
                        continue
                    idx = set(range(funcs[g] + 1, len(args))) if g in funcs else pos[g]
                    for i in idx:
                        if i < len(args) and args[i] in params and args[i] != "fmt":
                            k = params.index(args[i])
                            if k not in pos.setdefault(fname, set()):
                                pos[fname].add(k)
                                changed = True
    return pos


def is_word(x):
    """A text a message fills in that a reader reads: not a code (an access
    operation "risk.point.add", a struct "campaign_open_options", a bind's
    type letters "tti", an encoding name)."""
    return (re.search(r'[A-Za-z]', x) is not None and not re.fullmatch(r'[a-z_]+(\.[a-z_]+)+', x)
            and not x.startswith("campaign_") and not (re.fullmatch(r'[tidI]+', x) and x != "id")
            and x not in ("utf-8", "gb18030") and "%" not in x)


def extract():
    srcs = sources()
    glob_f, local = format_functions(srcs)

    def funcs_of(s):
        f = dict(glob_f)
        f.update(local.get(s.path, {}))
        f["error_set"] = 1
        return f
    sf = what_functions(srcs, SQLITE_SEEDS)
    wpos = word_positions(srcs, funcs_of, sf)
    # the texts struct fields are given, for a message that fills in s->noun
    fields = {}
    for s in srcs:
        for m in re.finditer(r'\.(\w+)\s*=\s*(%s)' % STRING, s.text):
            fields.setdefault(m.group(1), set()).add(unescape(m.group(2)))
    patterns, words, unresolved = set(), set(), []
    # the texts a function returns, for a message that fills in ydoc_kind(n) ("a scalar")
    returns = {}
    for s in srcs:
        for fname, (_, body, _) in s.functions.items():
            lits = []
            for m in re.finditer(r'\breturn\s+([^;]*);', body):
                lits += literal(m.group(1), s.macros) or []
            if lits:
                returns.setdefault(fname, []).extend(lits)

    def values(s, fname, a):
        """The literal texts argument @a can be, or None."""
        a = strip_parens(a)
        t = literal(a, s.macros)
        if t is not None:
            return t
        m = re.fullmatch(r'(\w+)\s*\[.*\]', a)
        if m and m.group(1) in s.tables:
            return s.tables[m.group(1)]
        if re.fullmatch(r'\w+', a):
            return s.locals_of(fname).get(a)
        m = re.fullmatch(r'(\w+)\s*\(.*\)', a, re.S)
        if m and m.group(1) in returns:
            return returns[m.group(1)]
        m = re.fullmatch(r'[\w>.\-]*(?:->|\.)(\w+)', a)
        if m and m.group(1) in ("noun", "plural", "file_noun"):
            return sorted(fields.get(m.group(1), ()))
        return None
    for s in srcs:
        funcs = funcs_of(s)
        for name, args, line, at in s.calls(set(funcs) | set(wpos) | set(sf)):
            fname = s.function_at(at)
            if name in funcs and funcs[name] < len(args):
                texts = literal(args[funcs[name]], s.macros)
                if texts is None and re.fullmatch(r'\w*fmt', args[funcs[name]]):
                    texts = []  # a format function passing its own format on
                if texts is None:
                    unresolved.append("%s:%d: %s(... %s ...)" % (s.path, line, name, args[funcs[name]]))
                    continue
                patterns.update(t for t in texts if not is_passthrough(t))
            if name in sf and sf[name] < len(args):
                for t in values(s, fname, args[sf[name]]) or []:
                    patterns.add(t + ": %s")
                continue
            idx = set(range(funcs[name] + 1, len(args))) if name in funcs else set()
            idx |= wpos.get(name, set())
            for i in sorted(idx):
                if i < len(args):
                    words.update(x for x in values(s, fname, args[i]) or [] if is_word(x))
    patterns.update(SQLITE_MESSAGES)
    return sorted(patterns), sorted(words), unresolved


def c_string(t):
    return '"' + t.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'


def generate():
    patterns, words, unresolved = extract()
    if unresolved:
        raise SystemExit("tools/library_messages.py: formats it cannot read:\n  " + "\n  ".join(unresolved))
    out = ["/* Generated by tools/library_messages.py from libcampaign/: do not edit.",
           " * LIBRARY_PATTERNS: every message format the library sets as its last error",
           " * (%d, sorted; cli/messages.c picks the most specific one a message matches)." % len(patterns),
           " * LIBRARY_WORDS: the words its helpers fill in (\"%%s is required\" with \"the unit\"),",
           " * msgctxt \"what\" (%d). */" % len(words),
           "#ifndef CAMPAIGN_CLI_LIBRARY_MESSAGES_H", "#define CAMPAIGN_CLI_LIBRARY_MESSAGES_H", "",
           "#define LIBRARY_PATTERNS \\"]
    out += ["\tN_(%s), \\" % c_string(t) for t in patterns]
    out += ["\tNULL", "", "#define LIBRARY_WORDS \\"]
    out += ["\tNC_(\"what\", %s), \\" % c_string(t) for t in words]
    out += ["\tNULL", "", "#endif", ""]
    return "\n".join(out), patterns, words


# ---- the check: po/zh_CN.po translates every pattern and word ----

def po_entries(path):
    """(msgctxt, msgid) -> (msgstr, flags) of a .po file."""
    entries, cur, key, flags = {}, {}, None, ""

    def flush():
        if "msgid" in cur:
            entries[(cur.get("msgctxt"), cur["msgid"])] = (cur.get("msgstr", ""), cur.get("flags", ""))
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("#,"):
            if "msgid" in cur:
                flush()
                cur = {}
            cur["flags"] = line
        elif line.startswith("#~") or (line.startswith("#") and not line.startswith("#,")):
            continue
        elif not line.strip():
            flush()
            cur = {}
        else:
            m = re.match(r'(msgctxt|msgid|msgstr)\s+(".*")$', line)
            if m:
                if m.group(1) == "msgctxt" and "msgid" in cur:
                    flush()
                    cur = {"flags": ""}
                key = m.group(1)
                cur[key] = unescape(m.group(2))
            elif line.startswith('"') and key:
                cur[key] += unescape(line)
    flush()
    return entries


CONV = re.compile(r'%[-0-9.*lzh]*[a-zA-Z]')


def conversions(t):
    """The conversions of @t in order; "%.0s" (a part a translation leaves out) counts as "%s"."""
    return ["%s" if c == "%.0s" else c for c in CONV.findall(t.replace("%%", ""))]


def check(po_path):
    text, patterns, words = generate()
    bad = []
    if open(OUT, encoding="utf-8").read() != text:
        bad.append("cli/library_messages.h is stale: run /usr/bin/python3 tools/library_messages.py > cli/library_messages.h")
    po = po_entries(po_path)
    untranslated = 0
    for ctx, items in ((None, patterns), ("what", words)):
        for t in items:
            e = po.get((ctx, t))
            if not e or not e[0] or "fuzzy" in e[1]:
                untranslated += 1
                bad.append("%s: no translation of %s%s" % (os.path.relpath(po_path, ROOT),
                                                           "[what] " if ctx else "", c_string(t)))
            elif conversions(e[0]) != conversions(t):
                bad.append("%s: the conversions of %s are %s in its translation, not %s" % (
                    os.path.relpath(po_path, ROOT), c_string(t), conversions(e[0]), conversions(t)))
    r = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", po_path], capture_output=True, text=True)
    if r.returncode:
        bad.append("msgfmt --check %s: %s" % (po_path, r.stderr.strip()))
    print("%d patterns, %d words; %d untranslated" % (len(patterns), len(words), untranslated))
    for b in bad[:60]:
        print("FAIL:", b)
    if len(bad) > 60:
        print("FAIL: ... and %d more" % (len(bad) - 60))
    return 1 if bad else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--check"]:
        sys.exit(check(sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "po", "zh_CN.po")))
    if sys.argv[1:2] == ["--list"]:  # the patterns, one a line, for a translator
        for t in extract()[0]:
            print(t)
        sys.exit(0)
    sys.stdout.write(generate()[0])
