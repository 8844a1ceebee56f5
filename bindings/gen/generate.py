#!/usr/bin/python3
"""Generates the Python and Java facades of libcampaign from its public headers.

Run by CMake at build time (bindings/CMakeLists.txt); nothing it writes is
kept in the source tree. It reads every `CAMPAIGN_API` declaration in
include/campaign/*.h with the `/** */` comment above it, the options structs
(`typedef struct campaign_X_options { ... }`) and their `*_VERSION` macros,
and writes:

  headers.i          the %include list for SWIG (headers in include order),
                     and the options structs' destructors (their strings)
  python/_api.py     StoreMethods, CursorMethods and module functions,
                     docstrings from the header comments
  python/_api.pyi    their type stub
  java/org/campaign/StoreMethods.java, CursorMethods.java, CampaignApi.java
                     and one *Options class per options struct, Javadoc
                     from the header comments
  manifest.json      C function -> Python and Java name, or why it is
                     internal: read by the reachability test (reachable.py)

Mapping, by C type (see bindings/README.md):
  campaign_db *db                 the Store's handle
  campaign_cursor *cursor (first) a method of Cursor (Python) / Rows (Java)
  campaign_cursor **out           returns rows: Cursor / Rows
  campaign_buf **out...           returns the text: str / String
  int *out... , long long *out... returns the value
  const char *                    str / String, None / null allowed; a date
                                  (datetime.date / LocalDate) when the name
                                  or its @param says so
  int, unsigned, long long, ...   int / int, long
  const campaign_X_options *      Python keyword arguments / a generated
                                  Java XOptions class, filled into the struct
  an int status < 0               the exception hierarchy (done in SWIG)
A declaration it cannot map is reported on stderr and left out; the
reachability test then fails and names it.
"""

import argparse
import json
import keyword
import os
import re
import sys

# Exported functions the facades call by hand, not through generated
# methods; each says where. reachable.py checks that the hand-written code
# (or the generated helpers) really calls it; "not needed:" says why none does.
INTERNAL = {
    "campaign_open": "Store() / Campaign.open(): the handle a Store owns",
    "campaign_open_with": "Store(path, key=..., ...) / Campaign.open(path, OpenOptions): the handle a Store owns",
    "campaign_open_options_init": "Store() fills the options (_api._options); Java: OpenOptions.toNative()",
    "campaign_close": "Store.close()",
    "campaign_cursor_next": "Rows steps the cursor (java/rows.i, python/rows.i)",
    "campaign_cursor_column_count": "Cursor / Rows read the column names once",
    "campaign_cursor_column_name": "Cursor / Rows read the column names once",
    "campaign_cursor_column_type": "Rows and rows.i convert values by column type",
    "campaign_cursor_column_index": "not needed: rows come whole, as Row objects keyed by name",
    "campaign_cursor_is_null": "rows.i reads NULLs while building a row",
    "campaign_cursor_text": "rows.i reads text while building a row",
    "campaign_cursor_int": "rows.i reads integers while building a row",
    "campaign_cursor_get": "not needed: rows come whole, as Row objects keyed by name",
    "campaign_cursor_free": "Cursor.close() / Rows.close()",
    "campaign_buf_data": "a campaign_buf **out is returned as the string",
    "campaign_buf_size": "not needed: a campaign_buf **out is returned as the string, NUL-terminated",
    "campaign_buf_free": "a campaign_buf **out is returned as the string",
    "campaign_deadline_parse": "not needed: parse_deadline() / Campaign.parseDeadline() call campaign_deadline_read() "
                               "with the year only, which is what campaign_deadline_parse() does",
    "campaign_deadline_text": "Deadline.text",
    "campaign_deadline_first": "Deadline.first",
    "campaign_deadline_last": "Deadline.last",
    "campaign_deadline_is_open_ended": "Deadline.open_ended / Deadline.openEnded",
    "campaign_deadline_free": "parse_deadline() / Campaign.parseDeadline()",
    "campaign_deadline_read": "parse_deadline() (keyword arguments) / Campaign.readDeadline() (DeadlineReadOptions)",
    "campaign_deadline_read_options_init": "parse_deadline() fills the options (_api._options); Java: "
                                           "DeadlineReadOptions.toNative()",
    "campaign_deadline_kind": "Deadline.kind",
    "campaign_deadline_occurrence_count": "Deadline.occurrences",
    "campaign_deadline_occurrence_first": "Deadline.occurrences (each occurrence's first day)",
    "campaign_deadline_occurrence_last": "Deadline.occurrences (each occurrence's last day)",
    "campaign_deadline_rule": "Deadline.rule",
    "campaign_plan_from_document": "not needed: two out-buffers; plan_from_document_yaml() / _report() give each",
    "campaign_error_code_last": "read in C when an error is raised (python.i, java.i)",
    "campaign_error_message": "read in C when an error is raised: the exception's message",
    "campaign_error_file": "read in C when an error is raised: the exception's file",
    "campaign_error_line": "read in C when an error is raised: the exception's line",
    "campaign_error_column": "read in C when an error is raised: the exception's column",
}

HANDLE_METHODS = {"campaign_db": "store", "campaign_cursor": "cursor"}
INT_TYPES = {"int": "int", "unsigned int": "long", "unsigned": "long", "long": "long", "long long": "long",
             "size_t": "long", "unsigned long long": "long", "int64_t": "long", "short": "int"}
FLOAT_TYPES = {"double": "double", "float": "float"}
JAVA_KEYWORDS = set("""abstract assert boolean break byte case catch char class const continue default do double
else enum extends final finally float for goto if implements import instanceof int interface long native new
package private protected public return short static strictfp super switch synchronized this throw throws
transient try void volatile while true false null var""".split())


def warn(msg):
    print("generate.py: warning: " + msg, file=sys.stderr)


# ---------------------------------------------------------------- parsing

class Param:
    def __init__(self, ctype, name, doc=""):
        self.ctype, self.name, self.doc = ctype, name, doc
        self.kind = None      # db, cursor_self, out_cursor, out_buf, out_int, text, date, int, float, options
        self.options = None   # the Options struct for kind "options"


