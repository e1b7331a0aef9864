"""An answer's plain text as rich text: blank lines separate paragraphs, "- " lines are list items."""

from __future__ import annotations

import html
import re

_CODE = re.compile(r"`([^`]+)`")


def _inline(text: str) -> str:
    return _CODE.sub(r"<code>\1</code>", html.escape(text))


def answer_html(answer: str) -> str:
    blocks: list[str] = []
    for block in re.split(r"\n\s*\n", answer.strip()):
        lines = [line.rstrip() for line in block.splitlines() if line.strip()]
        text: list[str] = []
        items: list[str] = []
        for line in lines:
            if line.lstrip().startswith("- "):
                items.append(_inline(line.lstrip()[2:]))
            else:
                if items:
                    blocks.append(_paragraph(text) + _list(items))
                    text, items = [], []
                text.append(_inline(line))
        blocks.append(_paragraph(text) + _list(items))
    return "".join(b for b in blocks if b)


def _paragraph(lines: list[str]) -> str:
    return f"<p>{'<br>'.join(lines)}</p>" if lines else ""


def _list(items: list[str]) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>" if items else ""
