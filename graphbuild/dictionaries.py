"""Convert the PETRARCH/Phoenix dictionaries and the CAMEO->PLOVER table into CSV tables.

    python -m graphbuild.dictionaries SOURCE_DIR PLOVER_TABLE OUT_DIR    (or: make dictionaries)

The runtime never parses the original formats: they are line-oriented mini-languages
(synsets, verb blocks, date-restricted codes, substitution markers) whose readers would
otherwise sit in the extraction path. This converter runs once and writes plain tables to
``ontology/dictionaries/``. As in PETRARCH's PETRreader there is one small reader per format
(``read_verbs``, ``read_agents``, ``read_actors``, ``read_cameo_plover``); each takes a file's
lines and returns rows, so tests can feed them excerpts. Output is deterministic: rows are
sorted and nothing depends on the clock.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import itertools
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import pycountry

PETRARCH_REPO, PETRARCH_COMMIT = "openeventdata/petrarch2", "676801cd9cb2924bbbad09f86d15c9323e7097bf"
PLOVER_REPO, PLOVER_COMMIT = "openeventdata/PLOVER", "5e0c24fba623f2d8df5ae3c7de7a94dba90d5b6f"
FIELDS = {"verbs.csv": ["lemma", "noun", "prep", "cameo"], "cameo_plover.csv": ["cameo", "plover", "mode", "context"],
          "agents.csv": ["noun", "sector"], "actors.csv": ["key", "label", "type", "country", "code", "aliases"],
          "roles.csv": ["key", "code", "country", "sector", "start", "end"]}
ACTOR_FILES = {"COUNTRIES": "Phoenix.Countries.actors.txt", "INTERNATIONAL": "Phoenix.International.actors.txt",
               "MILNONSTATE": "Phoenix.MilNonState.actors.txt"}

# Prepositions and particles: a pattern's prep is one of these, directly after the verb
# or first in a parenthesised phrase.
PARTICLES = frozenset("""about above across after against ahead along alongside amid among around as aside at away
back before behind below beneath beside between beyond by despite down during for forth forward from in inside
into near of off on onto out outside over past per since through throughout till to toward towards under
underneath until up upon via with within without apart together""".split())
# Skipped (and not counted as dropped content) when looking for a pattern's noun.
FUNCTION_WORDS = frozenset("""a an the that this these those which who whom whose what it its their his her him
them they he she we us our you your my me will would shall should can could may might must be is are was were
been being have has had do does did not no also then than there here so such own himself herself itself
themselves each any all both some more most""".split())
MARKERS = frozenset("+$%^")  # target, source, compound, skip
NO_SINGULAR = frozenset("news arms means series species headquarters whereabouts politics economics".split())
MAN_EXCEPTIONS = frozenset("human german roman shaman ottoman talisman caiman brahman".split())

# CAMEO country codes that are not ISO 3166 alpha-3: JAP, ITL, VTN are named beside the PLOVER
# gold standard, the rest occur in the actor files; KSV -> XKX as in ontology/states.csv.
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "USR": "SUN", "ANG": "AGO", "CFR": "CAF",
                "TMP": "TLS", "FRY": "YUG", "KSV": "XKX"}
GOV_SECTORS = frozenset("GOV MIL SPY COP JUD LEG".split())
GROUP_SECTORS = frozenset("""REB OPP MED EDU BUS CVL ELI PTY REL MUS CHR JEW HIN BUD INS UAF LAB AGR HLH ENV DEV
HRI REF CRM RAD SEP PPL IGO NGO NGM MNC IMG""".split())
# Words that mark a Countries-file entry as an institution or office rather than a person.
ORG_WORDS = frozenset("""ADMINISTRATION AGENCY ALLIANCE ARMY ASSEMBLY ASSOCIATION AUTHORITY BANK BRIGADE BRIGADES
BUREAU CABINET CELLS CENTER CENTRE COALITION COMMAND COMMISSION COMMITTEE COMMUNITY CONGRESS CORPS COUNCIL COURT
DECLARATION DEPARTMENT DIRECTOR DIVISION FEDERATION FORCE FORCES FRONT GOVERNMENT GROUP GUARD HOUSE INSTITUTE
INTELLIGENCE ISLANDS JUNTA KINGDOM LEADERSHIP LEAGUE LEGION MILITARY MILITIA MINISTER MINISTRY MOVEMENT NAVY
OBSERVATORY OFFICE ORGANIZATION PALACE PARLIAMENT PARTY POLICE POLITBURO PRESIDENT REGIME REPRESENTATIVE REPUBLIC
RESERVE RIFLES SECRETARY SECURITY SENATE SERVICE SERVICES SFSR SOVIET STATE STREET TANK TEAM UNION UNIVERSITY""".split())
KNOWN_ACRONYMS = frozenset("US UK UN EU USA UAE DPRK PRC ROK NATO CIA FBI KGB".split())
LOWER_WORDS = frozenset("of the and for de del della des du da di la le les van von der den al el bin ibn on in "
                        "to at y e et und an or by with".split())
TITLE_ABBREVIATIONS = frozenset("mr mrs ms dr st jr sr gen col lt sgt prof rev gov sen rep pres secy sec".split())


# ---------------------------------------------------------------- shared helpers

def strip_comment(line: str) -> str:
    """Drop ``<!-- -->``, ``#`` and legacy ``;`` comments (the rule all the files share)."""
    return re.split(r"[#;]", re.sub(r"<!--.*?-->", "", line), maxsplit=1)[0].rstrip()


