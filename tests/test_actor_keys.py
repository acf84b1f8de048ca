"""Keys of unlinked actors: distinct and stable for names in any script (issue 11)."""

from __future__ import annotations

import re

import pytest

from graphbuild.actors import ActorResolver, slugify


@pytest.mark.parametrize("names", [
    ("Владимир Путин", "Сергей Шойгу", "محمد عباس", "习近平", "\ue000\ue001", "\ue002"),  # the last two: no ASCII
])
def test_actors_unlinked_non_latin_names_get_distinct_stable_keys(onto, names):
    keys = [ActorResolver(onto).link(name, "PERSON")[0].key for name in names]
    assert len(set(keys)) == len(names), keys
    assert keys == [ActorResolver(onto).link(name, "PERSON")[0].key for name in names]
    assert keys[:2] == ["x-person-vladimir-putin", "x-person-sergey-shoygu"]
    assert all(re.fullmatch(r"x-person-[a-z0-9]+(?:-[a-z0-9]+)*", k) for k in keys)


@pytest.mark.parametrize("text,slug", [("Côte d'Ivoire", "cote-d-ivoire"), ("Jonas Gahr Støre", "jonas-gahr-store"),
                                       ("Caf\u0065\u0301", "cafe")])
def test_actors_slugify_latin(text, slug):
    assert slugify(text) == slug
