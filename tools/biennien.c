/* biennien: the command line.  Parses arguments and wires the library's
 * stages together; all the work is in libbiennien. */
#include <errno.h>
#include <getopt.h>
#include <malloc.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bn_arena.h"
#include "bn_config.h"
#include "bn_data.h"
#include "bn_extract.h"
#include "bn_filter.h"
#include "bn_input.h"
#include "bn_json.h"
#include "bn_kb.h"
#include "bn_labels.h"
#include "bn_lang.h"
#include "bn_messages.h"
#include "bn_network.h"
#include "bn_outfile.h"
#include "bn_outputs.h"
#include "bn_pipeline.h"
#include "bn_timeline.h"

enum { EXIT_INPUT = 1, EXIT_USAGE = 2, EXIT_NOTHING_READ = 2 };

typedef struct options {
    const char *outdir;
    bn_date dct;
    int saved_given; /* --saved */
    bn_date saved;
    const char *datadir;
    const char *lang;     /* --lang: data/lang/<code>/, "vi" by default */
    const char **kb_files;
    size_t nkb;
    int lenient;
    int quiet;
    bn_output_options out;
    int jobs;      /* threads that extract, this one among them; 0: the number of CPUs */
    size_t max_article_bytes; /* 0: the default */
    int progress;  /* 1: --progress, -1: --quiet, 0: when stderr is a terminal */
    const char **actors; /* --actor, repeatable */
    size_t nactors;
    bn_filter filter;
    char **inputs;
    size_t ninputs;
    const char *log; /* --log FILE: every message about an input or article */
} options;

static void report(const bn_error *err)
{
    char buf[1200];
    bn_error_format(err, buf, sizeof buf);
    fprintf(stderr, "biennien: %s\n", buf);
}

/* An error about an input or record: also in the log. */
static void report_input(bn_messages *m, const bn_error *err)
{
    char buf[1200];
    bn_error_format(err, buf, sizeof buf);
    bn_messages_error(m, buf);
}

static const char *const usage_main =
    "usage: biennien COMMAND [OPTIONS] ...\n"
    "\n"
    "Builds a dated timeline of events and an actor network from Vietnamese news.\n"
    "\n"
    "commands:\n"
    "  build [OPTIONS] INPUT... -o OUTDIR   read articles, extract, resolve, write all outputs\n"
    "  extract [OPTIONS] INPUT...           per-article extraction, JSON Lines on stdout\n"
    "  merge [OPTIONS] FILE.jsonl... -o OUTDIR  resolve and render from extract output\n"
    "\n"
    "  biennien COMMAND --help   options of a command\n"
    "  biennien --version\n";

static const char *const usage_build =
    "usage: biennien build [OPTIONS] INPUT... -o OUTDIR\n"
    "\n"
    "Reads articles, extracts events, resolves them across articles and writes\n"
    "into OUTDIR the outputs of --format (below).\n";

static const char *const usage_extract =
    "usage: biennien extract [OPTIONS] INPUT...\n"
    "\n"
    "Extracts each article on its own and prints one JSON object per article per\n"
    "line (JSON Lines) on stdout, for `biennien merge`.\n";

static const char *const usage_merge =
    "usage: biennien merge [OPTIONS] FILE.jsonl... -o OUTDIR\n"
    "\n"
    "Resolves and renders the output of `biennien extract` (\"-\" reads stdin);\n"
    "`extract | merge` gives the same timeline.json as `build`.\n";

static const char *const usage_inputs =
    "\n"
    "INPUT is a file, a directory (walked recursively for *.txt and *.jsonl) or -\n"
    "for stdin.  A .jsonl file holds one article per line: {\"id\", \"url\", \"date\",\n"
    "\"title\", \"text\"}, only \"text\" required; \"date\" is the publication date.\n";

static const char *const usage_options =
    "\n"
    "options:\n"
    "  -o, --output DIR     output directory (build, merge)\n"
    "      --dct DATE       publication date (YYYY-MM-DD) of inputs that have none\n"
    "      --saved DATE     no input article was written after DATE (default: each\n"
    "                       file's modification day, today for stdin; 'none': no\n"
    "                       such bound); used only to date articles without a DCT\n"
    "      --kb FILE        more actors, merged over the built-in knowledge base\n"
    "      --lenient        replace invalid UTF-8 by U+FFFD instead of skipping\n"
    "      --max-article-bytes N  skip, unread, a text file or record longer than N\n"
    "                       bytes (default 67108864, 64 MiB)\n"
    "      --data-dir DIR   data directory (default: the installed one, or the\n"
    "                       source tree's when run from the build tree)\n"
    "      --lang CODE      language of the articles: DATA/lang/CODE/ (default vi)\n"
    "      --format LIST    outputs to write (build, merge), comma-separated, of:\n";

/* The options after --format: print_formats() writes the list of formats
 * between usage_options and these. */
static const char *const usage_options_rest =
    "      --lanes N        swimlanes of timeline.svg: the N actors with most events\n"
    "                       (default 6), the rest in one more lane\n"
    "      --vertical       timeline.svg with time running down\n"
    "      --bin UNIT       timeline.svg columns: day, week or month (default: days\n"
    "                       while there are at most 40, else weeks, else months)\n"
    "      --layout NAME    graph.svg layout: neato, sfdp, fdp, circo, dot (default:\n"
    "                       neato up to 60 actors, else sfdp)\n"
    "      --max-actors N   graph.svg draws at most N actors: those with most\n"
    "                       PageRank that have relations among them (default 60;\n"
    "                       graph.graphml keeps them all)\n"
    "      --actor NAME     only events that name this actor (id or name, any case,\n"
    "                       diacritics optional); repeat for more (build, merge)\n"
    "      --since DATE     only events on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)\n"
    "      --until DATE     only events on or before DATE; either drops dates\n"
    "                       without a year\n"
    "      --min-confidence X  only events of confidence X (0 to 1) or more\n"
    "  -j, --jobs N         extract on N threads (default: the number of CPUs);\n"
    "                       the output is the same for any N\n"
    "      --progress       a progress line on stderr even when it is not a terminal\n"
    "                       (by default: only on a terminal)\n"
    "      --log FILE       write every message about an input or an article to FILE,\n"
    "                       one per line (on the terminal, a warning that many\n"
    "                       articles share is one line with their number)\n"
    "  -q, --quiet          print nothing but errors (no progress either)\n"
    "  -h, --help           this help\n"
    "      --version        the version\n"
    "\n"
    "exit status: 0 all inputs processed; 1 some input could not be read or was\n"
    "invalid (each named on stderr, the rest processed and written); 2 usage error,\n"
    "or not one article could be read (build, merge: nothing written, the old\n"
    "outputs left as they were).\n";

