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
2. Giải nén tệp này, ví dụ vào ổ C:\\ (được thư mục C:\\cchc).
3. Mở thư mục cchc vừa giải nén, chạy {script} (nhấp đúp, hoặc từ cửa sổ lệnh trong thư mục đó).
4. Dùng, từ cửa sổ lệnh mở trong thư mục cchc đó:
   {cchc} compute "D:\\Du lieu\\2025" --period 2025-Q1

Offline install — unzip, run {script}, then use {cchc}.
"""


def _markers(platform: str, version: str) -> dict[str, str]:
    """The environment markers of the office computer. pip judges markers such as
    `platform_system == "Windows"` by the machine it runs on, even with --platform
    (pypa/pip#11664): typer's colorama, needed on Windows only, was left out of the bundle."""
    if platform.startswith("win"):
        system = {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt"}
        machine = "ARM64" if "arm64" in platform else "AMD64"
    elif platform.startswith("macosx"):
        system = {"sys_platform": "darwin", "platform_system": "Darwin", "os_name": "posix"}
        machine = "arm64" if "arm64" in platform else "x86_64"
    else:
        system = {"sys_platform": "linux", "platform_system": "Linux", "os_name": "posix"}
        machine = "aarch64" if "aarch64" in platform else "x86_64"
    return {
        **system,
        "platform_machine": machine,
        "python_version": version,
        "python_full_version": f"{version}.0",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "extra": "",
    }


def _requirements(wheels: Path, environment: dict[str, str]) -> tuple[list, dict[str, str]]:
    """What the bundle's wheels require on the office computer, and the wheels it holds
    (canonical name -> version)."""
    try:
        from packaging.requirements import Requirement
        from packaging.utils import canonicalize_name
    except ImportError:  # pip's own copy, where packaging is not installed
        from pip._vendor.packaging.requirements import Requirement
        from pip._vendor.packaging.utils import canonicalize_name
    held: dict[str, str] = {}
    needed = []
    for wheel in sorted(wheels.glob("*.whl")):
        with zipfile.ZipFile(wheel) as archive:
            name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
            metadata = archive.read(name).decode("utf-8")
        fields = {}
        for line in metadata.split("\n\n", 1)[0].splitlines():
            key, _, value = line.partition(": ")
            if key == "Requires-Dist":
                requirement = Requirement(value)
                if requirement.marker is None or requirement.marker.evaluate(environment):
                    needed.append(requirement)
            elif key in ("Name", "Version"):
                fields[key] = value
        held[canonicalize_name(fields["Name"])] = fields["Version"]
    return needed, held


def _missing(wheels: Path, environment: dict[str, str]) -> list[str]:
    """The requirements of the office computer that no wheel of the bundle satisfies."""
    try:
        from packaging.utils import canonicalize_name
    except ImportError:
        from pip._vendor.packaging.utils import canonicalize_name
    needed, held = _requirements(wheels, environment)
    missing = []
    for requirement in needed:
        version = held.get(canonicalize_name(requirement.name))
        if version is None or not requirement.specifier.contains(version, prereleases=True):
            missing.append(str(requirement).split(";")[0].strip())
    return sorted(set(missing))


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
        environment = _markers(platform, version)
        for _ in range(10):  # each round may bring requirements of its own
            missing = _missing(wheels, environment)
            if not missing:
                break
            _run([*pip, "download", "--quiet", "--dest", str(wheels), *target, *missing])
        if windows:
            script_name, cchc = "cai-dat.bat", ".venv\\Scripts\\cchc"
            script = WINDOWS_SCRIPT.format(version=version).replace("\n", "\r\n")
        else:
            script_name, cchc = "cai-dat.sh", ".venv/bin/cchc"
            script = POSIX_SCRIPT.format(version=version)
        (folder / script_name).write_bytes(script.encode("utf-8"))
        guide = GUIDE.format(platform=platform, version=version, script=script_name, cchc=cchc)
        if windows:  # Notepad before Windows 10 (1809) shows a text without CR as one line
            guide = guide.replace("\n", "\r\n")
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
            # and what pip cannot see from here: every requirement of the office computer's
            # own platform (colorama on Windows) met by a wheel of the bundle
            unmet = _missing(wheels, environment)
            if unmet:
                raise SystemExit(f"the bundle lacks, for {platform}: {', '.join(unmet)}")
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
