"""What the PyInstaller spec (``desktop_crm.spec``) leaves out of the bundle: ``keep(dest)`` is False for a
file the application never uses or that must come from the target system. File names are compared
without a "lib" prefix and without the extension; ``dest`` is the path inside the bundle.
(packaging/README.md has the reasons and the measured sizes; tests/core/test_bundle_filter.py the cases.)
"""

from __future__ import annotations

import re
import sys
from pathlib import PurePosixPath

DROP_PLUGINS = {
    "platforms": {"qeglfs", "qlinuxfb", "qminimal", "qminimalegl", "qvnc", "qvkkhrdisplay"},
    "platformthemes": {"qgtk3"},
    "imageformats": {"qtiff", "qwebp", "qtga", "qwbmp", "qicns"},
}
DROP_PLUGIN_DIRS = {"egldeviceintegrations", "generic"}
KEEP_QT_TRANSLATIONS = {"qtbase_en.qm", "qtbase_zh_CN.qm"}
MPL_FONTS_DROPPED = (
    "DejaVuSerif",
    "DejaVuSansDisplay",
    "DejaVuSansMono-Oblique",
    "DejaVuSansMono-BoldOblique",
)
# Libraries a Linux desktop always has (and must be the system's own); sonames without version.
LINUX_SYSTEM_LIBS = {
    "stdc++",
    "gcc_s",
    "expat",
    "fontconfig",
    "freetype",
    "png16",
    "brotlicommon",
    "brotlidec",
    "X11",
    "X11-xcb",
    "Xau",
    "Xdmcp",
    "Xext",
    "Xrender",
    "bsd",
    "md",
    "glib-2.0",
    "gio-2.0",
    "gobject-2.0",
    "gmodule-2.0",
    "gthread-2.0",
    "pcre2-8",
    "mount",
    "blkid",
    "selinux",
    "dbus-1",
    "systemd",
    "gcrypt",
    "gpg-error",
    "lz4",
    "cap",
    # only the GTK3 theme plugin (dropped) needs these
    "atk-1.0",
    "cairo",
    "cairo-gobject",
    "pango-1.0",
    "pangocairo-1.0",
    "pangoft2-1.0",
    "gdk_pixbuf-2.0",
    "harfbuzz",
    "fribidi",
    "thai",
    "datrie",
    "graphite2",
    "pixman-1",
    "jpeg",
    # only QtNetwork (not used; pulled by the dropped vnc/tuio plugins) needs these
    "gssapi_krb5",
    "krb5",
    "k5crypto",
    "krb5support",
    "keyutils",
    "com_err",
}
DROP_QT_LIBS = {"Qt6Network", "Qt6EglFSDeviceIntegration", "Qt6EglFsKmsSupport"}
PIL_DROPPED = ("avif", "sharpyuv", "webp", "webpdemux", "webpmux")


def has_debug_sections(readelf_sections: str) -> bool:
    """Whether ``readelf -S -W`` lists a ``.debug_*`` section (DWARF the running program never reads). The
    spec copies such a library with ``strip --strip-debug``: only those, because rewriting a library
    without them gains nothing (and a full strip breaks numpy's OpenBLAS)."""
    return re.search(r"\]\s+\.debug_", readelf_sections) is not None


def _stem(name: str) -> str:
    stem = name.split(".so")[0] if ".so" in name else name.rsplit(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep(dest: str, linux: bool = sys.platform.startswith("linux")) -> bool:
    """False for a file to leave out of the bundle (``linux``: also the libraries of the system)."""
    path = PurePosixPath(dest.replace("\\", "/"))
    parts, name = path.parts, path.name
    stem = _stem(name)
    if "plugins" in parts:
        folder = parts[parts.index("plugins") + 1] if len(parts) > parts.index("plugins") + 1 else ""
        if folder in DROP_PLUGIN_DIRS or stem in DROP_PLUGINS.get(folder, ()):
            return False
    if "translations" in parts and "Qt" in parts and name not in KEEP_QT_TRANSLATIONS:
        return False
    if "mpl-data" in parts:
        if "sample_data" in parts or "afm" in parts:
            return False
        if name.endswith(".ttf") and name.startswith(MPL_FONTS_DROPPED):
            return False
    if name.endswith(".ts"):
        return False
    if ("pillow.libs" in parts or "PIL" in parts) and stem.lstrip("_").split(".")[0].split("-")[
        0
    ] in PIL_DROPPED:
        return False
    if stem.split(".")[0] in DROP_QT_LIBS:
        return False
    return not (linux and len(parts) == 1 and stem in LINUX_SYSTEM_LIBS)
