"""The page's practice tally ("On this page: 3 of 41 answered, 2 right"), as an empty paragraph the build writes.

mla.js fills the paragraph in and shows it. It used to add the paragraph itself, before the page's first question
or case study; an element added to the article makes the browser restyle the article, and on a long chapter
that single insertion was a task of about 0.1 s under Lighthouse's mobile preset (4x CPU slowdown), enough on
its own to keep the chapter under 90. Written by the build, the paragraph is already in place: mla.js only
changes its text and its `hidden` attribute. Without JavaScript it stays hidden, as there is nothing to tally.
"""

from __future__ import annotations

import re

from markdown import Markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

TALLY = '<p class="mla-tally" hidden></p>'
FIRST = re.compile(r'<(?:section class="mla-case"|div class="mla-q")[ >]')  # question.html, case_study.html


class Tally(Postprocessor):
    def run(self, text: str) -> str:
        first = FIRST.search(text)
        return text if first is None else f"{text[:first.start()]}{TALLY}\n{text[first.start():]}"


class TallyExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After the raw-HTML postprocessor (30) has put the questions, which macros write as raw HTML, back
        md.postprocessors.register(Tally(md), "mla-tally", 4)
