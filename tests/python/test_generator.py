"""bindings/gen/generate.py on a fixture header (fixtures/gen/demo.h): what a
new function, an options struct with a callback, a date, an int
out-parameter and an unmappable declaration become. The real headers are
covered by the suite itself and by the ctest bindings.reachable."""
import json
import shutil
import subprocess
import sys

import pytest

from conftest import SOURCE

GENERATOR = SOURCE / "bindings" / "gen" / "generate.py"


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("gen")
    inc = out / "include"
    inc.mkdir()
    shutil.copy(SOURCE / "tests" / "python" / "fixtures" / "gen" / "demo.h", inc / "demo.h")
    shutil.copy(SOURCE / "include" / "campaign" / "common.h", inc / "common.h")
    run = subprocess.run([sys.executable, str(GENERATOR), "--include", str(inc), "--swig", str(out / "headers.i"),
                          "--python", str(out / "py"), "--java", str(out / "java"), "--manifest",
                          str(out / "manifest.json")], capture_output=True, text=True, check=True)
    return out, run.stderr


def read(path):
    return path.read_text(encoding="utf-8")


def test_names_and_skips(generated):
    out, stderr = generated
    man = json.loads(read(out / "manifest.json"))
    assert man["functions"]["campaign_demo_add"] == {"python": "Store.demo_add", "java": "Store.demoAdd"}
    assert man["functions"]["campaign_demos_query"] == {"python": "Store.demos_query", "java": "Store.demosQuery"}
    assert man["functions"]["campaign_demo_add_options_init"]["java"] == "options:DemoAddOptions"
    assert "campaign_demo_visit" in man["skipped"] and "campaign_demo_visit" in stderr
    assert "campaign_demo_visit" not in read(out / "py" / "_api.py")


def test_python(generated):
    out, _ = generated
    api = read(out / "py" / "_api.py")
    compile(api, "_api.py", "exec")
    assert "def demo_add(self, campaign=None, actor=None, *, title=None, due_on=None, priority=None, progress=None):" in api
    assert "_callbacks(_o, _c.campaign_py_callbacks_campaign_demo_add_options, (progress,))" in api
    assert "return self._rows(_c.campaign_demos_query(self._h(), _text(campaign), _text(as_of)))" in api
    assert "return _c.campaign_demo_count(self._h(), _text(from_))[1]" in api  # "from" is a Python keyword
    assert "Demos due by as_of. Columns: id, title." in api
    stub = read(out / "py" / "_api.pyi")
    compile(stub, "_api.pyi", "exec")
    assert "as_of: Optional[Union[datetime.date, str]] = ..." in stub
    assert "progress: Optional[Callable[..., Any]] = ..." in stub
    assert "def demo_count(self, from_: Optional[str] = ...) -> int: ..." in stub


def test_java(generated):
    out, _ = generated
    pkg = out / "java" / "org" / "campaign"
    store = read(pkg / "StoreMethods.java")
    assert "public int demoAdd(String campaign, DemoAddOptions opts, String actor) {" in store
    assert "public Rows demosQuery(String campaign, LocalDate as_of) {" in store
    assert "public int demoCount(String from) {" in store
    opts = read(pkg / "DemoAddOptions.java")
    assert "public LocalDate due_on;" in opts and "public Integer priority;" in opts
    assert "public DemoProgressCallback progress;" in opts
    assert "capi.campaign_java_callbacks_campaign_demo_add_options(o, opts.progress);" in opts
    assert "int call(long rows, long bytesDone, long bytesTotal);" in read(pkg / "DemoProgressCallback.java")


def test_swig(generated):
    out, _ = generated
    swig = read(out / "headers.i")
    assert '%include "campaign/common.h"' in swig and swig.index("common.h") < swig.index("demo.h")
    assert "%apply int * OUTPUT { int *out_count };" in swig
    assert "%ignore CAMPAIGN_DEMO_ADD_OPTIONS_INIT;" in swig
    assert 'PyObject_CallFunction(fn, "(lLL)", rows, bytes_done, bytes_total)' in swig
    assert 'GetMethodID(env, cls, "call", "(JJJ)I")' in swig
    # the strings SWIG copied into the struct are freed, never the defaults
    assert "if ($self->title != d.title)" in swig
