#include "sim/sim_http.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "core/timeutil.h"
#include "core/xalloc.h"
#include "sim/sim_auth.h"
#include "sim/sim_req.h"
#include "sim/sim_routes.h"
#include "sim/sim_stream.h"

enum { MAX_BODY = 1 << 20 };

/* Per-request state, from the first call of the handler to MHD's completion notice. */
typedef struct ReqCtx {
    StrBuf body;
    bool too_big;
    SimArg *args;
    size_t n_args, cap_args;
} ReqCtx;

static atomic_ulong request_seq;

static SimMethod method_of(const char *m)
{
    return strcmp(m, "GET") == 0      ? M_GET
           : strcmp(m, "POST") == 0   ? M_POST
           : strcmp(m, "PUT") == 0    ? M_PUT
           : strcmp(m, "DELETE") == 0 ? M_DELETE
                                      : M_OTHER;
}

static enum MHD_Result collect_arg(void *cls, enum MHD_ValueKind kind, const char *key,
                                   const char *value)
{
    (void)kind;
    ReqCtx *c = cls;
    c->args = xgrow(c->args, &c->cap_args, c->n_args + 1, sizeof *c->args);
    c->args[c->n_args++] = (SimArg){ key, value ? value : "" };
    return MHD_YES;
}

static bool from_loopback(struct MHD_Connection *conn)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    if (!ci || !ci->client_addr)
        return false;
    if (ci->client_addr->sa_family == AF_INET) {
        const struct sockaddr_in *in = (const struct sockaddr_in *)(const void *)ci->client_addr;
        return (ntohl(in->sin_addr.s_addr) >> 24) == 127;
    }
    return false;
}

static enum MHD_Result queue(struct MHD_Connection *conn, struct MHD_Response *mr,
                             const SimResp *r)
{
    MHD_add_response_header(mr, MHD_HTTP_HEADER_CONTENT_TYPE,
                            r->content_type ? r->content_type : "application/json; charset=utf-8");
    MHD_add_response_header(mr, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
    if (r->location[0])
        MHD_add_response_header(mr, MHD_HTTP_HEADER_LOCATION, r->location);
    if (r->retry_after) {
        char v[16];
        snprintf(v, sizeof v, "%u", r->retry_after);
        MHD_add_response_header(mr, MHD_HTTP_HEADER_RETRY_AFTER, v);
    }
    enum MHD_Result ret = MHD_queue_response(conn, r->status, mr);
    MHD_destroy_response(mr);
    return ret;
}

static enum MHD_Result queue_buffer(struct MHD_Connection *conn, SimResp *r)
{
    size_t len = r->body.len;
    char *buf = strbuf_steal(&r->body);
    return queue(conn, MHD_create_response_from_buffer(len, buf, MHD_RESPMEM_MUST_FREE), r);
}

static enum MHD_Result serve_internal(Sim *sim, struct MHD_Connection *conn, const SimReq *rq)
{
    SimResp r = { .status = 200, .body = STRBUF_INIT };
    JsonW w;
    jw_init(&w, &r.body);
    if (!from_loopback(conn)) {
        sim_resp_error(&r, 403, "Forbidden", "loopback only");
    } else if (strcmp(rq->path, "/__sim/stats") == 0 && rq->method == M_GET) {
        pthread_mutex_lock(&sim->store->lock);
        size_t live = sim->store->live;
        pthread_mutex_unlock(&sim->store->lock);
        sim_stats_json(&sim->stats, &w, live);
    } else if (strcmp(rq->path, "/__sim/reset-stats") == 0 && rq->method == M_POST) {
        sim_stats_reset(&sim->stats);
        jw_raw(&w, "{\"ok\":true}", 11);
    } else if (strcmp(rq->path, "/__sim/expire") == 0 && rq->method == M_POST && sim_req_arg(rq, "after")) {
        sim_auth_expire_in(sim->auth, atol(sim_req_arg(rq, "after")));
        jw_raw(&w, "{\"ok\":true}", 11);
    } else if (strcmp(rq->path, "/__sim/faults") == 0 && rq->method == M_POST && sim_req_arg(rq, "on")) {
        atomic_store(&sim->faults_off, strcmp(sim_req_arg(rq, "on"), "0") == 0);
        jw_raw(&w, "{\"ok\":true}", 11);
    } else {
        sim_resp_error(&r, 404, "ResourceNotFound", "no such simulator route");
    }
    return queue_buffer(conn, &r);
}

/* Sends RST instead of a response. MHD shuts a socket down (FIN) before closing it, so
 * the reset is done first: connect() with AF_UNSPEC disconnects a TCP socket, and Linux
 * answers that with RST. MHD then closes the dead socket as usual. */
static enum MHD_Result reset_connection(struct MHD_Connection *conn)
{
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
    if (ci) {
        struct sockaddr unspec;
        memset(&unspec, 0, sizeof unspec);
        unspec.sa_family = AF_UNSPEC;
        connect(ci->connect_fd, &unspec, sizeof unspec);
    }
    return MHD_NO;
}

static void run_route(Sim *sim, const SimReq *rq, SimRoute route, bool method_ok,
                      const char *id, bool too_big, SimResp *r)
{
    if (route == R_UNKNOWN) {
        sim_resp_no_route(r, rq->path);
    } else if (!method_ok) {
        char msg[64];
        snprintf(msg, sizeof msg, "%.20s is not allowed", rq->method_name);
        sim_resp_error(r, 405, "MethodNotAllowed", msg);
    } else if (too_big) {
        sim_resp_error(r, 413, "PayloadTooLarge", "413:request_body_too_large");
    } else {
        sim_route_run(sim, route, id, rq, r);
    }
}

/* Holds an accepted request without an answer until the client gives up (closes), the
 * simulator stops, or hang-ms passes; then drops the connection. */
static enum MHD_Result hang(Sim *sim, struct MHD_Connection *conn)
{
    const union MHD_ConnectionInfo *ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
    int64_t until = time_mono_us() + (int64_t)sim->cfg.fault.hang_ms * 1000;
    while (ci && !atomic_load(&sim->stopping) && time_mono_us() < until) {
        struct pollfd p = { ci->connect_fd, POLLIN | POLLRDHUP, 0 };
        char c;
        if (poll(&p, 1, 100) > 0 &&
            ((p.revents & (POLLRDHUP | POLLHUP | POLLERR)) || recv(ci->connect_fd, &c, 1, MSG_PEEK) == 0))
            break;
    }
    return MHD_NO;
}

static void put_encoded(StrBuf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-._~[]", c))
            strbuf_putc(b, (char)c);
        else
            strbuf_printf(b, "%%%02X", c);
    }
}

