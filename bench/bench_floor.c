/* The floor under `list --file` (bench/rows/file.sh): the dump splitter and cJSON on
 * every record, in cJSON's arena as list --file does it, building nothing from the
 * trees; one thread. What is left of list --file's time above this is regdesk's own
 * work (the scan, sanitising, summaries, the store, the filter).
 *
 *   build/bench-floor DUMP        prints the number of records parsed */
#include <stdio.h>
#include <stdlib.h>

#include "bench_util.h"
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
    if (argc < 2) {
        fprintf(stderr, "usage: bench-floor DUMP\n");
        return 2;
    }
    json_arena_init(&arena, false);
    RecordStream *rs = rstream_new_runs(run_sink, NULL);
    bench_feed_file(rs, argv[1], "bench-floor");
    rstream_free(rs);
    json_arena_free(&arena);
    printf("%zu\n", parsed);
    return 0;
}
