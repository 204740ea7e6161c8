"""What is not article text: loops, echoed prompts, JSON/markup debris, junk headings.

Small models (and large ones on a bad day) repeat a sentence until the output limit, copy
the instructions they were given into the answer, leave pieces of JSON in a field, or name
a section "Level 1". These checks find such text so the flow can cut it, retry once, or
replace it from the brief — never ship it as an article.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.core.analysis.language import latin_share
from app.core.textutil import WORD_RE, count_words, fold_accents

LOOP_NGRAM = 8           # eight words repeated word for word: the model is looping
ECHO_NGRAM = 4           # four-word runs shared with the prompt: the model is echoing it
_WORD = WORD_RE   # the analysis' own word (elisions, hyphens, decimals kept together)
_LABEL_LINE = re.compile(r"^\s*[-*]?\s*([^\W\d_][\w ()'’/-]{1,40}?)\s*:\s*(\S|$)", re.MULTILINE)
_DEBRIS = re.compile(r"[{}\[\]<>|\\]|\"\s*[:,]|[:,]\s*\"|\b(?:meta_description|meta_title|title_candidates|"
                     r"slug|h1|outline|heading|notes|json|null|true|false)\b\s*[:\"»]",
                     re.IGNORECASE)
_PLACEHOLDER = re.compile(r"^(?:level|niveau|section|heading|titre|title|h[1-6]|part|partie|page|"
                          r"chapter|chapitre|step|étape|etape|point|item|subheading|sous-titre)"
                          r"\s*[\d.:ivx-]*$", re.IGNORECASE)


def _tokens(text: str) -> list[tuple[int, str]]:
    return [(m.start(), fold_accents(m.group()).lower()) for m in _WORD.finditer(text)]


def loop_start(text: str, n: int = LOOP_NGRAM) -> int | None:
    """Character offset where `text` starts repeating an earlier run of `n` words, or None.
    The cut falls at the start of the sentence holding the repeat."""
    tokens = _tokens(text)
    seen: dict[tuple[str, ...], int] = {}
    for i in range(len(tokens) - n + 1):
        gram = tuple(w for _, w in tokens[i:i + n])
        first = seen.get(gram)
        if first is not None and first + n <= i:
            return sentence_start(text, tokens[i][0])
        seen.setdefault(gram, i)
    return None


def sentence_start(text: str, offset: int) -> int:
    """Start of the sentence (or line) that holds `offset`."""
    head = text[:offset]
    cut = max(head.rfind(". "), head.rfind("! "), head.rfind("? "), head.rfind("\n"))
    return cut + 1 if cut >= 0 else 0


@dataclass(frozen=True, slots=True)
class EchoIndex:
    """What the prompts said, to recognise it in an answer: their word runs (keyword words
    left out: they belong in the article as much as in the prompt) and how their lines and
    sentences begin."""

    grams: frozenset[tuple[str, ...]]
    openers: frozenset[str]
    skip: frozenset[str]
    vocabulary: frozenset[str] = frozenset()    # the prompts' words of four letters or more

    @classmethod
    def build(cls, prompts: Iterable[str], keyword: str, instructions: Iterable[str] = (),
              openers: Iterable[str] = ()) -> EchoIndex:
        """`instructions`: texts whose sentence openings are echoes ("you are an" of a system
        prompt); `openers`: the language's words for talking about the task instead of doing it."""
        skip = frozenset(w for _, w in _tokens(keyword))
        prompts = list(prompts)
        grams: set[tuple[str, ...]] = set()
        for prompt in prompts:
            words = [w for _, w in _tokens(prompt) if w not in skip]
            grams.update(tuple(words[i:i + ECHO_NGRAM]) for i in range(len(words) - ECHO_NGRAM + 1))
        found = {" ".join(w for _, w in _tokens(o)) for o in openers if o.strip()}
        for prompt in prompts:
            for m in _LABEL_LINE.finditer(prompt):
                found.add(" ".join(w for _, w in _tokens(m.group(1))))
        for text in instructions:
            for sentence in re.split(r"(?<=[.:!?])\s+|\n", text):
                words = [w for _, w in _tokens(sentence)]
                if len(words) >= 3:
                    found.add(" ".join(words[:3]))
        vocabulary = frozenset(w for prompt in prompts for _, w in _tokens(prompt)
                               if len(w) >= 4 and w not in skip)
        return cls(frozenset(grams), frozenset(found), skip, vocabulary)

    def worded_like_prompt(self, text: str) -> bool:
        """A short field (a heading, a title) whose own words mostly come from the prompt:
        "3 sections (three-to-nine words)", "best hiking boots (SEO title)"."""
        words = [w for _, w in _tokens(text) if len(w) >= 4 and w not in self.skip]
        return bool(words) and sum(w in self.vocabulary for w in words) * 2 >= len(words)

    def echoed(self, text: str) -> bool:
        """Taken from the prompt rather than written for the article: it opens the way a
        prompt line or sentence does, or 40 % of its word runs are the prompt's."""
        first = _LABEL_LINE.match(text)
        if first and " ".join(w for _, w in _tokens(first.group(1))) in self.openers:
            return True
        words = [w for _, w in _tokens(text)]
        if any(" ".join(words[:size]) in self.openers for size in range(1, min(4, len(words)) + 1)):
            return True
        words = [w for w in words if w not in self.skip]
        runs = [tuple(words[i:i + ECHO_NGRAM]) for i in range(len(words) - ECHO_NGRAM + 1)]
        hits = sum(r in self.grams for r in runs)
        return hits >= 2 and hits * 5 >= len(runs) * 2

    def drop(self, text: str) -> str:
        """`text` without its echoed, code-like or markup-only lines."""
        kept: list[str] = []
        for block in re.split(r"\n\s*\n", text):
            clean: list[str] = []
            for line in block.split("\n"):
                if not line.strip():
                    continue
                if _MARKUP_LINE.match(line) or _code_like(line) or self.echoed(line):
                    continue
                clean.append(line)
            if clean:
                kept.append("\n".join(clean))
        return "\n\n".join(kept)


