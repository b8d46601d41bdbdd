"""French catalogue: English message -> French message.

Keep one block per feature area so that additions do not collide.
"""

CATALOG: dict[str, str] = {
    # --- general -------------------------------------------------------------------------
    "error: {message}": "erreur : {message}",
    "Interrupted.": "Interrompu.",
    # --- time ----------------------------------------------------------------------------
    "Cannot read the time {text!r}: give HH:MM, an ISO date-time such as "
    "2026-11-22T14:05, or one with an offset such as 2026-11-22T14:05+01:00.":
        "Heure illisible {text!r} : indiquez HH:MM, une date-heure ISO comme "
        "2026-11-22T14:05, ou avec un décalage comme 2026-11-22T14:05+01:00.",
    "The local time {text} does not exist in {zone} (clocks jump forward that day): "
    "give it with an offset, e.g. {example}.":
        "L'heure locale {text} n'existe pas en {zone} (changement d'heure ce jour-là) : "
        "indiquez-la avec un décalage, par ex. {example}.",
    "The local time {text} happens twice in {zone} (clocks go back that day): "
    "give it with an offset, {first} or {second}.":
        "L'heure locale {text} existe deux fois en {zone} (retour à l'heure d'hiver) : "
        "indiquez-la avec un décalage, {first} ou {second}.",
    "The time {text} is in the future; --at declares when something already happened.":
        "L'heure {text} est dans le futur ; --at déclare quand une chose a déjà eu lieu.",
    "Unknown time zone {zone!r} in the configuration.":
        "Fuseau horaire inconnu {zone!r} dans la configuration.",
    # --- config --------------------------------------------------------------------------
    "{path}: {key}: {problem}": "{path} : {key} : {problem}",
    "unknown key": "clé inconnue",
    "expected {expected}": "attendu : {expected}",
    "{path} is not valid TOML: {problem}": "{path} n'est pas un TOML valide : {problem}",
}
