"""PETRARCH/Phoenix dictionary converter: each reader on a small excerpt in the real format."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from graphbuild import dictionaries as d

CAMEO = """\
####### SYNONYM SETS #######

&CURRENCY
# <14.06.08: some of these are probably already plural
+DOLLAR
+EURO

&MILITARY
+TROOPS
+ARMED_FORCES

####### VERB PATTERNS #######

---  GRANT   [070]  ---
GRANT
GIVE {GAVE GIVEN }  # jw  11/14/91
+HAND_OVER {+HANDS_OVER +HANDED_OVER}
REFUSE [---]
- * &CURRENCY                                         [071]         # GRANT
- * {HUMANITARIAN AID}                                [0233]        # GIVE
- * SANCTIONS (ON)                                    [163]
- * (TO DEATH)                                        [173]
- * (UNDER SURVEILLANCE)                              [173]
- * OFF (FOR)                                         [042:043]     # GIVE
- &MILITARY *                                         [154]
- * (BEFORE COURT)                                    [:173]
- * ASYLUM                                            [---]
- * &UNDEFINED                                        [111]
- * {&MILITARY ASSISTANCE}                            [0232]
- * (TO/FOR PROTEST)                                  [141]
- * +                                                 [071]


---  ACCUSE   [---]  ---
ACCUSE
DENOUNCE [111]  ;tony  3/9/91
- * + (OF)                                            [112]
- * (OF)                                              [1121]
- * (OF) +                                            [1121]
- * ATTACK (ON EMBASSY)                               [111]
- * ATTACK (ON)                                       [112]
- * (FOR TORTURE)                                     [1122]
- * (FOR GENOCIDE)                                    [1124]

~ a (a b ATTACK) SAY = a b 015
"""

AGENTS = """\
# ======== SUBSTITUTION SETS ========

!PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
!MINIST! = MINISTER, MINISTERS, MINISTRY, MINISTRIES

CONGRESS!PERSON! [~LEG]
SOLDIER [~MIL] # jap 11 Oct 2002
POLICE {} [~COP]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG] # mj 05 Jan 2006
PEACEKEEPING_TROOPS {} [IGO~]
ENEMY [~REB]
CHAIRMAN [~GOV]
!MINIST! OF_PUBLIC_SERVICE_AND_AD!MINIST!RATIVE_REFORM [~GOVDEV]
DEPARMENT_OF_ENVIRONMENT [~ENV}
ISLAMIC_EXTREMIST
REFUGEE [~REF]
REFUGEE [~CVL]
"""

COUNTRIES = """\
RUSSIA_  [RUS]
+RUSSIAN_FEDERATION_
+MOSCOW_

VLADIMIR_PUTIN_  # CountryInfo.txt
+PUTIN_
+PRESIDENT_PUTIN_
\t[RUSELI 700101-990809]
\t[RUSGOV 990809-000507]
\t[RUSGOV >080508]
\t[RUSELI]
LEONID_ILYICH_BREZHNEV
SECRETARY_BREZHNEV
\t[RUSGOV 641014-821110]
GEORGE_W._BUSH_  # CountryInfo.txt
+U.S._PRESIDENT_GEORGE_W._BUSH
+GW
\t[USAELI 640101-010120]
\t[USAGOV 010120-090120]
\t[USAELI]
KREMLIN_
\t[RUSGOV]
KOSOVO [KSV] # using World Bank code-No ISO
AHMED_DARWISH_ [---]
"""

INTERNATIONAL = """\
UN_ [IGOUNO]
KOFI_ANNAN_\t
+K._ANNAN_
\t[IGOUNO 970101-061231]
\t[ELI]# IGOrulers.txt
AAPSO_\t[NGOHRI] #MleH 01 Jul 2010
AAPSO_\t[NGOHRI] #MleH 01 Jul 2010
KREMLIN_ [MNCRUS]
"""

MILNONSTATE = """\
HAMAS [PSEREBHMS]
+ISLAMIC_RESISTANCE_MOVEMENT_
UNITA_ [ANGREB] #  kkl 21 Mar 13
"""

PLOVER = """\
# CAMEO to PLOVER conversion table
# PLOVER manual version Draft 0.8, 17-September-2021