/* --format's part of the help, from the table: each format with its
 * files, then the default ones, in lines of at most 80 columns. */
static void print_formats(void)
{
    enum { INDENT = 23, WIDTH = 80 };
    size_t n, col = 0;
    const bn_output_format *f = bn_output_formats(&n);
    char item[256], def[256] = "";
    size_t dlen = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = (size_t)snprintf(item, sizeof item, "%s (", f[i].name);
        for (int k = 0; f[i].files[k] && len < sizeof item; k++)
            len += (size_t)snprintf(item + len, sizeof item - len, "%s%s", k ? ", " : "", f[i].files[k]);
        if (len < sizeof item)
            snprintf(item + len, sizeof item - len, ")%s", i + 1 < n ? "," : ";");
        if (f[i].by_default && dlen < sizeof def)
            dlen += (size_t)snprintf(def + dlen, sizeof def - dlen, "%s%s", dlen ? "," : "", f[i].name);
        if (col && col + 1 + strlen(item) > WIDTH) {
            putchar('\n');
            col = 0;
        }
        if (col)
            col += (size_t)printf(" %s", item);
        else
            col = (size_t)printf("%*s%s", INDENT, "", item);
    }
    if (col + strlen(" default ") + strlen(def) > WIDTH)
        printf("\n%*sdefault %s\n", INDENT, "", def);
    else
        printf(" default %s\n", def);
}

static void print_usage(const char *cmd)
{
    if (!cmd) {
        fputs(usage_main, stdout);
        return;
    }
    if (strcmp(cmd, "build") == 0)
        fputs(usage_build, stdout);
    else if (strcmp(cmd, "extract") == 0)
        fputs(usage_extract, stdout);
    else
        fputs(usage_merge, stdout);
    if (strcmp(cmd, "merge") != 0)
        fputs(usage_inputs, stdout);
    fputs(usage_options, stdout);
    print_formats();
    fputs(usage_options_rest, stdout);
}

/* "biennien: " and the message; `cmd` (NULL: none) names the command
 * whose --help to see. */
static int usage_error(const char *cmd, const char *fmt, const char *arg)
{
    fprintf(stderr, "biennien: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "; see 'biennien %s%s--help'\n", cmd ? cmd : "", cmd ? " " : "");
    return EXIT_USAGE;
}

enum { OPT_DCT = 256, OPT_KB, OPT_LENIENT, OPT_DATADIR, OPT_VERSION, OPT_FORMAT, OPT_ACTOR, OPT_SINCE, OPT_UNTIL,
       OPT_MINCONF, OPT_LANES, OPT_VERTICAL, OPT_BIN, OPT_LAYOUT, OPT_PROGRESS, OPT_MAXBYTES, OPT_LOG, OPT_MAXACTORS, OPT_LANG,
       OPT_SAVED };

static const struct option longopts[] = {
    {"output", required_argument, NULL, 'o'},
    {"dct", required_argument, NULL, OPT_DCT},
    {"saved", required_argument, NULL, OPT_SAVED},
    {"kb", required_argument, NULL, OPT_KB},
    {"lenient", no_argument, NULL, OPT_LENIENT},
    {"data-dir", required_argument, NULL, OPT_DATADIR},
    {"lang", required_argument, NULL, OPT_LANG},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"actor", required_argument, NULL, OPT_ACTOR},
    {"since", required_argument, NULL, OPT_SINCE},
    {"until", required_argument, NULL, OPT_UNTIL},
    {"min-confidence", required_argument, NULL, OPT_MINCONF},
    {"lanes", required_argument, NULL, OPT_LANES},
    {"vertical", no_argument, NULL, OPT_VERTICAL},
    {"bin", required_argument, NULL, OPT_BIN},
    {"layout", required_argument, NULL, OPT_LAYOUT},
    {"max-actors", required_argument, NULL, OPT_MAXACTORS},
    {"quiet", no_argument, NULL, 'q'},
    {"jobs", required_argument, NULL, 'j'},
    {"progress", no_argument, NULL, OPT_PROGRESS},
    {"max-article-bytes", required_argument, NULL, OPT_MAXBYTES},
    {"log", required_argument, NULL, OPT_LOG},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0},
};

/* What the readers of options below return when the command line goes
 * on; any value >= 0 is the exit status. */
enum { GO_ON = -1, NOT_MINE = -2 };

/* Whether `arg` is a whole number from lo to hi; into *n. */
static int read_number(const char *arg, long lo, long hi, long *n)
{
    char *end;
    *n = strtol(arg, &end, 10);
    return end != arg && !*end && *n >= lo && *n <= hi;
}

/* One more item of a repeatable option (--kb, --actor). */
static int append(const char ***list, size_t *n, const char *item)
{
    const char **v = realloc(*list, (*n + 1) * sizeof *v);
    if (!v)
        return -1;
    *list = v;
    v[(*n)++] = item;
    return 0;
}

