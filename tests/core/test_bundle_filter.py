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
