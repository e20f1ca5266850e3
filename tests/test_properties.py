"""Invariants that hold for any input, checked on arbitrary text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from framing.loaders import make_document

_news_words = st.sampled_from([
    "Kiev", "KIEV", "Kyiv's", "said", "claimed", "reportedly", "sources", "“", "”", '"', ".", ",", "\n", "\n\n",
    "Mr.", "U.S.", "the", "Ukraine", "regime", "clearly", "https://kiev.example.com", "# ", "```", "<p>", "</p>",
    "&amp;", "illegal aliens", "pro-life", "accused", "Moscow", "according to", "—", "'", "\r\n", "\x00", "é",
])
_texts = st.one_of(st.text(max_size=300), st.lists(_news_words, max_size=60).map(" ".join))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_texts, fmt=st.sampled_from(["text", "markdown", "html"]))
def test_every_finding_text_is_the_document_slice(analyzer, text, fmt):
    document = analyzer.analyze(make_document(text, fmt))
    for sentence in document.sentences:
        assert document.text[sentence.start : sentence.end] == sentence.text
        for finding in sentence.findings:
            assert 0 <= finding.start <= finding.end <= len(document.text)
            assert finding.text == document.text[finding.start : finding.end]
            assert sentence.start <= finding.start <= sentence.end
            source = finding.details.get("source")
            if source:
                assert document.text[source["start"] : source["end"]] == source["text"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_texts)
def test_sentences_are_ordered_and_disjoint(analyzer, text):
    document = analyzer.analyze(make_document(text))
    previous_end = 0
    for sentence in document.sentences:
        assert previous_end <= sentence.start < sentence.end
        previous_end = sentence.end
