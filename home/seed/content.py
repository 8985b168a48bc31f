"""The English seed content, structured from ``data/prague-process-seed.txt``.

Rules (DESIGN.md): facts come from the seed files only; what the seed does not say stays empty
(no invented dates, full names, files or figures).  The seed lost its dashes in transit
("20122016" is 2012–2016, "34 November 2011" is 3–4 November 2011); they are restored here.

Sentences taken over word for word are wrapped in ``verbatim()``: the loader checks each of them
against the seed text (ignoring case, quotes, dashes and spacing) and refuses to load if one is
missing, so this module cannot drift away from the seed unnoticed.  Everything else is a short
editorial sentence that only restates what the seed says; each is noted where it is built.

Keys that make the loader idempotent: snippets by ``slug``, pages by ``slug`` under their parent,
participating states by ``iso_code``.
"""

VERBATIM = []


def verbatim(text):
    VERBATIM.append(text)
    return text


# --- Taxonomy snippets -----------------------------------------------------------------------

# The region codes of participating-states.csv, in display order.
REGIONS = [
    {"slug": "eu-schengen", "name": "European Union and Schengen Area"},
    {"slug": "eastern-partnership", "name": "Eastern Partnership"},
    {"slug": "western-balkans", "name": "Western Balkans"},
    {"slug": "central-asia", "name": "Central Asia"},
    {"slug": "russia", "name": "Russia"},
    {"slug": "turkey", "name": "Turkey"},
    {"slug": "other", "name": "Other participating states"},
]

# The four areas of Specific Objective 3 of the PP TI (one pilot project each).
THEMATIC_AREAS = [
    {"slug": "illegal-migration", "name": "Preventing and fighting illegal migration"},
    {"slug": "legal-migration", "name": "Legal migration and mobility with a special emphasis on labour migration"},
    {"slug": "migration-development", "name": "Migration and mobility as positive forces for development"},
    {"slug": "asylum-protection", "name": "Asylum and international protection"},
]

# Full names of ICMPD and EASO are not in the seed; they were given by the project lead.
ORGANISATIONS = [
    {"slug": "icmpd", "name": "International Centre for Migration Policy Development", "acronym": "ICMPD"},
    {"slug": "european-commission", "name": "European Commission", "acronym": ""},
    {"slug": "easo", "name": "European Asylum Support Office", "acronym": "EASO"},
]

# --- The site frame --------------------------------------------------------------------------

# Editorial: restates the Overall Objective of the PP TI and "states participating in the
# Prague Process".
HOME_INTRO = (
    "States participating in the Prague Process – the countries of the European Union, the Schengen Area, "
    "the Eastern Partnership, the Western Balkans and Central Asia, as well as Russia and Turkey – "
    "cooperate in the area of migration and asylum."
)

SECTIONS = {
    "projects": {"title": "Projects", "intro": "Projects implemented under the umbrella of the Prague Process."},
    "library": {"title": "Library", "intro": "Documents of the Prague Process and the outputs of its projects."},
    "countries": {"title": "Participating states", "intro": "The states participating in the Prague Process."},
}

# "About" restates the seed only; each paragraph names where its facts come from.
ABOUT = {
    "slug": "about",
    "title": "About the Prague Process",
    "intro": "States participating in the Prague Process cooperate in the area of migration and asylum.",
    "paragraphs": [
        # Overall Objective of the PP TI; the ERIS/SIPPAP paragraph (principles).
        "The Prague Process brings together the countries of the European Union, the Schengen Area, the "
        "Eastern Partnership, the Western Balkans and Central Asia, as well as Russia and Turkey. Its principles "
        "are equality and mutual interests, and it is voluntary in nature.",
        # BMP Transitional.
        "The Prague Process Action Plan for the implementation of the Building Migration Partnerships (BMP) "
        "Joint Declaration covers 2012–2016. Its text was finalised by the BMP Transitional project (BMP2) and "
        "prepared for endorsement at the Second Prague Process Ministerial Conference in Poznan, Poland, on "
        "3–4 November 2011.",
        # PP TI; ERIS and SIPPAP.
        "The Prague Process Targeted Initiative (PP TI, 2012–2016) supports the implementation of the Prague "
        "Process and its Action Plan. Other projects, such as ERIS and SIPPAP, are implemented under the "
        "umbrella of the Prague Process: they are based on the Action Plan but implemented outside of the PP TI.",
        # BMP Initiative, BMP Transitional, Specific Objective 2 of the PP TI.
        "The BMP knowledge base gathers information in the form of Extended Migration Profiles. It was built "
        "by the BMP Initiative (BMP1, May 2009–June 2011) and maintained and updated by BMP Transitional "
        "(BMP2, July 2011–July 2012); one of the specific objectives of the PP TI is to maintain, update "
        "and/or further improve it through Migration Profiles.",
        # "Implementing Agency: ICMPD" of the three projects.
        "ICMPD (the International Centre for Migration Policy Development) is the implementing agency of the "
        "BMP Initiative, BMP Transitional and the PP TI.",
    ],
}

