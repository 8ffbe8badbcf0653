# bash completion for regdesk and regdesk-sim. The word lists are checked against the
# programs' own tables by tests/install.sh; make install fills in @DATADIR@.

_regdesk_commands="list show override resend-link create projects login audit help"
_regdesk_globals="--api --token-file --allow-http --cacert --config --parallel --timeout --theme --print-config --check-config --print-keys --help --version"
_regdesk_dashboard="--filter --sort --columns --view --no-mouse --refresh --file"
_regdesk_sort_keys="created updated age status flags failed name email"
_regdesk_list_formats="table json csv tsv count"
_regdesk_columns="id status step name email phone countryCode cc project flow documentNumber doc redFlags flags failed failed.email failed.phone failed.document failed.doc failed.biometric failed.bio createdAt created updatedAt updated age idle invalid"
_regdesk_statuses="COMPLETED COMPLETED_WITHOUT_KYC FAILED"

# Theme names: the user's, then the installed ones.
_regdesk_themes()
{
    local d f
    for d in "${XDG_CONFIG_HOME:-$HOME/.config}/regdesk/themes" "@DATADIR@/regdesk/themes"; do
        for f in "$d"/*.theme; do
            [ -e "$f" ] && f=${f##*/} && printf '%s\n' "${f%.theme}"
        done
    done
}

# Saved view names, as regdesk --print-config lists them (reads the config, no network).
_regdesk_views()
{
    regdesk --print-config 2>/dev/null | sed -n 's/^#   view "\{0,1\}\([^"=]*[^" =]\)"\{0,1\} = .*/\1/p'
}

_regdesk_command_options()
{
    case $1 in
    list) echo "--view --filter --sort --format --columns --mask --no-mask --partial --file" ;;
    show) echo "--format --mask --no-mask" ;;
    projects) echo "--format" ;;
    override) echo "--status --note --force --dry-run" ;;
    resend-link) echo "--email --reveal-link" ;;
    create) echo "--project --flow --email --phone --country-code --language" ;;
    login) echo "--email" ;;
    audit) echo "--since --format" ;;
    esac
}

_regdesk()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} cmd="" i
    for ((i = 1; i < COMP_CWORD; i++)); do
        case ${COMP_WORDS[i]} in
        --api | --token-file | --cacert | --config | --parallel | --timeout | --theme | --filter | \
            --sort | --columns | --view | --refresh | --file) ((i++)) ;;
        -*) ;;
        *) cmd=${COMP_WORDS[i]}; break ;;
        esac
    done
    local IFS=$'\n'
    case $prev in
    --token-file | --cacert | --config | --file) COMPREPLY=($(compgen -f -- "$cur")); return ;;
    --theme) COMPREPLY=($(compgen -W "$(_regdesk_themes)" -- "$cur") $(compgen -f -- "$cur")); return ;;
    --view) COMPREPLY=($(compgen -W "$(_regdesk_views)" -- "$cur")); return ;;
    --sort)
        local keys=${_regdesk_sort_keys// /$'\n'}
        COMPREPLY=($(compgen -W "$keys"$'\n'"$(printf -- '-%s\n' $keys)" -- "$cur")); return ;;
    --columns)
        local done=${cur%"${cur##*,}"}
        COMPREPLY=($(compgen -P "$done" -W "${_regdesk_columns// /$'\n'}" -- "${cur##*,}")); compopt -o nospace 2>/dev/null; return ;;
    --format)
        case $cmd in
        show | projects) COMPREPLY=($(compgen -W $'text\njson' -- "$cur")) ;;
        audit) COMPREPLY=($(compgen -W $'table\njson' -- "$cur")) ;;
        *) COMPREPLY=($(compgen -W "${_regdesk_list_formats// /$'\n'}" -- "$cur")) ;;
        esac
        return ;;
    --status) COMPREPLY=($(compgen -W "${_regdesk_statuses// /$'\n'}" -- "$cur")); return ;;
    --api | --parallel | --timeout | --refresh | --filter | --note | --project | --flow | --email | --phone | \
        --country-code | --language | --since) return ;;
    esac
    IFS=$' \t\n'
    if [[ -z $cmd && $cur != -* ]]; then
        COMPREPLY=($(compgen -W "$_regdesk_commands" -- "$cur"))
    elif [[ -z $cmd ]]; then
        COMPREPLY=($(compgen -W "$_regdesk_globals $_regdesk_dashboard" -- "$cur"))
    elif [[ $cur == -* ]]; then
        COMPREPLY=($(compgen -W "$(_regdesk_command_options "$cmd") $_regdesk_globals" -- "$cur"))
    fi
}
complete -F _regdesk regdesk

_regdesk_sim_options="--port --count --seed --now --token --expire-after --hostile --fault --block-domains --no-projects --same-person --verbose --help --version"
_regdesk_sim()
{
    local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
    case $prev in
    --fault)
        local done=${cur%"${cur##*,}"}
        COMPREPLY=($(compgen -P "$done" -W "latency= error= 429= truncate= malformed= reset= slow= huge= html= trickle= hang= redirect= deep= empty= wrongtype= echo= otherid= aslist= dupes= drift= endless= growing= wrongpage= wronglimit= retry-after= slow-ms= huge-mb= trickle-ms= hang-ms= redirect-to= deep-levels= dupes-n= drift-n= only=" -- "${cur##*,}"))
        compopt -o nospace 2>/dev/null; return ;;
    --port | --count | --seed | --now | --token | --expire-after | --block-domains) return ;;
    esac
    COMPREPLY=($(compgen -W "$_regdesk_sim_options" -- "$cur"))
}
complete -F _regdesk_sim regdesk-sim