def phrase(text: str) -> str:
    """A dictionary phrase as plain text: ``_`` is a space, lower case."""
    return " ".join(text.replace("_", " ").split()).lower()


def _head(words: list[str]) -> int:
    """Index of a compound's head noun: the word before the first preposition, else the last."""
    return next((i - 1 for i, w in enumerate(words) if i and w.lower() in PARTICLES), len(words) - 1)


def singular(word: str) -> str:
    """Trivial singular of a noun: 'sanctions' -> 'sanction', 'rallies' -> 'rally'."""
    if word in NO_SINGULAR or len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-2] if word.endswith(("ches", "shes", "xes", "sses")) else word[:-1]


def plural(text: str) -> str | None:
    """Regular plural of a role-noun phrase: its head gets +s, y -> ies, man -> men, +es
    after s/sh/ch/x ('chamber of commerce' -> 'chambers of commerce'); None if it looks plural."""
    words = text.split()
    i = _head(words)
    w = words[i]
    if not w[-1:].isalpha() or (w.endswith("s") and not w.endswith(("ss", "us"))):
        return None
    if w.endswith("man") and w not in MAN_EXCEPTIONS:
        w = w[:-3] + "men"
    elif w.endswith("y") and w[-2:-1] not in tuple("aeiou"):
        w = w[:-1] + "ies"
    else:
        w += "es" if w.endswith(("s", "sh", "ch", "x", "z")) else "s"
    return " ".join(words[:i] + [w] + words[i + 1:])


def cameo_code(text: str) -> str | None:
    """CAMEO code of a ``[...]`` field: the source-side code of ``A:B``, digits only. None for
    ``---`` (no event) and ``:B`` (only a reverse-direction event, which a row cannot carry)."""
    digits = re.sub(r"\D", "", text.partition(":")[0])
    return digits if 2 <= len(digits) <= 4 else None


def iso3(code: str) -> str:
    """ISO-3 of a code's CAMEO country prefix; '' for regions and types such as IGO."""
    c = CAMEO_TO_ISO.get(code[:3], code[:3])
    ok = c == "XKX" or pycountry.countries.get(alpha_3=c) or pycountry.historic_countries.get(alpha_3=c)
    return c if ok else ""


# ---------------------------------------------------------------- CAMEO verbs

def read_synsets(lines: list[str]) -> dict[str, list[str]]:
    """``&NAME`` followed by ``+WORD`` lines, anywhere in the file: name -> member phrases."""
    synsets: dict[str, list[str]] = {}
    name = None
    for raw in lines:
        s = strip_comment(raw).strip()
        if s.startswith("&"):
            name = s[1:].split()[0].rstrip("_")
            synsets[name] = []
        elif not s:
            name = name if raw.strip() else None  # a blank line ends the set, a comment does not
        elif name and s.startswith("+"):
            synsets[name].append(phrase(s[1:].split("{")[0]))
        else:
            name = None
    return synsets


def _compound(text: str) -> str:
    """A phrase in lower case with its head made singular: 'ARMED_FORCES' -> 'armed force'."""
    words = phrase(text).split()
    if not words:
        return ""
    i = _head(words)
    return " ".join(words[:i] + [singular(words[i])] + words[i + 1:])


