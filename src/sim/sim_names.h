#ifndef REGDESK_SIM_NAMES_H
#define REGDESK_SIM_NAMES_H
/* Invented people: Spanish and Portuguese names with their accents, a few East Asian
 * names and some emoji, plus e-mail addresses, phone numbers and document numbers in the
 * shape each country uses. Every e-mail domain is a reserved example domain. */
#include <stdbool.h>
#include <stdint.h>

typedef enum SimCountryId {
    SC_CO, SC_MX, SC_BR, SC_AR, SC_CL, SC_PE, SC__COUNT
} SimCountryId;

typedef struct SimCountry {
    const char *name;        /* "Colombia" */
    const char *dial;        /* "+57" */
    const char *language;    /* registration language: "es", "br" */
    const char *doc_type;    /* national id code: "CC", "INE", "RG", "DNI" ... */
    const char *cities[4];
    bool portuguese;         /* names from the Portuguese tables */
    bool registry;           /* a government name lookup exists (name-match percentages) */
} SimCountry;

const SimCountry *sim_country(unsigned id);

typedef struct SimPerson {
    char full[160];      /* "María José Gómez Ibáñez" */
    unsigned split;      /* byte offset where the surnames start (after the space) */
    bool east_asian;     /* surname first, no space: split = surname length */
    char email[112];
    char phone[24];      /* national digits */
    char docnum[24];
    char gender;         /* 'F' or 'M' */
    unsigned birth_year, birth_month, birth_day;
} SimPerson;

/* A person from its own seed, living in `country`. */
void sim_person_make(SimPerson *p, uint64_t pseed, unsigned country);

/* firstName / lastName of a full name given its split (see SimPerson). */
void sim_name_parts(const char *full, unsigned split, bool east_asian, char *first, char *last,
                    unsigned n);


/* Capitals the way an ID document or a registry prints them: ASCII and Latin-1 letters
 * (UTF-8 C3 A0–BE, except ÷) are raised in place ("Inés" → "INÉS"). */
void sim_upper_latin(char *s);

#endif
