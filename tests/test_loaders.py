import json

import pytest

from framing.document import RecordError
from framing.loaders import InputError, iter_documents, make_document


def test_markdown_code_front_matter_and_link_targets_are_not_prose():
    text = ("---\ntitle: Kiev notes\n---\n# Heading\n\nSee [the report](https://example.com/kiev) now.\n\n"
            "```\nKiev = 1\n```\n\nInline `Kiev` code. <!-- Kiev comment -->\n")
    document = make_document(text, "markdown")
    assert len(document.prose) == len(text)
    assert "Kiev" not in document.prose
    assert "the report" in document.prose and "Heading" in document.prose


def test_html_visible_text_only():
    text = ("<html><head><title>T</title><style>p{}</style></head><body><script>var Kiev=1;</script>"
            "<p>Officials in <b>Kyiv</b> said&nbsp;so.</p><!-- Kiev --></body></html>")
    document = make_document(text, "html")
    assert "Kiev" not in document.prose
    assert "Kyiv" in document.prose
    assert "script" not in document.prose and "<" not in document.prose


def test_urls_and_emails_are_blanked():
    document = make_document("Write to press@kiev-news.example.com or see https://kiev.example.org/a today.")
    assert "kiev" not in document.prose.lower()


def test_jsonl_records_keep_id_and_metadata_in_order(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"id": "a1", "text": "One.", "outlet": "Daily", "date": "2025-01-01"}) + "\n"
        + "{not json\n"
        + json.dumps({"text": "Two.", "outlet": "Weekly"}) + "\n"
        + json.dumps({"id": "c3"}) + "\n",
        encoding="utf-8",
    )
    items = list(iter_documents([str(corpus)]))
    assert [type(i).__name__ for i in items] == ["Document", "RecordError", "Document", "RecordError"]
    assert items[0].id == "a1" and items[0].meta == {"outlet": "Daily", "date": "2025-01-01"}
    assert items[1].line == 2 and "invalid JSON" in items[1].message
    assert items[2].id == f"{corpus}:3"
    assert items[3].line == 4 and "text" in items[3].message


def only_error(path) -> RecordError:
    (item,) = list(iter_documents([str(path)]))
    assert isinstance(item, RecordError)
    return item


def test_missing_path_is_reported_not_raised():
    assert str(only_error("/nonexistent/draft.txt")) == "/nonexistent/draft.txt: no such file or directory"


def test_unknown_extension_is_named(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1.4")
    assert str(only_error(path)).startswith(f"{path}: unsupported file type '.pdf'")


def test_binary_and_invalid_utf8_files_are_reported(tmp_path):
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"abc\x00\x01def")
    bad = tmp_path / "u.txt"
    bad.write_bytes(b"line one\nline \xff two\n")
    assert "binary" in only_error(binary).message
    assert str(only_error(bad)).startswith(f"{bad}:2: invalid UTF-8")


def test_whitespace_only_file_is_a_document_without_sentences(tmp_path):
    empty = tmp_path / "e.txt"
    empty.write_text("  \n", encoding="utf-8")
    (document,) = list(iter_documents([str(empty)]))
    assert document.text == "  \n" and document.sentences == []


def test_directory_skips_bad_files_and_goes_on(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "good.md").write_text("# Title\n\nA sentence.", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "notes.pdf").write_bytes(b"x")
    items = list(iter_documents([str(tmp_path)]))
    assert sum(isinstance(i, RecordError) for i in items) == 1
    assert [i.id for i in items if not isinstance(i, RecordError)] == [str(tmp_path / "sub" / "good.md")]


def test_bom_is_dropped_and_crlf_kept(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffOne.\r\nTwo.".encode("utf-8"))
    (document,) = list(iter_documents([str(path)]))
    assert document.text == "One.\r\nTwo."


def test_many_at_signs_and_dots_are_not_addresses():
    from framing.loaders.masking import mask_urls

    assert mask_urls("x@y " * 200) == "x@y " * 200
    assert mask_urls("Mail a@b.org now.") == "Mail " + " " * len("a@b.org") + " now."