class Func:
    def __init__(self, name, ret, params, doc, header):
        self.name, self.ret, self.params, self.doc, self.header = name, ret, params, doc, header


class Options:
    def __init__(self, name, fields, doc, version_macro):
        self.name, self.fields, self.doc, self.version_macro = name, fields, doc, version_macro


def norm_type(t):
    t = re.sub(r"\s+", " ", t).strip()
    return re.sub(r"\s*\*\s*", "*", t).replace("*", " *").replace("* *", "**").strip()


def split_param(p):
    p = " ".join(p.split())
    m = re.match(r"^(.*?[\s*])(\w+)$", p)
    if not m:
        return None
    return norm_type(m.group(1)), m.group(2)


def comment_text(c):
    """The text of a /** */ comment, without the stars."""
    c = re.sub(r"^/\*\*<?", "", c)
    c = re.sub(r"\*/$", "", c)
    lines = []
    for line in c.split("\n"):
        lines.append(re.sub(r"^\s*\* ?", "", line).rstrip())
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    # a one-line comment may start right after the "/**"
    return "\n".join(l.strip() if i == 0 else l for i, l in enumerate(lines))


def param_docs(doc):
    """{name: text} of the @param lines (with continuations; "@param a, b" names two)."""
    out = {}
    cur = None
    for line in doc.split("\n"):
        m = re.match(r"\s*@param(?:\[\w+\])?\s+([\w]+(?:\s*,\s*\w+)*)\s*(.*)", line)
        if m:
            cur = [n.strip() for n in m.group(1).split(",")]
            for n in cur:
                out[n] = m.group(2)
            continue
        if cur and line.strip() and not line.strip().startswith("@") and line.startswith(" "):
            for n in cur:
                out[n] += " " + line.strip()
        else:
            cur = None
    return out


DECL = re.compile(r"(/\*\*(?:(?!\*/).)*\*/)?\s*CAMPAIGN_API\s+([^;(]*?)\b(campaign_\w+)\s*\(([^;]*?)\)\s*;", re.S)
STRUCT = re.compile(r"(/\*\*(?:(?!\*/).)*\*/)?\s*typedef\s+struct\s+(campaign_\w+)\s*\{(.*?)\}\s*(\w+)\s*;", re.S)
VERSION = re.compile(r"#define\s+(CAMPAIGN_\w+_VERSION)\s+(\d+)")
CALLBACK_DOCS = {}
CALLBACK = re.compile(r"(/\*\*(?:(?!\*/).)*\*/)?\s*typedef\s+([\w\s*]+?)\s*\(\s*\*\s*(campaign_\w+)\s*\)\s*\(([^)]*)\)\s*;", re.S)
# callback typedefs: name -> (result type, [Param]); see callback_ok()
CALLBACKS = {}
CB_ARG = {"int": ("i", "I", "int", "jint"), "long": ("l", "J", "long", "jlong"),
          "long long": ("L", "J", "long", "jlong"), "const char *": ("z", "Ljava/lang/String;", "String", None)}


def parse_headers(paths):
    funcs, structs, opaque, includes, macros = [], {}, set(), {}, {}
    for path in paths:
        src = open(path, encoding="utf-8").read()
        base = os.path.basename(path)
        includes[base] = re.findall(r'#include\s+"(?:campaign/)?([\w.]+\.h)"', src)
        opaque.update(re.findall(r"typedef\s+struct\s+(campaign_\w+)\s+\1\s*;", src))
        for m in VERSION.finditer(src):
            macros[m.group(1)] = int(m.group(2))
        for m in CALLBACK.finditer(src):
            ps = [split_param(p) for p in m.group(4).split(",")]
            if all(ps):
                CALLBACKS[m.group(3)] = (norm_type(m.group(2)), [Param(*p) for p in ps])
                CALLBACK_DOCS[m.group(3)] = comment_text(m.group(1)) if m.group(1) else ""
        for m in STRUCT.finditer(src):
            fields = []
            for fm in re.finditer(r"([^;{}/]+?);[ \t]*(/\*\*<(?:(?!\*/).)*\*/)?", re.sub(r"/\*(?!\*<)(?:(?!\*/).)*\*/", "", m.group(3), flags=re.S), re.S):
                sp = split_param(fm.group(1))
                if not sp or "(" in fm.group(1) or "[" in fm.group(1):
                    warn("%s: field %r not understood; left out" % (m.group(2), fm.group(1).strip()))
                    continue
                fields.append(Param(sp[0], sp[1], comment_text(fm.group(2)) if fm.group(2) else ""))
            structs[m.group(4)] = Options(m.group(4), fields, comment_text(m.group(1)) if m.group(1) else "",
                                          m.group(4).upper() + "_VERSION")
        for m in DECL.finditer(src):
            doc = comment_text(m.group(1)) if m.group(1) else ""
            raw = re.sub(r"/\*.*?\*/", "", m.group(4), flags=re.S).strip()
            params = []
            ok = True
            if raw and raw != "void":
                for p in raw.split(","):
                    sp = split_param(p)
                    if not sp:
                        warn("%s: parameter %r not understood" % (m.group(3), p))
                        ok = False
                        continue
                    params.append(Param(*sp))
            f = Func(m.group(3), norm_type(m.group(2).replace("CAMPAIGN_API", "")), params, doc, base)
            f.ok = ok
            pd = param_docs(doc)
            for p in params:
                p.doc = pd.get(p.name, "")
            funcs.append(f)
    for o in structs.values():
        if o.version_macro not in macros:
            o.version_macro = None
    return funcs, structs, opaque, includes


def header_order(includes):
    """Headers so that each comes after those it includes (SWIG reads typedefs in order)."""
    done, order = set(), []

    def visit(h, stack=()):
        if h in done or h in stack or h not in includes:
            return
        for dep in includes[h]:
            visit(dep, stack + (h,))
        done.add(h)
        order.append(h)
    for h in sorted(includes):
        visit(h)
    return [h for h in order if h != "campaign.h"]


