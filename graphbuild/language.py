"""Language of documents and of their paragraphs.

The extraction reads English only (its parser, dictionaries and rules are English), so a
Russian or Chinese article must be named as such, never called empty, and a mixed one must
keep its English paragraphs. py3langid is the detector: it ships its model inside its PyPI
package (nothing downloads at run time), knows 97 languages, and classifies a paragraph in
microseconds, which matters when every paragraph of a corpus is classified.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

EXTRACTED = "en"  # the language the rules read
# Below this many letters a paragraph says too little to classify (a dateline, a byline);
# it goes with the document's language.
MIN_LETTERS = 40
# A paragraph is set aside as foreign only when the detector is this sure of it.
MIN_CONFIDENCE = 0.9
# A text in Latin script is classified on its first characters: enough to tell English from
# French or Spanish, and the cost stays flat however long the document.
SAMPLE_CHARS = 3000

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Split:
    """A document's languages: its main one, and the lines the rules must not read."""

    language: str  # the document's main language (ISO 639-1)
    foreign: tuple[tuple[int, int], ...]  # (start, end) of each line in another language
    counts: dict[str, int]  # language -> lines set aside


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of a text."""
    lang, prob = _identifier().classify(text)
    return lang, float(prob)


# Letters of scripts other than Latin (Greek, Cyrillic, Arabic, Hebrew, Indic, CJK, Hangul...):
# a text without any, that reads as English as a whole, is English line by line too.
_NON_LATIN = re.compile("[\u0370-\u1fff\u2e80-\ud7ff\uf900-\ufaff]")


def split_by_language(text: str) -> Split:
    """The main language of a text, and the lines in other languages.

    The document's language is that of most of its letters. Short lines (datelines,
    bylines, headings) and lines the detector is unsure of go with the document.
    """
    if not _NON_LATIN.search(text):
        lang, prob = detect(text[:SAMPLE_CHARS])
        if lang == EXTRACTED or prob < MIN_CONFIDENCE:
            return Split(language=EXTRACTED, foreign=(), counts={})  # the common case, in one call
    spans = [m for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    letters: dict[str, int] = {}
    labels: list[str | None] = []
    for m in spans:
        n = len(_LETTER.findall(m.group()))
        if n < MIN_LETTERS:
            labels.append(None)
            continue
        lang, prob = detect(m.group())
        labels.append(lang if prob >= MIN_CONFIDENCE else None)
        letters[lang] = letters.get(lang, 0) + n
    if letters:
        main = max(sorted(letters), key=lambda k: letters[k])
    else:
        main = detect(text)[0] if len(_LETTER.findall(text)) >= 10 else EXTRACTED
    counts: dict[str, int] = {}
    foreign: list[tuple[int, int]] = []
    for m, lang in zip(spans, labels):
        if (lang or main) != EXTRACTED:
            counts[lang or main] = counts.get(lang or main, 0) + 1
            foreign.append(m.span())
    return Split(language=main, foreign=tuple(foreign), counts=counts)


# Typographic quotes and apostrophes as the parser knows them, one character for one: the small
# English model, trained mostly on straight quotes, misparses "Turkey’s ambassador" (the
# possessive read as a modifier of a coordinated noun) where it parses "Turkey's ambassador".
STRAIGHT_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                                 "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"'})


def readable(text: str, foreign: tuple[tuple[int, int], ...]) -> str:
    """The text the rules read: typographic quotes made straight and lines in other languages
    blanked to spaces, so every offset still points into the document's own text."""
    text = text.translate(STRAIGHT_QUOTES)
    if not foreign:
        return text
    out, start = [], 0
    for a, b in foreign:
        out += [text[start:a], " " * (b - a)]
        start = b
    out.append(text[start:])
    return "".join(out)
