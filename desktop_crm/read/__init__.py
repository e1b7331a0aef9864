"""Read models: what the pages, the CLI and the benchmarks read, as plain data (no Qt, no writes).

One module per area: ``client_page`` (the client hub), ``followups`` (the follow-up dialog and
timeline), ``deals`` (the deal dialogs), ``today`` (the agenda), ``choices`` (pick lists),
``users`` (who is working), ``pipeline`` (the board), ``size`` (whether a file is large enough for
reads to belong off the GUI thread).
"""