# ---------------------------------------------------------------- classifying

DATE_NAME = re.compile(r"^(as_of|date|deadline|day)$|_on$|_date$")


def is_date(p, fdoc=""):
    """A date parameter: its name or its @param says so, or the comment speaks
    of dates in the sentence naming it (and no free-text expression is allowed)."""
    if "expression" in p.doc:
        return False
    return bool(DATE_NAME.search(p.name) or re.search(r"\bdate\b|\bday\b|YYYY-MM-DD", p.doc)
                or re.search(r"\bdates?\b[^.;]*@p %s\b" % re.escape(p.name), fdoc))


def is_out(name):
    return bool(re.match(r"^out(_|$)", name))


def classify(f, structs, opaque):
    """Sets each parameter's kind; returns (where, reason): where is store, cursor or module; None if unmappable."""
    if not f.ok:
        return None, "a parameter was not understood"
    where = "module"
    for i, p in enumerate(f.params):
        t = p.ctype
        base = t.replace("const ", "").replace("*", "").strip()
        stars = t.count("*")
        if base in opaque and stars == 2 and is_out(p.name):
            if base == "campaign_cursor":
                p.kind = "out_cursor"
            elif base == "campaign_buf":
                p.kind = "out_buf"
            else:
                return None, "no mapping for the out-parameter %s %s" % (t, p.name)
        elif base in opaque and stars == 1:
            if base == "campaign_db" and where == "module":
                p.kind, where = "db", "store"
            elif base == "campaign_cursor" and i == 0:
                p.kind, where = "cursor_self", "cursor"
            else:
                return None, "no mapping for the handle %s %s" % (t, p.name)
        elif stars == 1 and base in INT_TYPES and is_out(p.name) and "const" not in t:
            p.kind = "out_int"
        elif t in ("const char *", "char *") and not is_out(p.name):
            p.kind = "date" if is_date(p, f.doc) else "text"
        elif t in INT_TYPES:
            p.kind = "int"
        elif t in FLOAT_TYPES:
            p.kind = "float"
        elif stars == 1 and t.startswith("const ") and base in structs:
            p.kind, p.options = "options", structs[base]
            if not p.options.version_macro:
                return None, "options struct %s has no %s" % (base, base.upper() + "_VERSION")
        else:
            return None, "no mapping for the parameter %s %s" % (t, p.name)
    outs = [p for p in f.params if p.kind and p.kind.startswith("out")]
    if len(outs) > 1:
        return None, "more than one out-parameter"
    if f.ret not in ("int", "void", "const char *") and f.ret not in INT_TYPES and f.ret not in FLOAT_TYPES:
        return None, "no mapping for the result type %s" % f.ret
    return where, None


def callback_ok(name):
    """A callback the bindings can call: int or void result, one void * (the user pointer), other arguments
    int, long, long long or const char *."""
    if name not in CALLBACKS:
        return False
    ret, ps = CALLBACKS[name]
    users = [p for p in ps if p.ctype == "void *"]
    return ret in ("int", "void") and len(users) == 1 and all(p.ctype in CB_ARG for p in ps if p.ctype != "void *")


def callback_fields(o):
    """The callback fields of options struct @p o, and its user pointer field (None when it has none)."""
    cbs = [fd for fd in o.fields if callback_ok(fd.ctype)]
    users = [fd for fd in o.fields if fd.ctype == "void *"]
    return (cbs, users[0].name) if cbs and len(users) == 1 else ([], None)


def field_kind(fd, o=None):
    t = fd.ctype
    if fd.name == "version":
        return None
    if o is not None and callback_fields(o)[1]:
        if fd.name == callback_fields(o)[1]:
            return None  # the user pointer: the bindings' own
        if fd in callback_fields(o)[0]:
            return "callback"
    if t in ("const char *", "char *"):
        return "date" if is_date(fd) else "text"
    if t in INT_TYPES:
        return "int"
    if t in FLOAT_TYPES:
        return "float"
    return False


def short_name(f, where):
    n = f.name[len("campaign_"):]
    if where == "cursor" and n.startswith("cursor_"):
        n = n[len("cursor_"):]
    return n


def camel(n):
    parts = n.split("_")
    return parts[0] + "".join(p[:1].upper() + p[1:] for p in parts[1:])


def pascal(n):
    return "".join(p[:1].upper() + p[1:] for p in n.split("_"))


def options_class(o):
    return pascal(o.name[len("campaign_"):])


# ---------------------------------------------------------------- doc text

def doc_lines(f, dropped):
    """The comment's lines minus the @param blocks of @p dropped parameters."""
    out, skip = [], False
    for line in f.doc.split("\n"):
        m = re.match(r"\s*@param(?:\[\w+\])?\s+([\w]+(?:\s*,\s*\w+)*)", line)
        if m:
            names = [n.strip() for n in m.group(1).split(",")]
            skip = all(n in dropped for n in names)
        elif skip and (not line.startswith(" ") or not line.strip() or line.strip().startswith("@")):
            skip = False
        if not skip:
            out.append(line)
    return out


def plain(text, null="NULL"):
    """Doxygen markup as plain text; NULL as the target language says it."""
    text = re.sub(r"\bNULL\b", null, text)
    text = re.sub(r"::(CAMPAIGN_\w+)", r"\1", text)
    text = re.sub(r"::(campaign_\w+)", r"\1", text)
    return re.sub(r"@p\s+(\w+)", r"\1", text)


# ---------------------------------------------------------------- Python

PY_TYPES = {"text": "Optional[str]", "date": "Optional[Union[datetime.date, str]]", "int": "int",
            "float": "float", "callback": "Optional[Callable[..., Any]]"}


def py_name(n):
    return n + "_" if keyword.iskeyword(n) else n


def py_conv(kind, expr, name):
    if kind in ("text", "date"):
        return "_text(%s)" % expr
    if kind == "int":
        return "_int(%s, %r)" % (expr, name)
    if kind == "float":
        return "_float(%s, %r)" % (expr, name)
    return expr


