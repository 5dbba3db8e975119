#!/usr/bin/env python3
"""Recognition cost against knowledge-base size and text length.

Checks the claim "recognition cost grows linearly with text length,
independent of knowledge-base size beyond the matcher's build":

1. writes a knowledge base 10x the built-in one: one extra KB file (loaded
   with --kb) holding 9x as many synthetic actors as data/kb/*.json has.
   Each mirrors a built-in actor (kind, names, words per name, lengths;
   nationality and an office for people), with every word but the generic
   ones the built-in names share ("nước", "ông", "Cộng hòa", "Republic")
   replaced by an invented Vietnamese-looking syllable or Latin-letter word
   that occurs neither in the corpus nor in the KB.  The typo matcher may
   still take an invented name for a misspelt one of the corpus, so actors
   are drawn again until an extract with the KB finds what the built-in KB
   finds: the extra actors change what it costs, not what is found;
2. takes the bulk corpus (/work/shared/corpus/bulk/articles.jsonl) or, when
   it is missing, generates a ~20 MB one;
3. measures startup (an input without articles), extract on the corpus with
   the 1x and the 10x KB, startup with 2x and 5x KBs, and extract on the
   first 1/4, 1/2, all and twice the corpus with the 10x KB.  Wall time is
   the best of --runs runs; peak RSS comes from one more run;
4. prints the figures, and whether the actors found (synthetic ids aside)
   are the same with both KBs.

The binary and data/ are copied to a temporary directory first (and run with
--data-dir), so a rebuild of the build tree during the run changes nothing.

Usage: python3 tests/bench/kb_scale.py [--biennien build/tools/biennien]
                                       [--corpus PATH] [--runs N] [--keep]

Python 3 standard library only; Linux/Unix.
"""

import argparse
import glob
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BULK = "/work/shared/corpus/bulk/articles.jsonl"
SEED = 20240611

# ---------------------------------------------------------------- folding

TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
WORD = re.compile(r"[\w\u0300-\u036f]+")


def fold(word):
    """Case folded, tone mark moved to the end (as the matcher folds a word:
    "Thuỵ" and "Thụy" are one key)."""
    d = unicodedata.normalize("NFD", word.casefold())
    tones = "".join(sorted(c for c in d if c in TONES))
    base = unicodedata.normalize("NFC", "".join(c for c in d if c not in TONES))
    return base + tones


def words(s):
    return WORD.findall(unicodedata.normalize("NFC", s))


# ---------------------------------------------------------------- corpus

def read_corpus(path):
    """(lines, text bytes of each record): text bytes = UTF-8 of title + text."""
    lines, sizes = [], []
    with open(path, "rb") as f:
        for raw in f:
            if not raw.strip():
                continue
            rec = json.loads(raw)
            lines.append(raw if raw.endswith(b"\n") else raw + b"\n")
            sizes.append(len((rec.get("title") or "").encode()) + len((rec.get("text") or "").encode()))
    return lines, sizes


def vocabulary(path):
    vocab = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                vocab.update(words((rec.get("title") or "") + "\n" + (rec.get("text") or "")))
    return {fold(w) for w in vocab}


GEN_SENTENCES = [
    "Ngày {d}/{m}, Bộ trưởng Ngoại giao Nga Sergei Lavrov cho biết Moskva sẵn sàng đàm phán với NATO về {n} vấn đề an ninh.",
    "Tổng thư ký NATO Jens Stoltenberg kêu gọi các nước thành viên tăng chi tiêu quốc phòng lên {p}% GDP.",
    "Theo số liệu của Tổng cục Thống kê, giá trị xuất khẩu trong tháng {m} đạt {n} tỷ USD, tăng {p}% so với cùng kỳ.",
    "Tổng thống Ukraine Volodymyr Zelensky đã có cuộc điện đàm với Thủ tướng Đức về viện trợ quân sự trị giá {n} triệu euro.",
    "Hôm {d}/{m}, Trung Quốc và Mỹ tổ chức vòng đàm phán thương mại thứ {k} tại Bắc Kinh.",
    "Người dân tại {n} xã của tỉnh đã được hỗ trợ sau trận lũ kéo dài {k} ngày.",
    "Liên hợp quốc cảnh báo hơn {n} nghìn người có nguy cơ thiếu lương thực trong năm nay.",
    "Đội tuyển bóng đá giành chiến thắng {k}-{j} trong trận đấu tối {d}/{m} trước hàng nghìn cổ động viên.",
    "Thị trường chứng khoán phiên hôm nay ghi nhận chỉ số tăng {p} điểm với thanh khoản đạt {n} tỷ đồng.",
    "Bộ Quốc phòng Anh cho biết Nga đã triển khai thêm {n} binh sĩ tới khu vực biên giới.",
]


