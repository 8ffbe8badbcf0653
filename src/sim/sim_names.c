#include "sim/sim_names.h"

#include <stdio.h>
#include <string.h>

#include "sim/sim_rng.h"

/* Display spelling and the ASCII form used to build e-mail local parts. */
typedef struct NamePart {
    const char *text, *ascii;
} NamePart;

#define N(a) (sizeof(a) / sizeof *(a))

static const NamePart es_female[] = {
    { "María", "maria" },       { "Lucía", "lucia" },       { "Sofía", "sofia" },
    { "Valentina", "valentina" }, { "Camila", "camila" },   { "Ana", "ana" },
    { "Isabel", "isabel" },     { "Inés", "ines" },         { "Ximena", "ximena" },
    { "Daniela", "daniela" },   { "Mariana", "mariana" },   { "Begoña", "begona" },
    { "Verónica", "veronica" }, { "Mónica", "monica" },     { "Raquel", "raquel" },
    { "Dolores", "dolores" },   { "Paula", "paula" },       { "Andrea", "andrea" },
    { "Natalia", "natalia" },   { "Ángela", "angela" },     { "Yolanda", "yolanda" },
    { "Guadalupe", "guadalupe" }, { "Renata", "renata" },   { "Julieta", "julieta" },
};
static const NamePart es_male[] = {
    { "José", "jose" },         { "Juan", "juan" },         { "Andrés", "andres" },
    { "Sebastián", "sebastian" }, { "Nicolás", "nicolas" }, { "Martín", "martin" },
    { "Tomás", "tomas" },       { "Diego", "diego" },       { "Santiago", "santiago" },
    { "Mateo", "mateo" },       { "Alejandro", "alejandro" }, { "Jesús", "jesus" },
    { "Ramón", "ramon" },       { "Íñigo", "inigo" },       { "Óscar", "oscar" },
    { "Héctor", "hector" },     { "Joaquín", "joaquin" },   { "Rubén", "ruben" },
    { "Carlos", "carlos" },     { "Felipe", "felipe" },     { "Emilio", "emilio" },
    { "Fernando", "fernando" }, { "Julián", "julian" },     { "Gonzalo", "gonzalo" },
};
static const NamePart es_surname[] = {
    { "García", "garcia" },     { "Rodríguez", "rodriguez" }, { "Martínez", "martinez" },
    { "Hernández", "hernandez" }, { "López", "lopez" },     { "González", "gonzalez" },
    { "Pérez", "perez" },       { "Sánchez", "sanchez" },   { "Ramírez", "ramirez" },
    { "Torres", "torres" },     { "Flórez", "florez" },     { "Gómez", "gomez" },
    { "Díaz", "diaz" },         { "Muñoz", "munoz" },       { "Ibáñez", "ibanez" },
    { "Peña", "pena" },         { "Ordóñez", "ordonez" },   { "Castaño", "castano" },
    { "Londoño", "londono" },   { "Zúñiga", "zuniga" },     { "Ruiz", "ruiz" },
    { "Jiménez", "jimenez" },   { "Álvarez", "alvarez" },   { "Núñez", "nunez" },
    { "Suárez", "suarez" },     { "Restrepo", "restrepo" }, { "Cárdenas", "cardenas" },
    { "Velásquez", "velasquez" }, { "Quiñones", "quinones" }, { "Montaño", "montano" },
    { "Acuña", "acuna" },       { "Echeverría", "echeverria" },
};
static const NamePart pt_female[] = {
    { "Júlia", "julia" },       { "Lívia", "livia" },       { "Letícia", "leticia" },
    { "Beatriz", "beatriz" },   { "Vitória", "vitoria" },   { "Márcia", "marcia" },
    { "Célia", "celia" },       { "Conceição", "conceicao" }, { "Luíza", "luiza" },
    { "Ana", "ana" },           { "Gabriela", "gabriela" }, { "Fernanda", "fernanda" },
    { "Larissa", "larissa" },   { "Antônia", "antonia" },   { "Flávia", "flavia" },
    { "Cecília", "cecilia" },
};
static const NamePart pt_male[] = {
    { "João", "joao" },         { "José", "jose" },         { "Antônio", "antonio" },
    { "Luís", "luis" },         { "Gonçalo", "goncalo" },   { "Estêvão", "estevao" },
    { "Fábio", "fabio" },       { "Rogério", "rogerio" },   { "Sebastião", "sebastiao" },
    { "Caio", "caio" },         { "Thiago", "thiago" },     { "Mário", "mario" },
    { "Vinícius", "vinicius" }, { "Cássio", "cassio" },     { "Otávio", "otavio" },
    { "Rafael", "rafael" },
};
static const NamePart pt_surname[] = {
    { "Gonçalves", "goncalves" }, { "Conceição", "conceicao" }, { "Araújo", "araujo" },
    { "Magalhães", "magalhaes" }, { "Simões", "simoes" },   { "Guimarães", "guimaraes" },
    { "Peixoto", "peixoto" },   { "Brandão", "brandao" },   { "Falcão", "falcao" },
    { "Assunção", "assuncao" }, { "Silva", "silva" },       { "Santos", "santos" },
    { "Oliveira", "oliveira" }, { "Souza", "souza" },       { "Ribeiro", "ribeiro" },
    { "Carvalho", "carvalho" }, { "Almeida", "almeida" },   { "Nascimento", "nascimento" },
    { "Lima", "lima" },         { "Patrício", "patricio" }, { "Loureiro", "loureiro" },
    { "Romão", "romao" },
};
/* Surname, given name (as written without a space), ASCII for the e-mail. */
static const struct {
    const char *surname, *given, *ascii;
    char gender;
} east_asian_names[] = {
    { "王", "伟", "wang.wei", 'M' },        { "李", "娜", "li.na", 'F' },
    { "张", "敏", "zhang.min", 'F' },       { "陳", "美玲", "chen.meiling", 'F' },
    { "山田", "太郎", "yamada.taro", 'M' }, { "佐藤", "花子", "sato.hanako", 'F' },
    { "김", "민준", "kim.minjun", 'M' },    { "이", "서연", "lee.seoyeon", 'F' },
};
static const char *const emoji[] = { "🌸", "✨", "🚀", "🇨🇴", "🇧🇷", "😀", "🎉", "💃🏽" };

