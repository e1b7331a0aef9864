"""The unified social credit code check (GB 32100-2015), with codes published by real companies."""

from __future__ import annotations

import random

import pytest

from desktop_crm import credit_code
from desktop_crm.demo.care import credit_code_for

# Published on each company's business licence (国家企业信用信息公示系统).
REAL_CODES = (
    "914403001922038216",  # 华为技术有限公司
    "91440300708461136T",  # 深圳市腾讯计算机系统有限公司
    "91330100799655058B",  # 阿里巴巴（中国）有限公司
    "91110000802100433B",  # 北京百度网讯科技有限公司
    "91350100M000100Y43",  # the example of GB 32100-2015
)


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_codes_are_valid(code: str) -> None:
    assert credit_code.problem(code) is None
    assert credit_code.is_valid(code)
    assert credit_code.check_character(code[:17]) == code[17]


@pytest.mark.parametrize("code", REAL_CODES)
def test_any_single_changed_character_is_caught(code: str) -> None:
    for position in range(18):
        for replacement in credit_code.ALPHABET:
            if replacement == code[position]:
                continue
            changed = code[:position] + replacement + code[position + 1 :]
            if position in range(2, 8) and not replacement.isdigit():
                assert credit_code.problem(changed) == "division"
            else:
                assert credit_code.problem(changed) == "check", changed


def test_the_kinds_of_problem() -> None:
    assert credit_code.problem("91440300708461136") == "length"
    assert credit_code.problem("91440300708461136TX") == "length"
    assert credit_code.problem("9144030070846113IT") == "character"  # I is never used
    assert credit_code.problem("91A40300708461136T") == "division"
    assert credit_code.problem("91440300708461136X") == "check"


def test_typing_is_forgiving_about_spaces_hyphens_and_case() -> None:
    assert credit_code.normalise(" 9144 0300-7084 6113 6t ") == "91440300708461136T"
    assert credit_code.is_valid("9144 0300 7084 6113 6t")


def test_the_demo_writes_valid_codes() -> None:
    rng = random.Random(3)
    assert all(credit_code.is_valid(credit_code_for(rng)) for _ in range(200))
