"""The catalogue of rule codes: stable identifiers, default severities and documentation."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    category: str
    severity: str
    summary: str
    explanation: str
    example: str = ""
    fixable: bool = False


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in (
        Rule("N001", "naming-variant", "naming", "warning",
             "A contested name or term where a neutral style guide prefers another form.",
             "Names carry a point of view: the Russian-derived 'Kiev' or 'illegal alien' signal a frame "
             "that major style guides have moved away from. The finding names the preferred form and "
             "where the variant comes from.",
             "Officials in Kiev said ... -> Officials in Kyiv said ...", fixable=True),
        Rule("A001", "neutral-attribution", "attribution", "info",
             "A neutral reporting verb ('said', 'told', 'according to').",
             "Neutral verbs report speech without judging it; they are the baseline against which "
             "loaded attribution stands out.", "The ministry said ..."),
        Rule("A002", "doubt-casting-attribution", "attribution", "warning",
             "A reporting verb that casts doubt on what is reported ('claimed', 'alleged', 'insisted').",
             "Verbs like 'claimed' invite the reader to disbelieve the speaker; applied to one side only, "
             "they tilt a report.", "The minister claimed ... -> The minister said ..."),
        Rule("A003", "endorsing-attribution", "attribution", "warning",
             "A factive verb that presupposes the statement is true ('admitted', 'revealed').",
             "'Admitted' and 'revealed' tell the reader that the reported statement is true and was "
             "reluctantly or newly disclosed; the writer endorses it.", "He admitted ... -> He said ..."),
        Rule("A004", "accusatory-attribution", "attribution", "warning",
             "A reporting verb that frames the speaker as attacking ('accused', 'slammed').",
             "Accusatory verbs dramatise a statement as an attack; check that the speaker's words justify it.",
             "Moscow accused Kyiv of ..."),
        Rule("A005", "emotive-attribution", "attribution", "warning",
             "A reporting verb that characterises the speaker's emotion ('fumed', 'boasted').",
             "Emotive verbs tell the reader how to feel about the speaker.", "She fumed ... -> She said ..."),
        Rule("S001", "named-source", "sourcing", "info",
             "A claim attributed to a named person or organisation.",
             "Named sources let readers weigh who is speaking.", "Gen. Petrenko said ..."),
        Rule("S002", "anonymous-source", "sourcing", "warning",
             "A claim resting on an anonymous source ('sources said', 'reportedly').",
             "Anonymous sourcing cannot be checked by the reader; news codes ask that it be used sparingly "
             "and explained.", "France is reportedly ..."),
        Rule("S003", "secondary-source", "sourcing", "info",
             "A claim relayed from other media ('Reuters reported', 'according to media reports').",
             "Second-hand reports depend on the other outlet's sourcing.", "Reuters reported ..."),
        Rule("S004", "unattributed-evaluation", "sourcing", "warning",
             "An evaluative or loaded claim that no one is quoted as making.",
             "Evaluations without attribution present the writer's judgement as fact.",
             "the EU has been promoting a militarization agenda."),
        Rule("Q001", "direct-quotation", "quotation", "info",
             "A direct quotation.", "Quotations give a speaker's own words; their density is a sourcing signal.",
             "\u201cWe do not need unanimity,\u201d Macron said."),
        Rule("Q002", "scare-quote", "quotation", "warning",
             "A short quoted phrase that is not reported speech: a scare quote.",
             "Quotation marks around a term with no speaker distance the writer from it and signal doubt "
             "or irony.", "The \u201creassurance force\u201d would ..."),
        Rule("Q003", "partial-quotation", "quotation", "info",
             "A short quoted phrase in a sentence with attribution: a partial quotation.",
             "A fragment of the speaker's words; check it is theirs and not a scare quote.",
             "Macron said a \u201creassurance force\u201d ..."),
        Rule("H001", "hedge", "hedge", "info",
             "A hedge that weakens commitment to a claim ('might', 'reportedly', 'apparently').",
             "Hedges signal uncertainty; many in a row make a report vague.", "might be deployed"),
        Rule("H002", "booster", "hedge", "info",
             "A booster that strengthens commitment to a claim ('clearly', 'undoubtedly').",
             "Boosters present a claim as beyond dispute.", "clearly failed"),
        Rule("L001", "loaded-term", "loaded", "warning",
             "Loaded or evaluative language.",
             "Words with strong connotations steer the reader's judgement; the finding gives the category "
             "and, where one exists, a more neutral wording.", "a militarization agenda"),
        Rule("R001", "hard-to-read", "readability", "info",
             "A long sentence that is hard to read (Flesch-Kincaid grade above 16 and 35 words or more).",
             "Very long sentences bury who said what.", ""),
        Rule("C001", "classifier-biased", "classifier", "warning",
             "The trained classifier rates the sentence's wording as likely biased.",
             "A statistical estimate from a model trained on expert-labelled news sentences (see the model card).",
             ""),
        # Document-level rules used by `framing check` (codes x1xx): they judge a whole draft,
        # not a span, so `score` never emits them; thresholds live in [tool.framing.thresholds].
        Rule("S101", "anonymous-sourcing-share", "sourcing", "warning",
             "Too large a share of the draft's sourced sentences rest on anonymous sources.",
             "One unnamed official may be unavoidable; a draft where most claims rest on 'sources' and "
             "'people familiar with the matter' asks the reader to take the newsroom's word for it. The "
             "share is anonymous / (named + anonymous) sourced sentences, compared with the "
             "'anonymous-share' threshold once the draft has 'anonymous-min-sentences' sourced sentences.",
             "Officials said ... Sources said ... People familiar with the matter said ... (3 of 4 anonymous)"),
        Rule("H101", "hedge-density", "hedge", "warning",
             "The draft hedges more than the house threshold allows (hedges per 1,000 words).",
             "A few hedges mark honest uncertainty; many make a report vague and let insinuation stand "
             "in for reporting. Counted over the whole draft against 'hedges-per-1000-words', once it "
             "has 'hedge-min-count' hedges.",
             "may ... reportedly ... apparently ... could ... it seems ... (30 per 1,000 words)"),
    )
}


def rule(code: str) -> Rule:
    return RULES[code]
