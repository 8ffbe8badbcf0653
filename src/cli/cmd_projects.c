/* regdesk projects: the projects and flows the API knows, with their ids, since create
 * needs them. From the documented projects list (GET /v3/projects); where the API has
 * no such endpoint, derived from the registrations themselves, and said so. */
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/clirun.h"
#include "core/jsonw.h"
#include "core/arena.h"
#include "core/safetext.h"
#include "core/xalloc.h"

enum { PROJECT_PAGES_MAX = 100 };

/* One flow of one project (a project without flows has a row with an empty flow). */
typedef struct Row {
    const char *project_id, *project_name, *project_status;
    const char *flow_id, *flow_name, *flow_type, *flow_status;
    long seen;          /* registrations naming it, when derived; -1 from the API */
    const char *sample; /* derived: one registration that names it */
} Row;

typedef struct Rows {
    Arena arena;
    Row *r;
    size_t n, cap;
    bool derived;
    long registrations, missing_pages; /* derived: what the derivation saw */
} Rows;

static Row *add_row(Rows *rows)
{
    rows->r = xgrow(rows->r, &rows->cap, rows->n + 1, sizeof *rows->r);
    Row *r = &rows->r[rows->n++];
    *r = (Row){ "", "", "", "", "", "", "", -1, NULL };
    return r;
}

static const char *keep(Rows *rows, const char *s)
{
    return arena_strdup(&rows->arena, s ? s : "");
}

/* ---- from the projects list ----------------------------------------------------------- */

static void add_page(Rows *rows, const ProjectPage *pg)
{
    for (size_t i = 0; i < pg->n; i++) {
        const ProjectInfo *p = &pg->items[i];
        for (size_t k = 0; k < (p->n_flows ? p->n_flows : 1); k++) {
            Row *r = add_row(rows);
            r->project_id = keep(rows, p->id);
            r->project_name = keep(rows, p->name);
            r->project_status = keep(rows, p->status);
            if (!p->n_flows)
                continue;
            const FlowInfo *f = &p->flows[k];
            r->flow_id = keep(rows, f->id);
            r->flow_name = keep(rows, f->name);
            r->flow_type = keep(rows, f->type);
            r->flow_status = keep(rows, f->status);
        }
    }
}

/* Every page of GET /v3/projects. *absent when the API has no such endpoint. */
static int fetch_list(Worker *w, Rows *rows, bool *absent)
{
    *absent = false;
    for (int page = 1; page <= PROJECT_PAGES_MAX; page++) {
        Result *r = cli_await(w, worker_projects(w, page, 1));
        if (r && r->kind == RES_ERROR && page == 1 && (r->http == 404 || r->http == 405 || r->http == 501)) {
            *absent = true;
            result_free(r);
            return EXIT_OK;
        }
        if (!r || r->kind != RES_PROJECTS) {
            int rc = cli_fail(r);
            result_free(r);
            return rc;
        }
        add_page(rows, &r->projects);
        bool more = r->projects.n > 0 && r->projects.pages > page;
        result_free(r);
        if (!more)
            return EXIT_OK;
    }
    return EXIT_OK;
}

/* ---- derived from the registrations ----------------------------------------------------- */

static void count(Rows *rows, const Summary *s)
{
    const char *p = summary_str(s, SS_PROJECT), *f = summary_str(s, SS_FLOW);
    if (!*p && !*f)
        return;
    for (size_t i = 0; i < rows->n; i++)
        if (!strcmp(rows->r[i].project_id, p) && !strcmp(rows->r[i].flow_id, f)) {
            rows->r[i].seen++;
            return;
        }
    Row *r = add_row(rows);
    r->project_id = keep(rows, p);
    r->flow_id = keep(rows, f);
    r->sample = keep(rows, summary_str(s, SS_ID));
    r->seen = 1;
}

/* The names: one populated registration per flow carries its project and flow. */
static void name_rows(Worker *w, Rows *rows)
{
    for (size_t i = 0; i < rows->n; i++) {
        Row *r = &rows->r[i];
        int rc;
        Detail *d = cli_retrieve(w, r->sample, &rc);
        if (!d)
            continue; /* the ids stay; the reason was printed */
        r->project_name = keep(rows, d->project.name.s);
        r->project_status = keep(rows, d->project.status.s);
        r->flow_name = keep(rows, d->flow.name.s);
        r->flow_type = keep(rows, d->flow.type.s);
        r->flow_status = keep(rows, d->flow.status.s);
        detail_free(d);
    }
}

static int derive(Worker *w, Rows *rows)
{
    rows->derived = true;
    ListQuery q = { .server = { .created_gte = TIME_NONE, .created_lte = TIME_NONE } };
    uint64_t job = worker_list(w, &q, 1);
    for (;;) {
        Result *r = cli_await(w, job);
        if (!r || r->kind == RES_ERROR) {
            int rc = cli_fail(r);
            result_free(r);
            return rc;
        }
        bool done = r->kind == RES_LIST_DONE;
        for (size_t i = 0; r->kind == RES_PAGE && i < r->page.n; i++)
            count(rows, r->page.items[i]);
        if (r->kind == RES_PAGE)
            rows->registrations += (long)r->page.n;
        if (done)
            rows->missing_pages = r->failed_pages;
        result_free(r);
        if (done)
            break;
    }
    name_rows(w, rows);
    return EXIT_OK;
}

