/* The knowledge base of actors (the .json files of data/kb/, format in docs/formats.md)
 * and its compiled matchers: names, and the titles of offices people held
 * ("Tổng thư ký NATO"), with their dates. */
#ifndef BN_KB_H
#define BN_KB_H

#include <stddef.h>

#include "bn_error.h"
#include "bn_fuzzy.h"
#include "bn_model.h"
#include "bn_phrase.h"

/* An office a person held: "Tổng thư ký" of "nato" from 2014-10-01. */
typedef struct bn_kb_role {
    char *org;       /* an actor id */
    char *title;     /* Vietnamese, as the press writes it */
    long from, to;   /* days since 1970-01-01; to = LONG_MAX while in office */
} bn_kb_role;

/* An actor's name in one language: "names": {"vi": "Nga"} of its file. */
typedef struct bn_kb_name {
    char code[16];   /* a language code (data/lang/<code>/, bn_lang_code_valid) */
    char *name;
} bn_kb_name;

typedef struct bn_kb_actor {
    char *id;
    char *name;      /* canonical, English */
    bn_kb_name *names; /* in the languages the file gives ("names", or the old "name_vi") */
    size_t nlangs;
    bn_actor_kind kind;
    char **forms;    /* every name the matcher knows it by */
    size_t nforms;
    size_t nnames;   /* forms[0, nnames): its names; the rest: metonyms ("Moskva", "Điện Kremlin") */
    bn_kb_role *roles;
    size_t nroles;
    char *nationality;
    char **parties;  /* a body of two sides ("Hội đồng NATO-Nga"): the sides, who act when it does */
    size_t nparties;
} bn_kb_actor;

typedef struct bn_kb bn_kb;

bn_kb *bn_kb_new(void);
void bn_kb_free(bn_kb *kb);

/* Loads a file (its "actors", its "events" or both); an actor or gathering
 * whose id is already known replaces the old entry, so a user's file loaded
 * after the built-in one extends and overrides it. */
bn_status bn_kb_load(bn_kb *kb, const char *path, bn_error *err);

/* Loads every *.json of a directory, in name order. */
bn_status bn_kb_load_dir(bn_kb *kb, const char *dir, bn_error *err);

/* Builds the matcher; call after the last load. */
bn_status bn_kb_compile(bn_kb *kb);

/* The name of `a` in the language `code` ("vi"), or its canonical name
 * when the knowledge base has none in that language. */
const char *bn_kb_actor_name(const bn_kb_actor *a, const char *code);

size_t bn_kb_count(const bn_kb *kb);
const bn_kb_actor *bn_kb_get(const bn_kb *kb, size_t i);
/* Index of the actor with this id, or -1. */
long bn_kb_find(const bn_kb *kb, const char *id);
/* Payloads are actor indices. */
const bn_phrases *bn_kb_matcher(const bn_kb *kb);
/* The metonyms alone ("Moskva", "Minsk"), for names of agreements and
 * summits ("thỏa thuận Minsk"); payloads are actor indices. */
const bn_phrases *bn_kb_metonyms(const bn_kb *kb);
/* The same names, for misspellings ("Zelenksy"); payloads are actor indices. */
const bn_fuzzy *bn_kb_fuzzy(const bn_kb *kb);

/* What a phrase of a compiled index stands for: for a title, role `sub` of
 * actor `item`; for a place, gathering `item`. */
typedef struct bn_kb_ref {
    size_t item;
    size_t sub;
} bn_kb_ref;

/* Titles of offices, with and without their organisation ("Tổng thư ký
 * NATO", "Tổng thư ký"); payloads index bn_kb_title(). */
const bn_phrases *bn_kb_titles(const bn_kb *kb);

/* The roles a title payload stands for (a title may be several people's:
 * every Secretary General's). */
const bn_kb_ref *bn_kb_title(const bn_kb *kb, int payload, size_t *count);

/* A dated gathering from the public record: a summit, a ministerial
 * meeting, a conference ("events" of a knowledge-base file). */
typedef struct bn_kb_gathering {
    char *id;
    char *name;
    char *org;      /* an actor id: the organiser */
    char *kind;     /* "summit", "ministerial-foreign" …; "" when not given */
    char **places;  /* the city and the country, as the press writes them */
    size_t nplaces;
    char **names;   /* what the press calls one sitting of a series, with no
                     * place ("Thông điệp Liên bang"); may be none */
    size_t nnames;
    long from, to;  /* days since 1970-01-01, inclusive; of an era
                     * (kind "era": "chiến dịch quân sự đặc biệt", "32
                     * nước thành viên NATO"), when a page naming it can
                     * be written, to = LONG_MAX while it lasts */
    int first_day;  /* of an era: its first day is an act the press dates
                     * ("Ngày 24/2, Nga tuyên bố mở chiến dịch quân sự
                     * đặc biệt"), a day the sentence names on it is it */
} bn_kb_gathering;

size_t bn_kb_gathering_count(const bn_kb *kb);
const bn_kb_gathering *bn_kb_gathering_get(const bn_kb *kb, size_t i);

/* The places gatherings were held ("Vilnius", "Thổ Nhĩ Kỳ"); payloads
 * index bn_kb_place(). */
const bn_phrases *bn_kb_places(const bn_kb *kb);
/* The gatherings held at a place payload. */
const bn_kb_ref *bn_kb_place(const bn_kb *kb, int payload, size_t *count);

/* The names of sittings of a series ("Thông điệp Liên bang"); payloads
 * index bn_kb_named(). */
const bn_phrases *bn_kb_gathering_names(const bn_kb *kb);
/* The gatherings a name payload may be. */
const bn_kb_ref *bn_kb_named(const bn_kb *kb, int payload, size_t *count);

#endif
