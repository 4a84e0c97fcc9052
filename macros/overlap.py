"""Repetition in the bank: near-duplicate stems, keys that say nearly the same thing, ids that name the key.

Pure functions over questions; the loader turns their findings into problems, `stats` lists key groups.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from .model import Question

_STOPWORDS = ("a an and are as at be by can do does for from has have how "
              "in into is it its may more most must no not of on or so than "
              "that the their them then there these they this those to up use used uses using "
              "was what when where which while who why will with without would you your least best "
              "only team teams company wants needs need should each per all any one two three which "
              "option options")
# Words that carry no topic: they neither make two stems alike nor let an id give the key away.
STOPWORDS = frozenset(_STOPWORDS.split())
WORD = re.compile(r"[a-z0-9]+")

# A stem sharing this much of its word pairs with another's is the same question asked twice.
STEM_SIMILARITY = 0.6
# Keys this alike (IDF-weighted cosine of their words) say nearly the same thing: a place to look.
KEY_SIMILARITY = 0.5


def words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if w not in STOPWORDS]


def shingles(text: str) -> set[tuple[str, str]]:
    """Adjacent word pairs of the text's topic words."""
    w = words(text)
    return set(itertools.pairwise(w)) or {(x, "") for x in w}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def key_text(q: Question) -> str:
    """What the question's answer says: its correct options, or its steps or pairs."""
    if q.options:
        return " ".join(o.text for o in q.options if o.correct)
    if q.steps:
        return " ".join(s.text for s in q.steps)
    return " ".join(f"{p.prompt} {p.response}" for p in q.pairs or [])


def near_duplicate_stems(questions: Sequence[Question],
                         threshold: float = STEM_SIMILARITY) -> list[tuple[Question, Question, float]]:
    """Pairs of questions whose stems share at least `threshold` of their word pairs, in bank order.

    Comparing every pair grew with the square of the bank (most of a 5,000-question build), so only
    pairs that can reach the threshold are scored. Jaccard >= t needs |a & b| >= t * max(|a|, |b|):
    with word pairs ordered rarest first, two such stems share a word pair among the first
    |a| - ceil(t * |a|) + 1 of each one's (the prefix filter), and their sizes are within a factor t.
    An index of prefixes finds those candidates; each is scored exactly as before.
    """
    sets = [shingles(q.stem) for q in questions]
    if threshold <= 0:  # every pair qualifies, even those sharing nothing: no index can help
        return [(questions[i], questions[j], jaccard(sets[i], sets[j]))
                for i, j in itertools.combinations(range(len(sets)), 2)]
    freq = Counter(s for a in sets for s in a)
    index: dict[tuple[str, str], list[int]] = {}  # word pair -> the earlier stems with it in their prefix
    found = []
    for j, b in enumerate(sets):
        ordered = sorted(b, key=lambda s: (freq[s], s))
        # One word pair more than the bound needs, so float rounding in t * |b| can never drop a pair.
        prefix = ordered[:len(b) - max(1, math.ceil(threshold * len(b)) - 1) + 1]
        candidates = {i for s in prefix for i in index.get(s, ())}
        for i in sorted(candidates):
            a = sets[i]
            if min(len(a), len(b)) / max(len(a), len(b)) < threshold:
                continue  # sizes too far apart: the score is at most the smaller over the larger
            score = jaccard(a, b)
            if score >= threshold:
                found.append((i, j, score))
        for s in prefix:
            index.setdefault(s, []).append(j)
    found.sort(key=lambda f: (f[0], f[1]))
    return [(questions[i], questions[j], score) for i, j, score in found]


def similar_key_groups(questions: Sequence[Question], threshold: float = KEY_SIMILARITY) -> list[list[Question]]:
    """Groups of single and multiple response questions whose keys share their distinctive words.

    Similarity is the cosine of the keys' word sets weighted by inverse document frequency over all keys,
    so "Firehose", "Parquet" and "Glue" count for much more than "configure" or "Amazon".
    """
    pick = [q for q in questions if q.options]
    sets = [set(words(key_text(q))) for q in pick]
    seen = Counter(w for s in sets for w in s)
    idf = {w: math.log(len(sets) / n) for w, n in seen.items()}
    norms = [math.sqrt(sum(idf[w] ** 2 for w in s)) or 1.0 for s in sets]
    parent = list(range(len(pick)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(sets):
        for j in range(i + 1, len(sets)):
            shared = a & sets[j]
            if shared and sum(idf[w] ** 2 for w in shared) / (norms[i] * norms[j]) >= threshold:
                parent[root(j)] = root(i)
    groups: dict[int, list[Question]] = {}
    for i, q in enumerate(pick):
        groups.setdefault(root(i), []).append(q)
    return [g for g in groups.values() if len(g) > 1]


# Words of ML and AWS work so common that an id uses them to name the scenario, not the answer.
_ID_GENERIC = ("model models training train data dataset inference prediction predictions metric metrics "
               "deployment deploy output input event events failed failure large small keep job jobs endpoint "
               "endpoints instance instances cost costs time network service services store stores file files "
               "table tables sample samples runs")
ID_GENERIC = frozenset(_ID_GENERIC.split())


def id_answer_words(q: Question, context: str = "") -> list[str]:
    """Words of the id found in a correct option but in neither the stem (nor `context`, a case study's
    scenario) nor any wrong option.

    Such a word tells a reader of the address bar what the answer is. Ordering and matching questions
    show their whole answer as choices, so only single and multiple response questions are checked.
    """
    if not q.options:
        return []
    right = " ".join(o.text for o in q.options if o.correct).lower()
    rest = " ".join([context, q.stem] + [o.text for o in q.options if not o.correct]).lower()
    return [w for w in q.id.split("-")
            if len(w) > 3 and w not in STOPWORDS | ID_GENERIC and w in right and w not in rest]


def id_problems(questions: Iterable[Question], contexts: dict[str, str] | None = None) -> list[tuple[Question, str]]:
    """Questions whose id names the key, with the message; `contexts` maps a question id to its scenario."""
    contexts = contexts or {}
    return [(q, f"the id names the answer: {', '.join(repr(w) for w in found)} appear(s) only in a "
             "correct option; name the scenario or topic instead")
            for q in questions if (found := id_answer_words(q, contexts.get(q.id, "")))]