/* What is read and how: --dct, --saved, --kb, --lenient, --data-dir, --lang,
 * --max-article-bytes. */
static int read_input_option(const char *cmd, int c, const char *arg, options *o)
{
    switch (c) {
    case OPT_DCT:
        if (!bn_date_parse_day(arg, &o->dct))
            return usage_error(cmd, "--dct wants a date YYYY-MM-DD, not '%s'", arg);
        return GO_ON;
    case OPT_SAVED:
        o->saved_given = 1;
        if (strcmp(arg, "none") == 0)
            o->saved = (bn_date){0};
        else if (!bn_date_parse_day(arg, &o->saved))
            return usage_error(cmd, "--saved wants a date YYYY-MM-DD or 'none', not '%s'", arg);
        return GO_ON;
    case OPT_KB:
        return append(&o->kb_files, &o->nkb, arg) == 0 ? GO_ON : EXIT_INPUT;
    case OPT_LENIENT:
        o->lenient = 1;
        return GO_ON;
    case OPT_DATADIR:
        o->datadir = arg;
        return GO_ON;
    case OPT_LANG:
        if (!bn_lang_code_valid(arg))
            return usage_error(cmd, "--lang wants a language code (letters, digits, '-'), not '%s'", arg);
        o->lang = arg;
        return GO_ON;
    case OPT_MAXBYTES: {
        char *end;
        unsigned long long n = strtoull(arg, &end, 10);
        if (end == arg || *end || n < 1024)
            return usage_error(cmd, "--max-article-bytes wants a number of bytes of at least 1024, not '%s'", arg);
        o->max_article_bytes = (size_t)n;
        return GO_ON;
    }
    default:
        return NOT_MINE;
    }
}

/* Where the outputs go and which: -o, --format. */
static int read_output_option(const char *cmd, int c, const char *arg, options *o)
{
    const char *bad;
    switch (c) {
    case 'o':
        o->outdir = arg;
        return GO_ON;
    case OPT_FORMAT:
        if (bn_formats_parse(arg, &o->out.formats, &bad) != 0 || !o->out.formats)
            return usage_error(cmd, "--format wants a comma-separated list of formats (see --help), not '%s'", arg);
        return GO_ON;
    default:
        return NOT_MINE;
    }
}

static int read_bin(const char *cmd, const char *arg, bn_bin *bin)
{
    if (strcmp(arg, "day") == 0)
        *bin = BN_BIN_DAY;
    else if (strcmp(arg, "week") == 0)
        *bin = BN_BIN_WEEK;
    else if (strcmp(arg, "month") == 0)
        *bin = BN_BIN_MONTH;
    else
        return usage_error(cmd, "--bin wants day, week or month, not '%s'", arg);
    return GO_ON;
}

static int read_layout(const char *cmd, const char *arg, const char **layout)
{
    static const char *const layouts[] = {"neato", "sfdp", "fdp", "circo", "dot", "twopi", NULL};
    size_t k;
    for (k = 0; layouts[k] && strcmp(layouts[k], arg) != 0; k++)
        ;
    if (!layouts[k])
        return usage_error(cmd, "--layout wants neato, sfdp, fdp, circo, dot or twopi, not '%s'", arg);
    *layout = layouts[k];
    return GO_ON;
}

/* How the pictures are drawn: --lanes, --vertical, --bin, --layout,
 * --max-actors. */
static int read_picture_option(const char *cmd, int c, const char *arg, options *o)
{
    long n;
    switch (c) {
    case OPT_LANES:
        if (!read_number(arg, 1, 50, &n))
            return usage_error(cmd, "--lanes wants a number from 1 to 50, not '%s'", arg);
        o->out.picture.lanes = (int)n;
        return GO_ON;
    case OPT_VERTICAL:
        o->out.picture.vertical = 1;
        return GO_ON;
    case OPT_BIN:
        return read_bin(cmd, arg, &o->out.picture.bin);
    case OPT_LAYOUT:
        return read_layout(cmd, arg, &o->out.picture.layout);
    case OPT_MAXACTORS:
        if (!read_number(arg, 1, 100000, &n))
            return usage_error(cmd, "--max-actors wants a number from 1 to 100000, not '%s'", arg);
        o->out.picture.max_actors = (int)n;
        return GO_ON;
    default:
        return NOT_MINE;
    }
}

/* Which events are kept: --actor, --since, --until, --min-confidence. */
static int read_filter_option(const char *cmd, int c, const char *arg, options *o)
{
    switch (c) {
    case OPT_ACTOR:
        return append(&o->actors, &o->nactors, arg) == 0 ? GO_ON : EXIT_INPUT;
    case OPT_SINCE:
    case OPT_UNTIL:
        if (!bn_filter_date_parse(arg, c == OPT_SINCE ? &o->filter.since : &o->filter.until))
            return usage_error(cmd, "--since and --until want YYYY, YYYY-MM or YYYY-MM-DD, not '%s'", arg);
        return GO_ON;
    case OPT_MINCONF: {
        char *end;
        double x = strtod(arg, &end);
        if (end == arg || *end || x < 0 || x > 1)
            return usage_error(cmd, "--min-confidence wants a number from 0 to 1, not '%s'", arg);
        o->filter.min_confidence = x;
        return GO_ON;
    }
    default:
        return NOT_MINE;
    }
}

/* How the run goes and what it says: -q, -j, --progress, --log, and
 * --help and --version, which end it. */
static int read_run_option(const char *cmd, int c, const char *arg, options *o)
{
    long n;
    switch (c) {
    case 'q':
        o->quiet = 1;
        return GO_ON;
    case 'j':
        if (!read_number(arg, 1, 256, &n))
            return usage_error(cmd, "-j wants a number of threads from 1 to 256, not '%s'", arg);
        o->jobs = (int)n;
        return GO_ON;
    case OPT_PROGRESS:
        o->progress = 1;
        return GO_ON;
    case OPT_LOG:
        o->log = arg;
        return GO_ON;
    case 'h':
        print_usage(cmd);
        return 0;
    case OPT_VERSION:
        printf("biennien %s\n", BN_VERSION);
        return 0;
    default:
        return NOT_MINE;
    }
}

