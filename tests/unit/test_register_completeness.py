"""`catalogue-app check --register`: the inscribed records that lack compulsory columns of the
inventory register (1-13; 5 and 6 only for acquisitions after the law of 4 January 2002),
warnings on late inscriptions, exit 1 when any column is missing."""

from __future__ import annotations

from catalogue_app.records.register_completeness import register_gaps
from catalogue_app.records.store import insert_records
from tests.support import run_cli

COMPLETE = {"inventory_number": "2010.1.2", "acquisition_mode": "achat",
            "acquisition_source": "M. Y", "acquisition_date": "2010-02-01",
            "committee_opinion": "avis favorable", "acquisition_price": "100 €",
            "register_date": "2010-03-01", "designation": "bol", "inscriptions": "néant",
            "materials": ["terre"], "techniques": ["tournage"], "measurements": "H. 3 cm",
            "condition_at_acquisition": "bon"}


def test_a_complete_entry_lacks_nothing():
    gaps = register_gaps(COMPLETE)
    assert gaps.missing == () and not gaps.late


def test_opinion_and_price_are_compulsory_only_after_the_law_of_2002():
    before = {**COMPLETE, "acquisition_date": "1990-02-01", "register_date": "1990-03-01",
              "committee_opinion": "", "acquisition_price": ""}
    assert register_gaps(before).missing == ()
    after = {**before, "acquisition_date": "2002-01-05", "register_date": "2002-03-01"}
    assert register_gaps(after).missing == (5, 6)
    on_the_day = {**after, "acquisition_date": "04/01/2002"}
    assert register_gaps(on_the_day).missing == ()
    a_year_alone = {**after, "acquisition_date": "2002"}  # may be after: asked for
    assert register_gaps(a_year_alone).missing == (5, 6)


def test_every_empty_compulsory_column_is_named_and_lists_count_only_with_a_value():
    gaps = register_gaps({**COMPLETE, "materials": [], "techniques": [" "], "inscriptions": " ",
                          "acquisition_source": ""})
    assert gaps.missing == (3, 9, 10, 11)


def test_an_inscription_after_the_year_following_the_acquisition_is_late():
    assert not register_gaps({**COMPLETE, "register_date": "2011-12-31"}).late
    assert register_gaps({**COMPLETE, "register_date": "2012-01-02"}).late


def test_check_register_lists_what_is_missing_and_exits_1(catalogue):
    with catalogue.writing() as session:
        insert_records(session, [
            COMPLETE,
            {**COMPLETE, "inventory_number": "2010.1.3", "committee_opinion": "",
             "register_date": "2014-03-01"},
            {"inventory_number": "2010.1.4", "designation": "brouillon"},  # not inscribed
            {**COMPLETE, "inventory_number": "D.2010.1.1", "acquisition_source": "",
             "legal_status": "deposit"},  # the deposits register has columns of its own
        ], "test")
    catalogue.close()
    result = run_cli("--catalogue", str(catalogue.directory), "check", "--register",
                     env={"CATALOGUE_APP_LANG": "en"})
    assert result.returncode == 1, result.stderr
    lines = result.stderr.splitlines()
    assert "2010.1.3: compulsory register column(s) empty: 5. Avis des instances " \
           "scientifiques" in lines
    assert any(line.startswith("2010.1.3: warning: inscribed on 2014-03-01") for line in lines)
    assert not any(line.startswith(("2010.1.2", "2010.1.4", "D.2010.1.1")) for line in lines)


def test_check_register_exits_0_when_every_inscribed_record_is_complete(catalogue):
    with catalogue.writing() as session:
        insert_records(session, [COMPLETE], "test")
    catalogue.close()
    result = run_cli("--catalogue", str(catalogue.directory), "check", "--register",
                     env={"CATALOGUE_APP_LANG": "fr"})
    assert result.returncode == 0, result.stderr
    assert "1 bien(s) inscrit(s) : toutes les colonnes obligatoires" in result.stderr
