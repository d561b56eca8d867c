"""Controlled substances and their precursors by name, in English and Russian, in any inflection.

A question about one drug answered by a sentence about another looks right and is wrong ("How much *cocaine* was
seized at Dostuk?" against "... seized 412 kilograms of heroin at the Dostuk checkpoint"): the answer step reads
the substances each names (qa.answer.substances). Every name here stands for one or more *identities* (`Named.kinds`):

- a substance stands for its own family: the forms of one plant's product are one thing to ask about ("hashish",
  "marijuana", "cannabis", "hemp", "гашиш", "конопля"; "opium", "opium poppy", "poppy straw", "опий", "мак";
  "cocaine", "coca"); heroin, morphine and opium are not one (they are seized, counted and reported apart);
- a class stands for its members ("opiates": opium, heroin, morphine, codeine; "precursors": every precursor below;
  "amphetamine-type stimulants"; "synthetic cathinones" ...), so a question about precursors answered by a sentence
  about acetic anhydride, or a heroin question answered by a sentence about opiates, is about one thing.

The Conventions' own class, "narcotic drugs and psychotropic substances" ("наркотические средства и психотропные
вещества"), stands for every drug and for no precursor: "over 5.1 tonnes of narcotic drugs" answers no question
about acetic anhydride. The bare words ("drugs", "narcotics", "наркотики") are not here: they fill drug-control prose
("drug trafficking", "Drug Control Agency", "незаконный оборот наркотиков") and name no substance, so a sentence that
uses them next to another named substance still speaks of that substance. Slang that is an everyday word elsewhere
("crack", "ice", "speed", "weed", "spice", "hash", "salt"; "кат") is left out too, and so are abbreviations with common
other meanings ("NPS", "ATS", "NPP", "PCP") and English words whose stem is an everyday verb's ("stimulants" stems as
"stimulate" does, "designer drugs" as "design drugs"): they are named only in a longer name ("amphetamine-type
stimulants").

A name is matched on the text's analysed terms (qa.lang.analyze: each word stemmed by its script's language), so
"кокаина", "героином", "cocaine's" are their substance; a Russian name of five letters or more also matches a
longer stem it begins ("героин" in "героиновый", "гашиш" in "гашишное"), Russian adjectives being many.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# identities (families) of drugs
_OPIUM, _HEROIN, _MORPHINE, _CODEINE = "opium", "heroin", "morphine", "codeine"
_COCA, _CANNABIS, _SYNTH_CANNABINOIDS = "coca", "cannabis", "synthetic cannabinoids"
_AMPHETAMINE, _METH, _MDMA = "amphetamine", "methamphetamine", "mdma"
_MEPHEDRONE, _PVP, _CATHINONE = "mephedrone", "alpha-pvp", "cathinone"
_FENTANYL, _TRAMADOL, _METHADONE, _BUPRENORPHINE, _OXYCODONE = (
    "fentanyl", "tramadol", "methadone", "buprenorphine", "oxycodone")
_KETAMINE, _LSD, _PSILOCYBIN, _MESCALINE, _DMT, _GHB = "ketamine", "lsd", "psilocybin", "mescaline", "dmt", "ghb"
_PREGABALIN, _BENZODIAZEPINES, _METHAQUALONE = "pregabalin", "benzodiazepines", "methaqualone"
# identities of precursors (the 1988 Convention's Tables I and II, the ones seizure reports name)
_ACETIC_ANHYDRIDE, _PERMANGANATE, _EPHEDRINES, _P2P, _PMK = (
    "acetic anhydride", "potassium permanganate", "ephedrines", "p-2-p", "pmk")
_LYSERGIC, _ANPP, _ANTHRANILIC = "lysergic acid", "anpp", "anthranilic acid"
_ACETONE, _TOLUENE, _ETHER, _MEK, _HCL, _H2SO4, _PIPERIDINE = (
    "acetone", "toluene", "ethyl ether", "methyl ethyl ketone", "hydrochloric acid", "sulphuric acid", "piperidine")

PRECURSORS = frozenset({_ACETIC_ANHYDRIDE, _PERMANGANATE, _EPHEDRINES, _P2P, _PMK, _LYSERGIC, _ANPP, _ANTHRANILIC,
                        _ACETONE, _TOLUENE, _ETHER, _MEK, _HCL, _H2SO4, _PIPERIDINE})
_OPIATES = frozenset({_OPIUM, _HEROIN, _MORPHINE, _CODEINE})
_OPIOIDS = _OPIATES | {_FENTANYL, _TRAMADOL, _METHADONE, _BUPRENORPHINE, _OXYCODONE}
_CATHINONES = frozenset({_MEPHEDRONE, _PVP, _CATHINONE})
_STIMULANTS = frozenset({_AMPHETAMINE, _METH, _MDMA}) | _CATHINONES
_HALLUCINOGENS = frozenset({_LSD, _PSILOCYBIN, _MESCALINE, _DMT})
_NPS = _CATHINONES | {_SYNTH_CANNABINOIDS}
_SYNTHETIC = _STIMULANTS | _NPS | {_FENTANYL, _TRAMADOL, _METHADONE, _KETAMINE, _LSD, _GHB, _PREGABALIN}
# what the Conventions call "narcotic drugs and psychotropic substances": every drug, and no precursor
_DRUGS = _OPIOIDS | _STIMULANTS | _HALLUCINOGENS | _NPS | {
    _COCA, _CANNABIS, _KETAMINE, _GHB, _PREGABALIN, _BENZODIAZEPINES, _METHAQUALONE}

# (what a note calls it in English, in Russian), the identities it stands for, its English names, its Russian names
_LEXICON: tuple[tuple[tuple[str, str], frozenset[str] | str, tuple[str, ...], tuple[str, ...]], ...] = (
    (("opium", "опий"), _OPIUM, ("opium", "raw opium"), ("опий", "опиум", "опийный", "опиумный")),
    (("opium poppy", "опийный мак"), _OPIUM, ("opium poppy", "poppy", "poppy straw", "poppy seed"),
     ("опийный мак", "мак", "маковая солома", "маковый")),
    (("heroin", "героин"), _HEROIN, ("heroin",), ("героин",)),
    (("morphine", "морфин"), _MORPHINE, ("morphine",), ("морфин",)),
    (("codeine", "кодеин"), _CODEINE, ("codeine",), ("кодеин",)),
    (("cocaine", "кокаин"), _COCA, ("cocaine", "coca", "coca leaf", "coca paste", "crack cocaine"),
     ("кокаин", "листья коки", "кокаиновый")),
    (("cannabis", "каннабис"), _CANNABIS, ("cannabis", "cannabis resin", "cannabis herb", "cannabis plants"),
     ("каннабис",)),
    (("hashish", "гашиш"), _CANNABIS, ("hashish", "hash oil"), ("гашиш", "анаша")),
    (("marijuana", "марихуана"), _CANNABIS, ("marijuana", "marihuana"), ("марихуана", "марихуаны")),
    (("hemp", "конопля"), _CANNABIS, ("hemp", "wild hemp"), ("конопля", "конопли", "дикорастущая конопля")),
    (("synthetic cannabinoids", "синтетические каннабиноиды"), _SYNTH_CANNABINOIDS, ("synthetic cannabinoids",),
     ("синтетические каннабиноиды", "спайс")),
    (("amphetamine", "амфетамин"), _AMPHETAMINE, ("amphetamine",), ("амфетамин",)),
    (("captagon", "каптагон"), _AMPHETAMINE, ("captagon", "fenetylline"), ("каптагон", "фенетиллин")),
    (("methamphetamine", "метамфетамин"), _METH, ("methamphetamine", "meth", "crystal meth", "pervitin"),
     ("метамфетамин", "первитин")),
    (("MDMA", "МДМА"), _MDMA, ("mdma", "ecstasy"), ("мдма", "экстази")),
    (("mephedrone", "мефедрон"), _MEPHEDRONE, ("mephedrone",), ("мефедрон",)),
    (("alpha-PVP", "альфа-PVP"), _PVP, ("alpha-pvp", "α-pvp"), ("альфа-pvp", "альфа-пвп", "α-пвп")),
    (("cathinone", "катинон"), _CATHINONE, ("cathinone", "methcathinone", "khat"), ("катинон", "меткатинон")),
    (("fentanyl", "фентанил"), _FENTANYL, ("fentanyl", "carfentanil"), ("фентанил", "карфентанил")),
    (("tramadol", "трамадол"), _TRAMADOL, ("tramadol",), ("трамадол",)),
    (("methadone", "метадон"), _METHADONE, ("methadone",), ("метадон",)),
    (("buprenorphine", "бупренорфин"), _BUPRENORPHINE, ("buprenorphine",), ("бупренорфин",)),
    (("oxycodone", "оксикодон"), _OXYCODONE, ("oxycodone",), ("оксикодон",)),
    (("ketamine", "кетамин"), _KETAMINE, ("ketamine",), ("кетамин",)),
    (("LSD", "ЛСД"), _LSD, ("lsd", "lysergide"), ("лсд",)),
    (("psilocybin", "псилоцибин"), _PSILOCYBIN, ("psilocybin",), ("псилоцибин",)),
    (("mescaline", "мескалин"), _MESCALINE, ("mescaline",), ("мескалин",)),
    (("DMT", "ДМТ"), _DMT, ("dmt", "dimethyltryptamine"), ("дмт", "диметилтриптамин")),
    (("GHB", "ГОМК"), _GHB, ("ghb",), ("гомк",)),
    (("pregabalin", "прегабалин"), _PREGABALIN, ("pregabalin",), ("прегабалин",)),
    (("benzodiazepines", "бензодиазепины"), _BENZODIAZEPINES,
     ("benzodiazepines", "diazepam", "alprazolam", "clonazepam", "phenazepam"),
     ("бензодиазепин", "диазепам", "алпразолам", "клоназепам", "феназепам")),
    (("methaqualone", "метаквалон"), _METHAQUALONE, ("methaqualone", "mandrax"), ("метаквалон",)),
    (("acetic anhydride", "уксусный ангидрид"), _ACETIC_ANHYDRIDE, ("acetic anhydride",),
     ("уксусный ангидрид", "ангидрид уксусной кислоты")),
    (("potassium permanganate", "перманганат калия"), _PERMANGANATE, ("potassium permanganate",),
     ("перманганат калия", "марганцовка")),
    (("ephedrine", "эфедрин"), _EPHEDRINES, ("ephedrine", "pseudoephedrine", "norephedrine", "ephedra"),
     ("эфедрин", "псевдоэфедрин", "норэфедрин", "эфедра")),
    (("P-2-P", "Ф-2-П"), _P2P, ("p-2-p", "bmk", "phenylacetone", "1-phenyl-2-propanone", "apaan",
                                "phenylacetic acid"),
     ("фенилацетон", "фенил-2-пропанон", "фенилуксусная кислота")),
    (("PMK", "ПМК"), _PMK, ("pmk", "safrole", "isosafrole", "piperonal", "mdp2p"),
     ("сафрол", "изосафрол", "пиперональ")),
    (("lysergic acid", "лизергиновая кислота"), _LYSERGIC, ("lysergic acid", "ergometrine", "ergotamine"),
     ("лизергиновая кислота", "эргометрин", "эрготамин")),
    (("ANPP", "АНПП"), _ANPP, ("anpp", "4-anpp", "n-phenethyl-4-piperidone"), ("анпп",)),
    (("anthranilic acid", "антраниловая кислота"), _ANTHRANILIC, ("anthranilic acid",), ("антраниловая кислота",)),
    (("acetone", "ацетон"), _ACETONE, ("acetone",), ("ацетон",)),
    (("toluene", "толуол"), _TOLUENE, ("toluene",), ("толуол",)),
    (("ethyl ether", "этиловый эфир"), _ETHER, ("ethyl ether", "diethyl ether"), ("этиловый эфир", "диэтиловый эфир")),
    (("methyl ethyl ketone", "метилэтилкетон"), _MEK, ("methyl ethyl ketone",), ("метилэтилкетон",)),
    (("hydrochloric acid", "соляная кислота"), _HCL, ("hydrochloric acid",), ("соляная кислота",)),
    (("sulphuric acid", "серная кислота"), _H2SO4, ("sulphuric acid", "sulfuric acid"), ("серная кислота",)),
    (("piperidine", "пиперидин"), _PIPERIDINE, ("piperidine",), ("пиперидин",)),
    # classes
    (("precursors", "прекурсоры"), PRECURSORS, ("precursor", "precursor chemicals"), ("прекурсор",)),
    (("opiates", "опиаты"), _OPIATES, ("opiates",), ("опиаты",)),
    (("opioids", "опиоиды"), _OPIOIDS, ("opioids",), ("опиоиды",)),
    (("cannabinoids", "каннабиноиды"), frozenset({_CANNABIS, _SYNTH_CANNABINOIDS}), ("cannabinoids",),
     ("каннабиноиды",)),
    (("amphetamine-type stimulants", "стимуляторы амфетаминового ряда"), _STIMULANTS,
     ("amphetamine-type stimulants",), ("стимуляторы амфетаминового ряда", "психостимуляторы")),
    (("synthetic cathinones", "синтетические катиноны"), _CATHINONES, ("synthetic cathinones",),
     ("синтетические катиноны",)),
    (("new psychoactive substances", "новые психоактивные вещества"), _NPS,
     ("new psychoactive substances",), ("новые психоактивные вещества", "дизайнерские наркотики")),
    (("synthetic drugs", "синтетические наркотики"), _SYNTHETIC, ("synthetic drugs",),
     ("синтетические наркотики", "синтетических наркотиков")),
    (("hallucinogens", "галлюциногены"), _HALLUCINOGENS, ("hallucinogens",), ("галлюциногены",)),
    (("narcotic drugs", "наркотические средства"), _DRUGS,
     ("narcotic drugs", "psychotropic substances"), ("наркотические средства", "психотропные вещества")),
)

# a question that asks which substance ("Which drug replaced heroin …?", "What precursor is made into heroin?",
# "Какой наркотик …?"): its answer names another substance than the one it names, by design
_ASKS_WHICH = re.compile(
    r"\b(?:which|what)\s+(?:(?:other|kinds?\s+of|types?\s+of)\s+)?(?:[a-z-]+\s+)?"
    r"(?:drugs?|substances?|narcotics?|precursors?|chemicals?|stimulants?|opiates?|opioids?)\b"
    r"|\b(?:как(?:ой|ая|ое|ие|ого|ую|их|им|ому)|что\s+за)\s+(?:[а-яё-]+\s+)?"
    r"(?:наркотик|веществ|прекурсор|препарат|средств)",
    re.I,
)
# words whose stems are a substance's and which name something else: "heroine" stems as "heroin", and so does
# Russian "героиня" (a heroine) in the forms not shared with "героин"
_LOOKALIKES = re.compile(r"\bheroines?\b|\bгероин(?:я|ю|ей|ь|ям|ями|ях|и)\b", re.I)
# a Russian name this long or longer also matches the longer stems it begins (its adjectives and compounds)
_PREFIX_MIN = 5
_CYRILLIC = re.compile(r"[а-яё]")


@dataclass(frozen=True)
class Named:
    """A substance or a class of them as a text names it: what a note calls it and the identities it stands for."""

    en: str
    ru: str
    kinds: frozenset[str]

    def name(self, lang: str) -> str:
        return self.ru if lang == "ru" else self.en


@functools.cache
def _names() -> tuple[tuple[tuple[str, ...], Named], ...]:
    """Every name's analysed terms with what it names, the longest names first (so "opium poppy" is read before
    "opium", and "synthetic cannabinoids" before "cannabinoids")."""
    from qa.lang import analyze  # qa.lang registers its languages on import

    out = []
    for (en, ru), kinds, english, russian in _LEXICON:
        named = Named(en, ru, frozenset({kinds}) if isinstance(kinds, str) else kinds)
        for lang, names in (("en", english), ("ru", russian)):
            for name in names:
                terms = tuple(analyze(name, lang))
                if terms:
                    out.append((terms, named))
    return tuple(sorted(out, key=lambda x: -len(x[0])))


def _same(term: str, name: str) -> bool:
    """Whether a text's term is a name's term: equal, or a Russian stem it begins when that is long enough."""
    return term == name or (len(name) >= _PREFIX_MIN and term.startswith(name) and bool(_CYRILLIC.match(name)))


@functools.cache
def _by_first() -> dict[str, tuple[tuple[tuple[str, ...], Named], ...]]:
    """_names() by their first term."""
    out: dict[str, list] = {}
    for terms, what in _names():
        out.setdefault(terms[0], []).append((terms, what))
    return {k: tuple(v) for k, v in out.items()}


def named(text: str) -> list[Named]:
    """The substances and classes `text` names, in the order it names them, each once."""
    from qa.lang import analyze

    terms = analyze(_LOOKALIKES.sub(" ", text))
    first = _by_first()
    out: list[Named] = []
    i = 0
    while i < len(terms):
        term = terms[i]
        # the names that may start here: by the term itself, or by a prefix of a Russian stem
        heads = [term]
        if _CYRILLIC.match(term):
            heads += [term[:n] for n in range(len(term) - 1, _PREFIX_MIN - 1, -1)]
        step = 1
        for head in heads:
            hit = next((
                (name, what) for name, what in first.get(head, ())
                if len(terms) - i >= len(name) and all(_same(t, x) for t, x in zip(terms[i:], name))
            ), None)
            if hit is not None:
                if hit[1] not in out:
                    out.append(hit[1])
                step = len(hit[0])
                break
        i += step
    return out


def asks_which(question: str) -> bool:
    """Whether `question` asks which substance ("Which drug replaced heroin …?"): its answer names another one."""
    return bool(_ASKS_WHICH.search(question))


def identities(text: str) -> frozenset[str]:
    """The identities the substances and classes `text` names stand for (empty: it names none)."""
    return frozenset(k for what in named(text) for k in what.kinds)
