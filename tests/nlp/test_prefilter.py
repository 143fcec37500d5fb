"""The prefilter: candidate sentences, the rejoined Doc, and offsets that still index the text."""

from __future__ import annotations

import pytest

from flashpoint.nlp.prefilter import LemmaGuesser, prefilter_for, sentence_bounds
from flashpoint.pipeline import quotation_spans, stage_vocabulary
from flashpoint.records import Article

# Invented text: two event sentences, a quote, and filler about the weather and a recipe.
ARTICLE = (
    "Rain fell softly on the old market square all afternoon.\n\n"
    "The Ruritanian army shelled the border town of Varna on Tuesday. "
    "Bakers in the square sold bread with honey and walnuts. "
    "\"We will not be silent,\" Foreign Minister Anna Kovacs said.\n\n"
    "The recipe needs two cups of flour. "
    "Later the government recalled its ambassador from Freedonia. "
    "The market stays quiet until dawn."
)


@pytest.fixture(scope="module")
def prefilter(pipeline):
    found = prefilter_for(pipeline.nlp, stage_vocabulary, quotation_spans)
    assert found is not None, "the default model ships rule-lemmatizer tables"
    assert prefilter_for(pipeline.nlp, stage_vocabulary, quotation_spans) is found  # built once
    return found


def _sentences(pipeline, prefilter, text):
    doc = pipeline.nlp.make_doc(text)
    cands = prefilter.candidates(doc)
    return [(doc[s:e].text.strip(), keep) for (s, e), keep in zip(cands.sentences, cands.keep, strict=True)]


def test_sentence_bounds_tile_the_text(pipeline):
    doc = pipeline.nlp.make_doc(ARTICLE)
    bounds = sentence_bounds(doc)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(doc)
    assert all(a[1] == b[0] for a, b in zip(bounds, bounds[1:], strict=False))
    texts = [doc[s:e].text.strip() for s, e in bounds]
    assert texts[0] == "Rain fell softly on the old market square all afternoon."
    # The closing quote mark stays with its sentence; the paragraph break ends one.
    assert texts[3].startswith('"We will not be silent,"') and texts[3].endswith("said.")
    assert len(bounds) == 7


def test_lemma_guesses_cover_inflections(pipeline):
    guess = LemmaGuesser.from_nlp(pipeline.nlp)
    assert "strike" in guess("struck")
    assert "shell" in guess("shelled")
    assert "stop" in guess("stopped")
    assert "talk" in guess("talks")
    assert "accuse" in guess("accusing")


def test_vocabulary_comes_from_patterns_and_cues(pipeline):
    vocab = stage_vocabulary(pipeline.nlp)
    from flashpoint.events.patterns import patterns
    from flashpoint.quotes.cues import load_cues

    ps = patterns()
    # Every trigger lemma is either a word of its own or a constrained trigger.
    for lemma in list(ps.verbs) + list(ps.nouns):
        assert lemma in vocab.words or lemma in vocab.constrained
    assert load_cues().speech <= vocab.cues
    assert vocab.words | vocab.cues | vocab.constrained.keys() <= vocab.relevant
    # A constrained trigger needs its constraint words in the sentence.
    lemma, needs = next((k, v) for k, v in vocab.constrained.items() if all(len(n) for n in v[0]))
    assert not vocab.admits({lemma})
    assert vocab.admits({lemma} | {next(iter(words)) for words in needs[0]})


def test_vocabulary_follows_the_events_components_patterns_file(tmp_path):
    """A ``patterns_file`` given to the events component is what the prefilter looks for."""
    import spacy

    from flashpoint.quotes.cues import load_cues

    custom = tmp_path / "patterns.yaml"
    custom.write_text('verbs:\n  - {id: defenestrate, lemma: [defenestrate], code: "145"}\n'
                      'nouns:\n  - {id: fracas, lemma: [fracas], code: "190"}\n', encoding="utf-8")
    nlp = spacy.blank("en")
    nlp.add_pipe("flashpoint_events", config={"patterns_file": str(custom)})
    vocab = stage_vocabulary(nlp)
    assert vocab.words == {"defenestrate", "fracas"}
    assert load_cues().speech <= vocab.cues  # the shipped cues: the nlp has no quotes component


def test_trigger_sentences_kept_filler_dropped(pipeline, prefilter):
    prefilter_no_context = type(prefilter)(prefilter.nlp, prefilter.guess, prefilter.vocabulary,
                             prefilter.quotations, context=0)
    kept = dict(_sentences(pipeline, prefilter_no_context, ARTICLE))
    assert kept["The Ruritanian army shelled the border town of Varna on Tuesday."]
    assert kept['"We will not be silent," Foreign Minister Anna Kovacs said.']
    assert kept["Later the government recalled its ambassador from Freedonia."]
    assert not kept["Rain fell softly on the old market square all afternoon."]
    assert not kept["The recipe needs two cups of flour."]
    assert not kept["Bakers in the square sold bread with honey and walnuts."]
    assert not kept["The market stays quiet until dawn."]


def test_context_only_before_a_sentence_that_leans_on_it(pipeline, prefilter):
    with_context = type(prefilter)(prefilter.nlp, prefilter.guess, prefilter.vocabulary,
                             prefilter.quotations, context=1)
    kept = dict(_sentences(pipeline, with_context, ARTICLE))
    # "... recalled its ambassador": the pronoun's owner is named before.
    assert kept["The recipe needs two cups of flour."]
    # A quotation's speaker may be named before it ("the minister said").
    assert kept["Bakers in the square sold bread with honey and walnuts."]
    # The shelling names its actors: nothing before it is needed.
    assert not kept["Rain fell softly on the old market square all afternoon."]


