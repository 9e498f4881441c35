"""Words match whatever their case and accents."""

from catalogue_app.folding import fold


def test_case_and_accents_are_folded():
    assert fold("Épaisseur") == fold("EPAISSEUR") == fold("épaisseur") == "epaisseur"
    assert fold("Février Août Noël") == "fevrier aout noel"


def test_signs_that_are_not_accents_are_kept():
    assert fold("XIX° ; 1/2") == "xix° ; 1/2"
