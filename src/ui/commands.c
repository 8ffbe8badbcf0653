/* What each action does when no layer and no focused pane took its key. The dispatch
 * table is generated from the handler column of the one action table (ui/actions.h). */
#include "ui/commands.h"

#include "ui/draw.h"
#include "ui/term.h"

/* One call of an action: the dashboard, the action, and the key that chose it (the saved
 * views' digits). */
typedef struct Call {
    Ui *ui;
    ActionId act;
    Key k;
} Call;

typedef unsigned (*Handler)(const Call *c);

/* ---- the list ---------------------------------------------------------------------------- */

static unsigned act_nav(const Call *c)
{
    Nav nav;
    return action_nav(c->act, &nav) ? model_list_nav(&c->ui->m, nav) : 0;
}

static unsigned act_record(const Call *c)
{
    return model_list_nav(&c->ui->m, c->act == ACT_NEXT_RECORD ? NAV_DOWN : NAV_UP);
}

/* ---- the detail pane: keys aimed at it mean the selected record -------------------------- */

static unsigned aimed(Ui *ui)
{
    return model_detail_show_selected(&ui->m) | R_DETAIL;
}

/* The detail pane's actions that need nothing but the model. */
static unsigned (*const detail_ops[ACT__COUNT])(Model *) = {
    [ACT_OPEN] = model_open_detail,
    [ACT_FOCUS] = model_toggle_focus,
    [ACT_ZOOM] = model_toggle_zoom,
    [ACT_TOGGLE_SECTION] = model_toggle_section,
    [ACT_RAW_CODES] = model_toggle_raw_codes,
    [ACT_RAW_JSON] = model_toggle_raw_json,
    [ACT_REVEAL] = model_reveal,
};

static unsigned act_detail(const Call *c)
{
    return aimed(c->ui) | detail_ops[c->act](&c->ui->m);
}

static unsigned act_fold_all(const Call *c)
{
    return aimed(c->ui) | model_fold_all(&c->ui->m, c->act == ACT_COLLAPSE_ALL);
}

static unsigned act_section(const Call *c)
{
    return aimed(c->ui) | model_jump_section(&c->ui->m, c->act == ACT_NEXT_SECTION ? +1 : -1);
}

/* ---- filter, search, sort, views ---------------------------------------------------------- */

/* / and f inside the raw JSON view search its text, not the list. */
static bool in_raw_view(const Model *m)
{
    return m->det.raw_json && m->focus == FOCUS_DETAIL && model_detail_visible(m);
}

static unsigned raw_find(void *ctx, Model *m, const char *text, long from)
{
    (void)ctx;
    return model_detail_find(m, text, from);
}

static unsigned raw_go(void *ctx, Model *m, long pos)
{
    (void)ctx;
    return model_detail_goto(m, pos);
}

static long raw_pos(void *ctx, const Model *m)
{
    (void)ctx;
    return m->det.cursor;
}

static size_t raw_count(void *ctx, Model *m)
{
    (void)ctx;
    return model_detail_find_count(m);
}

static const char *raw_text(void *ctx, const Model *m)
{
    (void)ctx;
    return m->det.find.text;
}

static const TextFinder raw_finder = { "the JSON", NULL, raw_find, raw_go, raw_pos, raw_count, raw_text };

static unsigned act_filter(const Call *c)
{
    if (in_raw_view(&c->ui->m))
        return prompt_open_find(&c->ui->prompt, &c->ui->layers, &c->ui->m, &raw_finder);
    return prompt_open(&c->ui->prompt, &c->ui->layers, &c->ui->m, PR_FILTER);
}

static unsigned act_search(const Call *c)
{
    if (in_raw_view(&c->ui->m))
        return prompt_open_find(&c->ui->prompt, &c->ui->layers, &c->ui->m, &raw_finder);
    return prompt_open(&c->ui->prompt, &c->ui->layers, &c->ui->m, PR_SEARCH);
}

static unsigned act_search_step(const Call *c)
{
    int dir = c->act == ACT_SEARCH_NEXT ? +1 : -1;
    if (in_raw_view(&c->ui->m))
        return model_detail_find_step(&c->ui->m, dir);
    return model_search_step(&c->ui->m, dir);
}

