/* Full list loads: what each page says about the list (counts, page numbers, page
 * size), how far to go, and the sentence at the end when the API changed its answer
 * during the load or would not stop. */
#include <stdio.h>

#include "net/worker_internal.h"

enum { PAGES_MAX = 50000000 }; /* a count beyond this is nonsense; the record cap stops far sooner */

/* The pages a list may grow by after page 1, when records are added during the load. */
static int margin(int pages)
{
    return 2 + pages / 20;
}

static bool more_to_come(const Job *j)
{
    return j->pages >= 0 ? j->next_page <= j->pages : j->more;
}

bool list_wants_page(const Job *j)
{
    if (j->next_page == 1)
        return true;
    if (j->capped)
        return false;
    if (j->pages >= 0)
        return j->next_page <= j->pages;
    return j->more && j->active == 0; /* unknown page count: one page at a time */
}

bool list_check(const Job *j, int page_no, const Page *p, char *err, size_t n)
{
    if (p->page >= 0 && p->page != page_no) {
        msg_format(err, n, "page %d came back as page %ld: the API did not serve the page asked for", page_no,
                   p->page);
        return false;
    }
    if (page_no > 1 && j->first_limit > 0 && p->limit > 0 && p->limit != j->first_limit) {
        msg_format(err, n, "page %d came back with %ld registrations a page where page 1 had %ld: the API changed "
                   "its page size during the load", page_no, p->limit, j->first_limit);
        return false;
    }
    return true;
}

static int clamp_pages(long pages)
{
    return pages > PAGES_MAX ? PAGES_MAX : (int)pages;
}

void list_learn(const WorkerConfig *cfg, Job *j, int page_no, const Page *p)
{
    if (page_no == 1) {
        j->first_total = p->total;
        j->first_limit = p->limit;
        if (p->pages >= 0) {
            j->pages = j->first_pages = j->pages_asked = clamp_pages(p->pages);
            j->max_pages = j->pages + margin(j->pages);
        }
    } else {
        if ((p->total >= 0 && j->total >= 0 && p->total != j->total) ||
            (p->pages >= 0 && j->pages_asked >= 0 && clamp_pages(p->pages) != j->pages_asked))
            j->changed = true;
        if (p->pages >= 0 && j->pages >= 0) {
            int asked = clamp_pages(p->pages);
            if (asked > j->pages_asked)
                j->pages_asked = asked;
            if (asked > j->pages) /* grown while loading: follow, within the margin */
                j->pages = asked < j->max_pages ? asked : j->max_pages;
        }
    }
    if (p->total >= 0)
        j->total = p->total;
    if (j->pages < 0)
        j->more = p->n > 0 && (long)p->n >= (p->limit > 0 ? p->limit : cfg->page_size);
    j->loaded += (long)p->n;
    for (size_t i = 0; i < p->n; i++)
        j->bytes += summary_size(p->items[i]);
    if (j->loaded >= cfg->max_records)
        j->capped = CAP_RECORDS;
    else if (j->bytes >= cfg->max_memory)
        j->capped = CAP_MEMORY;
}

static void cap_sentence(const Job *j, ListCap cap, char *buf, size_t n)
{
    const char *why = j->pages >= 0 ? "had more pages to send" : "kept sending full pages without saying how many";
    switch (cap) {
    case CAP_PAGES:
        msg_format(buf, n, "the API kept announcing more pages (%d, where page 1 said %d); regdesk stopped at page %d, "
                   "so the list may be incomplete", j->pages_asked, j->first_pages, j->max_pages);
        break;
    case CAP_RECORDS:
        msg_format(buf, n, "stopped at %ld registrations, the max_records limit in the config, while the API %s",
                   j->loaded, why);
        break;
    case CAP_MEMORY:
        msg_format(buf, n, "stopped at %ld registrations taking %zu MB, the max_memory_mb limit in the config, while "
                   "the API %s", j->loaded, j->bytes >> 20, why);
        break;
    case CAP_NONE:
        buf[0] = '\0';
    }
}

void list_done(const Job *j, Result *r)
{
    r->loaded = j->loaded;
    r->total = j->total;
    r->first_total = j->first_total;
    r->failed_pages = j->failed_pages;
    r->data_changed = j->changed;
    if (j->first_pages >= 0 && j->pages_asked > j->max_pages)
        r->capped = CAP_PAGES;
    else if (j->capped && more_to_come(j))
        r->capped = j->capped;
    char cap[MSG_MAX];
    cap_sentence(j, r->capped, cap, sizeof cap);
    if (r->data_changed && j->first_total >= 0 && j->total >= 0 && j->first_total != j->total)
        msg_format(r->message, sizeof r->message, "%s%sthe registrations changed on the server during the load (a "
                   "total of %ld on page 1, %ld at the end)", cap, *cap ? "; " : "", j->first_total, j->total);
    else if (r->data_changed)
        msg_format(r->message, sizeof r->message, "%s%sthe API's page count changed during the load (%d on page 1, "
                   "%d later)", cap, *cap ? "; " : "", j->first_pages, j->pages_asked);
    else
        msg_format(r->message, sizeof r->message, "%s", cap);
}
