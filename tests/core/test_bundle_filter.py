"""packaging/bundle_filter.keep: what the installers leave out (issue 14, size budget) and what they must keep."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

PATH = Path(__file__).resolve().parents[2] / "packaging" / "bundle_filter.py"
_spec = importlib.util.spec_from_file_location("bundle_filter", PATH)
assert _spec is not None and _spec.loader is not None
bundle_filter = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bundle_filter)

PLUGINS = "PySide6/Qt/plugins"


@pytest.mark.parametrize(
    "dest",
    [
        f"{PLUGINS}/platforms/libqxcb.so",
        f"{PLUGINS}/platforms/libqwayland.so",
        f"{PLUGINS}/platforms/libqoffscreen.so",  # the self-test
        f"{PLUGINS}/platforms/qwindows.dll",
        f"{PLUGINS}/platforminputcontexts/libibusplatforminputcontextplugin.so",  # Chinese input methods
        f"{PLUGINS}/imageformats/libqsvg.so",
        f"{PLUGINS}/imageformats/libqjpeg.so",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "PySide6/Qt/translations/qtbase_en.qm",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libicudata.so.73",
        "matplotlib/mpl-data/fonts/ttf/DejaVuSans.ttf",
        "matplotlib/mpl-data/fonts/ttf/DejaVuSans-Bold.ttf",
        "matplotlib/mpl-data/fonts/ttf/STIXGeneral.ttf",  # mathtext's fallback
        "matplotlib/mpl-data/fonts/ttf/cmr10.ttf",
        "matplotlib/mpl-data/fonts/ttf/LastResortHE-Regular.ttf",
        "matplotlib/mpl-data/fonts/pdfcorefonts/Helvetica.afm",
        "matplotlib/mpl-data/matplotlibrc",
        "resources/fonts/wqy-microhei.ttc",
        "resources/i18n/desktop_crm_zh_CN.qm",
        "PIL/_imaging.cpython-311-x86_64-linux-gnu.so",
        "pillow.libs/libjpeg-6dc8d115.so.62.4.0",
        "libpython3.11.so.1.0",
        "libffi.so.8",  # older systems have libffi.so.7
        "libsqlite3.so.0",
        "libcrypto.so.3",
        "libxcb-cursor.so.0",  # often missing on the target, needed by Qt >= 6.5
        "libxkbcommon-x11.so.0",
    ],
)
def test_kept(dest: str) -> None:
    assert bundle_filter.keep(dest, linux=True)


@pytest.mark.parametrize(
    "dest",
    [
        f"{PLUGINS}/platformthemes/libqgtk3.so",
        f"{PLUGINS}/platforms/libqeglfs.so",
        f"{PLUGINS}/platforms/libqlinuxfb.so",
        f"{PLUGINS}/platforms/libqvnc.so",
        f"{PLUGINS}/platforms/libqminimal.so",
        f"{PLUGINS}/egldeviceintegrations/libqeglfs-x11-integration.so",
        f"{PLUGINS}/generic/libqevdevmouseplugin.so",
        f"{PLUGINS}/imageformats/libqtiff.so",
        "PySide6/Qt/translations/qt_de.qm",
        "PySide6/Qt/translations/qtbase_ja.qm",
        "PySide6/Qt/translations/qt_help_zh_CN.qm",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6",
        "matplotlib/mpl-data/sample_data/goog.npz",
        "matplotlib/mpl-data/fonts/afm/cmr10.afm",
        "matplotlib/mpl-data/fonts/ttf/DejaVuSerif.ttf",
        "matplotlib/mpl-data/fonts/ttf/DejaVuSansDisplay.ttf",
        "resources/i18n/desktop_crm_zh_CN.ts",
        "PIL/_avif.cpython-311-x86_64-linux-gnu.so",
        "PIL/_webp.cpython-311-x86_64-linux-gnu.so",
        "pillow.libs/libavif-c6062d5f.so.16.4.2",
        "pillow.libs/libwebp-51b0b3f7.so.7.2.0",
        "libstdc++.so.6",
        "libexpat.so.1",
        "libfontconfig.so.1",
        "libfreetype.so.6",
        "libX11.so.6",
        "libglib-2.0.so.0",
        "libdbus-1.so.3",
        "libcairo.so.2",
        "libpango-1.0.so.0",
        "libgssapi_krb5.so.2",
    ],
)
def test_left_out(dest: str) -> None:
    assert not bundle_filter.keep(dest, linux=True)


def test_system_libraries_are_only_left_to_the_system_on_linux() -> None:
    assert not bundle_filter.keep("libstdc++.so.6", linux=True)
    assert bundle_filter.keep("libstdc++.so.6", linux=False)
    assert bundle_filter.keep("PySide6/Qt/lib/libexpat.so.1", linux=True)  # a folder's own copy stays


@pytest.mark.parametrize(
    "dest",
    [
        "sqlcipher3/_sqlite3.cpython-311-x86_64-linux-gnu.so",  # SQLCipher: the one SQLite library
        "sqlcipher3/_sqlite3.cp311-win_amd64.pyd",
        "python3.11/lib-dynload/_sqlite3.cpython-311-x86_64-linux-gnu.so",  # peewee imports sqlite3
        "cryptography/hazmat/bindings/_rust.abi3.so",  # the Secret Service's session encryption
        "_cffi_backend.cpython-311-x86_64-linux-gnu.so",
        "keyring-25.7.0.dist-info/entry_points.txt",  # how keyring finds its backends
    ],
)
def test_encryption_at_rest_is_kept(dest: str) -> None:
    assert bundle_filter.keep(dest, linux=True)
    assert bundle_filter.keep(dest, linux=False)


READELF_WITH_DEBUG = """There are 37 section headers, starting at offset 0x146ca70:

Section Headers:
  [Nr] Name              Type            Address          Off    Size   ES Flg Lk Inf Al
  [ 0]                   NULL            0000000000000000 000000 000000 00      0   0  0
  [ 1] .note.gnu.build-id NOTE            0000000000000270 000270 000024 00   A  0   0  4
  [12] .text             PROGBITS        000000000002a6c0 02a6c0 4e7824 00  AX  0   0 16
  [28] .debug_info       PROGBITS        0000000000000000 802e94 29ac4e 00      0   0  1
  [34] .symtab           SYMTAB          0000000000000000 ea2d48 071df0 18     35 4386  8
"""


def test_debug_sections_are_found_in_readelfs_table() -> None:
    """sqlcipher3's wheel ships SQLCipher with 12 MB of DWARF: the spec strips such files (debug only)."""
    assert bundle_filter.has_debug_sections(READELF_WITH_DEBUG)
    without = "\n".join(line for line in READELF_WITH_DEBUG.splitlines() if ".debug_" not in line)
    assert not bundle_filter.has_debug_sections(without)  # a symbol table alone is left as it is
    assert not bundle_filter.has_debug_sections("")  # readelf missing or not an ELF file
