"""An Agg renderer that rasterises each distinct text once (imported only once matplotlib is).

Text is half of a chart's render: for every tick label, legend entry and title, on every render, Agg lays
the string out with FreeType, renders each glyph and blends it, and ``Text`` looks the font up again to
measure the line height. A redraw of a dashboard chart writes the same few dozen strings as the last one,
so :class:`CachingRenderer` keeps

- each string's glyphs composed into one grey bitmap, keyed by the string, the font properties and the
  dpi, drawn with a single ``draw_text_image`` call at the text's position rounded to the pixel (Agg
  itself places glyphs at 1/64 px: the difference is under half a pixel, the glyph shapes are the same);
- each font's line metrics (``_get_font_height_metrics``, which ``Text`` asks the renderer for before
  looking the font up itself), computed exactly as ``Text._get_layout`` would;
- each string's extent (``get_text_width_height_descent``): matplotlib caches it per renderer, so each
  chart's canvas measured every tick label, title and legend entry again on its first layout; shared,
  the eight charts of the dashboard measure a month's name or a money label once.

Rotated, mathematical, non-antialiased text and text with font features or a language go the usual way.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.backends.backend_agg import RendererAgg, get_hinting_flag
from matplotlib.font_manager import FontProperties, fontManager, get_font
from matplotlib.ft2font import RenderMode

MAX_ENTRIES = 4000
_bitmaps: dict[tuple[Any, ...], tuple[Any, int, int] | None] = {}
_metrics: dict[tuple[Any, ...], tuple[float | None, float | None, float | None]] = {}
_extents: dict[tuple[Any, ...], tuple[float, float, float]] = {}


def _font_key(prop: FontProperties) -> tuple[Any, ...]:
    return (
        tuple(prop.get_family()),
        prop.get_style(),
        prop.get_variant(),
        prop.get_weight(),
        prop.get_stretch(),
        prop.get_size_in_points(),
        prop.get_file(),
    )


def _plain(gc: Any, angle: float, ismath: Any, mtext: Any) -> bool:
    """Text the caches serve: not mathematical, not rotated, antialiased, no font features or language."""
    return (
        not ismath
        and angle % 360 == 0
        and gc.get_antialiased()
        and (mtext is None or (not mtext.get_fontfeatures() and mtext.get_language() is None))
    )


def clear_caches() -> None:
    _bitmaps.clear()
    _metrics.clear()
    _extents.clear()


class CachingRenderer(RendererAgg):  # type: ignore[misc]
    """``RendererAgg`` with the text caches described in the module docstring."""

    def _get_font_height_metrics(
        self, prop: FontProperties
    ) -> tuple[float | None, float | None, float | None]:
        key = (_font_key(prop), self.dpi)
        if key in _metrics:
            return _metrics[key]
        font = get_font(fontManager._find_fonts_by_props(prop))
        found: tuple[float | None, float | None, float | None] = (None, None, None)  # Text measures
        for table_name, gap_key, ascent_key, descent_key in (
            ("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
            ("hhea", "lineGap", "ascent", "descent"),
        ):
            table = font.get_sfnt_table(table_name)
            if table is None:
                continue
            scale = 1 / font.get_sfnt_table("head")["unitsPerEm"] * prop.get_size_in_points() * self.dpi / 72
            found = (table[ascent_key] * scale, -table[descent_key] * scale, table[gap_key] * scale)
            break
        if len(_metrics) > MAX_ENTRIES:
            _metrics.clear()
        _metrics[key] = found
        return found

    def get_text_width_height_descent(
        self, s: str, prop: FontProperties, ismath: Any
    ) -> tuple[float, float, float]:
        if ismath is not False:  # mathematical text and TeX: measured the usual way
            return tuple(super().get_text_width_height_descent(s, prop, ismath))  # type: ignore[return-value]
        key = (s, _font_key(prop), self.dpi)
        found = _extents.get(key)
        if found is None:
            w, h, d = super().get_text_width_height_descent(s, prop, ismath)
            found = (float(w), float(h), float(d))
            if len(_extents) > MAX_ENTRIES:
                _extents.clear()
            _extents[key] = found
        return found

    def draw_text(
        self,
        gc: Any,
        x: float,
        y: float,
        s: str,
        prop: FontProperties,
        angle: float,
        ismath: Any = False,
        mtext: Any = None,
    ) -> None:
        if not _plain(gc, angle, ismath, mtext):
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
            return
        key = (s, _font_key(prop), self.dpi)
        if key in _bitmaps:
            entry = _bitmaps[key]
        else:
            entry = self._rasterise(s, prop)
            if len(_bitmaps) > MAX_ENTRIES:
                _bitmaps.clear()
            _bitmaps[key] = entry
        if entry is None:
            return
        image, left, top = entry
        # FreeType's y is upwards from the bottom; draw_text_image's y is downwards, the bitmap's bottom.
        origin_x, origin_y = round(x), round(self.height - y)
        self._renderer.draw_text_image(
            image, origin_x + left, int(self.height) - (origin_y + top) + image.shape[0], 0, gc
        )

    def _rasterise(self, s: str, prop: FontProperties) -> tuple[Any, int, int] | None:
        """The string's glyphs as one grey image, and its left and top edges (FreeType's pixels, y up)
        relative to the text's origin (``draw_text``'s layout, at angle 0)."""
        font = self._prepare_font(prop)
        size = prop.get_size_in_points()
        flags = get_hinting_flag()
        glyphs = []
        for item in font._layout(s, flags=flags, features=None, language=None):
            face = item.ft_object
            face.set_size(size, self.dpi)
            face._set_transform(
                np.array([[0x10000, 0], [0, 0x10000]]), [round(0x40 * item.x), round(0x40 * item.y)]
            )
            bitmap = face._render_glyph(item.glyph_index, flags, RenderMode.NORMAL)
            buffer = np.array(bitmap.buffer, dtype=np.uint8)
            if buffer.size:
                glyphs.append((int(bitmap.left), int(bitmap.top), buffer))
        if not glyphs:
            return None
        left = min(g[0] for g in glyphs)
        right = max(g[0] + g[2].shape[1] for g in glyphs)
        top = max(g[1] for g in glyphs)
        bottom = min(g[1] - g[2].shape[0] for g in glyphs)
        image = np.zeros((top - bottom, right - left), dtype=np.uint8)
        for glyph_left, glyph_top, buffer in glyphs:
            rows, columns = buffer.shape
            row, column = top - glyph_top, glyph_left - left
            region = image[row : row + rows, column : column + columns]
            np.maximum(region, buffer, out=region)
        return image, left, top


class TextSurvey(CachingRenderer):
    """A render that draws nothing: it measures every text (the extents cache fills as in a real render)
    and lists the plain texts not rasterised yet, for :meth:`rasterise_some` to rasterise a few at a time
    (the dashboard's idle-time warm-up: a whole chart's first render took up to 65 ms in one go)."""

    def __init__(self, width: float, height: float, dpi: float) -> None:
        super().__init__(width, height, dpi)
        self.pending: dict[tuple[Any, ...], tuple[str, FontProperties]] = {}
        nothing = self._draw_nothing
        self.draw_gouraud_triangles = nothing
        self.draw_image = nothing
        self.draw_markers = nothing
        self.draw_path_collection = nothing
        self.draw_quad_mesh = nothing

    @staticmethod
    def _draw_nothing(*_args: Any, **_kwargs: Any) -> None:
        return None

    def draw_path(self, gc: Any, path: Any, transform: Any, rgbFace: Any = None) -> None:  # noqa: N803
        return None

    def draw_text(
        self,
        gc: Any,
        x: float,
        y: float,
        s: str,
        prop: FontProperties,
        angle: float,
        ismath: Any = False,
        mtext: Any = None,
    ) -> None:
        if not _plain(gc, angle, ismath, mtext):
            return  # drawn the usual way when shown: nothing to keep
        key = (s, _font_key(prop), self.dpi)
        if key not in _bitmaps:
            self.pending[key] = (s, prop.copy())

    def rasterise_some(self, budget_s: float) -> bool:
        """Rasterise pending texts for about ``budget_s`` seconds; True when none is left."""
        import time

        deadline = time.perf_counter() + budget_s
        while self.pending and time.perf_counter() < deadline:
            key, (s, prop) = next(iter(self.pending.items()))
            del self.pending[key]
            if key not in _bitmaps:
                if len(_bitmaps) > MAX_ENTRIES:
                    _bitmaps.clear()
                _bitmaps[key] = self._rasterise(s, prop)
        return not self.pending
