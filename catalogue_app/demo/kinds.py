"""The kinds of object the demo generator makes (see generator.py).

Each kind ties object names to the materials, techniques, makers, places, dates and theme that
go with them: a coiffe is of linen and tagged Textile > Coiffes, a faience plate is tagged
Céramique > Faïence. Labels are those of the seed vocabularies in resources/vocabularies/ and
theme paths those of resources/themes.json; generator.py checks both when it loads.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    theme: str  # path in the theme tree, "Top > Sub"
    designations: tuple[str, ...]
    materials: tuple[str, ...]
    techniques: tuple[str, ...]
    function: str
    years: tuple[int, int]
    shape: str  # drives measurements and the placeholder image
    makers: tuple[str, ...] = ()
    maker_role: str | None = "maker"
    maker_rate: float = 0.0
    places: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    titles: tuple[str, ...] = ()  # "{place}" becomes the origin place, or a Normandy town
    periods: tuple[str, ...] = ()  # fixed datings, for kinds dated by period rather than year
    marks: str = "none"  # which inscriptions fit (generator._INSCRIPTIONS)
    extra_theme: str | None = None
    patrons: tuple[str, ...] = ()  # people who collected or commissioned, rather than made
    patron_role: str = "collector"
    family: str = "default"  # which acquisition modes fit (generator._MODES)
    weight: int = 2


def kind(theme: str, designations: str, materials: str, techniques: str, **options) -> Kind:
    """A kind written compactly: label lists as "a|b|c" strings."""
    for key in ("makers", "places", "subjects", "titles", "periods", "patrons"):
        if isinstance(options.get(key), str):
            options[key] = split(options[key])
    return Kind(theme, split(designations), split(materials), split(techniques), **options)


def split(labels: str) -> tuple[str, ...]:
    return tuple(label for label in labels.split("|") if label)


COAST = ("Dieppe|Fécamp|Étretat|Le Havre|Honfleur|Trouville-sur-Mer|Granville|Cherbourg|"
         "Le Tréport|Yport")
_PAINTERS_19 = (
    "Boudin, Eugène|Monet, Claude|Jongkind, Johan Barthold|Lebourg, Albert|Pissarro, Camille|"
    "Sisley, Alfred|Lépine, Stanislas|Dubourg, Louis-Alexandre|Isabey, Eugène|Huet, Paul|"
    "Courbet, Gustave|Corot, Jean-Baptiste Camille|Daubigny, Charles-François|Frechon, Charles|"
    "Pinchon, Robert Antoine|Delattre, Joseph|Lemaître, Léon-Jules|Guilbert, Narcisse|"
    "Millet, Jean-François|Troyon, Constant|Harpignies, Henri|Le Sidaner, Henri|Dufy, Raoul|"
    "Friesz, Othon|Marquet, Albert|Vallotton, Félix|Blanche, Jacques-Émile|Sickert, Walter|"
    "Bonington, Richard Parkes|Morisot, Berthe|Caillebotte, Gustave|Luce, Maximilien"
)
_PAINTERS_OLD = (
    "Poussin, Nicolas|Jouvenet, Jean|Restout, Jean|Vouet, Simon|Le Brun, Charles|"
    "Champaigne, Philippe de|La Hyre, Laurent de|Stella, Jacques|Rigaud, Hyacinthe|"
    "Largillierre, Nicolas de|Oudry, Jean-Baptiste|Boucher, François|Fragonard, Jean-Honoré|"
    "Chardin, Jean Siméon|Greuze, Jean-Baptiste|Vernet, Joseph|Robert, Hubert|Le Nain, Louis"
)
_PHOTOGRAPHERS = (
    "Le Gray, Gustave|Le Secq, Henri|Bayard, Hippolyte|Baldus, Édouard|Nadar|Nadar, Paul|"
    "Carjat, Étienne|Disdéri, André-Adolphe-Eugène|Bisson, Louis-Auguste|Marville, Charles|"
    "Atget, Eugène|Demachy, Robert|Puyo, Constant|Lartigue, Jacques Henri|Séeberger, Jules|"
    "Séeberger, Louis|Séeberger, Henri|Gimpel, Léon|Mieusement, Médéric|Braun, Adolphe|"
    "Durandelle, Louis-Émile|Doisneau, Robert|Ronis, Willy|Boubat, Édouard|Capa, Robert"
)
_VIEWS = ("Vue de {place}|Le port de {place}|La plage de {place}|{place}, le marché|"
          "{place}, l'église")

KINDS: tuple[Kind, ...] = (
    # Textile
    kind("Textile > Coiffes", "coiffe|bonnet|bonnet de nuit|béguin|cornette|fond de coiffe|"
         "barbe de coiffe|bavolet", "lin|coton|mousseline|tulle|batiste|soie",
         "broderie blanche|tuyautage|amidonnage|dentelle aux fuseaux|tulle brodé|couture à la main",
         function="vêtement : couvre-chef", years=(1800, 1930), shape="garment", marks="textile",
         places="Pays de Caux|Pays d'Auge|Bessin|Cotentin|Caen|Bayeux|Coutances|Granville|Rouen",
         family="ethnology", weight=6),
    kind("Textile > Dentelle", "col|volant|barbe|manchette|voile de mariée|échantillon de dentelle|"
         "collerette|jabot|mouchoir", "lin|soie|coton|fil d'or",
         "point d'Alençon|point d'Argentan|dentelle de Bayeux|dentelle de Chantilly|"
         "dentelle aux fuseaux|dentelle à l'aiguille|dentelle mécanique|guipure",
         function="accessoire du vêtement", years=(1680, 1930), shape="flat",
         makers="Huignard, Jules|Maison Lefébure|Lefébure, Auguste", maker_rate=0.3,
         places="Alençon|Argentan|Bayeux|Caen|Chantilly|Bruges", subjects="fleur|rinceaux",
         weight=6),
    kind("Textile > Costume", "robe|jupe|jupon|corsage|caraco|casaquin|chemise|blaude|gilet|veste|"
         "redingote|manteau|cape|pèlerine|tablier|corset|robe de mariée",
         "lin|coton|soie|laine|velours|satin|taffetas|drap de laine|indienne|cretonne",
         "couture à la main|couture à la machine|broderie|plissage|smocks|piqûre|tissage",
         function="vêtement", years=(1750, 1950), shape="garment", marks="textile",
         family="ethnology", weight=6),
    kind("Textile > Accessoires du costume", "châle|fichu|étole|foulard|ceinture|bourse|réticule|"
         "gants|mitaines", "soie|laine|coton|cachemire|cuir|perle de verre",
         "tissage|broderie|impression à la planche|couture à la main|tricot",
         function="accessoire du vêtement", years=(1780, 1950), shape="flat", weight=3),
    kind("Textile > Accessoires du costume", "éventail|ombrelle|épingle à chapeau|"
         "boucle de ceinture|bouton de vêtement", "nacre|ivoire|écaille|métal doré|soie|os",
         "sculpture|ciselure|gravure|tournage", function="accessoire du vêtement",
         years=(1780, 1950), shape="small", weight=2),
    kind("Textile > Accessoires du costume", "sabots|souliers|bottines", "bois|hêtre|cuir|noyer",
         "sculpture|couture à la main", function="vêtement : chaussure", years=(1800, 1950),
         shape="small", family="ethnology", weight=1),
    kind("Textile > Linge de maison", "drap|nappe|serviette de table|taie d'oreiller|torchon|"
         "courtepointe|couvre-lit|rideau|marquoir", "lin|chanvre|coton|toile de lin|damas",
         "tissage à la main|broderie au point de croix|jours|ourlet|broderie blanche",
         function="linge de maison", years=(1780, 1950), shape="flat", marks="textile",
         family="ethnology", weight=3),
    kind("Textile > Mouchoirs imprimés", "mouchoir illustré|mouchoir", "coton|toile de coton",
         "impression au rouleau|impression à la planche|impression sur étoffe",
         function="accessoire du vêtement", years=(1830, 1900), shape="flat",
         makers="Buquet, Narcisse Alexandre|Lamy-Godard frères", maker_rate=0.8,
         places="Rouen|Déville-lès-Rouen|Bolbec|Darnétal",
         subjects="scène historique|carte|alphabet|fable|chemin de fer|Napoléon Ier|vue de ville",
         titles="Les fables de La Fontaine|Le chemin de fer de Paris à Rouen|"
         "Alphabet illustré|Carte de la Normandie|Vue de {place}", weight=3),
    kind("Textile > Industrie textile", "métier à tisser|navette|dévidoir", "bois|fer|hêtre",
         "menuiserie|tournage sur bois|assemblage", function="travail textile",
         years=(1800, 1960), shape="tool", family="industry",
         places="Elbeuf|Louviers|Bolbec|Barentin|Le Petit-Quevilly|Flers|Condé-sur-Noireau"),
    kind("Textile > Industrie textile", "échantillon de tissu",
         "coton|laine|drap de laine|indienne",
         "tissage mécanique|impression au rouleau|teinture", function="échantillon commercial",
         years=(1800, 1960), shape="flat", family="industry",
         places="Elbeuf|Louviers|Bolbec|Rouen|Darnétal|Le Petit-Quevilly"),
    kind("Agriculture > Lin et chanvre", "broie|peigne à carder|quenouille|rouet|dévidoir",
         "bois|chêne|hêtre|fer", "menuiserie|tournage sur bois|assemblage|forge",
         function="travail du lin", years=(1750, 1930), shape="tool",
         places="Pays de Caux|Yvetot|Bernay|Lieuvin|Roumois", family="ethnology"),
    # Photography
    kind("Photographie > Négatifs sur verre", "négatif sur verre|plaque de verre stéréoscopique|"
         "autochrome", "plaque de verre|gélatine|collodion",
         "gélatino-bromure d'argent|collodion humide|autochrome|photographie stéréoscopique",
         function="document photographique", years=(1855, 1940), shape="negative",
         makers=_PHOTOGRAPHERS + "|Léon, Auguste|Passet, Stéphane|Neurdein frères",
         maker_role="author", maker_rate=0.5, places=COAST + "|Rouen|Caen|Bayeux|Lisieux",
         subjects="port|plage|marché|église|ferme|falaise|bateau de pêche|portrait|rue",
         titles=_VIEWS + "|Pêcheurs sur la grève|Portrait de femme en coiffe|Les falaises",
         marks="photo", weight=5),
    kind("Photographie > Tirages photographiques", "photographie|tirage photographique|"
         "carte de visite photographique|album photographique",
         "papier albuminé|papier salé|papier baryté|papier gélatino-argentique|carton",
         "tirage sur papier albuminé|tirage argentique|tirage au charbon|gomme bichromatée|"
         "platinotype|cyanotype", function="document photographique", years=(1850, 1980),
         shape="frame", makers=_PHOTOGRAPHERS, maker_role="author", maker_rate=0.6,
         places=COAST + "|Rouen|Caen|Paris",
         subjects="portrait|paysage|marine|scène de genre|monument|port",
         titles=_VIEWS + "|Portrait d'homme|Marine|Falaises d'Étretat|Scène de plage|"
         "Les régates", marks="photo", weight=5),
    kind("Photographie > Daguerréotypes", "daguerréotype|ambrotype|ferrotype",
         "plaque de métal|argent|cuivre|verre", "daguerréotype|ambrotype|ferrotypie",
         function="portrait", years=(1839, 1880), shape="frame",
         makers="Daguerre, Louis|Bayard, Hippolyte|Bisson, Louis-Auguste", maker_role="author",
         maker_rate=0.1, subjects="portrait",
         titles="Portrait d'homme|Portrait de femme|Portrait d'enfant|Portrait de famille"),
    kind("Photographie > Cartes postales", "carte postale", "carton|papier",
         "phototypie|chromolithographie|héliogravure", function="correspondance",
         years=(1898, 1960), shape="card", makers="Neurdein frères|Lévy et fils",
         maker_rate=0.6, places=COAST + "|Rouen|Caen|Évreux|Alençon|Saint-Lô|Lisieux",
         subjects="vue de ville|plage|port|église|château", titles=_VIEWS, weight=4),
    kind("Photographie > Appareils photographiques", "appareil photographique|"
         "chambre photographique|objectif photographique|stéréoscope|lanterne magique",
         "bois|acajou|laiton|cuir|verre|acier", "ébénisterie|mécanique|polissage|assemblage",
         function="prise de vue photographique", years=(1850, 1960), shape="box",
         makers="Hermagis|Darlot, Alphonse|Kodak|Voigtländer|Chevalier, Charles|Gaumont|"
         "Lerebours et Secretan", maker_rate=0.7, marks="maker", extra_theme="Sciences et "
         "techniques > Optique", family="industry"),
    # Agriculture
    kind("Agriculture > Outils agricoles", "faux|faucille|fourche|râteau|fléau|bêche|houe|serpe|"
         "hache|pioche", "fer|bois|frêne|acier", "forge|martelage|assemblage",
         function="travail agricole", years=(1800, 1950), shape="tool", family="ethnology",
         places="Pays d'Auge|Pays de Caux|Pays de Bray|Bocage normand|Perche|Cotentin|Bessin",
         weight=4),
    kind("Agriculture > Machines agricoles", "charrue|herse|semoir|moissonneuse|faucheuse|batteuse|"
         "tarare|coupe-racines|hache-paille|rouleau agricole|araire", "fer|fonte|bois|acier",
         "forge|assemblage|mécanique|rivetage", function="travail agricole", years=(1850, 1960),
         shape="machine", makers="Bajac|Puzenat|Société française de Vierzon|McCormick|"
         "Amouroux frères|Simon frères", maker_rate=0.6, marks="maker", family="industry",
         places="Pays d'Auge|Pays de Caux|Vexin normand|Perche|Cotentin", weight=3),
    kind("Agriculture > Laiterie et fromagerie", "baratte|moule à beurre|seau", "bois|hêtre|chêne",
         "tonnellerie|tournage sur bois|sculpture", function="laiterie", years=(1800, 1960),
         shape="vessel", family="ethnology", subjects="vache|fleur|épi de blé",
         places="Isigny-sur-Mer|Pays de Bray|Bessin|Cotentin|Pays d'Auge", weight=2),
    kind("Agriculture > Laiterie et fromagerie", "écrémeuse|pot à lait en cuivre|cannette à lait|"
         "moule à fromage", "cuivre|ferblanc|laiton|fer", "dinanderie|étamage|emboutissage",
         function="laiterie", years=(1800, 1960), shape="vessel", family="ethnology",
         places="Camembert|Livarot|Pont-l'Évêque|Vimoutiers|Isigny-sur-Mer", weight=2),
    kind("Agriculture > Laiterie et fromagerie", "faisselle|pot", "terre vernissée|grès",
         "tournage (céramique)|glaçure", function="laiterie", years=(1750, 1950),
         shape="vessel", family="ethnology", places="Pays de Bray|Bessin|Pays d'Auge", weight=1),
    kind("Agriculture > Cidre et vergers", "pressoir|broyeur à pommes|tonneau",
         "chêne|bois|fer|granit", "tonnellerie|assemblage|taille de pierre|forge",
         function="fabrication du cidre", years=(1750, 1960), shape="machine",
         makers="Simon frères", maker_rate=0.2, family="ethnology",
         places="Pays d'Auge|Domfront|Cambremer|Pays de Caux|Cotentin", weight=2),
    kind("Agriculture > Cidre et vergers", "pot à cidre|fontaine à cidre|cruche",
         "grès|grès au sel|terre vernissée", "tournage (céramique)|cuisson au bois|glaçure",
         function="service du cidre", years=(1750, 1950), shape="vessel", family="ethnology",
         places="Pays d'Auge|Domfront|Noron-la-Poterie|Ger", extra_theme="Céramique > Grès"),
    kind("Agriculture > Harnachement", "joug|collier d'attelage|bride|selle|étrier|sonnaille|"
         "clarine|mors", "cuir|bois|fer|laiton|paille", "sellerie|forge|couture à la main",
         function="attelage", years=(1800, 1950), shape="tool", family="ethnology"),
    kind("Agriculture > Élevage", "sonnaille|clarine|seau|joug", "fer|laiton|bois|cuir",
         "forge|fonte|tonnellerie", function="élevage", years=(1800, 1950), shape="tool",
         family="ethnology", weight=1),
    # Crafts and industry
    kind("Artisanat et industrie > Dinanderie", "chaudron|chaudron de dinandier|bassinoire|"
         "poêlon|marmite|fontaine|bouilloire|casserole", "cuivre|laiton|fer|étain",
         "dinanderie|martelage|repoussé|étamage|rivetage", function="vie domestique",
         years=(1750, 1950), shape="vessel", places="Villedieu-les-Poêles", marks="maker",
         weight=3),
    kind("Artisanat et industrie > Ferronnerie", "enseigne|girouette|clé|serrure|cadenas|"
         "plaque de cheminée|chenet|grille de foyer|lanterne", "fer forgé|fonte|fer|laiton",
         "forge|fonte|ciselure|martelage", function="usage domestique", years=(1600, 1930),
         shape="tool"),
    kind("Artisanat et industrie > Outils et métiers", "rabot|varlope|scie|vilebrequin|marteau|"
         "enclume|tenailles|lime|compas|équerre|fer à cheval", "bois|hêtre|buis|fer|acier",
         "forge|tournage sur bois|menuiserie", function="travail artisanal",
         years=(1750, 1950), shape="tool", family="ethnology", weight=3),
    kind("Artisanat et industrie > Horlogerie", "pendule|horloge|horloge de parquet|régulateur|"
         "montre de gousset", "bois|chêne|laiton|bronze doré|verre|émail",
         "horlogerie|ébénisterie|ciselure|dorure", function="mesure du temps",
         years=(1700, 1930), shape="box", makers="Japy frères|Leroy et fils|"
         "Breguet, Abraham-Louis", maker_rate=0.4, marks="maker",
         places="Saint-Nicolas-d'Aliermont|Paris|Rouen"),
    kind("Artisanat et industrie > Imprimerie",
         "presse typographique|composteur|bois gravé|affiche",
         "fonte|bois|plomb|papier", "typographie|gravure sur bois|xylographie|lithographie",
         function="impression", years=(1800, 1960), shape="box", places="Rouen|Caen|Évreux",
         family="industry", weight=1),
    kind("Artisanat et industrie > Verrerie", "verre|gobelet|carafe|flacon|bouteille",
         "verre|cristal", "verre soufflé|verre moulé|verre gravé|verre taillé",
         function="service de table", years=(1700, 1950), shape="vessel",
         places="Eu|Aumale|Forges-les-Eaux|Le Tréport|Lyons-la-Forêt"),
    kind("Artisanat et industrie > Métallurgie", "plaque|outil|enseigne", "fonte|acier|fer|zinc",
         "fonte|forge|emboutissage|rivetage", function="production industrielle",
         years=(1850, 1970), shape="tool", places="Caen|Mondeville|Le Havre|Rouen|Tinchebray",
         family="industry", weight=1),
    # Ceramics
    kind("Céramique > Faïence", "assiette|plat|soupière|saladier|pichet|aiguière|fontaine de table|"
         "bouquetière|encrier|salière|plat à barbe|jatte", "faïence|faïence fine",
         "décor de grand feu|décor de petit feu|décor en camaïeu bleu|décor rayonnant|"
         "décor à la corne d'abondance|émail stannifère|tournage (céramique)|moulage (céramique)",
         function="service de table", years=(1650, 1900), shape="plate",
         makers="Manufacture de Rouen|Poterat, Edme|Poterat, Louis|Manufacture Guillibaud|"
         "Fouquay, Nicolas|Chapelle, Pierre|Manufacture de Forges-les-Eaux|Manufacture de Nevers|"
         "Manufacture de Moustiers|Faïencerie de Gien|Manufacture de Creil et Montereau",
         maker_rate=0.6, places="Rouen|Forges-les-Eaux|Nevers|Quimper|Gien|Moustiers-Sainte-Marie",
         subjects="corne d'abondance|fleur|lambrequins|chinoiserie|armoiries|oiseau",
         marks="ceramic", weight=8),
    kind("Céramique > Porcelaine", "assiette|tasse|soucoupe|théière|sucrier|vase|potiche|"
         "statuette|cafetière|chocolatière", "porcelaine|porcelaine dure|porcelaine tendre|biscuit",
         "peinture sur porcelaine|dorure|moulage (céramique)|décor imprimé",
         function="service de table", years=(1700, 1950), shape="vase",
         makers="Manufacture de Sèvres|Manufacture de Bayeux|Langlois, Joachim|Gosse, François|"
         "Manufacture de Valognes|Manufacture de Caen|Manufacture de Saint-Cloud|"
         "Manufacture de Chantilly|Haviland et Cie|Bernardaud", maker_rate=0.7,
         places="Bayeux|Valognes|Caen|Sèvres|Limoges|Saint-Cloud|Chantilly",
         subjects="fleur|paysage|oiseau|chinoiserie", marks="ceramic", weight=5,
         patrons="Louis-Philippe Ier|Napoléon III|Eugénie de Montijo", patron_role="commissioner"),
    kind("Céramique > Grès", "pot|cruche|pichet|pot à cidre|bouteille|fontaine|pot à lait",
         "grès|grès au sel", "tournage (céramique)|cuisson au bois|glaçure",
         function="conservation des aliments", years=(1700, 1950), shape="vessel",
         places="Noron-la-Poterie|Ger|Domfront|Le Molay-Littry|Bessin", family="ethnology",
         weight=4),
    kind("Céramique > Terre vernissée", "plat|jatte|écuelle|pot|terrine|tourtière|cruche",
         "terre vernissée|argile", "glaçure plombifère|engobe|tournage (céramique)|décor incisé",
         function="vie domestique", years=(1600, 1930), shape="plate",
         places="Le Pré-d'Auge|Infreville|Saint-Jean-de-la-Haize|Ger|Pays d'Auge",
         family="ethnology", weight=3),
    kind("Céramique > Épis de faîtage", "épi de faîtage", "terre vernissée",
         "glaçure plombifère|moulage (céramique)|modelage|décor appliqué",
         function="ornement de toiture", years=(1550, 1900), shape="vase",
         places="Le Pré-d'Auge|Le Mesnil-de-Bavent|Pays d'Auge|Lisieux",
         subjects="oiseau|colombe|personnage|vase fleuri"),
    kind("Céramique > Carreaux et pavements", "carreau|pavé de pavement|plaque",
         "terre cuite|faïence", "décor estampé|décor moulé|engobe|décor de grand feu",
         function="revêtement de sol", years=(1250, 1900), shape="tile",
         places="Le Pré-d'Auge|Rouen|Pays d'Auge", subjects="fleur de lys|armoiries|animal"),
    # Ivory
    kind("Ivoire > Ivoires dieppois", "statuette|éventail|médaillon|coffret|tabatière|"
         "maquette de navire|crucifix|râpe à tabac|navette à frivolité|bas-relief|plaquette",
         "ivoire", "sculpture|sculpture en ronde-bosse|sculpture en bas-relief|tournage|gravure",
         function="objet décoratif", years=(1650, 1900),
         makers="Tersenier, Léon|Lachelier, Barthélémy|Brunel, Louis Raymond|"
         "Blard, Jacques Nicolas Théodore|Belleteste, Jean-Antoine|Graillon, Pierre-Adrien",
         maker_rate=0.5, places="Dieppe", shape="small",
         subjects="marine|port de Dieppe|pêcheur|Vierge|armoiries|fleur|trophée marin",
         weight=5),
    kind("Ivoire > Ivoires religieux", "crucifix|christ en croix|vierge à l'Enfant|triptyque|"
         "diptyque|chapelet|bénitier", "ivoire|os|bois", "sculpture|sculpture en bas-relief",
         function="dévotion", years=(1300, 1900), shape="small", places="Dieppe|Paris",
         subjects="Crucifixion|Vierge à l'Enfant|saint Jean", extra_theme="Patrimoine religieux "
         "> Dévotion populaire", weight=2),
    kind("Ivoire > Tabletterie", "étui|étui à aiguilles|boîte|peigne|miroir à main|jeton|"
         "dé à coudre|éventail", "ivoire|os|corne|écaille|nacre",
         "tournage|gravure|sculpture|marqueterie", function="objet de toilette",
         years=(1700, 1920), shape="box", places="Dieppe|Paris", weight=2),
    # Fine arts
    kind("Beaux-arts > Peinture de marine", "tableau|esquisse", "toile (support)|huile|"
         "panneau de bois|carton", "huile sur toile|huile sur bois|huile sur carton",
         function="", years=(1820, 1930), shape="painting", makers=_PAINTERS_19,
         maker_role="author", maker_rate=0.9, places=COAST,
         subjects="marine|port|bateau|plage|falaise|ciel", marks="painting",
         titles="Marine|Le port de {place}|Bateaux à marée basse|La jetée de {place}|"
         "Plage de {place}|Tempête sur la côte", family="art", weight=4),
    kind("Beaux-arts > Paysage", "tableau|esquisse", "toile (support)|huile|panneau de bois",
         "huile sur toile|huile sur bois|huile sur panneau", function="", years=(1820, 1940),
         shape="painting", makers=_PAINTERS_19, maker_role="author", maker_rate=0.9,
         places="Rouen|Giverny|Vernon|Les Andelys|Pays d'Auge|Pays de Caux|Suisse normande|"
         "Honfleur", subjects="paysage|pommier|vache|rivière|Seine|ferme",
         titles="Bord de Seine à {place}|Paysage normand|La ferme|Pommiers en fleurs|"
         "Vue de {place}|Vaches au pâturage", marks="painting", family="art", weight=4),
    kind("Beaux-arts > Peinture", "tableau|peinture", "toile (support)|huile|panneau de bois",
         "huile sur toile|huile sur bois", function="", years=(1600, 1800), shape="painting",
         makers=_PAINTERS_OLD, maker_role="author", maker_rate=0.8,
         subjects="scène religieuse|scène mythologique|nature morte|portrait|scène de genre",
         titles="L'Adoration des bergers|La Sainte Famille|Nature morte aux fruits|"
         "Portrait d'un magistrat|L'Annonciation|Paysage avec ruines", marks="painting",
         family="art", weight=3),
    kind("Beaux-arts > Portrait", "tableau", "toile (support)|huile",
         "huile sur toile|huile sur bois", function="", years=(1650, 1930), shape="painting",
         makers="Rigaud, Hyacinthe|Largillierre, Nicolas de|Greuze, Jean-Baptiste|"
         "Vigée Le Brun, Élisabeth|Ingres, Jean-Auguste-Dominique|Géricault, Théodore|"
         "Bonnat, Léon|Carolus-Duran|Blanche, Jacques-Émile|Boilly, Louis-Léopold",
         maker_role="author", maker_rate=0.8, subjects="portrait",
         titles="Portrait d'homme|Portrait de femme|Portrait de jeune fille|Autoportrait|"
         "Portrait d'un armateur", marks="painting", family="art", weight=2),
    kind("Beaux-arts > Impressionnisme", "tableau", "toile (support)|huile",
         "huile sur toile", function="", years=(1865, 1910), shape="painting",
         makers="Monet, Claude|Pissarro, Camille|Sisley, Alfred|Boudin, Eugène|Renoir, "
         "Pierre-Auguste|Morisot, Berthe|Caillebotte, Gustave|Guillaumin, Armand|Lebourg, Albert",
         maker_role="author", maker_rate=0.95, places=COAST + "|Rouen|Giverny|Vernon",
         subjects="paysage|marine|cathédrale|jardin", marks="painting", family="art",
         titles="Falaises à {place}|Le jardin|La cathédrale de Rouen|Effet de neige|"
         "Bord de mer à {place}"),
    kind("Beaux-arts > Dessin", "dessin|aquarelle|pastel|gouache|esquisse",
         "papier|papier vergé|graphite|fusain|sanguine|pierre noire|encre|aquarelle",
         "dessin à la plume|dessin au crayon|lavis|rehauts de blanc|aquarelle|pastel",
         function="", years=(1600, 1950), shape="drawing",
         makers=_PAINTERS_19 + "|" + _PAINTERS_OLD + "|Géricault, Théodore|Delacroix, Eugène",
         maker_role="author", maker_rate=0.7, places=COAST + "|Rouen|Caen",
         subjects="paysage|étude de figure|marine|architecture|animal",
         titles="Étude de ciel|Étude de personnages|Vue de {place}|Étude de cheval|"
         "Bateaux échoués", marks="painting", family="art", weight=4),
    kind("Beaux-arts > Estampe", "estampe|gravure|lithographie|eau-forte|affiche",
         "papier|papier vélin|papier japon|encre",
         "eau-forte|burin|lithographie|aquatinte|pointe sèche|chromolithographie",
         function="", years=(1650, 1950), shape="drawing",
         makers="Daumier, Honoré|Gavarni, Paul|Doré, Gustave|Steinlen, Théophile-Alexandre|"
         "Toulouse-Lautrec, Henri de|Mucha, Alfons|Chéret, Jules|Rivière, Henri|Cassandre|"
         "Jongkind, Johan Barthold|Villon, Jacques|Bonington, Richard Parkes",
         maker_role="author", maker_rate=0.8, places=COAST + "|Rouen|Paris",
         subjects="caricature|paysage|vue de ville|scène de genre",
         titles="Vue de {place}|Les bains de mer|Chemins de fer de l'Ouest|Le port de {place}",
         marks="painting", family="art", weight=4),
    kind("Beaux-arts > Sculpture", "buste|statue|statuette|groupe sculpté|bas-relief|médaillon",
         "marbre|bronze|plâtre|terre cuite|pierre de Caen|bois",
         "fonte à la cire perdue|taille directe|modelage|moulage|ciselure", function="",
         years=(1750, 1940), shape="figure",
         makers="Rodin, Auguste|Claudel, Camille|Carpeaux, Jean-Baptiste|Barye, Antoine-Louis|"
         "Bourdelle, Antoine|Maillol, Aristide|Dalou, Jules|Falguière, Alexandre|"
         "Pompon, François|Houdon, Jean-Antoine|Le Duc, Arthur|Duchamp-Villon, Raymond",
         maker_role="author", maker_rate=0.8, subjects="portrait|nu|animal|allégorie",
         titles="Buste de femme|Baigneuse|Lion|Allégorie de la Seine|Ours blanc",
         marks="sculpture", family="art", weight=3),
    # Archaeology
    kind("Archéologie > Préhistoire", "biface|hache polie|pointe de flèche|grattoir|lame",
         "silex|pierre|jaspe", "taille du silex|polissage de la pierre", function="outil",
         years=(0, 0), shape="stone",
         periods="Paléolithique inférieur|Paléolithique moyen|Néolithique|Néolithique final|"
         "Mésolithique", places="Seine-Maritime|Pays de Caux|Cotentin|Eure|Orne",
         family="archaeology", weight=3),
    kind("Archéologie > Antiquité gallo-romaine", "amphore|lampe à huile antique|sigillée|"
         "urne funéraire", "terre cuite|terre sigillée|argile",
         "moulage (céramique)|tournage (céramique)|décor moulé", function="", years=(0, 0),
         shape="vase", periods="Époque gallo-romaine|Haut-Empire romain|Bas-Empire romain|"
         "Ier siècle|IIe siècle|IIIe siècle",
         places="Lillebonne|Vieux-la-Romaine|Évreux|Rouen|Eu|Bayeux", family="archaeology",
         extra_theme="Archéologie > Céramique archéologique", weight=2),
    kind("Archéologie > Antiquité gallo-romaine", "fibule|statuette votive|stèle",
         "bronze|argent|fer|calcaire", "fonte|fonte à la cire perdue|taille de pierre",
         function="", years=(0, 0), shape="small",
         periods="Époque gallo-romaine|Haut-Empire romain|IIe siècle",
         places="Lillebonne|Vieux-la-Romaine|Évreux|Rouen|Eu", family="archaeology"),
    kind("Archéologie > Époque mérovingienne", "plaque-boucle|épingle mérovingienne|fibule",
         "fer|bronze|argent", "damasquinage|fonte|forge", function="parure", years=(0, 0),
         shape="small", periods="Époque mérovingienne|VIe siècle|VIIe siècle|Haut Moyen Âge",
         places="Calvados|Eure|Seine-Maritime|Orne|Manche", family="archaeology"),
    kind("Archéologie > Numismatique", "monnaie|médaille|jeton|matrice de sceau|sceau",
         "argent|bronze|or|cuivre|plomb", "frappe|fonte monétaire|gravure", function="monnaie",
         years=(1100, 1900), shape="coin", places="Rouen|Caen|Paris|Bayeux",
         family="archaeology", weight=2),
    kind("Archéologie > Archéologie médiévale", "tesson|carreau|clé|fragment|lampe à huile",
         "terre cuite|fer|bronze|pierre", "tournage (céramique)|forge|fonte", function="",
         years=(0, 0), shape="stone", periods="Moyen Âge|Époque romane|Bas Moyen Âge|XIIIe siècle",
         places="Caen|Rouen|Falaise|Jumièges|Le Mont-Saint-Michel", family="archaeology"),
    # Ethnology
    kind("Ethnologie > Vie domestique", "lampe à huile|lampe à pétrole|lanterne|chandelier|"
         "bougeoir|moulin à café|mortier|gaufrier|moule à gâteau|fer à repasser|fer à tuyauter|"
         "écuelle|cuillère", "fer|laiton|cuivre|étain|bois|buis|fonte",
         "forge|fonte|tournage sur bois|martelage", function="vie domestique",
         years=(1750, 1950), shape="vessel", family="ethnology", weight=5),
    kind("Ethnologie > Mobilier régional", "armoire|armoire de mariage|buffet|vaisselier|bahut|"
         "coffre|lit clos|berceau|chaise|banc|table|commode", "chêne|merisier|noyer|poirier|fer",
         "menuiserie|sculpture|ébénisterie|tenon et mortaise|paillage|cannage",
         function="mobilier", years=(1750, 1920), shape="furniture",
         places="Pays de Caux|Pays d'Auge|Bessin|Cotentin|Pays de Bray|Vexin normand",
         subjects="corbeille de mariage|colombes|pampres|fleurs", family="ethnology", weight=4),
    kind("Ethnologie > Jeux et jouets", "jouet|poupée|toupie|cheval à bascule",
         "bois|bois peint|tissu|porcelaine|carton", "tournage sur bois|moulage|couture à la main|"
         "peinture polychrome", function="jeu", years=(1800, 1960), shape="small",
         family="ethnology"),
    kind("Ethnologie > Jeux et jouets", "jeu de cartes|jeu de l'oie", "papier|carton",
         "chromolithographie|gravure sur bois|impression", function="jeu", years=(1750, 1950),
         shape="card", family="ethnology", weight=1),
    kind("Ethnologie > Musique populaire", "vielle à roue|violon|accordéon|biniou|tambour|"
         "cor de chasse", "bois|hêtre|laiton|peau|cuir|nacre",
         "ébénisterie|assemblage|tournage sur bois|martelage", function="musique",
         years=(1750, 1950), shape="instrument", family="ethnology", weight=1),
    kind("Ethnologie > Fêtes et cérémonies", "bannière de procession|fanion|drapeau",
         "soie|velours|fil d'or|coton|cire", "broderie en fil d'or|broderie|"
         "peinture", function="cérémonie", years=(1800, 1950), shape="flat",
         family="ethnology", weight=1),
    kind("Ethnologie > Ethnographie extra-européenne", "statuette|masque|collier|bracelet|peigne|"
         "tambour|coffret|bol", "bois|ivoire|coquillage|plume|fibre végétale|perle de verre|"
         "peau|corne", "sculpture|vannerie|gravure|tissage", function="",
         years=(1800, 1950), shape="figure",
         places="Sénégal|Côte d'Ivoire|Gabon|Congo|Madagascar|Océanie|Nouvelle-Calédonie|"
         "Polynésie française|Canada|Japon|Chine|Inde|Viêt Nam", family="ethnology", weight=3,
         patrons="Dumont d'Urville, Jules"),
    # Maritime heritage
    kind("Patrimoine maritime > Modèles de navires", "maquette de navire|modèle de bateau|"
         "ex-voto marin", "bois|fer|laiton|lin|chanvre|bois peint",
         "menuiserie|sculpture|assemblage|peinture polychrome", function="objet décoratif",
         years=(1750, 1960), shape="ship",
         places="Fécamp|Dieppe|Le Havre|Granville|Honfleur|Cherbourg|Barfleur|"
         "Port-en-Bessin-Huppain", subjects="terre-neuvier|chalutier|trois-mâts|goélette|"
         "bateau de pêche", titles="Le trois-mâts « Belle Poule »|Chalutier de Fécamp|"
         "Terre-neuvier|Goélette de {place}", weight=3),
    kind("Patrimoine maritime > Instruments de marine", "compas de marine|sextant|octant|"
         "longue-vue|loch|sonde|chronomètre de marine|fanal|cloche de navire|poulie",
         "laiton|bronze|bois|acajou|verre|ébène|ivoire",
         "fonte|horlogerie|gravure|ébénisterie|polissage", function="navigation",
         years=(1750, 1950), shape="instrument", makers="Lerebours et Secretan|Richard frères|"
         "Breguet, Abraham-Louis", maker_rate=0.3, marks="maker", extra_theme="Patrimoine "
         "maritime > Navigation", places="Le Havre|Cherbourg|Dieppe|Granville|Honfleur"),
    kind("Patrimoine maritime > Pêche", "hameçon|flotteur|bouée|ancre", "fer|liège|bois|acier",
         "forge|assemblage|tournage sur bois", function="pêche", years=(1800, 1960), shape="tool",
         places="Fécamp|Dieppe|Granville|Port-en-Bessin-Huppain|Le Tréport|Yport|Barfleur",
         family="ethnology"),
    kind("Patrimoine maritime > Pêche", "filet de pêche|casier à homards", "chanvre|coton|osier",
         "filet|vannerie", function="pêche", years=(1800, 1960), shape="tool",
         places="Fécamp|Dieppe|Granville|Port-en-Bessin-Huppain|Le Tréport|Yport|Barfleur|"
         "Saint-Pierre-et-Miquelon|Terre-Neuve", family="ethnology", weight=3),
    # Natural history
    kind("Histoire naturelle > Ornithologie", "oiseau naturalisé|squelette", "plume|bois|verre|os",
         "taxidermie|naturalisation|préparation ostéologique", function="collection d'étude",
         years=(1850, 1960), shape="figure", makers="Deyrolle", maker_rate=0.2,
         titles="Macareux moine|Goéland argenté|Héron cendré|Chouette effraie|Grand cormoran|"
         "Huîtrier pie|Martin-pêcheur d'Europe|Fou de Bassan", family="natural"),
    kind("Histoire naturelle > Zoologie",
         "mammifère naturalisé|spécimen naturalisé|crâne|squelette",
         "peau|fourrure|os|bois|verre", "taxidermie|naturalisation|préparation ostéologique",
         function="collection d'étude", years=(1850, 1960), shape="figure", makers="Deyrolle",
         maker_rate=0.2, titles="Renard roux|Blaireau européen|Phoque veau-marin|Hérisson|"
         "Loutre d'Europe|Chevreuil", family="natural"),
    kind("Histoire naturelle > Entomologie", "boîte entomologique|insecte", "bois|verre",
         "montage en boîte", function="collection d'étude", years=(1850, 1960), shape="box",
         titles="Carabus auratus|Lucanus cervus|Papilio machaon|Coléoptères de Normandie|"
         "Lépidoptères diurnes", family="natural", weight=1),
    kind("Histoire naturelle > Paléontologie", "fossile|ammonite", "calcaire|silex|pierre",
         "", function="collection d'étude", years=(0, 0), shape="stone",
         periods="Jurassique inférieur (Toarcien)|Jurassique moyen (Bathonien)|"
         "Crétacé supérieur (Cénomanien)",
         titles="Ammonite|Teleosaurus cadomensis|Oursin fossile|Bélemnite",
         places="Calvados|Pays de Caux|Cotentin|Pays d'Auge", family="natural"),
    kind("Histoire naturelle > Minéralogie", "minéral|roche", "cristal de roche|granit|schiste|"
         "calcaire|ardoise", "", function="collection d'étude", years=(0, 0), shape="stone",
         titles="Quartz|Pyrite|Calcite|Granite de Vire|Grès armoricain", family="natural",
         weight=1),
    kind("Histoire naturelle > Botanique", "herbier|planche d'herbier", "papier|matière organique",
         "mise en herbier", function="collection d'étude", years=(1800, 1950), shape="drawing",
         titles="Herbier de Normandie|Orchis mascula|Fougères|Algues marines", family="natural"),
    kind("Histoire naturelle > Conchyliologie", "coquillage", "coquillage", "",
         function="collection d'étude", years=(1820, 1950), shape="stone",
         titles="Pecten maximus|Buccinum undatum|Conus textile|Nautilus pompilius",
         family="natural", weight=1),
    # Decorative arts
    kind("Arts décoratifs > Mobilier", "commode|secrétaire|bureau|fauteuil|chaise|table|paravent|"
         "miroir", "acajou|noyer|bois doré|marbre|bronze doré|palissandre|velours|soie",
         "marqueterie|placage|ébénisterie|dorure à la feuille|sculpture", function="mobilier",
         years=(1700, 1900), shape="furniture", family="art", weight=3),
    kind("Arts décoratifs > Art nouveau", "vase|coupe|flacon|applique", "verre|pâte de verre",
         "verre gravé|pâte de verre|émaillage|verre soufflé", function="objet décoratif",
         years=(1890, 1914), shape="vase", makers="Gallé, Émile|Daum|Lalique, René",
         maker_rate=0.8, marks="maker", family="art", subjects="fleur|libellule|chardon"),
    kind("Arts décoratifs > Art nouveau", "buffet|bureau|chaise|vaisselier", "noyer|acajou|bronze",
         "marqueterie|ébénisterie|sculpture", function="mobilier", years=(1895, 1914),
         shape="furniture", makers="Majorelle, Louis|Guimard, Hector", maker_rate=0.7,
         family="art", weight=1),
    kind("Arts décoratifs > Art déco", "fauteuil|commode|bureau", "palissandre|laque|bois",
         "placage|laquage|ébénisterie", function="mobilier", years=(1919, 1939),
         shape="furniture", makers="Ruhlmann, Jacques-Émile|Süe et Mare|Dunand, Jean",
         maker_rate=0.7, family="art", weight=1),
    kind("Arts décoratifs > Art déco", "vase|coupe|plateau|lustre", "argent|verre|laque|fer forgé",
         "ciselure|verre moulé|laquage|forge", function="objet décoratif", years=(1919, 1939),
         shape="vase", makers="Puiforcat, Jean|Lalique, René|Dunand, Jean|Brandt, Edgar",
         maker_rate=0.7, marks="maker", family="art", weight=1),
    kind("Arts décoratifs > Art déco", "affiche", "papier", "lithographie",
         function="publicité", years=(1919, 1939), shape="drawing", makers="Cassandre",
         maker_role="author", maker_rate=0.6, titles="Normandie|Deauville, la plage fleurie|"
         "Chemins de fer de l'État", extra_theme="Beaux-arts > Estampe", family="art",
         weight=1),
    kind("Arts décoratifs > Orfèvrerie", "timbale|gobelet en argent|écuelle à oreilles|couvert|"
         "cuillère|plateau|huilier|sucrier|théière|cafetière", "argent|vermeil|métal argenté|étain",
         "repoussé|ciselure|gravure|fonte|guillochage", function="service de table",
         years=(1650, 1930), shape="vessel", makers="Christofle|Odiot, Jean-Baptiste-Claude|"
         "Puiforcat, Jean|Froment-Meurice, François-Désiré", maker_rate=0.3,
         places="Rouen|Caen|Paris|Dieppe", subjects="armoiries|monogramme",
         marks="silver", family="art", weight=3),
    kind("Arts décoratifs > Bijouterie", "croix normande|croix jeannette|broche|pendentif|collier|"
         "bague|boucles d'oreilles|bracelet|châtelaine",
         "or|argent|plaqué or|cristal de roche|grenat|jais|émail|perle de verre",
         "sertissage|filigrane|ciselure|repoussé|émaillage", function="parure",
         years=(1780, 1930), shape="jewel", makers="Cartier|Boucheron|Lalique, René",
         maker_rate=0.05, places="Caen|Rouen|Pays de Caux|Pays d'Auge|Bayeux",
         marks="silver", weight=3),
    kind("Arts décoratifs > Luminaires", "lustre|girandole|applique|flambeau|chandelier",
         "bronze doré|cristal|verre|laiton", "fonte|ciselure|dorure", function="éclairage",
         years=(1700, 1930), shape="vase", family="art", weight=1),
    kind("Arts décoratifs > Papier peint", "papier peint", "papier|pigment",
         "impression à la planche|impression au rouleau", function="décor mural",
         years=(1770, 1930), shape="drawing", makers="Zuber et Cie|Réveillon, Jean-Baptiste",
         maker_rate=0.6, subjects="fleur|paysage|arabesques", family="art", weight=1),
    kind("Arts décoratifs > Tapisserie", "tapisserie|tapis", "laine|soie",
         "tapisserie de basse lisse|tapisserie de haute lisse", function="décor mural",
         years=(1660, 1930), shape="painting", makers="Manufacture d'Aubusson|"
         "Manufacture des Gobelins|Manufacture de Beauvais", maker_rate=0.6,
         patrons="Louis XIV|Louis XV|Napoléon III", patron_role="commissioner",
         titles="Verdure|Scène de chasse|Les Saisons|Scène pastorale", family="art", weight=1),
    # Religious heritage
    kind("Patrimoine religieux > Orfèvrerie liturgique", "calice|patène|ciboire|ostensoir|burette|"
         "encensoir|navette à encens|croix de procession|reliquaire",
         "argent|vermeil|laiton|cuivre|bronze doré", "repoussé|ciselure|fonte|dorure|"
         "émail champlevé", function="culte", years=(1500, 1900), shape="vase",
         places="Rouen|Caen|Bayeux|Coutances|Lisieux|Évreux|Sées", marks="silver", weight=3),
    kind("Patrimoine religieux > Vêtements liturgiques", "chasuble|étole liturgique|chape|"
         "dalmatique|aube", "soie|velours|damas|fil d'or|lin",
         "broderie en fil d'or|tissage|broderie|dentelle aux fuseaux",
         function="vêtement : culte", years=(1650, 1930), shape="garment", weight=2),
    kind("Patrimoine religieux > Statuaire religieuse", "statue|vierge à l'Enfant|bas-relief|"
         "groupe sculpté|statuette", "bois polychrome|pierre de Caen|calcaire|chêne|terre cuite",
         "sculpture|peinture polychrome|taille directe", function="culte", years=(1300, 1850),
         shape="figure", subjects="saint Michel|sainte Anne|saint Sébastien|Vierge|saint Martin|"
         "saint Roch", titles="Saint Michel terrassant le dragon|Sainte Anne éducatrice|"
         "Vierge de pitié|Saint Roch", places="Normandie|Pays d'Auge|Cotentin|Bessin",
         weight=3),
    kind("Patrimoine religieux > Dévotion populaire", "ex-voto|image pieuse",
         "papier|bois|verre", "chromolithographie|peinture|gravure sur bois",
         function="dévotion", years=(1750, 1950), shape="frame",
         extra_theme="Ethnologie > Croyances et traditions", family="ethnology", weight=2),
    kind("Patrimoine religieux > Dévotion populaire", "bénitier|chapelet", "faïence|étain|bois|os",
         "décor de grand feu|fonte|tournage", function="dévotion", years=(1750, 1950),
         shape="small", extra_theme="Ethnologie > Croyances et traditions", family="ethnology"),
    # Military history
    kind("Histoire militaire > Armes blanches", "épée|sabre|baïonnette|poignard",
         "acier|laiton|cuir|bois", "forge|fonte|gravure|damasquinage", function="arme",
         years=(1700, 1945), shape="blade", marks="maker", weight=2),
    kind("Histoire militaire > Armes à feu", "fusil|pistolet|revolver", "acier|noyer|laiton|fer",
         "forge|gravure|mécanique", function="arme", years=(1750, 1945), shape="blade",
         marks="maker"),
    kind("Histoire militaire > Uniformes et équipements", "uniforme|vareuse|capote",
         "drap de laine|coton|laiton", "couture à la machine|couture à la main",
         function="équipement militaire", years=(1800, 1945), shape="garment"),
    kind("Histoire militaire > Uniformes et équipements", "shako|képi|casque|giberne|ceinturon|"
         "bicorne", "feutre|cuir|laiton|acier|drap de laine", "couture à la main|emboutissage",
         function="équipement militaire", years=(1800, 1945), shape="small"),
    kind("Histoire militaire > Décorations et médailles", "décoration|médaille|insigne",
         "argent|bronze|émail|or|soie", "frappe|émaillage|fonte", function="distinction",
         years=(1802, 1960), shape="coin"),
    kind("Histoire militaire > Souvenirs napoléoniens", "buste|statuette|médaille",
         "bronze|plâtre|biscuit", "fonte|moulage|frappe", function="souvenir",
         years=(1800, 1870), shape="small", subjects="Napoléon Ier", weight=1),
    kind("Histoire militaire > Première Guerre mondiale", "casque Adrian|gourde|douille|obus|"
         "gamelle", "acier|aluminium|laiton", "emboutissage|gravure",
         function="équipement militaire", years=(1914, 1918), shape="vessel",
         subjects="artisanat de tranchée", weight=2),
    kind("Histoire militaire > Seconde Guerre mondiale et Débarquement", "casque|gourde|gamelle|"
         "douille|obus", "acier|aluminium|laiton", "emboutissage|soudure",
         function="équipement militaire", years=(1939, 1945), shape="vessel",
         places="Sainte-Mère-Église|Colleville-sur-Mer|Arromanches-les-Bains|Ouistreham|Caen|"
         "Saint-Lô|Carentan|Falaise", subjects="Débarquement|bataille de Normandie", weight=2),
    kind("Histoire militaire > Seconde Guerre mondiale et Débarquement", "fanion|drapeau|"
         "carte géographique", "coton|toile|papier|soie", "couture à la machine|impression",
         function="équipement militaire", years=(1939, 1945), shape="flat",
         places="Sainte-Mère-Église|Arromanches-les-Bains|Caen|Saint-Lô|Cherbourg",
         subjects="Débarquement|bataille de Normandie|Libération"),
    # Science and technology
    kind("Sciences et techniques > Instruments scientifiques", "microscope|télescope|"
         "lunette astronomique|globe terrestre|globe céleste|cadran solaire|baromètre|"
         "thermomètre|boussole|appareil électrique", "laiton|verre|acajou|papier|bois",
         "mécanique|polissage|gravure|assemblage", function="enseignement scientifique",
         years=(1750, 1950), shape="instrument", makers="Chevalier, Charles|"
         "Soleil, Jean-Baptiste-François|Breton frères|Richard frères|Lerebours et Secretan|"
         "Deyrolle", maker_rate=0.5, marks="maker", weight=3),
    kind("Sciences et techniques > Médecine et pharmacie", "pot d'apothicaire|albarello|chevrette",
         "faïence", "décor de grand feu|émail stannifère|décor en camaïeu bleu",
         function="pharmacie", years=(1650, 1850), shape="vase", marks="ceramic",
         places="Rouen|Caen|Nevers|Lisieux|Bayeux", extra_theme="Céramique > Faïence"),
    kind("Sciences et techniques > Médecine et pharmacie", "instrument de chirurgie|seringue|"
         "trousse médicale", "acier|ivoire|ébène|cuir|verre|laiton", "forge|polissage|assemblage",
         function="soin", years=(1750, 1950), shape="box", places="Rouen|Caen|Paris|Saint-Lô"),
    kind("Sciences et techniques > Médecine et pharmacie", "modèle anatomique",
         "papier mâché|plâtre|bois", "moulage|peinture polychrome", function="enseignement",
         years=(1830, 1950), shape="figure", makers="Auzoux, Louis", maker_rate=0.6,
         places="Eure|Paris", weight=1),
    kind("Sciences et techniques > Poids et mesures", "balance|poids|mètre étalon",
         "laiton|bronze|fer|fonte", "fonte|gravure", function="mesure", years=(1790, 1900),
         shape="instrument", marks="maker", weight=1),
    kind("Sciences et techniques > Transports", "bicyclette|automobile|voiture à cheval|brouette",
         "fer|acier|bois|cuir|caoutchouc", "assemblage|rivetage|mécanique|peinture",
         function="transport", years=(1860, 1960), shape="machine",
         makers="Peugeot frères|Renault|Panhard et Levassor|De Dion-Bouton", maker_rate=0.5,
         marks="maker", family="industry", weight=1),
    kind("Sciences et techniques > Télécommunications", "téléphone|télégraphe|poste de radio|"
         "machine à écrire|machine à coudre", "bakélite|bois|laiton|fer|acier",
         "mécanique|électricité|assemblage", function="communication", years=(1860, 1970),
         shape="box", makers="Singer", maker_rate=0.1, marks="maker", family="industry",
         weight=2),
)