/* One option as getopt_long returned it (`c`, optarg) into o. */
static int read_option(const char *cmd, int c, char **argv, options *o)
{
    static int (*const groups[])(const char *, int, const char *, options *) = {
        read_input_option, read_output_option, read_picture_option, read_filter_option, read_run_option,
    };
    if (c == ':')
        return usage_error(cmd, "option '%s' needs a value", argv[optind - 1]);
    for (size_t i = 0; i < sizeof groups / sizeof *groups; i++) {
        int st = groups[i](cmd, c, optarg, o);
        if (st != NOT_MINE)
            return st;
    }
    return usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
}

/* What an option not given means. */
static void set_defaults(options *o)
{
    o->filter.actors = o->actors;
    o->filter.nactors = o->nactors;
    if (!o->out.formats)
        o->out.formats = bn_formats_default();
    if (!o->lang)
        o->lang = "vi";
}

/* What the command needs beside its options: inputs, and for build and
 * merge an output directory. */
static int check_options(const char *cmd, const options *o)
{
    if (o->ninputs == 0)
        return usage_error(cmd, "%s", strcmp(cmd, "merge") == 0 ? "no FILE.jsonl given" : "no INPUT given");
    if (strcmp(cmd, "extract") != 0 && !o->outdir)
        return usage_error(cmd, "%s", "no output directory given (-o OUTDIR)");
    return GO_ON;
}

/* The options of `cmd` (argv[0]) into o.  Returns GO_ON, or an exit
 * status. */
static int parse_options(const char *cmd, int argc, char **argv, options *o)
{
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":o:qhj:", longopts, NULL)) != -1) {
        int st = read_option(cmd, c, argv, o);
        if (st != GO_ON)
            return st;
    }
    set_defaults(o);
    o->inputs = argv + optind;
    o->ninputs = (size_t)(argc - optind);
    return check_options(cmd, o);
}

/* SIGINT and SIGTERM: extraction stops reading and finishes what is in
 * flight, no output is written, and the status is 128 + the signal.  While
 * outputs are written, the temporary file being written is removed and the
 * process ends at once (the outputs already renamed into place are whole).
 *
 * These two are the only file-scope state of the command line: the
 * handler touches nothing else of ours (the temporary file it removes is
 * bn_outfile's own signal pair), and everything else of a run lives in the
 * session main hands down. */
static volatile sig_atomic_t interrupted;
static volatile sig_atomic_t writing_outputs;

static void on_signal(int sig)
{
    interrupted = sig;
    if (writing_outputs) {
        bn_outfile_on_signal();
        _exit(128 + sig);
    }
}

static void catch_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
}

static int interrupted_status(void)
{
    fprintf(stderr, "biennien: interrupted (%s): stopped, no output written\n",
            interrupted == SIGINT ? "SIGINT" : "SIGTERM");
    return 128 + interrupted;
}

typedef struct resources {
    bn_kb *kb;
    bn_lang *lang;
    bn_labels *labels; /* build and merge: the words of the pictures and pages */
} resources;

/* One run of the command line: what was asked, what was loaded, and what
 * the run keeps while it goes.  main owns it and hands it down: the only
 * file-scope state is the signal pair above. */
typedef struct session {
    const char *cmd; /* build, extract or merge */
    options o;
    resources r;
    /* Messages about inputs and articles: errors at once, warnings counted
     * and summarised at the end, all of them in the --log file. */
    bn_messages messages;
    /* The output directory did not exist before this run: the first of its
     * ancestors (or itself) that this run makes; removed again, with what
     * is below it, when nothing is written.  "" when it existed.  Only
     * nothing_read uses it, never the signal handler. */
    char outdir_made[4096];
} session;

/* The language's data, loaded on a thread of its own while the knowledge
 * base is, when the run has more than one job: the start-up is a fixed
 * cost of every run, the part of -j 2 that is not shared (about 3 ms of
 * the ~20 ms of data load and compile). */
typedef struct lang_job {
    const char *dir, *code;
    bn_lang *lang;
    bn_status st;
    bn_error err;
} lang_job;

static void *load_lang(void *arg)
{
    lang_job *j = arg;
    bn_error_clear(&j->err);
    j->st = bn_lang_load(&j->lang, j->dir, j->code, &j->err);
    return NULL;
}

static int load_resources(const options *o, resources *r)
{
    bn_error err;
    bn_error_clear(&err);
    const char *dir = o->datadir ? o->datadir : bn_datadir();
    char path[4096];
    snprintf(path, sizeof path, "%s/kb", dir);
    int threads = o->jobs > 0 ? o->jobs : bn_cpu_count();
    lang_job lj = {.dir = dir, .code = o->lang};
    pthread_t lt;
    int lang_thread = 0;
    if (threads > 1) {
        bn_json_threads_init();
        lang_thread = pthread_create(&lt, NULL, load_lang, &lj) == 0;
    }
    r->kb = bn_kb_new();
    bn_status st = r->kb ? bn_kb_load_dir(r->kb, path, &err) : BN_ERR_NOMEM;
    for (size_t i = 0; st == BN_OK && i < o->nkb; i++)
        st = bn_kb_load(r->kb, o->kb_files[i], &err);
    if (st == BN_OK)
        st = bn_kb_compile(r->kb);
    if (lang_thread) {
        /* the knowledge base's error first, as when loaded one after the other */
        pthread_join(lt, NULL);
        r->lang = lj.lang;
        if (st == BN_OK && (st = lj.st) != BN_OK)
            err = lj.err;
    } else if (st == BN_OK) {
        st = bn_lang_load(&r->lang, dir, o->lang, &err);
    }
    if (st != BN_OK) {
        if (err.status == BN_OK)
            bn_error_set(&err, st, dir, 0, 0, 0, "cannot load the data files: %s", bn_status_name(st));
        report(&err);
        return -1;
    }
    return 0;
}

