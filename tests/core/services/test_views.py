"""Saved filter views."""

from __future__ import annotations

import pytest

from desktop_crm.client_list import ClientFilter
from desktop_crm.errors import ValidationError
from desktop_crm.models import User
from desktop_crm.services.views import delete_view, list_views, rename_view, save_view


def test_save_list_replace_rename_delete(db: object) -> None:
    me = User.create(name="王磊")
    other = User.create(name="陈静")
    flt = ClientFilter(grades=("A",), not_contacted_days=7)
    shared = save_view("clients", "A 类久未联系", flt.to_json())
    mine = save_view("clients", "我的", {"grades": ["B"]}, user_id=me.id)
    save_view("clients", "theirs", {}, user_id=other.id)
    assert [v.name for v in list_views("clients", me.id)] == ["A 类久未联系", "我的"]
    assert ClientFilter.from_json(list_views("clients")[0].definition) == flt
    again = save_view("clients", "a 类久未联系", {"grades": ["C"]})
    assert again.id == shared.id and len(list_views("clients")) == 1
    with pytest.raises(ValidationError, match="already exists"):
        rename_view(save_view("clients", "x", {}, me.id).id, "我的")
    delete_view(mine.id)
    assert [v.name for v in list_views("clients", me.id)] == ["a 类久未联系", "x"]


def test_bad_input(db: object) -> None:
    with pytest.raises(ValidationError, match="View name is required"):
        save_view("clients", "   ", {})
    with pytest.raises(ValidationError, match="not valid JSON"):
        save_view("clients", "bad", "{not json")
    with pytest.raises(ValidationError, match="Unknown page"):
        save_view("nowhere", "v", {})