/* 302 to redirect-to (or this server) with the same path and query. */
static void redirect(const Sim *sim, const SimReq *rq, SimResp *r)
{
    StrBuf b = STRBUF_INIT;
    if (sim->cfg.fault.redirect_to[0])
        strbuf_puts(&b, sim->cfg.fault.redirect_to);
    else
        strbuf_printf(&b, "http://127.0.0.1:%u", sim->port);
    strbuf_puts(&b, rq->path);
    for (size_t i = 0; i < rq->n_args; i++) {
        strbuf_putc(&b, i ? '&' : '?');
        put_encoded(&b, rq->args[i].key);
        strbuf_putc(&b, '=');
        put_encoded(&b, rq->args[i].value);
    }
    r->status = 302;
    snprintf(r->location, sizeof r->location, "%s", strbuf_cstr(&b));
    sim_resp_error(r, 302, "Found", "moved");
    strbuf_free(&b);
}

static void echo_token(const SimReq *rq, SimResp *r)
{
    char msg[600];
    snprintf(msg, sizeof msg, "401:invalid_token %.500s", rq->authorization ? rq->authorization : "(none)");
    sim_resp_error(r, 401, "Unauthorized", msg);
}

static void sleep_ms(unsigned ms)
{
    struct timespec ts = { (time_t)(ms / 1000), (long)(ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}

static void log_request(const Sim *sim, const SimReq *rq, unsigned status, size_t bytes,
                        SimFaultKind fk, long long us)
{
    if (!sim->cfg.verbose)
        return;
    fprintf(stderr, "%s %s -> %u, %zu bytes, %lld us%s%s\n", rq->method_name, rq->path, status,
            bytes, us, fk ? ", fault " : "", fk ? sim_fault_name(fk) : "");
}

static enum MHD_Result serve_api(Sim *sim, struct MHD_Connection *conn, SimReq *rq, bool too_big)
{
    uint64_t seq = atomic_fetch_add(&request_seq, 1);
    bool off = atomic_load(&sim->faults_off);
    SimFaultKind fk = off ? FK_NONE : sim_fault_pick(&sim->cfg.fault, sim->cfg.seed, seq);
    if (sim->cfg.fault.latency_ms && !off) {
        sleep_ms(sim->cfg.fault.latency_ms);
        atomic_fetch_add(&sim->stats.latency, 1);
    }
    char id[64];
    bool method_ok;
    SimRoute route = sim_route_match(rq, id, sizeof id, &method_ok);
    sim_stats_request(&sim->stats, route, rq->authorization != NULL);
    if (!sim_fault_applies(fk, route))
        fk = FK_NONE;
    if (fk != FK_NONE && sim->cfg.fault.only[0] && strcmp(sim->cfg.fault.only, sim_route_name(route)) != 0)
        fk = FK_NONE; /* only=ROUTE: the others are served as they are */
    if (fk != FK_NONE)
        sim_stats_fault(&sim->stats, fk);
    rq->fault = sim_fault_is_data(fk) ? (int)fk : FK_NONE;
    SimResp r = { .status = 200, .body = STRBUF_INIT };
    if (fk == FK_HANG) {
        log_request(sim, rq, 0, 0, fk, 0);
        return hang(sim, conn);
    }
    if (fk == FK_RESET || fk == FK_HUGE) {
        log_request(sim, rq, fk == FK_HUGE ? 200 : 0, 0, fk, 0);
        if (fk == FK_RESET)
            return reset_connection(conn);
        sim_stats_status(&sim->stats, 200);
        return queue(conn, sim_stream_huge(sim->cfg.fault.huge_mb), &r);
    }
    int64_t t0 = time_mono_us();
    if (sim_fault_is_canned(fk))
        sim_fault_canned(fk, &sim->cfg.fault, seq, &r);
    else if (fk == FK_REDIRECT)
        redirect(sim, rq, &r);
    else if (fk == FK_ECHO) /* a server that quotes the credentials back in its error */
        echo_token(rq, &r);
    else
        run_route(sim, rq, route, method_ok, id, too_big, &r);
    if (fk == FK_MALFORMED)
        sim_fault_corrupt(seq, &r);
    log_request(sim, rq, r.status, r.body.len, fk, (long long)(time_mono_us() - t0));
    sim_stats_status(&sim->stats, r.status);
    if (fk != FK_TRUNCATE && fk != FK_SLOW && fk != FK_TRICKLE)
        return queue_buffer(conn, &r);
    size_t len = r.body.len;
    char *buf = strbuf_steal(&r.body);
    struct MHD_Response *mr = fk == FK_SLOW      ? sim_stream_slow(sim, buf, len)
                              : fk == FK_TRICKLE ? sim_stream_trickle(sim, buf, len)
                                                 : sim_stream_truncated(buf, len, seq);
    return queue(conn, mr, &r);
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *conn, const char *url,
                               const char *method, const char *version, const char *upload,
                               size_t *upload_size, void **con_cls)
{
    (void)version;
    Sim *sim = cls;
    ReqCtx *c = *con_cls;
    if (!c) {
        *con_cls = xcalloc(1, sizeof *c);
        return MHD_YES;
    }
    if (*upload_size) {
        if (c->body.len + *upload_size > MAX_BODY)
            c->too_big = true;
        else
            strbuf_append(&c->body, upload, *upload_size);
        *upload_size = 0;
        return MHD_YES;
    }
    MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_arg, c);
    SimReq rq = { method_of(method), method, url, c->args, c->n_args,
                  strbuf_cstr(&c->body), c->body.len,
                  MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Authorization"), FK_NONE };
    if (strncmp(url, "/__sim/", 7) == 0)
        return serve_internal(sim, conn, &rq);
    return serve_api(sim, conn, &rq, c->too_big);
}

static void completed(void *cls, struct MHD_Connection *conn, void **con_cls,
                      enum MHD_RequestTerminationCode toe)
{
    (void)cls, (void)conn, (void)toe;
    ReqCtx *c = *con_cls;
    if (!c)
        return;
    strbuf_free(&c->body);
    free(c->args);
    free(c);
    *con_cls = NULL;
}

static void connection_event(void *cls, struct MHD_Connection *conn, void **socket_ctx,
                             enum MHD_ConnectionNotificationCode toe)
{
    (void)conn, (void)socket_ctx;
    Sim *sim = cls;
    sim_stats_connection(&sim->stats, toe == MHD_CONNECTION_NOTIFY_STARTED);
}

/* libmicrohttpd's own messages (for example about the connections --fault reset drops)
 * are noise unless --verbose. Its format strings are printf's (said so for clang's
 * -Wformat-nonliteral). */
__attribute__((format(printf, 2, 0))) static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    const Sim *sim = cls;
    if (!sim->cfg.verbose)
        return;
    fputs("regdesk-sim: libmicrohttpd: ", stderr);
    vfprintf(stderr, fmt, ap);
}

struct MHD_Daemon *sim_http_start(Sim *sim, unsigned port, unsigned *bound)
{
    struct sockaddr_in sa;
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)port);
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    struct MHD_Daemon *d = MHD_start_daemon(
        MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_THREAD_PER_CONNECTION | MHD_USE_ERROR_LOG,
        (uint16_t)port, NULL, NULL, handler, sim,
        MHD_OPTION_EXTERNAL_LOGGER, mhd_log, sim, /* must come first */
        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
        MHD_OPTION_NOTIFY_COMPLETED, completed, sim,
        MHD_OPTION_NOTIFY_CONNECTION, connection_event, sim,
        MHD_OPTION_CONNECTION_LIMIT, (unsigned)512,
        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60,
        MHD_OPTION_END);
    if (!d)
        return NULL;
    const union MHD_DaemonInfo *info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
    *bound = info ? info->port : port;
    return d;
}

void sim_http_stop(struct MHD_Daemon *d)
{
    MHD_stop_daemon(d);
}
