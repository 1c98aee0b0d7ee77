"""What a message is about when it is not a runner's own hip: the subjects the library leaves out.

"Hip" in another sense (hip hop, rose hip, wider hips for looks), an animal's hip, another
person's hip operation, a product or price to choose, race results and the weather, diet goals,
another sport. Read by ``bot/coverage.py`` before it weighs how well anything matched; kept apart
because these are word lists that grow with each round of graded questions, while the coverage
rules change rarely.
"""

from __future__ import annotations

import re

from .persons import ANIMALS, FIRST_PERSON, PEOPLE

#: The hip and what the articles treat with it (the glutes, hamstrings, IT band, core).
HIP_REGION = re.compile(r"\bhips?\b|\bgroin|\bglute|\bbutt|\bpelvi|\bthigh|\bhamstring|\bquad|\bflexor|\bit ?band|"
                         r"\bpiriformis|\bsciatic|\bcore\b|\blabr|\bbursa|\btrochanter")
#: "Hip" in another sense: hip hop, a hipster, a hip flask, "hip hip hooray".
#: ...and a hip that is a thing or a size: a hip roof, a hip pack or belt, measuring one's hips for kit.
_OTHER_SENSE = re.compile(r"\bhip[- ]?hop\w*|\bhipsters?\b|\bhip flasks?\b|\bhip,? hip\b|\bhip pockets?\b|"
                          r"\brose ?hips?\b|"  # a fruit: "is rose hip tea good for you?"
                          # the hips' shape for looks, not their health
                          r"\b(?:wider|bigger|slimmer|smaller|narrower|rounder|curvier) hips\b|\bhip dips\b|"
                          r"\bhip (?:roofs?|packs?|belts?|bags?|pouch\w*)\b|"
                          # a size for kit, not the hip's mobility or strength
                          r"\bmeasur\w* (?:my |your |the )?hips? (?:for|to (?:pick|choose|buy|get|find|order))\b|"
                          r"\bhip (?:measurements?|sizes?|sizing) (?:for|chart|guide|between)\b")
#: ...a song ("hips don't lie"), or the slang word in quotes, asked what it means.
_SONG_OR_SLANG = re.compile(r"\bhips? don'?t lie\b|\blyrics\b|"
                            # anchored: the look ahead runs once, not from every position of a long message
                            r"^(?=.*\b(?:mean|means|meaning|slang|cool|trendy)\b)(?:.*(?:the word|something is|being) '?hip'?\b|.*'hip')")
#: A product, brand or price to choose: the articles recommend no model, shop or budget. A brand
#: counts only beside words that choose ("hoka or brooks?", "garmin vs coros", "worth the money"):
#: "my garmin says my cadence is 158, could that cause my hip pain?" is a hip question.
_BRANDS = r"hoka|brooks|nike|asics|saucony|adidas|new balance|mizuno|altra|garmin|coros|suunto|fitbit|theragun|hypervolt|hyperice"
_PRODUCT_CHOICE = re.compile(
    rf"\b(?:{_BRANDS})\b(?=.*\b(?:or|vs|versus|which|better|best|worth|recommend)\b)|(?<=\b(?:or|vs) )(?:{_BRANDS})\b|"
    r"\b(?:which|what|best) (?:[\w-]+ ){0,2}?brands?\b|\binsurance\b|"
    r"\b(?:under|below|less than|budget of) (?:[$£€] ?\d+|\d+ ?(?:dollars|quid|pounds|euros|bucks)\b)")
#: Shopping words that name no hip: refused only when nothing of the hip or a complaint is beside them.
_SHOPPING = re.compile(
    r"\b(?:which|what) (?:[\w-]+ ){0,3}(?:should|would|could) (?:i|you) (?:buy|order)\b|"
    r"\bwhere (?:can|do|should) i (?:buy|order|get (?:cheap|new|a pair))\b|\bwhere to buy\b|\bcheapest\b|"
    r"\b(?:good|any|best) deals\b|\bdiscount\w*|\bcoupons?\b|"
    r"\bwhich (?:[\w-]+ )?(?:app|watch|podcast)s?\b|\bwhat (?:[\w-]+ )?(?:app|watch|podcast)s? (?:should|would|do|is|are)\b|"
    r"\brecommend (?:a|an|any|me a|me an|me some|some) (?:good |decent |cheap )?(?:[\w-]+ )?"
    r"(?:watch|app|podcast|brand|foam roller|massage gun|headphones|playlist|book)\b")