def generate_corpus(path, target_bytes=20_000_000):
    rnd = random.Random(SEED)
    written, i = 0, 0
    with open(path, "w", encoding="utf-8") as f:
        while written < target_bytes:
            paras = []
            for _ in range(rnd.randint(6, 14)):
                s = rnd.choice(GEN_SENTENCES).format(
                    d=rnd.randint(1, 28), m=rnd.randint(1, 12), n=rnd.randint(2, 999),
                    p=rnd.randint(1, 40), k=rnd.randint(1, 9), j=rnd.randint(0, 5))
                paras.append(s)
            rec = {"id": "gen-%05d" % i, "url": None,
                   "date": "20%02d-%02d-%02d" % (rnd.randint(15, 24), rnd.randint(1, 12), rnd.randint(1, 28)),
                   "title": "Tin tổng hợp số %d" % i, "text": "\n".join(paras)}
            line = json.dumps(rec, ensure_ascii=False) + "\n"
            f.write(line)
            written += len(line.encode())
            i += 1


# ---------------------------------------------------------------- synthetic KB

def builtin_kb(data):
    """(unique actor ids, folded words of every name, every name) of DATA/kb."""
    ids, vocab, all_real = set(), set(), []

    def names(a):
        yield a.get("name") or ""
        yield vi_name(a)
        al = a.get("aliases") or {}
        for lang in ("vi", "en"):
            yield from al.get(lang) or []
        yield from a.get("metonyms") or []

    for p in sorted(glob.glob(os.path.join(data, "kb", "*.json"))):
        with open(p, encoding="utf-8") as f:
            d = json.load(f)
        for a in d.get("actors") or []:
            ids.add(a["id"])
            for n in names(a):
                vocab.update(fold(w) for w in words(n))
                all_real.append(n)
    return ids, vocab, all_real


# Vietnamese spelling: onsets and rhymes, combined by the usual rules; only
# syllables found in neither the corpus nor the KB are kept.
ONSETS = ["b", "c", "ch", "d", "đ", "g", "gi", "h", "kh", "l", "m", "n", "ng", "nh",
          "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"]
RHYMES = """a ai ao an ang anh am ap at ac ach ăn ăng ăm ăt ăc ăp âu ây ân âng âm ât âc âp
e eo en eng em et ep ec ê êu ên ênh êm êt êch êp i ia iu in inh im it ich ip iêu iên iêng
iêm iêt iêc iêp o oi on ong om ot oc op oa oai oan oang oanh oat oach oe oen oet ô ôi ôn
ông ôm ôt ôc ôp ơ ơi ơn ơm ơt ơp u ui un ung um ut uc up uy uyên uyêt uynh uych uôi uôn
uông uôm uôt uôc ư ưi ưu ưa ưn ưng ưt ưc ươi ươu ươn ương ươm ươt ươc ươp uân uât""".split()
VOWELS = set("aăâeêioôơuưy")
MODIFIED = set("ăâêôơư")
TONE_MARKS = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]


def spell(onset, rhyme):
    front = rhyme[0] in "eêiy"
    if onset == "c" and front:
        onset = "k"
    if onset == "g" and front:
        onset = "gh"
    if onset == "ng" and front:
        onset = "ngh"
    if onset == "gi" and rhyme[0] == "i":
        return None
    if onset == "qu" and rhyme[0] in "ouư":
        return None
    if onset in ("k", "gh", "ngh") and not front:
        return None
    return onset + rhyme


def tone_position(rhyme):
    vs = [i for i, c in enumerate(rhyme) if c in VOWELS]
    mod = [i for i in vs if rhyme[i] in MODIFIED]
    if mod:
        return mod[-1]
    if vs[-1] < len(rhyme) - 1:          # a final consonant
        return vs[-1]
    if len(vs) == 1:
        return vs[0]
    if len(vs) == 2:
        return vs[1] if rhyme[vs[0]:vs[1] + 1] in ("oa", "oe", "uy") else vs[0]
    return vs[1]


