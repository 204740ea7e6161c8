"""Models sometimes emit raw HTML: no known filter-evasion payload may survive any export path.

Each payload (OWASP XSS filter evasion cheat sheet and friends) goes into the body, into a
Markdown link, and into every field that reaches the page head (title, description, FAQ,
author, keywords, extra front matter), then through Markdown export → re-import → HTML page
and CMS fragment. The output is parsed and inspected tag by tag and attribute by attribute.
"""

# ruff: noqa: E501  (payloads are kept verbatim, one per line)
from __future__ import annotations

import datetime as dt
import json
import re
from html import unescape
from html.parser import HTMLParser

import pytest

from app.core.export.html import render_fragment, render_page
from app.core.export.markdown import parse_markdown, to_markdown
from app.core.models import Article, FaqItem, Language

PAYLOADS = [
    "<script>alert('XSS')</script>",
    "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    '<a onmouseover="alert(document.cookie)">xxs link</a>',
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
    "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG SRC= onmouseover=\"alert('xxs')\">",
    "<IMG onmouseover=\"alert('xxs')\">",
    '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
    '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    "<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0D;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    '<SCRIPT/XSS SRC="https://xss.example/xss.js"></SCRIPT>',
    '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
    '<SCRIPT/SRC="https://xss.example/xss.js"></SCRIPT>',
    '<<SCRIPT>alert("XSS");//\\<</SCRIPT>',
    "<SCRIPT SRC=https://xss.example/xss.js?< B >",
    "<SCRIPT SRC=//xss.example/.j>",
    "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
    "<iframe src=https://xss.example/scriptlet.html <",
    '</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
    '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    "<IMG DYNSRC=\"javascript:alert('XSS')\">",
    "<IMG LOWSRC=\"javascript:alert('XSS')\">",
    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
    "<IMG SRC='vbscript:msgbox(\"XSS\")'>",
    "<svg/onload=alert('XSS')>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    "<BGSOUND SRC=\"javascript:alert('XSS');\">",
    "<BR SIZE=\"&{alert('XSS')}\">",
    '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
    "<STYLE>@import'https://xss.example/xss.css';</STYLE>",
    '<META HTTP-EQUIV="Link" Content="<https://xss.example/xss.css>; REL=stylesheet">',
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">',
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    '<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>',
    "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
    "<TABLE><TD BACKGROUND=\"javascript:alert('XSS')\">",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<DIV STYLE=\"width: expression(alert('XSS'));\">",
    "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
    '<td style="text-align:left;background:url(javascript:alert(1))">cell</td>',
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    '<OBJECT TYPE="text/x-scriptlet" DATA="https://xss.example/scriptlet.html"></OBJECT>',
    '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv" AllowScriptAccess="always"></EMBED>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>',
    '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    '<a href="&#106;avascript:alert(1)">entity scheme</a>',
    '<a href="java\u0000script:alert(1)">null byte</a>',
    '<a href="  javascript:alert(1)">spaces</a>',
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>',
    "<details open ontoggle=alert(1)>",
    '<video><source onerror="alert(1)"></video>',
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<x contenteditable onblur=alert(1)>lose focus!</x>",
    '<h2 id=x onclick=alert(1) style="color:red">heading</h2>',
    "<template><script>alert(1)</script></template>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<!--<img src="--><img src=x onerror=alert(1)//">',
    "<![CDATA[<script>alert(1)</script>]]>",
    '<?xml version="1.0"?><script>alert(1)</script>',
    "<xmp><script>alert(1)</script></xmp>",
    "<textarea><script>alert(1)</script></textarea>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    "javascript:/*--></title></style></textarea></script></xmp><svg/onload='+/\"/+/onmouseover=1/+/[*/[]/+alert(1)//'>",
]
MARKDOWN_PAYLOADS = [
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](javascript&#58;alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![img](javascript:alert(1))",
    "![img](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[click](<javascript:alert(1)>)",
    "[a]: javascript:alert(1)\n\n[ref link][a]",
    "<javascript:alert(1)>",
    '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
    "```html\n<script>alert(1)</script>\n```",
]
ALL = PAYLOADS + MARKDOWN_PAYLOADS

