/* List pages in every envelope Verifik has documented (reference §4.3): registrations,
 * and the projects list. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/parse.h"
#include "core/parse_internal.h"
#include "core/xalloc.h"

/* A pagination number: top-level key, else pagination.<key> (or its alias), else the
 * alias at the top level; the first that holds a count. Rows of FIELDS_ENVELOPE, -1: none. */
static long page_number(const FieldHits h, int top, int nested, int nested_alias, int top_alias)
{
    const int rows[] = { top, nested, nested_alias, top_alias };
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++) {
        Num n = field_count(rows[i] >= 0 ? h[rows[i]] : NULL);
        if (n.st == FS_OK)
            return (long)n.v;
    }
    return -1;
}

static void read_items(const cJSON *data, Page *out)
{
    size_t cap = (size_t)cJSON_GetArraySize(data);
    out->items = xmalloc((cap ? cap : 1) * sizeof *out->items);
    Arena scratch;
    arena_init(&scratch);
    for (const cJSON *e = data->child; e; e = e->next) {
        if (!cJSON_IsObject(e)) {
            out->skipped++;
            continue;
        }
        Summary *s = summary_from_json(&scratch, e, false);
        out->with_invalid += s->invalid != 0;
        out->items[out->n++] = s;
        arena_free(&scratch);
    }
}

static bool read_page(const cJSON *root, Page *out, char *err, size_t errlen)
{
    FieldHits h = { 0 };
    if (cJSON_IsObject(root))
        fields_scan(&FIELDS_ENVELOPE, root, false, h, NULL, NULL);
    const cJSON *data = cJSON_IsArray(root) ? root : h[ROW_Envelope_data];
    bool ok = false;
    if (cJSON_IsFalse(h[ROW_Envelope_success])) {
        snprintf(err, errlen, "the server said the request failed (\"success\": false)");
    } else if (!cJSON_IsArray(data)) {
        snprintf(err, errlen, "the response has no list of registrations (no \"data\" array)");
    } else {
        read_items(data, out);
        out->total = page_number(h, ROW_Envelope_total, ROW_Envelope_p_total, -1, -1);
        out->page = page_number(h, ROW_Envelope_page, ROW_Envelope_p_page, -1, -1);
        out->limit = page_number(h, ROW_Envelope_limit, ROW_Envelope_p_limit, ROW_Envelope_p_per_page,
                                 ROW_Envelope_per_page);
        out->pages = page_number(h, ROW_Envelope_pages, ROW_Envelope_p_pages, ROW_Envelope_p_total_pages,
                                 ROW_Envelope_total_pages);
        if (out->pages < 0 && out->total >= 0 && out->limit > 0)
            out->pages = (out->total + out->limit - 1) / out->limit;
        ok = true;
    }
    return ok;
}

bool parse_page(char *body, size_t len, Page *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    out->total = out->page = out->pages = out->limit = -1;
    /* The whole page's tree lives in one arena, given back in one go at the end. */
    JsonArena arena;
    json_arena_init(&arena, false);
    json_arena_enter(&arena);
    cJSON *root = json_parse_body(body, len, err, errlen);
    bool ok = false;
    if (root)
        ok = read_page(root, out, err, errlen);
    json_arena_leave(&arena);
    json_arena_free(&arena);
    return ok;
}

void page_free(Page *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->items[i]);
    free(p->items);
    memset(p, 0, sizeof *p);
}

/* ---- Projects ------------------------------------------------------------------------- */

/* A flow as the projects list gives it: an object, or its id only. */
static void read_flow(Arena *a, const cJSON *v, FlowInfo *out)
{
    Ref r = field_ref(a, v);
    out->id = r.id;
    out->name = field_str(a, jget(v, "name")).s;
    out->type = field_str(a, jget(v, "type")).s;
    out->status = field_str(a, jget(v, "status")).s;
}

static void read_project(Arena *a, const cJSON *v, ProjectInfo *out)
{
    out->id = field_str(a, jget_any(v, (const char *const[]){ "_id", "id", NULL })).s;
    out->name = field_str(a, jget(v, "name")).s;
    out->status = field_str(a, jget(v, "status")).s;
    const cJSON *flows = jget(v, "projectFlows");
    size_t n = cJSON_IsArray(flows) ? (size_t)cJSON_GetArraySize(flows) : 0;
    out->flows = arena_alloc(a, (n ? n : 1) * sizeof *out->flows);
    for (const cJSON *f = n ? flows->child : NULL; f; f = f->next)
        if (cJSON_IsObject(f) || cJSON_IsString(f))
            read_flow(a, f, &out->flows[out->n_flows++]);
}

bool parse_projects(char *body, size_t len, ProjectPage *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    arena_init(&out->arena);
    out->total = out->pages = -1;
    cJSON *root = json_parse_body(body, len, err, errlen);
    if (!root) {
        project_page_free(out);
        return false;
    }
    const cJSON *data = cJSON_IsArray(root) ? root : jget(root, "data");
    bool ok = cJSON_IsArray(data);
    if (!ok) {
        snprintf(err, errlen, "the response has no list of projects (no \"data\" array)");
    } else {
        size_t n = (size_t)cJSON_GetArraySize(data);
        out->items = arena_alloc(&out->arena, (n ? n : 1) * sizeof *out->items);
        for (const cJSON *e = data->child; e; e = e->next)
            if (cJSON_IsObject(e))
                read_project(&out->arena, e, &out->items[out->n++]);
        FieldHits h = { 0 };
        if (cJSON_IsObject(root))
            fields_scan(&FIELDS_ENVELOPE, root, false, h, NULL, NULL);
        out->total = page_number(h, ROW_Envelope_total, ROW_Envelope_p_total, -1, -1);
        out->pages = page_number(h, ROW_Envelope_pages, ROW_Envelope_p_pages, ROW_Envelope_p_total_pages,
                                 ROW_Envelope_total_pages);
        long limit = page_number(h, ROW_Envelope_limit, ROW_Envelope_p_limit, ROW_Envelope_p_per_page,
                                 ROW_Envelope_per_page);
        if (out->pages < 0 && out->total >= 0 && limit > 0)
            out->pages = (out->total + limit - 1) / limit;
    }
    cJSON_Delete(root);
    if (!ok)
        project_page_free(out);
    return ok;
}

void project_page_free(ProjectPage *p)
{
    arena_free(&p->arena);
    memset(p, 0, sizeof *p);
}