def _noun_options(token: str, synsets: dict[str, list[str]]) -> tuple[list[str], bool] | None:
    """Nouns a pattern token stands for, and whether words were dropped. A compound
    ('DEBT_RELIEF', '{ARMS SHIPMENT}') stays one phrase, so 'stage {MOCK ATTACK}' and 'stage
    ATTACK' remain distinct keys; a synset gives its members; a group holding a synset
    ('{&MILITARY AID}') is cut to its head. None for an undefined synset (PETRARCH skips those)."""
    if token.startswith("{"):
        words = [w for w in token[1:-1].split() if w not in MARKERS]
        if any(w.startswith("&") for w in words):
            found = _noun_options(words[_head(words)], synsets)
            return None if found is None else (found[0], True)
        token = "_".join(words)
    if token.startswith("&"):
        members = synsets.get(token[1:].rstrip("_"))
        return None if members is None else (list(dict.fromkeys(_compound(m) for m in members)), False)
    return [_compound(t) for t in token.lower().strip("_").split("/")], False


def pattern_keys(text: str, synsets: dict[str, list[str]]) -> tuple[list[tuple[str, str]], bool] | None:
    """(noun, prep) pairs of a pattern ``<subject words> * <object words>`` and whether they
    leave content out. The noun is the first content word after ``*``, before any ``(`` or
    target ``+``; the prep is a particle right after ``*``, else the first word of the first
    parenthesised phrase. A bare ``* +`` is the verb with an actor object: ('', ''). None
    when nothing is left (subject-side words only), which the caller skips."""
    tokens = re.findall(r"\{[^}]*\}|[()*]|[^\s(){}*]+", text)
    if tokens.count("*") != 1:
        return None
    star = tokens.index("*")
    post, structural = tokens[star + 1:], MARKERS | {"(", ")"}
    content = [t for t in tokens if t not in structural | {"*"} and t.lower() not in FUNCTION_WORDS]
    preps, nouns, lossy, used = [""], [""], False, 0
    if post and post[0] not in structural and all(p in PARTICLES for p in post[0].lower().split("/")):
        preps, post, used = post[0].lower().split("/"), post[1:], 1
    for t in post:
        if t in ("(", "+"):
            break
        if t not in MARKERS and t.lower() not in FUNCTION_WORDS:
            found = _noun_options(t, synsets)
            if found is None:
                return None
            nouns, lossy, used = found[0] or [""], found[1], used + 1
            break
    if preps == [""] and "(" in post[:-1]:
        first = post[post.index("(") + 1]
        if all(p in PARTICLES for p in first.lower().split("/")):
            preps, used = first.lower().split("/"), used + 1
    pairs = [(n, p) for n in nouns for p in preps if n or p]
    if not content and post[:1] == ["+"]:
        pairs = [("", "")]
    return (pairs, lossy or len(content) > used) if pairs else None


