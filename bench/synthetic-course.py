#!/usr/bin/env python3
"""Makes a synthetic course for the benchmarks, run by hand (never by the tests).

    bench/synthetic-course.py OUTDIR [--units N] [--seed S] [--unpunctuated KB]

Recombines the sentences of the example course's texts (examples/qui-fait-quoi-numerique/) with a
seeded random generator into N resources (default 200), each with a title and a transcript of its
own: no two resources share a transcript, so an analysis cache keyed on the text cannot make them
cheap. Same seed, same course.

With --unpunctuated KB, writes instead a one-resource course whose transcript is KB kilobytes of
those sentences without any punctuation, in one paragraph (the worst case for sentence splitting
and run-on cutting).
"""
import argparse
import pathlib
import random
import re

EXAMPLE = pathlib.Path(__file__).resolve().parent.parent / "examples" / "qui-fait-quoi-numerique"


def sentences():
    """The example's prose sentences, in file order, without Markdown."""
    out = []
    for f in sorted(EXAMPLE.glob("0*")):
        text = f.read_text(encoding="utf-8")
        if text.startswith("---"):
            text = text.split("---", 2)[2]
        for line in text.splitlines():
            line = line.strip()
            if not line or line.startswith(("#", "-", "*", ">", "|")) or line.startswith("publié"):
                continue
            line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line).replace("**", "")
            for s in re.split(r"(?<=[.!?…])\s+", line):
                if len(s) >= 30 and s[0].isupper() and s[-1] in ".!?…" and "Crédits" not in s:
                    out.append(s)
    return list(dict.fromkeys(out))


def front_matter(title, description):
    return (
        "---\n"
        f'title: "{title}"\n'
        f'description: "{description}"\n'
        "area: Domaine 1\n"
        "videoEmbedSrc: https://peertube.example.org/videos/embed/205f885f-e2b6-4f4f-b167-6f4716a60d9e\n"
        "---\n\n## Transcription\n\n"
    )


def course_yaml(out, title, shortname):
    (out / "course.yaml").write_text(
        f"title: {title}\nshortname: {shortname}\nlanguage: fr\nlicence: CC BY-SA 4.0\npassMark: 80\n",
        encoding="utf-8",
    )


TOPICS = [
    "le CPD numérique", "la DSI", "le DPD", "le référent numérique", "le GAR", "la DRANE",
    "l'eRUN", "la commune", "le département", "l'IEN", "le chef d'établissement", "l'ENT",
]
ANGLES = ["missions", "partenaires", "exemples", "idées reçues", "en pratique", "questions"]


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("out", type=pathlib.Path)
    p.add_argument("--units", type=int, default=200)
    p.add_argument("--seed", type=int, default=12)
    p.add_argument("--unpunctuated", type=int, metavar="KB")
    a = p.parse_args()
    pool = sentences()
    rng = random.Random(a.seed)
    a.out.mkdir(parents=True, exist_ok=True)
    if a.unpunctuated:
        course_yaml(a.out, "Un texte sans ponctuation", "SANS-PONCT")
        words = []
        size = 0
        while size < a.unpunctuated * 1024:
            s = re.sub(r"[.,;:!?…«»()\"]", " ", rng.choice(pool))
            s = " ".join(s.split())
            words.append(s)
            size += len(s.encode("utf-8")) + 1
        body = front_matter("Un très long texte", "Une transcription sans aucune ponctuation")
        (a.out / "long.md").write_text(body + " ".join(words) + "\n", encoding="utf-8")
        return
    course_yaml(a.out, "Parcours synthétique", "SYNTH")
    seen = set()
    for i in range(a.units):
        while True:
            paragraphs = []
            for _ in range(rng.randint(3, 5)):
                paragraphs.append(" ".join(rng.sample(pool, rng.randint(3, 6))))
            text = "\n\n".join(paragraphs)
            if text not in seen:
                seen.add(text)
                break
        title = f"{rng.choice(TOPICS).capitalize()} : {rng.choice(ANGLES)} (épisode {i + 1})"
        body = front_matter(title, f"Épisode {i + 1} du parcours synthétique.")
        (a.out / f"{i + 1:04d}-episode.md").write_text(body + text + "\n", encoding="utf-8")
    print(f"{a.units} resources from {len(pool)} sentences in {a.out}")


if __name__ == "__main__":
    main()
