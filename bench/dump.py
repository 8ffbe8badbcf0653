"""Writes every page of regdesk-sim's list API as one JSON array of registration records.

    python3 bench/dump.py [--populate] URL OUT

The records are copied byte for byte from the pages (no re-encoding: hostile data keeps
its invalid UTF-8, huge numbers and odd escapes exactly as the server sent them).
--populate asks for every sub-object the list can populate. Loopback only.
"""
import sys
import urllib.parse
import urllib.request

POPULATES = ["project", "projectFlow", "emailValidation", "phoneValidation",
             "biometricValidation", "documentValidation", "informationValidation", "person",
             "face", "documentFace", "compareFaceVerification", "consentSession",
             "failedDocumentValidations", "failedBiometricValidations"]


def page(url, n, populate):
    q = [("limit", "100"), ("page", str(n))]
    if populate:
        q += [("populates[]", p) for p in POPULATES]
    req = urllib.request.Request(url + "/v2/app-registrations?" + urllib.parse.urlencode(q),
                                 headers={"Authorization": "Bearer demo-token"})
    body = urllib.request.urlopen(req).read()
    # The simulator writes {"data":[...],"total":T,"limit":L,"page":P,"pages":N}.
    head, tail = b'{"data":[', b'],"total":'
    if not body.startswith(head) or tail not in body:
        sys.exit("dump.py: page %d is not in the expected envelope" % n)
    cut = body.rindex(tail)
    pages = int(body[cut:].split(b'"pages":')[1].split(b"}")[0].split(b",")[0])
    return body[len(head):cut], pages


def main():
    args = sys.argv[1:]
    populate = args[:1] == ["--populate"]
    if populate:
        args = args[1:]
    url, out = args
    if not url.startswith("http://127.0.0.1:"):
        sys.exit("dump.py: loopback simulator addresses only")
    with open(out, "wb") as f:
        f.write(b"[\n")
        n, pages = 1, 1
        while n <= pages:
            recs, pages = page(url, n, populate)
            if recs:
                f.write((b",\n" if n > 1 else b"") + recs)
            n += 1
        f.write(b"\n]\n")


main()