def read_verbs(lines: list[str]) -> tuple[list[dict[str, str]], Counter]:
    """Rows ``lemma,noun,prep,cameo`` from CAMEO.2.0.txt, and counts of skipped patterns.

    Each verb of a ``--- NAME [code] ---`` block gets a bare row with its own code, else the
    block's, and a row per (noun, prep) of every ``- ... * ... [code]`` pattern of the block.
    Of several codes for one key the best wins: the verb's own, then exact patterns over ones
    that dropped words, then the most frequent code, then the first in file order; keys only
    reached by dropping words are left out (they claim what their patterns did not say)."""
    synsets, stats = read_synsets(lines), Counter()
    cands: dict[tuple[str, str, str], list[tuple[int, int, str]]] = {}
    verbs: list[tuple[str, str | None]] = []  # (lemma, its own code field or None)
    patterns: list[tuple[list[tuple[str, str]], bool, str]] = []
    block_code, in_block, in_synset, order = None, False, False, itertools.count()

    def flush() -> None:
        for lemma, own in verbs:
            code = block_code if own is None else cameo_code(own)  # a verb's own [---]: no event
            if code:
                cands.setdefault((lemma, "", ""), []).append((0, next(order), code))
            for pairs, lossy, pcode in patterns:
                for noun, prep in pairs:
                    cands.setdefault((lemma, noun, prep), []).append((1 + lossy, next(order), pcode))
        verbs.clear()
        patterns.clear()

    for raw in lines:
        s = strip_comment(raw).strip()
        header = re.match(r"---\s+\S+\s+\[([^\]]*)\]\s*---", s)
        if header:
            flush()
            block_code, in_block, in_synset = cameo_code(header.group(1)), True, False
        elif s.startswith("&"):
            in_synset = True
        elif not s:
            in_synset = in_synset and bool(raw.strip())  # a blank line ends a synset
        elif in_synset or not in_block or s.startswith("~"):
            continue  # synset members, the synset part, transformation rules
        elif s.startswith("-"):
            stats["patterns"] += 1
            fields = re.findall(r"\[([^\]]*)\]", s)
            code = cameo_code(fields[-1]) if fields else None
            keys = pattern_keys(s[1:s.rfind("[")], synsets) if code else None
            if code is None:
                stats["patterns skipped: code ---, reverse-only [:code] or none"] += 1
            elif keys is None:
                stats["patterns skipped: nothing after * or undefined synset"] += 1
            else:
                patterns.append((keys[0], keys[1], code))
        else:
            own = re.search(r"\[([^\]]*)\]", s)
            words = re.sub(r"\{[^}]*\}|\[[^\]]*\]", " ", s).split()
            if words:
                verbs.append((phrase(words[0].lstrip("+")), own.group(1) if own else None))
    flush()
    rows = []
    for (lemma, noun, prep), options in sorted(cands.items()):
        rank = min(r for r, _, _ in options)
        best = [(n, code) for r, n, code in options if r == rank]
        freq = Counter(code for _, code in best)
        code = min(best, key=lambda nc: (-freq[nc[1]], nc[0]))[1]
        if rank == 2:
            # a key reached only by cutting words off its patterns ('speak * (IN CALL)' -> speak in)
            # claims what the pattern did not say: 'spoke in Vienna' is no phone call
            stats["keys dropped: only patterns that dropped words"] += 1
            continue
        rows.append({"lemma": lemma, "noun": noun, "prep": prep, "cameo": code})
    return rows, stats


# ---------------------------------------------------------------- agents

def _expand_markers(text: str, markers: dict[str, list[str]]) -> list[str]:
    """``CONGRESS!PERSON!`` -> congressman, congressmen, ... A marker inside a word
    ('AD!MINIST!RATIVE', an over-eager replace in the source) is put back literally."""
    m = re.search(r"!(\w+)!", text)
    if not m:
        return [text]
    before, after = text[:m.start()], text[m.end():]
    if before[-1:].isalpha() and after[:1].isalpha() or m.group(1) not in markers:
        return _expand_markers(before + m.group(1) + after, markers)
    return [x for sub in markers[m.group(1)] for x in _expand_markers(before + sub + after, markers)]


def read_agents(lines: list[str]) -> tuple[list[dict[str, str]], Counter]:
    """Rows ``noun,sector`` from Phoenix.agents.txt: each role noun and its plurals (those in
    ``{}``, else a regular one; none for substitution-marker forms, whose sets hold them) with
    the first 3-letter sector of its ``[~XXX...]`` code. A noun's first entry wins."""
    markers: dict[str, list[str]] = {}
    out: dict[str, str] = {}
    stats: Counter = Counter()
    for raw in lines:
        s = strip_comment(raw).strip()
        marker = re.match(r"!(\w+)!\s*=(.*)", s)
        if marker:
            markers[marker.group(1)] = [w.strip() for w in marker.group(2).split(",") if w.strip()]
            continue
        if not s:
            continue
        stats["entries"] += 1
        code = re.search(r"\[\s*~?([A-Z]{3})[A-Z]*~?\s*[\]}]", s)  # '[~ENV}' occurs too
        if not code:
            stats["skipped: no 3-letter sector code"] += 1
            continue
        body = s[:s.index("[")]
        braces = re.search(r"\{([^}]*)\}", body)
        name = body[:braces.start()] if braces else body
        listed = [phrase(p) for p in braces.group(1).split()] if braces else None
        for form in _expand_markers(name.strip(), markers):
            nouns = [phrase(form).rstrip(" ,")]
            if "!" not in name:
                nouns += listed if listed is not None else [p for p in [plural(nouns[0])] if p]
            for noun in nouns:
                if noun and out.setdefault(noun, code.group(1)) != code.group(1):
                    stats["kept the first of conflicting sectors"] += 1
    return [{"noun": n, "sector": out[n]} for n in sorted(out)], stats


# ---------------------------------------------------------------- actors

