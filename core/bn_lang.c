#include "bn_lang.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bn_data.h"

void bn_lang_free(bn_lang *lang)
{
    if (!lang)
        return;
    for (size_t i = 0; i < lang->ntriggers; i++)
        free(lang->triggers[i].phrase);
    free(lang->triggers);
    bn_phrases_free(lang->trigger_matcher);
    bn_phrases_free(lang->modality_matcher);
    bn_phrases_free(lang->force_words);
    bn_phrases_free(lang->counterpart_words);
    bn_phrases_free(lang->conflict_words);
    bn_phrases_free(lang->event_words);
    bn_phrases_free(lang->actor_words);
    bn_phrases_free(lang->visit_words);
    bn_date_rules_free(lang->dates);
    bn_phrases_free(lang->dateline_words);
    bn_phrases_free(lang->page_cues);
    bn_phrases_free(lang->page_suffixes);
    bn_phrases_free(lang->page_inline);
    bn_glue_free(lang->glue);
    free(lang);
}

typedef struct add_ctx {
    bn_phrases *p;
    int payload;
    unsigned flags;
} add_ctx;

static bn_status add_phrase(void *vctx, const char *s)
{
    add_ctx *c = vctx;
    return bn_phrases_add(c->p, s, c->payload, c->flags);
}

/* Adds the string lists of `obj` (the member `base` of the root, or the
 * root when `base` is "") named by `keys` with payloads `values`. */
static bn_status add_lists(bn_phrases *p, const json_t *obj, const char *base, const char *const *keys,
                           const int *values, size_t n, const char *path, bn_error *err)
{
    for (size_t i = 0; i < n; i++) {
        add_ctx c = {p, values[i], 0};
        char where[128];
        snprintf(where, sizeof where, "%s%s%s", base, *base ? "/" : "", keys[i]);
        bn_status st = bn_json_each_string(json_object_get(obj, keys[i]), add_phrase, &c, path,
                                           keys[i], where, err);
        if (st != BN_OK)
            return st;
    }
    return bn_phrases_compile(p);
}