# --- Projects --------------------------------------------------------------------------------
# partners: (role, kind, key, body_name) with kind "country" (ISO code) or "organisation" (slug).
# Dates: (ISO partial date, as cms.dates.parse_partial_date reads it) or None when unknown.

PP_TI_OVERALL = verbatim(
    "The main aim of the PP TI is to enhance cooperation in the area of migration and asylum between the "
    "countries of the European Union, the Schengen Area, the Eastern Partnership, the Western Balkans and "
    "Central Asia, as well as Russia and Turkey, through supporting the implementation of the Prague Process "
    "and its Action Plan 2012–2016."
)
PP_TI_SPECIFIC = [
    verbatim(
        "To ensure continued expert-level dialogue and targeted information exchange among states participating "
        "in the Prague Process on the topics identified in the Prague Process Action Plan"
    ),
    verbatim(
        "To maintain, update and/or further improve the BMP knowledge base through the gathering of information "
        "in the form of Migration Profiles for countries participating in the Prague Process"
    ),
    verbatim(
        "To implement, following the rationale of the Global Approach to Migration and Mobility and the Prague "
        "Process Action Plan, four concrete initiatives (pilot projects), one in each of the following areas"
    )
    + ": preventing and fighting illegal migration; addressing legal migration and mobility with a special "
    "emphasis on labour migration; making migration and mobility positive forces for development; "
    "strengthening capacities in the areas of asylum and international protection",
]
for _area in (
    "preventing and fighting illegal migration",
    "addressing legal migration and mobility with a special emphasis on labour migration",
    "making migration and mobility positive forces for development",
    "strengthening capacities in the areas of asylum and international protection",
):
    verbatim(_area)

PP_TI = {
    "slug": "pp-ti",
    "title": "Prague Process Targeted Initiative",
    "acronym": "PP TI",
    "full_title": "",
    "summary": [],
    "start": "2012",
    "end": "2016",
    "objectives": [("overall", PP_TI_OVERALL)] + [("specific", text) for text in PP_TI_SPECIFIC],
    "thematic_areas": [area["slug"] for area in THEMATIC_AREAS],
    "partners": [
        ("implementing_agency", "organisation", "icmpd", ""),
        ("lead_state", "country", "PL", ""),
    ],
    "results": [],
}

BEST_PRACTICES = verbatim("Compilation of best practices")

PILOT_PROJECTS = [
    {
        "number": 1,
        "slug": "pilot-project-1",
        "title": "Pilot Project 1 – Illegal Migration",
        "thematic_area": "illegal-migration",
        "partners": [
            ("lead_state", "country", "PL", ""),
            ("supporting_state", "country", "SK", ""),
            ("supporting_state", "country", "RO", ""),
        ],
        "results": [
            BEST_PRACTICES,
            verbatim("Prague Process Guidelines on concluding readmission agreements and organising returns"),
            verbatim("Capacity of participating states to manage return and readmission is strengthened"),
        ],
    },
    {
        "number": 2,
        "slug": "pilot-project-2",
        "title": "Pilot Project 2 – Legal Migration",
        "thematic_area": "legal-migration",
        "partners": [("lead_state", "country", "HU", "")],
        "results": [
            BEST_PRACTICES,
            verbatim(
                "Prague Process Recommendations on organising labour migration between countries of origin and "
                "countries of destination, focusing on access to information by potential migrants and aspects "
                "of better labour matching"
            ),
            verbatim(
                "Capacity of participating states is strengthened to support the effective organisation of labour "
                "migration by providing information to potential migrants"
            ),
        ],
    },
    {
        "number": 3,
        "slug": "pilot-project-3",
        "title": "Pilot Project 3 – Migration and Development",
        "thematic_area": "migration-development",
        "partners": [("lead_state", "country", "CZ", "")],
        "results": [
            BEST_PRACTICES,
            verbatim("Prague Process Guidelines on Circular Migration Policies"),
            verbatim(
                "Understanding in participating states of the concept of circular migration and measures to "
                "effectively facilitate it is increased"
            ),
        ],
    },
    {
        "number": 4,
        "slug": "pilot-project-4",
        "title": "Pilot Project 4 – International Protection and Asylum",
        "thematic_area": "asylum-protection",
        "partners": [("lead_state", "country", "SE", ""), ("lead_state", "country", "DE", "")],
        "results": [
            verbatim(
                "The EASO/European Asylum Curriculum (EAC) training module on inclusion translated into Russian "
                "language and available online"
            ),
            verbatim(
                "A number of national asylum authorities will have become familiar with the EAC Concept and a number "
                "of national experts will have been trained and will become certified EAC trainers on inclusion"
            ),
            verbatim(
                "Participating asylum case officers and decision-makers in partner countries will have improved "
                "their skills and knowledge in international refugee law (asylum), including the EU asylum acquis"
            ),
            verbatim(
                "Prague Process Guidelines on asylum procedures and training needs, including a structured "
                "assessment on training needs in the participating states"
            ),
        ],
    },
]
for _pilot in PILOT_PROJECTS:
    _pilot.update(
        acronym="",
        full_title="",
        summary=[],
        start=None,
        end=None,
        objectives=[],
        thematic_areas=[_pilot["thematic_area"]],
    )

