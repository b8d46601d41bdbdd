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
    # --- sessions and the log --------------------------------------------------------------
    "start": "démarrer",
    "pause": "mettre en pause",
    "resume": "reprendre",
    "stop": "arrêter",
    "planned": "prévue",
    "running": "en cours",
    "paused": "en pause",
    "stopped": "arrêtée",
    "Cannot {verb} session {session}: {why}.":
        "Impossible de {verb} la session {session} : {why}.",
    "it has not started yet (sessiond start {session})":
        "elle n'a pas encore commencé (sessiond start {session})",
    "it is already running": "elle est déjà en cours",
    "it is paused (sessiond resume {session})": "elle est en pause (sessiond resume {session})",
    "it is already stopped": "elle est déjà arrêtée",
    "Unknown event kind {kind!r}: it is not in the allow-list.":
        "Type d'événement inconnu {kind!r} : il n'est pas dans la liste autorisée.",
    "A {kind} event needs {fields}.": "Un événement {kind} exige {fields}.",
    "Session {session} already exists.": "La session {session} existe déjà.",
    "No consent on record for session {session}. Record it first: sessiond consent "
    "{session} --channel oral|phone|email|sms|tool-code|signature --by NAME; or, if you "
    "must start without it, sessiond start {session} --without-consent --reason TEXT.":
        "Aucun consentement enregistré pour la session {session}. Enregistrez-le d'abord : "
        "sessiond consent {session} --channel oral|phone|email|sms|tool-code|signature "
        "--by NOM ; ou, si vous devez commencer sans, sessiond start {session} "
        "--without-consent --reason TEXTE.",
    "Cannot {verb} session {session} at {at}: that is before its previous step "
    "({previous}).":
        "Impossible de {verb} la session {session} à {at} : c'est avant son étape "
        "précédente ({previous}).",
    "The field {field!r} is not allowed in a {kind} event.":
        "Le champ {field!r} n'est pas autorisé dans un événement {kind}.",
    "{field}: the value {value!r} has the wrong form.":
        "{field} : la valeur {value!r} n'a pas la bonne forme.",
    "{field}: {value!r} is not one of {choices}.":
        "{field} : {value!r} ne fait pas partie de {choices}.",
    "A {kind} event needs a session.": "Un événement {kind} exige une session.",
    "A {kind} event needs a client.": "Un événement {kind} exige un client.",
    "Starting without consent needs a reason: --without-consent --reason TEXT.":
        "Commencer sans consentement exige un motif : --without-consent --reason TEXTE.",
    "No session {session}. `sessiond status` lists the open ones.":
        "Aucune session {session}. `sessiond status` liste les sessions ouvertes.",
    "No client {client}. `sessiond client list` shows them.":
        "Aucun client {client}. `sessiond client list` les affiche.",
    "Client {client} was erased: nothing personal can be recorded for him any more.":
        "Le client {client} a été effacé : plus rien de personnel ne peut être enregistré "
        "pour lui.",
    "print JSON instead of text": "afficher du JSON au lieu du texte",
    "Remote-assistance session timer, consent record and audit log. Without a command, "
    "opens the terminal interface.":
        "Chronomètre de sessions d'assistance à distance, registre du consentement et "
        "journal d'audit. Sans commande, ouvre l'interface terminal.",
    "Client {client} erased: his personal data can no longer be read.":
        "Client {client} effacé : ses données personnelles ne sont plus lisibles.",
    "consent: {channel}": "consentement : {channel}",
    "no consent on record": "aucun consentement enregistré",
    "started WITHOUT consent": "commencée SANS consentement",
    "Note recorded (event #{seq}).": "Note enregistrée (événement n° {seq}).",
    "No open session.": "Aucune session ouverte.",
    "No clients yet.": "Aucun client pour l'instant.",
    "(erased)": "(effacé)",
    "Erasing {client} cannot be undone: add --yes to confirm.":
        "L'effacement de {client} est définitif : ajoutez --yes pour confirmer.",
    "--rate {rate!r}: give an hourly rate in euros, e.g. 60 or 52.50.":
        "--rate {rate!r} : indiquez un taux horaire en euros, par ex. 60 ou 52.50.",
    "add or list clients": "ajouter ou lister les clients",
    "add a client, print his id": "ajouter un client, afficher son identifiant",
    "a private person (default)": "un particulier (par défaut)",
    "a business client": "un client professionnel",
    "ISO country code (default FR)": "code pays ISO (FR par défaut)",
    "list clients": "lister les clients",
    "erase a client's personal data for good (GDPR)":
        "effacer définitivement les données personnelles d'un client (RGPD)",
    "confirm the erasure": "confirmer l'effacement",
    "plan or show a session": "prévoir ou afficher une session",
    "plan a session, print its id": "prévoir une session, afficher son identifiant",
    "policy id (default from the configuration)":
        "identifiant de la politique (par défaut : la configuration)",
    "the client's ID in the remote tool": "l'identifiant du client dans l'outil de prise en main",
    "a problem the client listed (repeat for each)":
        "un problème signalé par le client (répéter pour chacun)",
    "when the client ordered": "quand le client a commandé",
    "quoted hourly rate": "taux horaire du devis",
    "show a session": "afficher une session",
    "record the client's consent": "enregistrer le consentement du client",
    "who gave consent": "qui a donné son consentement",
    "start the clock": "démarrer le chronomètre",
    "start although no consent is recorded (needs --reason)":
        "démarrer sans consentement enregistré (exige --reason)",
    "pause the clock": "mettre le chronomètre en pause",
    "resume the clock": "reprendre le chronomètre",
    "stop the session": "arrêter la session",
    "who ended it": "qui y a mis fin",
    "add a note (scanned for secrets first)": "ajouter une note (vérifiée contre les secrets)",
    "show the open sessions": "afficher les sessions ouvertes",
    "when it happened: HH:MM, ISO date-time, or with offset":
        "quand c'est arrivé : HH:MM, date-heure ISO, ou avec décalage",
    "when it happened": "quand c'est arrivé",
    "record a fact of a session": "enregistrer un fait de la session",
    "the outcome of a listed problem": "le résultat d'un problème signalé",
    "the client asked for the partial-result reduction":
        "le client a demandé la réduction pour résultat partiel",
    "a fixed fee (travel, no-show, late cancellation, waiting)":
        "un forfait (déplacement, absence, annulation tardive, attente)",
    "the client signed the quote": "le client a signé le devis",
    "the consumer asked to start within the withdrawal period":
        "le consommateur a demandé de commencer pendant le délai de rétractation",
    "the client was asked to close sensitive documents":
        "le client a été invité à fermer ses documents sensibles",
    "the backup question and the client's answer":
        "la question de la sauvegarde et la réponse du client",
    "a payment received": "un paiement reçu",
    "a screenshot, file copy or recording (only at the client's request)":
        "une capture, copie de fichier ou un enregistrement (seulement à la demande du "
        "client)",
    "the client took the mouse back": "le client a repris la main",
    "disconnected: the technician can no longer take control":
        "déconnecté : le technicien ne peut plus prendre la main",
    "Recorded {kind} (event #{seq}).": "{kind} enregistré (événement n° {seq}).",
    "number of the listed problem, from 1": "numéro du problème signalé, à partir de 1",
    "the client's request, as he made it (where, when, how)":
        "la demande du client, telle qu'il l'a faite (où, quand, comment)",
    "amount, when the policy leaves it open": "montant, quand la politique ne le fixe pas",
    "{amount!r} is not an amount in euros (e.g. 45 or 45.50).":
        "{amount!r} n'est pas un montant en euros (par ex. 45 ou 45.50).",
    "Log intact: {events} events, {checkpoints} checkpoints verified (key {fingerprint}).":
        "Journal intact : {events} événements, {checkpoints} points de contrôle vérifiés "
        "(clé {fingerprint}).",
    "show the events of a session": "afficher les événements d'une session",
    "a session (default: the whole log)": "une session (par défaut : tout le journal)",
    "recompute the hash chain and check every checkpoint":
        "recalculer la chaîne de hachage et vérifier chaque point de contrôle",
    "also check the checkpoint printed in a receipt":
        "vérifier aussi le point de contrôle imprimé sur un relevé",
    "also check the checkpoint printed in an export":
        "vérifier aussi le point de contrôle imprimé dans un export",
    "The log is empty.": "Le journal est vide.",
    "(recorded {when})": "(enregistré {when})",
    "{path} holds no sessiond checkpoint.":
        "{path} ne contient aucun point de contrôle sessiond.",
    "Cannot read {path}: {error}.": "Impossible de lire {path} : {error}.",
    "The log FAILED verification; first bad event: #{seq}.":
        "Le journal a ÉCHOUÉ à la vérification ; premier événement fautif : n° {seq}.",
    "checkpoint": "point de contrôle",
    "checkpoint printed outside": "point de contrôle imprimé à l'extérieur",
    "events #{first} to #{last} are missing (deleted) before #{seq}":
        "les événements n° {first} à {last} manquent (supprimés) avant le n° {seq}",
    "event #{seq} is out of order": "l'événement n° {seq} n'est pas à sa place",
    "event #{seq} does not follow event #{previous} (an event was inserted, deleted or "
    "moved)":
        "l'événement n° {seq} ne suit pas l'événement n° {previous} (un événement a été "
        "inséré, supprimé ou déplacé)",
    "{origin} of event #{seq} was signed by another key ({key})":
        "{origin} de l'événement n° {seq} signé par une autre clé ({key})",
    "{origin} of event #{seq} has a forged signature":
        "{origin} de l'événement n° {seq} : signature falsifiée",
    "the log ends at event #{last} but a {origin} covers event #{seq}: the log was "
    "truncated or rolled back":
        "le journal s'arrête à l'événement n° {last} mais un {origin} couvre l'événement "
        "n° {seq} : le journal a été tronqué ou restauré à un état antérieur",
    "event #{seq} is not the one its {origin} signed (the log was rewritten)":
        "l'événement n° {seq} n'est pas celui que son {origin} a signé (le journal a été "
        "réécrit)",
    "event #{seq} was modified after it was written":
        "l'événement n° {seq} a été modifié après son écriture",
    "event #{seq} is not a valid sessiond event":
        "l'événement n° {seq} n'est pas un événement sessiond valide",
}
