"""Charts: pure draw functions over a matplotlib ``Axes`` and the Qt canvas that hosts them."""
