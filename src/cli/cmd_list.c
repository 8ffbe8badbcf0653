/* regdesk list: every matching registration, from the API (every page) or a dump file. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/clirun.h"
#include "local/dumpfile.h"
#include "cli/output.h"
#include "core/parse_stream.h"
#include "core/sort.h"
#include "core/store.h"
#include "core/timeutil.h"
#include "core/xalloc.h"
#include "net/fileparse.h"

typedef struct ListArgs {
    const char *filter, *sort, *format, *file, *columns, *view;
    bool mask, no_mask, partial;
} ListArgs;

/* What a load from the API left behind when it was not complete or not consistent. */
typedef struct LoadOutcome {
    int failed_pages;
    long loaded, total;
    ErrorClass error; /* of the first failure */
    char message[MSG_MAX]; /* the worker's sentence, quote marks kept */
    ListCap capped;
    bool data_changed;
    char done[MSG_MAX];    /* RES_LIST_DONE's sentence about a cap or a change */
} LoadOutcome;

/* ---- loading ------------------------------------------------------------------------------ */

static void store_sink(void *ctx, Summary *s)
{
    store_put(ctx, s, NULL);
}

/* The end of a dump that did not parse to its end: a file cut inside its last record
 * still lists the records before the cut, with a warning; anything else is an error. */
static int file_ended(FileParse *rs, const char *name, const char *err)
{
    RecordStreamStats stats;
    fileparse_stats(rs, &stats);
    if (!stats.truncated || stats.records == 0) {
        cli_error(QS ": %s", name, err);
        return EXIT_INTERNAL;
    }
    cli_error(QS " ends in the middle of the JSON (at byte offset %llu): it looks cut short; listed the %zu "
              "complete registration(s) before the cut", name, (unsigned long long)stats.bytes, stats.records);
    return EXIT_OK;
}

/* Reads a dump (a JSON array or a list envelope) chunk by chunk into the store: the file
 * through local/dumpfile, the records through net/fileparse (parsed on every core). */
static int load_file(const char *path, const WorkerConfig *limits, Store *st)
{
    char err[MSG_MAX];
    DumpFile *f = dump_open(path, limits->total_timeout_ms / 1000, err, sizeof err); /* --timeout for a FIFO */
    if (!f) {
        cli_error("%s", err);
        return EXIT_INTERNAL;
    }
    long max = limits->max_records;
    store_begin_load(st);
    FileParse *rs = fileparse_new(store_sink, st, fileparse_threads());
    enum { CHUNK = 256 * 1024 };
    char *buf = xmalloc(CHUNK);
    bool ok = true;
    long got = 0;
    while (ok && (long)st->n < max && (got = dump_read(f, buf, CHUNK, err, sizeof err)) > 0)
        ok = fileparse_feed(rs, buf, (size_t)got, err, sizeof err);
    int rc = EXIT_OK;
    if ((long)st->n >= max) {
        cli_error("stopped at %zu registrations, the max_records limit in the config; " QS " holds more", st->n,
                  dump_name(f));
        rc = EXIT_INTERNAL;
    } else if (ok && got < 0) {
        cli_error("%s", err);
        rc = EXIT_INTERNAL;
    } else if (!ok || !fileparse_finish(rs, err, sizeof err)) {
        rc = file_ended(rs, dump_name(f), err);
    } else {
        RecordStreamStats stats;
        fileparse_stats(rs, &stats);
        if (stats.skipped)
            cli_error(QS ": skipped %zu array element(s) that are not registration objects", dump_name(f),
                      stats.skipped);
    }
    if (st->load_dups)
        cli_error(QS " holds %zu registration(s) whose id came earlier in it; the later copy of each is listed",
                  dump_name(f), st->load_dups);
    free(buf);
    fileparse_free(rs);
    dump_close(f);
    return rc;
}

/* A line on a terminal's stderr while pages arrive; nothing when stderr is a file or pipe. */
static void progress(bool tty, long loaded, long total, bool done)
{
    if (!tty)
        return;
    if (done)
        fputs("\r\033[K", stderr);
    else if (total >= 0)
        fprintf(stderr, "\rregdesk: loading %ld of %ld…", loaded, total);
    else
        fprintf(stderr, "\rregdesk: loading %ld…", loaded);
    fflush(stderr);
}