def viet_syllables(forbidden):
    out = []
    for onset in ONSETS:
        for rhyme in RHYMES:
            if spell(onset, rhyme) is None:
                continue
            stop = rhyme.endswith(("p", "t", "c", "ch"))
            for tone in TONE_MARKS:
                if stop and tone not in ("\u0301", "\u0323"):
                    continue
                pos = tone_position(rhyme)
                r = unicodedata.normalize("NFC", rhyme[:pos + 1] + tone + rhyme[pos + 1:])
                syl = spell(onset, r)
                if fold(syl) not in forbidden:
                    out.append(syl)
    return out


LATIN = ["bra", "cor", "dal", "fen", "gar", "hol", "kas", "lun", "mor", "nev", "or", "pel",
         "quin", "ros", "sar", "tel", "ul", "vor", "wen", "zan", "mir", "dor", "ian", "eth",
         "ka", "ri", "to", "vek", "shi", "ald", "bel", "cran", "dru", "el", "fal", "grim",
         "har", "is", "jor", "kel", "lor", "mal", "nor", "os", "pra", "ren", "sil", "tor",
         "ux", "val", "wyr", "yl", "zed", "thar", "quel", "brin", "cas", "dun", "ev", "fir"]
VIET_MARKS = set("\u0302\u0306\u031b\u0309\u0323")  # â ê ô, ă, ơ ư, hook, dot below


def is_vietnamese(word):
    """A word with a letter or a tone mark Vietnamese has and English lacks."""
    return any(c in VIET_MARKS or c in "đĐ" for c in unicodedata.normalize("NFD", word))


class Namer:
    """Invented words: Vietnamese-looking syllables and Latin-letter words,
    none of them a word of the corpus or of the built-in KB."""

    def __init__(self, rnd, forbidden):
        self.rnd = rnd
        self.forbidden = forbidden
        self.syl = viet_syllables(forbidden)

    def word(self, like, viet, stretch=0):
        """An invented word shaped like `like`: letters for an acronym
        (digits kept), a syllable for a word of a Vietnamese name (`viet`),
        else Latin syllables of about its length; with its case."""
        rnd = self.rnd
        for tries in range(10000):
            tol = tries // 200 + stretch
            if any(c.isdigit() for c in like) or (len(like) > 1 and like.isupper()):
                n = sum(1 for c in like if c.isalpha()) + tol
                letters = iter([rnd.choice("BCDFGHKLMNPRSTVXZ") for _ in range(n)])
                w = "".join(c if c.isdigit() else next(letters) for c in like)
                w += "".join(letters)
            elif viet:
                w = rnd.choice(self.syl)
            else:
                lo = max(2, len(like) - 1 + stretch)
                w = ""
                while len(w) < lo:
                    w += rnd.choice(LATIN)
                if len(w) > len(like) + 1 + stretch + tol:
                    continue
            if not any(c.isdigit() for c in like) and not (len(like) > 1 and like.isupper()):
                w = w.capitalize() if like[:1].isupper() else w.lower()
            if fold(w) not in self.forbidden:
                return w
        raise RuntimeError("no invented word like %r" % like)


def real_actors(data):
    """The actors of DATA/kb, as loaded (a later id replaces an earlier one)."""
    acts = {}
    for p in sorted(glob.glob(os.path.join(data, "kb", "*.json"))):
        with open(p, encoding="utf-8") as f:
            for a in json.load(f).get("actors") or []:
                acts[a["id"]] = a
    return list(acts.values())


def vi_name(a):
    """The Vietnamese name: "names": {"vi": ...}, or the older "name_vi"."""
    return (a.get("names") or {}).get("vi") or a.get("name_vi") or ""


def forms_of(a):
    """(field, index, name) of every name of an actor ("name_vi": its
    Vietnamese name, written back as "names": {"vi": ...})."""
    out = [("name", None, a.get("name") or ""), ("name_vi", None, vi_name(a))]
    al = a.get("aliases") or {}
    for lang in ("vi", "en"):
        out += [(lang, k, n) for k, n in enumerate(al.get(lang) or [])]
    out += [("metonyms", k, n) for k, n in enumerate(a.get("metonyms") or [])]
    return out


