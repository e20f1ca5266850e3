from framing.segment import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


def test_abbreviations_do_not_end_sentences():
    text = "Gen. Petrenko met Mr. Smith on Jan. 12 in St. Louis. They talked."
    assert sentences(text) == ["Gen. Petrenko met Mr. Smith on Jan. 12 in St. Louis.", "They talked."]


def test_us_inside_a_sentence_and_at_its_end():
    text = "The U.S. envoy arrived. Talks resumed in the U.S. The mood was calm."
    assert sentences(text) == ["The U.S. envoy arrived.", "Talks resumed in the U.S.", "The mood was calm."]


def test_initials_are_not_sentence_ends():
    assert sentences("John F. Kennedy spoke. Then he left.") == ["John F. Kennedy spoke.", "Then he left."]


def test_quotation_with_full_stops_stays_with_its_attribution():
    text = "“We will stay. We will not leave,” the mayor said. Crowds cheered."
    assert sentences(text) == ["“We will stay. We will not leave,” the mayor said.", "Crowds cheered."]


def test_question_and_exclamation_marks_end_sentences():
    assert sentences("Is it over? Nobody knows! Wait.") == ["Is it over?", "Nobody knows!", "Wait."]


def test_headline_and_subtitle_without_full_stop():
    text = "Ceasefire holds in the east\nBoth sides report a quiet night\nThe truce began on Monday. It is fragile."
    assert sentences(text) == [
        "Ceasefire holds in the east",
        "Both sides report a quiet night",
        "The truce began on Monday.",
        "It is fragile.",
    ]


def test_paragraph_breaks_end_sentences():
    assert sentences("First paragraph without a stop\n\nSecond one.") == ["First paragraph without a stop", "Second one."]


def test_hard_wrapped_paragraph_is_joined():
    text = ("The council voted on Tuesday to extend the curfew in the old town by another\n"
            "two weeks, citing a rise in night-time break-ins reported by shop owners and\n"
            "residents. The vote was close.")
    assert len(sentences(text)) == 2


def test_dateline_is_kept_in_the_first_sentence_and_marked():
    text = "KYIV, Ukraine (AP) — Air raid sirens sounded across the capital. Officials urged calm."
    spans = split_sentences(text)
    assert len(spans) == 2
    assert text[spans[0].start : spans[0].dateline_end].strip() == "KYIV, Ukraine (AP) —"


def test_offsets_point_into_the_original_text():
    text = "  One here.\r\n\r\nTwo there!  "
    for span in split_sentences(text):
        assert text[span.start : span.end] in ("One here.", "Two there!")


def test_decimal_numbers_do_not_split():
    assert sentences("Inflation rose to 3.5 percent. Prices fell.") == ["Inflation rose to 3.5 percent.", "Prices fell."]


def test_a_quotation_that_ends_the_sentence_is_a_boundary():
    assert sentences("“Go home.” The crowd left.") == ["“Go home.”", "The crowd left."]
    assert sentences("He said: “No.” Then he left.") == ["He said: “No.”", "Then he left."]


def test_number_abbreviations_only_before_numbers():
    assert sentences("Resolution No. 55 passed. Then it failed.") == ["Resolution No. 55 passed.", "Then it failed."]
    assert sentences("I love modern art. The show opens.") == ["I love modern art.", "The show opens."]


def test_time_and_compound_abbreviations():
    assert sentences("The vote is at 3 p.m. The result follows.") == ["The vote is at 3 p.m.", "The result follows."]
    assert sentences("The U.S.-backed plan failed. Talks ended.") == ["The U.S.-backed plan failed.", "Talks ended."]
    assert sentences("She asked, “Why now?” and left.") == ["She asked, “Why now?” and left."]