#: Results, records and the weather: "who won the boston marathon this year?", "will it rain tomorrow?".
_NEWS = re.compile(r"\bwho (?:won|wins|is winning|holds|set|owns)\b|\bworld records?\b|\bweather\b|"
                   r"\b(?:will|is) it (?:going to |gonna )?(?:rain|snow)\b")
#: Weight and diet goals: "how many miles to lose 10 pounds?", "is intermittent fasting ok for runners?".
_DIET_GOAL = re.compile(r"\b(?:lose|losing|drop|dropping|shed|shedding|burn|burning) (?:\d+ ?)?(?:pounds|lbs?|kg|kilos|stone|weight|fat|"
                        r"calories|belly)\b|\bweight loss\b|\bintermittent fasting\b|\b(?:keto|vegan|paleo|carnivore) diet\b")
#: Remedies the articles never name (every word here is absent from the five articles), asked
#: about as remedies: "does CBD cream work on sore hips?", "acupuncture for runner's hip - worth
#: it?", "how much turmeric should i take?". Named in passing ("my chiropractor says my pelvis is
#: tilted, could that cause…", "i take glucosamine but my hip still hurts, why?") the question is
#: the library's.
_REMEDY = (r"(?:cbd|collagen|turmeric|curcumin|glucosamine|chondroitin|fish oil|omega[- ]?3s?|magnesium|prp|"
           r"platelet[- ]rich|acupunctur\w*|dry needl\w*|chiropract\w*|osteopath\w*|kinesio\w*|k-?tape|kt tape|"
           r"rock ?tape|cupping|cryotherap\w*|tens (?:machine|unit)s?|shockwave|stem cells?|supplements?)")
_ASKED_REMEDY = re.compile(rf"\b(?:does|do|is|are|will|would|can|should i (?:try|use|take|get|see|do|go)|how (?:much|often|many|do i|to)|"
                           rf"which|best|any good|worth)\b[^.?!,;]{{0,30}}\b{_REMEDY}\b|"
                           rf"\b{_REMEDY}\b[^.?!;]{{0,45}}\b(?:work|works|help|helps|worth|any good|good for|effective|legit|success rate|"
                           r"put (?:my|the) \w+ back)\b")
#: The user's own pregnancy ("20 weeks pregnant", "pregnant with my second"): the articles say
#: nothing of running while pregnant. A partner's is no subject of the question.
_PREGNANCY = re.compile(r"\b(?:i'?m|i am|im|currently|while|when|whilst|during|being) (?:\d+ (?:weeks?|months?) )?pregnan\w*|"
                        r"\bpregnant with (?:my|our)\b|\bpost-?partum\b|\bpost-?natal\b|\bpelvic girdle pain\b")
#: A price, a tax return or a health fund's cover asked about.
_MONEY = re.compile(r"\bhow much (?:does|do|would|will|is|are|did)\b[^.?!]{0,40}\bcost|\bcosts? (?:per|an|a) (?:hour|session|visit)\b|"
                    r"\bhow expensive\b|\b(?:on|in) (?:my )?tax(?:es| returns?)\b|\btax[- ]deductible\b|"
                    r"\bclaim\b[^.?!]{0,30}\b(?:tax(?:es)?|medicare|medicaid|health fund|insurance)\b|"
                    r"\bcovered by (?:my |the )?(?:medicare|medicaid|health fund|insurance|insurer|nhs)\b")
#: An everyday illness, asked about with no hip named: "ok to run with a head cold?".
_ILLNESS = re.compile(r"\b(?:head|chest) cold\b|\ba cold\b(?! (?:weather|day|morning|night|snap|bath|plunge|shower|spell))|"
                      r"\bsore throat\b|\bchest infection\b|\b(?:stomach|tummy) bug\b|\bcovid\b|\bthe flu\b")
#: Another sport, told with nothing of the hip or a complaint: "what's a good cycling cadence for a time trial".
_OTHER_SPORT = re.compile(r"\b(?:basketball|soccer|football|rugby|tennis|golf|cycling|cyclist|time trial|swimming|rowing|crossfit|"
                          r"hockey|netball|cricket|baseball|volleyball|skiing|climbing|boxing|martial arts|horse riding|squash|"
                          r"badminton|padel)\b")
