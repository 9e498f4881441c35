"""Column names that French museums' spreadsheets commonly give each field, besides the field's
own name and labels: the import wizard suggests these fields for such columns (the user still
confirms the mapping). Joconde's own column names come from its shipped mapping
(resources/mappings/joconde.json); its POP field codes are here."""

from __future__ import annotations

COMMON_NAMES: dict[str, tuple[str, ...]] = {
    "inventory_number": ("N° d'inventaire", "N° inventaire", "No inventaire", "Numéro inventaire",
                         "Numéro d'inv", "N° inv", "Inv", "Inventaire", "Cote", "INV"),
    "designation": ("Dénomination", "Désignation", "Nom de l'objet", "Objet", "Type d'objet",
                    "DENO"),
    "title": ("Titre de l'œuvre", "Appellation", "TITR"),
    "authors": ("Auteur", "Auteurs", "Artiste", "Fabricant", "Créateur", "Exécutant", "AUTR"),
    "dating": ("Datation", "Date", "Époque", "Siècle", "Période", "Date de création",
               "Période de création", "PERI"),
    "materials": ("Matériaux", "Matériau", "Matière", "Matières", "Matériaux et techniques",
                  "Matériaux-techniques", "TECH"),
    "techniques": ("Technique", "Technique de réalisation"),
    "measurements": ("Dimensions", "Dimension", "Mesure", "DIMS"),
    "description": ("Descriptif", "DESC"),
    "inscriptions": ("Inscriptions", "Inscription", "Marques", "Précisions inscriptions",
                     "INSC"),
    "subjects": ("Sujet", "Sujets", "Iconographie", "REPR"),
    "function": ("Fonction", "Utilisation", "Usage", "UTIL"),
    "origin_place": ("Lieu de création", "Lieu de fabrication", "Lieu d'origine", "Origine",
                     "LIEUX"),
    "acquisition_mode": ("Mode d'entrée", "Type d'acquisition"),
    "acquisition_source": ("Donateur", "Vendeur", "Ancien propriétaire",
                           "Ancienne appartenance", "APTN"),
    "acquisition_date": ("Date d'acquisition", "Date d'entrée", "DACQ"),
    "acquisition_price": ("Prix", "Prix d'achat"),
    "register_date": ("Date d'inscription", "Date d'inscription à l'inventaire"),
    "condition_at_acquisition": ("État", "État de conservation", "Constat d'état"),
    "observations": ("Remarques", "Notes", "Commentaires", "Commentaire", "Observation"),
    "number_of_parts": ("Nombre de pièces", "Nb éléments", "Nombre d'objets"),
    "current_location": ("Emplacement", "Lieu de conservation", "Localisation actuelle"),
    "credit_line": ("Crédit", "Crédit photographique"),
    "themes": ("Domaine", "Domaines", "Thème", "DOMN"),
}
