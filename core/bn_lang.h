/* Language resources of one language (data/lang/<code>/): event triggers
 * with their type, CAMEO code and Goldstein value; modality cues; date
 * words; page boilerplate cues.  Compiled once, read-only after, shared by
 * all threads. */
#ifndef BN_LANG_H
#define BN_LANG_H

#include <stddef.h>

#include "bn_date_rules.h"
#include "bn_error.h"
#include "bn_glue.h"
#include "bn_model.h"
#include "bn_phrase.h"

typedef struct bn_trigger {
    char *phrase;
    bn_event_type type;
    char cameo[8];
    double goldstein;
    int enacts;   /* signs or approves: a sanction or aid named right after it is
                   * what is done ("ký sắc lệnh trừng phạt" is a sanction) */
    int presents; /* publishes: likewise, and a proposal, demand … named as a
                   * noun after it ("công bố hai bản dự thảo" is a proposal) */
    int deploys;  /* moves forces: an act only with a force named right after
                   * it ("điều hai tàu chiến", not "điều này") */
} bn_trigger;

/* Payload of the words of a page's date line: thứ hai, GMT, cập nhật. */
enum { BN_DW_DATELINE = 1 };

/* What a page cue marks. */
typedef enum bn_page_cue {
    BN_CUE_LIST_HEADING,  /* "Tin liên quan": a list of other articles follows */
    BN_CUE_WIDGET,        /* "Theo dõi ... trên", "Phiên bản di động": a short line to drop */
    BN_CUE_BREADCRUMB,    /* "Trang chủ": a navigation trail, whatever its length */
    BN_CUE_END,           /* "Nguồn:", "(theo Reuters)": the article ends here */
    BN_CUE_END_SUFFIX,    /* "Q.C (tổng hợp)": ends a short closing line */
    BN_CUE_ABBREVIATION,  /* "TP.", "GS.": a full stop that ends no sentence */
    BN_CUE_CREDIT,        /* "Ảnh", "Nguồn" before a colon: a photo credit, anywhere in a line */
    BN_CUE_FURNITURE,     /* "Lưu bài viết thành công": site furniture, anywhere in a line */
    BN_CUE_INLINE_END,    /* "Nguồn: [Link nguồn]": the article ends, anywhere in a line */
} bn_page_cue;

/* What a word around actor names is (data/lang/<code>/actors.json). */
typedef enum bn_actor_word {
    BN_AW_GATHERING = 1,  /* "hội nghị thượng đỉnh": names a gathering */
    BN_AW_LOCATION,       /* "tại", "ở": a place follows */
    BN_AW_PLACE_NOUN,     /* "thủ đô", "thành phố": before a place's name */
    BN_AW_HONORIFIC,      /* "ông", "bà", "tướng": a person's name follows */
    BN_AW_TITLE,          /* "Người phát ngôn", "Đại sứ": an office */
    BN_AW_ANAPHOR_ORG,    /* "liên minh này": the organisation named last */
    BN_AW_ANAPHOR_COUNTRY,/* "nước này": the country named last */
    BN_AW_ANAPHOR_PERSON, /* "ông ấy": the person named last (not as an object, if one was) */
    BN_AW_OBJECT_WORD,    /* "với", "gặp": a person named right after it is an object, not whom "ông" stands for */
    BN_AW_NOT_ACTOR,      /* "tiếng Anh", "Washington Post": a name that is no actor here */
    BN_AW_ORG_WORD,       /* "Ủy ban", "Bộ": begins the name of a body, never of a person */
    BN_AW_MEDIA,          /* "Reuters", "Tân Hoa Xã": a news outlet, a source, not an actor */
    BN_AW_NAMED_FOR_PLACE,/* "thỏa thuận", "hiệp định": a place after it names it ("thỏa thuận Minsk") */
} bn_actor_word;

/* Payload of a modality word that opens a condition ("nếu"): its clause,
 * and the clause after it, are hypothetical. */
enum { BN_MOD_CONDITIONAL = 16 };