#: An animal's hip: "my lab's hips", "our greyhound has bad hips", "my dog … her hip".
_ANIMAL = rf"(?:(?:{ANIMALS}|lab)s?)"
_ANIMAL_HIP = re.compile(rf"\b{_ANIMAL}(?:'s|s'| has| had| has got|'s got) (?:(?:bad|sore|weak|dodgy|stiff|old|back|arthritic) )?hips?\b|"
                         rf"\b(?:my|our|the) {_ANIMAL}\b[^.?!]{{0,60}}?\b(?:(?:his|her|its|their) (?:(?:back|front|left|right|bad|sore|old|dodgy) )?"
                         r"(?:hips?|joints)|diagnosed with hip)\b")
#: An animal the message is about ("can dogs get that too? my greyhound seems stiff"), not an
#: exercise named after one ("bird dogs", "cat-cow"): with no word of the user's own body nor a
#: hip beside it ("is it ok to run with my dog with hip bursitis?"), the question is the animal's.
_ANIMAL_TALK = re.compile(rf"(?<!bird )(?<!bird-)(?<!downward )(?<!upward )\b{_ANIMAL}(?:'s|s')?\b(?![- ](?:cow|pose|stretch))")
#: Another person's hip operation: "my grandma is having a hip replacement", "dad's hip surgery".
_THEIR_OPERATION = re.compile(rf"\b(?:(?:my|our|his|her|their) (?:[\w-]+ )?(?:{PEOPLE})s?|(?:{PEOPLE})(?:'s|s))\b[^.?!]{{0,60}}?"
                              r"\bhip (?:replacement|resurfacing|arthroplasty|surgery|operation|op|dysplasia)\b")
#: "My" before an animal: the owner speaks, but not of their own body.
_MY_ANIMAL = re.compile(rf"\bmy (?:[\w-]+ )?{_ANIMAL}(?:s|'s)?\b")


def not_a_runners_hip(text: str) -> bool:
    """Whether every hip a (normalised) message names is not the library's subject: "hip" in
    another sense (a hip hop playlist), an animal's hip, or another person's hip operation with
    nothing said of the user's own body. The articles are about the hips of runners."""
    if not HIP_REGION.search(text):
        return False
    if _SONG_OR_SLANG.search(text) or not HIP_REGION.search(_OTHER_SENSE.sub(" ", text)):
        return True
    theirs = _THEIR_OPERATION.sub(" ", _ANIMAL_HIP.sub(" ", text))
    if theirs == text:
        return False
    # ...unless the user then speaks of a hip of their own ("…and my hip aches after runs too").
    return not (HIP_REGION.search(theirs) and FIRST_PERSON.search(_MY_ANIMAL.sub(" ", theirs)))


def another_subject(own: str, untopical: str, *, hip_or_complaint: bool, names_exercise: bool,
                    follows_a_turn: bool) -> bool:
    """Whether a (normalised) message asks about something the library leaves out: a product or a
    price ("hoka or brooks?"), results or the weather, a diet goal, an animal (not an exercise named
    after one, ``untopical`` being the message less its named things), or another sport with no
    hip turn before. ``hip_or_complaint``: the message names the hip or a complaint."""
    if _ASKED_REMEDY.search(own) or _PREGNANCY.search(own) or _MONEY.search(own):
        return True  # "does cbd cream work on sore hips?", "pregnant, ok to run?", "cost of a sports massage?"
    if _ILLNESS.search(own) and not HIP_REGION.search(own):
        return True  # "ok to run with a head cold or should i rest?": a rest for the cold, not a hip
    if _PRODUCT_CHOICE.search(own) or (_SHOPPING.search(own) and not hip_or_complaint):
        return True  # "hoka or brooks?", "best marathon shoes under $150": no article names a product or a price
    if (_NEWS.search(own) or _DIET_GOAL.search(own)) and not hip_or_complaint:
        return True  # "who won the boston marathon?", "how many miles a week to lose 10 pounds?"
    if _ANIMAL_TALK.search(untopical) and not FIRST_PERSON.search(_MY_ANIMAL.sub(" ", own)) \
            and not HIP_REGION.search(own) and not names_exercise:
        return True  # "can dogs get that too? my greyhound seems stiff": the animal's, not the user's
    # "how do i improve my tennis backhand": another sport, nothing of the hip, no hip turn before
    return bool(_OTHER_SPORT.search(own) and not hip_or_complaint and not follows_a_turn)
