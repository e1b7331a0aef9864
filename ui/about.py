"""Help → About: the version, where the data is kept, and the licences of everything the installer bundles.

The version is ``desktop_crm.version.app_version()`` (pyproject.toml's; a frozen build carries it in a
file). The data folder is ``desktop_crm.paths.data_dir()`` (the per-user folder, or ``DESKTOP_CRM_HOME``
for a portable installation), with the database actually open. The licences tab lists each bundled part
with its licence, and shows in full the bundled Chinese font's licence file and the GNU LGPL 3.0 with the GPL
3.0 it builds on (Qt and psycopg2 are used under the LGPL, which asks for both texts to go with the program;
the installers carry them in ``resources/licences``).
"""

from __future__ import annotations

import html
import platform
from pathlib import Path

import PySide6
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from .fonts import CJK_FONT_FILE

FONT_LICENCE_FILE = CJK_FONT_FILE.with_name("wqy-microhei-LICENSE.txt")
ICON_FILE = CJK_FONT_FILE.parent.parent / "icons" / "desktop-crm-64.png"
LICENCE_DIR = CJK_FONT_FILE.parent.parent / "licences"
LGPL_FILE = LICENCE_DIR / "LGPL-3.0.txt"
GPL_FILE = LICENCE_DIR / "GPL-3.0.txt"


def bundled_parts() -> list[tuple[str, str, str]]:
    """(part, licence, where its source/licence text is published) of everything an installer carries."""
    return [
        ("Python " + platform.python_version(), "PSF License 2.0", "https://docs.python.org/3/license.html"),
        (
            f"Qt {qVersion()} (PySide6 {PySide6.__version__})",
            "LGPL 3.0",
            "https://www.qt.io/licensing/open-source-lgpl-obligations",
        ),
        (
            "WenQuanYi Micro Hei (文泉驿微米黑)",
            "Apache 2.0 or GPL 3+ with font exception",
            "http://wenq.org/",
        ),
        (
            "matplotlib",
            "Matplotlib License (PSF-based)",
            "https://matplotlib.org/stable/project/license.html",
        ),
        (
            "DejaVu fonts (matplotlib)",
            "Bitstream Vera / public domain",
            "https://dejavu-fonts.github.io/License.html",
        ),
        ("NumPy", "BSD 3-Clause", "https://numpy.org/doc/stable/license.html"),
        ("Pillow", "MIT-CMU", "https://github.com/python-pillow/Pillow/blob/main/LICENSE"),
        ("peewee", "MIT", "https://github.com/coleifer/peewee/blob/master/LICENSE"),
        ("sqlite-utils", "Apache 2.0", "https://github.com/simonw/sqlite-utils/blob/main/LICENSE"),
        ("openpyxl", "MIT", "https://foss.heptapod.net/openpyxl/openpyxl/-/blob/branch/3.1/LICENCE.rst"),
        ("SQLite", "Public domain", "https://www.sqlite.org/copyright.html"),
        ("SQLCipher (encryption at rest)", "BSD 3-Clause", "https://www.zetetic.net/sqlcipher/license/"),
        ("sqlcipher3", "zlib", "https://github.com/coleifer/sqlcipher3/blob/master/LICENSE"),
        ("keyring (system keychain)", "MIT", "https://github.com/jaraco/keyring/blob/main/LICENSE"),
        (
            "SecretStorage, jeepney (Linux keychain)",
            "BSD 3-Clause, MIT",
            "https://github.com/mitya57/secretstorage/blob/master/LICENSE",
        ),
        (
            "cryptography (Linux keychain)",
            "Apache 2.0 or BSD 3-Clause",
            "https://github.com/pyca/cryptography/blob/main/LICENSE",
        ),
        (
            "psycopg2 (team database)",
            "LGPL 3.0 with an OpenSSL exception",
            "https://www.psycopg.org/docs/license.html",
        ),
        (
            "libpq (PostgreSQL client library)",
            "PostgreSQL Licence",
            "https://www.postgresql.org/about/licence/",
        ),
        ("OpenSSL", "Apache 2.0", "https://www.openssl.org/source/license.html"),
    ]


