"""ui.app.main: --self-test, --screenshots, database errors, first launch, live language switch."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from ui import app as ui_app
from ui.pages import PAGE_KEYS
from ui.settings import AppSettings
from ui.shell import Shell

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _close_database_file(populated_db: object) -> None:
    from desktop_crm.db import close_database

    close_database()


def test_self_test_passes(populated_db: object, db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _close_database_file(populated_db)
    assert ui_app.main(["--db", str(db_path), "--self-test", "--lang", "zh_CN"]) == 0
    assert "self-test passed: 8 pages" in capsys.readouterr().out


def test_self_test_reports_a_broken_page(
    db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from ui.pages.pipeline import PipelinePage

    def broken(self: PipelinePage) -> None:
        raise RuntimeError("pipeline exploded")

    monkeypatch.setattr(PipelinePage, "refresh", broken)
    assert ui_app.main(["--db", str(db_path), "--self-test"]) == 1
    err = capsys.readouterr().err
    assert "self-test FAILED" in err and "pipeline exploded" in err


@pytest.mark.timeout(600)  # every page in two languages: minutes on a loaded two-core machine
def test_screenshots_in_both_languages(populated_db: object, db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "shots"
    assert ui_app.main(["--db", str(db_path), "--screenshots", str(out)]) == 0
    for lang in ("en", "zh_CN"):
        for key in PAGE_KEYS:
            png = out / lang / f"{key}.png"
            data = png.read_bytes()
            assert data.startswith(PNG_MAGIC) and len(data) > 5_000, png
    # The headless run leaves no translator behind and does not touch the remembered page.
    assert QApplication.translate("MainWindow", "&File") == "&File"
    assert AppSettings().last_page == "today"


@pytest.mark.timeout(600)  # every page in two languages: minutes on a loaded two-core machine
def test_screenshots_of_one_language_go_straight_into_dir(db: object, db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "zh"
    assert ui_app.main(["--db", str(db_path), "--screenshots", str(out), "--lang", "zh_CN"]) == 0
    names = {p.name for p in out.iterdir()}
    assert {f"{key}.png" for key in PAGE_KEYS} | {"dashboard_dark.png"} <= names
    assert all(name.endswith(".png") for name in names) and not any(p.is_dir() for p in out.iterdir())


@pytest.mark.timeout(600)
def test_screenshots_add_the_service_tab_the_dossier_and_the_attachments(
    db: object, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 11: the client page's Service tab, Dossier and Attachments list (and Referrals, the client form
    settings) are rendered, each grab showing its own tab."""
    from PySide6.QtGui import QColor, QImage

    from desktop_crm import clock
    from desktop_crm.models import Client, User
    from desktop_crm.services.attachments import add_attachment
    from desktop_crm.services.dossier import add_dossier_note, save_dossier
    from desktop_crm.services.referrals import set_referral
    from desktop_crm.services.service_records import create_service_record
    from ui.pages.clients.hub import ClientHubView

    User.create(name="王磊")
    client = Client.create(name="杭州云帆科技有限公司", status="customer")
    brought = Client.create(name="宁波百川包装材料有限公司")
    create_service_record(client.id, "complaint", "发票有误")
    save_dossier(client.id, credit_code="91350100M000100Y43", legal_representative="张三")
    add_dossier_note(client.id, clock.today(), "新厂投产", "官网")
    set_referral(brought.id, referrer_client_id=client.id)
    photo = tmp_path / "现场照片.png"
    image = QImage(64, 48, QImage.Format.Format_RGB32)
    image.fill(QColor("#3b82f6"))
    assert image.save(str(photo), "PNG")
    add_attachment("client", client.id, photo)

    shown: list[str] = []
    grab = ClientHubView.grab

    def recording_grab(hub: ClientHubView, *args: object) -> object:
        current = hub.tabs.currentWidget()
        tabs = ("stakeholders", "service", "dossier", "referrals", "attachments")
        shown.append(next((n for n in tabs if getattr(hub, n) is current), "another tab"))
        return grab(hub, *args)

    monkeypatch.setattr(ClientHubView, "grab", recording_grab)
    out = tmp_path / "shots"
    assert ui_app.main(["--db", str(db_path), "--screenshots", str(out), "--lang", "zh_CN"]) == 0
    assert shown == ["service", "dossier", "referrals", "attachments"]
    for name in (
        "client_service",
        "client_dossier",
        "client_referrals",
        "client_attachments",
        "client_form_settings",
    ):
        data = (out / f"{name}.png").read_bytes()
        assert data.startswith(PNG_MAGIC) and len(data) > 5_000, name


