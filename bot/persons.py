"""Whose body a clause speaks of: the user's, or another person's.

The patterns that name another person ("my coach", "she", "mum's") and the user ("I", "my"
before anything but a person or a group), and the rule that another person named only as the
owner of a thing ("my partner's old crutches") or as the one who advised ("the hop test my club
mate suggested") leaves the sign the user's. Read by the context
rules (``bot/context.py``); kept apart because it is one question with its own word lists.
"""

from __future__ import annotations

import re

#: Animals: an owner tells of their limp ("my cat is limping on her back hip"), which is not the user's
#: (``things.py``); but an animal named before the user's own fall ("my greyhound yanked the lead, went
#: flying") is not the subject of what follows, so animals are not among the other persons below.
ANIMALS = (r"dog|doggy|doggo|labrador|puppy|pup|cat|kitten|horse|pony|greyhound|spaniel|retriever|collie|whippet|"
           r"terrier|pet")
#: Words that name an adult by who they are to the user ("my wife", "Housemate (29)").
_RELATIONS = (r"friend|mate|sister|brother|mum|mom|dad|mother|father|wife|husband|partner|girlfriend|boyfriend|flatmate|"
              r"housemate|roommate|coach|teammate|team ?mate|club ?mate|training partner|colleague|co-?worker|neighbou?r|"
              r"cousin|aunt|auntie|aunty|uncle|buddy|pal|hubby|wifey|missus|fianc\w*|boss")
