"""An offline install bundle (issue 14): every wheel cchc needs for one platform, and a script
that installs them with no Internet (many offices have none).

    python scripts/build_offline_bundle.py --platform win_amd64 [--python-version 3.12]
    python scripts/build_offline_bundle.py --platform manylinux2014_x86_64 --python-version 3.11
    python scripts/build_offline_bundle.py --platform win_amd64 --check   # resolve, then verify

Makes `dist/cchc-offline-<platform>-py<version>.zip` holding `wheels/` (cchc's own wheel and
every dependency, binary wheels for that platform and interpreter only), `cai-dat.bat` (Windows)
or `cai-dat.sh` (Linux, macOS) and `HUONG-DAN.txt`. On the office computer: unzip, run
`cai-dat.bat` (double-click or from a prompt); it makes `.venv` beside itself and installs with
`pip install --no-index`. `--check` then proves the bundle installs on its own: pip resolves
cchc from the bundle alone for that platform (`--dry-run --no-index --only-binary=:all:`).

Needs pip and access to a package index where it runs (a machine with Internet, or CI).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

WINDOWS_SCRIPT = r"""@echo off
rem Cai dat cchc khong can Internet / install cchc with no Internet connection.
setlocal
pushd "%~dp0"
where py >nul 2>nul
if %errorlevel%==0 (
  py -{version} -m venv .venv || goto :fail
) else (
  python -m venv .venv || goto :fail
)
.venv\Scripts\python -m pip install --upgrade --no-index --find-links wheels cchc || goto :fail
echo.
echo Da cai xong. Chay thu: .venv\Scripts\cchc --help
echo Installed. Try: .venv\Scripts\cchc --help
pause
popd
exit /b 0
:fail
echo.
echo Khong cai duoc: can Python {version} (64-bit) tu python.org.
echo Install failed: Python {version} (64-bit) is needed.
pause
popd
exit /b 1
"""

POSIX_SCRIPT = """#!/bin/sh
# Cài đặt cchc không cần Internet / install cchc with no Internet connection.
set -e
cd "$(dirname "$0")"
python{version} -m venv .venv
.venv/bin/python -m pip install --upgrade --no-index --find-links wheels cchc
echo "Đã cài xong. Chạy thử: .venv/bin/cchc --help"
"""

GUIDE = """Cài đặt cchc không cần Internet — {platform}, Python {version}

1. Cài Python {version} (64-bit) từ python.org nếu máy chưa có (bộ cài cũng chép được qua USB).
2. Giải nén tệp này vào một thư mục, ví dụ C:\\cchc.
3. Chạy {script} (nhấp đúp, hoặc từ cửa sổ lệnh trong thư mục đó).
4. Dùng: {cchc} compute "D:\\Du lieu\\2025" --period 2025-Q1

Offline install — unzip, run {script}, then use {cchc}.
"""


def _run(command: list[str]) -> None:
    print("$", " ".join(command), flush=True)
    subprocess.run(command, check=True)


def build(platform: str, version: str, output: Path, check: bool) -> Path:
    """The bundle's zip for `platform` and Python `version` ("3.12"), checked if asked."""
    windows = platform.startswith("win")
    with tempfile.TemporaryDirectory(prefix="cchc-bundle-") as work:
        folder = Path(work) / "cchc"
        wheels = folder / "wheels"
        wheels.mkdir(parents=True)
        pip = [sys.executable, "-m", "pip"]
        _run([*pip, "wheel", "--quiet", "--no-deps", "--wheel-dir", str(wheels), str(ROOT)])
        (own,) = wheels.glob("cchc-*.whl")
        target = ["--platform", platform, "--python-version", version]
        target += ["--implementation", "cp", "--only-binary=:all:"]
        _run([*pip, "download", "--quiet", "--dest", str(wheels), *target, str(own)])
        if windows:
            script_name, cchc = "cai-dat.bat", ".venv\\Scripts\\cchc"
            script = WINDOWS_SCRIPT.format(version=version).replace("\n", "\r\n")
        else:
            script_name, cchc = "cai-dat.sh", ".venv/bin/cchc"
            script = POSIX_SCRIPT.format(version=version)
        (folder / script_name).write_bytes(script.encode("utf-8"))
        guide = GUIDE.format(platform=platform, version=version, script=script_name, cchc=cchc)
        (folder / "HUONG-DAN.txt").write_bytes(guide.encode("utf-8-sig"))
        if check:
            # pip judges Requires-Python against the interpreter it runs in, not the target's
            # (numpy for 3.12 "needs a different Python" when checked from 3.11): the download
            # above already chose by the target's version.
            # --isolated: no find-links from pip's configuration or environment, the bundle alone
            dry_run = ["install", "--isolated", "--quiet", "--dry-run", "--no-index"]
            dry_run.append("--ignore-requires-python")
            with tempfile.TemporaryDirectory(prefix="cchc-bundle-check-") as into:
                found = ["--find-links", str(wheels), *target, "--target", into, "cchc"]
                _run([*pip, *dry_run, *found])
        output.mkdir(parents=True, exist_ok=True)
        bundle = output / f"cchc-offline-{platform}-py{version}.zip"
        partial = bundle.with_suffix(".zip.part")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    entry = zipfile.ZipInfo.from_file(path, path.relative_to(folder.parent))
                    executable = path.suffix == ".sh"
                    entry.external_attr = ((0o755 if executable else 0o644) | 0o100000) << 16
                    entry.compress_type = zipfile.ZIP_DEFLATED
                    archive.writestr(entry, path.read_bytes())
        partial.replace(bundle)
        count = len(list(wheels.glob("*.whl")))
    print(f"{bundle} ({bundle.stat().st_size / 1e6:.0f} MB, {count} wheels)")
    return bundle


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--platform", default="win_amd64", help="pip platform tag")
    parser.add_argument("--python-version", default="3.12", help="the office's Python, X.Y")
    parser.add_argument("--output", type=Path, default=ROOT / "dist")
    parser.add_argument("--check", action="store_true", help="prove the bundle installs alone")
    arguments = parser.parse_args()
    build(arguments.platform, arguments.python_version, arguments.output, arguments.check)


if __name__ == "__main__":
    main()
