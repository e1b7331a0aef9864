"""The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
alphabet (digits and capital letters without I, O, Z, S, V); the last one is a check character.

Layout: 1 registration authority, 2 organisation type, 3-8 administrative division (digits),
9-17 the organisation code (GB 11714), 18 the check character: with the weights ``3^i mod 31``
(i = 0..16) the check character's value is ``31 - (Σ value × weight) mod 31`` (31 becomes 0).
"""

from __future__ import annotations

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, ...
LENGTH = 18


def normalise(text: str) -> str:
    """The code as typed, without spaces and hyphens, in capitals (``9144 0300-...`` → ``914403...``)."""
    return "".join(ch for ch in text if ch not in " -\u3000\t").upper()


def check_character(first17: str) -> str:
    """The check character of the first 17 characters (all from ``ALPHABET``)."""
    total = sum(_VALUE[ch] * weight for ch, weight in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def problem(code: str) -> str | None:
    """Why ``code`` (already normalised) is not a valid credit code, or None when it is:
    ``"length"``, ``"character"`` (outside the alphabet), ``"division"`` (characters 3-8 not digits)
    or ``"check"`` (the check character does not match)."""
    if len(code) != LENGTH:
        return "length"
    if any(ch not in _VALUE for ch in code):
        return "character"
    if not code[2:8].isdigit():
        return "division"
    if check_character(code[:17]) != code[17]:
        return "check"
    return None


def is_valid(code: str) -> bool:
    return problem(normalise(code)) is None