_FENCE = re.compile(r"^\s*```.*?(?:^\s*```[^\n]*$|\Z)", re.DOTALL | re.MULTILINE)
_CODE_CHARS = set('{}[]();=<>"#\\/$')


# A line of program text: a statement keyword that prose does not start with (lowercase,
# followed by code), an assignment to an identifier, a bare call, or code with a # comment.
_CODE_LINE = re.compile(
    r"""^\s*(?:
        (?:elif|else|try|except|finally|pass|def|class|import|return|raise|yield|print|var|let|const)
            \b[^\w\s]*.*[:;({=]?\s*$(?<=[:;({=)\w])
      | (?:if|for|while|with)\s.*:\s*(?:\#.*)?$
      | [a-z_][\w.]*(?:\[[^\]]*\])?\s*[-+*/]?=(?!=)\s*\S
      | [a-z_][\w.]*\(.*\)\s*[;:]?\s*(?:\#.*)?$
      | .*[)\]}"']\s*;?\s*\#\s.*$
    )""",
    re.VERBOSE,
)
_PATH_LINE = re.compile(r"^\s*[^\s/]*/\S*\s*$")   # one token with a slash: "standing-desk/config"
_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s")


def _program_line(line: str, after_list: bool) -> bool:
    """Code by syntax, or a Markdown code block line (indented four spaces, not under a list)."""
    if _CODE_LINE.match(line) or _PATH_LINE.match(line):
        return True
    return line.startswith(("    ", "\t")) and bool(line.strip()) and not after_list


def drop_code(text: str) -> str:
    """`text` without code: fenced blocks, lines mostly made of code punctuation, program
    lines (`if (model == "x"):`, `price = input(…)`), indented code blocks, and lines mostly
    in another script. For the answers of small models, which drift into JSON, Python or
    JavaScript; never asked for."""
    text = _FENCE.sub("", text)
    kept: list[str] = []
    in_list = False
    for line in text.split("\n"):
        chars = [c for c in line if not c.isspace()]
        if _LIST_ITEM.match(line):
            in_list = True
        elif not line.strip():
            pass
        elif not line.startswith((" ", "\t")):
            in_list = False
        if chars and (sum(c in _CODE_CHARS for c in chars) * 7 > len(chars)
                      or not any(c.isalnum() for c in chars) or _program_line(line, in_list)
                      or latin_share(line) < 0.8):      # "で購入する : 294,053円 - New product"
            continue
        kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def _code_like(line: str) -> bool:
    """Identifiers rather than prose: half the words carry "_", "=" or "()" (`wnętr_elec`)."""
    words = line.split()
    return bool(words) and sum(any(c in w for c in "_=()") for w in words) * 2 >= len(words) >= 1 \
        and not line.lstrip().startswith(("|", "-", "*"))


