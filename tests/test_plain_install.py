"""A plain (non-editable) install works from any folder: the wheel ships ontology/ and queries/
(issue 13, item 4) and the HTML view's assets (item 1). The wheel is built without build
isolation (setuptools comes with the test extra) and installed without dependencies into a
fresh venv that borrows this venv's packages, so the test needs no network and checks what the
wheel itself carries."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import venv
from pathlib import Path

from conftest import SEEDS

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_installed_in_a_fresh_venv_builds_the_seeds_from_another_folder(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(wheels), str(ROOT)], check=True, capture_output=True, cwd=tmp_path)
    (wheel,) = wheels.glob("graphbuild-*.whl")
    fresh = tmp_path / "fresh"
    venv.create(fresh, with_pip=False)
    py = fresh / "bin" / "python"
    purelib = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    # the dependencies: this venv's site-packages as a plain path (its .pth files, among them
    # the editable install's finder, are not processed), after the fresh venv's own
    Path(purelib, "borrowed.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "GRAPHBUILD_ONTOLOGY")}
    env["GRAPHBUILD_CACHE"] = "off"
    # without PYTHONPATH: a checkout on it (with the egg-info the wheel build leaves) would look
    # to pip like graphbuild already installed, and the wheel would be skipped
    subprocess.run([sys.executable, "-m", "pip", "--python", str(py), "install", "--quiet", "--no-deps",
                    str(wheel)], check=True, capture_output=True, env=env)
    work = tmp_path / "elsewhere"
    shutil.copytree(SEEDS, work / "seeds")
    where = subprocess.run([str(py), "-c", "import graphbuild.ontology as o; print(o.default_ontology_dir())"],
                           check=True, capture_output=True, text=True, cwd=work, env=env).stdout.strip()
    assert where.startswith(purelib) and where.endswith("graphbuild/data/ontology")  # the wheel's copy
    gb = fresh / "bin" / "graphbuild"
    built = subprocess.run([str(gb), "build", "seeds", "--out", "out"], capture_output=True, text=True, cwd=work,
                           env=env)
    assert built.returncode == 0, built.stderr
    assert (work / "out" / "graph.ttl").stat().st_size > 0
    # the HTML view's assets (page, script, style, sigma.js bundle) are package data of the wheel
    html = subprocess.run([str(gb), "export", "--graph", "out/graph.ttl", "--out", "out", "--format", "html"],
                          capture_output=True, text=True, cwd=work, env=env)
    assert html.returncode == 0, html.stderr
    assert b"GraphbuildVendor" in (work / "out" / "graph.html").read_bytes()
    listed = subprocess.run([str(gb), "query", "--list"], capture_output=True, text=True, cwd=work, env=env)
    assert listed.returncode == 0 and "actor-relations" in listed.stdout, listed.stderr