def py_doc(f, visible, opts):
    dropped = {p.name for p in f.params if p.kind in ("db", "cursor_self", "options") or (p.kind or "").startswith("out")}
    lines = [plain(l, "None") for l in doc_lines(f, dropped)]
    if opts:
        lines.append("")
        lines.append("Keyword arguments (the fields of %s):" % opts.name)
        for fd in opts.fields:
            if field_kind(fd, opts):
                lines.append("    %s: %s" % (py_name(fd.name), plain(fd.doc, "None") or fd.ctype))
    lines.append("")
    lines.append("Errors raise campaign.Error subclasses carrying the code (and file, line, column).")
    lines.append("C: %s() in campaign/%s." % (f.name, f.header))
    text = "\n".join(lines).strip("\n").replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    return text


def py_result(f):
    out = next((p for p in f.params if (p.kind or "").startswith("out")), None)
    if out is None:
        if f.ret == "void":
            return "None"
        return "str" if f.ret == "const char *" else ("float" if f.ret in FLOAT_TYPES else "int")
    return {"out_cursor": "Cursor", "out_buf": "str", "out_int": "int"}[out.kind]


def py_function(f, where, indent):
    ins = [p for p in f.params if p.kind in ("text", "date", "int", "float", "options")]
    opts = next((p.options for p in ins if p.kind == "options"), None)
    sig = ["self"] if where != "module" else []
    stub = list(sig)
    for p in ins:
        if p.kind == "options":
            continue
        sig.append("%s=None" % py_name(p.name))
        stub.append("%s: %s = ..." % (py_name(p.name), PY_TYPES[p.kind] if p.kind in ("text", "date")
                                       else "Optional[%s]" % PY_TYPES[p.kind]))
    body = []
    taken = {p.name for p in ins}
    if opts:
        sig.append("*")
        stub.append("*")
        kw, cbs = [], []
        for fd in opts.fields:
            k = field_kind(fd, opts)
            if not k:
                continue
            n = py_name(fd.name if fd.name not in taken else "opt_" + fd.name)
            sig.append("%s=None" % n)
            stub.append("%s: %s = ..." % (n, "Optional[%s]" % PY_TYPES[k] if k in ("int", "float") else PY_TYPES[k]))
            if k == "callback":
                cbs.append(n)
            else:
                kw.append("(%r, %s, %r)" % (fd.name, n, k))
        body.append("_o = _options(_c.%s, _c.%s_init, _c.%s, (%s))" % (
            opts.name, opts.name, opts.version_macro, ", ".join(kw) + ("," if len(kw) == 1 else "")))
        if cbs:
            # the Python callables, called from C while the call runs (see headers.i)
            body.append("_callbacks(_o, _c.campaign_py_callbacks_%s, (%s,))" % (opts.name, ", ".join(cbs)))
    args = []
    for p in f.params:
        if p.kind == "db":
            args.append("self._h()")
        elif p.kind == "cursor_self":
            args.append("self._cursor_h()")
        elif p.kind == "options":
            args.append("_o")
        elif p.kind in ("out_cursor", "out_buf", "out_int"):
            pass
        else:
            args.append(py_conv(p.kind, py_name(p.name), p.name))
    call = "_c.%s(%s)" % (f.name, ", ".join(args))
    out = next((p for p in f.params if (p.kind or "").startswith("out")), None)
    if out is None:
        body.append("return " + call)
    elif out.kind == "out_cursor":
        body.append("return self._rows(%s)" % call)
    elif out.kind == "out_buf":
        body.append("return _take_buf(%s)" % call)
    else:
        body.append("return %s[1]" % call)
    name = py_name(short_name(f, where))
    pad = " " * indent
    lines = [pad + "def %s(%s):" % (name, ", ".join(sig)), pad + '    """' + py_doc(f, ins, opts).replace(
        "\n", "\n" + pad + "    ").replace("\n" + pad + "    \n", "\n\n") + '\n' + pad + '    """']
    lines += [pad + "    " + b for b in body]
    stub_line = pad + "def %s(%s) -> %s: ..." % (name, ", ".join(stub), py_result(f))
    return name, "\n".join(lines) + "\n", stub_line


PY_HEAD = '''"""Generated by bindings/gen/generate.py from include/campaign/*.h: do not edit.

Every public C function appears here: a method of StoreMethods (the C
functions taking a campaign_db), of CursorMethods (those on a cursor), or a
module function. campaign.Store and campaign.Cursor inherit them.
"""

import datetime as _dt
import os as _os

from . import capi as _c


def _text(value):
    """A text argument: None, str, a path, a datetime.date (ISO) or a number."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, _os.PathLike):
        return _os.fspath(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) or type(value).__name__ == "Decimal":
        return str(value)
    raise TypeError("expected text, a path, a datetime.date or a number, not %r" % (value,))


def _int(value, name):
    if value is None:
        raise TypeError("%s is required" % name)
    return int(value)


def _float(value, name):
    if value is None:
        raise TypeError("%s is required" % name)
    return float(value)


def _take_buf(handle):
    try:
        return _c.campaign_buf_data(handle)
    finally:
        _c.campaign_buf_free(handle)


def _callbacks(opts, set_callbacks, fns):
    """Sets the C callbacks of @opts that call the Python callables @fns (None: unset)."""
    for fn in fns:
        if fn is not None and not callable(fn):
            raise TypeError("a callback must be callable, not %r" % (fn,))
    if any(fn is not None for fn in fns):
        set_callbacks(opts, tuple(fns))


def _options(make, init, version, fields):
    """A C options struct at its defaults, with the fields given (not None) set."""
    opts = make()
    init(opts, version)
    for name, value, kind in fields:
        if value is not None:
            setattr(opts, name, _text(value) if kind in ("text", "date") else
                    _int(value, name) if kind == "int" else _float(value, name))
    return opts
'''

