#include <stdio.h>
#include <string.h>

#include "sim/sim_json.h"
#include "sim/sim_req.h"

const char *sim_req_arg(const SimReq *rq, const char *key)
{
    for (size_t i = 0; i < rq->n_args; i++)
        if (strcmp(rq->args[i].key, key) == 0)
            return rq->args[i].value ? rq->args[i].value : "";
    return NULL;
}

/* out becomes a response with this status whose body is an open JSON object. */
static void error_begin(SimResp *out, unsigned status, JsonW *w)
{
    out->status = status;
    strbuf_reset(&out->body);
    jw_init(w, &out->body);
    jw_obj(w);
}

void sim_resp_error(SimResp *out, unsigned status, const char *code, const char *message)
{
    JsonW w;
    error_begin(out, status, &w);
    jw_kstr(&w, "code", code);
    jw_kstr(&w, "message", message);
    jw_obj_end(&w);
}

void sim_resp_no_route(SimResp *out, const char *path)
{
    char msg[600];
    snprintf(msg, sizeof msg, "%.500s does not exist", path);
    sim_resp_error(out, 404, "ResourceNotFound", msg);
}

void sim_resp_error_status(SimResp *out, unsigned status, const char *code, const char *message)
{
    JsonW w;
    error_begin(out, status, &w);
    jw_kstr(&w, "message", message);
    jw_kstr(&w, "code", code);
    jw_kint(&w, "status", status);
    jw_obj_end(&w);
}