OTHER_PERSON = re.compile(
    r"\b(?:my|our|a|his|her|their) (?:(?:running|club|running club|athletics|tri|gym|work|old|new|best) )?(?:friend|mate|sister|brother|mum|mom|dad|mother|father|wife|husband|"
    r"partner|girlfriend|boyfriend|coach|teammate|team ?mate|club ?mate|training partner|colleague|buddy|pal|flatmate|housemate|roommate|"
    r"co-?worker|neighbou?r|cousin|aunt|auntie|aunty|uncle|in-laws?|\w+-in-law|gran\w*|nan|nana|nanna|dog|client|patient|"
    r"hubby|wifey|missus|missis|other half|fianc\w*)s?\b|\b(?:he|she|they|him|her|his|their)\b|"
    # ...at the start only as the subject ("mate fell on the ice"), not called to ("mate, can't walk")
    r"^(?:friend|mate|sister|brother|mum|mom|dad|wife|husband|partner|girlfriend|boyfriend|fianc\w*|coach|"
    r"teammate|colleague|neighbou?r)(?=(?:'s)?(?:\s{1,3}(?:at|from|in|on) (?:work|the office|the club|my club|running club|parkrun|the gym|my team))?"
    r"\s{1,3}(?:has|had|have|was|is|fell|got|gets|went|took|did|said|says|tripped|slipped|"
    r"twisted|hurt|hurts|broke|pulled|came|thinks|reckons|needs|needed|just|also|and)\b)|"
    r"\b(?:dad|mum|mom|sister|brother|wife|husband|partner|friend|mate|buddy|pal|coach|boss|colleague|flatmate|housemate|roommate|"
    r"teammate|neighbou?r|hubby|wifey|missus)(?:'s|s)\b|"
    r"\b(?:running|training|gym) (?:buddy|pal|partner|mate)\b|"
    r"\b(?:the|this|some|another|that) (?:bloke|guy|man|woman|lady|fella|chap|person|old (?:man|lady|boy|girl))\b|"
    # "helped a woman who fell", "half my club has had a fever"
    r"(?<!as )\ba (?:bloke|guy|man|woman|lady|fella|chap|person|runner|lad|lass|girl|boy|kid|marshal|cyclist) who\b"
    r"(?! (?:runs?|trains?|races?|'?s (?:had|been|run)|has (?:had|been)|is|am|was (?:always|never)|used to)\b)|"
    r"\b(?:(?:half|most) (?:of )?|(?:all|some|loads|lots) of )(?:my|the|our) (?:club|team|running club|group|squad|office|family|household)\b|"
    # "a guy at my club", "a woman at my gym", "buddy of mine", "one of the juniors I coach"
    r"\ba (?:bloke|guy|man|woman|lady|fella|chap|lad|lass|girl|boy|runner|member|parent|dad|mum|mom|older (?:guy|man|woman|lady|runner)) "
    r"(?:in|at|from|on|down|who runs (?:at|with)) (?:my|our|the) (?:club|running club|gym|team|work|office|parkrun|group|squad|class|street|road|block)\b|"
    r"\b(?:friend|mate|pal|buddy|colleague|neighbou?r) of (?:mine|ours)\b|"
    # a person named by who they are and an adult's age: after "my", "our"… ("my brother-in-law, 45, was…")
    # or in brackets, which the normaliser leaves as two spaces each side ("Wife (38) is…" -> "wife  38  is");
    # not "parkrun with mate 19:30", "coach 50 quid", "Mum, 38, fell…" (the user introducing themselves)
    rf"(?:\b(?:my|our|a|his|her|their) (?:[\w-]+ ){{0,2}}?(?:{_RELATIONS}|\w+-in-law)s?,?\s{{1,2}}|"
    rf"\b(?:{_RELATIONS}|\w+-in-law)s?\s{{2}})(?:(?:he'?s|she'?s|they'?re|aged?|age)\s{{1,2}})?(?:1[89]|[2-9]\d)(?=\s{{2}}|,|\s*$)"
    r"(?!\s*(?:\d|k\b|km|mi\b|miles?|mins?|minutes?|hours?|hrs?|days?|weeks?|wks?|months?|mths?|years?|yrs?|%|/|x\b|reps?|sets?|secs?|"
    r"seconds?|times?|degrees?|deg\b|of\b|quid|pounds?|kilomet\w*|metres?|meters?))|"
    r"\bone of (?:the|my|our) (?:juniors|runners|lads|girls|guys|members|athletes|kids|clients|patients|mates|friends|colleagues)\b"
)
PEOPLE = rf"{_RELATIONS}|gran\w*|nan|nana|nanna|dog|client|patient|son|daughter|kid|child|boy|girl|lad|lass"
#: The user speaking of themselves: "I", or "my" before anything but a person ("my leg", not "my dad").
#: "my club", "my team": a group the user belongs to, not their body ("friend at my club has a numb leg").
_GROUPS = r"club|team|squad|gym|work|office|school|group|parkrun|running group|class"
FIRST_PERSON = re.compile(rf"\b(?:i|i'm|im|i've|ive|i'd|myself)\b|(?<!of )\bmine\b|"  # not "a friend of mine"
                           rf"(?<!told )(?<!asked )(?<!showed )(?<!sent )(?<!texted )(?<!messaged )(?<!warned )"
                           rf"(?<!in front of )(?<!behind )(?<!next to )(?<!beside )(?<!ahead of )(?<!past )"
                           # the one not listened to, not the one with the sign: "he won't listen to me"
                           rf"(?<!listen to )(?<!listens to )(?<!listening to )\bme\b|"
                           rf"\bmy\b(?! (?:running |training |gym |old )?(?:{PEOPLE}|{_GROUPS})\b)")
#: Another person named only as the owner of a thing ("my partner's old crutches", "her car"): the
#: sign after it is still the user's. A closed list of things a person owns or uses (walking aids,
#: kit, vehicles, furniture, medicines; no animals, whose signs are theirs), so "my friends limp"
#: or "my mate's dog collapsed" still name someone else.
_OWNED_THING = re.compile(
    r"(?:'s?)?(?: (?!(?:on|in|at|is|was|has|had|been|using|uses|used|got|gets|with|off|onto|into|from|after|and|but|"
    r"so|because|needs?|needed)\b)[\w'-]+){0,2}? (?:crutch(?:es)?|(?:walking )?sticks?|canes?|zimmer(?: frame)?|walking frame|wheelchair|"
    r"scooter|car|bike|bicycle|shoes|trainers|spikes|kit|clothes|shorts|bed|sofa|couch|spare room|house|place|flat|"
    r"stairs|treadmill|foam roller|massage gun|ice packs?|hot water bottle|tens machine|brace|"
    r"painkillers|tablets|pills|meds|medication|ibuprofen|paracetamol|cream|gel|cupboard|medicine cabinet|prescription)\b")