PYI_HEAD = '''# Generated by bindings/gen/generate.py from include/campaign/*.h: do not edit.
import datetime
from typing import Any, Callable, Optional, Union

from . import Cursor

'''


def emit_python(funcs, outdir):
    groups = {"store": [], "cursor": [], "module": []}
    for f, where in funcs:
        groups[where].append(f)
    py = [PY_HEAD]
    pyi = [PYI_HEAD]
    names = {}
    for f in groups["module"]:
        n, code, stub = py_function(f, "module", 0)
        py.append("\n\n" + code)
        pyi.append(stub + "\n")
        names[f.name] = n
    for where, cls, doc in (("store", "StoreMethods", "the C functions that take a store (campaign_db *)"),
                            ("cursor", "CursorMethods", "the C functions on a cursor (campaign_cursor *)")):
        py.append("\n\nclass %s:\n    \"\"\"Generated methods: %s.\"\"\"\n\n    __slots__ = ()\n" % (cls, doc))
        pyi.append("\nclass %s:\n" % cls)
        for f in groups[where]:
            n, code, stub = py_function(f, where, 4)
            py.append("\n" + code)
            pyi.append(stub + "\n")
            names[f.name] = ("Store." if where == "store" else "Cursor.") + n
        if not groups[where]:
            pyi.append("    ...\n")
    os.makedirs(outdir, exist_ok=True)
    write(os.path.join(outdir, "_api.py"), "".join(py))
    write(os.path.join(outdir, "_api.pyi"), "".join(pyi))
    return names


# ---------------------------------------------------------------- Java

JAVA_TYPES = {"text": "String", "date": "LocalDate", "float": "double"}


def java_type(p):
    if p.kind == "int":
        return "int" if INT_TYPES[p.ctype] == "int" else "long"
    if p.kind == "options":
        return options_class(p.options)
    return JAVA_TYPES[p.kind]


def jname(n):
    return n + "_" if n in JAVA_KEYWORDS else n


def jdoc_escape(t):
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;")


def java_doc(lines, indent):
    pad = " " * indent
    body = "\n".join(pad + " * " + jdoc_escape(l) if l.strip() else pad + " *" for l in lines)
    return pad + "/**\n" + body + "\n" + pad + " */\n"


def java_function(f, where):
    ins = [p for p in f.params if p.kind in ("text", "date", "int", "float", "options")]
    out = next((p for p in f.params if (p.kind or "").startswith("out")), None)
    sig = ["%s %s" % (java_type(p), jname(p.name)) for p in ins]
    pre, args, post = [], [], []
    if out is not None:
        jt = "int" if out.kind == "out_int" and INT_TYPES[out.ctype.replace(" *", "")] == "int" else "long"
        pre.append("%s[] _out = new %s[1];" % (jt, jt))
    for p in f.params:
        if p.kind == "db":
            args.append("h()")
        elif p.kind == "cursor_self":
            args.append("cursorHandle()")
        elif p.kind and p.kind.startswith("out"):
            args.append("_out")
        elif p.kind == "date":
            args.append("_iso(%s)" % jname(p.name))
        elif p.kind == "options":
            pre.append("%s _o = %s.toNative(%s);" % (p.options.name, options_class(p.options), jname(p.name)))
            args.append("_o")
        else:
            args.append(jname(p.name))
    call = "capi.%s(%s);" % (f.name, ", ".join(args))
    if out is None:
        if f.ret == "void":
            ret_t, ret = "void", call
        else:
            ret_t = "String" if f.ret == "const char *" else ("double" if f.ret in FLOAT_TYPES else
                                                               "int" if INT_TYPES.get(f.ret) == "int" else "long")
            ret = "return " + call
    else:
        ret_t = {"out_cursor": "Rows", "out_buf": "String"}.get(out.kind, "int" if "int[]" in pre[0] else "long")
        post = {"out_cursor": "return rows(_out[0]);", "out_buf": "return take(_out[0]);"}.get(
            out.kind, "return _out[0];")
        ret = call
    body = list(pre)
    if any(p.kind == "options" for p in ins):
        body += ["try {", "    " + ret, "} finally {", "    _o.delete();", "}"]
    else:
        body.append(ret)
    if out is not None:
        body.append(post)
    dropped = {p.name for p in f.params if p.kind in ("db", "cursor_self") or (p.kind or "").startswith("out")}
    lines = [plain(l, "null") for l in doc_lines(f, dropped)]
    lines += ["", "@throws CampaignException (a subclass by code) when the call fails",
              "C: {@code %s()} in campaign/%s." % (f.name, f.header)]
    for p in ins:
        if p.kind == "options":
            lines.insert(-2, "@param %s the options ({@link %s}), or null for the defaults" % (
                jname(p.name), options_class(p.options)))
    static = "static " if where == "module" else ""
    name = jname(camel(short_name(f, where)))
    code = java_doc(lines, 4) + "    public %s%s %s(%s) {\n" % (static, ret_t, name, ", ".join(sig))
    code += "".join("        " + b + "\n" for b in body) + "    }\n"
    if ins and ins[-1].kind == "options":
        # options last (as campaign_plan_import_yaml): an overload with the defaults
        short = [jname(p.name) for p in ins[:-1]] + ["null"]
        code += ("\n    /** As {@link #%s}, with the default options. */\n    public %s%s %s(%s) {\n"
                 "        %s%s(%s);\n    }\n" % (name, static, ret_t, name, ", ".join(sig[:-1]),
                                                "" if ret_t == "void" else "return ", name, ", ".join(short)))
    return name, code


JAVA_HEAD = """// Generated by bindings/gen/generate.py from include/campaign/*.h: do not edit.
package org.campaign;

import java.time.LocalDate;
import org.campaign.jni.*;

"""