def parse_date(text: str) -> str:
    """YYYYMMDD, or YYMMDD with 00-30 -> 20YY else 19YY (PETRARCH's rule) -> YYYY-MM-DD; '' if invalid."""
    if len(text) == 6:
        text = ("20" if int(text[:2]) <= 30 else "19") + text
    try:
        return dt.date(int(text[:4]), int(text[4:6]), int(text[6:8])).isoformat() if len(text) == 8 else ""
    except ValueError:
        return ""


def parse_roles(text: str) -> list[tuple[str, str, str]]:
    """``[CODE]``, ``[CODE >date]``, ``[CODE <date]``, ``[CODE d1-d2]`` -> (code, start, end).
    A lone date without ``<``/``>`` restricts nothing, as in PETRARCH; ``[---]`` is no role."""
    roles = []
    for body in re.findall(r"\[([^\]]*)\]", text):
        code, _, rest = body.strip().partition(" ")
        rest = rest.replace(" ", "")
        if not re.fullmatch(r"[A-Z][A-Z0-9]{2,}", code):
            continue
        start = end = ""
        if rest.startswith(">"):
            start = parse_date(re.sub(r"\D", "", rest))
        elif rest.startswith("<"):
            end = parse_date(re.sub(r"\D", "", rest))
        elif "-" in rest:
            a, _, b = rest.partition("-")
            start, end = parse_date(a), parse_date(b)
        roles.append((code, start, end))
    return roles


def current_role(roles: list[tuple[str, str, str]]) -> str:
    """The code in force after every dated role: an open-ended one (latest start), else the
    undated default (the last listed), else the role that ended last."""
    open_ended = [r for r in roles if r[1] and not r[2]]
    if open_ended:
        return max(open_ended, key=lambda r: r[1])[0]
    default = [r for r in roles if not r[1] and not r[2]]
    return default[-1][0] if default else max(roles, key=lambda r: r[2])[0]


def display(text: str, acronyms: int) -> str:
    """Readable form of an upper-case dictionary phrase: 'GEORGE_W._BUSH_' -> 'George W. Bush'.
    Known acronyms, dotted initials and parenthesised words stay upper case; so do vowel-less
    words of <= 4 letters if ``acronyms`` >= 1 (not in persons' names: 'NG'), and 2-letter
    words if >= 2 (organisations: not 'HO Chi Minh'). Mixed-case words are kept as written."""
    out = []
    for i, word in enumerate(text.replace("_", " ").split()):
        pieces, parts = re.split(r"(?<=.)-(?=.)", word), []
        for j, w in enumerate(pieces):
            letters = re.sub(r"[^A-Za-z]", "", w)
            if any(c.islower() for c in w) or not letters:
                parts.append(w)
            elif (i or j) and w.lower() in LOWER_WORDS:
                parts.append(w.lower())
            elif (letters in KNOWN_ACRONYMS or re.fullmatch(r"(?:[A-Z]\.){2,}", w) or (w[0] == "(" and w[-1] == ")")
                  or acronyms and letters.lower() not in LOWER_WORDS | TITLE_ABBREVIATIONS
                  and (acronyms > 1 and len(letters) == 2 == len(w) and len(pieces) == 1
                       or 2 <= len(letters) <= 4 and not re.search("[AEIOUY]", letters))):
                parts.append(w)
            else:
                t = re.sub(r"(^|[(/.])([a-z])", lambda m: m.group(1) + m.group(2).upper(), w.lower())
                t = re.sub(r"'([a-z]{2,})", lambda m: "'" + m.group(1).capitalize(), t)
                parts.append(re.sub(r"^Mc([a-z])", lambda m: "Mc" + m.group(1).upper(), t))
        out.append("-".join(parts))
    return " ".join(out)


def read_actor_entries(lines: list[str]) -> list[dict]:
    """Entries of a Phoenix actor file: name, alias phrases, roles and comment text.

    As in PETRARCH, a primary line opens a new entry only once the current one has a code
    line; before that it is a synonym sharing the codes that follow."""
    entries: list[dict] = []
    cur: dict | None = None
    for raw in lines:
        s = strip_comment(raw).strip()
        if not s:
            continue  # a comment-only line belongs to no entry
        if s.startswith("+"):
            if cur is not None:
                cur["aliases"] += [a for a in s[1:].split("+") if a.strip()]  # '+A+_B' is two aliases
        else:
            name, bracket, rest = (x.strip() for x in s.partition("["))
            if name and (cur is None or cur["coded"]):
                cur = {"name": name, "aliases": [], "roles": [], "notes": "", "coded": False}
                entries.append(cur)
            elif name and cur is not None:
                cur["aliases"].append(name)
            if cur is not None and bracket:
                cur["roles"] += parse_roles(bracket + rest)
                cur["coded"] = True  # '[---]' too: it is a code to PETRARCH
        if cur is not None and "#" in raw:
            cur["notes"] += raw.partition("#")[2]
    return entries


