"""vCard files into a client's contacts: the parser (real-looking exports of iPhone, Android, Outlook,
WeChat/QQ; encodings; hypothesis round trips and random bytes) and the import service."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop_crm.errors import CrmError, ValidationError
from desktop_crm.models import Client, Contact, User
from desktop_crm.services.stakeholders import create_contact
from desktop_crm.services.vcards import import_vcards, phone_key, preview_vcards
from desktop_crm.vcard import parse_vcards


def _qp(text: str, charset: str = "utf-8") -> str:
    return "".join(f"={b:02X}" for b in text.encode(charset))


IPHONE = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nPRODID:-//Apple Inc.//iPhone OS 17.2//EN\r\n"
    "N:王;伟;;;\r\nFN:王伟\r\nORG:苏州恒达机械有限公司;采购部;\r\nTITLE:采购经理\r\n"
    "item1.TEL;type=pref:+86 138 0013 8000\r\nitem1.X-ABLabel:_$!<Mobile>!$_\r\n"
    "TEL;type=WORK;type=VOICE:0512-6666 8888\r\n"
    "EMAIL;type=INTERNET;type=WORK;type=pref:wangwei@hengda.example\r\n"
    "item2.ADR;type=WORK:;;工业园区星湖街 328 号;苏州;江苏;215000;中国\r\n"
    "NOTE:喜欢喝茶\\n周五下午不方便\r\nBDAY;value=date:1982-05-12\r\n"
    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/\r\n"
    " 2wBDAQMDAwQDBAgEBAgQCwkLEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBD/wAAR\r\n"
    "END:VCARD\r\n"
)

ANDROID_21 = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\n"
    f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp('李')};{_qp('娜')};;;\r\n"
    f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp('李娜')}\r\n"
    "TEL;CELL:139-1234-5678\r\nTEL;HOME:021-5555 1234\r\n"
    f"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp('技术评估负责人，关心售后响应速度，')}=\r\n"
    f"{_qp('每月第一周出差')}\r\n"
    "END:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:2.1\r\n"
    f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{_qp('欧阳')};{_qp('修')};;;\r\n"
    "TEL;CELL;PREF:+8613700001111\r\nEND:VCARD\r\n"
)

# An older Chinese phone: 2.1, GBK bytes in QUOTED-PRINTABLE, GB2312 label.
CHINESE_PHONE_GBK = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\n"
    f"N;CHARSET=GB2312;ENCODING=QUOTED-PRINTABLE:{_qp('赵', 'gbk')};{_qp('敏', 'gbk')}\r\n"
    "TEL;CELL:13800000001\r\n"
    f"ORG;CHARSET=GBK;ENCODING=QUOTED-PRINTABLE:{_qp('杭州中科仪器', 'gbk')}\r\n"
    f"TITLE;CHARSET=GBK;ENCODING=QUOTED-PRINTABLE:{_qp('总经理', 'gbk')}\r\n"
    "END:VCARD\r\n"
)

OUTLOOK = (
    "BEGIN:VCARD\r\nVERSION:2.1\r\nN;LANGUAGE=en-us:Walker;Anna\r\nFN:Anna Walker\r\n"
    "ORG:Acme Industrial Ltd.;Procurement\r\nTITLE:Head of Purchasing\r\n"
    "TEL;WORK;VOICE:(555) 010-2030\r\nTEL;CELL;VOICE:(555) 010-9999\r\n"
    "ADR;WORK;PREF:;;1 Main Street;Springfield;IL;62701;United States of America\r\n"
    "EMAIL;PREF;INTERNET:anna.walker@acme.example\r\nEMAIL;INTERNET:anna@home.example\r\n"
    "REV:20260115T101500Z\r\nEND:VCARD\r\n"
)

WECHAT_QQ = (
    'BEGIN:VCARD\nVERSION:4.0\nFN:陈晓东\nN:陈;晓东;;;\nTEL;VALUE=uri;TYPE="cell,voice";PREF=1:tel:+86-186-0000-2222\n'
    "IMPP:weixin:chenxd_1988\nX-QQ:10001\nROLE:决策者\nEMAIL:chenxd@qq.example\nEND:VCARD\n"
)


def test_iphone_export() -> None:
    [card] = parse_vcards(IPHONE.encode("utf-8"))
    assert card.problems == []
    assert (card.name, card.phone, card.email, card.title, card.department) == (
        "王伟",
        "+86 138 0013 8000",
        "wangwei@hengda.example",
        "采购经理",
        "采购部",
    )
    assert card.notes.splitlines()[:2] == ["喜欢喝茶", "周五下午不方便"]
    assert "TEL (work): 0512-6666 8888" in card.notes
    assert "ORG: 苏州恒达机械有限公司" in card.notes and card.birthday == "1982-05-12"
    assert "/9j/" not in card.notes  # the photo is not text


def test_android_quoted_printable_with_soft_line_breaks() -> None:
    first, second = parse_vcards(ANDROID_21.encode("ascii"))
    assert (first.name, first.phone) == ("李娜", "139-1234-5678")
    assert first.notes.startswith("技术评估负责人，关心售后响应速度，每月第一周出差")
    assert "TEL (home): 021-5555 1234" in first.notes
    assert second.name == "欧阳修"  # from N: family name first, no space
    assert second.phone == "+8613700001111"
    assert second.number == 2


def test_chinese_phone_gbk_charset() -> None:
    [card] = parse_vcards(CHINESE_PHONE_GBK.encode("ascii"))
    assert (card.name, card.title) == ("赵敏", "总经理")
    assert "ORG: 杭州中科仪器" in card.notes


def test_outlook_export() -> None:
    [card] = parse_vcards(OUTLOOK.encode("cp1252"))
    assert (card.name, card.title, card.department) == ("Anna Walker", "Head of Purchasing", "Procurement")
    assert card.phone == "(555) 010-9999"  # the mobile before the work line when none is preferred
    assert card.email == "anna.walker@acme.example"
    assert "EMAIL: anna@home.example" in card.notes
    assert "TEL (work): (555) 010-2030" in card.notes


def test_wechat_and_qq_vcard_4() -> None:
    [card] = parse_vcards(WECHAT_QQ.encode("utf-8"))
    assert (card.name, card.phone, card.wechat, card.title) == (
        "陈晓东",
        "+86-186-0000-2222",
        "chenxd_1988",
        "决策者",
    )
    assert "X-QQ: 10001" in card.notes


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("gbk"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("utf-16-le"),
        lambda t: t.encode("utf-16-be"),
    ],
    ids=["utf-8", "utf-8-bom", "gbk", "utf-16-bom", "utf-16-le", "utf-16-be"],
)
def test_file_encodings(encode) -> None:  # type: ignore[no-untyped-def]
    text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:张伟\r\nTITLE:总监\r\nNOTE:第一行\\n第二行\r\nEND:VCARD\r\n"
    [card] = parse_vcards(encode(text))
    assert (card.name, card.title, card.notes) == ("张伟", "总监", "第一行\n第二行")


def test_unfolding_and_escapes() -> None:
    text = (
        "BEGIN:VCARD\nVERSION:3.0\nFN:Anna\n  Walker\nNOTE:a\\, b\\; c\\\\d\\Ne\n"
        "item1.EMAIL;TYPE=INTERNET:a@b.example\nEND:VCARD\n"
    )
    [card] = parse_vcards(text.encode())
    assert card.name == "Anna Walker"
    assert card.notes == "a, b; c\\d\ne"
    assert card.email == "a@b.example"


def test_name_from_n_western_order() -> None:
    [card] = parse_vcards(b"BEGIN:VCARD\nVERSION:3.0\nN:Walker;Anna;Marie;Dr.;PhD\nEND:VCARD\n")
    assert card.name == "Dr. Anna Marie Walker PhD"


def test_malformed_cards_are_numbered() -> None:
    text = "BEGIN:VCARD\nVERSION:3.0\nTEL:123\nEND:VCARD\nBEGIN:VCARD\nFN:Ok\nEND:VCARD\nBEGIN:VCARD\nFN:Cut"
    cards = parse_vcards(text.encode())
    assert [c.number for c in cards] == [1, 2, 3]
    assert [p.code for p in cards[0].problems] == ["vcard.no_name"]
    assert cards[1].problems == []
    assert [p.code for p in cards[2].problems] == ["vcard.unterminated"]
    assert "Card 3" in str(cards[2].problems[0])


@pytest.mark.parametrize(
    "data,code",
    [
        (b"", "vcard.no_cards"),
        (b"name,phone\nA,1\n", "vcard.no_cards"),
        (b"BEGIN:VCARD\n\x80\x81\xfe\xff" * 3, "vcard.undecodable"),
        (b"\xff\xfeB\x00E", "vcard.undecodable"),
        (b"BEGIN:VCARD\nFN:a\nEND:VCARD\n" * 10_001, "vcard.too_many_cards"),
    ],
)
def test_files_that_are_not_vcards(data: bytes, code: str) -> None:
    with pytest.raises(CrmError) as caught:
        parse_vcards(data)
    assert caught.value.code == code


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")


_text = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\u0085"),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    name=_text,
    note=_text,
    version=st.sampled_from(["3.0", "4.0"]),
    encoding=st.sampled_from(["utf-8", "utf-16"]),
)
def test_written_cards_round_trip(name: str, note: str, version: str, encoding: str) -> None:
    text = f"BEGIN:VCARD\r\nVERSION:{version}\r\nFN:{_escape(name)}\r\nNOTE:{_escape(note)}\r\nEND:VCARD\r\n"
    [card] = parse_vcards(text.encode(encoding))
    assert (card.name, card.notes) == (name, note)


@settings(max_examples=100, deadline=None)
@given(name=_text, note=_text)
def test_quoted_printable_round_trip(name: str, note: str) -> None:
    def qp_folded(value: str) -> str:  # soft line breaks every 30 characters, as phones write them
        encoded = _qp(value.replace(";", "\\;"))  # 2.1 escapes only ';'

        return "=\r\n".join(encoded[i : i + 30] for i in range(0, len(encoded), 30))

    text = (
        "BEGIN:VCARD\r\nVERSION:2.1\r\n"
        f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp_folded(name)}\r\n"
        f"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp_folded(note)}\r\nEND:VCARD\r\n"
    )
    [card] = parse_vcards(text.encode("ascii"))
    assert (card.name, card.notes) == (name.strip(), note.strip())


@settings(max_examples=300, deadline=None)
@given(data=st.binary(max_size=400), wrap=st.booleans())
def test_random_bytes_never_crash(data: bytes, wrap: bool) -> None:
    if wrap:
        data = b"BEGIN:VCARD\r\n" + data + b"\r\nEND:VCARD\r\n"
    try:
        cards = parse_vcards(data)
    except CrmError:
        return
    for card in cards:
        assert isinstance(card.name, str)
        card.fields()


# --- the import service ----------------------------------------------------------------------------------


@pytest.fixture
def client(db: object) -> Client:
    owner = User.create(name="王磊")
    client = Client.create(name="苏州恒达机械有限公司", owner=owner)
    create_contact(client.id, "王伟", phone="138 0013 8000")
    return client


def _names(client: Client) -> list[str]:
    query = (
        Contact.select().where(Contact.client == client.id, Contact.deleted_at.is_null()).order_by(Contact.id)
    )
    return [c.name for c in query]


def test_phone_key() -> None:
    assert phone_key("+86 138 0013 8000") == phone_key("138-0013-8000") == "13800138000"


def test_import_skips_duplicates_by_phone_and_name(client: Client) -> None:
    cards = parse_vcards((IPHONE + ANDROID_21 + WECHAT_QQ).encode("utf-8"))
    previews = preview_vcards(client.id, cards)
    assert [p.duplicate_of for p in previews] == ["王伟", None, None, None]
    result = import_vcards(client.id, cards, "skip")
    assert (result.created, result.updated, result.skipped_duplicates) == (3, 0, 1)
    assert _names(client) == ["王伟", "李娜", "欧阳修", "陈晓东"]
    li = Contact.get(Contact.name == "李娜")
    assert li.phone == "139-1234-5678" and "每月第一周出差" in li.notes
    assert Contact.get(Contact.name == "陈晓东").wechat == "chenxd_1988"


def test_import_updates_duplicates(client: Client) -> None:
    cards = parse_vcards(IPHONE.encode("utf-8"))
    result = import_vcards(client.id, cards, "update")
    assert (result.created, result.updated) == (0, 1)
    wang = Contact.get(Contact.name == "王伟")
    assert (wang.title, wang.email, wang.department) == ("采购经理", "wangwei@hengda.example", "采购部")
    assert "喜欢喝茶" in wang.notes
    import_vcards(client.id, cards, "update")  # the same notes are not added twice
    assert Contact.get_by_id(wang.id).notes.count("喜欢喝茶") == 1


def test_birthday_into_the_field_or_the_notes(client: Client) -> None:
    """A full past BDAY goes to the contact's birthday when the contact has one; a partial one
    (--0512: no year) to the notes."""
    from desktop_crm.services.stakeholders import CONTACT_FIELDS

    text = (
        "BEGIN:VCARD\nVERSION:4.0\nFN:Anna\nBDAY:19820512\nEND:VCARD\n"
        "BEGIN:VCARD\nVERSION:4.0\nFN:Bob\nBDAY:--0512\nEND:VCARD\n"
    )
    import_vcards(client.id, parse_vcards(text.encode()))
    anna, bob = Contact.get(Contact.name == "Anna"), Contact.get(Contact.name == "Bob")
    assert "BDAY: --0512" in bob.notes
    if "birthday" in CONTACT_FIELDS:
        assert str(anna.birthday) == "1982-05-12" and "BDAY" not in anna.notes
    else:
        assert "BDAY: 1982-05-12" in anna.notes


def test_import_creates_duplicates_when_asked(client: Client) -> None:
    result = import_vcards(client.id, parse_vcards(IPHONE.encode("utf-8")), "create")
    assert result.created == 1
    assert _names(client) == ["王伟", "王伟"]


def test_malformed_card_stops_everything_unless_skipped(client: Client) -> None:
    text = ANDROID_21 + "BEGIN:VCARD\nVERSION:3.0\nTEL:123\nEND:VCARD\n"
    cards = parse_vcards(text.encode("utf-8"))
    with pytest.raises(ValidationError) as caught:
        import_vcards(client.id, cards, "skip")
    assert caught.value.code == "vcard.invalid_cards" and caught.value.params["number"] == 3
    assert _names(client) == ["王伟"]  # nothing written
    result = import_vcards(client.id, cards, "skip", skip_invalid=True)
    assert (result.created, result.skipped_invalid) == (2, 1)


def test_a_value_the_contact_cannot_take_is_a_problem(client: Client) -> None:
    cards = parse_vcards(f"BEGIN:VCARD\nVERSION:3.0\nFN:{'长' * 101}\nEND:VCARD\n".encode())
    [preview] = preview_vcards(client.id, cards)
    assert [p.code for p in preview.problems] == ["too_long"]
    with pytest.raises(ValidationError):
        import_vcards(client.id, cards)
    assert _names(client) == ["王伟"]


def test_bad_arguments(client: Client) -> None:
    with pytest.raises(ValidationError) as caught:
        import_vcards(client.id, [], "merge")
    assert caught.value.code == "vcard.bad_on_duplicate"
    with pytest.raises(ValidationError):
        import_vcards(client.id, ["BEGIN:VCARD"])  # type: ignore[list-item]
    with pytest.raises(CrmError):
        import_vcards(999_999, [])