static const SimCountry countries[SC__COUNT] = {
    [SC_CO] = { "Colombia", "+57", "es", "CC", { "Bogotá", "Medellín", "Cali", "Barranquilla" }, false, true },
    [SC_MX] = { "Mexico", "+52", "es", "INE", { "Ciudad de México", "Guadalajara", "Monterrey", "Mérida" }, false, true },
    [SC_BR] = { "Brazil", "+55", "br", "RG", { "São Paulo", "Rio de Janeiro", "Belo Horizonte", "Florianópolis" }, true, false },
    [SC_AR] = { "Argentina", "+54", "es", "DNI", { "Buenos Aires", "Córdoba", "Rosario", "Mendoza" }, false, false },
    [SC_CL] = { "Chile", "+56", "es", "RUN", { "Santiago", "Valparaíso", "Concepción", "Temuco" }, false, true },
    [SC_PE] = { "Peru", "+51", "es", "DNI", { "Lima", "Arequipa", "Cusco", "Trujillo" }, false, true },
};

static const char *const domains[] = {
    "example.com", "example.org", "example.net", "correo.example", "mail.example",
    "webmail.example", "empresa.example", "provedor.example",
};

const SimCountry *sim_country(unsigned id)
{
    return &countries[id < SC__COUNT ? id : SC_CO];
}

/* Appends s to dst (capacity n), never overflowing. */
static void cat(char *dst, size_t n, const char *s)
{
    size_t len = strlen(dst), add = strlen(s);
    if (len + add >= n)
        add = n - len - 1;
    memcpy(dst + len, s, add);
    dst[len + add] = '\0';
}

static void add_word(char *dst, size_t n, const char *word)
{
    cat(dst, n, " ");
    cat(dst, n, word);
}

static void digits(SimRng *r, char *out, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        out[i] = (char)('0' + sim_rng_below(r, 10));
    out[n] = '\0';
}

static void make_phone(SimRng *r, unsigned country, char *out)
{
    static const char *const br_ddd[] = { "11", "21", "31", "41", "48", "51", "61", "71", "81" };
    static const char *const mx_area[] = { "55", "33", "81", "99" };
    switch (country) {
    case SC_BR:
        strcpy(out, br_ddd[sim_rng_below(r, N(br_ddd))]);
        out[2] = '9';
        digits(r, out + 3, 8);
        break;
    case SC_MX:
        strcpy(out, mx_area[sim_rng_below(r, N(mx_area))]);
        digits(r, out + 2, 8);
        break;
    case SC_AR:
        strcpy(out, "911");
        digits(r, out + 3, 8);
        break;
    case SC_CO:
        out[0] = '3';
        digits(r, out + 1, 9);
        break;
    default: /* Chile and Peru: mobile numbers start with 9 */
        out[0] = '9';
        digits(r, out + 1, 8);
        break;
    }
}

static void make_docnum(SimRng *r, unsigned country, char *out)
{
    switch (country) {
    case SC_CO:
        out[0] = '1';
        out[1] = '0';
        digits(r, out + 2, 8);
        break;
    case SC_MX:
        digits(r, out, 13);
        break;
    case SC_BR:
        digits(r, out, 9);
        break;
    case SC_CL:
        digits(r, out, 8);
        out[8] = '-';
        out[9] = "0123456789K"[sim_rng_below(r, 11)];
        out[10] = '\0';
        break;
    default:
        digits(r, out, 8);
        break;
    }
}

