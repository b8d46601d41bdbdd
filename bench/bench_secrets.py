"""How long a secret scan of a note takes (the TUI scans at every keystroke).

Usage: python -m bench.bench_secrets [--runs 200]
Prints the best and median CPU time per scan of 4,000-character texts: a realistic
intervention note, a dense one (every line about passwords), one full of secrets, and a
few adversarial ones. The target is well under 1 ms for a note.
"""

from __future__ import annotations

import argparse
import statistics
import time

from sessiond.i18n import set_language
from sessiond.privacy.scanner import scan

NOTE = """\
Client : Mme Durand (particulier), PC portable HP 15s-fq2000, Windows 11 23H2.
Problème : lenteurs au démarrage, fenêtres publicitaires dans Chrome, imprimante hors ligne.
14h05 : connexion TeamViewer (ID 123 456 789), consentement recueilli au 06 12 34 56 78.
Analyse : 87 programmes au démarrage, 2 extensions Chrome indésirables, disque à 92 %.
Désinstallation de 6 logiciels publicitaires, nettoyage des extensions.
Le client a saisi lui-même son mot de passe Windows pour l'élévation UAC.
KB5034441 en échec (0x80070643) : partition WinRE redimensionnée, OK.
Imprimante : pilote 1.20 réinstallé, adresse IP fixe 192.168.1.25 sur la Livebox.
Sauvegarde proposée sur disque externe 1 To, acceptée, 48 Go copiés.
Facture 2025-0153, 1h30 facturée, réglée par carte bancaire via le lien de paiement.
"""
DENSE = """\
changé le mot de passe Windows à la demande du client. mdp : voir avec le client.
PIN Windows Hello configuré par le client. Password reset done by the client.
Clé wifi : au dos de la box. Code AnyDesk 123 456 789. mot de passe : oublié.
"""
SECRETS = """\
mdp : Soleil2024. Carte 4111 1111 1111 1111. IBAN FR76 3000 6000 0112 3456 7890 189.
Code PIN : 4821. Mot de passe TeamViewer : 4kd9x2. NIR 1 85 05 78 006 084 91.
"""


def fill(text: str, size: int = 4000) -> str:
    return (text * (size // len(text) + 1))[:size]


CASES = {
    "realistic note": fill(NOTE),
    "dense mentions": fill(DENSE),
    "full of secrets": fill(SECRETS),
    "prose only": fill("Nettoyage effectué, mise à jour des pilotes, test OK. "),
    "digits 1 2 3": fill("1 2 3 4 5 6 7 8 9 0 "),
    "phrase spam": fill("mdp "),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    set_language("fr")
    for name, text in CASES.items():
        scan(text)
        samples = []
        for _ in range(args.runs):
            started = time.process_time_ns()
            scan(text)
            samples.append((time.process_time_ns() - started) / 1e6)
        print(f"{name:16} {len(text)} chars  best {min(samples):.3f} ms  "
              f"median {statistics.median(samples):.3f} ms  findings {len(scan(text))}")


if __name__ == "__main__":
    main()
