"""The crash and fault soak's accounting (`bench/soak.py`), pure and unit-tested
(`tests/security/test_soak_accounting.py`): what counts as lost and as duplicated, which replica should hold which
case, whether the devices agree on a referral and where a transfer's case is, which cases kept for review the
documented limit explains, the withdrawals' figures, and the figures of every backend added up under the keys the
issue names."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

CHECKS = ("replicas_equal", "integrity_ok", "audit_ok", "attachments_ok", "referrals_ok", "partitions_ok",
          "central_has_every_case", "final_syncs_ok", "clients_ok")  # fmt: skip
REFERRAL_FINDINGS = ("referrals_disagree", "transfers_misplaced", "transfers_kept_after_end", "extracts_unreadable",
                     "extracts_kept_after_decline", "withdrawals_lost", "kept_for_review_unexplained")  # fmt: skip


@dataclass
class Tally:
    """What the final checks found, in the figures the soak prints."""

    changes_lost: int
    duplicates: int
    details: dict[str, int] = field(default_factory=dict)


def tally(
    expected: dict[str, set[str]],
    replicas: dict[str, Counter[str]],
    acked: dict[str, set[str]],
    server_counts: Counter[str],
    waiting: dict[str, int],
    blobs_waiting: dict[str, int] | None = None,
) -> Tally:
    """Count lost and duplicated changes.

    `expected`: per device, the tokens the clients reported committed that this replica should hold; `replicas`:
    per device, how many cases carry each token; `acked`: per device, the change ids its outbox marks acknowledged;
    `server_counts`: how many times the server stores each change id; `waiting` and `blobs_waiting`: per device,
    outbox rows still not acknowledged and attachments' contents still queued (either way) after the final syncs.
    A token missing from a replica that should hold it, an acknowledged change missing from the server, a change
    and a blob still waiting each count as lost; a token held twice by a replica or a change stored twice by the
    server, as a duplicate.
    """
    missing_tokens = sum(
        1 for device, tokens in expected.items() for t in tokens if replicas.get(device, Counter()).get(t, 0) == 0
    )
    unacked_on_server = sum(1 for ids in acked.values() for c in ids if server_counts.get(c, 0) == 0)
    still_waiting = sum(waiting.values())
    blobs_left = sum((blobs_waiting or {}).values())
    token_dups = sum(n - 1 for counts in replicas.values() for n in counts.values() if n > 1)
    server_dups = sum(n - 1 for n in server_counts.values() if n > 1)
    return Tally(
        changes_lost=missing_tokens + unacked_on_server + still_waiting + blobs_left,
        duplicates=token_dups + server_dups,
        details={
            "tokens_missing": missing_tokens,
            "acked_missing_on_server": unacked_on_server,
            "still_waiting": still_waiting,
            "blobs_waiting": blobs_left,
            "token_duplicates": token_dups,
            "server_duplicates": server_dups,
        },
    )


def holders(
    written: dict[str, str], transferred: set[str], devices: dict[str, str], central: str = "C"
) -> dict[str, set[str]]:
    """Which tokens each device should hold: `written` maps a token to the desk that wrote it, `transferred` the
    tokens whose case was proposed for transfer to desk B and not declined or withdrawn (B holds the case from the
    proposal on), `devices` maps a device to its desk. The central office holds every case."""
    out: dict[str, set[str]] = {}
    for device, desk in devices.items():
        out[device] = {t for t, by in written.items() if desk in (by, central) or (desk == "B" and t in transferred)}
    return out


ENDED = ("declined", "withdrawn")  # a referral's end that takes the receiver's copy away (a transfer's case too)


def referral_agrees(states: dict[str, str | None]) -> bool:
    """Do the devices of desks A (the sender) and B (the receiver) agree on one referral? `states` maps each device
    (its name starts with its desk's letter) to the state it shows, None when it does not know the referral. Every
    device of A knows it and every device that knows it shows the same state; a device of B may not know it only when
    the referral ended — withdrawn before its grant reached that device, or ended before that device pulled it."""
    known = {s for s in states.values() if s is not None}
    if len(known) != 1 or any(s is None for d, s in states.items() if d.startswith("A")):
        return False
    return next(iter(known)) in ENDED or all(s is not None for s in states.values())


def transfer_placement(state: str, placement: dict[str, str | None], a_desk: set[str], b_desk: str) -> dict[str, str]:
    """Where a transfer's case is after the final syncs, and what is wrong with it: `placement` maps each device
    (A…, B…, C… for the central office) to the case's ``meta.desk`` there, None when it does not hold the case;
    `a_desk` are the ids desk A's cases carry, `b_desk` desk B's. An accepted transfer is B's on every device
    holding it; one still proposed, or ended (declined, withdrawn — an acceptance it voided given back), is A's; and
    an ended one is gone from B. Returns, per device found wrong, "kept" or the desk it names."""
    wrong: dict[str, str] = {}
    accepted = state in ("accepted", "completed")
    for device, desk in sorted(placement.items()):
        if desk is None:
            continue  # not held: a missing case is counted with the tokens (holders), not here
        if device.startswith("B") and state in ENDED:
            wrong[device] = "kept"
        elif (desk != b_desk) if accepted else (desk not in a_desk):
            wrong[device] = f"desk {desk[:8]}"
    return wrong


def review_kept(device: str, kept: set[str], ended: set[str]) -> tuple[set[str], set[str]]:
    """Which of the partitions a device keeps for review (its access withdrawn while changes written there waited)
    the documented limit explains, and which not: a computer of desk B that answered a referral after its desk's
    access had already ended — another computer of B declined and dropped the copy first — keeps that referral's
    partition (`ended`: the partitions of referrals to B that ended) for its operator to discard
    (docs/network.md, "Limits"). Any other kept partition is a finding."""
    explained = kept & ended if device.startswith("B") else set()
    return explained, kept - explained


def withdrawal_figures(reported: set[str], payloads: dict[str, dict[str, Any]], given_back: set[str]) -> Counter[str]:
    """The withdrawals' figures: `reported` the referrals the clients reported withdrawn, `payloads` each referral's
    record as the sender's desk holds it after the final syncs (missing: the record is gone), `given_back` the
    transfers whose move some device undid (its audit's ``referral.transfer_undone``). A withdrawal reported but not
    in the record is lost; one whose record also carries the receiver's answer crossed that answer."""
    out: Counter[str] = Counter(withdrawals_made=len(reported), transfers_given_back=len(given_back))
    for p in payloads.values():
        response = p.get("response")
        if p.get("withdrawn_at") and isinstance(response, dict):
            out["withdrawals_crossed"] += 1
            out[f"withdrawals_crossed_{response.get('decision')}"] += 1
    out["withdrawals_lost"] = sum(1 for r in reported if not payloads.get(r, {}).get("withdrawn_at"))
    return out


def combine(per_backend: dict[str, dict[str, Any]], minutes: float) -> dict[str, Any]:
    """The figures of every backend added up under the keys the issue names, plus each backend's own."""
    total: Counter[str] = Counter()
    for figures in per_backend.values():
        total.update({k: v for k, v in figures.items() if isinstance(v, int) and not isinstance(v, bool)})
    checks = CHECKS
    return {
        "minutes": minutes,
        "kills": total["kills"],
        "changes_written": total["changes_written"],
        "changes_lost": total["changes_lost"],
        "duplicates": total["duplicates"],
        **{c: all(f[c] for f in per_backend.values()) for c in checks},
        "backends": per_backend,
    }
