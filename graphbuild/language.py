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

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Split:
    """A document's text as the rules will read it, and what was set aside."""

    language: str  # the document's main language (ISO 639-1)
    text: str  # the paragraphs in the extracted language, in order
    foreign: dict[str, int]  # language -> paragraphs set aside


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of a text."""
    lang, prob = _identifier().classify(text)
    return lang, float(prob)


def split_by_language(text: str) -> Split:
    """Keep the English lines of a text and count the others, by language.

    The document's language is that of most of its letters. Short paragraphs (datelines,
    bylines, headings) and paragraphs the detector is unsure of go with their neighbours.
    """
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
    foreign: dict[str, int] = {}
    cut: list[tuple[int, int]] = []
    for m, lang in zip(spans, labels):
        if (lang or main) != EXTRACTED:
            foreign[lang or main] = foreign.get(lang or main, 0) + 1
            cut.append(m.span())
    if not cut:
        return Split(language=main, text=text, foreign={})  # an English text is left as it is
    kept, start = [], 0
    for a, b in cut:
        kept.append(text[start:a])
        start = b
    kept.append(text[start:])
    return Split(language=main, text=re.sub(r"\n{3,}", "\n\n", "".join(kept)).strip(), foreign=foreign)