def ascii_fold(s):
    """As the typo matcher folds a name: case and every diacritic removed,
    "đ" to "d", one space between words."""
    d = unicodedata.normalize("NFD", s.replace("đ", "d").replace("Đ", "D"))
    return " ".join(w.casefold() for w in words("".join(c for c in d if not unicodedata.combining(c))))


def typo_limit(letters):
    """The distance the typo matcher allows (docs/formats.md, core/bn_fuzzy.h)."""
    return 0 if letters < 7 else 1 if letters <= 11 else 2


def deletes(s, d):
    out, level = {s}, {s}
    for _ in range(d):
        level = {w[:i] + w[i + 1:] for w in level for i in range(len(w))}
        out |= level
    return out


def osa(a, b, k):
    """Optimal-string-alignment distance of a and b, or k + 1 if above k."""
    if abs(len(a) - len(b)) > k:
        return k + 1
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > k:
            return k + 1
        prev2, prev = prev, cur
    return prev[-1]


class Synth:
    """Synthetic actor i mirrors built-in actor i mod N: the same kind and
    names of the same shape (as many names, each of as many words, of about
    the same lengths), where every word but the generic ones the built-in
    names share ("nước", "ông", "Cộng hòa", "Republic", "of", "Sergei", ...)
    is an invented word; at least one word of each name is invented.  So the
    10x KB is the built-in one's structure nine times over, down to how many
    names start with the same word (what the phrase matcher's buckets hold)
    and how long they are (what the typo matcher's buckets hold).  An actor
    can be drawn again (same id, kind, nationality, offices; new words, all
    invented)."""

    def __init__(self, rnd, forbidden, templates, real_names):
        self.rnd = rnd
        self.namer = Namer(rnd, forbidden)
        self.templates = templates
        share = {}
        for t in templates:
            for w in {fold(w) for _, _, n in forms_of(t) for w in words(n)}:
                share[w] = share.get(w, 0) + 1
        self.generic = {w for w, c in share.items() if c >= 3}
        self.used = {" ".join(fold(w) for w in words(n)) for n in real_names}
        # names within a typo of a real name are not drawn (distance >= 3)
        self.near_real = set()
        for n in real_names:
            f = ascii_fold(n)
            if len(f.replace(" ", "")) >= 7:
                self.near_real |= {(f.count(" "), x) for x in deletes(f, 2)}

    def _near_real(self, f):
        if len(f.replace(" ", "")) < 7:
            return False
        wc = f.count(" ")
        return any((wc, x) in self.near_real for x in deletes(f, 2))

    def _mirror(self, t, i, stretch, generic):
        mapping = {}
        viet = False
        t_viet = vi_name(t) != t.get("name") and any(
            is_vietnamese(w) for f, _, n in forms_of(t) if f in ("name_vi", "vi") for w in words(n))

        def invent(m):
            w = m.group(0)
            k = fold(w)
            if k not in mapping:
                mapping[k] = self.namer.word(w, viet, stretch)
            return mapping[k]

        a = {"id": "synth-%06d" % i, "kind": t["kind"], "aliases": {"vi": [], "en": []}}
        keys = set()
        for field, k, name in forms_of(t):
            ws = words(name)
            if not ws:
                new = name
            else:
                viet = any(is_vietnamese(w) for w in ws) or (t_viet and field in ("name_vi", "vi"))
                keep = [generic and fold(w) in self.generic for w in ws]
                if all(keep):
                    keep[-1] = False
                it = iter(keep)
                new = WORD.sub(lambda m: m.group(0) if next(it) else invent(m),
                               unicodedata.normalize("NFC", name))
            key = " ".join(fold(w) for w in words(new))
            if field == "name":
                a[field] = new
            elif field == "name_vi":
                a["names"] = {"vi": new}
            elif key in keys:
                continue  # two aliases that became one
            elif field == "metonyms":
                a.setdefault("metonyms", []).append(new)
            else:
                a["aliases"][field].append(new)
            if key and (key in self.used or self._near_real(ascii_fold(new))):
                return None
            keys.add(key)
        self.used |= keys
        return a

    def actor(self, i, old=None):
        """Draws actor i; drawn again (`old`), it keeps no generic word: a
        generic word next to an invented one ("Trung" + a syllable) can still
        be a typo away from a name of the corpus."""
        t = self.templates[i % len(self.templates)]
        for tries in range(1000):
            a = self._mirror(t, i, tries // 20, old is None)
            if a:
                break
        else:
            raise RuntimeError("cannot draw synthetic actor %d" % i)
        if old:
            for k in ("nationality", "roles"):
                if k in old:
                    a[k] = old[k]
        return a

    def people(self, actors):
        """Nationality (a synthetic country) and, for the people whose
        template held offices, one office: "Tổng thư ký" of a synthetic
        organisation."""
        countries = [a["id"] for a in actors if a["kind"] == "country"]
        orgs = [a["id"] for a in actors if a["kind"] == "organization"]
        for i, a in enumerate(actors):
            t = self.templates[i % len(self.templates)]
            if a["kind"] != "person":
                continue
            if t.get("nationality") and countries:
                a["nationality"] = self.rnd.choice(countries)
            if t.get("roles") and orgs:
                a["roles"] = [{"org": self.rnd.choice(orgs), "title": "Tổng thư ký",
                               "title_en": "Secretary General",
                               "from": "2015-01-01", "to": "2019-01-01"}]


def capitalised_runs(text):
    """Every run of 1 to 3 consecutive capitalised words, folded as the typo
    matcher folds its queries."""
    ws = words(text)
    out = set()
    for i, w in enumerate(ws):
        for n in range(1, 4):
            if i + n > len(ws) or not ws[i + n - 1][:1].isupper():
                break
            out.add(ascii_fold(" ".join(ws[i:i + n])))
    return out


def close_to(synth, runs):
    """Indices of the synthetic actors one of whose names is within a typo of
    one of `runs` (as the typo matcher would take it)."""
    by_shape = {}
    for r in runs:
        by_shape.setdefault((r.count(" "), len(r.replace(" ", ""))), []).append(r)
    hits = set()
    for i, a in enumerate(synth):
        for n in all_names(a):
            f = ascii_fold(n)
            wc, letters = f.count(" "), len(f.replace(" ", ""))
            if letters < 7:
                continue
            for ql in range(letters - 2, letters + 3):
                k = typo_limit(min(ql, letters))
                if abs(ql - letters) > k:
                    continue
                if any(osa(f, r, k) <= k for r in by_shape.get((wc, ql), ())):
                    hits.add(i)
    return hits


def all_names(a):
    return [n for _, _, n in forms_of(a)]


# ---------------------------------------------------------------- running

TIME = "/usr/bin/time"


def snapshot_binary(exe, dest, wait=120):
    """Copies the binary once it has been left alone for 2 s and runs: the
    build tree may be relinked by someone else while the benchmark runs."""
    deadline = time.time() + wait
    while True:
        try:
            st = os.stat(exe)
            if time.time() - st.st_mtime >= 2 and os.access(exe, os.X_OK):
                shutil.copy2(exe, dest)
                if os.stat(exe).st_mtime == st.st_mtime and subprocess.run(
                        [dest, "--version"], capture_output=True).returncode == 0:
                    return st.st_mtime
        except OSError:
            pass
        if time.time() > deadline:
            sys.exit("kb_scale: %s keeps changing or does not run" % exe)
        time.sleep(1)


def run(cmd, stdout_path, err_path):
    """(wall seconds, user + system CPU seconds) of one run."""
    with open(stdout_path or os.devnull, "wb") as out, open(err_path, "wb") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=err)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        with open(err_path, errors="replace") as f:
            sys.exit("kb_scale: %s exited %d\n%s" % (" ".join(cmd), p.returncode, f.read()))
    return wall, ru.ru_utime + ru.ru_stime


