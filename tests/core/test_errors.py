"""Domain errors carry a stable code from the catalogue, their parameters and an English sentence."""

from __future__ import annotations

import ast
import pickle
import re
import string
from pathlib import Path

import pytest

from desktop_crm.errors import CrmError, DatabaseVersionError, NotFoundError, ValidationError
from desktop_crm.messages import LABELS, MESSAGES, money_text, render
from desktop_crm.services.clients import create_client
from desktop_crm.services.common import require_cents, require_text
from desktop_crm.services.payments import record_payment

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "desktop_crm").rglob("*.py")) + sorted((ROOT / "ui").rglob("*.py"))
CATALOGUES = {ROOT / "desktop_crm" / "messages.py", ROOT / "ui" / "service_text.py"}
CODE = re.compile(r"^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$")
# Validators whose argument at this position is a field label (translated by the interface).
LABEL_ARGUMENT = {
    "require_text": 2,
    "optional_text": 2,
    "long_text": 2,
    "require_enum": 3,
    "optional_enum": 3,
    "require_cents": 2,
    "require_int": 2,
    "require_date": 2,
    "optional_date": 2,
    "require_datetime": 2,
    "get_record": 2,
    "_parse_date": 2,
}


def _trees() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8"))) for path in SOURCES if path not in CATALOGUES]


def _error_classes(trees: list[tuple[Path, ast.Module]]) -> set[str]:
    """CrmError and every class anywhere that derives from it (by name)."""
    names = {"CrmError", "ValidationError", "NotFoundError", "DatabaseVersionError"}
    classes = [node for _path, tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    changed = True
    while changed:
        changed = False
        for node in classes:
            bases = {b.id if isinstance(b, ast.Name) else getattr(b, "attr", "") for b in node.bases}
            if node.name not in names and bases & names:
                names.add(node.name)
                changed = True
    return names


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _literal_codes(arg: ast.expr) -> list[str] | None:
    """The codes a first argument can take, or None when it is not built from literals."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return [arg.value]
    if isinstance(arg, ast.IfExp):
        body, orelse = _literal_codes(arg.body), _literal_codes(arg.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


def test_every_raise_site_names_a_registered_code() -> None:
    trees = _trees()
    classes = _error_classes(trees)
    problems = []
    sites = 0
    for path, tree in trees:
        if path == ROOT / "desktop_crm" / "errors.py":  # the mechanism itself (``at`` re-raises a code)
            continue
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and _called(node) in classes):
                continue
            if isinstance(node.func, ast.Attribute) and node.func.attr == "__init__":
                continue
            sites += 1
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            codes = _literal_codes(node.args[0]) if node.args else None
            if codes is None:
                problems.append(f"{where}: the code is not a string literal")
                continue
            problems += [f"{where}: {code!r} is not in MESSAGES" for code in codes if code not in MESSAGES]
    assert sites > 150
    assert problems == []


def test_every_code_is_used_and_well_formed() -> None:
    literals = {
        node.value
        for _path, tree in _trees()
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    assert [code for code in MESSAGES if not CODE.match(code)] == []
    assert sorted(code for code in MESSAGES if code not in literals) == []


def test_templates_are_sentences_with_named_placeholders() -> None:
    for code, template in MESSAGES.items():
        fields = [
            name for _text, name, _spec, _conv in string.Formatter().parse(template) if name is not None
        ]
        assert all(name and name.isidentifier() for name in fields), code
        assert template.strip() == template and template, code


def test_every_label_a_validator_names_is_in_the_catalogue() -> None:
    used = set()
    for _path, tree in _trees():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            position = LABEL_ARGUMENT.get(_called(node))
            if position is not None and len(node.args) > position:
                arg = node.args[position]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    used.add(arg.value)
    classes = _error_classes(_trees())
    for _path, tree in _trees():  # labels given to an error directly: NotFoundError(..., label="Next step")
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called(node) in classes:
                for keyword in node.keywords:
                    name, value = keyword.arg or "", keyword.value
                    if (name == "label" or name.endswith("_label")) and isinstance(value, ast.Constant):
                        used.add(value.value)
    assert used and sorted(used - set(LABELS)) == []


def test_code_params_field_and_message(db: object) -> None:
    with pytest.raises(ValidationError) as info:
        create_client("甲", short_name="x" * 101)
    error = info.value
    assert error.code == "too_long" and error.field == "short_name"
    assert error.params == {"label": "Short name", "length": 101, "max_length": 100}
    assert error.message == "Short name is too long (101 characters, at most 100)." == str(error)
    with pytest.raises(NotFoundError) as missing:
        record_payment(999, 100, "2026-01-01")
    assert missing.value.code == "record.missing" and missing.value.params == {"label": "Contract", "id": 999}
    assert str(missing.value) == "Contract #999 does not exist." and missing.value.field is None


def test_money_params_are_written_as_amounts() -> None:
    assert money_text(123456789) == "1,234,567.89" and money_text(-5) == "-0.05" and money_text(0) == "0.00"
    error = ValidationError("payment.overpaid", "amount_cents", amount_cents=150_000, owed_cents=1_000)
    assert str(error) == (
        "Amount: 1,500.00 is more than the 10.00 still owed on this contract; confirm to record an overpayment."
    )
    with pytest.raises(ValidationError) as info:
        require_cents(0, "amount_cents", "Amount", allow_zero=False)
    assert info.value.code == "not_positive" and str(info.value) == "Amount must be more than 0."


def test_an_error_moved_to_another_field_keeps_its_code() -> None:
    with pytest.raises(ValidationError) as info:
        require_text("", "name", "Name")
    moved = info.value.at("custom:3")
    assert (moved.code, moved.params, moved.field, moved.message) == (
        "required",
        {"label": "Name"},
        "custom:3",
        "Name is required.",
    )
    assert NotFoundError("record.deleted", label="Client", id=4).at("client_id").field == "client_id"


def test_errors_survive_pickling() -> None:
    for error in (
        ValidationError("out_of_range", "score", label="Score", low=0, high=100),
        DatabaseVersionError("db.newer_version", version=12, latest=10),
        CrmError("cli.from_after_to"),
    ):
        copy = pickle.loads(pickle.dumps(error))
        assert type(copy) is type(error)
        assert (copy.code, copy.params, copy.field, str(copy)) == (
            error.code,
            error.params,
            error.field,
            str(error),
        )


def test_an_unknown_code_is_refused() -> None:
    with pytest.raises(KeyError):
        render("no.such.code", {})
