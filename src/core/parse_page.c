/* List pages in every envelope Verifik has documented (reference §4.3). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/parse.h"
#include "core/parse_internal.h"
#include "core/xalloc.h"

/* A pagination number: top-level key, else pagination.<key> (or its alias). */
static long page_number(const cJSON *root, const char *key, const char *alias)
{
    const cJSON *pag = jget(root, "pagination");
    const cJSON *cands[] = { jget(root, key), jget(pag, key), alias ? jget(pag, alias) : NULL,
                             alias ? jget(root, alias) : NULL };
    for (size_t i = 0; i < sizeof cands / sizeof *cands; i++) {
        Num n = field_count(cands[i]);
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
        Summary *s = summary_from_json(&scratch, e);
        out->with_invalid += s->invalid != 0;
        out->items[out->n++] = s;
        arena_free(&scratch);
    }
}

bool parse_page(char *body, size_t len, Page *out, char *err, size_t errlen)
{
    memset(out, 0, sizeof *out);
    out->total = out->page = out->pages = out->limit = -1;
    cJSON *root = json_parse_body(body, len, err, errlen);
    if (!root)
        return false;
    const cJSON *data = cJSON_IsArray(root) ? root : jget(root, "data");
    const cJSON *success = jget(root, "success");
    bool ok = false;
    if (cJSON_IsFalse(success)) {
        snprintf(err, errlen, "the server said the request failed (\"success\": false)");
    } else if (!cJSON_IsArray(data)) {
        snprintf(err, errlen, "the response has no list of registrations (no \"data\" array)");
    } else {
        read_items(data, out);
        out->total = page_number(root, "total", NULL);
        out->page = page_number(root, "page", NULL);
        out->limit = page_number(root, "limit", "perPage");
        out->pages = page_number(root, "pages", "totalPages");
        if (out->pages < 0 && out->total >= 0 && out->limit > 0)
            out->pages = (out->total + out->limit - 1) / out->limit;
        ok = true;
    }
    cJSON_Delete(root);
    return ok;
}

void page_free(Page *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->items[i]);
    free(p->items);
    memset(p, 0, sizeof *p);
}
