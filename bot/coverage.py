"""Whether the library covers a question at all: the honest "I don't know".

The library is five articles about hips in runners. A question is covered when something
matched it well enough, and it is not about another body part or about running without the
hip. Medication doses are never answered from it (the articles give none).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .config import Settings
from .other_subjects import HIP_REGION, another_subject, not_a_runners_hip
from .followups import POINTS_BACK
from .query import Query
from .answer_types import PAIN_WORDS
from .question_words import CARE_WORDS, EXERCISE_TOPICS, GENERIC_TOPICS, topics_of, without_topics
from .text import norm

DOSING = re.compile(
    r"\b(dose|doses|dosage|milligrams?|mg|how many (pills|tablets|capsules)|how much (ibuprofen|paracetamol|acetaminophen|naproxen|aspirin|advil|tylenol))\b",
    re.IGNORECASE,
)
#: Body parts the library is not about, and the ones it is: a question naming only the former is
#: not covered, however well its running words match.
_OTHER_BODY_PART = re.compile(r"\b(?:achilles|heels?|plantar|arch(?:es)?|toes?|toenails?|ankles?|shins?|calf|calves|"
                              r"knees?|kneecaps?|patella\w*|(?:lower|upper|my) back|spine|"
                              r"shoulders?|necks?|elbows?|wrists?|hands?|fingers?|ribs?|side stitch\w*|stitch(?:es)?|"
                              r"chest|head ?aches?|stomach|tummy|belly|guts|arms?|throat|teeth|tooth|ears?|eyes?|face)\b")
#: Words of a complaint or its care: a running question with one of these may be about a sore hip.
_COMPLAINT = re.compile(r"\b(?:pain\w*|sore\w*|ach\w*|hurt\w*|injur\w*|tight\w*|stiff\w*|strain\w*|"
                        r"stretch\w*|strength\w*|exercis\w*|warm[- ]?ups?|cool[- ]?downs?|rehab\w*|physio\w*|"
                        r"recover\w*|rest|niggle\w*|twinge\w*|time off(?! work)|(?:days?|weeks?) off(?! work)|skip\w* (?:my )?runs?)\b")

#: Care the user has tried: "i've been resting and icing it".
_SELF_CARE = re.compile(r"\b(?:rest(?:ed|ing)|ic(?:e|ed|ing)|heat (?:pad|pack|therapy)|foam roll\w*|massag\w*|ibuprofen|painkillers?)\b")
#: Asking for another way to do an exercise: "a version i can do standing", "an alternative to kneeling".
_ANOTHER_WAY = re.compile(r"\b(?:version|variation|alternative|modif\w*|easier|gentler|other way|different way|"
                          r"without (?:kneeling|lying|getting down|the floor|a mat))\b")
#: Pain itself, as runners tell it.
#: The foot: often named with the hip ("foot strike"), so only a pain with it is not the hip's.
_FOOT = re.compile(r"\b(?:foot|feet)\b")

#: Running itself: the hip in a runner's week, not after horse riding or an injection.
_RUNNING = re.compile(r"\b(?:run\w*|ran|jog\w*|interval\w*|tempo|hills?|hill repeats|sprint\w*|mileage|miles?|"
                      r"km|\d+ ?k|marathon\w*|parkrun|race\w*|racing|training|long run|track|trail\w*|"
                      r"overdo\w*|overtrain\w*|workouts?)\b")  # "been overdoing it and my hips are paying for it"


#: Another body part named as where the hip's pain comes from (the articles name the back, the knee,
#: the pelvis), in a follow-up pointing back at it: "could it be my back tho?", "could it actually be
#: coming from my back?", "is it related to my knee?" (not "could it be my knee that hurts now?").
_FROM_ELSEWHERE = re.compile(r"\b(?:it|this|that|they)\b(?: [\w']+){0,3}? (?:be|from|coming from|come from|comes from|"
                             r"related to|connected to|linked to|referred from) (?:my|the|your) (?:lower |upper )?(?:back|spine|knees?|pelvis|si joint|sacroiliac)\b"
                             r"(?! (?:that|which|and) (?:hurts|is sore|aches|is painful))")

#: Answer types that ask for care of what hurts: of another body part, not the library's to give.
_CARE = ("recovery_time", "treatment", "see_doctor", "can_i_run")
#: Words that point back at the earlier turn: a follow-up using one is about what that turn was about.
_ANAPHOR = re.compile(r"\b(?:it|that|this|those|these|them|then|instead|now|there|one)\b")


def asks_apart(message: str) -> bool:
    """Whether a follow-up's own words could be a question of their own: they point back at
    nothing, name nothing the library covers and nothing of the hip or a complaint ("and how
    many carbs before race day?"; not "should i ice it?" nor "what about a foam roller?")."""
    own = norm(message)
    return not (POINTS_BACK.search(own) or topics_of(own) or HIP_REGION.search(own) or _COMPLAINT.search(own))


def covers(query: Query, best: float, settings: Settings, unfamiliar: Callable[[str], float] | None = None) -> bool:
    """Whether the library covers ``query``, whose best passage matched at cosine ``best``.

    ``unfamiliar(question)`` is the share of the question's words the library never uses
    (``KeywordIndex.unfamiliar``); it is asked only about weak matches.
    """
    s = settings
    # A question naming a specific thing the library covers (an exercise, a condition, a test) is
    # covered even when its wording matches weakly ("how many sets for clamshells?": 0.32).
    own = norm(query.text)  # the message alone: "what about my heel?" after a hip question is about a heel
    # Care that serves any body part (ice, heat) names the library's subject only in the message
    # itself: "i've been icing my achilles" lends no hip to "should i see a physio?".
    named = any(t not in GENERIC_TOPICS | {"running shoes"} for t in query.topics) or bool(CARE_WORDS.search(own))
    if not_a_runners_hip(own):
        return False  # a hip hop playlist, a labrador's hip dysplasia, a grandmother's hip replacement
    hip_or_complaint = bool(HIP_REGION.search(own) or _COMPLAINT.search(own))
    untopical = without_topics(own, gap=" | ")  # the message less its named things ("bird dogs", "heel striking")
    names_exercise = any(t in EXERCISE_TOPICS - GENERIC_TOPICS for t in topics_of(own))
    if another_subject(own, untopical, hip_or_complaint=hip_or_complaint, names_exercise=names_exercise,
                       follows_a_turn=bool(query.context)):
        return False  # a product or a price, results, a diet goal, an animal, another sport
    # A message about the hip in running, or a follow-up pointing back at a hip conversation, is
    # about the library's subject however many of its words the library never uses ("intervals
    # tues, hills weds … my hips are wrecked by friday"); the hip in another sport is not.
    # A care question ("should i see someone?") after a turn telling of a complaint or its care
    # ("i've tried resting and icing it") asks about that complaint, with or without a word pointing
    # back, when it names nothing of its own the library never uses ("…about my tax return?" is left
    # to how well it matches).
    told = norm(f"{query.subject} {query.context}")
    follows_hip = bool(query.context and (
        (_ANAPHOR.search(own) and (HIP_REGION.search(told) or query.topics))
        or (query.answer_type in _CARE and (HIP_REGION.search(told) or _COMPLAINT.search(told) or PAIN_WORDS.search(told)
                                            or _SELF_CARE.search(told))
            and not (_OTHER_BODY_PART.search(told) and not HIP_REGION.search(told))  # not "my achilles…"
            and unfamiliar is not None and unfamiliar(_COMPLAINT.sub(" ", own)) == 0.0)))
    runners_hip = bool(HIP_REGION.search(own) and _RUNNING.search(own))
    # A pain told with no body part at all ("only a mild ache, how many days till it settles?")
    # is taken to be the hip the user came here about. One told of a hip, with no running, may
    # be from another pastime ("hips ache after horse riding"): its unfamiliar words still count.
    unplaced_pain = bool(PAIN_WORDS.search(own) and not (HIP_REGION.search(own) or _OTHER_BODY_PART.search(own)
                                                    or _FOOT.search(own)))
    if (best < s.weak_match and not named and not follows_hip and not runners_hip and not unplaced_pain
            and unfamiliar is not None and unfamiliar(query.search_text) >= s.unfamiliar_share):
        return False  # a weak match on a question full of words the library never uses
    # An exercise the articles describe ("my shoulder hurts when i do side planks") keeps a question
    # about it covered whatever body part is named, but not one asking for care of that body part
    # ("strained my neck doing glute bridges, what should i do?"), and a condition named with
    # another body part is that part's ("my achilles tendon is stiff"). A body part inside a named
    # thing is no other body part ("toe touches", "heel striking"), nor an exercise a hip ("glute bridges").
    # ...nor a follow-up asking for another way to do what it borrowed, naming a body part as what
    # stops the user ("is there a version i can do standing up? my knees hate kneeling").
    named_here = (query.answer_type not in _CARE and names_exercise) or (
        bool(query.context) and query.answer_type in ("exercise_howto", "exercise_dose") and bool(_ANOTHER_WAY.search(own))
        and any(t not in GENERIC_TOPICS for t in query.topics))
    hip_here = HIP_REGION.search(without_topics(own, EXERCISE_TOPICS, gap=" | "))
    if _OTHER_BODY_PART.search(untopical) and not (hip_here or named_here) and not (follows_hip and _FROM_ELSEWHERE.search(own)):
        return False  # "my achilles is stiff": the library is about hips (but "could it be my back?" asks where the hip's pain comes from)
    if follows_hip:
        return True  # "what should i run on instead then?" after a hip question: the conversation's topic
    if query.context and _OTHER_BODY_PART.search(told) and not (HIP_REGION.search(told) or HIP_REGION.search(own) or named):
        return False  # "should i see a physio?" after "my achilles has been sore for two weeks": the achilles' question
    text = norm(f"{query.subject} {query.search_text}")  # with the turn that told the subject
    if best < s.weak_match and not (query.topics or named or HIP_REGION.search(text) or _COMPLAINT.search(text)):
        return False  # "how do I get faster at 5k?": running, but nothing of the hip
    if query.answer_type in ("exercise_dose", "exercise_howto") and any(t in EXERCISE_TOPICS for t in query.topics):
        return True  # "how long do i hold pigeon pose?": the library names the exercise, and how it is done
    return best >= s.refuse_below or (named and best >= s.refuse_named_below)
