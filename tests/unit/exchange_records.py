"""Record dicts for the export tests: one that fills every field with the characters that break
careless exporters (accents, quotes, <&>, ";", line breaks)."""

from __future__ import annotations

from typing import Any

MUSEUM = {"code": "M0694", "name": "musée des beaux-arts et de la dentelle",
          "owner": "propriété de la commune", "town": "Alençon"}

PRIVATE_VALUES = {
    "acquisition_source": "Mme Jacoby-Lévêque, donatrice",
    "acquisition_price": "12 000 F ; subvention FRAM 40 %",
    "committee_opinion": "Avis favorable du comité « textile »",
    "current_location": "Réserve B, armoire 12",
    "observations": "Note interne : vérifier l'étiquette",
}


def full_record(number: int = 1) -> dict[str, Any]:
    return {
        "id": f"3f0e8a52-5d1c-4b8e-9a57-{number:012d}",
        "inventory_number": f"1968.3.244.{number} ; 1968.3.244.{number + 1}",
        "acquisition_mode": "don",
        "acquisition_date": "1956-07-04",
        "register_date": "1956-08-01",
        "designation": "Coiffe <cornette> & \"bonnet\"",
        "inscriptions": "RB (transcription) ; sur le maître-brin\n« Liberté – Ordre public »",
        "materials": ["lin", "soie ; fil d'or"],
        "techniques": ["dentelle aux fuseaux", "point d'Alençon"],
        "measurements": "Dimensions hors tout en cm : H. 49, l. 68.5 EP 3",
        "measurement_rows": [
            {"kind": "height", "value": 49.0, "unit": "cm"},
            {"kind": "width", "value": 68.5, "unit": "cm"},
        ],
        "condition_at_acquisition": "Bon état, petite déchirure <2 cm>",
        "authors": [{"name": "Atelier Lemarchand", "role": "fabricant"},
                    {"name": "anonyme", "role": None}],
        "dating": "vers 1880 - 1900 (?)",
        "date_earliest": 1880,
        "date_latest": 1900,
        "function": "accessoire du vêtement",
        "origin_place": "Bayeux (Calvados) & environs",
        "title": "Coiffe de mariée dite \"la Fête-Dieu\"\nseconde ligne",
        "description": "Décor compartimenté : <bouquets> & rinceaux ;\n\"point de neige\".",
        "subjects": ["fleur (ornement)", "épi de blé"],
        "number_of_parts": "2",
        "credit_line": "Don de Mme J., 1956 — © Musée",
        "public": True,
        "themes": ["Textile > Dentelle", "Textile > Costume & accessoires"],
        "images": [
            {"sha256": "b" * 64, "file_name": "1968.3.244 verso.tif", "media_type": "image/tiff",
             "view_type": "verso", "caption": "Revers, lumière rasante", "credit": "© Musée",
             "licence": "CC BY-SA 4.0", "photographer": "Hélène Dupré", "is_primary": False,
             "publishable": False},
            {"sha256": "a" * 64, "file_name": "1968.3.244.jpg", "media_type": "image/jpeg",
             "view_type": "general", "caption": "Vue générale <face>", "credit": "© Musée",
             "licence": "CC BY 4.0", "photographer": "Hélène Dupré", "is_primary": True,
             "publishable": True},
        ],
        "museum": {"code": MUSEUM["code"], "name": MUSEUM["name"]},
        **PRIVATE_VALUES,
    }