def test_floating_quote_and_pronoun_speaker_keep_context(pipeline, prefilter):
    text = (
        "The weather stayed mild all week. Anna Kovacs spoke at the market. "
        "Bread was cheap. \"Nothing will stop the harvest.\"\n\n"
        "Flowers were sold. Prices were low. She was happy, the baker told reporters. "
        "Ships were in the harbour. Fish were fresh."
    )
    kept = dict(_sentences(pipeline, prefilter, text))
    assert kept['"Nothing will stop the harvest."']  # a quotation is always parsed
    assert kept["Bread was cheap."] and kept["Anna Kovacs spoke at the market."]  # its context
    assert kept["She was happy, the baker told reporters."]  # a speech cue outside quotes
    assert kept["Flowers were sold."] and kept["Prices were low."]  # "She": context
    assert not kept["The weather stayed mild all week."]
    assert not kept["Ships were in the harbour."] and not kept["Fish were fresh."]


def test_speech_cue_inside_a_quotation_does_not_attribute_it(pipeline, prefilter):
    one = type(prefilter)(prefilter.nlp, prefilter.guess, prefilter.vocabulary,
                             prefilter.quotations, context=1)
    inside = one.candidates(pipeline.nlp.make_doc('The fair opened. "I said the bread was fresh."'))
    outside = one.candidates(pipeline.nlp.make_doc('The fair opened. "The bread was fresh," Kovacs said.'))
    # "said" inside the quotation attributes nothing; both sentences are kept as context of a
    # quotation, the cue's place is what tells the quotes stage who speaks.
    assert inside.keep == outside.keep == [True, True]


def test_sentence_inside_a_quotation_is_kept(pipeline, prefilter):
    text = 'Nothing much happened. "The fields are green and the rivers are full," she said.'
    kept = dict(_sentences(pipeline, prefilter, text))
    assert kept['"The fields are green and the rivers are full," she said.']


def test_joined_doc_has_the_exact_text_and_valid_offsets(pipeline):
    article = Article(id="pf", text=ARTICLE, published="2021-03-02")
    doc = pipeline.code_doc(article, fast=True)
    assert doc.text == ARTICLE
    assert [t.idx for t in doc] == [t.idx for t in pipeline.nlp.make_doc(ARTICLE)]
    events = doc._.events
    assert events, "the shelling and the recall are events"
    for event in events:
        s, e = event.span
        assert ARTICLE[s:e] == event.trigger
        for side in (event.source, event.target):
            if side is not None:
                assert ARTICLE[side.span[0]:side.span[1]] == side.text
        assert event.sentence in ARTICLE
    triggers = {e.trigger for e in events}
    assert "shelled" in triggers and "recalled" in triggers
    for quote in doc._.quotes:
        s, e = quote.span
        assert quote.text == ARTICLE[s:e] or quote.text in ARTICLE
    assert any("We will not be silent" in q.text for q in doc._.quotes)
    for actor in doc._.actors:
        for s, e in actor.mentions:
            assert 0 <= s < e <= len(ARTICLE)
            assert ARTICLE[s:e].strip() == ARTICLE[s:e]
    for quantity in doc._.quantities:
        s, e = quantity.span
        assert ARTICLE[s:e] == quantity.text


def test_unparsed_sentences_have_a_trivial_tree(pipeline):
    doc = pipeline.code_doc(Article(id="pf2", text=ARTICLE), fast=True)
    sents = list(doc.sents)
    # The last sentence is filler with no candidate after it: not even context.
    weather = next(s for s in sents if s.text.startswith("The market stays"))
    assert weather.root.dep_ == "ROOT" and weather.root.i == weather.start
    assert all(t.head.i == weather.start for t in weather)
    assert not any(t.pos_ for t in weather) and not weather.ents
    shelling = next(s for s in sents if "shelled" in s.text)
    assert any(t.pos_ == "VERB" for t in shelling) and shelling.ents


def test_empty_and_filler_only_articles(pipeline):
    assert pipeline.code_doc(Article(id="e", text=""), fast=True).text == ""
    filler = "Rain fell softly on the old market square all afternoon."
    doc = pipeline.code_doc(Article(id="f", text=filler), fast=True)
    assert doc.text == filler and doc._.events == []


def test_model_and_own_components_split(pipeline):
    from flashpoint.nlp.prefilter import model_pipes, own_pipes

    nlp = pipeline.nlp
    model, own = model_pipes(nlp), own_pipes(nlp)
    assert model + own == list(nlp.pipe_names)
    assert own == ["flashpoint_actors", "flashpoint_quotes", "flashpoint_events"]
    assert "parser" in model and "ner" in model


def test_pieces_keep_the_tokenizer_norms(pipeline):
    from flashpoint.nlp.prefilter import Pieces

    doc = pipeline.nlp.make_doc("They're gonna shell the town, y'all. Nothin' else.")
    pieces = Pieces(doc)
    whole = pieces.piece(0, len(doc))
    assert [t.norm_ for t in whole] == [t.norm_ for t in doc]
    assert any(t.norm_ != t.lower_ for t in whole)  # "gonna" -> "going": a special case
    bounds = sentence_bounds(doc)
    start, end = bounds[1]
    tree = pieces.piece(start, end, bounds)  # an unparsed sentence: a trivial tree
    assert [t.text for t in tree] == [t.text for t in doc[start:end]]
    assert tree[0].dep_ == "ROOT" and all(t.head.i == 0 for t in tree)