/* Every page through the worker, merged into the store (duplicates by id collapse). */
static int load_api(const CliSettings *cs, const Filter *f, SortSpec spec, Store *st,
                    LoadOutcome *out)
{
    int rc;
    Worker *w = cli_worker(cs, true, &rc);
    if (!w)
        return rc;
    ListQuery q = { .sort = sort_server_param(spec) };
    filter_server_params(f, &q.server);
    uint64_t job = worker_list(w, &q, 1);
    store_begin_load(st);
    bool tty = isatty(STDERR_FILENO), done = false;
    memset(out, 0, sizeof *out);
    while (!done) {
        Result *r = cli_next(w);
        if (!r) {
            progress(tty, 0, 0, true);
            rc = cli_fail(NULL); /* stopped by a signal: says so */
            break;
        }
        if (r->job == job && r->kind == RES_PAGE) {
            store_merge_page(st, &r->page);
            progress(tty, r->loaded, r->total, false);
        } else if (r->kind == RES_RETRYING && tty) {
            progress(tty, 0, 0, true);
            cli_error("%s", r->message);
        } else if (r->kind == RES_ERROR && !out->message[0]) {
            out->error = r->error;
            snprintf(out->message, sizeof out->message, "%s", r->message);
        } else if (r->kind == RES_LIST_DONE) {
            out->failed_pages = r->failed_pages;
            out->loaded = r->loaded;
            out->total = r->total;
            out->capped = r->capped;
            out->data_changed = r->data_changed;
            snprintf(out->done, sizeof out->done, "%s", r->message);
            done = true;
        }
        result_free(r);
    }
    progress(tty, 0, 0, true);
    worker_stop(w);
    return done ? EXIT_OK : rc;
}

/* ---- writing -------------------------------------------------------------------------------- */

static int terminal_width(void)
{
    struct winsize ws;
    if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    return 0;
}

/* Streams the records in the chosen format, one at a time. */
static int write_records(const OutSpec *o, const Store *st, const uint32_t *idx, size_t n, FILE *out)
{
    StrBuf b = STRBUF_INIT;
    TableLayout t;
    if (o->format == FMT_COUNT) {
        strbuf_printf(&b, "%zu\n", n);
        n = 0; /* no rows */
    } else if (o->format == FMT_TABLE) {
        out_table_init(o, &t);
        for (size_t i = 0; i < n; i++)
            out_table_measure(o, &t, st->recs[idx[i]]);
        out_table_fit(o, &t);
        out_table_header(o, &t, &b);
    } else {
        out_file_begin(o, n, &b);
    }
    bool ok = true;
    for (size_t i = 0; ok && i < n; i++) {
        const Summary *s = st->recs[idx[i]];
        if (o->format == FMT_TABLE)
            out_table_row(o, &t, s, &b);
        else
            out_file_row(o, s, i, n, &b);
        ok = cli_write(out, &b);
        strbuf_reset(&b);
    }
    if (o->format != FMT_TABLE && o->format != FMT_COUNT)
        out_file_end(o, &b);
    ok = ok && cli_write(out, &b);
    strbuf_free(&b);
    int rc = cli_finish_output(out); /* says why when the writes failed */
    return ok || rc ? rc : EXIT_INTERNAL;
}

/* ---- the command ---------------------------------------------------------------------------- */

static int prepare(const CliSettings *cs, const ListArgs *a, OutSpec *o, SortSpec *spec)
{
    memset(o, 0, sizeof *o);
    if (a->format && !out_format_parse(a->format, &o->format)) {
        cli_error("unknown format \"" QS "\"; use table, json, csv, tsv or count", a->format);
        return EXIT_USAGE;
    }
    *spec = (SortSpec){ SORT_CREATED, true }; /* newest first, like the API */
    if (a->sort && !sort_parse(a->sort, spec)) {
        cli_error("unknown sort \"" QS "\"; use created, updated, age, status, flags, failed, name or email, "
                  "with - for descending", a->sort);
        return EXIT_USAGE;
    }
    out_columns_default(o);
    char err[600];
    if (a->columns && (o->format == FMT_JSON || o->format == FMT_COUNT)) {
        cli_error("--columns applies to the table, csv and tsv formats (json always has every field)");
        return EXIT_USAGE;
    }
    if (a->columns && !out_columns_parse(o, a->columns, err, sizeof err)) {
        cli_error("%s", err);
        return EXIT_USAGE;
    }
    if (!cli_mask_choice(cs, a->mask, a->no_mask, &o->mask))
        return EXIT_USAGE;
    o->now_ms = time_now_ms();
    o->max_width = o->format == FMT_TABLE ? terminal_width() : 0;
    return EXIT_OK;
}

/* Without --partial an incomplete load (pages that never came, or a cap that stopped it)
 * prints nothing; with it, what loaded is printed, and either way the exit status says
 * the list is incomplete: the failure's, 5 for an API that would not stop, 6 for a local
 * limit. */