def test_unreadable_database_is_reported_without_traceback(
    modal: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "garbage.sqlite3"
    bad.write_bytes(b"not a database at all" * 200)
    assert ui_app.main(["--db", str(bad), "--lang", "en"]) == 1
    assert modal.titles == ["Cannot open the database"]
    assert "Traceback" not in capsys.readouterr().err
    assert ui_app.main(["--db", str(bad), "--self-test"]) == 1
    err = capsys.readouterr().err
    assert "Cannot open the database" in err and "Traceback" not in err


def test_first_launch_offers_demo_data_and_declining_keeps_it_empty(
    qtbot: QtBot, modal: object, db: object, db_path: Path
) -> None:
    shell = Shell(QApplication.instance(), db_path, "en", AppSettings())
    window = shell.start(first_launch=True)
    qtbot.addWidget(window)
    assert modal.seen[0][1] == "Welcome" and "demo data" in modal.seen[0][2]
    assert shell.demo_job is None
    assert window.count_label.text() == "0 clients"


def test_accepting_demo_data_generates_it_in_the_background(
    qtbot: QtBot, modal: object, db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.shell

    def fake_demo_job(path: Path) -> object:
        def job(progress: object) -> None:
            from desktop_crm.models import Client

            for i in range(5):
                Client.create(name=f"Demo client {i}")
                progress(i + 1, 5)

        return job

    monkeypatch.setattr(ui.shell, "generate_demo_job", fake_demo_job)
    modal.answer_yes()
    shell = Shell(QApplication.instance(), db_path, "en", AppSettings())
    window = shell.start(first_launch=True)
    qtbot.addWidget(window)
    assert shell.demo_job is not None
    qtbot.waitUntil(lambda: window.count_label.text() == "5 clients", timeout=10_000)
    assert modal.titles == ["Welcome"]


def test_demo_failure_is_shown_as_a_message(
    qtbot: QtBot, modal: object, db: object, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import ui.shell
    from desktop_crm.errors import CrmError

    def failing_job(path: Path) -> object:
        def job(progress: object) -> None:
            raise CrmError("demo.busy")

        return job

    monkeypatch.setattr(ui.shell, "generate_demo_job", failing_job)
    modal.answer_yes()
    shell = Shell(QApplication.instance(), db_path, "en", AppSettings())
    qtbot.addWidget(shell.start(first_launch=True))
    qtbot.waitUntil(lambda: len(modal.seen) == 2, timeout=10_000)
    assert modal.seen[1][1:] == (
        "Demo data",
        "The demo data cannot be generated while another change is in progress.",
    )


def test_language_switches_live_and_is_remembered(qtbot: QtBot, db: object, db_path: Path) -> None:
    settings = AppSettings()
    shell = Shell(QApplication.instance(), db_path, "en", settings)
    first = shell.start()
    qtbot.addWidget(first)
    first.show_page(PAGE_KEYS.index("settings"))
    combo = first.page("settings").language_combo
    combo.setCurrentIndex(combo.findData("zh_CN"))
    second = shell.window
    assert second is not first
    qtbot.addWidget(second)
    assert second.nav.item(PAGE_KEYS.index("clients")).text() == "客户"
    assert second.current_page.key == "settings"
    assert settings.language == "zh_CN"
    second.language_actions["en"].trigger()
    third = shell.window
    qtbot.addWidget(third)
    assert third.nav.item(PAGE_KEYS.index("clients")).text() == "Clients"
    assert settings.language == "en"


def test_matplotlib_is_imported_only_when_the_dashboard_is_shown(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import sys
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from desktop_crm.db import open_database
        open_database({str(tmp_path / "lazy.sqlite3")!r})
        from ui.main_window import MainWindow
        from ui.pages import PAGE_KEYS
        window = MainWindow({str(tmp_path / "lazy.sqlite3")!r}, "en")
        window.remember_state = False
        window.show()
        for key in PAGE_KEYS:
            if key != "dashboard":
                window.show_page(PAGE_KEYS.index(key))
        app.processEvents()
        print("before", "matplotlib" in sys.modules)
        window.show_page(PAGE_KEYS.index("dashboard"))
        import time
        deadline = time.monotonic() + 30
        while window.page("dashboard").chart.canvas is None and time.monotonic() < deadline:
            app.processEvents()  # the data comes from the worker, then the charts are drawn
        print("after", "matplotlib" in sys.modules, window.page("dashboard").chart.canvas is not None)
        from ui.tasks import stop_default_worker
        stop_default_worker()
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "before False" in result.stdout
    assert "after True True" in result.stdout


def test_real_demo_generation_fills_the_window(
    qtbot: QtBot, modal: object, db: object, db_path: Path
) -> None:
    pytest.importorskip("desktop_crm.demo")
    modal.answer_yes()
    shell = Shell(QApplication.instance(), db_path, "en", AppSettings())
    window = shell.start(first_launch=True)
    qtbot.addWidget(window)
    with qtbot.waitSignal(shell.demo_job.sig_finished, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: window.count_label.text() != "0 clients", timeout=20_000)
    assert modal.titles == ["Welcome"]
    assert window.page("today").model.rowCount() > 0


def test_a_portable_start_writes_nothing_outside_its_folder(tmp_path: Path) -> None:
    """A start with DESKTOP_CRM_HOME (a USB stick) under a fresh HOME: the database, the settings file and
    every cache of the application are inside the portable folder; nothing of ours is written under HOME
    (matplotlib's cache went to HOME/.cache before)."""
    import os

    home, stick = tmp_path / "home", tmp_path / "stick"
    home.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("XDG_") and key not in ("MPLCONFIGDIR", "DESKTOP_CRM_HOME")
    }
    env.update(HOME=str(home), DESKTOP_CRM_HOME=str(stick), QT_QPA_PLATFORM="offscreen")
    out = subprocess.run(
        [sys.executable, "-m", "ui", "--lang", "en", "--quit-after-first-paint"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stderr
    outside = sorted(
        str(path.relative_to(home))
        for path in home.rglob("*")
        if "fontconfig" not in path.parts  # the system font library's own cache, not the application's
    )
    assert outside == []
    inside = {str(path.relative_to(stick)) for path in stick.rglob("*") if path.is_file()}
    assert "crm.sqlite3" in inside
    assert [name for name in inside if name.endswith(".ini")] == [
        os.path.join("settings", "desktop-crm", "desktop-crm.ini")
    ]
    assert (stick / "cache" / "matplotlib").is_dir()


def test_a_portable_folder_holds_every_settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """DESKTOP_CRM_HOME: a plain QSettings() (the export dialog's remembered folder and format) and Qt's own
    file dialog settings land in the portable folder too (they went to HOME/.config before)."""
    from PySide6.QtCore import QSettings

    from ui.exporter.dialog import ExportChoice, remember

    stick = tmp_path / "stick"
    monkeypatch.setenv("DESKTOP_CRM_HOME", str(stick))
    previous = QSettings.defaultFormat()
    try:
        ui_app.configure_application(QApplication.instance())  # type: ignore[arg-type]
        remember(ExportChoice(str(tmp_path / "out.csv"), "csv", "utf-8", "en"))
        qt_own = QSettings(QSettings.Scope.UserScope, "QtProject")
        qt_own.setValue("probe", 1)
        qt_own.sync()
        for path in (QSettings().fileName(), qt_own.fileName()):
            assert Path(path).is_relative_to(stick / "settings"), path
        ini = stick / "settings" / "desktop-crm" / "desktop-crm.ini"
        assert "export" in ini.read_text()
    finally:
        QSettings.setDefaultFormat(previous)


def test_the_database_opened_last_is_reopened_without_db(tmp_path: Path) -> None:
    settings = AppSettings()
    explicit = tmp_path / "given.sqlite3"
    assert ui_app.choose_database(explicit, settings) == explicit
    from desktop_crm.paths import default_db_path

    assert ui_app.choose_database(None, settings) == default_db_path()
    last = tmp_path / "last.sqlite3"
    last.write_bytes(b"")
    settings.last_database = str(last)
    assert ui_app.choose_database(None, settings) == last
    last.unlink()  # moved away since: fall back to the default
    assert ui_app.choose_database(None, settings) == default_db_path()


def test_a_portable_folder_wins_over_the_machines_remembered_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """DESKTOP_CRM_HOME: the machine's settings (another database remembered) are not read, and the
    settings are written inside the portable folder, with the database remembered relative to it."""
    elsewhere = tmp_path / "elsewhere.sqlite3"
    elsewhere.write_bytes(b"")
    machine = AppSettings()
    machine.last_database = str(elsewhere)  # the machine's settings remember another file
    machine.sync()
    stick = tmp_path / "stick"
    monkeypatch.setenv("DESKTOP_CRM_HOME", str(stick))
    ui_app.configure_application(QApplication.instance())  # type: ignore[arg-type]
    settings = AppSettings()
    assert ui_app.choose_database(None, settings) == stick / "crm.sqlite3"  # the fresh folder's own file
    (stick / "crm.sqlite3").parent.mkdir(parents=True)
    (stick / "crm.sqlite3").write_bytes(b"")
    settings.last_database = str(stick / "crm.sqlite3")
    settings.sync()
    written = list(stick.rglob("*.ini"))
    assert len(written) == 1
    text = written[0].read_text()
    assert "crm.sqlite3" in text and str(stick) not in text  # relative: the stick may be mounted elsewhere
    moved = tmp_path / "moved"
    stick.rename(moved)
    monkeypatch.setenv("DESKTOP_CRM_HOME", str(moved))
    ui_app.configure_application(QApplication.instance())  # type: ignore[arg-type]
    assert ui_app.choose_database(None, AppSettings()) == moved / "crm.sqlite3"
