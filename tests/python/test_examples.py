"""The Python example prints exactly what the C example prints."""
import os
import subprocess
import sys

import pytest

from conftest import SEED, SOURCE


def test_leads_same_as_c():
    c_example = os.environ.get("CAMPAIGN_C_EXAMPLE")
    if not c_example:
        pytest.skip("CAMPAIGN_C_EXAMPLE not set (run through ctest)")
    c_out = subprocess.run([c_example, str(SEED)], check=True, capture_output=True).stdout
    py_out = subprocess.run([sys.executable, str(SOURCE / "examples" / "python" / "leads.py"), str(SEED)],
                            check=True, capture_output=True).stdout
    assert py_out == c_out
    assert "利用科\tt1.1.m1 t1.1.m2 t1.1.m3 t1.1.m4\n" in c_out.decode("utf-8")