/* The labels of the language, for the outputs of build and merge: into
 * r and the output options. */
static int load_labels(options *o, resources *r)
{
    bn_error err;
    bn_error_clear(&err);
    const char *dir = o->datadir ? o->datadir : bn_datadir();
    if (bn_labels_load(&r->labels, dir, o->lang, &err) != BN_OK) {
        report(&err);
        return -1;
    }
    o->out.labels = r->labels;
    return 0;
}

static void free_resources(resources *r)
{
    bn_kb_free(r->kb);
    bn_lang_free(r->lang);
    bn_labels_free(r->labels);
}

/* Runs the extraction over every input on o->jobs threads; each article
 * goes, in input order, to `emit`; `render` (may be NULL) runs on the
 * worker threads. */
typedef struct run_ctx {
    bn_messages *messages;
    int (*emit)(void *ctx, const bn_article *a, const char *bytes, size_t len);
    /* an input that had to be skipped, in order, after its message */
    int (*skip)(void *ctx, const bn_error *err);
    void *ctx;
    int tty;  /* stderr is a terminal: progress shows there */
    int skip_failed;
} run_ctx;

/* (reads only the article's header: of an article rendered on a worker,
 * that is all the pipeline keeps) */
static int emit_article(void *vctx, const bn_article *a, const char *bytes, size_t len)
{
    run_ctx *c = vctx;
    /* not an error: a page can be all furniture (a section front, a
     * gallery); the user should still know nothing came of it */
    if (a->nsentences == 0)
        bn_messages_article(c->messages, BN_MSG_NO_TEXT,
                            "%s:%d:1: warning: no article text found in \"%s\" (all page furniture)", a->path, a->line,
                            a->id);
    if (a->warning)
        bn_messages_article(c->messages, BN_MSG_ARTICLE_WARNING, "%s:%d:1: warning: %s", a->path, a->line, a->warning);
    return c->emit(c->ctx, a, bytes, len);
}

static void report_error(void *vctx, const bn_error *err)
{
    run_ctx *c = vctx;
    report_input(c->messages, err); /* over the progress line, if any */
    if (c->skip && c->skip(c->ctx, err) != 0)
        c->skip_failed = 1;
}

/* "1234 articles · 5.1 / 43.8 MB · 12.3 MB/s · 0:05 · 0:40 left":
 * articles done, input read (of its size, when known), speed, elapsed,
 * and the time left from the bytes still to read. */
static void show_progress(void *vctx, const bn_pipeline_stats *s, int done)
{
    run_ctx *c = vctx;
    double mb = (double)s->bytes / 1e6, rate = s->seconds > 0 ? mb / s->seconds : 0;
    char left[32] = "";
    if (!done && s->total_bytes && s->bytes && s->bytes < s->total_bytes) {
        double rest = s->seconds * (double)(s->total_bytes - s->bytes) / (double)s->bytes;
        snprintf(left, sizeof left, " · %d:%02d left", (int)rest / 60, (int)rest % 60);
    }
    char total[32] = "";
    if (s->total_bytes)
        snprintf(total, sizeof total, " / %.1f", (double)s->total_bytes / 1e6);
    char failed[48] = "";
    if (s->failed)
        snprintf(failed, sizeof failed, " (%zu skipped)", s->failed);
    fprintf(stderr, "\r\033[Kbiennien: %zu articles%s · %.1f%s MB · %.1f MB/s · %d:%02d%s%s", s->articles, failed, mb,
            total, rate, (int)s->seconds / 60, (int)s->seconds % 60, left, done ? "\n" : "");
    (void)c;
}

static int extract_all(session *s,
                       bn_status (*render)(void *ctx, const bn_article *a, char **out, size_t *len, bn_error *err),
                       int (*emit)(void *ctx, const bn_article *a, const char *bytes, size_t len),
                       int (*skip)(void *ctx, const bn_error *err), void *ctx, size_t *count, size_t *skipped)
{
    const options *o = &s->o;
    bn_input_options io = {o->lenient, o->max_article_bytes};
    bn_read_options ro = {o->lenient, o->dct, o->saved_given, o->saved};
    /* each worker's heap made at once: an article's arena, its tokens and
     * the decoded record take a few MB, touched a page at a time in a new
     * thread's heap otherwise (~600 page faults a worker) */
    bn_pipeline_options po = {o->jobs, &interrupted, &io, &ro, 4 << 20};
    int show = o->progress > 0 || (o->progress == 0 && !o->quiet && isatty(STDERR_FILENO));
    run_ctx c = {&s->messages, emit, skip, ctx, show, 0};
    s->messages.tty = show;
    bn_pipeline_sink sink = {&c, render, emit_article, report_error, show ? show_progress : NULL};
    bn_pipeline_stats stats;
    bn_status st = bn_pipeline_run((const char *const *)o->inputs, o->ninputs, s->r.kb, s->r.lang, &po, &sink, &stats);
    s->messages.tty = 0; /* the progress line is done */
    *count = stats.articles;
    *skipped = stats.failed;
    if (st == BN_ERR_NOMEM || c.skip_failed) {
        fprintf(stderr, "biennien: out of memory\n");
        return EXIT_INPUT;
    }
    return st == BN_OK ? 0 : EXIT_INPUT;
}

typedef struct timeline_sink {
    bn_timeline *tl;
    bn_messages *messages; /* articles read twice are noted there */
} timeline_sink;

