/* The floor under `list --file` (bench/rows/file.sh): the dump splitter and cJSON on
 * every record, in cJSON's arena as list --file does it, building nothing from the
 * trees; one thread. What is left of list --file's time above this is regdesk's own
 * work (the scan, sanitising, summaries, the store, the filter).
 *
 *   build/bench-floor DUMP        prints the number of records parsed */
#include <stdio.h>
#include <stdlib.h>

#include "core/json.h"
#include "core/parse_run.h"

static size_t parsed;
static JsonArena arena;

static void run_sink(void *ctx, RecordRun *run)
{
    (void)ctx;
    json_arena_enter(&arena);
    for (size_t i = 0; i < run->n; i++) {
        JsonError je;
        parsed += json_parse(run->text.s + run->recs[i].off, run->recs[i].len, &je) != NULL;
        json_arena_reset(&arena);
    }
    json_arena_leave(&arena);
    rrun_free(run);
}

int main(int argc, char **argv)
{
    FILE *f = argc > 1 ? fopen(argv[1], "rb") : NULL;
    if (!f) {
        fprintf(stderr, "usage: bench-floor DUMP\n");
        return 2;
    }
    json_arena_init(&arena, false);
    RecordStream *rs = rstream_new_runs(run_sink, NULL);
    static char buf[1 << 18];
    char err[300];
    size_t got;
    bool ok = true;
    while (ok && (got = fread(buf, 1, sizeof buf, f)) > 0)
        ok = rstream_feed(rs, buf, got, err, sizeof err);
    if (!ok || !rstream_finish(rs, err, sizeof err)) {
        fprintf(stderr, "bench-floor: %s\n", err);
        return 1;
    }
    rstream_free(rs);
    json_arena_free(&arena);
    fclose(f);
    printf("%zu\n", parsed);
    return 0;
}