static void make_email(SimRng *r, const char *first, const char *last, char *out, size_t n)
{
    char num[8];
    snprintf(num, sizeof num, "%u", 10 + sim_rng_below(r, 990));
    const char *domain = domains[sim_rng_below(r, N(domains))];
    switch (sim_rng_below(r, 5)) {
    case 0: snprintf(out, n, "%s.%s@%s", first, last, domain); break;
    case 1: snprintf(out, n, "%s%s%s@%s", first, last, num, domain); break;
    case 2: snprintf(out, n, "%c.%s%s@%s", first[0], last, num, domain); break;
    case 3: snprintf(out, n, "%s.%s_%s@%s", last, first, num, domain); break;
    default: snprintf(out, n, "%s_%s%u@%s", first, last, 1960 + sim_rng_below(r, 45), domain); break;
    }
}

/* An index of the same list other than `not`: nobody is "Ana Ana" or "Ribeiro Ribeiro". */
static uint32_t other_index(SimRng *r, uint32_t not, size_t n)
{
    return (not + 1 + sim_rng_below(r, (uint32_t)n - 1)) % (uint32_t)n;
}

static void western_name(SimPerson *p, SimRng *r, bool pt, char *ascii_first, char *ascii_last)
{
    bool female = sim_rng_pct(r, 52);
    const NamePart *given = pt ? (female ? pt_female : pt_male) : (female ? es_female : es_male);
    size_t ngiven = pt ? (female ? N(pt_female) : N(pt_male)) : (female ? N(es_female) : N(es_male));
    const NamePart *sur = pt ? pt_surname : es_surname;
    size_t nsur = pt ? N(pt_surname) : N(es_surname);
    p->gender = female ? 'F' : 'M';

    uint32_t gi = sim_rng_below(r, (uint32_t)ngiven);
    strcpy(p->full, given[gi].text);
    strcpy(ascii_first, given[gi].ascii);
    if (sim_rng_pct(r, 30))
        add_word(p->full, sizeof p->full, given[other_index(r, gi, ngiven)].text);
    if (sim_rng_pct(r, 2))
        add_word(p->full, sizeof p->full, emoji[sim_rng_below(r, N(emoji))]);
    cat(p->full, sizeof p->full, " ");
    p->split = (unsigned)strlen(p->full);
    uint32_t si = sim_rng_below(r, (uint32_t)nsur);
    cat(p->full, sizeof p->full, sur[si].text);
    strcpy(ascii_last, sur[si].ascii);
    if (sim_rng_pct(r, 55))
        add_word(p->full, sizeof p->full, sur[other_index(r, si, nsur)].text);
}

void sim_person_make(SimPerson *p, uint64_t pseed, unsigned country)
{
    SimRng r;
    sim_rng_init(&r, pseed);
    const SimCountry *c = sim_country(country);
    char first[32], last[32];
    p->east_asian = sim_rng_pct(&r, 1);
    if (p->east_asian) {
        unsigned k = sim_rng_below(&r, N(east_asian_names));
        snprintf(p->full, sizeof p->full, "%s%s", east_asian_names[k].surname, east_asian_names[k].given);
        p->split = (unsigned)strlen(east_asian_names[k].surname);
        p->gender = east_asian_names[k].gender;
        const char *dot = strchr(east_asian_names[k].ascii, '.');
        snprintf(last, sizeof last, "%.*s", (int)(dot - east_asian_names[k].ascii), east_asian_names[k].ascii);
        snprintf(first, sizeof first, "%s", dot + 1);
    } else {
        western_name(p, &r, c->portuguese, first, last);
    }
    make_email(&r, first, last, p->email, sizeof p->email);
    make_phone(&r, country, p->phone);
    make_docnum(&r, country, p->docnum);
    p->birth_year = 1950 + sim_rng_below(&r, 56);
    p->birth_month = 1 + sim_rng_below(&r, 12);
    p->birth_day = 1 + sim_rng_below(&r, 28);
}

void sim_name_parts(const char *full, unsigned split, bool east_asian, char *first, char *last,
                    unsigned n)
{
    size_t len = strlen(full);
    if (split > len)
        split = (unsigned)len;
    if (east_asian) {
        snprintf(last, n, "%.*s", (int)split, full);
        snprintf(first, n, "%s", full + split);
        return;
    }
    unsigned flen = split > 0 ? split - 1 : 0; /* without the separating space */
    snprintf(first, n, "%.*s", (int)flen, full);
    snprintf(last, n, "%s", full + split);
}

void sim_upper_latin(char *s)
{
    for (unsigned char *p = (unsigned char *)s; *p; p++) {
        if (*p >= 'a' && *p <= 'z') {
            *p = (unsigned char)(*p - 32);
        } else if (*p == 0xC3 && p[1] >= 0xA0 && p[1] <= 0xBE && p[1] != 0xB7) {
            p[1] = (unsigned char)(p[1] - 0x20);
            p++;
        }
    }
}
