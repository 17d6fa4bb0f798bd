#!/usr/bin/env python3
"""Writes the broken archives of validate/broken/ (run from this folder; Python 3 only).

Each file breaks one rule; its expected report is broken/<name>.expected, written and checked by
ValidatorTest (-Dcoursepack.updateGolden=true rewrites them). The .mbz variants start from
good.mbz, a backup coursepack wrote for the test course ExportFixtures, or from good-random.mbz, the
same course whose quiz draws (BackupFixtures.drawing); ValidatorTest writes both.
"""
import gzip, io, tarfile, zipfile, pathlib

OUT = pathlib.Path("broken")
OUT.mkdir(exist_ok=True)
FIXED = (2020, 1, 1, 0, 0, 0)

MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="M" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="ORG">
    <organization identifier="ORG">
      <title>Cours</title>
      <item identifier="ITEM" identifierref="RES">
        <title>Unité</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="RES" type="webcontent" adlcp:scormtype="sco" href="index.html">
      <file href="index.html"/>
    </resource>
  </resources>
</manifest>
"""
PAGE = "<!DOCTYPE html><html lang=\"fr\"><head><title>Unité</title></head><body><p>Bonjour.</p></body></html>\n"


def zip_of(name, entries, symlinks=()):
    with zipfile.ZipFile(OUT / name, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in entries:
            info = zipfile.ZipInfo(n, FIXED)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o100644 << 16)
            if n in symlinks:
                info.external_attr = (0o120777 << 16)
            z.writestr(info, data)


def scorm(name, manifest=MANIFEST, extra=(), symlinks=()):
    zip_of(name, [("imsmanifest.xml", manifest), ("index.html", PAGE), *extra], symlinks)


scorm("zip-slip.zip", extra=[("../evil.html", PAGE)])
scorm("absolute-path.zip", extra=[("/tmp/evil.html", PAGE)])
scorm("symlink.zip", extra=[("passwd", "/etc/passwd")], symlinks=("passwd",))
scorm("zip-bomb.zip", extra=[("media/zeros.bin", b"\0" * (40 * 1024 * 1024))])
import warnings
warnings.simplefilter("ignore")
scorm("duplicate-entries.zip", extra=[("index.html", PAGE)])
scorm("xxe.zip", MANIFEST.replace('<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE manifest [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
      .replace("<title>Cours</title>", "<title>&xxe;</title>"))
scorm("billion-laughs.zip", MANIFEST.replace('<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE manifest [<!ENTITY a "aaaaaaaaaa">'
      '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">'
      '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">]>')
      .replace("<title>Cours</title>", "<title>&e;&e;&e;&e;&e;&e;&e;&e;</title>"))
scorm("cp-prefix.zip", MANIFEST
      .replace('xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"', 'xmlns:imscp="http://www.imsproject.org/xsd/imscp_rootv1p1p2"')
      .replace("<manifest ", "<imscp:manifest ").replace("</manifest>", "</imscp:manifest>")
      .replace("<organizations", "<imscp:organizations").replace("</organizations>", "</imscp:organizations>")
      .replace("<organization ", "<imscp:organization ").replace("</organization>", "</imscp:organization>")
      .replace("<item ", "<imscp:item ").replace("</item>", "</imscp:item>")
      .replace("<resources>", "<imscp:resources>").replace("</resources>", "</imscp:resources>")
      .replace("<resource ", "<imscp:resource ").replace("</resource>", "</imscp:resource>")
      .replace("<file ", "<imscp:file ").replace("<metadata>", "<imscp:metadata>").replace("</metadata>", "</imscp:metadata>")
      .replace("<schema>", "<imscp:schema>").replace("</schema>", "</imscp:schema>")
      .replace("<schemaversion>", "<imscp:schemaversion>").replace("</schemaversion>", "</imscp:schemaversion>")
      .replace("<title>", "<imscp:title>").replace("</title>", "</imscp:title>"))
scorm("dangling-identifierref.zip", MANIFEST.replace('identifierref="RES"', 'identifierref="RES-2"'))
scorm("schemaversion-typo.zip", MANIFEST.replace("<schemaversion>1.2</schemaversion>", "<schemaversion>1.2 </schemaversion>"))
scorm("missing-file.zip", MANIFEST.replace('<file href="index.html"/>', '<file href="index.html"/>\n      <file href="media/video.mp4"/>'))
zip_of("nested-manifest.zip", [("unite/imsmanifest.xml", MANIFEST), ("unite/index.html", PAGE)])
with open(OUT / "not-a-zip.zip", "wb") as f:
    f.write(b"PK\x03\x04" + b"\xff" * 200)

# Moodle XML
QUESTION = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="multichoice">
    <name><text>Q01</text></name>
    <questiontext format="html"><text><![CDATA[<p>Qui déploie les applications ?</p>]]></text></questiontext>
    <single>true</single>
    <answer fraction="100" format="html"><text>La DSI</text></answer>
    <answer fraction="FRACTION" format="html"><text>Le DPD</text></answer>
  </question>
</quiz>
"""
(OUT / "bad-fraction.xml").write_text(QUESTION.replace("FRACTION", "33.3"), encoding="utf-8")
(OUT / "truefalse-texts.xml").write_text("""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="truefalse">
    <name><text>Q02</text></name>
    <questiontext format="html"><text>La DSI gère la messagerie.</text></questiontext>
    <answer fraction="100"><text>vrai</text></answer>
    <answer fraction="0"><text>faux</text></answer>
  </question>
</quiz>
""", encoding="utf-8")
(OUT / "match-without-answer.xml").write_text("""<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="matching">
    <name><text>Q03</text></name>
    <questiontext format="html"><text>Associez.</text></questiontext>
    <subquestion format="html"><text>La DSI</text><answer><text>Gérer la messagerie</text></answer></subquestion>
    <subquestion format="html"><text>Le DPD</text><answer><text></text></answer></subquestion>
    <subquestion format="html"><text>L'IAN</text><answer><text>Valoriser les projets</text></answer></subquestion>
  </question>
</quiz>
""", encoding="utf-8")
(OUT / "xxe.xml").write_text(QUESTION.replace("FRACTION", "0").replace(
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE quiz [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>')
    .replace("<text>Q01</text>", "<text>&xxe;</text>"), encoding="utf-8")

# GIFT
(OUT / "unbalanced-brace.gift").write_text(
    "::Q1:: Qui gère la messagerie ? {=La DSI ~Le DPD ~L'IAN\n\n"
    "::Q2:: La DSI déploie les applications. {T}\n", encoding="utf-8")
(OUT / "bad-weight.gift").write_text(
    "::Q1:: Qui conseille sur les données ? {~%33.3%Le DPD ~%33.3%La DSI ~%33.3%L'IAN ~%-100%Personne}\n",
    encoding="utf-8")
(OUT / "not-utf8.gift").write_bytes(
    "::Q1:: Qui déploie les applications ? {=La DSI ~Le DPD}\n".encode("cp1252"))

(OUT / "notes.txt").write_text("Quelques notes, pas une archive.\n", encoding="utf-8")

# H5P
H5P_JSON = """{"title": "TITLE", "language": "fr", "mainLibrary": "H5P.Column",
 "embedTypes": ["iframe"], "license": "U",
 "preloadedDependencies": [{"machineName": "H5P.Column", "majorVersion": 1, "minorVersion": 18},
  {"machineName": "H5P.AdvancedText", "majorVersion": 1, "minorVersion": 1}]}"""
H5P_CONTENT = """{"content": [{"content": {"library": "H5P.AdvancedText 1.1",
 "params": {"text": "<p>Le CPD numérique anime le réseau.</p>"},
 "subContentId": "3f1c9a52-7b1e-4c2d-9a0b-5e6f7a8b9c0d"}}]}"""


def h5p(name, title="Qui fait quoi ?", directories=()):
    with zipfile.ZipFile(OUT / name, "w", zipfile.ZIP_DEFLATED) as z:
        for d in directories:
            z.writestr(zipfile.ZipInfo(d, FIXED), b"")
        for n, data in (("h5p.json", H5P_JSON.replace("TITLE", title)), ("content/content.json", H5P_CONTENT)):
            z.writestr(zipfile.ZipInfo(n, FIXED), data)


h5p("h5p-directory-entry.h5p", directories=("content/",))
h5p("h5p-title-too-long.h5p", title="é" * 128)

# SCORM 2004
scorm("scorm2004-schemaversion.zip", MANIFEST
      .replace("http://www.imsproject.org/xsd/imscp_rootv1p1p2", "http://www.imsglobal.org/xsd/imscp_v1p1")
      .replace("http://www.adlnet.org/xsd/adlcp_rootv1p2", "http://www.adlnet.org/xsd/adlcp_v1p3")
      .replace("<schemaversion>1.2</schemaversion>", "<schemaversion>2004 4th edition</schemaversion>")
      .replace("adlcp:scormtype", "adlcp:scormType"))

# IMS Common Cartridge 1.3, which Moodle does not import
CC = """<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="CC1" xmlns="http://www.imsglobal.org/xsd/imsccv1p3/imscp_v1p1" xmlns:lomimscc="http://ltsc.ieee.org/xsd/imsccv1p3/LOM/manifest">
  <metadata><schema>IMS Common Cartridge</schema><schemaversion>1.3.0</schemaversion></metadata>
  <organizations><organization identifier="ORG" structure="rooted-hierarchy"><item identifier="ROOT">
    <item identifier="I1" identifierref="R1"><title>Page</title></item></item></organization></organizations>
  <resources><resource identifier="R1" type="webcontent" href="page.html"><file href="page.html"/></resource></resources>
</manifest>
"""
zip_of("cc13.imscc", [("imsmanifest.xml", CC), ("page.html", PAGE)])

# Moodle backups: good.mbz (fixed quiz slots) or good-random.mbz (the same course whose quiz draws
# 2 of its 3 questions: random slots) with one thing changed.
def untar(path):
    files = {}
    with tarfile.open(path, "r:gz") as t:
        for m in t.getmembers():
            files[m.name] = t.extractfile(m).read()
    return files


good = untar("good.mbz")
good_random = untar("good-random.mbz")


def mbz(name, change, start=good):
    files = dict(start)
    change(files)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as t:
        for n in sorted(files):
            info = tarfile.TarInfo(n)
            info.size = len(files[n])
            info.mtime = 1577836800
            t.addfile(info, io.BytesIO(files[n]))
    with open(OUT / name, "wb") as f:
        f.write(gzip.compress(buf.getvalue(), mtime=0))


def sub(files, name, a, b):
    text = files[name].decode("utf-8")
    assert a in text, (name, a)
    files[name] = text.replace(a, b, 1).encode("utf-8")


mbz("mbz-pre40.mbz", lambda f: sub(f, "moodle_backup.xml", "<backup_release>4.1</backup_release>", "<backup_release>3.11</backup_release>"))
mbz("mbz-quiz-slot-context.mbz", lambda f: sub(f, "activities/quiz_2/quiz.xml", "<usingcontextid>4</usingcontextid>", "<usingcontextid>3</usingcontextid>"))
mbz("mbz-blob-missing.mbz", lambda f: f.pop(sorted(n for n in f if n.startswith("files/"))[0]))
mbz("mbz-missing-file.mbz", lambda f: f.pop("questions.xml"))
CATEGORY_REF = "<question_category>\n      <id>3</id>\n    </question_category>"
mbz("mbz-random-inforef.mbz", lambda f: (sub(f, "activities/quiz_2/inforef.xml", CATEGORY_REF, ""),
                                         sub(f, "course/inforef.xml", CATEGORY_REF, "")), good_random)


def fewer_questions(f):
    import re
    text = f["questions.xml"].decode("utf-8")
    fewer = re.sub(r'(?s)<question_bank_entry id="[23]">.*?</question_bank_entry>', "", text)
    assert fewer != text
    f["questions.xml"] = fewer.encode("utf-8")


mbz("mbz-random-pool.mbz", fewer_questions, good_random)