static int to_timeline(void *ctx, const bn_article *a, const char *bytes, size_t len)
{
    (void)bytes;
    (void)len;
    timeline_sink *sink = ctx;
    bn_add_result res;
    bn_status st = bn_timeline_add(sink->tl, a, &res);
    if (st != BN_OK) {
        fprintf(stderr, "biennien: %s: cannot add \"%s\" to the timeline: %s\n", a->path, a->id, bn_status_name(st));
        return -1;
    }
    /* not an error: the same article read twice is kept once */
    if (res == BN_DUPLICATE_SKIPPED)
        bn_messages_article(sink->messages, BN_MSG_DUP_SKIPPED,
                            "%s:%d:1: note: article \"%s\" was already read; this copy is skipped", a->path, a->line,
                            a->id);
    else if (res == BN_DUPLICATE_REPLACED)
        bn_messages_article(sink->messages, BN_MSG_DUP_REPLACED,
                            "%s:%d:1: note: article \"%s\" was already read; this copy, with its publication date, "
                            "replaces it",
                            a->path, a->line, a->id);
    return 0;
}

/* The reason of a skipped input, as stderr said it, without the place. */
static const char *skip_reason(const bn_error *err)
{
    return err->text[0] ? err->text : bn_status_name(err->status);
}

/* A directory without articles is an input but not an article. */
static int is_directory(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The first of `path` and its ancestors, from the top, that is not a
 * directory yet (what making it would make first), or "". */
static void first_missing_dir(const char *path, char *out, size_t cap)
{
    snprintf(out, cap, "%s", path);
    for (char *p = out + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (!is_directory(out))
            return;
        *p = '/';
    }
    if (is_directory(out))
        out[0] = '\0';
}

static int skip_to_timeline(void *ctx, const bn_error *err)
{
    timeline_sink *sink = ctx;
    if (is_directory(err->source))
        return 0;
    return bn_timeline_add_skipped(sink->tl, err->source[0] ? err->source : "-", err->line, skip_reason(err)) == BN_OK
               ? 0
               : -1;
}

/* extract writes a record for a skipped input too: merge then accounts
 * for it as build does */
static int skip_to_stdout(void *ctx, const bn_error *err)
{
    char *line;
    size_t len;
    (void)ctx;
    if (is_directory(err->source))
        return 0;
    if (bn_json_skipped_line(err->source[0] ? err->source : "-", err->line, skip_reason(err), &line, &len) != BN_OK)
        return -1;
    int bad = fwrite(line, 1, len, stdout) != len;
    free(line);
    return bad ? -1 : 0;
}

static bn_status render_line(void *ctx, const bn_article *a, char **out, size_t *len, bn_error *err)
{
    (void)ctx;
    return bn_json_extract_line(a, out, len, err);
}

static int to_stdout(void *ctx, const bn_article *a, const char *bytes, size_t len)
{
    (void)ctx;
    (void)a;
    if (fwrite(bytes, 1, len, stdout) != len) {
        fprintf(stderr, "biennien: <stdout>: cannot write\n");
        return -1;
    }
    return 0;
}

/* Not one article could be read (every input missing, unreadable, or a
 * directory or file without articles): nothing is written, so that a
 * mistyped input never replaces good outputs with empty ones. */
static int nothing_read(const session *s, const bn_timeline *tl)
{
    const options *o = &s->o;
    size_t read = 0;
    for (size_t i = 0; i < tl->narticles; i++)
        read += tl->articles[i].status != BN_ARTICLE_SKIPPED;
    if (read)
        return 0;
    if (s->outdir_made[0]) {
        /* made by this run, still empty: from the leaf up */
        char dir[sizeof s->outdir_made];
        snprintf(dir, sizeof dir, "%s", o->outdir);
        for (size_t keep = strlen(s->outdir_made), n = strlen(dir); n >= keep && n > 0;) {
            while (n > 1 && dir[n - 1] == '/') /* "out/", "a//b" */
                dir[--n] = '\0';
            if (n < keep || rmdir(dir) != 0)
                break;
            char *slash = strrchr(dir, '/');
            if (!slash)
                break;
            *slash = '\0';
            n = strlen(dir);
        }
    }
    fprintf(stderr, "biennien: no article could be read from the %zu input%s given; nothing written, %s %s\n",
            o->ninputs, o->ninputs == 1 ? "" : "s", o->outdir, s->outdir_made[0] ? "not made" : "left as it was");
    return 1;
}

/* Outputs of formats not asked for this time, left by an earlier run:
 * removed, so that no older events.csv sits next to a newer timeline.json;
 * said even with -q, since files go. */
static int remove_stale(const options *o)
{
    bn_error err;
    bn_error_clear(&err);
    char names[512];
    size_t count = 0;
    bn_status st = bn_outputs_remove_stale(o->outdir, o->out.formats, names, sizeof names, &count, &err);
    if (count)
        fprintf(stderr, "biennien: %s: removed %s, left by an earlier run (format%s not asked for this time)\n",
                o->outdir, names, count == 1 ? "" : "s");
    if (st != BN_OK) {
        report(&err);
        return EXIT_INPUT;
    }
    return 0;
}

/* Resolves the timeline and writes every output. */
static int finish(const options *o, bn_timeline *tl)
{
    bn_error err;
    bn_error_clear(&err);
    bn_network *net = NULL;
    bn_status st = bn_timeline_resolve(tl);
    if (st != BN_OK)
        bn_error_set(&err, st, "", 0, 0, 0, "cannot resolve the timeline: %s", bn_status_name(st));
    if (st == BN_OK)
        st = bn_timeline_filter(tl, &o->filter, &err);
    if (st == BN_ERR_ARGUMENT) {
        report(&err);
        return EXIT_USAGE;
    }
    if (st == BN_OK)
        st = bn_network_build(tl, &net, &err);
    if (interrupted) {
        bn_network_free(net);
        return interrupted_status();
    }
    writing_outputs = 1;
    if (st == BN_OK)
        st = bn_write_outputs(tl, net, o->outdir, &o->out, &err);
    writing_outputs = 0;
    bn_network_free(net);
    if (st != BN_OK) {
        report(&err);
        return EXIT_INPUT;
    }
    int stale = remove_stale(o);
    if (!o->quiet) {
        /* every input accounted for: the same counts as timeline.json's
         * articles[].status, and as the report page's header */
        bn_timeline_counts n;
        bn_timeline_count(tl, &n);
        fprintf(stderr,
                "biennien: %zu articles read: %zu ok, %zu empty, %zu skipped; %zu events, %zu actors (%zu in events)\n",
                n.articles, n.by_status[BN_ARTICLE_OK], n.by_status[BN_ARTICLE_EMPTY],
                n.by_status[BN_ARTICLE_SKIPPED], n.events, n.actors, n.actors_in_events);
        size_t nf;
        const bn_output_format *f = bn_output_formats(&nf);
        for (size_t i = 0; i < nf; i++)
            for (int k = 0; (o->out.formats & 1u << i) && f[i].files[k]; k++)
                if (f[i].labels[k]) {
                    char label[32];
                    snprintf(label, sizeof label, "%s:", f[i].labels[k]);
                    printf("%-10s%s/%s\n", label, o->outdir, f[i].files[k]);
                }
    }
    return stale;
}

static int cmd_build(session *s)
{
    bn_timeline *tl = bn_timeline_new();
    if (!tl)
        return EXIT_INPUT;
    size_t n = 0;
    timeline_sink sink = {tl, &s->messages};
    size_t skipped = 0;
    int status = extract_all(s, NULL, to_timeline, skip_to_timeline, &sink, &n, &skipped);
    bn_messages_summarise(&s->messages);
    if (interrupted) {
        bn_timeline_free(tl);
        return interrupted_status();
    }
    if (nothing_read(s, tl)) {
        bn_timeline_free(tl);
        return EXIT_NOTHING_READ;
    }
    int fin = finish(&s->o, tl);
    bn_timeline_free(tl);
    return status ? status : fin;
}

/* extract's lines written 64 KB at a time, not 4 KB (stdio's block for a
 * file or a pipe): the calling thread, which writes them, shares the CPUs
 * with the workers at -j 2 (unc-: 81 writes, not 1,270); a terminal keeps
 * its line buffering. */
static void buffer_stdout(void)
{
    static char buf[1 << 16];
    if (!isatty(STDOUT_FILENO))
        setvbuf(stdout, buf, _IOFBF, sizeof buf);
}

static int cmd_extract(session *s)
{
    size_t n = 0;
    size_t skipped = 0;
    buffer_stdout();
    int status = extract_all(s, render_line, to_stdout, skip_to_stdout, NULL, &n, &skipped);
    bn_messages_summarise(&s->messages);
    if (interrupted) {
        fflush(stdout); /* the lines written are whole: a shard can be merged */
        return interrupted_status();
    }
    if (!s->o.quiet)
        fprintf(stderr, "biennien: %zu inputs read: %zu articles extracted, %zu skipped\n", n + skipped, n, skipped);
    if (fflush(stdout) != 0) {
        fprintf(stderr, "biennien: <stdout>: cannot write\n");
        return EXIT_INPUT;
    }
    return status;
}

/* What merging an input, or one of its lines, gave: all well; something
 * skipped (said, and in the timeline as skipped); or, skipped too, the
 * timeline could not take even that and the input is given up. */
enum { MERGED = 0, MERGE_SKIPPED = 1, MERGE_STOPPED = -1 };

/* An input extract had to skip, as its record says: still one of the
 * articles. */
static int merge_skipped(session *s, bn_timeline *tl, char *spath, int sline, char *reason)
{
    if (sline > 0)
        bn_messages_log(&s->messages, "%s:%d:1: skipped by extract: %s", spath, sline, reason);
    else
        bn_messages_log(&s->messages, "%s: skipped by extract: %s", spath, reason);
    bn_status st = bn_timeline_add_skipped(tl, spath, sline, reason);
    free(spath);
    free(reason);
    return st == BN_OK ? MERGE_SKIPPED : MERGE_STOPPED;
}

/* One line of an extract file (line `lineno` of `path`) into tl; *count
 * counts the articles. */
static int merge_line(session *s, bn_timeline *tl, const char *path, int lineno, const char *line, size_t n,
                      size_t *count)
{
    bn_error err;
    bn_error_clear(&err);
    bn_article *a;
    char *spath, *reason;
    int sline;
    if (bn_json_read_skipped(line, n, &spath, &sline, &reason))
        return merge_skipped(s, tl, spath, sline, reason);
    if (bn_json_read_extract(line, n, path, lineno, &a, &err) != BN_OK) {
        report_input(&s->messages, &err);
        return bn_timeline_add_skipped(tl, path, lineno, err.text) == BN_OK ? MERGE_SKIPPED : MERGE_STOPPED;
    }
    timeline_sink sink = {tl, &s->messages};
    int status = to_timeline(&sink, a, NULL, 0) != 0 ? MERGE_SKIPPED : MERGED;
    (*count)++;
    bn_article_free(a);
    return status;
}

/* One extract file ("-": stdin) into tl, line by line until it ends or
 * a signal comes; *line and *cap are getline's buffer. */
static int merge_input(session *s, bn_timeline *tl, const char *path, char **line, size_t *cap, size_t *count)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) {
        bn_error err;
        bn_error_clear(&err);
        bn_error_set(&err, BN_ERR_IO, path, 0, 0, 0, "cannot open: %s", strerror(errno));
        report_input(&s->messages, &err);
        return bn_timeline_add_skipped(tl, path, 0, err.text) == BN_OK ? MERGE_SKIPPED : MERGE_STOPPED;
    }
    int status = MERGED;
    ssize_t n;
    int lineno = 0;
    while (!interrupted && (n = getline(line, cap, f)) >= 0) {
        lineno++;
        if (n == 0 || (n == 1 && (*line)[0] == '\n'))
            continue;
        int st = merge_line(s, tl, path, lineno, *line, (size_t)n, count);
        if (st != MERGED)
            status = MERGE_SKIPPED;
        if (st == MERGE_STOPPED)
            break;
    }
    if (f != stdin)
        fclose(f);
    return status;
}