def peak_rss(cmd, scratch):
    """Peak RSS in bytes of one more run: /usr/bin/time's %M, else VmHWM
    sampled from /proc.  (ru_maxrss of a child of this process would be
    useless: the kernel carries the forking Python's high-water mark over
    exec, so every run would read as this script's size.)"""
    if os.access(TIME, os.X_OK):
        p = subprocess.run([TIME, "-f", "%M", "-o", scratch] + cmd,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if p.returncode == 0:
            with open(scratch) as f:
                return int(f.read().split()[-1]) * 1024
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    hwm = 0
    while p.poll() is None:
        try:
            with open("/proc/%d/status" % p.pid) as f:
                for line in f:
                    if line.startswith("VmHWM:"):
                        hwm = max(hwm, int(line.split()[1]) * 1024)
        except OSError:
            pass
        time.sleep(0.002)
    return hwm or float("nan")


def measure(jobs, runs, tmp):
    """jobs: {name: (cmd, stdout path or None)}.  Runs every job `runs` times,
    round-robin, so that a burst of other load on the machine hits all jobs
    alike; then once more each for the peak RSS.  Returns {name: (best wall s,
    best CPU s, peak RSS bytes)}."""
    err = os.path.join(tmp, "stderr.txt")
    walls = {k: [] for k in jobs}
    for _ in range(runs):
        for name, (cmd, out) in jobs.items():
            walls[name].append(run(cmd, out, err))
    res = {}
    for name, (cmd, _) in jobs.items():
        res[name] = (min(w for w, _ in walls[name]), min(c for _, c in walls[name]),
                     peak_rss(cmd, os.path.join(tmp, "rss.txt")))
    return res


def actors_found(path, with_synth=False):
    """Per article (line number, id): the actor ids of "actors" and of the
    events, synthetic ids aside; and how many synthetic ids showed up (and,
    with `with_synth`, which)."""
    found, count, synth = {}, 0, set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            d = json.loads(line)
            ids = [a["id"] for a in d.get("actors", [])]
            for e in d.get("events", []):
                ids += [a["id"] for a in e.get("actors", [])]
            s = [x for x in ids if x.startswith("synth-")]
            count += len(s)
            synth.update(s)
            found[(n, d.get("article", {}).get("id"))] = sorted(x for x in ids if not x.startswith("synth-"))
    return (found, count, synth) if with_synth else (found, count)


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--biennien", default=os.path.join(ROOT, "build", "tools", "biennien"))
    ap.add_argument("--corpus", default=BULK if os.path.exists(BULK) else None,
                    help="JSON Lines articles (default: %s if present, else a generated one)" % BULK)
    ap.add_argument("--runs", type=int, default=3, help="best of N (default 3)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = ap.parse_args()
    src_exe = os.path.abspath(args.biennien)
    if not os.path.exists(src_exe):
        sys.exit("kb_scale: no biennien binary at %s (ninja -C build)" % src_exe)

    tmp = tempfile.mkdtemp(prefix="kb_scale.")
    try:
        # a snapshot of the binary and the data: both may change under us
        exe = os.path.join(tmp, "biennien")
        mtime = snapshot_binary(src_exe, exe)
        data = os.path.join(tmp, "data")
        shutil.copytree(os.path.join(ROOT, "data"), data)

        if args.corpus:
            corpus, corpus_label = os.path.abspath(args.corpus), args.corpus
        else:
            corpus = os.path.join(tmp, "generated.jsonl")
            generate_corpus(corpus)
            corpus_label = "generated (%s)" % corpus
        lines, sizes = read_corpus(corpus)
        total_mb = sum(sizes) / 1e6

        empty = os.path.join(tmp, "empty.jsonl")
        with open(empty, "w") as f:
            f.write("\n")  # no article (a zero-byte file is refused as "empty file")

        def cmd(kb, *inputs):
            return ([exe, "extract", "-q", "--data-dir", data] + (["--kb", kb] if kb else [])
                    + list(inputs))

        def write_kb(path, actors):
            with open(path, "w", encoding="utf-8") as f:
                json.dump({"format": "biennien-kb/1",
                           "about": "kb_scale.py: synthetic actors, absent from the corpus",
                           "actors": actors}, f, ensure_ascii=False, indent=0)

        # 1. the 10x knowledge base (and 2x, 5x from the same actors, for startup)
        t0 = time.perf_counter()
        ids, kb_vocab, real_names = builtin_kb(data)
        n_real = len(ids)
        forbidden = vocabulary(corpus) | kb_vocab
        gen = Synth(random.Random(SEED), forbidden, real_actors(data), real_names)
        synth = [gen.actor(i) for i in range(9 * n_real)]
        gen.people(synth)
        clash = [n for a in synth for n in all_names(a)
                 if all(fold(w) in forbidden for w in words(n))]
        if clash:
            sys.exit("kb_scale: synthetic names made only of corpus/KB words: %s" % clash[:5])
        # No name is in the corpus, but the typo matcher may still take one for
        # a misspelling of the corpus's words: extract with the KB, draw again
        # every actor it found or that could have changed what it found, and
        # repeat until the output is that of the built-in KB.
        big = os.path.join(tmp, "kb10x.json")
        oracle = os.path.join(tmp, "oracle.jsonl")
        err = os.path.join(tmp, "stderr.txt")
        run(cmd(None, corpus), oracle, err)
        f1, _ = actors_found(oracle)
        redrawn, rounds, settled = set(), 0, False
        while True:
            rounds += 1
            write_kb(big, synth)
            run(cmd(big, corpus), oracle, err)
            f10, _, found = actors_found(oracle, with_synth=True)
            bad = {int(x[len("synth-"):]) for x in found}
            diff = [k for k in f1 if f1[k] != f10.get(k)]
            if diff:
                runs = set()
                for n_line, _ in diff:
                    rec = json.loads(lines[n_line])
                    runs |= capitalised_runs((rec.get("title") or "") + "\n" + (rec.get("text") or ""))
                bad |= close_to(synth, runs)
            if not bad or rounds == 8:
                settled = not bad and not diff
                break
            redrawn |= bad
            for i in sorted(bad):
                synth[i] = gen.actor(i, synth[i])
        kbs = {10: big}
        for mult in (2, 5):
            kbs[mult] = os.path.join(tmp, "kb%dx.json" % mult)
            write_kb(kbs[mult], synth[:(mult - 1) * n_real])
        gen_s = time.perf_counter() - t0

        print("biennien:  %s (copy of %s, built %s)" % (
            exe, src_exe, time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(mtime))))
        print("data:      copy of %s" % os.path.join(ROOT, "data"))
        print("corpus:    %s: %d records, %.1f MB of article text (title + text, UTF-8)"
              % (corpus_label, len(lines), total_mb))
        print("KB:        built-in %d actors; --kb %s adds %d synthetic (%d names, %.1f MB)"
              % (n_real, os.path.basename(big), len(synth), sum(len(list(all_names(a))) for a in synth),
                 os.path.getsize(big) / 1e6))

        def shape(names):
            c = [0] * 4
            for nm in names:
                c[min(len(words(nm)), 4) - 1] += 1
            return "/".join(str(x) for x in c)
        print("           names of 1/2/3/4+ words: built-in %s, synthetic %s"
              % (shape(real_names), shape(nm for a in synth for nm in all_names(a))))
        print("           made in %.1f s and %d extract round(s); %d actor(s) drawn again because the"
              " matcher found them or their names changed what it found%s"
              % (gen_s, rounds, len(redrawn), "" if settled else " (NOT SETTLED: outputs still differ)"))
        print("runs:      wall and CPU = best of %d, round-robin (time.perf_counter, os.wait4);"
              " peak RSS = one more run (%s)" % (
            args.runs, "/usr/bin/time %M" if os.access(TIME, os.X_OK) else "/proc VmHWM sampled"))
        print()

        # the runs: (a) startup, (b) the whole corpus, (c) parts of it, all with
        # the 10x KB; 2x and 5x KBs for startup
        n = len(lines)
        jobs = {}
        for mult in (1, 2, 5, 10):
            jobs["start-%d" % mult] = (cmd(kbs.get(mult), empty), None)
        for label in ("1x", "10x"):
            jobs["extract-" + label] = (cmd(big if label == "10x" else None, corpus),
                                        os.path.join(tmp, "out-%s.jsonl" % label))
        parts = []
        for label, k in (("1/4", n // 4), ("1/2", n // 2)):
            p = os.path.join(tmp, "part-%d.jsonl" % k)
            with open(p, "wb") as f:
                f.writelines(lines[:k])
            jobs["part-" + label] = (cmd(big, p), os.path.join(tmp, "out-part.jsonl"))
            jobs["part1x-" + label] = (cmd(None, p), os.path.join(tmp, "out-part.jsonl"))
            parts.append((label, k, sum(sizes[:k]) / 1e6))
        parts.append(("all", n, total_mb))
        jobs["part-2x"] = (cmd(big, corpus, corpus), os.path.join(tmp, "out-part.jsonl"))
        jobs["part1x-2x"] = (cmd(None, corpus, corpus), os.path.join(tmp, "out-part.jsonl"))
        parts.append(("2x", 2 * n, 2 * total_mb))
        load0 = os.getloadavg()
        t0 = time.perf_counter()
        res = measure(jobs, args.runs, tmp)
        res["part-all"] = res["extract-10x"]
        res["part1x-all"] = res["extract-1x"]
        load1 = os.getloadavg()
        print("load:      1-min load average %.2f before, %.2f after (%d CPUs); %.0f s of runs"
              % (load0[0], load1[0], os.cpu_count() or 0, time.perf_counter() - t0))
        print()

        print("%-4s %7s %11s %10s %9s %8s %15s %15s" % (
            "KB", "actors", "startup ms", "extract s", "CPU s", "MB/s", "startup RSS MB", "extract RSS MB"))
        rows = {}
        for label, mult in (("1x", 1), ("10x", 10)):
            st = res["start-%d" % mult]
            ex = res["extract-" + label]
            rows[label] = (st, ex)
            print("%-4s %7d %11.1f %10.2f %9.2f %8.2f %15.1f %15.1f" % (
                label, mult * n_real, st[0] * 1e3, ex[0], ex[1], total_mb / ex[0],
                st[2] / 2**20, ex[2] / 2**20))
        (s1, e1), (s10, e10) = rows["1x"], rows["10x"]
        print("10x/1x: extract wall %.3f, CPU %.3f; extract minus startup %.3f; startup %.2f; RSS %.2f"
              % (e10[0] / e1[0], e10[1] / e1[1], (e10[0] - s10[0]) / (e1[0] - s1[0]),
                 s10[0] / s1[0], e10[2] / e1[2]))

        f1, _ = actors_found(jobs["extract-1x"][1])
        f10, n_synth = actors_found(jobs["extract-10x"][1])
        same = f1 == f10
        with open(jobs["extract-1x"][1], "rb") as a, open(jobs["extract-10x"][1], "rb") as b:
            identical = a.read() == b.read()
        print("same actors found: %s" % ("yes" if same else "no"))
        print("  (synthetic ids in the 10x output: %d; outputs byte-identical: %s)"
              % (n_synth, "yes" if identical else "no"))
        if not same:
            diff = [k for k in f1 if f1.get(k) != f10.get(k)]
            print("  articles that differ: %d, e.g. %s" % (len(diff), diff[:5]))
        print()

        print("startup by KB size (an input without articles):")
        print("%-4s %7s %11s %9s %25s" % ("KB", "actors", "startup ms", "RSS MB", "ms per 1000 actors added"))
        prev = None
        for mult in (1, 2, 5, 10):
            w, _, rss = res["start-%d" % mult]
            step = "" if prev is None else "%.1f" % ((w - prev[1]) * 1e6 / ((mult - prev[0]) * n_real))
            print("%-4s %7d %11.1f %9.1f %25s" % ("%dx" % mult, mult * n_real, w * 1e3, rss / 2**20, step))
            prev = (mult, w)
        print()

        st10 = s10[0]
        print("linearity, 10x KB (the first records of the corpus; 2x = the corpus given twice);"
              " 1x: the same with the built-in KB:")
        print("%-5s %8s %8s %8s %7s %9s %14s %8s %7s %8s %7s" % (
            "part", "records", "text MB", "wall s", "CPU s", "wall s/MB", "(- startup)/MB",
            "CPU s/MB", "RSS MB", "1x s/MB", "10x/1x"))
        for label, k, mb in parts:
            w, c, rss = res["part-" + label]
            w1 = res["part1x-" + label][0]
            print("%-5s %8d %8.2f %8.3f %7.3f %9.4f %14.4f %8.4f %7.1f %8.4f %7.3f" % (
                label, k, mb, w, c, w / mb, (w - st10) / mb, c / mb, rss / 2**20, w1 / mb, w / w1))
    finally:
        if args.keep:
            print("\nkept %s" % tmp)
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
