"""Run every golden-fixture script in this folder (npm run golden)."""
import os
import runpy
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, here)
for name in sorted(os.listdir(here)):
    if name.endswith(".py") and name not in ("common.py", "make_all.py"):
        print(f"== {name}")
        runpy.run_path(os.path.join(here, name), run_name="__main__")
