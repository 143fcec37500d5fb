"""Pattern constraints (``flashpoint.events.constraints``) seen through coded events."""

from __future__ import annotations

from tests.events.test_arguments import _pairs as _happened


def test_x_and_other_y_names_the_object_a_y():
    assert ("064", "Norway", "Ukraine") in _happened(
        "Norway is giving satellite images and other intelligence to Ukraine.")
    # a plain conjunct names no kind: "balls and strikes" are no strike
    assert not any(code == "082" for code, _, _ in _happened(
        "The umpires are there to call the balls and strikes, the league said."))