/* What a word around triggers is (data/lang/<code>/events.json). */
typedef enum bn_event_word {
    BN_EW_CLAUSE = 1,  /* "rằng", "trong khi": a clause begins */
    BN_EW_NOUN,        /* "những", "mối": the verb after it is a noun ("những đề xuất") */
    BN_EW_LIGHT,       /* "đưa ra": makes the noun after it an act ("đưa ra các yêu cầu") */
    BN_EW_NOUN_AFTER,  /* "của": the verb before it is a noun ("yêu cầu của Nga") */
    BN_EW_GENERIC,     /* "bất kỳ": the trigger after it is no event */
    BN_EW_UNDATED,     /* "trước đó", "thường": not at the publication date */
    BN_EW_CAPTION,     /* "Nguồn", "Ảnh" before a colon: a photo caption */
    BN_EW_PASSIVE,     /* "được", "bị": the actors before the trigger after it are its targets */
    BN_EW_SETTING,     /* "bên lề", "trong": a gathering right after it is where something happens */
    BN_EW_DOCUMENT,    /* "sắc lệnh", "gói": what an enacting verb signs ("ký sắc lệnh trừng phạt") */
    BN_EW_CONTENT,     /* "rằng": a clause begins that is what a speech verb before it says */
    BN_EW_AND,         /* "và": a trigger right after it is a second act of its clause's subject */
    BN_EW_SINCE,       /* "kể từ": the date after it is a point counted from, no event's date */
    BN_EW_YEAR_NOUN,   /* "bầu cử", "công ước": a year right after it names it ("bầu cử năm 2020"), no event's date */
    BN_EW_SINCE_YEAR,  /* "từ": before a year and a comma ("Từ năm 2014, ..."), a point counted from */
    BN_EW_PURPOSE,     /* "nhằm", "để": a clause begins that is what an act is for; a trigger right after it is no event */
    BN_EW_COMPARE,     /* "so với": the date right after it is a point compared with, no event's date */
} bn_event_word;

typedef struct bn_lang {
    char code[16];                 /* "vi": the folder data/lang/<code>/ */
    char locale[32];               /* ICU locale of its sentence breaks (language.json) */
    bn_trigger *triggers;
    size_t ntriggers;
    bn_phrases *trigger_matcher;   /* payload: trigger index; -1: not a trigger ("dẫn lời") */
    bn_phrases *event_words;       /* payload: bn_event_word */
    bn_phrases *modality_matcher;  /* payload: bn_modality */
    bn_phrases *force_words;       /* payload: 1 a force ("tàu chiến"), 2 a word between a deploying verb and it ("thêm"),
                                    * 3 a word after it that makes the verb no move ("thành") */
    bn_phrases *counterpart_words; /* payload 1: "với", the actor after it is the other side of a meeting before it */
    bn_phrases *conflict_words;    /* payload 1: "giao tranh", fighting: cues a war's episode at a place */
    bn_date_rules *dates;          /* time expressions */
    bn_phrases *dateline_words;    /* payload: BN_DW_DATELINE */
    bn_phrases *page_cues;         /* payload: bn_page_cue, matched at a line's start */
    bn_phrases *page_suffixes;     /* payload: bn_page_cue, matched at a line's or sentence's end */
    bn_phrases *page_inline;       /* payload: bn_page_cue, matched inside a line: where it is cut */
    bn_glue *glue;                 /* words glued by a scraper, cut apart (NULL: none) */
    bn_phrases *actor_words;       /* payload: bn_actor_word */
    bn_phrases *visit_words;       /* payload 1: "chuyến thăm", a leader's visit (KB events of kind "visit");
                                    * 2: "thăm dò", "lời mời", a phrase holding a word of 1 or 3 that is neither;
                                    * 3: "mời", an invitation: a visit after it in its clause is one to come;
                                    * 4: "tới", "tại": the place visited follows */
} bn_lang;

/* Loads data/lang/<code>/{language,events,dates,page,actors}.json under
 * `datadir`.  `code` is letters, digits and '-' (else BN_ERR_DATA). */
bn_status bn_lang_load(bn_lang **out, const char *datadir, const char *code, bn_error *err);
void bn_lang_free(bn_lang *lang);

#endif