URL_ATTRIBUTES = {
    "href",
    "src",
    "action",
    "formaction",
    "background",
    "poster",
    "cite",
    "data",
    "dynsrc",
    "lowsrc",
    "xlink:href",
    "srcset",
    "longdesc",
}
FORBIDDEN_TAGS = {
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "svg",
    "math",
    "form",
    "input",
    "button",
    "base",
    "textarea",
    "video",
    "audio",
    "source",
    "bgsound",
    "marquee",
    "template",
    "noscript",
    "xmp",
    "applet",
    "body",
}
C0_AND_SPACE = "".join(map(chr, range(0x21)))
BAD_SCHEME = re.compile(r"^(?:javascript|vbscript|data|livescript):", re.IGNORECASE)


class Inspector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.body_started = False
        self.in_script = False
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "body":
            if self.body_started or attrs:
                self.problems.append(f"extra body {attrs}")
            self.body_started = True
            return
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "script":
            self.in_script = True
            self.scripts.append("")
            if self.body_started or values != {"type": "application/ld+json"}:
                self.problems.append(f"script {values}")
        if tag == "style" and self.body_started:
            self.problems.append("<style> in body")
        if tag == "meta" and ("http-equiv" in values or self.body_started):
            self.problems.append(f"meta {values}")
        if tag == "link" and (self.body_started or values.get("rel") != "canonical"):
            self.problems.append(f"link {values}")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"event handler {name} on <{tag}>")
            if name == "style" and not (
                tag in ("td", "th") and re.fullmatch(r"text-align:(left|right|center)", value or "")
            ):
                self.problems.append(f"style on <{tag}>: {value}")
            if name in URL_ATTRIBUTES:
                # What a browser's URL parser does: trim C0/space, drop tabs and newlines.
                url = re.sub(r"[\t\n\r]", "", unescape(value or "").strip(C0_AND_SPACE))
                if BAD_SCHEME.match(url):
                    self.problems.append(f"{name}={value!r} on <{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.scripts[-1] += data


def inspect(html: str, *, page: bool) -> list[str]:
    inspector = Inspector()
    inspector.feed(html)
    inspector.close()
    problems = inspector.problems
    for text in inspector.scripts:
        json.loads(text)  # JSON-LD stays data, whatever the article contains
    script_tags = len(re.findall(r"<script", html, re.IGNORECASE))
    if script_tags != len(inspector.scripts) or (not page and script_tags):
        problems.append(f"{script_tags} <script> in the raw text")
    return problems


def poisoned_article(payload: str) -> Article:
    body = (
        f"# Guide {payload}\n\nIntro {payload} text.\n\n{payload}\n\n## Section {payload}\n\n"
        f"- item {payload}\n\n| a | b |\n|---|---|\n| {payload} | x |\n\n"
        f"## FAQ\n\n### Question {payload}?\n\nAnswer {payload}.\n"
    )
    return Article(
        keyword=payload,
        language=Language.EN,
        title=f"Title {payload}",
        meta_description=payload,
        slug="guide",
        body=body,
        secondary_keywords=(payload,),
        faq=[FaqItem(f"Question {payload}?", f"Answer {payload}.")],
        created=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        extra={"custom": payload},
    )


def test_there_are_at_least_50_payloads() -> None:
    assert len(set(PAYLOADS)) >= 50 and len(set(ALL)) == len(ALL)


@pytest.mark.parametrize("payload", ALL)
def test_no_payload_survives_any_export_path(payload: str) -> None:
    article = poisoned_article(payload)
    reimported = parse_markdown(to_markdown(article, "hugo", author=payload, tags=[payload]))
    for candidate in (article, reimported):
        page = render_page(candidate, site_url="https://example.com/blog/", author=payload)
        assert inspect(page, page=True) == [], page
        fragment = render_fragment(candidate, include_h1=True)
        assert inspect(fragment.html, page=False) == [], fragment.html


def test_safe_content_next_to_payloads_is_kept() -> None:
    article = poisoned_article("<script>alert(1)</script>")
    page = render_page(article)
    assert "<li>item </li>" in page and "Intro  text." in page
    assert "<title>Title &lt;script&gt;alert(1)&lt;/script&gt;</title>" in page
