"""Export: Markdown with front matter, standalone HTML pages, clipboard fragments, safe files.

Import from the submodules (`markdown`, `html`, `files`); this package imports nothing
heavy so the CLI and GUI stay quick to start.
"""