class AboutDialog(QDialog):
    """Two tabs: About (version, data folder, database) and Licences."""

    def __init__(self, db_path: Path | str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from desktop_crm.paths import data_dir
        from desktop_crm.version import app_version

        self.version = app_version()
        self.data_folder = data_dir()
        from .team_database import target_of

        self.db_path = target_of(db_path) if db_path is not None else None  # a team database: its URL
        self.setWindowTitle(self.tr("About Desktop CRM"))
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._about_tab(), self.tr("About"))
        self.tabs.addTab(self._licences_tab(), self.tr("Licences"))
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _about_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        self.title_label = QLabel(self.tr("Desktop CRM {version}").format(version=self.version), tab)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title_label.setFont(font)
        heading = QHBoxLayout()
        icon = QLabel(tab)
        icon.setPixmap(QPixmap(str(ICON_FILE)))
        heading.addWidget(icon)
        heading.addWidget(self.title_label, 1)
        layout.addLayout(heading)
        description = QLabel(
            self.tr(
                "Desktop CRM: an offline CRM for B2B salespeople.\n"
                "Every record lives in one local SQLite file that you can back up and move."
            ),
            tab,
        )
        description.setWordWrap(True)
        layout.addWidget(description)
        self.folder_label = QLabel(self.tr("Data folder: {path}").format(path=str(self.data_folder)), tab)
        self.database_label = QLabel(
            self.tr("Database: {path}").format(path=str(self.db_path) if self.db_path else "—"), tab
        )
        for label in (self.folder_label, self.database_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)
        row = QHBoxLayout()
        self.open_folder_button = QPushButton(self.tr("Open the data folder"), tab)
        self.open_folder_button.clicked.connect(self._on_open_folder_button_clicked)
        row.addWidget(self.open_folder_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        return tab

    def _licences_tab(self) -> QWidget:
        self.licences = QTextBrowser(self)
        self.licences.setOpenExternalLinks(True)
        rows = "".join(
            f"<tr><td>{html.escape(part)}</td><td>{html.escape(licence)}</td>"
            f'<td><a href="{html.escape(url)}">{html.escape(url)}</a></td></tr>'
            for part, licence, url in bundled_parts()
        )
        font_licence = self._licence_text(FONT_LICENCE_FILE)
        lgpl_note = self.tr(
            "Qt is used under the GNU Lesser General Public License version 3: its libraries are separate "
            "files in the program's folder, and you may replace them with a compatible build of your own."
        )
        psycopg_note = self.tr(
            "psycopg2 is used under the same licence, with an exception for OpenSSL. The texts of the GNU "
            "Lesser General Public License and of the GNU General Public License it builds on follow."
        )
        intro = self.tr("Desktop CRM is free software under the MIT licence. It bundles:")
        part, licence, source = self.tr("Part"), self.tr("Licence"), self.tr("Source and licence text")
        font_heading = self.tr("Licence of the WenQuanYi Micro Hei font")
        self.licences.setHtml(
            f"<p>{html.escape(intro)}</p>"
            f'<table cellpadding="3"><tr><th align="left">{html.escape(part)}</th>'
            f'<th align="left">{html.escape(licence)}</th>'
            f'<th align="left">{html.escape(source)}</th></tr>{rows}</table>'
            f"<p>{html.escape(lgpl_note)}</p>"
            f"<p>{html.escape(psycopg_note)}</p>"
            f"<h3>{html.escape(font_heading)}</h3>"
            f"<pre>{html.escape(font_licence)}</pre>"
            "<h3>GNU Lesser General Public License 3.0</h3>"
            f"<pre>{html.escape(self._licence_text(LGPL_FILE))}</pre>"
            "<h3>GNU General Public License 3.0</h3>"
            f"<pre>{html.escape(self._licence_text(GPL_FILE))}</pre>"
        )
        return self.licences

    def _licence_text(self, path: Path) -> str:
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            return self.tr("(the licence file {name} is missing)").format(name=path.name)

    def _on_open_folder_button_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.data_folder)))