_POSSESSIVE = re.compile(r"(?:'s|s|\b(?:his|her|their))$")
#: Another person named as the one who advised or showed the user something ("the hop test my
#: club mate suggested", "a stretch my physio showed me"): an adviser, not the one with the sign.
_ADVISER = re.compile(r" (?:had |has |have )?(?:suggested|recommended|showed (?:me|us|how)|shown (?:me|us|how)|taught me|told me|"
                      r"advised|prescribed|swears by|swore by|gave me|sent me|set me)\b")
#: ...unless the adviser goes on to be the subject of what follows ("had suggested the race, then fell").
_GOES_ON = re.compile(r"\bthen\b")


def _advises(text: str, found: re.Match, until: int | None = None) -> bool:
    """Whether the person ``found`` names is only the one who advised, up to ``until``."""
    advice = _ADVISER.match(text, found.end())
    return bool(advice) and not _GOES_ON.search(text, advice.end(), len(text) if until is None else until)


def lends_its_subject(text: str) -> bool:
    """Whether a clause opens on another person doing something ("my brother-in-law, 45, was jogging
    fine…", "wife  38  is…"), so that a verb after "but" is theirs too: not on the user's own doing
    ("ran parkrun with my sister…"), nor on what the person said, thinks or is like."""
    found = OTHER_PERSON.match(text)
    return bool(found) and not _advises(text, found) and not _SAYS_OR_JUDGES.search(text)


#: A clause that says what the other person said, thinks or is like ("my coach said it
#: was nothing but now can't walk", "my partner's been brilliant but keeps giving way"): its
#: subject speaks or is judged, and a sign after "but" is the user's.
_SAYS_OR_JUDGES = re.compile(r"\b(?:said|says|say|saying|reckons?|reckoned|thinks?|thought|told|tells|wants?|wanted|suggested|"
                             r"advised|asked|believes?|doubts?|insists?)\b|"
                             r"(?:'s|\bis|\bare|\bwas|\bwere|\bbeen|\bseems?|\bseemed)(?: not| so| really| totally| being)? "
                             r"(?:worried|bothered|fussed|concerned|fine|ok|okay|great|brilliant|amazing|lovely|supportive|"
                             r"helpful|kind|good|calm|relaxed|chill)\b")


def names_other(text: str) -> bool:
    """Whether ``text`` names another person other than as an adviser ("my club mate suggested")."""
    return any(not _advises(text, found) for found in OTHER_PERSON.finditer(text))


def _owner_only(text: str, found: re.Match) -> bool:
    possessive = _POSSESSIVE.search(found.group(0)) or text.startswith("'s", found.end())
    return bool(possessive and _OWNED_THING.match(text, found.end()))


def someone_else(text: str, start: int, end: int, window: int) -> bool:
    """True when another person is named before a match and the user is not named between
    them and its end ("coach has done his back in and is hobbling"; not "my friend fell and
    I can't walk", nor "borrowed my mum's crutches, standing on my leg is a no go"), looking at
    most ``window`` characters back."""
    scope = text[max(0, start - window) : end]
    before = start - max(0, start - window)
    other = None
    # Searched over the whole scope, kept when it ends before the sign: "coach fell" names the
    # coach by the verb that is itself the sign.
    for found in OTHER_PERSON.finditer(scope):
        if found.end() > before:
            break
        if not _owner_only(scope, found) and not _advises(scope, found, before):
            other = found  # an owner of a thing only ("my partner's crutches") is not the subject
    return other is not None and not FIRST_PERSON.search(scope[other.end() :])