def actor_type(kind: str, entry: dict, code: str) -> str:
    """State, Person, Organization, Group, GovernmentBody or Region, from the file, the
    codes, the generator's comments ('CountryInfo.txt', 'IGOrulers.txt') and the name."""
    if kind == "MILNONSTATE":
        return "Group"
    dated = any(s or e for _, s, e in entry["roles"])
    if kind == "INTERNATIONAL":
        if "IGOrulers" in entry["notes"] or dated or any(c == "ELI" for c, _, _ in entry["roles"]):
            return "Person"
        return "Group" if code.startswith("IMG") else "Organization"
    if len(code) == 3 and iso3(code):
        return "State"
    words = set(re.split(r"[_\s-]+", entry["name"].upper())) - {""}
    if "CountryInfo" in entry["notes"] or (dated or len(words) > 1) and not words & ORG_WORDS:
        return "Person"
    sector = code[3:6]
    return "GovernmentBody" if sector in GOV_SECTORS else "Group" if sector in GROUP_SECTORS else "Region"


def slug(name: str) -> str:
    """Stable key: ASCII upper case, non-alphanumerics as '-': 'GEORGE_W._BUSH_' -> 'GEORGE-W-BUSH'."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().upper()
    return re.sub(r"[^A-Z0-9]+", "-", text).strip("-")


def read_actors(files: dict[str, list[str]]) -> tuple[list[dict[str, str]], list[dict[str, str]], Counter]:
    """Rows of actors.csv and roles.csv from the actor files (kind -> lines, in this order).

    One actor per entry with a role (a repeat with the same roles is merged): ``key`` the slug
    of its name (prefixed with the file kind if an earlier file took it, -2, -3 for repeats
    within a file), ``label``, ``type``, ``code`` the role in force after all dated roles,
    ``country`` its ISO-3 or '', ``aliases`` '|'-joined. One roles.csv row per role: the code
    as written, its country, sector (code[3:6], or the IGO/NGO/MNC... prefix of a non-state
    code), ``start`` and ``end`` as YYYY-MM-DD ('' = open)."""
    actors, roles, stats, taken = [], [], Counter(), {}
    for kind, lines in files.items():
        entries: dict[tuple, dict] = {}
        for entry in read_actor_entries(lines):
            sig = (slug(entry["name"]), frozenset(entry["roles"]))
            if not entry["roles"]:
                stats["skipped: entry without a code"] += 1
            elif sig in entries:  # International repeats whole sections
                entries[sig]["aliases"] += entry["aliases"]
                stats["merged: repeated entry"] += 1
            else:
                entries[sig] = entry
        for entry in entries.values():
            key = slug(entry["name"]) or "ACTOR"
            key = base = key if taken.get(key, kind) == kind else f"{kind}-{key}"
            for n in itertools.count(2):
                if key not in taken:
                    break
                key = f"{base}-{n}"
            taken[key] = kind
            code = current_role(entry["roles"])
            kind_of = actor_type(kind, entry, code)
            acronyms = 0 if kind_of == "Person" else 1 if kind_of in ("State", "Region") else 2
            label = display(entry["name"], acronyms)
            if kind_of in ("Organization", "Group", "GovernmentBody") and re.fullmatch(r"[A-Z]{2,5}_?", entry["name"]):
                label = entry["name"].rstrip("_")  # 'IAEA', 'HAMAS'
            seen, aliases = {label.lower()}, []
            for alias in (display(a.strip().rstrip("_"), acronyms) for a in entry["aliases"]):
                if len(alias) >= 3 and alias.lower() not in seen:
                    seen.add(alias.lower())
                    aliases.append(alias)
            actors.append({"key": key, "label": label, "type": kind_of, "country": iso3(code), "code": code,
                           "aliases": "|".join(aliases)})
            for c, start, end in entry["roles"]:
                country = iso3(c)
                sector = c[:3] if not country and c[:3] in GROUP_SECTORS | GOV_SECTORS else c[3:6]
                roles.append({"key": key, "code": c, "country": country, "sector": sector, "start": start, "end": end})
    roles = sorted({tuple(r.values()): r for r in roles}.values(),
                   key=lambda r: (r["key"], r["start"], r["end"], r["code"]))
    return sorted(actors, key=lambda r: r["key"]), roles, stats


# ---------------------------------------------------------------- CAMEO -> PLOVER

def read_cameo_plover(lines: list[str]) -> list[dict[str, str]]:
    """Rows ``cameo,plover,mode,context`` from ``CODE: PLOVER, mode, context # comment`` lines.
    Only the code mapping: the comments are the manual's (CC BY-SA) text and are dropped."""
    rows = set()
    for raw in lines:
        m = re.match(r"\s*(\d{2,4})\s*:(.*)", raw.split("#")[0])
        if m:
            fields = [" ".join(f.split()) for f in m.group(2).split(",")] + ["", ""]
            rows.add((m.group(1), *fields[:3]))
    return [dict(zip(("cameo", "plover", "mode", "context"), r)) for r in sorted(rows)]