/* ---- output --------------------------------------------------------------------------- */

static int row_cmp(const void *pa, const void *pb)
{
    const Row *a = pa, *b = pb;
    int c = strcmp(a->project_name, b->project_name);
    if (!c)
        c = strcmp(a->project_id, b->project_id);
    if (!c)
        c = strcmp(a->flow_name, b->flow_name);
    return c ? c : strcmp(a->flow_id, b->flow_id);
}

static const char *or_unnamed(const char *s)
{
    return *s ? s : "(no name sent)";
}

static void print_text(const Rows *rows, StrBuf *b)
{
    for (size_t i = 0; i < rows->n; i++) {
        const Row *r = &rows->r[i];
        if (!i || strcmp(r->project_id, rows->r[i - 1].project_id))
            strbuf_printf(b, "%s%s  %s%s%s\n", i ? "\n" : "", *r->project_id ? r->project_id : "(no project id)",
                          or_unnamed(r->project_name), *r->project_status ? ", " : "", r->project_status);
        if (!*r->flow_id && !*r->flow_name) {
            strbuf_puts(b, "  (no flows)\n");
            continue;
        }
        strbuf_printf(b, "  flow %s  %s", *r->flow_id ? r->flow_id : "(no id)", or_unnamed(r->flow_name));
        if (*r->flow_type || *r->flow_status)
            strbuf_printf(b, " (%s%s%s)", r->flow_type, *r->flow_type && *r->flow_status ? ", " : "", r->flow_status);
        if (r->seen >= 0)
            strbuf_printf(b, "  %ld registration%s", r->seen, r->seen == 1 ? "" : "s");
        strbuf_putc(b, '\n');
    }
    if (rows->n && *rows->r[0].flow_id)
        strbuf_printf(b, "\nregdesk create --project %s --flow %s --email ADDRESS  (or --phone N --country-code +C)\n",
                      rows->r[0].project_id, rows->r[0].flow_id);
}

static void close_project(JsonOut *w)
{
    jo_end(w, ']');
    jo_end(w, '}');
}

static void print_json(const Rows *rows, StrBuf *b)
{
    JsonOut w;
    jo_init(&w, b);
    jo_object(&w, NULL);
    jo_str(&w, "source", rows->derived ? "registrations" : "api");
    jo_array(&w, "projects");
    for (size_t i = 0; i < rows->n; i++) {
        const Row *r = &rows->r[i];
        bool first = !i || strcmp(r->project_id, rows->r[i - 1].project_id);
        if (first && i)
            close_project(&w);
        if (first) {
            jo_object(&w, NULL);
            jo_text(&w, "id", r->project_id);
            jo_text(&w, "name", r->project_name);
            jo_text(&w, "status", r->project_status);
            jo_array(&w, "flows");
        }
        if (!*r->flow_id && !*r->flow_name)
            continue;
        jo_object(&w, NULL);
        jo_text(&w, "id", r->flow_id);
        jo_text(&w, "name", r->flow_name);
        jo_text(&w, "type", r->flow_type);
        jo_text(&w, "status", r->flow_status);
        if (r->seen >= 0)
            jo_uint(&w, "registrations", (unsigned long long)r->seen);
        jo_end(&w, '}');
    }
    if (rows->n)
        close_project(&w);
    jo_end(&w, ']');
    jo_end(&w, '}');
    strbuf_putc(b, '\n');
}

int cmd_projects(int argc, char **argv, const CliSettings *cs)
{
    const char *format = NULL;
    const CliOpt opts[] = { { "--format", &format, NULL } };
    size_t npos;
    if (!cli_options(argc, argv, opts, 1, NULL, 0, &npos))
        return EXIT_USAGE;
    bool json;
    if (!cli_text_or_json(format, "projects", &json))
        return EXIT_USAGE;
    int rc;
    Worker *w = cli_worker(cs, true, &rc);
    if (!w)
        return rc;
    Rows rows = { 0 };
    arena_init(&rows.arena);
    bool absent;
    rc = fetch_list(w, &rows, &absent);
    if (rc == EXIT_OK && absent)
        rc = derive(w, &rows);
    worker_stop(w);
    if (rc == EXIT_OK) {
        if (rows.derived)
            cli_error("the API has no projects list (GET /v3/projects was not found), so these are the projects and "
                      "flows that its %ld registrations name%s", rows.registrations,
                      rows.missing_pages ? " (some pages of registrations did not load)" : "");
        qsort(rows.r, rows.n, sizeof *rows.r, row_cmp);
        StrBuf b = STRBUF_INIT;
        if (json)
            print_json(&rows, &b);
        else
            print_text(&rows, &b);
        bool ok = cli_write(stdout, &b);
        strbuf_free(&b);
        rc = cli_finish_output(stdout);
        if (!ok)
            rc = EXIT_INTERNAL;
    }
    free(rows.r);
    arena_free(&rows.arena);
    return rc;
}