static unsigned act_sort(const Call *c)
{
    return sortmenu_open(&c->ui->sortmenu, &c->ui->layers, &c->ui->m);
}

static unsigned act_views(const Call *c)
{
    return viewmenu_open(&c->ui->viewmenu, &c->ui->layers, &c->ui->m);
}

static unsigned act_reverse(const Call *c)
{
    SortSpec s = c->ui->m.view.sort;
    return model_set_sort(&c->ui->m, (SortSpec){ s.key, !s.descending });
}

static unsigned act_view(const Call *c)
{
    return model_apply_view(&c->ui->m, (int)(c->k - '0'));
}

/* ---- decisions and support: each opens its dialog, which the model drives ---------------- */

static unsigned act_decide(const Call *c)
{
    Status to = c->act == ACT_APPROVE ? ST_COMPLETED : c->act == ACT_APPROVE_NOKYC ? ST_COMPLETED_WITHOUT_KYC : ST_FAILED;
    return decide_box_open(&c->ui->decide, &c->ui->layers, &c->ui->m, to);
}

static unsigned act_resend(const Call *c)
{
    return resend_box_open(&c->ui->resend, &c->ui->layers, &c->ui->m);
}

static unsigned act_copy_id(const Call *c)
{
    return model_copy_id(&c->ui->m);
}

static unsigned act_create(const Call *c)
{
    return create_box_open(&c->ui->create, &c->ui->layers, &c->ui->m);
}

static unsigned act_pause(const Call *c)
{
    return model_toggle_pause(&c->ui->m);
}

/* ---- the rest ----------------------------------------------------------------------------- */

static unsigned act_reload(const Call *c)
{
    return model_reload(&c->ui->m);
}

static unsigned act_mouse(const Call *c)
{
    c->ui->mouse = !c->ui->mouse;
    term_set_mouse(c->ui->mouse);
    return model_message(&c->ui->m, SL_STATUSBAR, 3, "mouse %s", c->ui->mouse ? "on" : "off: the terminal selects text");
}

static unsigned act_theme(const Call *c)
{
    Ui *ui = c->ui;
    const UiConfig *cfg = ui->cfg;
    if (cfg->nthemes < 2)
        return model_message(&ui->m, SL_STATUS_WARN, 3, "no other theme: put NAME.theme files in "
                                                         "~/.config/regdesk/themes");
    ui->theme = (ui->theme + 1) % cfg->nthemes;
    const UiTheme *t = &cfg->themes[ui->theme];
    theme_init(cfg->colour, &t->rules);
    term_redraw();
    if (t->nwarnings)
        return R_ALL | model_message(&ui->m, SL_STATUS_WARN, 0, "theme %s: %s%s", t->name, t->warning,
                                     t->nwarnings > 1 ? " (and more: regdesk --check-config)" : "");
    return R_ALL | model_message(&ui->m, SL_STATUSBAR, 3, "theme %s (%zu of %zu)%s", t->name, ui->theme + 1,
                                 cfg->nthemes, cfg->colour ? "" : "; NO_COLOR is set: attributes only");
}

static unsigned act_redraw(const Call *c)
{
    (void)c;
    term_redraw();
    return R_ALL;
}

static unsigned act_export(const Call *c)
{
    return export_open(&c->ui->exp, &c->ui->layers, &c->ui->m);
}

static unsigned act_help(const Call *c)
{
    return help_open(&c->ui->help, &c->ui->layers, &c->ui->lay, &c->ui->m);
}

static unsigned act_close(const Call *c)
{
    return model_escape(&c->ui->m);
}

static unsigned act_quit(const Call *c)
{
    c->ui->quit = true; /* status 0: the user chose to leave */
    return 0;
}

/* Prompt actions reach here only if a prompt key were looked up outside the prompt. */
static unsigned act_prompt(const Call *c)
{
    (void)c;
    return 0;
}

static const Handler handlers[ACT__COUNT] = {
#define X(id, name, group, flags, handler, keys, help) [ACT_##id] = act_##handler,
    UI_ACTIONS(X)
#undef X
};

unsigned command_run(Ui *ui, ActionId act, Key k)
{
    const Call c = { ui, act, k };
    return act >= 0 && act < ACT__COUNT ? handlers[act](&c) : 0;
}