static int cmd_merge(session *s)
{
    const options *o = &s->o;
    bn_timeline *tl = bn_timeline_new();
    if (!tl)
        return EXIT_INPUT;
    int failed = 0;
    size_t count = 0;
    char *line = NULL;
    size_t cap = 0;
    for (size_t i = 0; i < o->ninputs; i++) {
        int st = merge_input(s, tl, o->inputs[i], &line, &cap, &count);
        if (st != MERGED)
            failed = 1;
        if (st == MERGE_STOPPED)
            break;
    }
    free(line);
    bn_messages_summarise(&s->messages);
    if (!interrupted && nothing_read(s, tl)) {
        bn_timeline_free(tl);
        return EXIT_NOTHING_READ;
    }
    int fin = finish(o, tl);
    bn_timeline_free(tl);
    return failed ? EXIT_INPUT : fin;
}

/* The command, argv[1], when it is one that runs; else NULL and *status:
 * --version, --help, or a usage error. */
static const char *read_command(int argc, char **argv, int *status)
{
    *status = 0;
    if (argc < 2) {
        fputs(usage_main, stderr);
        *status = EXIT_USAGE;
        return NULL;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
        printf("biennien %s\n", BN_VERSION);
        return NULL;
    }
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        print_usage(NULL);
        return NULL;
    }
    if (strcmp(cmd, "build") != 0 && strcmp(cmd, "extract") != 0 && strcmp(cmd, "merge") != 0) {
        fprintf(stderr, "biennien: unknown command '%s'; see 'biennien --help'\n", cmd);
        *status = EXIT_USAGE;
        return NULL;
    }
    return cmd;
}