03: AGREE
030: AGREE,  , diplomatic # Express intent to cooperate
08: CONCEDE
08: RETREAT
091: ACCUSE, investigate, crime; corruption # Investigate crime, corruption
175: ASSAULT, pro_autocracy , military # Use violent repression
175: ASSAULT, pro_autocracy , military # Use tactics of violent repression
~~~~~
"""


def _lines(tmp_path: Path, name: str, text: str) -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return d._lines(path)


@pytest.fixture
def verbs(tmp_path):
    rows, stats = d.read_verbs(_lines(tmp_path, "CAMEO.2.0.txt", CAMEO))
    return {(r["lemma"], r["noun"], r["prep"]): r["cameo"] for r in rows}, stats


@pytest.fixture
def actors(tmp_path):
    files = {"COUNTRIES": COUNTRIES, "INTERNATIONAL": INTERNATIONAL, "MILNONSTATE": MILNONSTATE}
    rows, roles, stats = d.read_actors({k: _lines(tmp_path, f"{k}.txt", v) for k, v in files.items()})
    return {r["key"]: r for r in rows}, roles, stats


@pytest.mark.parametrize("key,code", [
    (("grant", "", ""), "070"),                 # the block's default code
    (("give", "", ""), "070"),                  # irregular forms in {} are dropped
    (("hand over", "", ""), "070"),             # multiword verb
    (("grant", "dollar", ""), "071"),           # synset expanded to its members
    (("give", "euro", ""), "071"),
    (("grant", "humanitarian aid", ""), "0233"),  # a {} group stays one compound
    (("grant", "sanction", "on"), "163"),       # plural noun made singular
    (("refuse", "", ""), "071"),                # own [---]: no bare row, but '- * +' applies
    (("denounce", "", ""), "111"),              # a verb's own code beats the block's ---
    (("accuse", "", "of"), "1121"),             # most frequent code among exact patterns
    (("accuse", "attack", "on"), "112"),        # an exact pattern beats an earlier lossy one
])
def test_dictionaries_verbs_rows(verbs, key, code):
    assert verbs[0][key] == code


@pytest.mark.parametrize("key", [
    ("accuse", "", ""),        # block [---] and no own code
    ("grant", "", "before"),   # [:173] is the reverse direction only
    ("grant", "asylum", ""),   # [---]
    ("grant", "troop", ""),    # subject-side synset only: nothing after *
    ("grant", "", "to"),       # only reached by cutting (TO DEATH) and (TO/FOR PROTEST)
    ("grant", "", "for"),      # (TO/FOR PROTEST) cut to its preposition claims no protest
    ("grant", "", "off"),      # 'OFF (FOR)' cut to its particle
    ("grant", "", "under"),    # '(UNDER ARREST)' cut to its preposition
    ("grant", "assistance", ""),  # '{&MILITARY ASSISTANCE}' cut to its head
    ("accuse", "", "for"),     # (FOR TORTURE), (FOR GENOCIDE): only cut patterns reach it
])
def test_dictionaries_verbs_skips(verbs, key):
    assert key not in verbs[0]


def test_dictionaries_verbs_counts_skipped_patterns(verbs):
    stats = verbs[1]
    assert stats["patterns"] == 20
    assert stats["keys dropped: only patterns that dropped words"] == 22  # keys only cut patterns reach, e.g. (grant, "", to)
    assert stats["patterns skipped: code ---, reverse-only [:code] or none"] == 2
    assert stats["patterns skipped: nothing after * or undefined synset"] == 2


def test_dictionaries_agents_rows(tmp_path):
    rows, stats = d.read_agents(_lines(tmp_path, "Phoenix.agents.txt", AGENTS))
    got = {r["noun"]: r["sector"] for r in rows}
    assert got == {
        "congressman": "LEG", "congressmen": "LEG", "congresswoman": "LEG", "congresswomen": "LEG",
        "congressperson": "LEG",                    # substitution set, no extra plurals
        "soldier": "MIL", "soldiers": "MIL",
        "police": "COP",                            # {}: no plural
        "attorney general": "GOV", "attorneys general": "GOV",  # listed plural; first 3-letter sector
        "peacekeeping troops": "IGO",               # NGO~-style code
        "enemy": "REB", "enemies": "REB", "chairman": "GOV", "chairmen": "GOV",
        "minister of public service and administrative reform": "GOV",  # embedded marker put back
        "ministers of public service and administrative reform": "GOV",
        "ministry of public service and administrative reform": "GOV",
        "ministries of public service and administrative reform": "GOV",
        "deparment of environment": "ENV", "deparments of environment": "ENV",  # [~ENV} typo
        "refugee": "REF", "refugees": "REF",        # first entry wins
    }
    assert stats["skipped: no 3-letter sector code"] == 1
    assert [r["noun"] for r in rows] == sorted(got)


def test_dictionaries_actors_person_roles_and_dates(actors):
    rows, roles, _ = actors
    putin = rows["VLADIMIR-PUTIN"]
    assert (putin["label"], putin["type"], putin["country"], putin["code"]) == \
        ("Vladimir Putin", "Person", "RUS", "RUSGOV")
    assert putin["aliases"] == "Putin|President Putin"
    assert [(r["code"], r["country"], r["sector"], r["start"], r["end"]) for r in roles
            if r["key"] == "VLADIMIR-PUTIN"] == [
        ("RUSELI", "RUS", "ELI", "", ""),
        ("RUSELI", "RUS", "ELI", "1970-01-01", "1999-08-09"),
        ("RUSGOV", "RUS", "GOV", "1999-08-09", "2000-05-07"),
        ("RUSGOV", "RUS", "GOV", "2008-05-08", ""),
    ]


@pytest.mark.parametrize("key,label,kind,country,code,aliases", [
    ("RUSSIA", "Russia", "State", "RUS", "RUS", "Russian Federation|Moscow"),
    ("GEORGE-W-BUSH", "George W. Bush", "Person", "USA", "USAELI", "U.S. President George W. Bush"),  # 'GW' < 3
    ("LEONID-ILYICH-BREZHNEV", "Leonid Ilyich Brezhnev", "Person", "RUS", "RUSGOV", "Secretary Brezhnev"),
    ("KREMLIN", "Kremlin", "GovernmentBody", "RUS", "RUSGOV", ""),
    ("KOSOVO", "Kosovo", "State", "XKX", "KSV", ""),
    ("UN", "UN", "Organization", "", "IGOUNO", ""),
    ("KOFI-ANNAN", "Kofi Annan", "Person", "", "ELI", "K. Annan"),
    ("AAPSO", "AAPSO", "Organization", "", "NGOHRI", ""),
    ("INTERNATIONAL-KREMLIN", "Kremlin", "Organization", "", "MNCRUS", ""),  # key taken by Countries
    ("HAMAS", "HAMAS", "Group", "PSE", "PSEREBHMS", "Islamic Resistance Movement"),
    ("UNITA", "UNITA", "Group", "AGO", "ANGREB", ""),   # CAMEO ANG -> ISO AGO
])
def test_dictionaries_actors_rows(actors, key, label, kind, country, code, aliases):
    row = actors[0][key]
    assert (row["label"], row["type"], row["country"], row["code"], row["aliases"]) == \
        (label, kind, country, code, aliases)


def test_dictionaries_actors_skip_uncoded_and_merge_repeats(actors):
    rows, roles, stats = actors
    assert "AHMED-DARWISH" not in rows and "AAPSO-2" not in rows
    assert stats["skipped: entry without a code"] == 1 and stats["merged: repeated entry"] == 1
    assert list(rows) == sorted(rows)
    assert [r for r in roles if r["key"] == "KOFI-ANNAN"][1]["sector"] == "IGO"


def test_dictionaries_cameo_plover_rows(tmp_path):
    rows = d.read_cameo_plover(_lines(tmp_path, "CAMEO2PLOVER-2021.txt", PLOVER))
    assert [tuple(r.values()) for r in rows] == [
        ("03", "AGREE", "", ""),
        ("030", "AGREE", "", "diplomatic"),
        ("08", "CONCEDE", "", ""),
        ("08", "RETREAT", "", ""),
        ("091", "ACCUSE", "investigate", "crime; corruption"),
        ("175", "ASSAULT", "pro_autocracy", "military"),
    ]


@pytest.mark.parametrize("text,expected", [
    ("700101", "1970-01-01"), ("080508", "2008-05-08"), ("19240101", "1924-01-01"),
    ("9008223", ""), ("20100931", ""),
])
def test_dictionaries_parse_date(text, expected):
    assert d.parse_date(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("[CHNGOV >20121115]", [("CHNGOV", "2012-11-15", "")]),
    ("[EGYGOV > 140608]", [("EGYGOV", "2014-06-08", "")]),
    ("[USRARM <900823]", [("USRARM", "", "1990-08-23")]),
    ("[USAGOV 20010120-20090120]", [("USAGOV", "2001-01-20", "2009-01-20")]),
    ("[IGOUNO 820101-911231] [ELI]", [("IGOUNO", "1982-01-01", "1991-12-31"), ("ELI", "", "")]),
    ("[MNEGOV 20121204]", [("MNEGOV", "", "")]),   # a lone date is no restriction (as PETRARCH)
    ("[---]", []),
])
def test_dictionaries_parse_roles(text, expected):
    assert d.parse_roles(text) == expected


@pytest.mark.parametrize("word,expected", [
    ("sanctions", "sanction"), ("rallies", "rally"), ("clashes", "clash"), ("talks", "talk"),
    ("process", "process"), ("crisis", "crisis"), ("news", "news"), ("ties", "tie"),
])
def test_dictionaries_singular(word, expected):
    assert d.singular(word) == expected


@pytest.mark.parametrize("text,expected", [
    ("diplomat", "diplomats"), ("enemy", "enemies"), ("attorney", "attorneys"), ("chairman", "chairmen"),
    ("boss", "bosses"), ("chamber of commerce", "chambers of commerce"), ("human", "humans"),
    ("armed forces", None), ("1st lt.", None),
])
def test_dictionaries_plural(text, expected):
    assert d.plural(text) == expected


@pytest.mark.parametrize("text,acronyms,expected", [
    ("GEORGE_W._BUSH", 0, "George W. Bush"),
    ("SECRETARY-GENERAL_BAN_KI-MOON", 0, "Secretary-General Ban Ki-Moon"),
    ("BASHAR_AL-ASSAD", 0, "Bashar al-Assad"),
    ("US_PRESIDENT_BARACK_OBAMA", 0, "US President Barack Obama"),
    ("HU_JINTAO", 0, "Hu Jintao"),
    ("DENIS_MCDONOUGH", 0, "Denis McDonough"),
    ("THE_DRC", 1, "The DRC"),
    ("HO_CHI_MINH_CITY", 1, "Ho Chi Minh City"),
    ("UN_SECRETARY_GENERAL", 2, "UN Secretary General"),
    ("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)", 2, "Aden Abyan Islamic Army (AAIA)"),
    ("KURDISTAN_WORKERS_PARTY_PKK", 2, "Kurdistan Workers Party PKK"),
])
def test_dictionaries_display_names(text, acronyms, expected):
    assert d.display(text, acronyms) == expected


def test_dictionaries_main_writes_tables_deterministically(tmp_path):
    src = tmp_path / "petrarch2"
    src.mkdir()
    for name, text in [("CAMEO.2.0.txt", CAMEO), ("Phoenix.agents.txt", AGENTS),
                       ("Phoenix.Countries.actors.txt", COUNTRIES), ("Phoenix.International.actors.txt", INTERNATIONAL),
                       ("Phoenix.MilNonState.actors.txt", MILNONSTATE),
                       ("LICENSE", "The MIT License (MIT)\n\nCopyright (c) 2014 Open Event Data\n")]:
        (src / name).write_text(text, encoding="utf-8")
    (tmp_path / "c2p.txt").write_text(PLOVER, encoding="utf-8")
    outputs = []
    for run in ("a", "b"):
        assert d.main([str(src), str(tmp_path / "c2p.txt"), str(tmp_path / run)]) == 0
        outputs.append({p.name: p.read_bytes() for p in sorted((tmp_path / run).iterdir())})
    assert outputs[0] == outputs[1]
    assert set(outputs[0]) == {"verbs.csv", "cameo_plover.csv", "agents.csv", "actors.csv", "roles.csv", "SOURCE.md"}
    with (tmp_path / "a" / "roles.csv").open(encoding="utf-8") as fh:
        assert next(csv.reader(fh)) == ["key", "code", "country", "sector", "start", "end"]
    source = outputs[0]["SOURCE.md"].decode()
    assert d.PETRARCH_COMMIT in source and d.PLOVER_COMMIT in source
    assert "Copyright (c) 2014 Open Event Data" in source and "| `verbs.csv` |" in source