static bn_status load_events(bn_lang *lang, const char *path, bn_error *err)
{
    json_t *root;
    bn_status st = bn_json_load_file(path, &root, err);
    if (st != BN_OK)
        return st;
    const json_t *trig = json_object_get(root, "triggers");
    if (!json_is_array(trig)) {
        bn_json_free(root);
        bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "expected a \"triggers\" list");
        bn_json_error_place(err, path, "triggers");
        return BN_ERR_DATA;
    }
    lang->triggers = calloc(json_array_size(trig) + 1, sizeof *lang->triggers);
    lang->trigger_matcher = bn_phrases_new();
    lang->modality_matcher = bn_phrases_new();
    if (!lang->triggers || !lang->trigger_matcher || !lang->modality_matcher) {
        bn_json_free(root);
        return BN_ERR_NOMEM;
    }
    size_t i;
    const json_t *o;
    json_array_foreach(trig, i, o) {
        const char *phrase = json_string_value(json_object_get(o, "phrase"));
        const char *type = json_string_value(json_object_get(o, "type"));
        const char *cameo = json_string_value(json_object_get(o, "cameo"));
        const json_t *g = json_object_get(o, "goldstein");
        bn_trigger *t = &lang->triggers[lang->ntriggers];
        if (!phrase || !type || !bn_event_type_parse(type, &t->type) || !cameo ||
            strlen(cameo) >= sizeof t->cameo || !json_is_number(g)) {
            bn_json_free(root);
            char where[64];
            snprintf(where, sizeof where, "triggers/%zu", i);
            bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0,
                         "trigger %zu: needs \"phrase\", a known \"type\", \"cameo\" and \"goldstein\"", i);
            bn_json_error_place(err, path, where);
            return BN_ERR_DATA;
        }
        if (!bn_event_type_cameo_fits(t->type, cameo)) {
            char where[64];
            snprintf(where, sizeof where, "triggers/%zu/cameo", i);
            /* the message first: `cameo` and `type` are root's */
            bn_error_set(err, BN_ERR_DATA, path, 0, 0, 0, "trigger %zu: CAMEO code \"%s\" is not of type %s (%s)", i,
                         cameo, type, bn_event_type_record_of(t->type)->cameo_roots);
            bn_json_free(root);
            bn_json_error_place(err, path, where);
            return BN_ERR_DATA;
        }
        t->phrase = strdup(phrase);
        if (!t->phrase) {
            bn_json_free(root);
            return BN_ERR_NOMEM;
        }
        snprintf(t->cameo, sizeof t->cameo, "%s", cameo);
        t->goldstein = json_number_value(g);
        t->enacts = json_is_true(json_object_get(o, "enacts"));
        t->presents = json_is_true(json_object_get(o, "presents"));
        t->deploys = json_is_true(json_object_get(o, "deploys"));
        st = bn_phrases_add(lang->trigger_matcher, phrase, (int)lang->ntriggers, 0);
        lang->ntriggers++;
        if (st != BN_OK) {
            bn_json_free(root);
            return st;
        }
    }
    /* phrases holding a trigger word that report no event ("dẫn lời",
     * "lời kêu gọi"): payload -1, the longest match wins */
    add_ctx nt = {lang->trigger_matcher, -1, 0};
    st = bn_json_each_string(json_object_get(root, "not_triggers"), add_phrase, &nt, path, "not_triggers",
                             "not_triggers", err);
    if (st == BN_OK)
        st = bn_phrases_compile(lang->trigger_matcher);
    static const char *const ckeys[] = {"clause_words",  "noun_markers", "light_verbs",  "noun_after",
                                        "generic_words", "topic_words", "reversal_words",  "undated_words", "caption_credits",
                                        "passive_words", "setting_words", "document_words", "content_words", "coordinators", "since_words",
                                        "purpose_words", "year_nouns", "since_year_words", "compare_words"};
    static const int cvals[] = {BN_EW_CLAUSE,  BN_EW_NOUN,    BN_EW_LIGHT,   BN_EW_NOUN_AFTER,
                                BN_EW_GENERIC, BN_EW_GENERIC, BN_EW_GENERIC, BN_EW_UNDATED, BN_EW_CAPTION,
                                BN_EW_PASSIVE, BN_EW_SETTING, BN_EW_DOCUMENT, BN_EW_CONTENT, BN_EW_AND, BN_EW_SINCE,
                                BN_EW_PURPOSE, BN_EW_YEAR_NOUN, BN_EW_SINCE_YEAR, BN_EW_COMPARE};
    lang->event_words = bn_phrases_new();
    if (st == BN_OK)
        st = lang->event_words ? add_lists(lang->event_words, root, "", ckeys, cvals, sizeof cvals / sizeof cvals[0], path, err) : BN_ERR_NOMEM;
    /* "asserted": compounds holding a modality word that are none
     * ("máy bay không người lái"), matched longest first */
    static const char *const mkeys[] = {"planned", "negated", "hypothetical", "asserted", "conditional"};
    static const int mvals[] = {BN_MOD_PLANNED, BN_MOD_NEGATED, BN_MOD_HYPOTHETICAL, BN_MOD_ASSERTED,
                                BN_MOD_CONDITIONAL};
    if (st == BN_OK)
        st = add_lists(lang->modality_matcher, json_object_get(root, "modality"), "modality", mkeys, mvals, 5,
                       path, err);
    /* what a deploying verb must move to be an act */
    static const char *const fkeys[] = {"force_words", "force_counters", "force_results"};
    static const int fvals[] = {1, 2, 3};
    if (st == BN_OK)
        st = (lang->force_words = bn_phrases_new()) ? add_lists(lang->force_words, root, "", fkeys, fvals, 3, path, err)
                                                    : BN_ERR_NOMEM;
    /* "hội đàm với ...": who the other side of a meeting is */
    static const char *const pkeys[] = {"counterpart_words"};
    static const int pvals[] = {1};
    if (st == BN_OK)
        st = (lang->counterpart_words = bn_phrases_new())
                 ? add_lists(lang->counterpart_words, root, "", pkeys, pvals, 1, path, err)
                 : BN_ERR_NOMEM;
    /* "giao tranh": fighting, the cue of a war's episode (KB events of
     * kind "war") */
    static const char *const wkeys[] = {"conflict_words"};
    if (st == BN_OK)
        st = (lang->conflict_words = bn_phrases_new())
                 ? add_lists(lang->conflict_words, root, "", wkeys, pvals, 1, path, err)
                 : BN_ERR_NOMEM;
    bn_json_free(root);
    return st;
}

static bn_status load_lists(bn_phrases **out, const char *path, const char *const *keys,
                            const int *values, size_t n, bn_error *err)
{
    json_t *root;
    bn_status st = bn_json_load_file(path, &root, err);
    if (st != BN_OK)
        return st;
    *out = bn_phrases_new();
    st = *out ? add_lists(*out, root, "", keys, values, n, path, err) : BN_ERR_NOMEM;
    bn_json_free(root);
    return st;
}

/* data/lang/<code>/language.json: the code it claims and its ICU locale. */
static bn_status load_language(bn_lang *lang, const char *path, const char *code, bn_error *err)
{
    json_t *root;
    bn_status st = bn_json_load_file(path, &root, err);
    if (st != BN_OK)
        return st;
    const char *claimed = json_string_value(json_object_get(root, "code"));
    const char *locale = json_string_value(json_object_get(root, "icu_locale"));
    if (!claimed || strcmp(claimed, code) != 0 || !locale || !*locale || strlen(locale) >= sizeof lang->locale) {
        bn_json_free(root);
        return bn_error_set(err, BN_ERR_DATA, path, 1, 1, 0,
                            "expected \"code\": \"%s\" and an \"icu_locale\" (at most %zu bytes)", code,
                            sizeof lang->locale - 1);
    }
    snprintf(lang->code, sizeof lang->code, "%s", code);
    snprintf(lang->locale, sizeof lang->locale, "%s", locale);
    bn_json_free(root);
    return BN_OK;
}