/* What every command sets up before it reads anything. */
static void set_up_process(void)
{
    bn_network_global_init();
    catch_signals();
    /* Articles come and go by the thousand, each with an arena of a few
     * hundred kilobytes: glibc would map and unmap them one by one, and
     * with worker threads every unmap stops all CPUs to flush their TLBs.
     * Keep them in the heap, and let freed memory stay for the next. */
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 20);
    /* The heap the start-up fills (the knowledge base, the lexicons and
     * the tables made of them: about 8 MB) made at once: touched a page
     * at a time, its ~2,000 page faults took a third of the start-up, and
     * the tables' making missed the TLB all along */
    bn_heap_prefault(10 << 20);
}

/* A log or an output directory that cannot be written: refused before
 * any work.  Returns GO_ON, or the exit status. */
static int open_log_and_outdir(session *s)
{
    const options *o = &s->o;
    if (bn_messages_init(&s->messages, o->log, o->quiet, strcmp(s->cmd, "extract") != 0) != 0) {
        fprintf(stderr, "biennien: %s: cannot open the log: %s\n", o->log, strerror(errno));
        return EXIT_USAGE;
    }
    if (strcmp(s->cmd, "extract") == 0)
        return GO_ON;
    bn_error err;
    bn_error_clear(&err);
    first_missing_dir(o->outdir, s->outdir_made, sizeof s->outdir_made);
    if (bn_outputs_prepare(o->outdir, &err) != BN_OK) {
        report(&err);
        return EXIT_USAGE;
    }
    return GO_ON;
}

static double ms_between(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) * 1e3 + (double)(b->tv_nsec - a->tv_nsec) / 1e6;
}

/* Loads the data the command needs (merge reads no text: only the
 * labels) and runs it. */
static int run_command(session *s)
{
    const char *cmd = s->cmd;
    int status;
    struct timespec t0, t1, t2;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    t1 = t0;
    if (strcmp(cmd, "merge") == 0) {
        status = load_labels(&s->o, &s->r) != 0 ? EXIT_INPUT : cmd_merge(s);
    } else if (load_resources(&s->o, &s->r) != 0 || (strcmp(cmd, "build") == 0 && load_labels(&s->o, &s->r) != 0)) {
        status = EXIT_INPUT;
    } else {
        clock_gettime(CLOCK_MONOTONIC, &t1);
        status = strcmp(cmd, "build") == 0 ? cmd_build(s) : cmd_extract(s);
    }
    clock_gettime(CLOCK_MONOTONIC, &t2);
    /* BIENNIEN_TIMINGS: how long loading the data and the run took, for
     * tests/bench/speed_bench.py */
    if (getenv("BIENNIEN_TIMINGS"))
        fprintf(stderr, "biennien: timings: load %.1f ms, run %.1f ms\n", ms_between(&t0, &t1), ms_between(&t1, &t2));
    return status;
}

int main(int argc, char **argv)
{
    int status;
    session s = {.cmd = read_command(argc, argv, &status)};
    if (!s.cmd)
        return status;
    status = parse_options(s.cmd, argc - 1, argv + 1, &s.o);
    if (status == GO_ON) {
        set_up_process();
        status = open_log_and_outdir(&s);
    }
    if (status == GO_ON)
        status = run_command(&s);
    free_resources(&s.r);
    free(s.o.kb_files);
    free(s.o.actors);
    /* a log that could not be written fails a run that went well */
    if (bn_messages_close(&s.messages) != 0 && status == 0)
        status = EXIT_INPUT;
    return status;
}