# ---------------------------------------------------------------- entry point

SOURCE_MD = """# Converted event-coding dictionaries

Generated by `graphbuild/dictionaries.py`; do not edit. Regenerate with `make dictionaries
PETRARCH=../shared/data/petrarch2 PLOVER=../shared/data/plover/CAMEO2PLOVER-2021.txt`
(or `python -m graphbuild.dictionaries SOURCE_DIR PLOVER_TABLE OUT_DIR`).

- `verbs.csv`, `agents.csv`, `actors.csv`, `roles.csv`: from `CAMEO.2.0.txt`, `Phoenix.agents.txt`,
  `{actor_files}` of https://github.com/{petrarch_repo} at commit `{petrarch_commit}`
  (`petrarch2/data/dictionaries/`). MIT licence, {copyright}.
- `cameo_plover.csv`: only the CAMEO -> PLOVER code mapping (facts) of `CAMEO2PLOVER-2021.txt` of
  https://github.com/{plover_repo} at commit `{plover_commit}` (CC BY-SA 4.0: none of its text is copied).

| table | rows | columns |
| --- | --- | --- |
{table_rows}

Column meanings are in the docstrings of `graphbuild/dictionaries.py` (`read_verbs`, `read_agents`,
`read_actors`, `read_cameo_plover`).
"""


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m graphbuild.dictionaries", description=__doc__.splitlines()[0])
    ap.add_argument("source_dir", type=Path, help="the petrarch2 data/dictionaries folder")
    ap.add_argument("plover_table", type=Path, help="CAMEO2PLOVER-2021.txt")
    ap.add_argument("out_dir", type=Path)
    args = ap.parse_args(argv)
    src, out = args.source_dir, args.out_dir
    verbs, vstats = read_verbs(_lines(src / "CAMEO.2.0.txt"))
    agents, astats = read_agents(_lines(src / "Phoenix.agents.txt"))
    actors, roles, rstats = read_actors({k: _lines(src / f) for k, f in ACTOR_FILES.items()})
    tables = {"verbs.csv": verbs, "cameo_plover.csv": read_cameo_plover(_lines(args.plover_table)),
              "agents.csv": agents, "actors.csv": actors, "roles.csv": roles}
    out.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        with (out / name).open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=FIELDS[name], lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        print(f"{name}: {len(rows)} rows")
    for what, stats in (("verbs", vstats), ("agents", astats), ("actors", rstats)):
        for k, v in sorted(stats.items()):
            print(f"  {what} {k}: {v}")
    licence = [ln.strip() for ln in _lines(src / "LICENSE") if ln.startswith("Copyright")] \
        if (src / "LICENSE").is_file() else []
    (out / "SOURCE.md").write_text(SOURCE_MD.format(
        actor_files="`, `".join(ACTOR_FILES.values()), petrarch_repo=PETRARCH_REPO, petrarch_commit=PETRARCH_COMMIT,
        copyright=licence[0] if licence else "see its LICENSE", plover_repo=PLOVER_REPO, plover_commit=PLOVER_COMMIT,
        table_rows="\n".join(f"| `{n}` | {len(r)} | `{','.join(FIELDS[n])}` |" for n, r in tables.items())),
        encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
