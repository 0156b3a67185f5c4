"""scripts/build_offline_bundle.py: the office computer's own requirements (issue 14). pip
judges `platform_system == "Windows"` by the machine building the bundle, so typer's colorama
was left out of the Windows bundle; the script judges markers for the target itself."""

from __future__ import annotations

import importlib.util
import zipfile

from conftest import ROOT


def _script():
    spec = importlib.util.spec_from_file_location(
        "build_offline_bundle", ROOT / "scripts" / "build_offline_bundle.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _wheel(folder, name: str, version: str, requires: list[str]) -> None:
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
    metadata += "".join(f"Requires-Dist: {r}\n" for r in requires) + "\nA description.\n"
    path = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"{name}-{version}.dist-info/METADATA", metadata)


def test_a_windows_only_requirement_is_missing_from_a_windows_bundle_issue14(tmp_path) -> None:
    script = _script()
    _wheel(tmp_path, "typer", "0.29.2", ['colorama; platform_system == "Windows"', "rich>=13"])
    _wheel(tmp_path, "rich", "14.0.0", ['pygments<3; python_version >= "3.8"'])
    _wheel(tmp_path, "pygments", "2.19.0", [])
    windows = script._markers("win_amd64", "3.12")
    linux = script._markers("manylinux2014_x86_64", "3.12")
    assert script._missing(tmp_path, windows) == ["colorama"]
    assert script._missing(tmp_path, linux) == []
    _wheel(tmp_path, "colorama", "0.4.6", [])
    assert script._missing(tmp_path, windows) == []


def test_a_wheel_of_the_wrong_version_does_not_meet_a_requirement_issue14(tmp_path) -> None:
    script = _script()
    _wheel(tmp_path, "typer", "0.29.2", ["rich>=13"])
    _wheel(tmp_path, "rich", "12.0.0", [])
    assert script._missing(tmp_path, script._markers("win_amd64", "3.12")) == ["rich>=13"]