def java_options(o):
    cls = options_class(o)
    fields, setters, fill, cbs = [], [], [], []
    for fd in o.fields:
        k = field_kind(fd, o)
        if not k:
            continue
        p = Param(fd.ctype, fd.name, fd.doc)
        p.kind = k
        t = cb_class(fd.ctype) if k == "callback" else java_type(p)
        n = jname(fd.name)
        doc = java_doc([plain(fd.doc, "null") or fd.name], 4)
        fields.append(doc + "    public %s %s%s;\n" % ("Integer" if t == "int" else "Long" if t == "long"
                                                       else "Double" if t == "double" else t, n, ""))
        setters.append("    /** Sets {@link #%s}; returns this. */\n    public %s %s(%s v) {\n        this.%s = v;\n"
                       "        return this;\n    }\n" % (n, cls, n, "Integer" if t == "int" else "Long" if t == "long"
                                                         else "Double" if t == "double" else t, n))
        if k == "callback":
            cbs.append("opts." + n)
            continue
        setter = "set" + fd.name[:1].upper() + fd.name[1:]
        val = "StoreMethods._iso(opts.%s)" % n if k == "date" else "opts.%s" % n
        fill.append("            if (opts.%s != null) {\n                o.%s(%s);\n            }\n" % (n, setter, val))
    if cbs:
        # the Java callbacks, called from C while the call runs (see headers.i)
        fill.append("            if (%s) {\n                capi.campaign_java_callbacks_%s(o, %s);\n            }\n"
                    % (" || ".join(c + " != null" for c in cbs), o.name, ", ".join(cbs)))
    doc = java_doc([plain(l, "null") for l in (o.doc or o.name).split("\n")] +
                   ["", "Fields left null keep the C defaults. C: {@code %s}." % o.name], 0)
    return cls, (JAVA_HEAD + doc + "public final class %s {\n" % cls + "".join(fields) + "\n" + "".join(setters) +
                 "\n    /** The C struct at its defaults with the fields set here; the caller deletes it. */\n"
                 "    static %s toNative(%s opts) {\n        %s o = new %s();\n"
                 "        capi.%s_init(o, capiConstants.%s);\n        if (opts != null) {\n%s        }\n"
                 "        return o;\n    }\n}\n" % (o.name, cls, o.name, o.name, o.name, o.version_macro,
                                               "".join(fill)))


def cb_class(typedef):
    n = typedef[len("campaign_"):]
    return pascal(n[:-3] if n.endswith("_fn") else n) + "Callback"


def java_callback(typedef, doc):
    ret, ps = CALLBACKS[typedef]
    args = ", ".join("%s %s" % (CB_ARG[p.ctype][2], jname(camel(p.name))) for p in ps if p.ctype != "void *")
    lines = [plain(l, "null") for l in doc.split("\n")] + ["", "C: {@code %s}." % typedef]
    return (JAVA_HEAD.replace("import java.time.LocalDate;\nimport org.campaign.jni.*;\n\n", "") + java_doc(lines, 0) +
            "@FunctionalInterface\npublic interface %s {\n    /** Called from C while the call runs; an exception "
            "thrown here stops it and is thrown by it. */\n    %s call(%s);\n}\n" % (cb_class(typedef), ret, args))


def emit_java(funcs, structs_used, outdir):
    pkg = os.path.join(outdir, "org", "campaign")
    os.makedirs(pkg, exist_ok=True)
    names = {}
    parts = {"store": [], "cursor": [], "module": []}
    for f, where in funcs:
        n, code = java_function(f, where)
        parts[where].append(code)
        names[f.name] = {"store": "Store.", "cursor": "Rows.", "module": "Campaign."}[where] + n
    write(os.path.join(pkg, "StoreMethods.java"), JAVA_HEAD + """/**
 * Generated methods of {@link Store}: one per C function that takes a store
 * ({@code campaign_db *}), named after it (camelCase, without {@code campaign_}),
 * arguments in the C order without the store and the out-parameter.
 */
public abstract class StoreMethods {
    StoreMethods() {}

    /** The open handle; throws ClosedException once closed. */
    abstract long h();

    /** Rows over a new cursor, owned by this store. */
    abstract Rows rows(long cursor);

    static String _iso(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static String take(long buf) {
        try {
            return capi.campaign_buf_data(buf);
        } finally {
            capi.campaign_buf_free(buf);
        }
    }

""" + "\n".join(parts["store"]) + "}\n")
    write(os.path.join(pkg, "CursorMethods.java"), JAVA_HEAD + """/** Generated methods of {@link Rows}: the C functions on a cursor ({@code campaign_cursor *}). */
public abstract class CursorMethods {
    CursorMethods() {}

    /** The cursor; throws when it is closed. */
    abstract long cursorHandle();

    static String _iso(LocalDate d) {
        return StoreMethods._iso(d);
    }

""" + "\n".join(parts["cursor"]) + "}\n")
    write(os.path.join(pkg, "CampaignApi.java"), JAVA_HEAD + """/** Generated static methods of {@link Campaign}: the C functions that take no handle. */
public class CampaignApi {
    CampaignApi() {}

    static String _iso(LocalDate d) {
        return StoreMethods._iso(d);
    }

    static String take(long buf) {
        return StoreMethods.take(buf);
    }

""" + "\n".join(parts["module"]) + "}\n")
    for o in structs_used:
        cls, code = java_options(o)
        write(os.path.join(pkg, cls + ".java"), code)
        for fd in callback_fields(o)[0]:
            write(os.path.join(pkg, cb_class(fd.ctype) + ".java"), java_callback(fd.ctype, CALLBACK_DOCS.get(fd.ctype, "")))
    # a class generated for a struct or callback that has gone would still be compiled
    for n in os.listdir(pkg):
        path = os.path.join(pkg, n)
        if n.endswith(".java") and path not in WRITTEN and open(path, encoding="utf-8").read(80).startswith(
                "// Generated by bindings/gen/generate.py"):
            os.remove(path)
    return names


# ---------------------------------------------------------------- SWIG

def warn_fields(structs_used):
    for o in structs_used:
        for fd in o.fields:
            if field_kind(fd, o) is False:
                warn("%s: field %s %s has no mapping; left at its default in Python and Java"
                     % (o.name, fd.ctype, fd.name))