_MARKUP_LINE = re.compile(r"^\s*(?:[{<\[][^\w]*[}>\]]?|<[^>]+>.*|\{.*\}|[-=_*#]{3,}\W*)\s*$")


def has_debris(field: str) -> bool:
    """JSON or markup left in a one-line field (`»}, {meta_title:`, `<b>`, `[`…)."""
    return bool(_DEBRIS.search(field))


def junk_heading(heading: str) -> bool:
    """A heading that names nothing: a placeholder ("Level 1", "Section 2"), debris, or
    fewer than two words of at least two letters."""
    text = " ".join(heading.split()).strip(" #*:-")
    if not text or has_debris(text) or _PLACEHOLDER.match(text):
        return True
    real = [w for _, w in _tokens(text)
            if len(w) >= 2 and any(c.isalpha() for c in w) and not _PLACEHOLDER.match(w)]
    return len(real) < 2 or len(text) > 100


def _content_words(text: str) -> list[str]:
    """`text`'s words without an elided article ("l’isolation" → "isolation")."""
    return [re.split(r"['’]", w)[-1] or w for _, w in _tokens(text)]


def shares_words(text: str, reference: str) -> bool:
    """`text` has at least one meaningful word (4+ letters, or the whole reference) of `reference`."""
    words = _content_words(reference)
    ref = {w for w in words if len(w) >= 4} or set(words)
    own = set(_content_words(text))
    stems = {w[:5] for w in ref}
    return bool(ref & own) or any(w[:5] in stems for w in own if len(w) >= 4)


_SENTENCE_END = re.compile(r"[.!?…](?:[\s\u00a0\u202f]?[»”\"’')\]*_])*(?=\s|$)")
_LIST_ITEM = re.compile(r"[-*] |\d+[.)] ")
_ENDS_COMPLETE = re.compile(r"[.!?…:|](?:[\s\u00a0\u202f]?[»”\"’')\]*_])*$")


def trim_to_sentence(text: str) -> str:
    """`text` up to its last complete sentence (or list/table line; a cut-off list item
    keeps its whole sentences): what a cut-off answer can keep. A text with no complete
    sentence is returned as it is."""
    text = text.rstrip()
    last_line = text.rsplit("\n", 1)[-1].lstrip()
    if not text or _ENDS_COMPLETE.search(text):
        return text
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    item = _LIST_ITEM.match(last_line)
    if last_line.startswith("|") or (item and not (ends and ends[-1] > len(text) - len(last_line) + item.end())):
        return text.rsplit("\n", 1)[0].rstrip() if "\n" in text else text
    if not ends:
        return text
    return text[:ends[-1]].rstrip()


_SUBHEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
SUBHEADING_MAX = 80   # characters: longer is a sentence the model put behind "###"


def vet_subheadings(text: str) -> str:
    """The headings a model wrote inside a section, kept only when they are headings: junk
    ("Level 1", debris, one word) goes, and so does a heading followed by another heading or
    by nothing; a sentence behind "#" (long, or ending with a full stop) stays as text."""
    lines = text.split("\n")
    kept: list[str] = []
    for index, line in enumerate(lines):
        match = _SUBHEADING.match(line)
        if match is None:
            kept.append(line)
            continue
        title = match.group(2)
        following = next((x for x in lines[index + 1:] if x.strip()), "")
        if len(title) > SUBHEADING_MAX or title.rstrip().endswith((".", "!", ";")):
            kept.append(title)          # a sentence behind "#": the words stay, as text
        elif not (junk_heading(title) or not following or _SUBHEADING.match(following)):
            kept.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()


def drop_fragments(text: str) -> str:
    """Paragraphs that are not prose: one or two words with no sentence ("budynkumodel")."""
    blocks = re.split(r"\n\s*\n", text)
    return "\n\n".join(b for b in blocks if b.strip() and (
        b.lstrip().startswith(("#", "-", "*", "|", ">")) or count_words(b) >= 3 or len(b.strip()) >= 25
        or ends_sentence(b)))