BMP_STATES = ["CZ", "HU", "PL", "RO", "SK"]

BMP2 = {
    "slug": "bmp-transitional",
    "title": "BMP Transitional",
    "acronym": "BMP2",
    "full_title": verbatim("The Prague Process: Continuation of the Building Migration Partnerships Dialogue"),
    "objectives": [
        (
            "objective",
            verbatim(
                "The project “The Prague Process: Continuation of the Building Migration Partnerships Dialogue” (BMP2) "
                "maintained and updated the BMP knowledge base, finalised the text of the Prague Process Action Plan "
                "for the implementation of the BMP Joint Declaration from 2012–2016 and prepared the document for its "
                "endorsement at the Second Prague Process Ministerial Conference in Poznan, Poland on 3–4 November "
                "2011."
            ),
        )
    ],
    "summary": [
        verbatim(
            "Through targeted funding, the European Commission provided the financial means for the implementation "
            "of the Prague Process Action Plan from 2012–2014."
        )
    ],
    "start": "2011-07",
    "end": "2012-07",
    "thematic_areas": [],
    # "Donors and Lead States: Czech Republic, Hungary, Poland, Romania and Slovakia": one row per role per state.
    "partners": [("implementing_agency", "organisation", "icmpd", "")]
    + [("donor", "country", iso, "") for iso in BMP_STATES]
    + [("lead_state", "country", iso, "") for iso in BMP_STATES],
    "results": [],
}

BMP1_FULL_TITLE = verbatim(
    "Building Migration Partnerships - A platform for applying the Global Approach to Migration to the Eastern "
    "and South-Eastern Regions Neighbouring the European Union"
)
MINISTRY_OF_THE_INTERIOR = "Ministry of the Interior"

BMP1 = {
    "slug": "bmp-initiative",
    "title": "BMP Initiative",
    "acronym": "BMP1",
    "full_title": BMP1_FULL_TITLE,
    "objectives": [
        (
            "objective",
            f"The objective of the project “{BMP1_FULL_TITLE}” (BMP1) "
            + verbatim("was to gather the information necessary for the implementation of the Joint Declaration."),
        )
    ],
    "summary": [
        verbatim(
            "The BMP knowledge base gathers information in the form of a set of Extended Migration Profiles, which "
            "are based on the template prepared by the European Commission."
        ),
        # The seed reads "... for all Prague Process/BMP participating states at, under the section ...": the
        # address after "at" was lost in transit, so the dangling "at" is left out.
        verbatim(
            "The interactive online map – BMP i-Map – was developed to ensure access to the available information "
            "for all Prague Process/BMP participating states"
        )
        + ", "
        + verbatim("under the section “Building Migration Partnerships”."),
        verbatim(
            "The knowledge base was prepared through a set of high-level introductory missions and expert missions, "
            "as well as workshops and senior officials’ meetings, which served as the decisive body in BMP."
        ),
    ],
    "start": "2009-05",
    "end": "2011-06",
    "thematic_areas": [],
    # "The Ministry of the Interior of the Czech Republic, together with the ministries of interiors of Hungary,
    # Poland, Romania and Slovakia"; "Donor: European Union (European Commission)".
    "partners": [("implementing_agency", "organisation", "icmpd", "")]
    + [("lead_agency", "country", iso, MINISTRY_OF_THE_INTERIOR) for iso in BMP_STATES]
    + [("donor", "organisation", "european-commission", "")],
    "results": [],
}


def _umbrella_project(name, slug):
    # Everything the seed says about ERIS and SIPPAP; their full names are not in the seed.
    return {
        "slug": slug,
        "title": name,
        "acronym": name,
        "full_title": "",
        "objectives": [],
        "summary": [
            f"{name} is implemented under the umbrella of the Prague Process. It is based on the Prague Process "
            "Action Plan but implemented outside of the Prague Process Targeted Initiative (PP TI), and follows the "
            "Prague Process’s principles of equality and mutual interests, as well as its voluntary nature."
        ],
        "start": None,
        "end": None,
        "thematic_areas": [],
        "partners": [],
        "results": [],
    }