def emit_swig(order, structs_used, funcs, path):
    out = ["/* Generated by bindings/gen/generate.py from include/campaign/*.h: do not edit. */\n"]
    for f, _ in funcs:
        for p in f.params:
            if p.kind == "out_int":  # an int out-parameter is a result (typemaps.i)
                out.append("%%apply %s OUTPUT { %s%s };\n" % (p.ctype, p.ctype, p.name))
    for o in structs_used:
        # the INIT macros are C initialisers; the bindings call the _init() function
        out.append("%%ignore %s_INIT;\n" % o.name.upper())
    with_cbs = [o for o in structs_used if callback_fields(o)[1]]
    # the C code first (SWIG writes the structs' destructors before later
    # %{ %} blocks), the wrapped setters after the headers
    for h in order:
        out.append('%%{\n#include "campaign/%s"\n%%}\n' % h)
    if with_cbs:
        out.append(SWIG_CB_HEAD)
    for o in with_cbs:
        out.append(swig_callbacks(o)[0])
    for h in order:
        out.append('%%include "campaign/%s"\n' % h)
    for o in with_cbs:
        out.append(swig_callbacks(o)[1])
    for o in structs_used:
        strs = [fd.name for fd in o.fields if fd.ctype in ("const char *", "char *")]
        if not strs and o not in with_cbs:
            continue
        # SWIG copies a string set on a struct member (malloc); free those
        # copies, but never a default that _init() put there; and release
        # the language's callbacks.
        frees = "".join("\t\tif ($self->%s != d.%s)\n\t\t\tfree((char *)$self->%s);\n" % (n, n, n) for n in strs)
        if o in with_cbs:
            frees += "\t\tcampaign_cb_release_%s($self, &d);\n" % o.name
        out.append("%%extend %s {\n\t~%s() {\n\t\t%s d;\n\t\tmemset(&d, 0, sizeof d);\n"
                   "\t\t%s_init(&d, $self->version);\n%s\t\tfree($self);\n\t}\n}\n"
                   % (o.name, o.name, o.name, o.name, frees))
    write(path, "".join(out))


SWIG_CB_HEAD = """
/* Callbacks in options structs: C trampolines that call the Python callable
 * or the Java object the generated code passed (the struct's user pointer
 * holds them while the call runs). An exception in a callback stops the
 * call (an int callback returns 1; later callbacks are not called) and is
 * the one the call raises (python.i / java.i keep a pending exception). */
#if defined(SWIGJAVA)
%typemap(in, numinputs=0) JNIEnv *campaign_jenv %{ $1 = jenv; %}
%{
/* A C string as a Java String (through org.campaign.Utf8, as every string). */
static jstring campaign_java_cb_string(JNIEnv *env, const char *s)
{
	jclass c;
	jmethodID m;
	jbyteArray b;
	jobject r = NULL;
	if (!s)
		return NULL;
	b = campaign_java_bytes(env, s);
	c = (*env)->FindClass(env, "org/campaign/Utf8");
	m = c ? (*env)->GetStaticMethodID(env, c, "decode", "([B)Ljava/lang/String;") : NULL;
	if (m)
		r = (*env)->CallStaticObjectMethod(env, c, m, b);
	if ((*env)->ExceptionCheck(env))
		r = NULL;
	(*env)->DeleteLocalRef(env, b);
	if (c)
		(*env)->DeleteLocalRef(env, c);
	return (jstring)r;
}
%}
#endif
"""