static int incomplete(const LoadOutcome *lo, const ListArgs *a, size_t have)
{
    char total[48] = "", why[64];
    if (lo->total >= 0)
        snprintf(total, sizeof total, " of %ld", lo->total);
    if (lo->failed_pages)
        cli_error("%s", lo->message[0] ? lo->message : "the list could not be loaded");
    if (lo->capped)
        cli_error("%s", lo->done);
    if (lo->failed_pages)
        snprintf(why, sizeof why, "%d page(s) could not be loaded", lo->failed_pages);
    else
        snprintf(why, sizeof why, "the load was stopped");
    if (a->partial)
        cli_error("the list is incomplete: %s; printed the %zu matching among the %ld registrations that arrived%s",
                  why, have, lo->loaded, total);
    else if (lo->loaded > 0)
        cli_error("%s (%ld%s registrations arrived), so nothing was printed; --partial prints what did load", why,
                  lo->loaded, total);
    if (lo->failed_pages)
        return cli_exit_for(lo->error != EC_NONE ? lo->error : EC_NETWORK);
    return lo->capped == CAP_PAGES ? EXIT_SERVER : EXIT_INTERNAL;
}

/* Warnings about a list that is complete but was not served consistently. */
static void consistency(const LoadOutcome *lo, const Store *st)
{
    if (st->load_dups)
        cli_error("dropped %zu duplicate registration(s): the API sent the same id on more than one page (records "
                  "added while the list loaded shift the pages)", st->load_dups);
    if (lo->data_changed && !lo->capped)
        cli_error("%s; run the command again for a consistent list", lo->done);
}

/* --view NAME: the saved view's filter (with --filter's, both applying) and sort (unless
 * --sort says otherwise); the text lives in buf. */
static int apply_view(ListArgs *a, const CliSettings *cs, char *buf, size_t n)
{
    int k = views_find(cs->views, cs->nviews, a->view);
    if (k < 0) {
        StrBuf names = STRBUF_INIT;
        for (size_t i = 0; i < cs->nviews; i++)
            strbuf_printf(&names, "%s\"%s\"", i ? ", " : "", cs->views[i].name);
        cli_error("no saved view \"%s\"; the views are %s (or their keys, 1-%zu)", a->view, strbuf_cstr(&names),
                  cs->nviews);
        strbuf_free(&names);
        return EXIT_USAGE;
    }
    const SavedView *v = &cs->views[k];
    if (a->filter && *a->filter && *v->filter)
        snprintf(buf, n, "(%s) (%s)", v->filter, a->filter);
    else
        snprintf(buf, n, "%s", a->filter && *a->filter ? a->filter : v->filter);
    a->filter = buf;
    if (!a->sort && *v->sort)
        a->sort = v->sort;
    return EXIT_OK;
}

int cmd_list(int argc, char **argv, const CliSettings *cs)
{
    ListArgs a = { 0 };
    const CliOpt opts[] = {
        { "--filter", &a.filter, NULL },   { "--sort", &a.sort, NULL },   { "--format", &a.format, NULL },
        { "--file", &a.file, NULL },       { "--columns", &a.columns, NULL }, { "--mask", NULL, &a.mask },
        { "--no-mask", NULL, &a.no_mask }, { "--partial", NULL, &a.partial }, { "--view", &a.view, NULL },
    };
    size_t npos;
    if (!cli_options(argc, argv, opts, sizeof opts / sizeof *opts, NULL, 0, &npos))
        return EXIT_USAGE;
    char view_filter[2200];
    if (a.view && apply_view(&a, cs, view_filter, sizeof view_filter))
        return EXIT_USAGE;
    OutSpec o;
    SortSpec spec;
    int rc = prepare(cs, &a, &o, &spec);
    if (rc)
        return rc;
    FilterError fe;
    Filter *f = filter_compile(a.filter ? a.filter : "", o.now_ms, &fe);
    if (!f) {
        cli_filter_error(stderr, a.filter, &fe);
        return EXIT_USAGE;
    }
    Store st;
    store_init(&st);
    LoadOutcome lo = { 0 };
    rc = a.file ? load_file(a.file, &cs->worker, &st) : load_api(cs, f, spec, &st, &lo);
    uint32_t *idx = xmalloc((st.n ? st.n : 1) * sizeof *idx);
    size_t n = 0;
    for (size_t i = 0; i < st.n; i++)
        if (filter_match(f, st.recs[i]))
            idx[n++] = (uint32_t)i;
    sort_indices(idx, n, st.recs, spec);
    if (rc == EXIT_OK && !a.file)
        consistency(&lo, &st);
    if (rc == EXIT_OK && (lo.failed_pages > 0 || lo.capped)) {
        rc = incomplete(&lo, &a, n);
        if (a.partial)
            write_records(&o, &st, idx, n, stdout);
    } else if (rc == EXIT_OK) {
        rc = write_records(&o, &st, idx, n, stdout);
    }
    free(idx);
    store_free(&st);
    filter_free(f);
    return rc;
}