verbatim("implemented under the umbrella of the Prague Process")
verbatim("follow the Prague Process's principles of equality and mutual interests, as well as its voluntary nature")

ERIS = _umbrella_project("ERIS", "eris")
SIPPAP = _umbrella_project("SIPPAP", "sippap")

# Top-level projects in display order (pilot projects are children of PP TI).
PROJECTS = [PP_TI, ERIS, SIPPAP, BMP2, BMP1]

# --- The library -----------------------------------------------------------------------------
# Publication dates, adoption dates and places, and files are unknown: they stay empty.

PUBLICATIONS = [
    {
        "type": "action_plan",
        "slug": "action-plan-2012-2016",
        "title": "Prague Process Action Plan 2012–2016",
        "summary": (
            "The Prague Process Action Plan for the implementation of the Building Migration Partnerships (BMP) Joint "
            "Declaration from 2012–2016. Its text was finalised by the BMP Transitional project (BMP2), which "
            "prepared the document for its endorsement at the Second Prague Process Ministerial Conference in "
            "Poznan, Poland, on 3–4 November 2011. Through targeted funding, the European Commission provided the "
            "financial means for its implementation from 2012–2014. The Prague Process Targeted Initiative (PP TI) "
            "supports its implementation; other projects, such as ERIS and SIPPAP, are based on it."
        ),
        # An output of BMP Transitional only: it "finalised the text of the Prague Process Action Plan" and
        # "prepared the document for its endorsement". PP TI supports its implementation and ERIS and SIPPAP
        # are based on it: the summary says so, but they did not produce it.
        "projects": ["bmp-transitional"],
        "thematic_areas": [],
        "organisations": [],
    },
    {
        "type": "joint_declaration",
        "slug": "bmp-joint-declaration",
        "title": "BMP Joint Declaration",
        "summary": (
            "The Building Migration Partnerships (BMP) Joint Declaration. The BMP Initiative (BMP1) gathered the "
            "information necessary for its implementation, and the Prague Process Action Plan 2012–2016 was "
            "prepared for its implementation."
        ),
        # No project produced it: BMP1 gathered information "necessary for the implementation of the Joint
        # Declaration" and BMP2 prepared the Action Plan for its implementation.
        "projects": [],
        "thematic_areas": [],
        "organisations": [],
    },
    {
        "type": "factsheet",
        "slug": "factsheet",
        "title": "Prague Process Factsheet",
        "summary": "",
        "projects": [],
        "thematic_areas": [],
        "organisations": [],
    },
]


def _expected_result_of(pilot):
    return f"An expected result of {pilot['title']} of the Prague Process Targeted Initiative (PP TI)."


_P = {pilot["number"]: pilot for pilot in PILOT_PROJECTS}

# The outputs named among the pilot projects' expected results (GuidelinePages, no files yet).
OUTPUT_SPECS = [
    (1, "pp1-best-practices", "best_practices", f"{_P[1]['title'].split(' – ')[0]} – {BEST_PRACTICES}", None),
    (1, "pp1-guidelines-readmission-returns", "guidelines", _P[1]["results"][1], None),
    (2, "pp2-best-practices", "best_practices", f"{_P[2]['title'].split(' – ')[0]} – {BEST_PRACTICES}", None),
    (2, "pp2-recommendations-labour-migration", "recommendations", _P[2]["results"][1], None),
    (3, "pp3-best-practices", "best_practices", f"{_P[3]['title'].split(' – ')[0]} – {BEST_PRACTICES}", None),
    (3, "pp3-guidelines-circular-migration", "guidelines", _P[3]["results"][1], None),
    (
        4,
        "pp4-guidelines-asylum-procedures-training-needs",
        "guidelines",
        "Prague Process Guidelines on asylum procedures and training needs",
        f"An expected result of {_P[4]['title']} of the Prague Process Targeted Initiative (PP TI), including a "
        "structured assessment on training needs in the participating states.",
    ),
    (
        4,
        "pp4-eac-training-module-inclusion-ru",
        "training_module",
        "EAC training module on inclusion (Russian)",
        f"An expected result of {_P[4]['title']}: the EASO/European Asylum Curriculum (EAC) training module on "
        "inclusion translated into Russian language and available online.",
    ),
]

OUTPUTS = []
for _number, _slug, _kind, _title, _summary in OUTPUT_SPECS:
    OUTPUTS.append(
        {
            "type": "guideline",
            "kind": _kind,
            "slug": _slug,
            "title": _title,
            "summary": _summary or _expected_result_of(_P[_number]),
            "projects": [_P[_number]["slug"]],
            "thematic_areas": [_P[_number]["thematic_area"]],
            # The EAC is EASO's curriculum ("The EASO/European Asylum Curriculum (EAC) training module").
            "organisations": ["easo"] if _kind == "training_module" else [],
        }
    )