def swig_callbacks(o):
    cbs, user = callback_fields(o)
    py_tr, java_tr = [], []
    for i, fd in enumerate(cbs):
        ret, ps = CALLBACKS[fd.ctype]
        cparams = ", ".join(p.ctype + ("" if p.ctype.endswith("*") else " ") + p.name for p in ps)
        uname = next(p.name for p in ps if p.ctype == "void *")
        vals = [p for p in ps if p.ctype != "void *"]
        fail = "return 1;" if ret == "int" else "return;"
        # Python
        fmt = "".join(CB_ARG[p.ctype][0] for p in vals)
        args = "".join(", " + p.name for p in vals)
        body = ["\tPyObject *fn, *r;"] + (["\tint v = 0;"] if ret == "int" else [])
        body += ["\tif (PyErr_Occurred())", "\t\t" + fail,
                 "\tfn = PyTuple_GET_ITEM((PyObject *)%s, %d);" % (uname, i),
                 '\tr = PyObject_CallFunction(fn, "(%s)"%s);' % (fmt, args), "\tif (!r)", "\t\t" + fail]
        if ret == "int":
            body += ["\tif (r != Py_None) {", "\t\tv = (int)PyLong_AsLong(r);",
                     "\t\tif (v == -1 && PyErr_Occurred())", "\t\t\tv = 1;", "\t}"]
        body += ["\tPy_DECREF(r);"] + (["\treturn v;"] if ret == "int" else [])
        py_tr.append("static %s campaign_py_cb_%s_%s(%s)\n{\n%s\n}\n" % (ret, o.name, fd.name, cparams, "\n".join(body)))
        # Java
        desc = "(%s)%s" % ("".join(CB_ARG[p.ctype][1] for p in vals), "I" if ret == "int" else "V")
        body = ["\tcampaign_java_cbs_%s *u = (campaign_java_cbs_%s *)%s;" % (o.name, o.name, uname),
                "\tJNIEnv *env = u->env;", "\tjclass cls;", "\tjmethodID m;"]
        body += ["\tjstring s_%s = NULL;" % p.name for p in vals if p.ctype == "const char *"]
        body += (["\tjint v = 0;"] if ret == "int" else [])
        body += ["\tif ((*env)->ExceptionCheck(env))", "\t\t" + fail,
                 "\tcls = (*env)->GetObjectClass(env, u->fn[%d]);" % i,
                 '\tm = (*env)->GetMethodID(env, cls, "call", "%s");' % desc,
                 "\t(*env)->DeleteLocalRef(env, cls);", "\tif (!m)", "\t\t" + fail]
        body += ["\ts_%s = campaign_java_cb_string(env, %s);" % (p.name, p.name) for p in vals
                 if p.ctype == "const char *"]
        jargs = "".join(", s_" + p.name if p.ctype == "const char *" else ", (%s)%s" % (CB_ARG[p.ctype][3], p.name)
                        for p in vals)
        if ret == "int":
            body.append("\tv = (*env)->CallIntMethod(env, u->fn[%d], m%s);" % (i, jargs))
        else:
            body.append("\t(*env)->CallVoidMethod(env, u->fn[%d], m%s);" % (i, jargs))
        body += ["\tif (s_%s)\n\t\t(*env)->DeleteLocalRef(env, s_%s);" % (p.name, p.name) for p in vals
                 if p.ctype == "const char *"]
        if ret == "int":
            body.append("\treturn (*env)->ExceptionCheck(env) ? 1 : (int)v;")
        java_tr.append("static %s campaign_java_cb_%s_%s(%s)\n{\n%s\n}\n" % (ret, o.name, fd.name, cparams,
                                                                           "\n".join(body)))
    n = len(cbs)
    py_set = "".join("\tif (PyTuple_GET_ITEM(fns, %d) != Py_None)\n\t\to->%s = campaign_py_cb_%s_%s;\n"
                     % (i, fd.name, o.name, fd.name) for i, fd in enumerate(cbs))
    jparams = ", ".join("jobject %s" % fd.name for fd in cbs)
    java_set = "".join("\tif (%s) {\n\t\tu->fn[%d] = (*campaign_jenv)->NewGlobalRef(campaign_jenv, %s);\n"
                       "\t\to->%s = campaign_java_cb_%s_%s;\n\t}\n" % (fd.name, i, fd.name, fd.name, o.name, fd.name)
                       for i, fd in enumerate(cbs))
    code = """
#if defined(SWIGPYTHON)
%%{
%s
static void campaign_cb_release_%s(%s *o, const %s *d)
{
	if (o->%s != d->%s)
		Py_XDECREF((PyObject *)o->%s);
}
%%}
#elif defined(SWIGJAVA)
%%{
typedef struct campaign_java_cbs_%s {
	JNIEnv *env;
	jobject fn[%d];
} campaign_java_cbs_%s;

%s
static void campaign_cb_release_%s(%s *o, const %s *d)
{
	campaign_java_cbs_%s *u = (campaign_java_cbs_%s *)o->%s;
	if (o->%s == d->%s || !u)
		return;
	for (int i = 0; i < %d; i++)
		if (u->fn[i])
			(*u->env)->DeleteGlobalRef(u->env, u->fn[i]);
	free(u);
}
%%}
#endif
""" % ("\n".join(py_tr), o.name, o.name, o.name, user, user, user,
       o.name, n, o.name, "\n".join(java_tr), o.name, o.name, o.name, o.name, o.name, user, user, user, n)
    setters = """
#if defined(SWIGPYTHON)
%%inline %%{
/* Sets the callbacks of @o to call the callables of the tuple @fns (None: unset). */
void campaign_py_callbacks_%s(%s *o, PyObject *fns)
{
	if (!PyTuple_Check(fns) || PyTuple_GET_SIZE(fns) != %d)
		return;
	Py_INCREF(fns);
	o->%s = fns;
%s}
%%}
#elif defined(SWIGJAVA)
%%inline %%{
/* Sets the callbacks of @o to call the Java objects given (null: unset). */
void campaign_java_callbacks_%s(%s *o, %s, JNIEnv *campaign_jenv)
{
	campaign_java_cbs_%s *u = (campaign_java_cbs_%s *)calloc(1, sizeof *u);
	if (!u)
		return;
	u->env = campaign_jenv;
	o->%s = u;
%s}
%%}
#endif
""" % (o.name, o.name, n, user, py_set, o.name, o.name, jparams, o.name, o.name, user, java_set)
    return code, setters


WRITTEN = set()


def write(path, text):
    WRITTEN.add(path)
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    try:
        if open(path, encoding="utf-8").read() == text:
            return
    except OSError:
        pass
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--include", required=True, help="the include/campaign directory")
    ap.add_argument("--swig", required=True, help="the headers.i to write")
    ap.add_argument("--python", help="the directory for _api.py and _api.pyi")
    ap.add_argument("--java", help="the source root for the generated Java classes")
    ap.add_argument("--manifest", help="the manifest.json to write")
    a = ap.parse_args()
    paths = sorted(os.path.join(a.include, h) for h in os.listdir(a.include) if h.endswith(".h"))
    funcs, structs, opaque, includes = parse_headers(paths)
    mapped, skipped, used = [], {}, []
    for f in funcs:
        if f.name in INTERNAL:
            continue
        if f.name.endswith("_options_init") and f.params and \
                f.params[0].ctype.replace("*", "").strip() in structs:
            continue  # called by every generated method taking those options
        where, why = classify(f, structs, opaque)
        if where is None:
            warn("%s (campaign/%s): %s; left out of the bindings" % (f.name, f.header, why))
            skipped[f.name] = why
            continue
        mapped.append((f, where))
        for p in f.params:
            if p.kind == "options" and p.options not in used:
                used.append(p.options)
    # options structs a hand-written facade fills (their _init is INTERNAL)
    # get the same SWIG destructor and Java options class as the others
    used += [o for n, o in sorted(structs.items()) if o not in used and n + "_init" in INTERNAL]
    warn_fields(used)
    emit_swig(header_order(includes), used, mapped, a.swig)
    py = emit_python(mapped, a.python) if a.python else {}
    java = emit_java(mapped, used, a.java) if a.java else {}
    if a.manifest:
        man = {"functions": {}, "internal": INTERNAL, "skipped": skipped}
        for f, where in mapped:
            man["functions"][f.name] = {"python": py.get(f.name), "java": java.get(f.name)}
        for o in used:
            man["functions"][o.name + "_init"] = {
                "python": "options:" + o.name, "java": "options:" + options_class(o)}
        write(a.manifest, json.dumps(man, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
