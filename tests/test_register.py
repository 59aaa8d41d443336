"""The person register (ontology/personen.ttl): generated from public facts, loadable, and telling namesakes apart."""

from __future__ import annotations

from collections import Counter

from kg.register import load_register, name_forms, persons_named


def test_register_holds_kamerleden_and_bewindspersonen_with_ids():
    persons = load_register()
    assert len(persons) > 700
    assert len({p.path for p in persons}) == len(persons)
    roles = Counter(m.role for p in persons for m in p.memberships)
    assert roles["kamerlid"] > 900 and roles["minister"] > 50 and roles["staatssecretaris"] > 30


def test_the_two_van_dijks_are_two_register_persons_with_their_own_party():
    by_given = {p.given_name: p for p in persons_named("van dijk")}
    assert by_given["Jasper"].parties() == {"id/partij/sp"}
    assert by_given["Gijs"].parties() == {"id/partij/pvda"}
    assert by_given["Jasper"].path != by_given["Gijs"].path
    assert by_given["Gijs"].initials == "G.J."


def test_name_forms_include_the_surname_form_kamerstukken_use():
    (van_ark,) = persons_named("Van Ark")
    assert {"Tamara van Ark", "Van Ark", "T. van Ark"} <= set(name_forms()[van_ark.path])


def test_posts_are_dated():
    (koolmees,) = persons_named("Koolmees")
    assert "id/post/minister--szw" in koolmees.posts("2019-06-01")
    assert "id/post/minister--szw" not in koolmees.posts("2015-06-01")
    assert "id/post/kamerlid--tweede-kamer" in koolmees.posts("2015-06-01")
