"""Attribution asymmetry: which actors each group reports with which verb classes.

One outlet may write "the ministry said" and "the rebels claimed"; another the reverse. The
attribution detector already finds the verb, its class and the source span; here the span is
normalised into an actor and counted per verb class, and the shares get the same bootstrap
intervals as every other measure (they are ordinary measures over actor columns).
"""

from __future__ import annotations

import re
from typing import Callable, Mapping, Sequence

import numpy as np

from ..detectors.source_span import PRONOUNS
from .model import ActorProfile, AsymmetryGap, Estimate

VERB_CLASSES = ("neutral", "doubt", "endorsing", "accusatory", "emotive")
#: The class whose within-group gap between actors is reported: the issue's "said" vs "claimed".
GAP_CLASS = "doubt"

_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s?$")


def actor_label(source_text: str) -> str | None:
    """The actor named by an attribution's source span, or None for pronouns and empty spans.

    Pronouns are dropped because without coreference "he" is nobody in particular; leading
    articles and possessives are dropped so "the Foreign Ministry" and "Foreign Ministry's" meet.
    """
    label = " ".join(source_text.split())
    label = _POSSESSIVE.sub("", _LEADING.sub("", label)).strip(" ,.;:")
    if not label or label.lower() in PRONOUNS:
        return None
    return label


def actor_key(label: str) -> str:
    return label.casefold()


def select_actors(totals: Mapping[str, float], top: int, minimum: int) -> list[str]:
    """The most-attributed actors across the corpus (ties broken by name, for stable output)."""
    ranked = sorted(((count, key) for key, count in totals.items() if count >= minimum), key=lambda t: (-t[0], t[1]))
    return [key for _, key in ranked[:top]]


def share_key(actor: str, verb_class: str) -> str:
    return f"actor_share:{actor}:{verb_class}"


def profiles(groups: Sequence[str], actors: Sequence[str], labels: Mapping[str, str],
             counts: Callable[[str, str, str], float]) -> list[ActorProfile]:
    """One profile per (group, actor) the group actually attributes statements to."""
    result = []
    for group in groups:
        for actor in actors:
            by_class = {k: int(counts(group, actor, k)) for k in VERB_CLASSES}
            total = sum(by_class.values())
            if total == 0:
                continue
            result.append(ActorProfile(group=group, actor=actor, label=labels.get(actor, actor), total=total,
                                       counts=by_class,
                                       share_measures={k: share_key(actor, k) for k in VERB_CLASSES}))
    return result


def largest_gap(group: str, group_profiles: Sequence[ActorProfile], estimates: Mapping[str, Estimate],
                replicates: Mapping[str, np.ndarray], confidence: float, min_events: int,
                verb_class: str = GAP_CLASS) -> AsymmetryGap | None:
    """The two actors of one group whose ``verb_class`` shares differ most, with a paired interval.

    Both shares come from the same bootstrap resamples of the group's documents, so the
    interval of their difference respects that the two actors appear in the same articles.
    """
    eligible = [p for p in group_profiles if p.total >= min_events
                and estimates[p.share_measures[verb_class]].value is not None]
    if len(eligible) < 2:
        return None
    by_share = sorted(eligible, key=lambda p: (estimates[p.share_measures[verb_class]].value, p.actor))
    low_actor, high_actor = by_share[0], by_share[-1]
    high_key, low_key = high_actor.share_measures[verb_class], low_actor.share_measures[verb_class]
    difference = float(estimates[high_key].value - estimates[low_key].value)
    if difference <= 0:
        return None
    interval_low = interval_high = None
    warning = estimates[high_key].warning or estimates[low_key].warning
    if warning is None and high_key in replicates and low_key in replicates:
        diffs = replicates[high_key] - replicates[low_key]
        diffs = diffs[np.isfinite(diffs)]
        if diffs.size:
            tail = (1 - confidence) / 2 * 100
            interval_low, interval_high = (float(v) for v in np.percentile(diffs, [tail, 100 - tail]))
    return AsymmetryGap(group=group, verb_class=verb_class, actor_high=high_actor.label, actor_low=low_actor.label,
                        difference=difference, low=interval_low, high=interval_high, warning=warning)