_Static_assert(sizeof((bn_lang *)0)->code == BN_LANG_CODE_MAX, "a language code fits bn_lang.code");

bn_status bn_lang_load(bn_lang **out, const char *datadir, const char *code, bn_error *err)
{
    char path[4096];
    if (!bn_lang_code_valid(code))
        return bn_error_set(err, BN_ERR_DATA, code, 0, 0, 0,
                            "a language code is letters, digits and '-', at most 15 (data/lang/<code>/)");
    bn_lang *lang = calloc(1, sizeof *lang);
    if (!lang)
        return BN_ERR_NOMEM;
    snprintf(path, sizeof path, "%s/lang/%s/language.json", datadir, code);
    bn_status st = load_language(lang, path, code, err);
    if (st == BN_OK) {
        snprintf(path, sizeof path, "%s/lang/%s/events.json", datadir, code);
        st = load_events(lang, path, err);
    }
    if (st == BN_OK) {
        snprintf(path, sizeof path, "%s/lang/%s/dates.json", datadir, code);
        st = bn_date_rules_load(&lang->dates, path, err);
    }
    if (st == BN_OK) {
        static const char *const keys[] = {"dateline_words"};
        static const int vals[] = {BN_DW_DATELINE};
        st = load_lists(&lang->dateline_words, path, keys, vals, 1, err);
    }
    if (st == BN_OK) {
        static const char *const keys[] = {"list_headings", "widgets", "breadcrumbs", "end_markers"};
        static const int vals[] = {BN_CUE_LIST_HEADING, BN_CUE_WIDGET, BN_CUE_BREADCRUMB, BN_CUE_END};
        snprintf(path, sizeof path, "%s/lang/%s/page.json", datadir, code);
        st = load_lists(&lang->page_cues, path, keys, vals, 4, err);
    }
    if (st == BN_OK) {
        static const char *const keys[] = {"end_suffixes", "abbreviations"};
        static const int vals[] = {BN_CUE_END_SUFFIX, BN_CUE_ABBREVIATION};
        snprintf(path, sizeof path, "%s/lang/%s/page.json", datadir, code);
        st = load_lists(&lang->page_suffixes, path, keys, vals, 2, err);
    }
    if (st == BN_OK) {
        /* cues inside a line; their words may be parted by punctuation
         * ("Nguồn: [Link nguồn]") */
        static const char *const keys[] = {"inline_end", "furniture_phrases", "credit_markers", "inline_headings"};
        static const int vals[] = {BN_CUE_INLINE_END, BN_CUE_FURNITURE, BN_CUE_CREDIT, BN_CUE_LIST_HEADING};
        json_t *root;
        st = bn_json_load_file(path, &root, err);
        lang->page_inline = st == BN_OK ? bn_phrases_new() : NULL;
        if (st == BN_OK && !lang->page_inline)
            st = BN_ERR_NOMEM;
        for (size_t i = 0; i < 4 && st == BN_OK; i++) {
            add_ctx c = {lang->page_inline, vals[i], BN_PHRASE_PUNCT};
            st = bn_json_each_string(json_object_get(root, keys[i]), add_phrase, &c, path, keys[i], keys[i], err);
        }
        if (st == BN_OK)
            st = bn_phrases_compile(lang->page_inline);
        if (st == BN_OK)
            st = bn_glue_load(&lang->glue, root, path, err);
        bn_json_free(root);
    }
    if (st == BN_OK) {
        static const char *const keys[] = {"not_actors", "gathering_words", "location_words", "place_nouns",
                                           "honorifics", "titles", "anaphora_organization", "anaphora_country",
                                           "organization_words", "media", "named_for_places", "anaphora_person",
                                           "object_words"};
        static const int vals[] = {BN_AW_NOT_ACTOR, BN_AW_GATHERING, BN_AW_LOCATION, BN_AW_PLACE_NOUN,
                                   BN_AW_HONORIFIC, BN_AW_TITLE, BN_AW_ANAPHOR_ORG, BN_AW_ANAPHOR_COUNTRY,
                                   BN_AW_ORG_WORD, BN_AW_MEDIA, BN_AW_NAMED_FOR_PLACE, BN_AW_ANAPHOR_PERSON,
                                   BN_AW_OBJECT_WORD};
        snprintf(path, sizeof path, "%s/lang/%s/actors.json", datadir, code);
        st = load_lists(&lang->actor_words, path, keys, vals, 13, err);
    }
    if (st == BN_OK) {
        /* "thăm Trung Quốc": a visit, the cue of a leader's visit of the
         * knowledge base; its own list, as the actors' pass never reads it */
        static const char *const keys[] = {"visit_words", "not_visit_words", "invitation_words", "visit_place_words"};
        static const int vals[] = {1, 2, 3, 4};
        st = load_lists(&lang->visit_words, path, keys, vals, 4, err);
    }
    if (st != BN_OK) {
        bn_lang_free(lang);
        return st;
    }
    *out = lang;
    return BN_OK;
}