def ends_sentence(text: str) -> bool:
    """`text` ends on a finished sentence (or list/table line)."""
    return bool(_ENDS_COMPLETE.search(text.rstrip()))


def scrambled(text: str, keyword: str) -> bool:
    """A title made of the keyword's words only, not in the keyword's order ("pliant vélo
    électrique" for "vélo électrique pliant"): names nothing more, and reads wrong."""
    own = [w for _, w in _tokens(text)]
    key = [w for _, w in _tokens(keyword)]
    return bool(own) and set(own) <= set(key) and " ".join(own) != " ".join(key)


_SPECIAL_TOKEN = re.compile(r"<(?:start|end)_of_\w+>|<\|[^|<>\s]{1,40}\|>|</?s>")
_ELISION = re.compile(r"(?m)^[ \t]*\[(?:…|\.\.\.)\][ \t]*")
_WIKI_LINK = re.compile(r"\[\[([^\[\]\n]{1,80})\]\]")
_ADDRESS = (r"(?:https?://|www\.|[a-z0-9-]+(?:\.[a-z0-9-]+)*\."
            r"(?:com|org|net|io|co|fr|de|uk|eu|info|biz|shop)\b(?=[/:]|\s|$))")
_URL_IN_PARENS = re.compile(r"[ \t]*\((?:" + _ADDRESS + r")[^)\n]*\)", re.IGNORECASE)
_URL_SENTENCE = re.compile(r"[^.!?\n]*\b" + _ADDRESS + r"\S*[^.!?\n]*[.!?]?[ \t]*", re.IGNORECASE)


_HTML_HEADING = re.compile(r"<h([1-6])\b[^<>]{0,80}>(.{0,200}?)</h\1\s*>", re.IGNORECASE | re.DOTALL)
_HTML_BREAK = re.compile(r"</?(?:p|div|br|li|ul|ol|section|article|blockquote|h[1-6]|hr|table|tr|td|th)\b[^<>]{0,80}/?>", re.IGNORECASE)
_HTML_INLINE = re.compile(r"</?(?:b|strong|em|i|u|span|code|small|font|a|sup|sub|mark)\b[^<>]{0,200}>",
                          re.IGNORECASE)
_LEVEL_LABEL = re.compile(r"(?m)^[ \t]*H[1-6][ \t]*:[ \t]*")          # "H4 : je vais vous…"


def _markup_as_text(text: str) -> str:
    """The HTML a small model writes, as Markdown text: `<h3>x</h3>` a heading line (vetted
    like the others), block tags line breaks, inline tags gone; "H4 :" labels gone."""
    if "<" in text:
        text = _HTML_HEADING.sub(lambda m: f"\n\n{'#' * max(3, int(m.group(1)))} {' '.join(m.group(2).split())}\n\n",
                                 text)
        text = _HTML_INLINE.sub("", _HTML_BREAK.sub("\n\n", text))
        text = re.sub(r"\n{3,}", "\n\n", text)
    return _LEVEL_LABEL.sub("", text)


def scrub(text: str, *, urls: bool = False) -> str:
    """Model text as text: HTML entities decoded (`aren&#39;t`), chat-template tokens
    (`<start_of_image>`, `<|im_end|>`), a copied "[…]" and wiki brackets removed; with `urls`
    (small models), the addresses they make up (sites that do not exist), the HTML they
    write (see `_markup_as_text`) and runs of spaces between words too."""
    if urls:
        text = _markup_as_text(text)
    text = _SPECIAL_TOKEN.sub("", html.unescape(text)) if ("&" in text or "<" in text) else text
    if "[" in text:   # the prompt's "[…]" (text left out) copied at a paragraph start; [[wiki links]]
        text = _WIKI_LINK.sub(r"\1", _ELISION.sub("", text))
    if urls:   # "(https://…)" goes; a sentence that points at an address goes whole
        text = _URL_SENTENCE.sub("", _URL_IN_PARENS.sub("", text))
        text = re.sub(r"(?m)^[ \t]*[.,;:!?-]*[ \t]*$", "", text)
        text = _INNER_SPACES.sub(" ", text)   # "En résumé :   L’échantillon…"
    return text


_INNER_SPACES = re.compile(r"(?<=\S)[ \t]{2,}(?=\S)")
