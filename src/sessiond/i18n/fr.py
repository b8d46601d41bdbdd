"""French catalogue: English message -> French message.

Keep one block per feature area so that additions do not collide.
"""

CATALOG: dict[str, str] = {
    # --- general -------------------------------------------------------------------------
    "error: {message}": "erreur\u202f: {message}",
    "Interrupted.": "Interrompu.",
    # argparse's own words (cli/__init__.py hands them to this catalogue)
    "usage: ": "usage\u202f: ",
    # argparse writes the heading then ":": the no-break space makes it "arguments :"
    "positional arguments": "arguments positionnels\u202f",
    "options": "options\u202f",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version et quitter",
    "the following arguments are required: %s": "arguments obligatoires manquants\u202f: %s",
    "unrecognized arguments: %s": "arguments non reconnus\u202f: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "choix invalide\u202f: %(value)r (au choix\u202f: %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s\u202f: %(message)s",
    "expected one argument": "un argument attendu",
    "invalid %(type)s value: %(value)r": "valeur %(type)s invalide\u202f: %(value)r",
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "ambiguous option: %(option)s could match %(matches)s":
        "option ambiguë\u202f: %(option)s peut désigner %(matches)s",
    # --- time ----------------------------------------------------------------------------
    "Cannot read the time {text!r}: give HH:MM (or 9h30), a day and a time (yesterday "
    "18:30, 30/11 9h30), an ISO date-time such as {example}, or one with an offset such "
    "as {with_offset}.":
        "Heure illisible {text!r}\u202f: indiquez HH:MM (ou 9h30), un jour et une heure "
        "(hier 18:30, 30/11 9h30), une date-heure ISO comme {example}, ou avec un décalage "
        "comme {with_offset}.",
    "The local time {text} does not exist in {zone} (clocks jump forward that day): "
    "give it with an offset, e.g. {example}.":
        "L'heure locale {text} n'existe pas en {zone} (changement d'heure ce jour-là)\u202f: "
        "indiquez-la avec un décalage, par ex. {example}.",
    "The local time {text} happens twice in {zone} (clocks go back that day): "
    "give it with an offset, {first} or {second}.":
        "L'heure locale {text} existe deux fois en {zone} (retour à l'heure d'hiver)\u202f: "
        "indiquez-la avec un décalage, {first} ou {second}.",
    "The time {text} is in the future; --at declares when something already happened.":
        "L'heure {text} est dans le futur\u202f; --at déclare quand une chose a déjà eu lieu.",
    "Unknown time zone {zone!r} in the configuration.":
        "Fuseau horaire inconnu {zone!r} dans la configuration.",
    # --- config --------------------------------------------------------------------------
    "{path}: {key}: {problem}": "{path}\u202f: {key}\u202f: {problem}",
    "{file}: {problem}": "{file} : {problem}",
    "unknown key": "clé inconnue",
    "Cannot make the folder {path}: {problem}.":
        "Impossible de créer le dossier {path}\u202f: {problem}.",
    "{length} characters, more than the {limit} this text may hold: shorten it":
        "{length}\u00a0caractères, plus que les {limit} que ce texte peut contenir\u202f: "
        "raccourcissez-le",
    "{path}: {key}: a key is named with visible characters (f5, ctrl+p, ²), not {value}.":
        "{path}\u202f: {key}\u202f: une touche se nomme en caractères visibles (f5, ctrl+p, "
        "²), pas {value}.",
    "{path}: {key}: a NUL character (U+0000) has no place in a setting: remove it.":
        "{path}\u202f: {key}\u202f: un caractère NUL (U+0000) n'a pas sa place dans un "
        "réglage\u202f: retirez-le.",
    "{path} is not a regular file (a device, a named pipe or a socket): sessiond writes "
    "a document only as a file. Choose another place with --out.":
        "{path} n'est pas un fichier ordinaire (un périphérique, un tube nommé ou une "
        "prise)\u202f: sessiond n'écrit un document que dans un fichier. Choisissez un autre "
        "emplacement avec --out.",
    "{field}: {length} characters, more than the {limit} it may hold: shorten it":
        "{field}\u202f: {length}\u00a0caractères, plus que les {limit} qu'il peut "
        "contenir\u202f: raccourcissez-le",
    "{path}: {key}: {length} characters, more than the {limit} this setting may hold: "
    "shorten it.":
        "{path}\u202f: {key}\u202f: {length}\u00a0caractères, plus que les {limit} que ce "
        "réglage peut contenir\u202f: raccourcissez-le.",
    "expected {expected}": "attendu\u202f: {expected}",
    "{path} is not valid TOML: {problem}": "{path} n'est pas un TOML valide\u202f: {problem}",
    # --- sessions and the log --------------------------------------------------------------
    "start": "démarrer",
    "pause": "mettre en pause",
    "resume": "reprendre",
    "stop": "arrêter",
    "planned": "prévue",
    "running": "en cours",
    "paused": "en pause",
    "stopped": "arrêtée",
    "cancelled": "annulée",
    "Cannot start session {session}: {why}.":
        "Impossible de démarrer l'intervention {session}\u202f: {why}.",
    "Cannot pause session {session}: {why}.":
        "Impossible de mettre en pause l'intervention {session}\u202f: {why}.",
    "Cannot resume session {session}: {why}.":
        "Impossible de reprendre l'intervention {session}\u202f: {why}.",
    "Cannot stop session {session}: {why}.":
        "Impossible d'arrêter l'intervention {session}\u202f: {why}.",
    "it has not started yet (sessiond start {session})":
        "elle n'a pas encore commencé (sessiond start {session})",
    "it is already running": "elle est déjà en cours",
    "it is paused (sessiond resume {session})": "elle est en pause (sessiond resume {session})",
    "it is already stopped": "elle est déjà arrêtée",
    "Unknown event kind {kind!r}: it is not in the allow-list.":
        "Type d'événement inconnu {kind!r}\u202f: il n'est pas dans la liste autorisée.",
    "A {kind} event needs {fields}.": "Un événement {kind} exige {fields}.",
    "Session {session} already exists.": "L'intervention {session} existe déjà.",
    "No consent on record for session {session}. Record it first: sessiond consent "
    "{session} --channel oral|phone|email|sms|tool-code|signature --by NAME; or, if you "
    "must start without it, sessiond start {session} --without-consent --reason TEXT.":
        "Aucun consentement enregistré pour l'intervention {session}. Enregistrez-le "
        "d'abord\u202f: "
        "sessiond consent {session} --channel oral|phone|email|sms|tool-code|signature "
        "--by NOM\u202f; ou, si vous devez commencer sans, sessiond start {session} "
        "--without-consent --reason TEXTE.",
    "Cannot start session {session} on {at}: that is before its previous step "
    "(on {previous}).":
        "Impossible de démarrer l'intervention {session} le {at}\u202f: c'est avant son "
        "étape précédente (le {previous}).",
    "Cannot pause session {session} on {at}: that is before its previous step "
    "(on {previous}).":
        "Impossible de mettre en pause l'intervention {session} le {at}\u202f: c'est avant son "
        "étape précédente (le {previous}).",
    "Cannot resume session {session} on {at}: that is before its previous step "
    "(on {previous}).":
        "Impossible de reprendre l'intervention {session} le {at}\u202f: c'est avant son "
        "étape précédente (le {previous}).",
    "Cannot stop session {session} on {at}: that is before its previous step "
    "(on {previous}).":
        "Impossible d'arrêter l'intervention {session} le {at}\u202f: c'est avant son "
        "étape précédente (le {previous}).",
    "The field {field!r} is not allowed in a {kind} event.":
        "Le champ {field!r} n'est pas autorisé dans un événement {kind}.",
    "{field}: {length} characters, more than the {limit} a text may hold: shorten it.":
        "{field}\u202f: {length}\u00a0caractères, plus que les {limit} qu'un texte peut "
        "contenir\u202f: raccourcissez-le.",
    "{field}: the value {value!r} has the wrong form.":
        "{field}\u202f: la valeur {value!r} n'a pas la bonne forme.",
    "{field}: {value!r} is not one of {choices}.":
        "{field}\u202f: {value!r} ne fait pas partie de {choices}.",
    "A {kind} event needs a session.": "Un événement {kind} exige une intervention.",
    "A {kind} event needs a client.": "Un événement {kind} exige un client.",
    "Starting without consent needs a reason: --without-consent --reason TEXT.":
        "Commencer sans consentement exige un motif\u202f: --without-consent --reason TEXTE.",
    "No session {session}. `sessiond status` lists the open ones.":
        "Aucune intervention {session}. `sessiond status` liste les interventions ouvertes.",
    "Did you mean {word}?": "Vouliez-vous dire {word}\u202f?",
    "No client {client}. `sessiond client list` shows them.":
        "Aucun client {client}. `sessiond client list` les affiche.",
    "Client {client} was erased: nothing personal can be recorded for him any more.":
        "Le client {client} a été effacé\u202f: plus rien de personnel ne peut être enregistré "
        "pour lui.",
    "print JSON instead of text": "afficher du JSON au lieu du texte",
    "Remote-assistance session timer, consent record and audit log. Without a command, "
    "opens the terminal interface.":
        "Chronomètre d'interventions d'assistance à distance, registre du consentement et "
        "journal d'audit. Sans commande, ouvre l'interface terminal.",
    "Client {client} erased: his personal data can no longer be read.":
        "Client {client} effacé\u202f: ses données personnelles ne sont plus lisibles.",
    "consent: {channel}": "consentement\u202f: {channel}",
    "no consent on record": "aucun consentement enregistré",
    "started WITHOUT consent": "commencée SANS consentement",
    "Note recorded (event #{seq}).": "Note enregistrée (événement n°\u00a0{seq}).",
    "No open session.": "Aucune intervention ouverte.",
    "No clients yet.": "Aucun client pour l'instant.",
    "No client matches {query!r}.": "Aucun client ne correspond à {query!r}.",
    "Clients matching {typed!r}: {clients}.":
        "Clients qui correspondent à {typed!r}\u202f: {clients}.",
    "only the clients each word matches: a name, a town, an e-mail, the end of a phone "
    "number (case and accents aside)":
        "seulement les clients auxquels correspond chaque mot\u202f: un nom, une ville, un "
        "e-mail, la fin d'un numéro de téléphone (majuscules et accents mis à part)",
    "(erased)": "(effacé)",
    "Erasing {client} cannot be undone: add --yes to confirm.":
        "L'effacement de {client} est définitif\u202f: ajoutez --yes pour confirmer.",
    "--rate {rate!r}: give an hourly rate in euros, e.g. 60, 52,50 or 55 €/h.":
        "--rate {rate!r}\u202f: indiquez un taux horaire en euros, par ex. 60, 52,50 ou "
        "55\u00a0€/h.",
    "add or list clients": "ajouter ou lister les clients",
    "add a client, print his id": "ajouter un client, afficher son identifiant",
    "a private person (default)": "un particulier (par défaut)",
    "a business client": "un client professionnel",
    "ISO country code (default FR)": "code pays ISO (FR par défaut)",
    "list clients": "lister les clients",
    "erase a client's personal data for good (GDPR)":
        "effacer définitivement les données personnelles d'un client (RGPD)",
    "confirm the erasure": "confirmer l'effacement",
    "erase a client whose invoices are still kept for the accounts":
        "effacer un client dont les factures sont encore conservées pour la comptabilité",
    "Client {client} has invoices ({numbers}) kept for the accounts until {day} "
    "({article}): erased, they could no longer be printed again nor cancelled by a "
    "credit note. Erase him anyway with --despite-invoices (the copies you already "
    "have stay yours to keep).":
        "Le client {client} a des factures ({numbers}) conservées pour la comptabilité "
        "jusqu'au {day} ({article})\u202f: effacé, elles ne pourraient plus être "
        "réimprimées ni annulées par un avoir. Pour l'effacer malgré tout, ajoutez "
        "--despite-invoices (les exemplaires que vous avez déjà restent à conserver).",
    "plan or show a session": "prévoir ou afficher une intervention",
    "plan a session, print its id": "prévoir une intervention, afficher son identifiant",
    "policy id (default from the configuration)":
        "identifiant de la politique (par défaut\u202f: la configuration)",
    "the client's ID in the remote tool": "l'identifiant du client dans l'outil de prise en main",
    "a problem the client listed (repeat for each)":
        "un problème signalé par le client (répéter pour chacun)",
    "when the client ordered": "quand le client a commandé",
    "quoted hourly rate": "taux horaire du devis",
    "show a session": "afficher une intervention",
    "record the client's consent": "enregistrer le consentement du client",
    "who gave consent": "qui a donné son consentement",
    "start the clock": "démarrer le chronomètre",
    "start although no consent is recorded (needs --reason)":
        "démarrer sans consentement enregistré (exige --reason)",
    "pause the clock": "mettre le chronomètre en pause",
    "resume the clock": "reprendre le chronomètre",
    "stop the session": "arrêter l'intervention",
    "who ended it": "qui y a mis fin",
    "add a note (scanned for secrets first)": "ajouter une note (vérifiée contre les secrets)",
    "show the open sessions": "afficher les interventions ouvertes",
    "when it happened: HH:MM, ISO date-time, or with offset":
        "quand c'est arrivé\u202f: HH:MM, date-heure ISO, ou avec décalage",
    "when it happened": "quand c'est arrivé",
    "record a fact of a session": "enregistrer un fait de l'intervention",
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
        "déconnecté\u202f: le technicien ne peut plus prendre la main",
    "number of the listed problem, from 1": "numéro du problème signalé, à partir de 1",
    "the client's request, as he made it (where, when, how)":
        "la demande du client, telle qu'il l'a faite (où, quand, comment)",
    "amount, when the policy leaves it open": "montant, quand la politique ne le fixe pas",
    "{amount!r} is not an amount in euros (e.g. 45 or 45,50).":
        "{amount!r} n'est pas un montant en euros (par ex. 45 ou 45,50).",
    "{text!r} holds {digit!r} (U+{code}), a digit other than 0 to 9: type numbers with the "
    "digits 0 to 9.":
        "{text!r} contient {digit!r} (U+{code}), un chiffre autre que 0 à 9\u202f: tapez "
        "les nombres avec les chiffres 0 à 9.",
    "{text!r} is not a whole number (e.g. 1).":
        "{text!r} n'est pas un nombre entier (par ex. 1).",
    "{field}: a NUL character (U+0000) cannot be stored: remove it.":
        "{field}\u202f: un caractère NUL (U+0000) ne peut pas être enregistré\u202f: "
        "retirez-le.",
    "one line of text, without a line break":
        "une seule ligne de texte, sans saut de ligne",
    "text without a control or direction character (here U+{code})":
        "du texte sans caractère de contrôle ni de direction (ici U+{code})",
    "digits 0 to 9, not {digit!r} (U+{code})":
        "des chiffres de 0 à 9, pas {digit!r} (U+{code})",
    "warning: the payments of session {session} exceed its bill by {amount}. If this one "
    "was mistyped: sessiond withdraw {session} {seq} --reason TEXT, then record the right "
    "amount.":
        "attention\u202f: les paiements de l'intervention {session} dépassent son montant de "
        "{amount}. Si celui-ci a été mal saisi\u202f: sessiond withdraw {session} {seq} "
        "--reason TEXTE, puis enregistrez le bon montant.",
    "{email!r} is not an e-mail address (e.g. jeanne@example.fr): check it.":
        "{email!r} n'est pas une adresse e-mail (par ex. jeanne@example.fr)\u202f: "
        "vérifiez-la.",
    "{phone!r} is not a phone number (e.g. 06 12 34 56 78 or +33 6 12 34 56 78).":
        "{phone!r} n'est pas un numéro de téléphone (par ex. 06 12 34 56 78 ou "
        "+33 6 12 34 56 78).",
    "A client needs a name: sessiond client add \"NAME\".":
        "Un client a besoin d'un nom\u202f: sessiond client add \"NOM\".",
    "--problem needs the words of the problem; leave it out if there is none.":
        "--problem attend les mots du problème\u202f; ne le donnez pas s'il n'y en a pas.",
    "A note needs its text: sessiond note {session} \"TEXT\".":
        "Une note a besoin de son texte\u202f: sessiond note {session} \"TEXTE\".",
    "show a client: his details and his sessions":
        "afficher un client\u202f: ses coordonnées et ses interventions",
    "Client {client} was merged into {into}.": "Le client {client} a été fusionné avec {into}.",
    "E-mail": "E-mail",
    "Phone": "Téléphone",
    "Address": "Adresse",
    "Duplicates merged into him": "Doublons fusionnés avec lui",
    "{label}: {value}": "{label}\u202f: {value}",
    "No session yet: sessiond session new {client}.":
        "Aucune intervention pour l'instant\u202f: sessiond session new {client}.",
    "Package #{seq} was recorded as bought after this session ended: it does not cover it.":
        "Le forfait n°\u00a0{seq} est enregistré comme acheté après la fin de cette "
        "intervention\u202f: il ne la couvre pas.",
    "Session {session} has started: {fee} applies only to an intervention that did not "
    "take place.":
        "L'intervention {session} a commencé\u202f: «\u00a0{fee}\u00a0» ne vaut que pour une "
        "intervention qui n'a pas eu lieu.",
    "Session {session} already has {fee} (event #{seq}): a missed appointment is charged "
    "once{where}. If that one was a mistake: sessiond withdraw {session} {seq} --reason TEXT.":
        "L'intervention {session} a déjà «\u00a0{fee}\u00a0» (événement n°\u00a0{seq})\u202f: "
        "un rendez-vous manqué n'est facturé qu'une fois{where}. S'il a été saisi par "
        "erreur\u202f: sessiond withdraw {session} {seq} --reason TEXTE.",
    "Session {session} already has {fee} (event #{seq}): each fee is charged once per "
    "intervention{where}. If that one was wrong (its amount, say): sessiond withdraw "
    "{session} {seq} --reason TEXT, then record it again.":
        "L'intervention {session} a déjà «\u00a0{fee}\u00a0» (événement n°\u00a0{seq})\u202f: "
        "chaque frais n'est facturé qu'une fois par intervention{where}. S'il a été mal saisi "
        "(son montant, par exemple)\u202f: sessiond withdraw {session} {seq} --reason TEXTE, "
        "puis saisissez-le de nouveau.",
    "{fee} (#{seq}): already charged in this intervention (#{first}); each fee is charged "
    "once per intervention{where}: not billed again.":
        "{fee} (n°\u00a0{seq})\u202f: déjà dans cette intervention (n°\u00a0{first})\u202f; "
        "chaque frais n'est facturé qu'une fois par intervention{where}\u202f: pas de seconde "
        "facturation.",
    "{fee}: {amount} recorded, but the terms charge at most {most} (art. {article}): {most} "
    "billed.":
        "{fee}\u202f: {amount} enregistrés, mais les conditions en facturent au plus {most} "
        "(art. {article})\u202f: {most} facturés.",
    "at most {amount}":
        "au plus {amount}",
    "{fee}: {amount} recorded, but the terms charge at least {least} (art. {article}): "
    "{least} billed.":
        "{fee}\u202f: {amount} enregistrés, mais les conditions en facturent au moins {least} "
        "(art. {article})\u202f: {least} facturés.",
    "a minimum: a larger amount recorded is billed":
        "un minimum\u202f: un montant enregistré plus élevé est facturé",
    "Paid: {paid}; left to pay: {left}.": "Payé\u202f: {paid}\u202f; reste à payer\u202f: {left}.",
    "Paid beyond the bill: {amount}. Once it is given back: sessiond record {session} refund "
    "--amount {value} --method METHOD.":
        "Payé au-delà du montant\u202f: {amount}. Une fois rendu\u202f: sessiond record "
        "{session} refund --amount {value} --method MOYEN.",
    "{text!r} is not an event number: give it as `sessiond log` shows it, e.g. 16 or #16.":
        "{text!r} n'est pas un numéro d'événement\u202f: donnez-le comme `sessiond log` "
        "l'affiche, par ex. 16 ou #16.",
    "No problem found; {n} point to look at (!).":
        "Aucun problème trouvé\u202f; {n}\u00a0point à voir (!).",
    "No problem found; {n} points to look at (!).":
        "Aucun problème trouvé\u202f; {n}\u00a0points à voir (!).",
    "Session {session} was cancelled: {what} cannot be recorded for it. If it took place "
    "after all, plan it again: sessiond session new {client}.":
        "L'intervention {session} a été annulée\u202f: on ne peut plus y enregistrer {what}. "
        "Si elle a finalement eu lieu, prévoyez-la de nouveau\u202f: sessiond session new "
        "{client}.",
    "the withdrawal of prepaid hours": "le retrait d'heures prépayées",
    "take back a package recorded by mistake": "retirer un forfait enregistré par erreur",
    "the package, as `sessiond credit show` numbers it":
        "le forfait, numéroté comme dans `sessiond credit show`",
    "Event #{seq} is not a package of client {client} (sessiond credit show {client} lists "
    "them).":
        "L'événement n°\u00a0{seq} n'est pas un forfait du client {client} (sessiond credit "
        "show {client} les liste).",
    "Package #{seq} withdrawn: the credit of client {client} no longer counts it (event "
    "#{event}).":
        "Forfait n°\u00a0{seq} retiré\u202f: le crédit du client {client} n'en tient plus "
        "compte (événement n°\u00a0{event}).",
    "Client {client} was merged into {into}: plan the session for {into} (sessiond session "
    "new {into}).":
        "Le client {client} a été fusionné avec {into}\u202f: prévoyez l'intervention pour "
        "{into} (sessiond session new {into}).",
    "Paid beyond the amount due (owed to the client)": "Trop-perçu (dû au client)",
    "A payment of {amount!r} records no money received: give the amount paid (e.g. 45,50).":
        "Un paiement de {amount!r} n'enregistre aucune somme reçue\u202f: indiquez le "
        "montant payé (par ex. 45,50).",
    "{amount!r} has more than two decimals: give the amount in euros and cents (e.g. 45,50).":
        "{amount!r} a plus de deux décimales\u202f: indiquez le montant en euros et en "
        "centimes (par ex. 45,50).",
    "Log intact: {events} events, {checkpoints} checkpoints verified (key {fingerprint}).":
        "Journal intact\u202f: {events} événements, {checkpoints} points de contrôle vérifiés "
        "(clé {fingerprint}).",
    "show the events of a session": "afficher les événements d'une intervention",
    "a session (default: the whole log)": "une intervention (par défaut\u202f: tout le journal)",
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
    "Cannot read {path}: {error}.": "Impossible de lire {path}\u202f: {error}.",
    "The log FAILED verification:": "Le journal a ÉCHOUÉ à la vérification\u202f:",
    "The log FAILED verification; first bad event: #{seq}.":
        "Le journal a ÉCHOUÉ à la vérification\u202f; premier événement fautif\u202f: "
        "n°\u00a0{seq}.",
    "checkpoint": "point de contrôle",
    "checkpoint printed outside": "point de contrôle imprimé à l'extérieur",
    "events #{first} to #{last} are missing (deleted) before #{seq}":
        "les événements n°\u00a0{first} à {last} manquent (supprimés) avant le n°\u00a0{seq}",
    "event #{seq} is out of order": "l'événement n°\u00a0{seq} n'est pas à sa place",
    "event #{seq} does not follow event #{previous} (an event was inserted, deleted or "
    "moved)":
        "l'événement n°\u00a0{seq} ne suit pas l'événement n°\u00a0{previous} (un événement a été "
        "inséré, supprimé ou déplacé)",
    "{origin} of event #{seq} was signed by another key ({key})":
        "{origin} de l'événement n°\u00a0{seq} signé par une autre clé ({key})",
    "{origin} of event #{seq} has a forged signature":
        "{origin} de l'événement n°\u00a0{seq}\u202f: signature falsifiée",
    "the log ends at event #{last} but a {origin} covers event #{seq}: the log was "
    "truncated or rolled back":
        "le journal s'arrête à l'événement n°\u00a0{last} mais un {origin} couvre l'événement "
        "n°\u00a0{seq}\u202f: le journal a été tronqué ou restauré à un état antérieur",
    "event #{seq} is not the one its {origin} signed (the log was rewritten)":
        "l'événement n°\u00a0{seq} n'est pas celui que son {origin} a signé (le journal a été "
        "réécrit)",
    "the checkpoint of event #{seq} was modified: the reason stored with it is not what it "
    "signed":
        "le point de contrôle de l'événement n°\u00a0{seq} a été modifié\u202f: le motif "
        "enregistré avec lui n'est pas ce qu'il a signé",
    "the {count} checkpoints are numbered {first} to {last}, not 1 to {count} as they were "
    "appended: one was renumbered":
        "les {count} points de contrôle sont numérotés de {first} à {last}, et non de 1 à "
        "{count} comme ils ont été ajoutés\u202f: l'un a été renuméroté",
    "event #{seq} was modified after it was written":
        "l'événement n°\u00a0{seq} a été modifié après son écriture",
    "event #{seq} is not a valid sessiond event":
        "l'événement n°\u00a0{seq} n'est pas un événement sessiond valide",
    # --- secret scanning ---
    "password": "mot de passe",
    "user name and password": "identifiant et mot de passe",
    "PIN code": "code PIN",
    "Wi-Fi key": "clé Wi-Fi",
    "{tool} password or access code": "mot de passe ou code d'accès {tool}",
    "remote-access tool password or access code":
        "mot de passe ou code d'accès d'un outil de prise en main à distance",
    "recovery key or code": "clé ou code de récupération",
    "BitLocker recovery key": "clé de récupération BitLocker",
    "private key": "clé privée",
    "payment card number": "numéro de carte bancaire",
    "card security code (CVV)": "cryptogramme de carte bancaire (CVV)",
    "bank account number (IBAN)": "numéro de compte bancaire (IBAN)",
    "French social security number (NIR)": "numéro de sécurité sociale (NIR)",
    "sensitive data": "donnée sensible",
    "{label} ({count} times)": "{label} ({count} fois)",
    "This text seems to contain: {items}.": "Ce texte semble contenir\u202f: {items}.",
    "{field} seems to contain: {items}.": "{field} semble contenir\u202f: {items}.",
    "The note": "La note",
    "The problem": "Le problème",
    "The client's request": "La demande du client",
    "The reason": "Le motif",
    "The person's name": "Le nom de la personne",
    "The client's name": "Le nom du client",
    "The address": "L'adresse",
    "The e-mail address": "L'adresse e-mail",
    "The phone number": "Le numéro de téléphone",
    "The SIREN or SIRET": "Le SIREN ou SIRET",
    "The client's ID in the remote tool":
        "L'identifiant du client dans l'outil",
    "This text": "Ce texte",
    "API token or key": "jeton ou clé d'API",
    "software product key": "clé de produit (licence logicielle)",
    "one-time login code (SMS, 2FA)": "code de connexion à usage unique (SMS, double "
        "authentification)",
    "two-factor authentication secret key": "clé secrète de double authentification (TOTP)",
    "answer to a secret question": "réponse à une question secrète",
    "{citation}: « {words} »": "{citation}\u202f: «\u00a0{words}\u00a0»",
    "GDPR art. 5(1)(c) (data minimisation): only the information strictly needed is kept, "
    "and a password never is.":
        "RGPD art. 5(1)(c) (minimisation des données)\u202f: seules les informations "
        "strictement nécessaires sont conservées, et un mot de passe ne l'est jamais.",
    "Remove it before saving.": "Retirez-le avant d'enregistrer.",
    "Remove them before saving.": "Retirez-les avant d'enregistrer.",
    # --- policies and billing ------------------------------------------------------------
    # policy files (reader, schema, loader)
    "a non-empty string": "une chaîne non vide",
    "a whole number from {low} to {high}": "un nombre entier de {low} à {high}",
    "true or false": "true ou false",
    "a decimal number written as a string, e.g. \"55.50\"":
        "un nombre décimal écrit entre guillemets, par ex. \"55.50\"",
    "a date such as 2024-01-01": "une date comme 2024-01-01",
    "a list of values among {choices}": "une liste de valeurs parmi {choices}",
    "one of {choices}": "l'une des valeurs {choices}",
    "a table": "une table",
    "at most {maximum}": "au plus {maximum}",
    "missing; expected {expected}": "absente\u202f; attendu\u202f: {expected}",
    "an id of lower-case letters, digits and dashes":
        "un identifiant en minuscules, chiffres et tirets",
    "unknown {section} entry; expected one of {choices}":
        "entrée de {section} inconnue\u202f; attendu l'une de {choices}",
    "at least one of {choices}": "au moins l'une de {choices}",
    "required when review = true: say what to check":
        "obligatoire quand review = true\u202f: dites ce qu'il faut vérifier",
    "a minimum needs one of amount, hours, percent_of_planned":
        "un minimum demande une valeur parmi amount, hours, percent_of_planned",
    "give at most one of amount, hours, percent_of_planned (found {found})":
        "donnez au plus une valeur parmi amount, hours, percent_of_planned (trouvé\u202f: {found})",
    "a list of ISO country codes such as \"FR\"": "une liste de codes pays ISO comme \"FR\"",
    "Unknown policy {id!r}. Known policies: {known}. See sessiond policy list.":
        "Politique inconnue {id!r}. Politiques connues\u202f: {known}. Voir sessiond policy list.",
    "{path}: id: {problem}": "{path}\u202f: id\u202f: {problem}",
    "{path}: no such file.": "{path}\u202f: fichier introuvable.",
    "{path}: cannot be read ({problem}).": "{path}\u202f: lecture impossible ({problem}).",
    "the id {id!r} must equal the file name {stem!r}; rename the file or change the id":
        "l'identifiant {id!r} doit être le nom du fichier {stem!r}\u202f; renommez le fichier "
        "ou changez l'identifiant",
    "Policy {policy} has no prepaid credit; choose one that has, e.g. --policy mri87.":
        "La politique {policy} n'a pas de crédit prépayé\u202f; choisissez-en une qui en a, "
        "par ex. --policy mri87.",
    # modes, sources, severities
    "remote": "à distance",
    "onsite": "sur site",
    "workshop": "atelier",
    "shipped": "livrée",
    "user": "la vôtre",
    "file": "fichier",
    "yours": "la vôtre",
    "yours, replaces the shipped one": "la vôtre, remplace la livrée",
    "error": "erreur",
    "warning": "avertissement",
    # bills
    "Travel costs": "Frais de déplacement",
    "Client absent at the appointment": "Absence du client au rendez-vous",
    "Late cancellation": "Annulation tardive",
    "Waiting time": "Temps d'attente",
    "Time: {billed} at {rate}/h": "Temps facturé\u202f: {billed} à {rate}/h",
    "New client's first intervention: {percent} % off (art. {article})":
        "Offre de bienvenue, première intervention d'un nouveau client\u202f: remise de "
        "{percent}\u00a0% (art. {article})",
    "No valid solution: the intervention is not billed (art. {article})":
        "Aucune solution valide\u202f: l'intervention n'est pas facturée (art. {article})",
    "The client ended the intervention: the result guarantee does not apply to what was "
    "left unsolved (art. {article})":
        "Le client a interrompu l'intervention\u202f: la garantie de résultat ne s'applique "
        "pas à ce qui n'a pas été résolu (art. {article})",
    "Prepaid package: {covered} deducted from the credit (art. {article})":
        "Forfait prépayé\u202f: déduction de {covered} sur le crédit (art. {article})",
    "No outcome is recorded: the result guarantee cannot be applied. Record each listed "
    "problem: sessiond record {session} outcome --problem N solved|diagnosed|unsolved.":
        "Aucun résultat enregistré\u202f: la garantie de résultat ne peut pas s'appliquer. "
        "Enregistrez chaque problème listé\u202f: sessiond record {session} outcome --problem N "
        "solved|diagnosed|unsolved.",
    "Listed problems without a recorded outcome: {problems}.":
        "Problèmes listés sans résultat enregistré\u202f: {problems}.",
    "Prepaid credit does not cover {missing} of this session: the client must first buy a "
    "new package (art. {article}).":
        "Le crédit prépayé ne couvre pas {missing} de cette intervention\u202f: le client doit "
        "d'abord "
        "acheter un nouveau forfait (art. {article}).",
    "Policy {policy} has no hourly rate for {mode} sessions: give the session a quoted rate "
    "(sessiond session new --rate) or add [rates.{mode}] to the policy.":
        "La politique {policy} n'a pas de tarif horaire pour les interventions en mode "
        "{mode}\u202f: "
        "donnez un prix convenu à l'intervention (sessiond session new --rate) ou ajoutez "
        "[rates.{mode}] à la politique.",
    "{fee}: not billed for a {mode} session under this policy (art. {article}).":
        "{fee}\u202f: non facturés pour une intervention {mode} selon cette politique "
        "(art. {article}).",
    "{fee}: no amount; the policy leaves it open (art. {article}). Record the fee with its "
    "amount: sessiond record {session} fee --kind {name} --amount EUR.":
        "{fee}\u202f: aucun montant\u202f; la politique le laisse ouvert (art. {article}). "
        "Enregistrez ces frais avec leur montant\u202f: sessiond record {session} fee --kind "
        "{name} --amount EUR.",
    "{fee}: these terms (policy {policy}) provide for no such fee; not billed.":
        "{fee}\u202f: ces conditions (politique {policy}) ne prévoient pas ces frais\u202f; "
        "non facturés.",
    "{label} (art. {article})": "{label} (art. {article})",
    "{hours} at {rate}/h": "{hours} à {rate}/h",
    "{percent} % of the planned {planned}": "{percent}\u00a0% des {planned} prévus",
    # explanations
    "No time worked, no time billed": "Aucun temps travaillé, aucun temps facturé",
    "{worked}: {breakdown} = {billed}": "{worked}\u202f: {breakdown} = {billed}",
    " (grace of {duration} per tranche)": " (tolérance de {duration} par tranche)",
    "{duration} worked": "{duration} travaillées",
    "{duration} billed": "{duration} facturées",
    "1 h worked": "1\u00a0h travaillée",
    "1 min worked": "1\u00a0min travaillée",
    "1 h billed": "1\u00a0h facturée",
    "1 min billed": "1\u00a0min facturée",
    "1 s worked": "1\u00a0s travaillée",
    "1 s billed": "1\u00a0s facturée",
    "1 tranche of {duration}": "1 tranche de {duration}",
    "{count} tranches of {duration}": "{count} tranches de {duration}",
    "first hour indivisible": "première heure indivisible",
    "first half hour indivisible": "première demi-heure indivisible",
    "first {duration} indivisible": "premier bloc indivisible de {duration}",
    # commands
    "list, show or check policies (your terms)":
        "lister, afficher ou vérifier les politiques (vos conditions)",
    "list the policies in effect": "lister les politiques en vigueur",
    "show a policy: tranches, rates, fees, rules, articles":
        "afficher une politique\u202f: tranches, tarifs, frais, règles, articles",
    "check a policy file": "vérifier un fichier de politique",
    "bill a session: worked and billed time, lines, total":
        "facturer une intervention\u202f: temps travaillé et facturé, lignes, total",
    "prepaid hour packages of a client": "forfaits d'heures prépayés d'un client",
    "record a package bought": "enregistrer un forfait acheté",
    "hours bought, e.g. 3": "heures achetées, par ex. 3",
    "when it was bought (default: now)": "date d'achat (par défaut\u202f: maintenant)",
    "policy whose validity applies (default: as for credit show)":
        "politique dont la durée de validité s'applique (par défaut\u202f: comme credit show)",
    "packages, what each session used, what is left":
        "forfaits, ce que chaque intervention a utilisé, ce qui reste",
    "policy with prepaid credit (default: that of the client's latest such session, else "
    "the configured one)":
        "politique à crédit prépayé (par défaut\u202f: celle de la dernière intervention du client "
        "qui "
        "en a une, sinon celle de la configuration)",
    "No policy found.": "Aucune politique trouvée.",
    "BROKEN: {error}": "INVALIDE\u202f: {error}",
    "to review: {note}": "à revoir\u202f: {note}",
    "Document: {name}, {business}, {date} ({file})": "Document\u202f: {name}, {business}, {date} "
                                                      "({file})",
    "undated": "non daté",
    "Tranches: first block {first}, then {increment}, grace {grace} (art. {article})":
        "Tranches\u202f: premier bloc {first}, puis {increment}, tolérance {grace} "
        "(art. {article})",
    "Rate {mode}: {rate}/h (art. {article})": "Tarif {mode}\u202f: {rate}/h (art. {article})",
    "Rate {mode}: {rate}/h, the price list of the day of the intervention (art. {article})":
        "Tarif {mode}\u202f: {rate}/h, la grille du jour de l'intervention (art. {article})",
    "{hours} at the session's rate": "{hours} au tarif de l'intervention",
    "{percent} % of the planned price": "{percent}\u00a0% du prix prévu",
    "amount given when recorded": "montant indiqué à l'enregistrement",
    ", travel and other fees included": ", déplacement et autres frais compris",
    "No valid solution: the fees are not billed either (art. {article})":
        "Aucune solution valide\u202f: les frais ne sont pas facturés non plus (art. {article})",
    "Guarantee: no valid solution, no fee (art. {article})":
        "Garantie\u202f: pas de solution valide, pas de facture (art. {article})",
    "Guarantee: a diagnosis of an unsolvable problem is a valid solution (art. {article})":
        "Garantie\u202f: le diagnostic d'un problème insoluble est une solution valide "
        "(art. {article})",
    "Guarantee: on request {each} % off per unsolved listed problem, at most {cap} % "
    "(art. {article})":
        "Garantie\u202f: sur demande, {each}\u00a0% de réduction par problème listé non résolu, au "
        "plus {cap}\u00a0% (art. {article})",
    "Prepaid credit: packages valid {months} months (art. {article})":
        "Crédit prépayé\u202f: forfaits valables {months}\u00a0mois (art. {article})",
    "VAT: {mention} (art. {article})": "TVA\u202f: {mention} (art. {article})",
    "Rules:": "Règles\u202f:",
    "art. {article}": "art. {article}",
    "To review before use ({count}): {keys}": "À revoir avant usage ({count})\u202f: {keys}",
    "Note: to use it, save it as {name} in {dir}.":
        "Note\u202f: pour l'utiliser, enregistrez-la sous le nom {name} dans {dir}.",
    "Session {session} · client {client} · policy {policy} ({state})":
        "Intervention {session} · client {client} · politique {policy} ({state})",
    "Worked: {worked}   Billed: {billed}": "Travaillé\u202f: {worked}   Facturé\u202f: {billed}",
    "Total so far": "Total à ce stade",
    "Total": "Total",
    "Next tranche in {wait} (at {time}): +{amount}":
        "Prochaine tranche dans {wait} (à {time})\u202f: +{amount}",
    "Paused: the next tranche starts after {wait} more work: +{amount}":
        "En pause\u202f: la prochaine tranche commence après {wait} de travail\u202f: +{amount}",
    "Prepaid credit left after this session: {left}":
        "Crédit prépayé restant après cette intervention\u202f: {left}",
    "--hours {hours!r}: give a positive number of hours, e.g. 3 or 1.5.":
        "--hours {hours!r}\u202f: indiquez un nombre d'heures positif, par ex. 3 ou 1,5.",
    "Credit added: {length} for client {client} (event #{seq}).":
        "Crédit ajouté\u202f: {length} pour le client {client} (événement n°\u00a0{seq}).",
    "Valid until {day} (policy {policy}, art. {article}).":
        "Valable jusqu'au {day} (politique {policy}, art. {article}).",
    "Prepaid credit of client {client} (policy {policy}, art. {article})":
        "Crédit prépayé du client {client} (politique {policy}, art. {article})",
    "No package bought: sessiond credit add {client} --hours H":
        "Aucun forfait acheté\u202f: sessiond credit add {client} --hours H",
    "#{seq} bought {day}: {hours}, used {used}, left {left}":
        "n°\u00a0{seq} acheté le {day}\u202f: {hours}, utilisé {used}, reste {left}",
    "expired {day}: {left} lost": "expiré le {day}\u202f: perte de {left}",
    "valid until {day}": "valable jusqu'au {day}",
    "session {session}: {billed} billed, {covered} from the credit":
        "intervention {session}\u202f: facturé {billed}, pris sur le crédit {covered}",
    "{missing} not covered": "non couvert\u202f: {missing}",
    "Left: {left}": "Reste\u202f: {left}",
    # --- daemon ---
    "Another sessiond daemon is already running (pid {pid}).":
        "Un autre démon sessiond tourne déjà (pid {pid}).",
    "turned off by --no-idle": "désactivée par --no-idle",
    "turned off by --no-hotkeys": "désactivés par --no-hotkeys",
    "Hotkeys and idle detection off: {reason}.":
        "Raccourcis et détection d'inactivité désactivés\u202f: {reason}.",
    "hotkeys": "raccourcis",
    "idle detection": "détection d'inactivité",
    "{name}: on": "{name}\u202f: en service",
    "{name}: off ({reason})": "{name}\u202f: hors service ({reason})",
    "{name}: unknown": "{name}\u202f: inconnu",
    "Answer worked or paused.":
        "Répondez «\u00a0worked\u00a0» (travaillé) ou «\u00a0paused\u00a0» (en pause).",
    "No question #{id}. sessiond daemon questions lists them.":
        "Aucune question n°\u00a0{id}. sessiond daemon questions les liste.",
    "Session {session}: {length} without trace, from {start} to {end}: {why}. "
    "Worked or paused? See sessiond daemon questions.":
        "Intervention {session}\u202f: {length} sans trace, de {start} à {end}\u202f: {why}. "
        "Travaillé ou pause\u202f? Voir sessiond daemon questions.",
    "sessiond was not running (crash, kill or power loss)":
        "sessiond ne tournait pas (plantage, arrêt forcé ou coupure de courant)",
    "the computer was asleep": "l'ordinateur était en veille",
    "no keyboard or mouse input": "aucune action au clavier ni à la souris",
    "End-of-day export made for {first} to {last}: {path}":
        "Export de fin de journée fait pour le {first} au {last}\u202f: {path}",
    "End-of-day export made for {day}: {path}":
        "Export de fin de journée fait pour le {day}\u202f: {path}",
    "End-of-day export failed: {problem}": "Échec de l'export de fin de journée\u202f: {problem}",
    "Session {session} started.": "Intervention {session} démarrée.",
    "Session {session} resumed.": "Intervention {session} reprise.",
    "Session {session} paused.": "Intervention {session} en pause.",
    "Session {session} stopped.": "Intervention {session} terminée.",
    "Session {session} is already running.": "L'intervention {session} est déjà en cours.",
    "Session {session}: no input for {minutes} min. Still working?":
        "Intervention {session}\u202f: aucune action depuis {minutes}\u00a0min. Toujours au "
        "travail\u202f?",
    "No session to start: plan one first (sessiond session new CLIENT).":
        "Aucune intervention à démarrer\u202f: créez-en une d'abord (sessiond session new CLIENT).",
    "No running session to pause.": "Aucune intervention en cours à mettre en pause.",
    "No running or paused session to stop.": "Aucune intervention en cours ou en pause à terminer.",
    "Wayland session (global hotkeys would only work in XWayland windows); bind "
    "sessiond start/pause/stop to desktop shortcuts instead":
        "session Wayland (les raccourcis globaux ne marcheraient que dans les fenêtres "
        "XWayland)\u202f; associez plutôt sessiond start/pause/stop à des raccourcis du bureau",
    "no display (DISPLAY is not set)": "pas d'affichage (DISPLAY n'est pas défini)",
    "cannot connect to the display {display} ({problem})":
        "connexion impossible à l'affichage {display} ({problem})",
    "python-xlib is not installed": "python-xlib n'est pas installé",
    "the X server has no MIT-SCREEN-SAVER extension":
        "le serveur X n'a pas l'extension MIT-SCREEN-SAVER",
    "the X server did not answer the idle query ({problem})":
        "le serveur X n'a pas répondu à la demande d'inactivité ({problem})",
    "pynput cannot use this display ({problem})":
        "pynput ne peut pas utiliser cet affichage ({problem})",
    "the hotkey {combo!r} for {action} is not valid (e.g. <ctrl>+<alt>+<shift>+s)":
        "le raccourci {combo!r} pour {action} n'est pas valide (ex. <ctrl>+<alt>+<shift>+s)",
    "the hotkey {combo!r} is configured twice": "le raccourci {combo!r} est configuré deux fois",
    "the keyboard listener stopped at once": "l'écoute du clavier s'est arrêtée aussitôt",
    "{setting} = {value!r}: give a local time as HH:MM, e.g. 19:30.":
        "{setting} = {value!r}\u202f: indiquez une heure locale HH:MM, par ex. 19:30.",
    "{setting} = {value!r}: the clocks change between 02:00 and 03:00 (that hour is "
    "skipped in March and repeated in October); choose another time.":
        "{setting} = {value!r}\u202f: l'heure change entre 02:00 et 03:00 (cette heure est "
        "sautée en mars et répétée en octobre)\u202f; choisissez une autre heure.",
    "Daemon: running (pid {pid}); {hotkeys}; {idle}.":
        "Démon\u202f: en marche (pid {pid})\u202f; {hotkeys}\u202f; {idle}.",
    "Daemon: not running; the terminal interface runs the scheduled jobs (no hotkeys, "
    "no idle detection).":
        "Démon\u202f: arrêté\u202f; l'interface du terminal exécute les tâches planifiées (sans "
        "raccourcis ni détection d'inactivité).",
    "Daemon: not running (sessiond daemon, or sessiond systemd install); hotkeys, idle "
    "detection and reminders are off.":
        "Démon\u202f: arrêté (sessiond daemon, ou sessiond systemd install)\u202f; raccourcis, "
        "détection d'inactivité et rappels désactivés.",
    "the exports module is not available ({problem})":
        "le module d'export n'est pas disponible ({problem})",
    "Question #{id}: recorded as worked (event #{seq}).":
        "Question n°\u00a0{id}\u202f: enregistré comme travaillé (événement n°\u00a0{seq}).",
    "Question #{id}: recorded as a pause (event #{seq}).":
        "Question n°\u00a0{id}\u202f: enregistré comme pause (événement n°\u00a0{seq}).",
    "Question #{id} was already answered that way.":
        "La question n°\u00a0{id} a déjà reçu cette réponse.",
    "Answer with: sessiond daemon answer ID worked|paused":
        "Répondez avec\u202f: sessiond daemon answer ID worked|paused",
    "No question waiting.": "Aucune question en attente.",
    "{files} already exist in {dir} and differ from what sessiond would write; add "
    "--force to replace them.":
        "{files} existent déjà dans {dir} et diffèrent de ce que sessiond écrirait\u202f; "
        "ajoutez --force pour les remplacer.",
    "Cannot find the sessiond executable to put in ExecStart=; install sessiond (pip "
    "install .) and run this again.":
        "Exécutable sessiond introuvable pour ExecStart=\u202f; installez sessiond (pip "
        "install .) puis relancez.",
    "Units written to {dir}: {names}.": "Unités écrites dans {dir}\u202f: {names}.",
    "none (already up to date)": "aucune (déjà à jour)",
    "Run: systemctl --user daemon-reload": "Lancez\u202f: systemctl --user daemon-reload",
    "Start the daemon with your graphical session: "
    "systemctl --user enable --now sessiond.service":
        "Pour lancer le démon avec la session graphique\u202f: "
        "systemctl --user enable --now sessiond.service",
    "It needs DISPLAY: if your desktop does not start graphical-session.target or import "
    "DISPLAY, run systemctl --user import-environment DISPLAY XAUTHORITY in your session "
    "start-up.":
        "Il a besoin de DISPLAY\u202f: si votre bureau ne démarre pas graphical-session.target "
        "ou n'importe pas DISPLAY, lancez systemctl --user import-environment DISPLAY "
        "XAUTHORITY au démarrage de votre session.",
    "Without the daemon, the timer still makes the end-of-day export: "
    "systemctl --user enable --now sessiond-export.timer":
        "Sans le démon, le minuteur fait quand même l'export de fin de journée\u202f: "
        "systemctl --user enable --now sessiond-export.timer",
    "run the daemon: reminders, hotkeys, idle detection, daily export":
        "lancer le démon\u202f: rappels, raccourcis, détection d'inactivité, export quotidien",
    "Without an action, runs the daemon in the foreground (the systemd unit does this).":
        "Sans action, lance le démon au premier plan (c'est ce que fait l'unité systemd).",
    "do not listen for the global hotkeys": "ne pas écouter les raccourcis globaux",
    "do not watch for idle time": "ne pas surveiller l'inactivité",
    "is the daemon running; hotkeys and idle detection":
        "le démon tourne-t-il\u202f; raccourcis et détection d'inactivité",
    "the daemon's questions waiting for an answer": "les questions du démon en attente",
    "also the recent notifications and answered questions":
        "aussi les notifications récentes et les questions répondues",
    "answer a question: was that span work, or a pause?":
        "répondre à une question\u202f: cette période était-elle du travail ou une pause\u202f?",
    "run the end-of-day export and day seal if due (the systemd timer runs this)":
        "faire l'export de fin de journée et le scellement du jour s'ils sont dus "
        "(le minuteur systemd lance cette commande)",
    "systemd user units for the daemon": "unités systemd utilisateur pour le démon",
    "write the user units (sessiond.service, sessiond-export.service and .timer)":
        "écrire les unités utilisateur (sessiond.service, sessiond-export.service et .timer)",
    "where to write them (default ~/.config/systemd/user)":
        "où les écrire (par défaut ~/.config/systemd/user)",
    "replace unit files that were changed by hand":
        "remplacer les fichiers d'unité modifiés à la main",
    "do not run systemctl --user daemon-reload": "ne pas lancer systemctl --user daemon-reload",
    "For tests only: SESSIOND_HEARTBEAT_SECONDS sets the heartbeat interval (default "
    "15 s); a gap is three intervals without a heartbeat.":
        "Pour les tests seulement\u202f: SESSIOND_HEARTBEAT_SECONDS fixe l'intervalle des "
        "battements (15\u00a0s par défaut)\u202f; trois intervalles sans battement font un trou.",
    "the keyboard listener stopped (X connection lost?)":
        "l'écoute du clavier s'est arrêtée (connexion X perdue\u202f?)",
    "the X server stopped answering": "le serveur X ne répond plus",
    # --- exports and receipts ---
    # proof of the events behind a document (verify)
    "the export of {first} to {last}": "l'export du {first} au {last}",
    "the receipt of session {session}": "le relevé de l'intervention {session}",
    "the export of {day}": "l'export du {day}",
    "{what} covers the log up to event #{upto} but the log ends at event #{last}: the log "
    "was truncated or rolled back":
        "{what} couvre le journal jusqu'à l'événement n°\u00a0{upto} mais le journal s'arrête à "
        "l'événement n°\u00a0{last}\u202f: le journal a été tronqué ou restauré à un état "
        "antérieur",
    "{what} was issued with event #{upto}, but the log holds another event there (the log "
    "was rewritten)":
        "{what} a été émis avec l'événement n°\u00a0{upto}, mais le journal contient un autre "
        "événement à cette place (le journal a été réécrit)",
    "{what}: its events line names an unknown time zone":
        "{what}\u202f: sa ligne d'événements indique un fuseau horaire inconnu",
    # exports
    "Unknown export format {format!r}: choose csv or json.":
        "Format d'export inconnu {format!r}\u202f: choisissez csv ou json.",
    "The range ends ({last}) before it starts ({first}).":
        "La période se termine ({last}) avant de commencer ({first}).",
    "A range of at most {days} days can be exported at once.":
        "Un export couvre au plus {days}\u00a0jours.",
    "Day": "Date",
    "Client name": "Client",
    "Session mode": "Mode",
    "Remote tool": "Outil",
    "Start time": "Début",
    "End time": "Fin",
    "Worked (h:mm)": "Travaillé (h:mm)",
    "Worked (h)": "Travaillé (h)",
    "Billed (h:mm)": "Facturé (h:mm)",
    "Billed (h)": "Facturé (h)",
    "Tranche model": "Tranches",
    "Hourly rate (EUR)": "Taux horaire (€)",
    "Discounts (EUR)": "Remises (€)",
    "Amount (EUR)": "Montant (€)",
    "Credit used (h)": "Crédit utilisé (h)",
    "Compliance status": "Conformité",
    "Remarks on the bill": "Remarques",
    "Sessions covered (events digest)": "Interventions couvertes (empreinte des événements)",
    "Public key (Ed25519)": "Clé publique (Ed25519)",
    "Signed checkpoint": "Point de contrôle signé",
    "{first} then tranches of {increment}": "{first} puis tranches de {increment}",
    "tranches of {increment}": "tranches de {increment}",
    "not checked": "non vérifiée",
    "compliant": "conforme",
    "session not started.": "intervention non commencée.",
    "session not finished: amount so far.": "intervention non terminée\u202f: montant à ce stade.",
    # values of the event allow-list
    "remote assistance": "assistance à distance",
    "on-site intervention": "intervention sur site",
    "workshop intervention": "intervention en atelier",
    "by telephone": "par téléphone",
    "by video call": "en visioconférence",
    "other means": "autre moyen",
    "oral agreement": "accord oral",
    "one-time code of the remote tool given by the client":
        "code à usage unique de l'outil de prise en main communiqué par le client",
    "signed": "signé",
    "consumer (private person)": "particulier (consommateur)",
    "business client": "professionnel",
    "screen capture": "capture d'écran",
    "copy of a file": "copie de fichier",
    "recording of the session": "enregistrement de l'intervention",
    "bank card": "carte bancaire",
    "in cash": "espèces",
    "by cheque": "chèque",
    "bank transfer": "virement",
    "by the technician": "par le technicien",
    "by the client": "par le client",
    "error (finding)": "ERREUR",
    "warning (finding)": "AVERTISSEMENT",
    "problem solved": "résolu",
    "problem diagnosed": "diagnostiqué",
    "problem not solved": "non résolu",
    "not started yet": "pas encore commencée",
    "still running": "en cours",
    "paused, not stopped": "en pause, non arrêtée",
    "finished": "terminée",
    # the receipt
    "Session {session} is not finished ({state}): stop it first (sessiond stop "
    "{session}), then issue its receipt.":
        "L'intervention {session} n'est pas terminée ({state})\u202f: arrêtez-la d'abord "
        "(sessiond stop {session}), puis émettez son relevé.",
    "The receipt of session {session} cannot be issued: {problem}":
        "Le relevé de l'intervention {session} ne peut pas être émis\u202f: {problem}",
    "Your identity is incomplete on the receipt: set {fields} under [technician] in "
    "config.toml (a micro-entrepreneur's documents must carry them).":
        "Votre identité est incomplète sur le relevé\u202f: renseignez {fields} dans la section "
        "[technician] de config.toml (obligatoire sur les documents d'un micro-entrepreneur).",
    "receipt": "releve",
    "Service record": "Relevé d'intervention",
    "Service record no. {number}": "Relevé d'intervention n°\u00a0{number}",
    "Service record no. {number} — session {session}":
        "Relevé d'intervention n°\u00a0{number} — intervention {session}",
    "Supporting document no. {number}, issued on {moment}":
        "Document justificatif n°\u00a0{number}, émis le {moment}",
    "Service provider": "Prestataire",
    "Full name": "Nom",
    "Trade name": "Nom commercial",
    "Registration": "Immatriculation",
    "Postal address": "Adresse",
    "Contact details": "Contact",
    "The client": "Client",
    "(client erased)": "(client effacé)",
    "Client reference": "Référence client",
    "Client status": "Qualité",
    "The intervention": "Intervention",
    "Session reference": "Référence de l'intervention",
    "Date of the intervention": "Date",
    "Mode and place": "Mode et lieu",
    "Client's system": "Système du client",
    "Terms applied": "Conditions appliquées",
    "Problem {n}": "Problème {n}",
    "Client's consent": "Consentement",
    "Consent given": "Consentement donné",
    "{channel}, on {moment}, by {by}": "{channel}, le {moment}, par {by}",
    "No consent is on record for this session.":
        "Aucun consentement n'est enregistré pour cette intervention.",
    "Started without consent on record; reason given: {reason}":
        "Démarrée sans consentement enregistré\u202f; motif indiqué\u202f: {reason}",
    "handwritten signature": "signature manuscrite",
    "electronic signature": "signature électronique",
    "Quote accepted": "Devis accepté",
    "{how}, on {moment}, by {by}": "{how}, le {moment}, par {by}",
    "Immediate start requested": "Exécution immédiate demandée",
    "express request to start within the withdrawal period, received {medium} on {moment}":
        "demande expresse de commencer pendant le délai de rétractation, reçue {medium} le "
        "{moment}",
    "by e-mail": "par e-mail",
    "on paper": "sur papier",
    "by text message": "par SMS",
    "with a signature": "avec signature",
    "Course of the session": "Déroulement",
    "Started at": "Début",
    "Pause {n}": "Pause {n}",
    "{start} to {end} ({duration})": "{start} à {end} ({duration})",
    "Not counted": "Non compté",
    "{start} to {end}: inactivity reviewed as not worked":
        "{start} à {end}\u202f: inactivité constatée, non travaillée",
    "Stopped at": "Fin",
    "Time worked": "Temps travaillé",
    "Time billed": "Temps facturé",
    "Detail of the amount": "Détail",
    "Total (excl. VAT = incl. VAT)": "Total HT = TTC",
    "Prepaid credit used": "Crédit prépayé utilisé",
    "Prepaid credit left": "Crédit prépayé restant",
    "Payment received on {moment} ({method})": "Paiement reçu le {moment} ({method})",
    "Refunded on {moment} ({method})": "Remboursé le {moment} ({method})",
    "Left to pay": "Reste à payer",
    "Confidentiality": "Confidentialité",
    " (art. {articles})": " (art. {articles})",
    "No screen capture, no file kept{cited}.":
        "Aucune capture d'écran, aucun fichier conservé{cited}.",
    "Kept during the session{cited}:": "Conservé pendant l'intervention{cited}\u202f:",
    "at the client's request: « {request} »": "à la demande du client\u202f: « {request} »",
    "WITHOUT a documented request from the client": "SANS demande documentée du client",
    "other item": "autre élément",
    "sessiond records no screen content, keystroke or file content: only the facts above "
    "(times, consent, outcome).":
        "sessiond n'enregistre ni le contenu de l'écran, ni les frappes au clavier, ni le "
        "contenu des fichiers\u202f: seulement les faits ci-dessus (horaires, consentement, "
        "résultat).",
    "Compliance with the terms": "Conformité aux conditions",
    "No finding: the session kept the terms applied.":
        "Aucune anomalie\u202f: l'intervention a respecté les conditions appliquées.",
    "{severity} (art. {article})": "{severity} (art. {article})",
    "How to verify this document": "Vérification",
    "The technician's log is hash-chained and signed (Ed25519). The checkpoint below "
    "proves that the log holds this session, unchanged, as it was when this document was "
    "issued: keep this document. Check it with sessiond verify --receipt FILE.":
        "Le journal du prestataire est chaîné et signé (Ed25519). Le point de contrôle "
        "ci-dessous prouve que le journal contient cette intervention, inchangée depuis l'émission "
        "de ce document\u202f: conservez-le. Vérification\u202f: sessiond verify --receipt "
        "FICHIER.",
    "Signing key fingerprint": "Empreinte de la clé",
    "Public signing key": "Clé publique",
    # the commands
    "export the sessions of a day or of a range of days (CSV or JSON)":
        "exporter les interventions d'un jour ou d'une période (CSV ou JSON)",
    "a local day: YYYY-MM-DD, DD/MM/YYYY, today or yesterday (default: today)":
        "un jour\u202f: AAAA-MM-JJ, JJ/MM/AAAA, today ou yesterday (par défaut\u202f: aujourd'hui)",
    "first day of a range (with --to)": "premier jour d'une période (avec --to)",
    "last day of the range (default: today)":
        "dernier jour de la période (par défaut\u202f: aujourd'hui)",
    "csv for a spreadsheet (default), json for other tools":
        "csv pour un tableur (par défaut), json pour d'autres outils",
    "the export file (a name with its suffix, e.g. day.csv), or its directory (default: the "
    "current one)":
        "le fichier de l'export (un nom avec son suffixe, par ex. jour.csv), ou son "
        "dossier (par défaut\u202f: le dossier courant)",
    "issue the client's receipt of a finished session (PDF and text)":
        "émettre le relevé d'intervention d'une intervention terminée (PDF et texte)",
    "the PDF's path (the text version goes beside it, .txt); default: the current "
    "directory":
        "chemin du PDF (la version texte est écrite à côté, .txt)\u202f; par défaut\u202f: le "
        "dossier courant",
    "Cannot read the day {text!r}: give YYYY-MM-DD (2026-11-22), DD/MM/YYYY (22/11/2026), "
    "DD/MM (22/11), today, yesterday or tomorrow.":
        "Jour illisible {text!r}\u202f: indiquez AAAA-MM-JJ (2026-11-22), JJ/MM/AAAA "
        "(22/11/2026), JJ/MM (22/11), aujourd'hui, hier ou demain.",
    "--to needs --from: sessiond export --from DATE --to DATE.":
        "--to va avec --from\u202f: sessiond export --from DATE --to DATE.",
    "from {first} to {last}": "du {first} au {last}",
    "of {day}": "du {day}",
    "Nothing changed since the export of event #{seq}: no new event; file {state}.":
        "Rien n'a changé depuis l'export de l'événement n°\u00a0{seq}\u202f: aucun nouvel "
        "événement\u202f; "
        "fichier {state}.",
    "written (again)": "écrit",
    "kept as it was": "conservé tel quel",
    "Recorded as event #{seq}, signed checkpoint #{seq}.":
        "Enregistré comme événement n°\u00a0{seq}, point de contrôle signé n°\u00a0{seq}.",
    "warning: session {session} has no amount: {problem}":
        "attention\u202f: l'intervention {session} n'a pas de montant\u202f: {problem}",
    "Receipt no. {number} of session {session}: total {total}.":
        "Relevé n°\u00a0{number} de l'intervention {session}\u202f: total {total}.",
    "PDF: {path}": "PDF\u202f: {path}",
    "text version: {path}": "version texte\u202f: {path}",
    "  event #{seq}, signed checkpoint #{seq}":
        "  événement n°\u00a0{seq}, point de contrôle signé n°\u00a0{seq}",
    "Invoice {invoice} cancelled by credit note {number} of {day}.":
        "Facture {invoice} annulée par l'avoir {number} du {day}.",
    "Cannot write {path}: {error}. Choose another place with --out.":
        "Impossible d'écrire {path}\u202f: {error}. Choisissez un autre emplacement avec --out.",
    # --- compliance ---
    "No consent of the client on record before the access.":
        "Aucun consentement du client enregistré avant l'accès.",
    "The policy could not be read, nothing was checked: {problem}":
        "La politique n'a pas pu être lue, rien n'a été contrôlé\u202f: {problem}",
    "{what} is dated {at}, after the start ({start}).":
        "{what} porte la date du {at}, après le début ({start}).",
    "The acceptance of the quote": "L'acceptation du devis",
    "No signed quote on record before the start: nothing starts before the client accepts "
    "the quote.":
        "Aucun devis signé enregistré avant le début\u202f: rien ne commence avant que le client "
        "accepte le devis.",
    "The consumer's request to start within the withdrawal period":
        "La demande du consommateur de commencer pendant le délai de rétractation",
    "The consumer ordered on {ordered}, less than {days} days before the start: his express "
    "request to start within the withdrawal period must be on record first "
    "(C. consom. L221-25).":
        "Le consommateur a commandé le {ordered}, moins de {days}\u00a0jours avant le début\u202f: "
        "sa "
        "demande expresse de commencer pendant le délai de rétractation doit être enregistrée "
        "avant (C. consom. L221-25).",
    "The invitation to close sensitive documents":
        "L'invitation à fermer les documents sensibles",
    "The client was not invited to close his sensitive documents before the access.":
        "Le client n'a pas été invité à fermer ses documents sensibles avant l'accès.",
    "The backup was offered but the client's answer is not on record (accepted, declined, "
    "or he has his own).":
        "La sauvegarde a été proposée mais la réponse du client n'est pas enregistrée "
        "(acceptée, refusée, ou il a la sienne).",
    "No backup was offered before the intervention.":
        "Aucune sauvegarde n'a été proposée avant l'intervention.",
    "The backup question": "La question de la sauvegarde",
    "No backup question on record before the start: offer a backup and record the client's "
    "answer.":
        "Aucune question de sauvegarde enregistrée avant le début\u202f: proposez une sauvegarde "
        "et enregistrez la réponse du client.",
    "The payment": "Le paiement",
    "No payment on record before the start.": "Aucun paiement enregistré avant le début.",
    "{paid} paid in cash for this intervention ({events}): above the legal cap of {limit} "
    "(C. monét. fin. art. L112-6, D112-3).":
        "{paid} payés en espèces pour cette intervention ({events})\u202f: au-delà du plafond "
        "légal de {limit} (C. monét. fin. art. L112-6, D112-3).",
    "{paid} paid before the start, less than the {due} this intervention costs: the terms "
    "ask it paid in full before it.":
        "{paid} payés avant le début, moins que les {due} que coûte cette intervention\u202f: les "
        "conditions demandent qu'elle soit réglée intégralement avant.",
    "The prepaid credit does not cover {missing} of this session: the client must first buy "
    "a new package.":
        "Le crédit prépayé ne couvre pas {missing} de cette intervention\u202f: le client doit "
        "d'abord "
        "acheter un nouveau forfait.",
    "Client's country: {country}; the countries the terms cover: {wanted}.":
        "Pays du client\u202f: {country}\u202f; pays couverts par les conditions\u202f: {wanted}.",
    "The client is recorded as a business: these terms serve private clients only, a "
    "business is served under other terms.":
        "Le client est enregistré comme professionnel\u202f: ces conditions ne valent que pour "
        "les particuliers, un professionnel relève d'autres conditions.",
    "The client is recorded as a business; check that these terms cover him (see the "
    "article).":
        "Le client est enregistré comme professionnel\u202f; vérifiez que ces conditions le "
        "couvrent (voir l'article).",
    "{what} is dated {at}, the very second of the start; the log records it after the start "
    "(#{seq} after #{start}): it had to be recorded before starting.":
        "{what} porte la date du {at}, la seconde même du début\u202f; le journal "
        "l'enregistre après le début (#{seq} après #{start})\u202f: il fallait l'enregistrer "
        "avant de commencer.",
    "Kept without the client's explicit, documented request: {items}.":
        "Conservé sans demande explicite et documentée du client\u202f: {items}.",
    "Stored text seems to hold secrets ({items}); no password or secret may be kept.":
        "Un texte enregistré semble contenir des secrets ({items})\u202f; aucun mot de passe ni "
        "secret ne doit être conservé.",
    "Paid by {given} ({events}); the terms accept {wanted}.":
        "Payé par {given} ({events})\u202f; les conditions acceptent\u202f: {wanted}.",
    "Payments {events} taken while no signed quote was on record: a payment alone is not "
    "acceptance of the quote.":
        "Paiements {events} reçus alors qu'aucun devis signé n'était enregistré\u202f: un "
        "paiement seul ne vaut pas acceptation du devis.",
    "Payment {events} taken while no signed quote was on record: a payment alone is not "
    "acceptance of the quote.":
        "Paiement {events} reçu alors qu'aucun devis signé n'était enregistré\u202f: un paiement "
        "seul ne vaut pas acceptation du devis.",
    "The disconnection {events} came before the work resumed ({resumed}): none is on "
    "record after the intervention.":
        "La déconnexion {events} précède la reprise du travail ({resumed})\u202f: aucune "
        "n'est enregistrée après l'intervention.",
    "No disconnection on record after the intervention: the technician must no longer be "
    "able to take control.":
        "Aucune déconnexion enregistrée après l'intervention\u202f: le technicien ne doit plus "
        "pouvoir prendre le contrôle.",
    "No receipt was issued for this session.":
        "Aucun document justificatif n'a été remis pour cette intervention.",
    "Started WITHOUT the client's consent (the reason is recorded with the start).":
        "Commencée SANS le consentement du client (le motif est enregistré avec le début).",
    "The client's consent": "Le consentement du client",
    "Made after the stop ({stop}): {items}; the client's machine was still accessed once "
    "the work was over.":
        "Fait après l'arrêt ({stop})\u202f: {items}\u202f; la machine du client a encore été "
        "consultée une fois le travail terminé.",
    "Made before the client's consent ({consent}, #{seq}): {items}; his machine was "
    "accessed before he consented.":
        "Fait avant le consentement du client ({consent}, #{seq})\u202f: {items}\u202f; sa "
        "machine a été consultée avant qu'il ne consente.",
    "Disconnected from the client's computer on {gone} (#{seq}), then the work resumed on "
    "{resumed} (#{resume}) with no new consent of the client on record: taking control "
    "again is a new access, which needs his consent.":
        "Déconnecté de l'ordinateur du client le {gone} (#{seq}), puis le travail a repris "
        "le {resumed} (#{resume}) sans nouveau consentement du client enregistré\u202f: "
        "reprendre le contrôle est un nouvel accès, qui demande son consentement.",
    "The disconnection #{seq} is dated {at}, {late} after the stop ({stop}): until then the "
    "technician could still take control of the client's computer. If it came earlier, "
    "record it at its time (sessiond record {session} disconnect-confirmed --at TIME).":
        "La déconnexion #{seq} est datée du {at}, {late} après l'arrêt ({stop})\u202f: "
        "jusque-là, le technicien pouvait encore prendre le contrôle de l'ordinateur du "
        "client. Si elle a eu lieu plus tôt, enregistrez-la à son heure (sessiond record "
        "{session} disconnect-confirmed --at HEURE).",
    "Connection {connections} began after the disconnection #{seq} ({gone}) with no new "
    "consent of the client on record.":
        "Connexion {connections} commencée après la déconnexion n°\u00a0{seq} ({gone}) sans "
        "nouveau consentement du client enregistré.",
    "Connection {connections} began after the disconnection #{seq} ({gone}) with no new "
    "consent of the client by a channel the terms accept (given: {given}; the terms ask "
    "for: {wanted}).":
        "Connexion {connections} commencée après la déconnexion n°\u00a0{seq} ({gone}) sans "
        "nouveau consentement du client par un moyen que les conditions acceptent "
        "(donné\u202f: {given}\u202f; les conditions demandent\u202f: {wanted}).",
    "Made after the disconnection from the client's computer ({gone}, #{seq}), with no new "
    "consent of the client on record: {items}; his machine was accessed again.":
        "Fait après la déconnexion de l'ordinateur du client ({gone}, #{seq}), sans nouveau "
        "consentement du client enregistré\u202f: {items}\u202f; sa machine a de nouveau "
        "été consultée.",
    "Disconnected from the client's computer on {gone} (#{seq}), then the work resumed on "
    "{resumed} (#{resume}); consent given since: {given}; the terms ask for: {wanted}.":
        "Déconnecté de l'ordinateur du client le {gone} (#{seq}), puis le travail a repris "
        "le {resumed} (#{resume})\u202f; consentement donné depuis\u202f: {given}\u202f; "
        "les conditions demandent\u202f: {wanted}.",
    "The clock has run {span} without a pause since {start}: a clock left running bills "
    "time no one worked; pause or stop it at the time the work ended (--at).":
        "Le chronomètre tourne sans pause depuis le {start} ({span})\u202f: un "
        "chronomètre oublié facture un temps que personne n'a travaillé\u202f; mettez-le en "
        "pause ou arrêtez-le à l'heure où le travail a pris fin (--at).",
    "The clock ran {span} without a pause, from {start} to {end}: a clock left running "
    "(overnight, say) bills time no one worked; if the work ended earlier, correct that "
    "instant (sessiond amend {session} {seq} --at TIME --reason TEXT).":
        "Le chronomètre a tourné {span} sans pause, du {start} au {end}\u202f: un "
        "chronomètre oublié (toute une nuit, par exemple) facture un temps que personne n'a "
        "travaillé\u202f; si le travail a pris fin plus tôt, corrigez cet instant (sessiond "
        "amend {session} {seq} --at HEURE --reason TEXTE).",
    "The clock ran {span} ({duration}) while that of session {other}, of the same client, "
    "ran too: the same minutes are billed twice. If a time is wrong, correct it (sessiond "
    "amend SESSION SEQ --at TIME --reason TEXT); if it is the same work timed twice: "
    "sessiond cancel {session} --duplicate-of {other} --reason TEXT.":
        "Le chronomètre a tourné {span} ({duration}) pendant que celui de l'intervention "
        "{other}, du même client, tournait aussi\u202f: les mêmes minutes sont facturées "
        "deux fois. Si une heure est fausse, corrigez-la (sessiond amend INTERVENTION N --at "
        "HEURE --reason TEXTE)\u202f; si c'est le même travail chronométré deux "
        "fois\u202f: sessiond cancel {session} --duplicate-of {other} --reason TEXTE.",
    "The clock ran {span} ({duration}) while that of session {other} ran too: the same "
    "minutes are billed to two clients. If a time is wrong, correct it (sessiond amend "
    "SESSION SEQ --at TIME --reason TEXT).":
        "Le chronomètre a tourné {span} ({duration}) pendant que celui de l'intervention "
        "{other} tournait aussi\u202f: les mêmes minutes sont facturées à deux clients. Si "
        "une heure est fausse, corrigez-la (sessiond amend INTERVENTION N --at HEURE "
        "--reason TEXTE).",
    "Consent given: {given}; the terms ask for: {wanted}.":
        "Consentement donné\u202f: {given}\u202f; les conditions demandent\u202f: {wanted}.",
    "The client's system is not on record (session new --client-os); the terms cover "
    "{wanted} only.":
        "Le système du client n'est pas enregistré (session new --client-os)\u202f; les "
        "conditions ne couvrent que {wanted}.",
    "The client's system is {os}; the terms cover {wanted} only.":
        "Le système du client est {os}\u202f; les conditions ne couvrent que {wanted}.",
    "another system": "un autre système",
    "To do now: disconnect from the client's computer and record it (sessiond record "
    "{session} disconnect-confirmed).":
        "À faire maintenant\u202f: déconnectez-vous de l'ordinateur du client et enregistrez-le "
        "(sessiond record {session} disconnect-confirmed).",
    "To do now: give the client the supporting document of this intervention.":
        "À faire maintenant\u202f: remettez au client le document justificatif de cette "
        "intervention.",
    "No receipt on record for this session: give the client a supporting document.":
        "Aucun document justificatif enregistré pour cette intervention\u202f: remettez-en un au "
        "client.",
    "Declared instants (--at) more than {minutes} min from when they were recorded: "
    "{events}.":
        "Heures déclarées (--at) à plus de {minutes}\u00a0min de leur enregistrement\u202f: "
        "{events}.",
    "The wall clock jumped while the machine ran (compared with its boot clock): {jumps}.":
        "L'horloge murale a sauté pendant le fonctionnement de la machine (comparée à son "
        "horloge de démarrage)\u202f: {jumps}.",
    "{delta} between #{first} and #{second}": "{delta} entre n°\u00a0{first} et n°\u00a0{second}",
    "a screenshot": "une capture d'écran",
    "a file copy": "une copie de fichier",
    "a recording": "un enregistrement",
    "another copy": "une autre copie",
    "No session on {day}.": "Aucune intervention le {day}.",
    "ERROR": "ERREUR",
    "Terms: {document}": "Conditions\u202f: {document}",
    "kept its terms: no finding": "conditions respectées\u202f: aucun constat",
    "cancelled before it started: no intervention to check":
        "annulée avant son début\u202f: aucune intervention à vérifier",
    "not started yet: nothing to check": "pas encore commencée\u202f: rien à vérifier",
    "no finding on the points these terms cover":
        "aucun constat sur les points que couvrent ces conditions",
    "No finding on the points these terms cover.":
        "Aucune anomalie sur les points que couvrent ces conditions.",
    "Not covered by these terms for this session, so not checked: {rules}.":
        "Non couverts par ces conditions pour cette intervention, donc non vérifiés\u202f: "
        "{rules}.",
    "check a session, or a day's sessions, against the policy's rules":
        "contrôler une intervention, ou les interventions d'un jour, selon les règles de la "
        "politique",
    "a session (default: today's sessions)": "une intervention (par défaut\u202f: celles du jour)",
    "Give a session or --day, not both.": "Indiquez une intervention ou --day, pas les deux.",
    # --- TUI -----------------------------------------------------------------------------
    "Help": "Aide",
    "Quit": "Quitter",
    "Questions": "Questions",
    "Reminder": "Rappel",
    "Refused": "Refusé",
    "Scheduled jobs not started": "Tâches planifiées non démarrées",
    "New session": "Nouvelle intervention",
    "Plan a session for a client": "Préparer une intervention pour un client",
    "Today": "Aujourd'hui",
    "The day's sessions": "Les interventions du jour",
    "Clients": "Clients",
    "Clients, their sessions and prepaid hours":
        "Les clients, leurs interventions et leurs heures prépayées",
    "Terms": "Conditions",
    "The policies and their rules": "Les politiques et leurs règles",
    "Keys and how the clock works": "Les touches, et comment le chronomètre compte",
    "Open {client} ({session})": "Ouvrir {client} ({session})",
    "Session {state}": "Intervention {state}",
    "Close": "Fermer",
    "Key": "Touche",
    "Action": "Action",
    "The clock is computed from the recorded events and the current time: it stays right after a "
    "suspend or a restart, and a start, pause or stop typed in another terminal (sessiond pause "
    "…) shows here within a second.\nNotes and reasons are scanned as you type: a password, a "
    "code or a card number is refused before anything is written.\nKeys can be changed in "
    'config.toml, section [keymap], by the ids shown above (e.g. "session.pause" = '
    '"f5").\nCtrl+P opens the command palette.':
        "Le chronomètre est calculé à partir des événements enregistrés et de l'heure\u202f: il "
        "reste "
        "juste après une mise en veille ou un redémarrage, et un démarrage, une pause ou un "
        "arrêt tapé dans un autre terminal (sessiond pause …) s'affiche ici en moins d'une "
        "seconde.\nNotes et motifs sont analysés pendant la frappe\u202f: un mot de passe, un code "
        "ou "
        "un numéro de carte est refusé avant que rien ne soit écrit.\nLes touches se changent "
        "dans config.toml, section [keymap], par les identifiants ci-dessus (par ex. "
        '"session.pause" = "f5").\nCtrl+P ouvre la palette de commandes.',
    "on site": "sur site",
    "phone": "téléphone",
    "video call": "visio",
    "other": "autre",
    "orally": "à l'oral",
    "e-mail": "e-mail",
    "SMS": "SMS",
    "code of the remote tool": "code de l'outil de prise en main",
    "signature": "signature",
    "private person": "particulier",
    "business": "professionnel",
    "handwritten": "manuscrite",
    "electronic": "électronique",
    "paper": "papier",
    "backup accepted": "sauvegarde acceptée",
    "backup declined": "sauvegarde refusée",
    "client has his own backup": "le client a sa propre sauvegarde",
    "solved": "résolu",
    "diagnosed": "diagnostiqué",
    "unsolved": "non résolu",
    "card": "carte",
    "cash": "espèces",
    "cheque": "chèque",
    "transfer": "virement",
    "screenshot": "capture d'écran",
    "file copy": "copie de fichier",
    "recording": "enregistrement",
    "the technician": "le technicien",
    "the client": "le client",
    "travel": "déplacement",
    "no-show": "absence du client",
    "late cancellation": "annulation tardive",
    "waiting": "attente",
    "Open": "Ouvrir",
    "State": "État",
    "Client": "Client",
    "Session": "Intervention",
    "Start": "Début",
    "Worked": "Travaillé",
    "Billed": "Facturé",
    "Amount": "Montant",
    "Today, {day}": "Aujourd'hui, {day}",
    "Day total: {worked} worked · {billed} billed · {amount}":
        "Total du jour\u202f: {worked} travaillé · {billed} facturé · {amount}",
    "No session today. Press n to plan one.":
        "Aucune intervention aujourd'hui. Appuyez sur n pour en préparer une.",
    "✖ {count}": "✖ {count}",
    "⚠ {count}": "⚠ {count}",
    "Create": "Créer",
    "Back": "Retour",
    "Mode": "Mode",
    "Client's computer": "Ordinateur du client",
    "unknown": "inconnu",
    "terms' price": "prix des conditions",
    "Problems the client listed (one per line)": "Problèmes signalés par le client (un par ligne)",
    "Pick the terms": "Choisir les conditions",
    "Create the session": "Créer l'intervention",
    "Cancel": "Annuler",
    "Pick the client, or add him (ctrl+n).": "Choisissez le client, ou ajoutez-le (ctrl+n).",
    "Pick the terms the client accepted.": "Choisissez les conditions acceptées par le client.",
    "Confirm": "Valider",
    "Add": "Ajouter",
    "New client": "Nouveau client",
    "Name": "Nom",
    "e-mail (optional)": "e-mail (facultatif)",
    "phone (optional)": "téléphone (facultatif)",
    "Give the client's name.": "Indiquez le nom du client.",
    "Give a reason: it is recorded and reported.":
        "Indiquez un motif\u202f: il est enregistré et signalé.",
    "Stop the session?": "Arrêter l'intervention\u202f?",
    "The clock stops, the terms are checked and the log is signed.":
        "Le chronomètre s'arrête, les conditions sont vérifiées et le journal est signé.",
    "The client ended it": "Le client y a mis fin",
    "The client's request, as he made it (when, how):":
        "La demande du client, telle qu'il l'a faite (quand, comment)\u202f:",
    "Payment received": "Paiement reçu",
    "Amount in euros:": "Montant en euros\u202f:",
    "A span without trace": "Une période sans trace",
    "Worked (w)": "Travaillé (w)",
    "Paused (p)": "En pause (p)",
    "Later": "Plus tard",
    "Start without consent": "Démarrer sans consentement",
    "The client's consent to the remote access": "Consentement du client à la prise en main",
    "Consumer: request to start within the withdrawal period":
        "Particulier\u202f: demande de commencer pendant le délai de rétractation",
    "Client asked to close his sensitive documents":
        "Client invité à fermer ses documents sensibles",
    "Backup offered, and the client's answer": "Sauvegarde proposée, et réponse du client",
    "Payment before start": "Paiement avant le début",
    "{channel}, given by {by}, at {time}": "{channel}, donné par {by}, à {time}",
    "{how}, by {by}, at {time}": "{how}, par {by}, à {time}",
    "by {medium}, at {time}": "par {medium}, à {time}",
    "no answer": "pas de réponse",
    "Record": "Enregistrer",
    "Record the client's consent first.": "Enregistrez d'abord le consentement du client.",
    "Everything the terms ask for is on record.":
        "Tout ce que demandent les conditions est enregistré.",
    "Say who gave consent (the client, or the person he trusted).":
        "Indiquez qui a donné son consentement (le client, ou la personne de confiance).",
    "Say who signed the quote.": "Indiquez qui a signé le devis.",
    "Say who: --by NAME.": "Indiquez qui\u202f: --by NOM.",
    "Why must access start before the client's consent is on record? The reason is recorded and "
    "reported.":
        "Pourquoi l'accès doit-il commencer avant que le consentement du client soit "
        "enregistré\u202f? Le motif est enregistré et signalé.",
    "who gave it (name)": "qui l'a donné (nom)",
    "signed by (name)": "signé par (nom)",
    "amount": "montant",
    "Pause": "Pause",
    "Resume": "Reprendre",
    "Stop": "Arrêter",
    "Note": "Note",
    "Disconnected": "Déconnecté",
    "RUNNING": "EN COURS",
    "PAUSED for {duration}": "EN PAUSE depuis {duration}",
    "started at {time}": "démarrée à {time}",
    "No bill: {problem}": "Pas de facture\u202f: {problem}",
    "Amount so far": "Montant à ce stade",
    "Next tranche": "Prochaine tranche",
    "(at {time})": "(à {time})",
    "Reason (optional), e.g. the client's call, a restart:":
        "Motif (facultatif), par ex. appel du client, redémarrage\u202f:",
    "Recorded: the client took control back.": "Enregistré\u202f: le client a repris la main.",
    "Recorded: disconnected.": "Enregistré\u202f: déconnecté.",
    "Recorded without a request from the client: the terms allow copies only at his request; "
    "this will be reported.":
        "Enregistré sans demande du client\u202f: les conditions n'autorisent les copies qu'à sa "
        "demande\u202f; ce sera signalé.",
    "Note recorded.": "Note enregistrée.",
    "Terms kept so far.": "Conditions respectées jusqu'ici.",
    "No finding so far on the points these terms cover.":
        "Aucun constat jusqu'ici sur les points que couvrent ces conditions.",
    "(art. {article})": "(art. {article})",
    "ID {partner}": "ID {partner}",
    "planned at {time}": "préparée à {time}",
    "Terms: {policy}": "Conditions\u202f: {policy}",
    "Receipt": "Relevé",
    "Payment": "Paiement",
    "Reduction asked": "Réduction demandée",
    "Bill": "Facture",
    "Line": "Ligne",
    "Art.": "Art.",
    "Rule": "Règle",
    "Finding": "Constat",
    "Billed {billed} for {worked} worked.": "Facturé {billed} pour {worked} travaillé.",
    "The terms could not be checked: {problem}":
        "Les conditions n'ont pas pu être vérifiées\u202f: {problem}",
    "Outcome of each problem the client listed": "Résultat de chaque problème signalé",
    "outcome…": "résultat…",
    "Paid: {payments}": "Payé\u202f: {payments}",
    "Refunded: {refunds}": "Remboursé\u202f: {refunds}",
    "Receipt issued at {time}.": "Relevé émis à {time}.",
    "Issuing the receipt…": "Émission du relevé…",
    "Receipt no. {number}: {total}\n{path}": "Relevé n°\u00a0{number}\u202f: {total}\n{path}",
    "Prepaid hours": "Heures prépayées",
    "Status": "Statut",
    "Sessions": "Interventions",
    "Prepaid credit": "Crédit prépayé",
    "No client yet. Press a to add one.": "Aucun client. Appuyez sur a pour en ajouter un.",
    "His terms have no prepaid hours.": "Ses conditions ne prévoient pas d'heures prépayées.",
    "{policy} (art. {article}): {left} left": "{policy} (art. {article})\u202f: reste {left}",
    "No package bought yet.": "Aucun forfait acheté.",
    "Prepaid hours for {client}": "Heures prépayées pour {client}",
    "Hours bought (e.g. 3 or 1,5):": "Heures achetées (par ex. 3 ou 1,5)\u202f:",
    "Give a positive number of hours, e.g. 3 or 1,5.":
        "Indiquez un nombre d'heures positif, par ex. 3 ou 1,5.",
    "File: {path} ({source})": "Fichier\u202f: {path} ({source})",
    "Tranches (art. {article})": "Tranches (art. {article})",
    "then tranches of {duration}; a started tranche is due":
        "puis tranches de {duration}\u202f; toute tranche commencée est due",
    "grace {duration}": "tolérance {duration}",
    "Rates": "Tarifs",
    "{mode}: {price} per hour (art. {article})":
        "{mode}\u202f: {price} de l'heure (art. {article})",
    "Fees": "Frais",
    "{hours} h at the session's rate": "{hours}\u00a0h au tarif de l'intervention",
    "Result guarantee": "Garantie de résultat",
    "{each} % off per unsolved problem, at most {cap} % (art. {article})":
        "{each}\u00a0% de remise par problème non résolu, au plus {cap}\u00a0% (art. {article})",
    "Prepaid hours (art. {article})": "Heures prépayées (art. {article})",
    "valid {months} months from purchase": "valables {months}\u00a0mois après l'achat",
    "Rules checked": "Règles vérifiées",
    "session planned": "intervention préparée",
    "consent: {channel}, {by}": "consentement\u202f: {channel}, {by}",
    "started WITHOUT consent: {reason}": "démarrée SANS consentement\u202f: {reason}",
    "started": "démarrée",
    "paused: {reason}": "en pause\u202f: {reason}",
    "resumed": "reprise",
    "stopped by {who}": "arrêtée par {who}",
    "note: {text}": "note\u202f: {text}",
    "{artifact} at the client's request: {request}":
        "{artifact} à la demande du client\u202f: {request}",
    "{artifact} WITHOUT a request from the client": "{artifact} SANS demande du client",
    "the client took control back": "le client a repris la main",
    "disconnected: no more access to the client's computer":
        "déconnecté\u202f: plus d'accès à l'ordinateur du client",
    "quote accepted ({how})": "devis accepté ({how})",
    "withdrawal waiver ({medium})": "renonciation au délai de rétractation ({medium})",
    "client asked to close his sensitive documents":
        "client invité à fermer ses documents sensibles",
    "backup: {answer}": "sauvegarde\u202f: {answer}",
    "payment: {amount} ({method})": "paiement\u202f: {amount} ({method})",
    "refund: {amount} ({method})": "remboursement\u202f: {amount} ({method})",
    "problem {number}: {result}": "problème {number}\u202f: {result}",
    "fee: {fee}": "frais\u202f: {fee}",
    "receipt issued": "relevé émis",
    "unseen span {start}–{end}: {decision}": "période sans trace {start}–{end}\u202f: {decision}",
    "worked": "travaillé",
    "Paused": "En pause",
    "Start now": "Démarrer",
    "{name}: {value}": "{name}\u202f: {value}",
    "shipped with sessiond": "fournie avec sessiond",
    "your own": "la vôtre",
    # --- invoices ----------------------------------------------------------------------

    # --- invoices: validation -------------------------------------------------------------
    "Invoice {number}: {problem}": "Facture {number}\u202f: {problem}",
    "Credit note {number}: {problem}": "Avoir {number}\u202f: {problem}",
    "{field} is missing.": "{field} manque.",
    "{field} {value!r} is not an invoice number: letters, digits and - / _ . only, at most "
    "30 characters (e.g. F-2026-0007).":
        "{field} {value!r} n'est pas un numéro de facture\u202f: lettres, chiffres et - / _ . "
        "seulement, 30\u00a0caractères au plus (par ex. F-2026-0007).",
    "{field} must be \"invoice\" or \"credit-note\", not {value!r}.":
        "{field} doit valoir « invoice » ou « credit-note », et non {value!r}.",
    "{field} must be a two-letter country code such as FR, not {value!r}.":
        "{field} doit être un code pays à deux lettres comme FR, et non {value!r}.",
    "{field} {value!r} is not a SIREN (9 digits) or a SIRET (14 digits).":
        "{field} {value!r} n'est ni un SIREN (9\u00a0chiffres) ni un SIRET (14\u00a0chiffres).",
    "{field} {value!r} fails the SIREN check digit: check it on "
    "annuaire-entreprises.data.gouv.fr.":
        "{field} {value!r} a une clé de contrôle SIREN fausse\u202f: vérifiez-le sur "
        "annuaire-entreprises.data.gouv.fr.",
    "{field} {value!r} is not an e-mail address.":
        "{field} {value!r} n'est pas une adresse e-mail.",
    "the seller's name {value!r} must carry the mention \"EI\" (entrepreneur individuel, "
    "Code de commerce L526-22), e.g. {example!r}.":
        "le nom du vendeur {value!r} doit porter la mention « EI » (entrepreneur individuel, "
        "Code de commerce L526-22), par ex. {example!r}.",
    "a French business client needs its SIREN ({field}).":
        "un client professionnel établi en France doit avoir son SIREN ({field}).",
    "line {line}: the unit must be HUR (hours) or C62 (units), not {value!r}.":
        "ligne {line}\u202f: l'unité doit être HUR (heures) ou C62 (unités), et non {value!r}.",
    "line {line}: the unit price cannot be negative; enter a discount as a negative "
    "quantity.":
        "ligne {line}\u202f: le prix unitaire ne peut pas être négatif\u202f; saisissez une remise "
        "avec une quantité négative.",
    "line {line}: the amount {amount} is not the quantity times the unit price "
    "({expected}); bill a tranche that is not a whole number of cents per hour in units "
    "(C62) at the tranche's price.":
        "ligne {line}\u202f: le montant {amount} n'est pas la quantité multipliée par le prix "
        "unitaire ({expected})\u202f; facturez une tranche qui ne tombe pas juste à l'heure en "
        "unités (C62) au prix de la tranche.",
    "the total {total} is not the sum of the lines ({expected}).":
        "le total {total} n'est pas la somme des lignes ({expected}).",
    "the total cannot be negative; a credit note cancels an invoice with positive amounts.":
        "le total ne peut pas être négatif\u202f; un avoir annule une facture avec des montants "
        "positifs.",
    "{field} {amount} is not an amount in euros and cents.":
        "{field} {amount} n'est pas un montant en euros et centimes.",
    "the refunds ({refunded}) exceed the payments received.":
        "les remboursements ({refunded}) dépassent les paiements reçus.",
    "{field} {amount} has more than two decimals.":
        "{field} {amount} a plus de deux décimales.",
    "the payments received ({paid}) exceed the total ({total}); if one was mistyped, "
    "withdraw it (sessiond withdraw SESSION N --reason TEXT) and record the right amount.":
        "les paiements reçus ({paid}) dépassent le total ({total})\u202f; si l'un d'eux a été "
        "mal saisi, retirez-le (sessiond withdraw INTERVENTION N --reason TEXTE) et "
        "enregistrez le bon montant.",
    "the due date {due} is before the issue date {issued}.":
        "l'échéance {due} précède la date d'émission {issued}.",
    "only EUR is supported, not {value!r}.": "seul l'euro (EUR) est pris en charge, et non "
                                             "{value!r}.",
    # --- invoices: document ---------------------------------------------------------------
    "Invoice": "Facture",
    "Credit note": "Avoir",
    "Invoice no. {number}": "Facture n°\u00a0{number}",
    "Credit note no. {number}": "Avoir n°\u00a0{number}",
    "Date: {date}": "Date\u202f: {date}",
    "Cancels invoice no. {number}": "Annule la facture n°\u00a0{number}",
    "Cancels invoice no. {number} of {date}": "Annule la facture n°\u00a0{number} du {date}",
    "Reason: {reason}": "Motif\u202f: {reason}",
    "Seller": "Prestataire",
    "SIRET: {number}": "SIRET\u202f: {number}",
    "SIREN: {number}": "SIREN\u202f: {number}",
    "E-mail: {address}": "E-mail\u202f: {address}",
    "Date of the service: {date}": "Date de la prestation\u202f: {date}",
    "Dates of the service: from {first} to {last}":
        "Dates de la prestation\u202f: du {first} au {last}",
    "Description": "Désignation",
    "Date": "Date",
    "Quantity": "Quantité",
    "Unit price excl. VAT": "Prix unitaire HT",
    "Amount excl. VAT": "Montant HT",
    "{hours} h": "{hours}\u00a0h",
    "Total excl. VAT": "Total HT",
    "Paid on {date} ({method})": "Réglé le {date} ({method})",
    "Refunded on {date} ({method})": "Remboursé le {date} ({method})",
    "Net amount due": "Net à payer",
    "Amount credited": "Montant de l'avoir",
    "Due date: {date}": "Date d'échéance\u202f: {date}",
    "Payment terms: {terms}": "Conditions de paiement\u202f: {terms}",
    "Late-payment penalties: {rate} (Code de commerce, art. L441-10).":
        "Pénalités de retard\u202f: {rate} (Code de commerce, art. L441-10).",
    "In case of late payment, fixed indemnity for recovery costs: {amount} (Code de "
    "commerce, art. L441-10 and D441-5).":
        "En cas de retard de paiement, indemnité forfaitaire pour frais de recouvrement\u202f: "
        "{amount} (Code de commerce, art. L441-10 et D441-5).",
    "Early payment: {terms}": "Escompte\u202f: {terms}",
    "No discount for early payment.": "Pas d'escompte pour paiement anticipé.",
    "A PDF/A invoice needs an embedded TrueType font: install fonts-dejavu-core, or set "
    "SESSIOND_PDF_FONTS to a directory of .ttf files.":
        "Une facture PDF/A exige une police TrueType incorporée\u202f: installez "
        "fonts-dejavu-core, ou indiquez dans SESSIOND_PDF_FONTS un dossier de fichiers .ttf.",
    "Factur-X needs the factur-x package: pip install 'sessiond[facturx]'.":
        "Factur-X exige le paquet factur-x\u202f: pip install 'sessiond[facturx]'.",
    # --- configuration values ----------------------------------------------------------
    "a policy id (lower-case letters, digits and dashes)":
        "un identifiant de conditions (minuscules, chiffres et tirets)",
    "0 to 60 minutes": "de 0 à 60\u00a0minutes",
    "1 to 240 minutes": "de 1 à 240\u00a0minutes",
    "a time of day HH:MM, e.g. 19:30": "une heure HH:MM, par ex. 19:30",
    "{path}: keymap: unknown binding id {ids}; the ids are listed by F1 in the terminal "
    "interface.":
        "{path}\u202f: keymap\u202f: identifiant de raccourci inconnu {ids}\u202f; F1 dans "
        "l'interface "
        "les liste.",
    # --- remote-tool logs ------------------------------------------------------------------
    "This is not a TeamViewer, AnyDesk or RustDesk log that sessiond can read; it "
    "reads: {known}.":
        "Ce n'est pas un journal TeamViewer, AnyDesk ou RustDesk que sessiond sait lire\u202f; "
        "il lit\u202f: {known}.",
    "{name} is a {found} file, not {fmt} like the files before it: import it on its own.":
        "{name} est un fichier {found}, pas {fmt} comme les fichiers précédents\u202f: "
        "importez-le à part.",
    "{name} is {tool}'s list of connection attempts, without their end and to the minute "
    "only: sessiond reads {tool}'s traces instead ({instead}).":
        "{name} est la liste des tentatives de connexion d'{tool}, sans leur fin et à la "
        "minute près\u202f: sessiond lit plutôt les traces d'{tool} ({instead}).",
    "This is {tool}'s list of connection attempts, without their end and to the minute "
    "only: sessiond reads {tool}'s traces instead ({instead}).":
        "C'est la liste des tentatives de connexion d'{tool}, sans leur fin et à la minute "
        "près\u202f: sessiond lit plutôt les traces d'{tool} ({instead}).",
    "{name} is not a TeamViewer, AnyDesk or RustDesk log that sessiond can read; it reads: "
    "{known}.":
        "{name} n'est pas un journal TeamViewer, AnyDesk ou RustDesk que sessiond sait "
        "lire\u202f; il lit\u202f: {known}.",
    "This log was written by {found}, not by {tool}.":
        "Ce journal a été écrit par {found}, pas par {tool}.",
    "Unknown log format {fmt!r}; the known formats are {known}.":
        "Format de journal inconnu {fmt!r}\u202f; formats connus\u202f: {known}.",
    "Unknown remote-control tool {tool!r}; the known tools are {known}.":
        "Outil de prise en main inconnu {tool!r}\u202f; outils connus\u202f: {known}.",
    # --- corrections -----------------------------------------------------------------------
    "[corrected by {events}]": "[corrigé par {events}]",
    "confirm a time more than 7 days ago": "confirmer une heure de plus de 7\u00a0jours",
    "Client {client} merged into {into}: his sessions and credit count as {into}'s (event "
    "#{event}).":
        "Client {client} fusionné avec {into}\u202f: ses interventions et son crédit comptent "
        "pour {into} (événement n°\u00a0{event}).",
    "Event #{seq} corrected (event #{event}).":
        "Événement n°\u00a0{seq} corrigé (événement n°\u00a0{event}).",
    "Give the right time: --at TIME.": "Indiquez l'heure exacte\u202f: --at HEURE.",
    "Session {session} cancelled (event #{event}).":
        "Intervention {session} annulée (événement n°\u00a0{event}).",
    "Session {session} now belongs to client {client} (event #{event}).":
        "L'intervention {session} appartient désormais au client {client} (événement "
        "n°\u00a0{event}).",
    "Session {session} reopened, paused since its stop: sessiond resume {session} continues "
    "it (event #{event}).":
        "Intervention {session} rouverte, en pause depuis son arrêt\u202f: sessiond resume "
        "{session} la "
        "reprend (événement n°\u00a0{event}).",
    "The text of event #{seq} can no longer be read (event #{event}).":
        "Le texte de l'événement n°\u00a0{seq} est désormais illisible (événement "
        "n°\u00a0{event}).",
    "cancel a session planned by mistake (never started), or a duplicate of another":
        "annuler une intervention prévue par erreur (jamais commencée), ou le doublon d'une "
        "autre",
    "the session that holds the work this one timed twice (a started session is cancelled "
    "only so)":
        "l'intervention qui porte le travail que celle-ci a chronométré en double (une "
        "intervention commencée ne s'annule qu'ainsi)",
    "correct the time of a start, pause, resume or stop, or of the consent":
        "corriger l'heure d'un début, d'une pause, d'une reprise ou d'un arrêt, ou celle du "
        "consentement",
    "make the text of a note, reason or problem unreadable for good":
        "rendre illisible pour toujours le texte d'une note, d'un motif ou d'un problème",
    "the event to correct, as `sessiond log` numbers it":
        "l'événement à corriger, numéroté comme dans `sessiond log`",
    "the event whose text goes, as `sessiond log` numbers it":
        "l'événement dont le texte disparaît, numéroté comme dans `sessiond log`",
    "the right time: HH:MM, ISO date-time, or with offset":
        "l'heure exacte\u202f: HH:MM, date-heure ISO, ou avec décalage",
    "the session": "l'intervention",
    "undo a stop pressed by mistake (the session is paused from the stop)":
        "annuler un arrêt par erreur (l'intervention est en pause depuis l'arrêt)",
    "why the correction is made (kept in the log)":
        "pourquoi la correction est faite (gardé dans le journal)",
    "Note #{seq} replaced (event #{event}).":
        "Note n°\u00a0{seq} remplacée (événement n°\u00a0{event}).",
    "a client added twice: count the duplicate as the other":
        "un client ajouté deux fois\u202f: compter le doublon comme l'autre",
    "the client added by mistake": "le client ajouté par erreur",
    "the client he really is": "le client qu'il est vraiment",
    "the client it belongs to": "le client à qui elle appartient",
    "the note it corrects, as `sessiond log` numbers it":
        "la note qu'elle corrige, numérotée comme dans `sessiond log`",
    "the session belongs to another client": "l'intervention appartient à un autre client",
    "The time {text} is before 2000: check the year.":
        "L'heure {text} est antérieure à 2000\u202f: vérifiez l'année.",
    "The time {text} is more than 7 days ago ({meant}); if that is really when it happened, "
    "add --yes.":
        "L'heure {text} date de plus de 7\u00a0jours ({meant})\u202f; si c'est bien le moment, "
        "ajoutez "
        "--yes.",
    "{text} would mean {meant}, more than 12 hours ago. For that instant give the date "
    "too: --at {iso}.":
        "{text} voudrait dire {meant}, il y a plus de 12\u00a0heures. Pour ce moment-là, "
        "donnez aussi la date\u202f: --at {iso}.",
    "{text} would mean {meant}, more than 12 hours ago (today's {text} is still to come). "
    "For that instant give the date too: --at {iso}.":
        "{text} voudrait dire {meant}, il y a plus de 12\u00a0heures ({text} aujourd'hui n'est pas "
        "encore passé). Pour ce moment-là, donnez aussi la date\u202f: --at {iso}.",
    "it is already stopped (sessiond reopen {session} --reason TEXT if the stop was a "
    "mistake)":
        "elle est déjà arrêtée (sessiond reopen {session} --reason TEXTE si l'arrêt était une "
        "erreur)",
    "it was cancelled": "elle a été annulée",
    "A correction needs a reason: --reason TEXT.":
        "Une correction a besoin d'un motif\u202f: --reason TEXTE.",
    "Client {client} cannot be merged into itself.":
        "Le client {client} ne peut pas être fusionné avec lui-même.",
    "Client {into} was already merged into {client}: they are one client already.":
        "Le client {into} a déjà été fusionné avec {client}\u202f: c'est déjà un seul et même "
        "client.",
    "Client {client} was already merged into {into}.":
        "Le client {client} a déjà été fusionné avec {into}.",
    "Client {client} was merged into {into}: move the session to {into}.":
        "Le client {client} a été fusionné avec {into}\u202f: déplacez l'intervention vers {into}.",
    "Event #{seq} ({kind}, {at}) would come after #{other} ({other_kind}, {other_at}), "
    "which happened after it: give an earlier time.":
        "L'événement n°\u00a0{seq} ({kind}, le {at}) viendrait après le n°\u00a0{other} "
        "({other_kind}, le {other_at}), qui a eu lieu après lui\u202f: donnez une heure "
        "antérieure.",
    "Event #{seq} ({kind}, {at}) would come before #{other} ({other_kind}, {other_at}), "
    "which happened first: give a later time.":
        "L'événement n°\u00a0{seq} ({kind}, le {at}) viendrait avant le n°\u00a0{other} "
        "({other_kind}, le {other_at}), qui a eu lieu d'abord\u202f: donnez une heure "
        "postérieure.",
    "Event #{seq} holds no text that can be redacted on its own (none, already redacted, or "
    "written before texts had keys of their own: erasing the client removes it).":
        "L'événement n°\u00a0{seq} ne contient aucun texte effaçable seul (aucun, déjà effacé, ou "
        "écrit avant que les textes aient leur propre clé\u202f: effacer le client le supprime).",
    "Session {session} is on invoice {number} (#{seq}), addressed to client {own}: cancel "
    "it with a credit note first (sessiond invoice cancel {number} --reason TEXT), then "
    "move the session and invoice it again.":
        "L'intervention {session} figure sur la facture {number} (n°\u00a0{seq}), adressée au "
        "client {own}\u202f: annulez-la d'abord par un avoir (sessiond invoice cancel "
        "{number} --reason TEXTE), puis rattachez l'intervention et facturez-la de nouveau.",
    "Note #{seq} was replaced already (#{by}): replace its latest version, sessiond note "
    "{session} --replaces {latest} \"TEXT\".":
        "La note n°\u00a0{seq} a déjà été remplacée (n°\u00a0{by})\u202f: remplacez sa dernière "
        "version, sessiond note {session} --replaces {latest} \"TEXTE\".",
    "After this correction the session breaks its terms: {finding}":
        "Après cette correction, l'intervention enfreint ses conditions\u202f: {finding}",
    "Event #{seq} corrects #{original} ({kind}): to correct that time again, give "
    "#{original} its right time: sessiond amend {session} {original} --at TIME --reason "
    "TEXT (the last correction counts).":
        "L'événement n°\u00a0{seq} corrige le n°\u00a0{original} ({kind})\u202f: pour corriger "
        "encore cette heure, donnez au n°\u00a0{original} sa bonne heure\u202f: sessiond amend "
        "{session} {original} --at HEURE --reason TEXTE (la dernière correction compte).",
    "Event #{seq} is {kind}; this correction applies only to: {kinds}.":
        "L'événement n°\u00a0{seq} est {kind}\u202f; cette correction ne vaut que pour\u202f: "
        "{kinds}.",
    "Event #{seq} is not an event of session {session} (sessiond log {session} lists them).":
        "L'événement n°\u00a0{seq} n'appartient pas à l'intervention {session} (sessiond log "
        "{session} "
        "les liste).",
    "Session {session} already belongs to client {client}.":
        "L'intervention {session} appartient déjà au client {client}.",
    "Session {session} has started (#{seq}): only a session that never started can be "
    "cancelled, or a duplicate of another (sessiond cancel {session} --duplicate-of SESSION "
    "--reason TEXT); else correct its times with sessiond amend.":
        "L'intervention {session} a commencé (n°\u00a0{seq})\u202f: seule une intervention jamais "
        "commencée peut être annulée, ou le doublon d'une autre (sessiond cancel {session} "
        "--duplicate-of INTERVENTION --reason TEXTE)\u202f; sinon corrigez ses heures avec "
        "sessiond amend.",
    "Session {session} has receipt {receipt}: the client holds it, so the session stays as "
    "billed.":
        "L'intervention {session} a le relevé {receipt}\u202f: le client l'a en main, "
        "l'intervention reste telle que facturée.",
    "Session {session} is on invoice {number} (#{seq}): the client holds it. If the session "
    "should not be billed, cancel the invoice with a credit note first: sessiond invoice "
    "cancel {number} --reason TEXT.":
        "L'intervention {session} figure sur la facture {number} (n°\u00a0{seq})\u202f: le "
        "client l'a en main. Si l'intervention ne doit pas être facturée, annulez d'abord "
        "la facture par un avoir\u202f: sessiond invoice cancel {number} --reason TEXTE.",
    "Session {session} cannot be its own duplicate: name the session that holds the work.":
        "L'intervention {session} ne peut pas être son propre doublon\u202f: indiquez celle "
        "qui porte le travail.",
    "Session {other} is client {client}'s, not {own}'s: a duplicate is the same client's "
    "work timed twice.":
        "L'intervention {other} est celle du client {client}, pas de {own}\u202f: un doublon "
        "est le travail d'un même client chronométré deux fois.",
    "Session {other} was cancelled: it holds no work.":
        "L'intervention {other} a été annulée\u202f: elle ne porte aucun travail.",
    "Session {other} never started: the work timed on {session} would be billed on "
    "neither. Cancel {other} instead.":
        "L'intervention {other} n'a jamais commencé\u202f: le travail chronométré sur "
        "{session} ne serait facturé sur aucune des deux. Annulez plutôt {other}.",
    "Cancel the session: a duplicate of {other}, started at {time} (the same work timed "
    "twice; it leaves Today and the exports)":
        "Annuler l'intervention\u202f: doublon de {other}, commencée à {time} (le même travail "
        "chronométré deux fois\u202f; elle quitte Aujourd'hui et les exports)",
    "Why (kept in the log), e.g. started twice? {other} keeps the work; nothing is due for "
    "this one.":
        "Pourquoi (gardé dans le journal), par exemple lancée deux fois\u202f? {other} garde le "
        "travail\u202f; rien n'est dû pour celle-ci.",
    "Belgium": "Belgique",
    "Switzerland": "Suisse",
    "Andorra": "Andorre",
    "Germany": "Allemagne",
    "Spain": "Espagne",
    "Italy": "Italie",
    "Netherlands": "Pays-Bas",
    "United Kingdom": "Royaume-Uni",
    "Ireland": "Irlande",
    "Austria": "Autriche",
    "Poland": "Pologne",
    "Sweden": "Suède",
    "Denmark": "Danemark",
    "Finland": "Finlande",
    "Norway": "Norvège",
    "Greece": "Grèce",
    "Czechia": "Tchéquie",
    "Romania": "Roumanie",
    "Hungary": "Hongrie",
    "Bulgaria": "Bulgarie",
    "Croatia": "Croatie",
    "Slovakia": "Slovaquie",
    "Slovenia": "Slovénie",
    "Estonia": "Estonie",
    "Latvia": "Lettonie",
    "Lithuania": "Lituanie",
    "Cyprus": "Chypre",
    "Malta": "Malte",
    "United States": "États-Unis",
    "Morocco": "Maroc",
    "Algeria": "Algérie",
    "Tunisia": "Tunisie",
    "Senegal": "Sénégal",
    "Cameroon": "Cameroun",
    "Mauritius": "Maurice",
    "French Guiana": "Guyane",
    "Réunion": "La Réunion",
    "Saint Pierre and Miquelon": "Saint-Pierre-et-Miquelon",
    "Saint Barthélemy": "Saint-Barthélemy",
    "Saint Martin": "Saint-Martin",
    "Wallis and Futuna": "Wallis-et-Futuna",
    "French Polynesia": "Polynésie française",
    "New Caledonia": "Nouvelle-Calédonie",
    "Session {session} is already cancelled.": "L'intervention {session} est déjà annulée.",
    "Session {session} is not stopped: there is nothing to reopen.":
        "L'intervention {session} n'est pas arrêtée\u202f: rien à rouvrir.",
    "no. {number} (event #{seq})": "n°\u00a0{number} (événement n°\u00a0{seq})",
    "#{seq}": "n°\u00a0{seq}",
    "The receipt {receipt} was issued before the correction {events}: it no longer states "
    "this intervention; issue a new one (sessiond receipt {session}).":
        "Le relevé {receipt} a été émis avant la correction {events}\u202f: il ne décrit "
        "plus "
        "cette intervention\u202f; émettez-en un nouveau (sessiond receipt {session}).",
    "The receipt {receipt} states {stated}, but the session is billed {now} now (the "
    "client's history was corrected since: a duplicate merged, a package withdrawn, "
    "another of his sessions corrected); issue a new one (sessiond receipt {session}).":
        "Le relevé {receipt} indique {stated}, mais l'intervention est désormais "
        "facturée {now} (l'historique du client a été corrigé depuis\u202f: un doublon "
        "fusionné, un forfait retiré, une autre de ses interventions corrigée)\u202f; "
        "émettez-en un nouveau (sessiond receipt {session}).",
    "a client with the same name or e-mail exists already: {clients}. If it is the same "
    "person: sessiond client merge {client} --into {first} --reason TEXT.":
        "un client du même nom ou de la même adresse existe déjà\u202f: {clients}. Si c'est la "
        "même "
        "personne\u202f: sessiond client merge {client} --into {first} --reason TEXTE.",
    "{business}, art. {article}": "{business}, art. {article}",
    # --- evidence from the remote tool (issue 14) -----------------------------------------
    "Cannot read the log {name}: {error}.": "Impossible de lire le journal {name}\u202f: {error}.",
    "The saved reading position of a remote-tool log is damaged; read that log again from "
    "the start.":
        "La position de lecture enregistrée d'un journal d'outil distant est abîmée\u202f; relisez "
        "ce journal depuis le début.",
    "established": "établie",
    "refused": "refusée",
    "failed": "échouée",
    "outcome not logged": "issue non journalisée",
    "incoming": "entrante",
    "outgoing": "sortante",
    "connections logged by the remote-control tool itself":
        "les connexions journalisées par l'outil de prise en main lui-même",
    "Reads TeamViewer's connection files and log, AnyDesk's traces and RustDesk's logs; "
    "each connection is recorded in the session it matches (by the session's partner ID, "
    "else by time with a session of that tool). Its partner ID is sealed like the "
    "session's.":
        "Lit les fichiers de connexions et le journal de TeamViewer, les traces d'AnyDesk et "
        "les journaux de RustDesk\u202f; chaque connexion est enregistrée dans l'intervention qui "
        "lui "
        "correspond (par l'ID partenaire de l'intervention, sinon par l'heure avec une "
        "intervention "
        "de cet outil). Son ID partenaire est scellé comme celui de l'intervention.",
    "read a remote tool's log and record its connections":
        "lire le journal d'un outil distant et enregistrer ses connexions",
    "the tool that wrote it (default: recognised from its content)":
        "l'outil qui l'a écrit (par défaut\u202f: reconnu d'après son contenu)",
    "the connections recorded for a session or a day":
        "les connexions enregistrées d'une intervention ou d'un jour",
    "one session's connections": "les connexions d'une intervention",
    "{start} → still open": "{start} → encore ouverte",
    "Most lines of this TeamViewer log are dated in a layout sessiond cannot read (another "
    "date or time format, or no year before the first Start: line): it cannot be imported "
    "as it is (was it rewritten by another program?).":
        "La plupart des lignes de ce journal TeamViewer sont datées dans une forme que "
        "sessiond ne sait pas lire (un autre format de date ou d'heure, ou pas d'année avant "
        "la première ligne Start:)\u202f: il ne peut pas être importé tel quel (a-t-il été "
        "réécrit par un autre programme\u202f?).",
    "Line {line} of this TeamViewer connection list is not a row sessiond can read (the "
    "partner ID, then the start and the end as DD-MM-YYYY HH:MM:SS in UTC, separated by TABs "
    "or aligned columns): the connection it shows would be missing, so the file cannot be "
    "imported as it is (was it edited or rewritten by another program?).":
        "La ligne {line} de cette liste de connexions TeamViewer n'est pas une ligne que "
        "sessiond sait lire (l'ID partenaire, puis le début et la fin en JJ-MM-AAAA HH:MM:SS "
        "UTC, séparés par des tabulations ou alignés en colonnes) : la connexion qu'elle "
        "montre manquerait, le fichier ne peut donc pas être importé tel quel (a-t-il été "
        "modifié ou réécrit par un autre programme ?).",
    "{start} → end unknown (the log stops at {seen} without it)":
        "{start} → fin inconnue (le journal s'arrête à {seen} sans elle)",
    "no session matches: not recorded": "aucune intervention ne correspond\u202f: non enregistrée",
    "{session} (new)": "{session} (nouvelle)",
    "{session} (already recorded)": "{session} (déjà enregistrée)",
    "A connection is recorded once it matches a session: plan it with the partner ID "
    "(sessiond session new CLIENT --tool TOOL --partner-id ID), or start the session of "
    "that tool, then import again.":
        "Une connexion est enregistrée dès qu'elle correspond à une intervention\u202f: "
        "planifiez-la "
        "avec l'ID partenaire (sessiond session new CLIENT --tool OUTIL --partner-id ID), ou "
        "démarrez l'intervention de cet outil, puis importez à nouveau.",
    "No connection recorded for session {session}.":
        "Aucune connexion enregistrée pour l'intervention {session}.",
    "No connection recorded on {day}.": "Aucune connexion enregistrée le {day}.",
    "a list of paths": "une liste de chemins",
    "a list of at most {n} paths": "une liste de {n}\u00a0chemins au plus",
    "{tool} connected at {at} ({direction}) and no session runs: start {session} at {at}? "
    "(sessiond daemon questions)":
        "{tool} connecté à {at} ({direction}) et aucune intervention en cours\u202f: démarrer "
        "{session} à {at}\u202f? (sessiond daemon questions)",
    "{tool} connected at {at} ({direction}) and no session runs: plan the session "
    "(sessiond session new CLIENT --tool {name}), then answer start SESSION.":
        "{tool} connecté à {at} ({direction}) et aucune intervention en cours\u202f: planifiez "
        "l'intervention (sessiond session new CLIENT --tool {name}), puis répondez start "
        "SESSION.",
    "{tool} disconnected at {at} while session {session} runs: stop it (or pause it) at "
    "{at}? (sessiond daemon questions)":
        "{tool} déconnecté à {at} pendant l'intervention {session}\u202f: l'arrêter (ou la mettre "
        "en "
        "pause) à {at}\u202f? (sessiond daemon questions)",
    "Question #{id} is answered with {choices}.":
        "La question n°\u00a0{id} se répond par {choices}.",
    " or ": " ou ",
    "Question #{id} was answered already: {answer}.":
        "La question n°\u00a0{id} a déjà sa réponse\u202f: {answer}.",
    "Say which session: sessiond daemon answer {id} {verb} SESSION.":
        "Dites quelle intervention\u202f: sessiond daemon answer {id} {verb} SESSION.",
    "answer a question: was that span work, or a pause? start, stop or pause at the instant "
    "the remote tool logged?":
        "répondre à une question\u202f: ce temps était-il du travail ou une pause\u202f? démarrer, "
        "arrêter ou mettre en pause à l'instant journalisé par l'outil distant\u202f?",
    "for start, stop or pause: the session (default: the one the question names)":
        "pour start, stop ou pause\u202f: l'intervention (par défaut\u202f: celle que nomme la "
        "question)",
    "for start, stop or pause: another instant than the logged one":
        "pour start, stop ou pause\u202f: un autre instant que celui journalisé",
    "Question #{id}: session {session} started at {at} (event #{seq}).":
        "Question n°\u00a0{id}\u202f: intervention {session} démarrée à {at} (événement "
        "n°\u00a0{seq}).",
    "Question #{id}: session {session} stopped at {at} (event #{seq}).":
        "Question n°\u00a0{id}\u202f: intervention {session} arrêtée à {at} (événement "
        "n°\u00a0{seq}).",
    "Question #{id}: session {session} paused at {at} (event #{seq}).":
        "Question n°\u00a0{id}\u202f: intervention {session} mise en pause à {at} (événement "
        "n°\u00a0{seq}).",
    "Question #{id}: ignored.": "Question n°\u00a0{id}\u202f: ignorée.",
    "Answer with: sessiond daemon answer ID start|stop|pause [SESSION] [--at TIME], or "
    "ignore":
        "Répondez avec\u202f: sessiond daemon answer ID start|stop|pause [SESSION] [--at HEURE], "
        "ou ignore",
    "What the remote tool logged": "Ce qu'a journalisé l'outil distant",
    "Start {session}": "Démarrer {session}",
    "Stop {session}": "Arrêter {session}",
    "Pause {session}": "Mettre {session} en pause",
    "Ignore": "Ignorer",
    "{tool} {start} (#{seq})": "{tool} {start} (n°\u00a0{seq})",
    "Connection {connections} with no consent of the client on record.":
        "Connexion {connections} sans consentement du client enregistré.",
    "Connection {connections} with no consent of the client on record by a channel the "
    "terms accept (given: {given}; the terms ask for: {wanted}).":
        "Connexion {connections} sans consentement du client enregistré par un moyen que "
        "les conditions acceptent (donné\u202f: {given}\u202f; les conditions "
        "demandent\u202f: {wanted}).",
    "Connection {connections} began before the client's consent was on record ({consent}, "
    "#{seq}).":
        "Connexion {connections} commencée avant que le consentement du client soit "
        "enregistré ({consent}, n°\u00a0{seq}).",
    "The {tool} connection #{seq} was opened at {start}, {late} after the stop ({stop}).":
        "La connexion {tool} n°\u00a0{seq} a été ouverte à {start}, {late} après l'arrêt "
        "({stop}).",
    "A {mode} intervention: the modes these terms offer are {offered}; the quoted rate "
    "prices it, but these terms do not cover it.":
        "Intervention «\u00a0{mode}\u00a0»\u202f: les modes que ces conditions prévoient "
        "sont\u202f: {offered}. Le tarif convenu la chiffre, mais ces conditions ne la "
        "couvrent pas.",
    "The terms {policy} offer no {mode} intervention (the modes they offer: "
    "{offered}{article})":
        "Les conditions {policy} ne prévoient pas d'intervention «\u00a0{mode}\u00a0» (modes "
        "prévus\u202f: {offered}{article})",
    "{refusal}: plan it under other terms (--policy), or give the rate quoted to the client "
    "(--rate EUR_PER_HOUR, or --price EUR for the session); the check will report it as "
    "outside these terms.":
        "{refusal}\u202f: planifiez-la sous d'autres conditions (--policy), ou indiquez le "
        "tarif convenu avec le client (--rate EUR_PAR_HEURE, ou --price EUR pour "
        "l'intervention)\u202f; le contrôle la signalera comme hors de ces conditions.",
    "{refusal}: pick other terms in \"{terms}\", or type the rate quoted to the client in "
    "\"{rate}\"; the check will report it as outside these terms.":
        "{refusal}\u202f: choisissez d'autres conditions dans «\u00a0{terms}\u00a0», ou "
        "saisissez le tarif convenu avec le client dans «\u00a0{rate}\u00a0»\u202f; le "
        "contrôle la signalera comme hors de ces conditions.",
    "Support ticket opened":
        "Ticket de support ouvert",
    "e.g. yesterday 18:30":
        "ex. hier 18h30",
    "{field}: {problem}":
        "{field}\u202f: {problem}",
    "a duplicate: nothing of its own to report":
        "doublon\u202f: rien de propre à signaler",
    "Cancelled as a duplicate of {holder}: the work and its check are {holder}'s "
    "(sessiond check {holder}); only what was recorded in this session alone is reported "
    "here.":
        "Annulée comme doublon de {holder}\u202f: le travail et son contrôle sont ceux de "
        "{holder} (sessiond check {holder})\u202f; seul ce qui a été enregistré dans cette "
        "intervention-ci est signalé ici.",
    "The {tool} connection #{seq} was opened at {start}, {opened} after the stop ({stop}), "
    "and stayed open until {end}, {late} after the stop.":
        "La connexion {tool} n°\u00a0{seq} a été ouverte à {start}, {opened} après l'arrêt "
        "({stop}), puis est restée ouverte jusqu'à {end}, {late} après l'arrêt.",
    "The {tool} connection #{seq} was opened at {start}, {opened} after the stop ({stop}), "
    "and had no end yet in the tool's log read at {seen}, {late} after the stop.":
        "La connexion {tool} n°\u00a0{seq} a été ouverte à {start}, {opened} après l'arrêt "
        "({stop}), et n'avait pas encore de fin dans le journal de l'outil lu à {seen}, "
        "{late} après l'arrêt.",
    "The {tool} connection #{seq} stayed open until {end}, {late} after the stop ({stop}).":
        "La connexion {tool} n°\u00a0{seq} est restée ouverte jusqu'à {end}, {late} après l'arrêt "
        "({stop}).",
    "The {tool} connection #{seq} had no end yet in the tool's log read at {seen}, {late} "
    "after the stop ({stop}).":
        "La connexion {tool} n°\u00a0{seq} n'avait pas encore de fin dans le journal de l'outil lu "
        "à {seen}, {late} après l'arrêt ({stop}).",
    "To do now: the {tool} connection #{seq} is still open; disconnect from the client's "
    "computer.":
        "À faire maintenant\u202f: la connexion {tool} n°\u00a0{seq} est encore ouverte\u202f; "
        "déconnectez-vous de l'ordinateur du client.",
    "The end of the {tool} connection #{seq} is not in the tool's log, which goes on "
    "without it until {seen}, {late} after the stop ({stop}): the log does not show when it "
    "was closed.":
        "La fin de la connexion {tool} n°\u00a0{seq} n'est pas dans le journal de l'outil, qui "
        "continue sans elle jusqu'à {seen}, {late} après l'arrêt ({stop})\u202f: le journal "
        "ne montre pas quand elle a été fermée.",
    "The end of the {tool} connection #{seq} is not in the tool's log, which stops at "
    "{seen}, before the stop ({stop}): the log does not show whether it was closed at the "
    "stop.":
        "La fin de la connexion {tool} n°\u00a0{seq} n'est pas dans le journal de l'outil, qui "
        "s'arrête à {seen}, avant l'arrêt ({stop})\u202f: le journal ne montre pas si elle "
        "était fermée à l'arrêt.",
    "Worked time {worked} exceeds the time the tool's log shows connected ({connected}) by "
    "more than one tranche, but the end of connection {connections} is not in the log: the "
    "time after it cannot be checked.":
        "Le temps travaillé {worked} dépasse de plus d'une tranche le temps connecté que "
        "montre le journal de l'outil ({connected}), mais la fin de la connexion "
        "{connections} n'est pas dans le journal\u202f: le temps qui suit ne peut pas être "
        "vérifié.",
    "Worked time {worked} exceeds the time connected through {tools} ({connected}) by more "
    "than one tranche ({tranche}).":
        "Le temps travaillé {worked} dépasse de plus d'une tranche ({tranche}) le temps "
        "connecté par {tools} ({connected}).",
    "Connection {connections} reached another partner ID than the one the session was "
    "planned with.":
        "La connexion {connections} a joint un autre ID partenaire que celui de l'intervention.",
    "The connections of this session reached {count} different partner IDs: "
    "{connections}.":
        "Les connexions de cette intervention ont joint {count} ID partenaires différents\u202f: "
        "{connections}.",
    # --- documents: receipts, reports, exports, book of takings, Kimai (issue 13) ---
    'A document FAILED verification:': 'Un document a ÉCHOUÉ à la vérification\u202f:',
    '--pdf writes the report of one session: sessiond check SESSION --pdf FILE.':
        "--pdf écrit le rapport d'une intervention\u202f: sessiond check INTERVENTION --pdf "
        'FICHIER.',
    'Compliance report: {path}': 'Rapport de conformité\u202f: {path}',
    "also write the technician's compliance report of the session (a PDF, or a directory)":
        "écrire aussi le rapport de conformité de l'intervention, pour le technicien (un PDF, ou "
        'un dossier)',
    '--book writes a CSV: leave out --format.': '--book écrit un CSV\u202f: retirez --format.',
    'Its proof: {path} (sessiond verify --export {file})':
        'Sa preuve\u202f: {path} (sessiond verify --export {file})',
    "csv for a spreadsheet (default), json for other tools, kimai for Kimai's import":
        "csv pour un tableur (par défaut), json pour d'autres outils, kimai pour l'import de "
        'Kimai',
    'event #{seq}, signed checkpoint #{seq}':
        'événement n°\u00a0{seq}, point de contrôle signé n°\u00a0{seq}',
    'export the sessions of a day or of a range of days (CSV, JSON, Kimai), or the book of '
    'takings (--book)':
        "exporter les interventions d'un jour ou d'une période (CSV, JSON, Kimai), ou le livre "
        'des recettes (--book)',
    'replaces receipt no. {number} (the session changed since)':
        "remplace le relevé n°\u00a0{number} (l'intervention a changé depuis)",
    'the livre des recettes: the payments received in the range (CSV)':
        'le livre des recettes\u202f: les encaissements de la période (CSV)',
    'unchanged since it was issued: same number, same content, no new event':
        'inchangé depuis son émission\u202f: même numéro, même contenu, aucun nouvel événement',
    'Date received': "Date d'encaissement",
    'Document reference': 'Référence du justificatif',
    'Nature of the service': 'Nature de la prestation',
    'Payment method': 'Mode de règlement',
    'receipt no. {number}': 'relevé n°\u00a0{number}',
    'session {session}': 'intervention {session}',
    '{mode}, {billed} billed': '{mode}, {billed} facturé',
    'the book of takings of {first} to {last}': 'le livre des recettes du {first} au {last}',
    'Unknown export format {format!r}: choose csv, json or kimai.':
        "Format d'export inconnu {format!r}\u202f: choisissez csv, json ou kimai.",
    'A Kimai file needs your name and e-mail (its User and Email columns): set {fields} under '
    '[technician] in config.toml.':
        'Un fichier Kimai a besoin de votre nom et de votre e-mail (ses colonnes User et '
        'Email)\u202f: renseignez {fields} dans la section [technician] de config.toml.',
    'IT assistance': 'Assistance informatique',
    'client {client}': 'client {client}',
    'receipt {numbers}': 'relevé {numbers}',
    'Paid (EUR)': 'Réglé (€)',
    'Payments': 'Paiements',
    '{amount} {method} on {day}': '{amount} {method} le {day}',
    'fee only (not started)': 'frais seuls (non commencée)',
    'in progress (amount so far)': 'en cours (montant à ce stade)',
    'paused (amount so far)': 'en pause (montant à ce stade)',
    'Check both: sessiond verify --export {file}':
        'Vérification des deux\u202f: sessiond verify --export {file}',
    'sessiond: the proof of the export {file}; keep it beside the file.':
        "sessiond\u202f: la preuve de l'export {file}\u202f; gardez-la à côté du fichier.",
    '{path} was changed after it was exported: it is not the file its proof covers (SHA-256 '
    '{actual} instead of {expected})':
        "{path} a été modifié après l'export\u202f: ce n'est pas le fichier que couvre sa preuve "
        '(SHA-256 {actual} au lieu de {expected})',
    "{proof} is missing: an export's proof is the file of that name beside it. Copy it back next "
    'to {path}.':
        "{proof} est introuvable\u202f: la preuve d'un export est le fichier de ce nom placé à "
        'côté. Remettez-le à côté de {path}.',
    # exports.kinds: a document given to verify that is not the kind asked for
    "{path} is {what}, not {asked}: {how}.":
        "{path} est {what}, pas {asked}\u202f: {how}.",
    "a receipt": "un relevé d'intervention",
    "an export": "un export",
    "a sessiond receipt": "un relevé d'intervention de sessiond",
    "a sessiond export": "un export de sessiond",
    "the proof of the export {file}": "la preuve de l'export {file}",
    "the invoice no. {number}": "la facture n°\u00a0{number}",
    "the credit note no. {number}": "l'avoir n°\u00a0{number}",
    "the compliance report of session {session}":
        "le rapport de conformité de l'intervention {session}",
    "a compliance report": "un rapport de conformité",
    "a receipt is checked with sessiond verify --receipt {path}":
        "un relevé se vérifie avec sessiond verify --receipt {path}",
    "an export is checked with sessiond verify --export {path}, its proof (.proof) beside it":
        "un export se vérifie avec sessiond verify --export {path}, sa preuve (.proof) à "
        "côté",
    "an export is checked with sessiond verify --export {file}, this proof beside it":
        "un export se vérifie avec sessiond verify --export {file}, cette preuve à côté",
    "an invoice carries no proof to check: it is checked by its number in the log's series "
    "(sessiond verify checks that the series has no gap and no number twice), and sessiond "
    "invoice show {number} writes it again from the log, to compare with this one":
        "une facture ne porte pas de preuve à vérifier\u202f: elle se vérifie par son numéro "
        "dans la série du journal (sessiond verify contrôle que la série n'a ni trou ni "
        "numéro en double), et sessiond invoice show {number} la refait à partir du "
        "journal, pour la comparer à celle-ci",
    "a credit note carries no proof to check: it is checked by its number in the log's "
    "series (sessiond verify checks that the series has no gap and no number twice), and "
    "sessiond invoice show {number} writes it again from the log, to compare with this one":
        "un avoir ne porte pas de preuve à vérifier\u202f: il se vérifie par son numéro dans "
        "la série du journal (sessiond verify contrôle que la série n'a ni trou ni numéro "
        "en double), et sessiond invoice show {number} le refait à partir du journal, pour "
        "le comparer à celui-ci",
    "a compliance report is the technician's own document and carries no proof: sessiond "
    "check {session} --pdf FILE writes it again from the log":
        "un rapport de conformité est un document du technicien, sans preuve à "
        "vérifier\u202f: sessiond check {session} --pdf FICHIER le refait à partir du "
        "journal",
    "{path} is a PDF, not an export: an export is the CSV or JSON file sessiond export "
    "wrote, checked with its proof (.proof) beside it.":
        "{path} est un PDF, pas un export\u202f: un export est le fichier CSV ou JSON écrit "
        "par sessiond export, vérifié avec sa preuve (.proof) à côté.",
    "its client was {then} in the export and is {now} now":
        "son client était {then} dans l'export et est {now} à présent",
    "it was billed {then} in the export and is billed {now} now":
        "elle était facturée {then} dans l'export et l'est {now} à présent",
    "{path}: session {session} is no longer billed as the export states it ({changes}): a "
    "correction or its terms changed since; export the period again":
        "{path}\u202f: l'intervention {session} n'est plus facturée comme l'export "
        "l'indique ({changes})\u202f: une correction ou ses conditions ont changé "
        "depuis\u202f; exportez la période à nouveau",
    "{path} is not the file this proof covers: the proof beside it is that of {what} "
    "({file}), and {path} is the file of another export (event #{seq}); put its own proof "
    "beside it":
        "{path} n'est pas le fichier que couvre cette preuve\u202f: la preuve placée à côté "
        "est celle de {what} ({file}), et {path} est le fichier d'un autre export "
        "(événement n°\u00a0{seq})\u202f; placez sa propre preuve à côté",
    "{path}: saved again by another tool since it was exported (it is not the file sessiond "
    "wrote, byte for byte); its cells are those exported":
        "{path}\u202f: enregistré à nouveau par un autre outil depuis l'export (ce n'est plus "
        "le fichier écrit par sessiond, octet pour octet)\u202f; ses cellules sont celles "
        "exportées",
    "{path} was changed after it was exported: {cells}":
        "{path} a été modifié après l'export\u202f: {cells}",
    "{field}: exported {exported}, the file now says {now}":
        "{field}\u202f: exporté {exported}, le fichier indique maintenant {now}",
    "{row}, {column}: exported \u00ab {exported} \u00bb, the file now says \u00ab {now} \u00bb":
        "{row}, {column}\u202f: exporté \u00ab\u00a0{exported}\u00a0\u00bb, le fichier "
        "indique maintenant \u00ab\u00a0{now}\u00a0\u00bb",
    "line {n}": "ligne {n}",
    "it holds {now} rows where the export wrote {exported}":
        "il contient {now} lignes là où l'export en a écrit {exported}",
    "{proof}: this export was made by another technician (key {other}), not with this log's "
    "key ({ours}): it can only be checked with the log of the technician who made it":
        "{proof}\u202f: cet export a été fait par un autre technicien (clé {other}), pas avec "
        "la clé de ce journal ({ours})\u202f: seul le journal du technicien qui l'a fait peut "
        "le vérifier",
    '{proof} is not the proof of an export (its lines were damaged).':
        "{proof} n'est pas la preuve d'un export (ses lignes ont été abîmées).",
    "{proof}: its summary line (sessions, total) is not the one written with the export "
    "(event #{seq}): the proof was edited; the file's own rows are what the log recorded":
        "{proof}\u202f: sa ligne de résumé (interventions, total) n'est pas celle écrite avec "
        "l'export (événement n°\u00a0{seq})\u202f: la preuve a été modifiée\u202f; les lignes du "
        "fichier lui-même sont celles que le journal a enregistrées",
    "{proof}: its line \u00ab {line} \u00bb is there {n} times; a proof holds each of its "
    "lines once: the proof was edited":
        "{proof}\u202f: sa ligne \u00ab\u00a0{line}\u00a0\u00bb y figure {n} fois\u202f; une "
        "preuve contient chacune de ses lignes une seule fois\u202f: la preuve a été modifiée",
    "{proof}: it holds {n} different {kind}, a proof holds one: it was edited or put together "
    "from several proofs":
        "{proof}\u202f: elle contient {n} {kind} différentes, une preuve n'en contient "
        "qu'une\u202f: elle a été modifiée ou assemblée à partir de plusieurs preuves",
    "file lines": "lignes de fichier",
    "events lines": "lignes d'événements",
    "checkpoint lines": "lignes de point de contrôle",
    '{proof}: the log recorded another file for this export (event #{seq}): the proof was edited':
        "{proof}\u202f: le journal a enregistré un autre fichier pour cet export (événement "
        "n°\u00a0{seq})\u202f: la preuve a été modifiée",
    'A receipt is numbered only once your identity is complete. Under [technician] in {path}, '
    'fill in: {fields}.':
        "Un relevé n'est numéroté qu'une fois votre identité complète. Dans la section "
        '[technician] de {path}, renseignez\u202f: {fields}.',
    'Ed25519 signature of the data': 'Signature Ed25519 des données',
    'Session {session} was cancelled: it gets no receipt.':
        "L'intervention {session} a été annulée\u202f: elle n'a pas de relevé.",
    'The data of this record, signed': 'Les données de ce relevé, signées',
    "The technician's public key": 'La clé publique du technicien',
    'Check this record without sessiond (poppler-utils and OpenSSL 3), in the folder of the PDF, '
    'with its name:':
        'Vérifier ce relevé sans sessiond (poppler-utils et OpenSSL 3), dans le dossier du PDF, '
        'avec son nom\u202f:',
    'OpenSSL answers « Signature Verified Successfully ». {base}.json holds what this record '
    'states, signed by the technician; {base}.pem is his public key, printed below: compare its '
    'fingerprint with the one he gives you.':
        'OpenSSL répond «\xa0Signature Verified Successfully\xa0». {base}.json contient ce que '
        'dit ce relevé, signé par le technicien\u202f; {base}.pem est sa clé publique, imprimée '
        "ci-dessous\u202f: comparez son empreinte avec celle qu'il vous communique.",
    'Remote connection': 'Connexion à distance',
    "The lines below prove that the technician's log still holds this session, unchanged "
    '(sessiond verify --receipt FILE checks them).':
        'Les lignes ci-dessous prouvent que le journal du technicien contient toujours cette '
        'intervention, inchangée (sessiond verify --receipt FICHIER les vérifie).',
    "This record replaces record no. {number}: the session's record changed after it was issued.":
        "Ce relevé remplace le relevé n°\u00a0{number}\u202f: l'intervention a changé après son "
        'émission.',
    'remote tool': 'outil de prise en main',
    '{tool} connection observed from {start} to {end}':
        'connexion {tool} observée du {start} à {end}',
    '{tool} connection observed from {start}, end not seen':
        'connexion {tool} observée à partir du {start}, fin non vue',
    'its data is not the data recorded in the log when receipt no. {number} was issued (event '
    '#{seq})':
        "ses données ne sont pas celles que le journal a enregistrées à l'émission du relevé "
        "n°\u00a0{number} (événement n°\u00a0{seq})",
    "its data is signed with another key than this technician's ({fingerprint})":
        'ses données sont signées avec une autre clé que celle de ce technicien ({fingerprint})',
    'its data carries no signature (its .sig file or block was removed): it cannot be trusted':
        'ses données ne portent pas de signature (son fichier .sig ou son bloc a été '
        'retiré)\u202f: elles ne sont pas dignes de foi',
    "its signed data ({where}) is JSON but not a receipt's data: it was replaced by other data":
        "ses données signées ({where}) sont du JSON mais pas les données d'un relevé\u202f: "
        "elles ont été remplacées par d'autres données",
    'its signed data ({where}) is not JSON data ({what}): it was replaced by another file or '
    'damaged':
        'ses données signées ({where}) ne sont pas des données JSON ({what})\u202f: elles ont '
        'été remplacées par un autre fichier ou abîmées',
    'on its page {page}, the font {font} draws « {shown} » where its text reads « {read} »: the '
    'page does not show what the receipt states; the document was edited':
        'sur sa page {page}, la police {font} dessine «\xa0{shown}\xa0» là où son texte se lit '
        '«\xa0{read}\xa0»\u202f: la page ne montre pas ce que le relevé déclare\u202f; le '
        'document a été modifié',
    'on its page {page}, the font {font} draws another letter where its text reads « {read} »: '
    'the page does not show what the receipt states; the document was edited':
        'sur sa page {page}, la police {font} dessine une autre lettre là où son texte se lit '
        '«\xa0{read}\xa0»\u202f: la page ne montre pas ce que le relevé déclare\u202f; le '
        'document a été modifié',
    'on its page {page}, the font {font} is of a kind sessiond does not write, whose letters '
    'cannot be matched with its text: what the page shows cannot be checked; the document was '
    'edited or made again by another tool':
        "sur sa page {page}, la police {font} est d'un type que sessiond n'écrit pas, dont les "
        'lettres ne peuvent être rapprochées de son texte\u202f: ce que la page montre ne peut '
        "être vérifié\u202f; le document a été modifié ou refait par un autre outil",
    'and {n} more letters its fonts draw otherwise than its text reads them':
        'et {n}\u00a0autres lettres que ses polices dessinent autrement que son texte ne les lit',
    'its page {pages} is not a page of the receipt (it does not show its footer « {footer} »): '
    'it was added; the document was edited':
        "sa page {pages} n'est pas une page du relevé (elle ne montre pas son pied de page "
        '«\xa0{footer}\xa0»)\u202f: elle a été ajoutée\u202f; le document a été modifié',
    'its pages {pages} are not pages of the receipt (they do not show its footer « {footer} »): '
    'they were added; the document was edited':
        "ses pages {pages} ne sont pas des pages du relevé (elles ne montrent pas son pied de "
        'page «\xa0{footer}\xa0»)\u202f: elles ont été ajoutées\u202f; le document a été '
        'modifié',
    'it holds {found} of the {expected} pages of the receipt: a page was removed or added again; '
    'the document was edited':
        'il contient {found} des {expected}\u00a0pages du relevé\u202f: une page a été retirée '
        'ou ajoutée en double\u202f; le document a été modifié',
    "its pages are not in the receipt's order (their footers read {order}): the document was "
    'edited':
        "ses pages ne sont pas dans l'ordre du relevé (leurs pieds de page indiquent "
        '{order})\u202f: le document a été modifié',
    'its {what} (its properties, shown by PDF readers) is « {found} », not « {expected} » as '
    'issued: the document was edited':
        'son {what} (ses propriétés, que les lecteurs PDF affichent) est «\xa0{found}\xa0», '
        'et non «\xa0{expected}\xa0» comme à son émission\u202f: le document a été modifié',
    'title': 'titre',
    'author': 'auteur',
    "a font's character map holds more than {kb} kB (a receipt's, a few kB)":
        "la table de caractères d'une police dépasse {kb}\u00a0ko (celle d'un relevé, quelques "
        'ko)',
    'on its page {pages}, something was drawn that sessiond does not draw (an image, a filled '
    'shape): what it shows is not part of the receipt; the document was edited':
        "sur sa page {pages}, quelque chose a été dessiné que sessiond ne dessine pas (une "
        "image, une forme pleine)\u202f: ce qu'il montre ne fait pas partie du relevé\u202f; le "
        'document a été modifié',
    'on its pages {pages}, something was drawn that sessiond does not draw (an image, a filled '
    'shape): what it shows is not part of the receipt; the document was edited':
        "sur ses pages {pages}, quelque chose a été dessiné que sessiond ne dessine pas (une "
        "image, une forme pleine)\u202f: ce qu'il montre ne fait pas partie du relevé\u202f; le "
        'document a été modifié',
    'it holds layers (optional content) that a PDF reader shows or hides, some maybe hidden '
    'from the start: a receipt holds none, and what its pages show may not be what its text '
    'says; the document was edited':
        "il contient des calques (contenu optionnel) qu'un lecteur PDF montre ou cache, "
        "certains peut-être cachés dès l'ouverture\u202f: un relevé n'en contient aucun, et ce "
        'que ses pages montrent peut ne pas être ce que dit son texte\u202f; le document a été '
        'modifié',
    'it is protected by a password to open it (qpdf --decrypt --password=PASSWORD FILE.pdf '
    'OPENED.pdf writes a copy without it, to verify)':
        "il est protégé par un mot de passe à l'ouverture (qpdf --decrypt "
        "--password=MOT_DE_PASSE FICHIER.pdf OUVERT.pdf en écrit une copie sans mot de passe, à "
        "vérifier)",
    '{name}: saved again by {tool} since it was issued: it is not the file sessiond wrote, byte '
    'for byte; what it states was checked as it is now':
        "{name}\u202f: enregistré à nouveau par {tool} depuis son émission\u202f: ce n'est plus, "
        "octet pour octet, le fichier écrit par sessiond\u202f; ce qu'il indique a été vérifié tel "
        "qu'il est maintenant",
    '{name}: saved again by another tool since it was issued: it is not the file sessiond '
    'wrote, byte for byte; what it states was checked as it is now':
        "{name}\u202f: enregistré à nouveau par un autre outil depuis son émission\u202f: ce "
        "n'est plus, octet pour octet, le fichier écrit par sessiond\u202f; ce qu'il indique a "
        "été vérifié tel qu'il est maintenant",
    '{name}: its font {font} is none of the fonts sessiond embeds as this machine has them: its '
    'letters were checked against its text, their shapes not compared':
        "{name}\u202f: sa police {font} n'est aucune des polices que sessiond intègre, telles que "
        'cette machine les a\u202f: ses lettres ont été rapprochées de son texte, leurs formes '
        'non comparées',
    'the attached file « {file} »': 'le fichier joint «\xa0{file}\xa0»',
    'the block between its SIGNED DATA lines': 'le bloc entre ses lignes SIGNED DATA',
    'a PDF file': 'un fichier PDF',
    'binary bytes, not text': 'des octets binaires, pas du texte',
    'JSON cut short or damaged': 'du JSON tronqué ou abîmé',
    'text beginning « {start} »': 'un texte qui commence par «\xa0{start}\xa0»',
    'its signed data file (.json) is missing while it still carries other files ({files}): '
    'its data was taken out or replaced by another file; the document was edited':
        'son fichier de données signées (.json) manque alors qu\'il porte encore d\'autres '
        'fichiers ({files})\u202f: ses données ont été retirées ou remplacées par un autre '
        'fichier\u202f; le document a été modifié',
    "it carries attached files a receipt does not carry ({files}): a receipt carries its signed "
    "data (.json), its signature (.sig) and the technician's public key (.pem) only; the "
    "document was edited":
        "il porte des fichiers joints qu'un relevé ne porte pas ({files})\u202f: un relevé ne "
        "porte que ses données signées (.json), leur signature (.sig) et la clé publique du "
        "technicien (.pem)\u202f; le document a été modifié",
    "the public key it carries ({file}) is not this technician's key: whoever checks the "
    "receipt with it (openssl) checks another key's signature; the document was edited":
        "la clé publique qu'il porte ({file}) n'est pas celle de ce technicien\u202f: qui "
        "vérifie le relevé avec elle (openssl) vérifie la signature d'une autre clé\u202f; le "
        "document a été modifié",
    'its signed data does not have the form of a receipt':
        "ses données signées n'ont pas la forme d'un relevé",
    'its visible text does not state {field} as its signed data does (expected: « {expected} »): '
    'the document was edited':
        "son texte visible n'indique pas {field} comme ses données signées (attendu\u202f: "
        '«\xa0{expected}\xa0»)\u202f: le document a été modifié',
    '{path} is empty: it is not a receipt. Ask for the file again (the PDF or its text copy).':
        "{path} est vide\u202f: ce n'est pas un relevé. Demandez à nouveau le fichier (le PDF ou "
        'sa copie texte).',
    '{path} is a PDF without text (a scan, or printed as images): what it shows cannot be '
    'read. Ask for the receipt as it was sent (the PDF or its text copy).':
        "{path} est un PDF sans texte (une numérisation, ou une impression en images)\u202f: "
        "ce qu'il montre ne peut pas être lu. Demandez le relevé tel qu'il a été envoyé (le "
        'PDF ou sa copie texte).',
    'This PDF cannot be read: {problem}. Ask for the file again.':
        'Ce PDF est illisible\u202f: {problem}. Demandez à nouveau le fichier.',
    'this PDF is damaged or cut short ({problem}): what it states cannot be read nor checked; '
    'ask for the file again':
        "ce PDF est abîmé ou tronqué ({problem})\u202f: ce qu'il indique ne peut être ni lu ni "
        'vérifié\u202f; demandez à nouveau le fichier',
    'this receipt is incomplete: its checkpoint and its signed data are missing (the file was '
    'cut short, or only part of it was copied); ask for the whole file':
        'ce relevé est incomplet\u202f: son point de contrôle et ses données signées manquent (le '
        "fichier a été tronqué, ou seule une partie en a été copiée)\u202f; demandez le fichier "
        'entier',
    "this receipt was issued by another technician (key {other}), not with this log's key "
    '({ours}): it can only be checked with the log of the technician who issued it':
        'ce relevé a été émis par un autre technicien (clé {other}), pas avec la clé de ce '
        'journal ({ours})\u202f: seul le journal du technicien qui l\'a émis peut le vérifier',
    'its signed data is incomplete or damaged (the file was cut short or edited): it cannot be '
    'checked':
        'ses données signées sont incomplètes ou abîmées (le fichier a été tronqué ou '
        'modifié)\u202f: elles ne peuvent pas être vérifiées',
    'it carries signed data {n} times, a receipt carries it once: it was edited or put together '
    'from several files':
        "il porte {n}\u00a0fois des données signées, un relevé une seule\u202f: il a été modifié "
        'ou assemblé à partir de plusieurs fichiers',
    'text was added after its signed data (« {text} »): a receipt ends with it':
        'du texte a été ajouté après ses données signées '
        '(\u00ab\u00a0{text}\u00a0\u00bb)\u202f: un relevé se termine par elles',
    'its visible text holds what the receipt does not state (« {text} »): the document was '
    'edited':
        "son texte visible contient ce que le relevé n'indique pas "
        '(\u00ab\u00a0{text}\u00a0\u00bb)\u202f: le document a été modifié',
    'it carries no signed data, and the log cannot state again what receipt no. {number} said '
    "(the client's data was erased, or the terms or the identity changed since): ask for the "
    'PDF as it was sent, or its text copy':
        "il ne porte pas de données signées, et le journal ne peut plus redire ce qu'indiquait "
        "le relevé n°\u00a0{number} (les données du client ont été effacées, ou les "
        "conditions ou l'identité ont changé depuis)\u202f: "
        'demandez le PDF tel qu\'il a été envoyé, ou sa copie texte',
    'the session changed after receipt no. {number} was issued and can no longer have a '
    'receipt ({problem})':
        "l'intervention a changé après l'émission du relevé n°\u00a0{number} et ne peut plus "
        'avoir de relevé ({problem})',
    '; ': '\u202f; ',  # between the fields a verdict names
    '{field}: the receipt says {document}, the log now says {log}':
        '{field}\u202f: le relevé indique {document}, le journal désormais {log}',
    'the session was corrected after receipt no. {number} was issued, and no new receipt was '
    'issued (sessiond receipt {session} issues it): {fields}':
        "l'intervention a été corrigée après l'émission du relevé n°\u00a0{number}, et aucun "
        'nouveau relevé n\'a été émis (sessiond receipt {session} l\'émet)\u202f: {fields}',
    'on its page {page}, \u00ab {text} \u00bb is covered by something drawn over it (a '
    'filled shape, an image): the page does not show what the receipt states; the document '
    'was edited':
        "sur sa page {page}, \u00ab\u00a0{text}\u00a0\u00bb est recouvert par ce qui a été "
        "dessiné par-dessus (une forme pleine, une image)\u202f: la page ne montre pas ce que "
        "le relevé indique\u202f; le document a été modifié",
    'on its page {page}, \u00ab {text} \u00bb is drawn so that it does not show (invisible, '
    'white or transparent): the page does not show what the receipt states; the document was '
    'edited':
        "sur sa page {page}, \u00ab\u00a0{text}\u00a0\u00bb est écrit de façon à ne pas se "
        "voir (invisible, en blanc ou transparent)\u202f: la page ne montre pas ce que le "
        "relevé indique\u202f; le document a été modifié",
    'on its page {page}, \u00ab {text} \u00bb lies outside what the page shows (moved off the '
    'page, cut off or clipped away): the page does not show what the receipt states; the '
    'document was edited':
        "sur sa page {page}, \u00ab\u00a0{text}\u00a0\u00bb est hors de ce que la page montre "
        "(déplacé hors de la page, coupé ou masqué)\u202f: la page ne montre pas ce que le "
        "relevé indique\u202f; le document a été modifié",
    'on its page {page}, \u00ab {text} \u00bb is drawn too small to be read: the page does not '
    'show what the receipt states; the document was edited':
        "sur sa page {page}, \u00ab\u00a0{text}\u00a0\u00bb est écrit trop petit pour être "
        "lu\u202f: la page ne montre pas ce que le relevé indique\u202f; le document a été "
        "modifié",
    'and {n} more runs of its text that its pages do not show':
        "et {n}\u00a0autres passages de son texte que ses pages ne montrent pas",
    'this file is {n} PDF files put one after the other (a reader shows only the last one): '
    'a receipt is one file; it was put together from several':
        "ce fichier est fait de {n}\u00a0fichiers PDF mis bout à bout (un lecteur ne montre "
        "que le dernier)\u202f: un relevé est un seul fichier\u202f; il a été assemblé à "
        "partir de plusieurs",
    'it holds a script (JavaScript) that a PDF reader runs, which can change what its pages '
    'show: a receipt holds none; the document was edited':
        "il contient un script (JavaScript) qu'un lecteur de PDF exécute, qui peut changer ce "
        "que ses pages montrent\u202f: un relevé n'en contient aucun\u202f; le document a été "
        "modifié",
    'something was put over its text after it was issued, where it may hide what the '
    'receipt states: {what}; the receipt says what its signed data says':
        "quelque chose a été posé sur son texte après son émission, là où il peut cacher ce "
        "que le relevé indique\u202f: {what}\u202f; le relevé dit ce que disent ses données "
        "signées",
    '{name}: added over its pages after it was issued (not part of the receipt, not signed): '
    '{what}':
        '{name}\u202f: ajouté sur ses pages après son émission (ne fait pas partie du relevé, '
        'non signé)\u202f: {what}',
    'it has {pages} pages (a receipt has a few)':
        'il a {pages}\u00a0pages (un relevé en a quelques-unes)',
    'its pages hold more than {mb} MB of drawing instructions (a receipt, some kB)':
        'ses pages contiennent plus de {mb}\u00a0Mo d\'instructions de dessin (un relevé, '
        'quelques\u00a0ko)',
    'its objects are nested too deep': 'ses objets sont imbriqués trop profondément',
    '{name}: if this text was taken from the PDF with pdftotext, take it again with pdftotext '
    '-layout, which keeps each line whole':
        '{name}\u202f: si ce texte a été tiré du PDF avec pdftotext, tirez-le à nouveau avec '
        'pdftotext -layout, qui garde chaque ligne entière',
    'it goes beyond what a receipt needs (a stream that unpacks to megabytes, thousands of '
    'objects)':
        "il dépasse ce qu'un relevé demande (un flux qui se décompresse en mégaoctets, des "
        "milliers d'objets)",
    'its structure is damaged: {detail}': 'sa structure est abîmée\u202f: {detail}',
    'it needs too much memory to be read': 'il demande trop de mémoire pour être lu',
    'receipt no. {number} was replaced by receipt no. {replacement} on {day} (the session '
    'changed after it was issued): hand over the new one':
        'le relevé n°\u00a0{number} a été remplacé par le relevé n°\u00a0{replacement} le {day} '
        "(l'intervention a changé après son émission)\u202f: remettez le nouveau",
    'receipt no. {number} no longer stands: its session was moved to another client after it '
    'was issued, and receipt no. {replacement} of {day} is that client\'s: do not hand it over '
    'to the holder of this one':
        "le relevé n°\u00a0{number} ne vaut plus\u202f: son intervention a été rattachée à un "
        "autre client après son émission, et le relevé n°\u00a0{replacement} du {day} est celui "
        "de ce client\u202f: ne le remettez pas au détenteur de celui-ci",
    "{path}: a session it covers was corrected after it was exported ({events}): it no longer "
    "states the period as the log does; export it again":
        "{path}\u202f: une intervention qu'il couvre a été corrigée après l'export "
        "({events})\u202f: il n'indique plus la période comme le journal\u202f; exportez-la de "
        "nouveau",
    'the log holds no receipt of session {session} at event #{seq}':
        "le journal ne contient aucun relevé de l'intervention {session} à l'événement "
        "n°\u00a0{seq}",
    'the signature of its data is not valid: the data was edited after it was signed':
        "la signature de ses données n'est pas valide\u202f: les données ont été modifiées après "
        'leur signature',
    '{field}: the document says {document}, the log says {log}':
        '{field}\u202f: le document indique {document}, le journal {log}',
    "Reading a PDF receipt needs the pypdf package: pip install 'sessiond[facturx]'.":
        "Lire un relevé PDF demande le paquet pypdf\u202f: pip install 'sessiond[facturx]'.",
    'This PDF cannot be read: {problem}': 'Ce PDF est illisible\u202f: {problem}',
    '(events {events})': '(événements {events})',
    'Compliance report': 'Rapport de conformité',
    'Compliance report — session {session}': 'Rapport de conformité — intervention {session}',
    'Compliance report — session {session} — for the technician':
        'Rapport de conformité — intervention {session} — pour le technicien',
    'Findings': 'Constats',
    'For the technician: this report is not a document for the client (his receipt states the '
    'facts of the session).':
        "Pour le technicien\u202f: ce rapport n'est pas un document pour le client (son relevé "
        "indique les faits de l'intervention).",
    'Session {session} checked against its terms on {moment}':
        'Intervention {session} contrôlée au regard de ses conditions le {moment}',
    'The report is a PDF: give a file name ending in .pdf, or a directory.':
        'Le rapport est un PDF\u202f: indiquez un nom de fichier en .pdf, ou un dossier.',
    'The session': "L'intervention",
    'To record': 'À enregistrer',
    'compliance': 'conformite',
    'your name (name = "Jean Dupont")': 'votre nom (name = "Jean Dupont")',
    'your SIRET or SIREN (siret = "732 829 320 00074")':
        'votre SIRET ou SIREN (siret = "732 829 320 00074")',
    'your SIRET {siret!r} is not valid (14 digits, or the 9 of a SIREN, whose last one is a '
    'check digit): check it on your registration certificate':
        "votre SIRET {siret!r} n'est pas valide (14\u00a0chiffres, ou les 9 d'un SIREN, dont le "
        'dernier est une clé de contrôle)\u202f: vérifiez-le sur votre avis de situation',
    'your postal address (address = "3 rue de l\'Église, 54230 Chaligny")':
        'votre adresse postale (address = "3 rue de l\'Église, 54230 Chaligny")',
    'A receipt is numbered only once your identity is complete: fill it in, then press e again.':
        "Un relevé n'est numéroté qu'une fois votre identité complète\u202f: renseignez-la, puis "
        'appuyez de nouveau sur e.',
    'The session has compliance errors': "L'intervention a des erreurs de conformité",
    'Issue the receipt': 'Émettre le relevé',
    'My report first': "D'abord mon rapport",
    'Receipt no. {number}: {total}, in {folder} (PDF and text).':
        'Relevé n°\u00a0{number}\u202f: {total}, dans {folder} (PDF et texte).',
    # --- TUI for a real day (issue 16): screens, identity, config init, rule titles ---
    "config.toml reloaded.":
        "config.toml relu.",
    "No question waiting. F2 shows the daemon's questions about time it could not see (a "
    "suspend, a crash, idle time).":
        "Aucune question en attente. F2 montre les questions du démon sur le temps qu'il n'a "
        "pas pu voir (mise en veille, plantage, inactivité).",
    "config.toml not applied":
        "config.toml non appliqué",
    "Theme":
        "Thème",
    "Change the colours of the screens":
        "Changer les couleurs des écrans",
    "Quit sessiond (the log keeps everything)":
        "Quitter sessiond (le journal garde tout)",
    "Search for commands…":
        "Chercher une commande…",
    "Keys":
        "Touches",
    "Hide the panel of keys":
        "Masquer le panneau des touches",
    "Show the keys of this screen in a panel":
        "Montrer les touches de cet écran dans un panneau",
    "No matches found":
        "Aucun résultat",
    "yesterday {time}":
        "hier {time}",
    "{n} point of the terms still open: starting now reports it.":
        "{n} point des conditions encore ouvert\u202f: démarrer maintenant le signalera.",
    "{n} points of the terms still open: starting now reports them.":
        "{n} points des conditions encore ouverts\u202f: démarrer maintenant les signalera.",
    "Start (ctrl+s)":
        "Démarrer (ctrl+s)",
    "Without consent… (ctrl+o)":
        "Sans consentement… (ctrl+o)",
    "Another session is running":
        "Une autre intervention est en cours",
    "The clock of {sessions} is running. Pause it and start this one, or let both run (the "
    "same minutes would be billed twice)?":
        "Le chronomètre de {sessions} tourne. Le mettre en pause et démarrer celle-ci, ou "
        "laisser tourner les deux (les mêmes minutes seraient facturées deux fois)\u202f?",
    "The clocks of {sessions} are running. Pause them and start this one, or let all run (the "
    "same minutes would be billed twice)?":
        "Les chronomètres de {sessions} tournent. Les mettre en pause et démarrer celle-ci, ou "
        "laisser tout tourner (les mêmes minutes seraient facturées deux fois)\u202f?",
    "Pause, then start":
        "Pause, puis démarrer",
    "Start anyway":
        "Démarrer quand même",
    "another session started":
        "une autre intervention a démarré",
    "SIRET":
        "SIRET",
    "SIREN":
        "SIREN",
    "bought on {day}: {hours}, {left} left":
        "acheté le {day}\u202f: {hours}, reste {left}",
    "{hours} of prepaid credit added for {client}.":
        "{hours} de crédit prépayé ajoutées pour {client}.",
    "expired on {day}":
        "expiré le {day}",
    "valid {until}":
        "valable {until}",
    "Credit left: {left}.":
        "Crédit restant\u202f: {left}.",
    "Disconnect from the client's computer, then press d.":
        "Déconnectez-vous de l'ordinateur du client, puis appuyez sur d.",
    "Give the client his receipt: press e.":
        "Remettez son relevé au client\u202f: appuyez sur e.",
    "{start} → {end} · worked {worked} · {pauses} · ended by {who}":
        "{start} → {end} · travaillé {worked} · {pauses} · fin par {who}",
    "{n} pause, {duration}":
        "{n} pause, {duration}",
    "{n} pauses, {duration}":
        "{n} pauses, {duration}",
    "no pause":
        "aucune pause",
    "{errors}, {warnings}:":
        "{errors}, {warnings}\u202f:",
    "Statement":
        "Relevé",
    "Your identity is incomplete for the receipt ({fields}): press i to fill it in.":
        "Votre identité est incomplète pour le relevé ({fields})\u202f: appuyez sur i pour la "
        "compléter.",
    "Still due: {amount} ($ to record the payment)":
        "Reste dû\u202f: {amount} ($ pour enregistrer le paiement)",
    "{n} error":
        "{n} erreur",
    "{n} errors":
        "{n} erreurs",
    "{n} warning":
        "{n} avertissement",
    "{n} warnings":
        "{n} avertissements",
    "Your identity is saved in {path}.":
        "Votre identité est enregistrée dans {path}.",
    "New client… (ctrl+n)":
        "Nouveau client… (ctrl+n)",
    "Partner ID":
        "ID partenaire",
    "Quoted rate per hour":
        "Tarif horaire convenu",
    "Discount for the {name} (art. {article})":
        "Remise pour la {name} (art. {article})",
    "(dated {day})":
        "(du {day})",
    ": « {text} »":
        "\u202f: «\u00a0{text}\u00a0»",
    "{left} left after this session":
        "{left} restant après cette intervention",
    "in {duration}: +{amount}":
        "dans {duration}\u202f: +{amount}",
    "{covered} drawn":
        "{covered} pris sur le crédit",
    "{missing} not covered: a new package is needed":
        "{missing} non couvert\u202f: il faut un nouveau forfait",
    "n: note (enter saves it; passwords and codes are refused)":
        "n\u202f: note (Entrée l'enregistre\u202f; mots de passe et codes sont refusés)",
    "paid {amount}":
        "payé {amount}",
    "Asked: {problems}":
        "Demandé\u202f: {problems}",
    "Payment recorded: {amount} ({method}).":
        "Paiement enregistré\u202f: {amount} ({method}).",
    "Copy made at the client's request":
        "Copie faite à la demande du client",
    "Method (those the terms accept):":
        "Moyen de paiement (ceux que les conditions acceptent)\u202f:",
    "The client ended it (c)":
        "Le client y a mis fin (c)",
    "Due so far: {amount}.":
        "Dû à ce stade\u202f: {amount}.",
    "name":
        "nom",
    "postal address (optional)":
        "adresse postale (facultatif)",
    "SIREN or SIRET of a business (optional)":
        "SIREN ou SIRET d'une entreprise (facultatif)",
    "another fact of the log":
        "autre fait du journal",
    "terms checked: {errors}, {warnings}":
        "conditions vérifiées\u202f: {errors}, {warnings}",
    "time of event #{seq} corrected":
        "heure de l'événement n°\u00a0{seq} corrigée",
    "stop #{seq} undone: the session goes on":
        "arrêt n°\u00a0{seq} annulé\u202f: l'intervention continue",
    "session cancelled":
        "intervention annulée",
    "session moved to another client":
        "intervention rattachée à un autre client",
    "text of event #{seq} redacted":
        "texte de l'événement n°\u00a0{seq} effacé",
    "your name and EI, e.g. Jean Dupont EI":
        "votre nom et EI, par ex. Jean Dupont EI",
    "trade name (optional)":
        "nom commercial (facultatif)",
    "SIRET (14 digits) or SIREN (9)":
        "SIRET (14\u00a0chiffres) ou SIREN (9)",
    "postal address, e.g. 3 rue de l'Église, 54230 Chaligny":
        "adresse postale, par ex. 3 rue de l'Église, 54230 Chaligny",
    "Your identity on receipts":
        "Votre identité sur les relevés",
    "Receipts state who did the work: fill in what is missing. It is saved in the [technician] "
    "section of config.toml.":
        "Les relevés indiquent qui a fait le travail\u202f: complétez ce qui manque. C'est "
        "enregistré dans la section [technician] de config.toml.",
    "Save":
        "Enregistrer",
    "type a name, a town, an e-mail or a phone number":
        "tapez un nom, une ville, un e-mail ou un numéro de téléphone",
    "No client chosen yet (ctrl+n: a new client).":
        "Aucun client choisi (ctrl+n\u202f: un nouveau client).",
    "… {count} more: type more letters":
        "… {count} de plus\u202f: tapez plus de lettres",
    "Cannot read {path}: {problem}":
        "Impossible de lire {path}\u202f: {problem}",
    "your name followed by \"EI\" (entrepreneur individuel), as your documents must state it: "
    "e.g. \"{name} EI\"":
        "votre nom suivi de «\u00a0EI\u00a0» (entrepreneur individuel), comme vos documents "
        "doivent l'indiquer\u202f: par ex. «\u00a0{name} EI\u00a0»",
    "{path} written (readable by you only).":
        "{path} écrit (lisible par vous seul).",
    "Receipts will state: {name}, SIRET {siret}, {address}.":
        "Les relevés indiqueront\u202f: {name}, SIRET {siret}, {address}.",
    "New sessions follow the terms {policy}.":
        "Les nouvelles interventions suivent les conditions {policy}.",
    "the settings file config.toml":
        "le fichier de réglages config.toml",
    "write your identity (as receipts state it) and your default terms into config.toml":
        "écrire votre identité (telle que les relevés l'indiquent) et vos conditions par "
        "défaut dans config.toml",
    "your name followed by EI, e.g. \"Jean Dupont EI\"":
        "votre nom suivi de EI, par ex. «\u00a0Jean Dupont EI\u00a0»",
    "your trade name, if any":
        "votre nom commercial, s'il y en a un",
    "your SIRET (14 digits) or SIREN (9 digits)":
        "votre SIRET (14\u00a0chiffres) ou SIREN (9\u00a0chiffres)",
    "your postal address":
        "votre adresse postale",
    "your e-mail address":
        "votre adresse e-mail",
    "your phone number":
        "votre numéro de téléphone",
    "the terms of new sessions (sessiond policy list shows them)":
        "les conditions des nouvelles interventions (sessiond policy list les montre)",
    "the language of the screens and documents":
        "la langue des écrans et des documents",
    "ask nothing: take the options as given (for scripts)":
        "ne rien demander\u202f: prendre les options telles quelles (pour les scripts)",
    "ask even when the input is not a terminal":
        "demander même quand l'entrée n'est pas un terminal",
    "Input ended before every question was answered: nothing was written.":
        "L'entrée s'est terminée avant la réponse à toutes les questions\u202f: rien n'a été "
        "écrit.",
    "Your name followed by EI (e.g. Jean Dupont EI)":
        "Votre nom suivi de EI (par ex. Jean Dupont EI)",
    "Trade name (Enter: none)":
        "Nom commercial (Entrée\u202f: aucun)",
    "SIRET (14 digits) or SIREN (9 digits)":
        "SIRET (14\u00a0chiffres) ou SIREN (9\u00a0chiffres)",
    "Postal address (one line)":
        "Adresse postale (une ligne)",
    "E-mail (Enter: none)":
        "E-mail (Entrée\u202f: aucun)",
    "Phone (Enter: none)":
        "Téléphone (Entrée\u202f: aucun)",
    "Your identity is not complete, nothing was written: {what}.":
        "Votre identité n'est pas complète, rien n'a été écrit\u202f: {what}.",
    "Terms available: {ids}":
        "Conditions disponibles\u202f: {ids}",
    "Terms of your new sessions":
        "Conditions de vos nouvelles interventions",
    "first intervention for a new client":
        "première intervention d'un nouveau client",
    "Consent before access":
        "Consentement avant l'accès",
    "Quote signed before the start":
        "Devis signé avant le début",
    "Request to start within the withdrawal period":
        "Demande de commencer pendant le délai de rétractation",
    "Sensitive documents closed":
        "Documents sensibles fermés",
    "Backup offered":
        "Sauvegarde proposée",
    "Payment before the start":
        "Paiement avant le début",
    "Supported system":
        "Système pris en charge",
    "Territory served":
        "Zone desservie",
    "Intervention within the promised delay": "Intervention dans le délai promis",
    "The intervention began on {start}, before the support ticket was opened ({ticket}): "
    "the terms have it follow the ticket and the proposal the client confirmed; correct the "
    "instant that is wrong (sessiond amend, or session new --ticket-at).":
        "L'intervention a commencé le {start}, avant l'ouverture du ticket de support "
        "({ticket})\u202f: les conditions la font suivre le ticket et la proposition que le "
        "client a confirmée\u202f; corrigez l'instant erroné (sessiond amend, ou session new "
        "--ticket-at).",
    "The intervention began on {start}, {late} after the support ticket was opened "
    "({ticket}); the terms promise it within {limit}.":
        "L'intervention a commencé le {start}, {late} après l'ouverture du ticket de "
        "support ({ticket})\u202f; les conditions la promettent sous {limit}.",
    "when the client opened the support ticket":
        "quand le client a ouvert le ticket de support",
    "Kind of intervention offered": "Type d'intervention prévu",
    "Kind of client":
        "Catégorie de client",
    "Copies at the client's request":
        "Copies à la demande du client",
    "No secret in the notes":
        "Aucun secret dans les notes",
    "Accepted payment method":
        "Moyen de paiement accepté",
    "A payment is not acceptance":
        "Un paiement ne vaut pas acceptation",
    "Disconnection":
        "Déconnexion",
    "Receipt given":
        "Relevé remis",
    "Receipt up to date":
        "Relevé à jour",
    "No access before consent":
        "Aucun accès avant le consentement",
    "No access after the stop":
        "Aucun accès après l'arrêt",
    "Billed within the connection":
        "Facturé dans la durée de connexion",
    "Connection to the client's computer":
        "Connexion à l'ordinateur du client",
    "Consistent clocks":
        "Horloges cohérentes",
    "One session at a time":
        "Une intervention à la fois",
    "Readable terms":
        "Conditions lisibles",
    "Session with {client}: in {minutes} min, next tranche, +{length} / +{amount}":
        "Intervention de {client}\u202f: dans {minutes}\u00a0min, tranche suivante, +{length} "
        "/ +{amount}",
    "{number!r} is not a valid SIREN (9 digits) or SIRET (14 digits): its last digit is a "
    "check digit; copy it again from the client's invoice or Kbis.":
        "{number!r} n'est pas un SIREN (9\u00a0chiffres) ni un SIRET (14\u00a0chiffres) "
        "valide\u202f: son dernier chiffre est une clé de contrôle\u202f; recopiez-le depuis "
        "une facture ou le Kbis du client.",
    "Discount for the {name}: {percent} % (art. {article})":
        "Remise pour la {name}\u202f: {percent}\u202f% (art. {article})",
    "{fee}: {how} (art. {article})":
        "{fee}\u202f: {how} (art. {article})",
    "the client's e-mail address":
        "l'adresse e-mail du client",
    "the client's phone number":
        "le numéro de téléphone du client",
    "the client's postal address":
        "l'adresse postale du client",
    "a business client's SIREN or SIRET (its check digit is checked)":
        "le SIREN ou SIRET d'un client professionnel (sa clé de contrôle est vérifiée)",
    # --- hostile input, faults, keys, backups (issue 11) ---------------------------------
    "System error on {path}: {problem}.": "Erreur système sur {path} : {problem}.",
    "Some text is not valid UTF-8 ({problem}): sessiond reads and writes UTF-8 only.":
        "Un texte n'est pas en UTF-8 valide ({problem}) : sessiond ne lit et n'écrit que de "
        "l'UTF-8.",
    "Out of memory: close other programs and try again; nothing was written.":
        "Mémoire insuffisante : fermez d'autres programmes et réessayez ; rien n'a été écrit.",
    "The disk is full ({path}): nothing was written. Free some space and run the command again.":
        "Le disque est plein ({path}) : rien n'a été écrit. Libérez de la place et relancez la "
        "commande.",
    "{path} is on a read-only file system: nothing was written. Commands that only read "
    "(status, log, verify) still work.":
        "{path} est sur un système de fichiers en lecture seule : rien n'a été écrit. Les "
        "commandes qui ne font que lire (status, log, verify) fonctionnent toujours.",
    "Permission denied: {path}. Check who owns the data directory (sessiond doctor).":
        "Permission refusée : {path}. Vérifiez à qui appartient le répertoire des données "
        "(sessiond doctor).",
    "A file name is too long: {path}.": "Un nom de fichier est trop long : {path}.",
    "Input/output error on {path}: the disk may be failing. Make a backup (sessiond backup "
    "DIR) and check the disk.":
        "Erreur d'entrée-sortie sur {path} : le disque est peut-être défaillant. Faites une "
        "sauvegarde (sessiond backup DOSSIER) et vérifiez le disque.",
    "The disk holding the database is full: nothing was written. Free some space and run the "
    "command again.":
        "Le disque de la base de données est plein : rien n'a été écrit. Libérez de la place "
        "et relancez la commande.",
    "The database is read-only here (read-only directory or file system): nothing was written. "
    "Commands that only read (status, log, verify) still work.":
        "La base de données est ici en lecture seule (répertoire ou système de fichiers en "
        "lecture seule) : rien n'a été écrit. Les commandes qui ne font que lire (status, log, "
        "verify) fonctionnent toujours.",
    "The database stayed locked by another sessiond process; nothing was written. Run the "
    "command again.":
        "La base de données est restée verrouillée par un autre processus sessiond ; rien n'a "
        "été écrit. Relancez la commande.",
    "Cannot open the database: check that the data directory exists and is yours (sessiond "
    "doctor).":
        "Impossible d'ouvrir la base de données : vérifiez que le répertoire des données "
        "existe et vous appartient (sessiond doctor).",
    "Input/output error on the database: the disk may be failing. Make a backup (sessiond "
    "backup DIR) and check the disk.":
        "Erreur d'entrée-sortie sur la base de données : le disque est peut-être défaillant. "
        "Faites une sauvegarde (sessiond backup DOSSIER) et vérifiez le disque.",
    "The database is damaged ({problem}): nothing was written. Run sessiond verify for "
    "details, then restore it from a backup (sessiond restore DIR).":
        "La base de données est endommagée ({problem}) : rien n'a été écrit. Lancez sessiond "
        "verify pour le détail, puis restaurez-la depuis une sauvegarde (sessiond restore "
        "DOSSIER).",
    "{path} is not a regular file (a directory, a pipe or a device): give the file itself.":
        "{path} n'est pas un fichier ordinaire (un répertoire, un tube ou un périphérique) : "
        "donnez le fichier lui-même.",
    "{path} is not a file (a directory, a pipe or a device) where sessiond keeps its log: "
    "put the log back, or restore it from a backup (sessiond restore DIR).":
        "{path} n'est pas un fichier (un répertoire, un tube ou un périphérique) là où "
        "sessiond garde son journal\u202f: remettez le journal en place, ou restaurez-le "
        "depuis une sauvegarde (sessiond restore DOSSIER).",
    "The log fails verification ({problem}), so this command cannot read it: run sessiond "
    "verify for the details, then restore it from a backup (sessiond restore DIR).":
        "Le journal échoue à la vérification ({problem}), cette commande ne peut donc pas le "
        "lire\u202f: lancez sessiond verify pour le détail, puis restaurez-le depuis une "
        "sauvegarde (sessiond restore DOSSIER).",
    "The personal fields of event #{seq} do not open with the client's key: the log was "
    "edited behind sessiond's back. Restore it from a backup (sessiond restore DIR).":
        "Les données personnelles de l'événement n°\u00a0{seq} ne s'ouvrent pas avec la clé "
        "du client\u202f: le journal a été modifié à l'insu de sessiond. Restaurez-le depuis "
        "une sauvegarde (sessiond restore DOSSIER).",
    "{path} is a link or no regular file where sessiond keeps a lock: remove it (sessiond "
    "makes it again).":
        "{path} est un lien ou n'est pas un fichier ordinaire, là où sessiond garde un "
        "verrou\u202f: supprimez-le (sessiond le recrée).",
    "{path} is too large ({size}; at most {limit}): it is not a file sessiond wrote.":
        "{path} est trop gros ({size}\u202f; au plus {limit})\u202f: ce n'est pas un fichier "
        "écrit par sessiond.",
    "{path} is too large (at most {limit}): it is not a file sessiond wrote.":
        "{path} est trop gros (au plus {limit})\u202f: ce n'est pas un fichier écrit par "
        "sessiond.",
    "{n} MB": "{n}\u00a0Mo",
    "{n} kB": "{n}\u00a0ko",
    "{path} already exists and is not an empty directory: give a new directory for the backup.":
        "{path} existe déjà et n'est pas un répertoire vide : donnez un nouveau répertoire "
        "pour la sauvegarde.",
    "{path} is not a sessiond backup (no such directory).":
        "{path} n'est pas une sauvegarde sessiond (ce répertoire n'existe pas).",
    "{field} must be one line of visible characters, without a line break, a tab or an "
    "invisible character: {value}":
        "{field} doit tenir sur une ligne de caractères visibles, sans saut de ligne, "
        "tabulation ni caractère invisible\u202f: {value}",
    "the manifest says {events} events and {checkpoints} checkpoints, the database holds "
    "{held_events} and {held_checkpoints}":
        "le manifeste annonce {events} événements et {checkpoints} points de contrôle, la "
        "base en contient {held_events} et {held_checkpoints}",
    "the manifest's key id is not the one of its public key":
        "l'identifiant de clé du manifeste n'est pas celui de sa clé publique",
    "the manifest holds no date of the backup":
        "le manifeste ne porte pas de date de sauvegarde",
    "{path} is not a sessiond backup: it is not a directory (give the directory sessiond "
    "backup wrote).":
        "{path} n'est pas une sauvegarde sessiond : ce n'est pas un répertoire (donnez le "
        "répertoire écrit par sessiond backup).",
    "{path} is not a sessiond backup: it has no {name}.":
        "{path} n'est pas une sauvegarde sessiond : il n'y a pas de {name}.",
    "{path}: {name} is not a sessiond backup manifest.":
        "{path} : {name} n'est pas le sommaire d'une sauvegarde sessiond.",
    "The backup {path} fails its check ({problem}): nothing was restored.":
        "La sauvegarde {path} échoue à la vérification ({problem}) : rien n'a été restauré.",
    "The log in {path} differs from the backup ({state}): add --force to set it aside and "
    "restore the backup's.":
        "Le journal de {path} diffère de la sauvegarde ({state}) : ajoutez --force pour le "
        "mettre de côté et restaurer celui de la sauvegarde.",
    "{path}: {name} is damaged.": "{path} : {name} est endommagé.",
    "the manifest lists no database or no keys":
        "le sommaire ne mentionne pas de base de données ou pas de clés",
    "{path} differs from the backup's key and the log here depends on it: nothing was restored "
    "(add --force to set it aside).":
        "{path} diffère de la clé de la sauvegarde et le journal d'ici en dépend : rien n'a "
        "été restauré (ajoutez --force pour la mettre de côté).",
    "The log fails verification ({problem}): a backup would carry the damage. Run sessiond "
    "verify; restore an earlier backup instead.":
        "Le journal échoue à la vérification ({problem}) : une sauvegarde en garderait le "
        "dommage. Lancez sessiond verify ; restaurez plutôt une sauvegarde antérieure.",
    "{file} is missing": "{file} manque",
    "{path} is one of sessiond's own files (the log, its keys or its settings live there): "
    "choose another place with --out, e.g. a folder of its own.":
        "{path} est l'un des fichiers propres à sessiond (le journal, ses clés ou ses "
        "réglages s'y trouvent)\u202f: choisissez un autre endroit avec --out, par "
        "exemple un dossier à part.",
    'an amount in euros and cents (at most two decimals), e.g. "55.50"':
        'un montant en euros et centimes (deux décimales au plus), par ex. "55.50"',
    "{file} is a symbolic link or not a regular file: a backup holds only its own files":
        "{file} est un lien symbolique ou n'est pas un fichier ordinaire\u202f: une "
        "sauvegarde ne contient que ses propres fichiers",
    "the manifest lists {file}, a file sessiond never puts in a backup":
        "le sommaire mentionne {file}, un fichier que sessiond ne met jamais dans une "
        "sauvegarde",
    "the sealed keys are not the ones the manifest lists":
        "les clés scellées ne sont pas celles que mentionne le sommaire",
    "The backup's config.toml is refused ({problem}): it was restored as {file}. Fix it, "
    "then rename it config.toml.":
        "Le config.toml de la sauvegarde est refusé ({problem})\u202f: il a été restauré "
        "sous le nom {file}. Corrigez-le, puis renommez-le config.toml.",
    "the manifest holds no public key": "le sommaire ne contient pas de clé publique",
    "the database does not end where the manifest says":
        "la base de données ne s'arrête pas là où le dit le sommaire",
    "{file} differs from when the backup was made": "{file} a changé depuis la sauvegarde",
    "the sealed signing key is not the one of the manifest":
        "la clé de signature scellée n'est pas celle du sommaire",
    "it does not hold the backup's last event":
        "il ne contient pas le dernier événement de la sauvegarde",
    "it is older": "il est plus ancien",
    "{path} is not a directory: set SESSIOND_HOME to a directory of sessiond's own.":
        "{path} n'est pas un répertoire : faites pointer SESSIOND_HOME vers un répertoire "
        "propre à sessiond.",
    "{path} belongs to another user (uid {uid}): sessiond keeps its log and keys only in a "
    "directory of yours. Set SESSIOND_HOME to one.":
        "{path} appartient à un autre utilisateur (uid {uid}) : sessiond ne garde son journal "
        "et ses clés que dans un répertoire à vous. Faites pointer SESSIOND_HOME vers l'un "
        "d'eux.",
    "{path} can be read or written by other users (mode {mode}) and sessiond will not change "
    "the mode of a directory it does not own alone: set SESSIOND_HOME to a directory of "
    "sessiond's own, or make this one private (chmod 700 {path}).":
        "{path} peut être lu ou écrit par d'autres utilisateurs (mode {mode}) et sessiond ne "
        "change pas les droits d'un répertoire qui n'est pas le sien seul : faites pointer "
        "SESSIOND_HOME vers un répertoire propre à sessiond, ou rendez celui-ci privé (chmod "
        "700 {path}).",
    "1 to 366 backups": "de 1 à 366 sauvegardes",
    "the file holding the secret that seals the keys of each backup (needed with "
    "backup.directory)":
        "le fichier qui contient le secret scellant les clés de chaque sauvegarde (nécessaire "
        "avec backup.directory)",
    "{path} is not UTF-8 text (byte {position}): save it as UTF-8.":
        "{path} n'est pas un texte UTF-8 (octet {position}) : enregistrez-le en UTF-8.",
    "the log was not read: it does not hold sessiond's tables as sessiond makes them "
    "({tables}), and a view or a table of other columns in their place could make reading "
    "it never end":
        "le journal n'a pas été lu : il ne contient pas les tables de sessiond telles que "
        "sessiond les crée ({tables}), et une vue ou une table d'autres colonnes à leur place "
        "pourrait rendre sa lecture sans fin",
    "{path}: {n} more problems, not shown: mend these, then run sessiond policy lint again.":
        "{path} : {n} autres problèmes, non montrés : corrigez ceux-ci, puis lancez "
        "à nouveau sessiond policy lint.",
    "{path}: values are nested too deeply.":
        "{path} : les valeurs sont imbriquées trop profondément.",
    "{path}: a key of more than {limit} parts (line {line}): sessiond's keys have three at "
    "most.":
        "{path} : une clé de plus de {limit} parties (ligne {line}) : celles de "
        "sessiond en ont trois au plus.",
    "a whole number far too long (TOML's have 19 digits at most)":
        "un nombre entier bien trop long (ceux de TOML ont 19\u00a0chiffres au plus)",
    "The day {day} is out of range: give a day from {first} to {last}.":
        "Le jour {day} est hors limites : donnez un jour entre le {first} et le {last}.",
    "Put the original file back (from your backup: sessiond restore DIR); sessiond never makes "
    "a new key for a log that already depends on one.":
        "Remettez le fichier d'origine (depuis votre sauvegarde : sessiond restore DOSSIER) ; "
        "sessiond ne crée jamais de nouvelle clé pour un journal qui dépend déjà d'une clé.",
    "The backup passphrase is too short: give at least {count} characters.":
        "La phrase secrète de la sauvegarde est trop courte\u202f: donnez au moins "
        "{count}\u00a0caractères.",
    "The sealed keys of the backup are damaged.":
        "Les clés scellées de la sauvegarde sont endommagées.",
    "The key {path} is damaged: {size} bytes instead of {expected}. {hint}":
        "La clé {path} est endommagée\u202f: {size}\u00a0octets au lieu de {expected}. {hint}",
    "The key {path} is missing, and the log depends on it (sealed client data or signed "
    "checkpoints). {hint}":
        "La clé {path} manque, et le journal en dépend (données de clients scellées ou points "
        "de contrôle signés). {hint}",
    "The key {path} is missing; this command only reads and creates nothing. {hint}":
        "La clé {path} manque ; cette commande ne fait que lire et ne crée rien. {hint}",
    "The key {path} is not the one that signed this log (key {expected}; this file holds key "
    "{found}). {hint}":
        "La clé {path} n'est pas celle qui a signé ce journal (clé {expected} ; ce fichier "
        "contient la clé {found}). {hint}",
    "The key {path} does not open this log's client keys: it is not the key the log was "
    "written with. {hint}":
        "La clé {path} n'ouvre pas les clés des clients de ce journal : ce n'est pas la clé "
        "avec laquelle il a été écrit. {hint}",
    "Wrong backup passphrase (or key file): the keys cannot be opened.":
        "Phrase secrète (ou fichier de clé) de la sauvegarde incorrecte : les clés ne "
        "s'ouvrent pas.",
    "Cannot read the key {path}: {problem}. {hint}":
        "Impossible de lire la clé {path} : {problem}. {hint}",
    "The data key of client {client} cannot be opened: the database is damaged there. Run "
    "sessiond verify, then restore from a backup (sessiond restore DIR).":
        "La clé des données du client {client} ne s'ouvre pas : la base de données est "
        "endommagée à cet endroit. Lancez sessiond verify, puis restaurez une sauvegarde "
        "(sessiond restore DOSSIER).",
    "{path} was written by a newer sessiond (schema {version}); this one knows schema {known}: "
    "upgrade sessiond.":
        "{path} a été écrit par un sessiond plus récent (schéma {version}) ; celui-ci connaît "
        "le schéma {known} : mettez sessiond à jour.",
    "{path}: the database cannot be used ({problem}).":
        "{path} : la base de données est inutilisable ({problem}).",
    "event #{seq} does not hash right": "l'empreinte de l'événement n°\u00a0{seq} est fausse",
    "event #{seq} does not follow the one before":
        "l'événement n°\u00a0{seq} ne suit pas le précédent",
    "{type} {name} is missing": "{type} {name} manque",
    "{type} {name} is not one sessiond made": "{type} {name} n'est pas celui que sessiond a créé",
    "There is no log at {path}.": "Il n'y a pas de journal à {path}.",
    "{path} was written by an older sessiond (schema {version}) and a command that only reads "
    "cannot upgrade it: run a command that writes where the file can be written, or verify an "
    "upgraded copy.":
        "{path} a été écrit par un sessiond plus ancien (schéma {version}) et une commande qui "
        "ne fait que lire ne peut pas le mettre à jour : lancez une commande qui écrit là où "
        "le fichier peut être écrit, ou vérifiez une copie mise à jour.",
    "{path} was opened read-only.": "{path} a été ouvert en lecture seule.",
    "{path} was found damaged ({problem}): sessiond writes nothing more into it. Restore it "
    "from a backup (sessiond restore DIR); sessiond verify lifts this once the log verifies.":
        "{path} a été trouvé endommagé ({problem}) : sessiond n'y écrit plus rien. "
        "Restaurez-le depuis une sauvegarde (sessiond restore DOSSIER) ; sessiond verify lève "
        "ce blocage dès que le journal est vérifié.",
    "{path}: {problem}. Nothing was written: run sessiond verify, then restore from a backup "
    "(sessiond restore DIR).":
        "{path} : {problem}. Rien n'a été écrit : lancez sessiond verify, puis restaurez une "
        "sauvegarde (sessiond restore DOSSIER).",
    "SQLite integrity check: {problem}": "contrôle d'intégrité SQLite : {problem}",
    "database schema: {problem}": "schéma de la base : {problem}",
    "the log cannot be read to its end ({problem})":
        "le journal ne peut pas être lu jusqu'au bout ({problem})",
    "the keys of the sealed data cannot be read ({problem})":
        "les clés des données scellées ne peuvent pas être lues ({problem})",
    "the data key of client {client} does not open under the master key (damaged, or another "
    "master key)":
        "la clé des données du client {client} ne s'ouvre pas avec la clé maîtresse "
        "(endommagée, ou autre clé maîtresse)",
    "the key of the text {field} of event #{seq} does not open (damaged)":
        "la clé du texte {field} de l'événement n°\u00a0{seq} ne s'ouvre pas (endommagée)",
    "internal error ({kind}: {problem}). Please report it; SESSIOND_DEBUG=1 shows the details.":
        "erreur interne ({kind} : {problem}). Merci de la signaler ; SESSIOND_DEBUG=1 en "
        "montre le détail.",
    "Argument {number} ({shown}) is not valid UTF-8 text: set the terminal to UTF-8 and type "
    "it again.":
        "L'argument {number} ({shown}) n'est pas un texte UTF-8 valide : réglez le terminal en "
        "UTF-8 et tapez-le de nouveau.",
    "The backup's keys are sealed under a secret: give --passphrase-file FILE, or set {env}.":
        "Les clés de la sauvegarde sont scellées sous un secret : donnez --passphrase-file "
        "FICHIER, ou définissez {env}.",
    "Backup written to {path}: {events} up to #{seq}, keys sealed (key {fingerprint}). Check "
    "it with: sessiond verify --backup {path}":
        "Sauvegarde écrite dans {path}\u202f: {events} jusqu'au n°\u00a0{seq}, clés scellées (clé "
        "{fingerprint}). Vérifiez-la avec : sessiond verify --backup {path}",
    "keys opened with the secret": "clés ouvertes avec le secret",
    "keys not opened (no secret given)": "clés non ouvertes (aucun secret donné)",
    "Backup {path} intact: {events} and {checkpoints} verified; {keys}.":
        "Sauvegarde {path} intacte : {events} et {checkpoints} vérifiés ; {keys}.",
    "Restored from {path}: keys {keys}; log {state}; settings {settings}.":
        "Restauré depuis {path} : clés {keys} ; journal {state} ; réglages {settings}.",
    "Set aside: {path}": "Mis de côté : {path}",
    "copy the log, the keys (sealed under a passphrase) and the settings into a new directory":
        "copier le journal, les clés (scellées sous une phrase secrète) et les réglages dans "
        "un nouveau répertoire",
    "a new (or empty) directory": "un répertoire nouveau (ou vide)",
    "bring back the keys, the log and the settings from a backup":
        "rétablir les clés, le journal et les réglages depuis une sauvegarde",
    "a directory made by sessiond backup": "un répertoire créé par sessiond backup",
    "also replace a log or keys that differ from the backup's (they are set aside, never "
    "deleted)":
        "remplacer aussi un journal ou des clés qui diffèrent de ceux de la sauvegarde (ils "
        "sont mis de côté, jamais supprimés)",
    "check the data directory, the keys, the database, the display, fonts, units, free space "
    "and backups; say what to do":
        "vérifier le répertoire des données, les clés, la base de données, l'affichage, les "
        "polices, les unités, la place libre et les sauvegardes ; dire quoi faire",
    "a file holding the backup's secret (default: {env}, or a prompt)":
        "un fichier contenant le secret de la sauvegarde (par défaut : {env}, ou une saisie)",
    "check a backup instead of the log: its files, database, chain and, with its secret, its "
    "keys":
        "vérifier une sauvegarde plutôt que le journal : ses fichiers, sa base, sa chaîne et, "
        "avec son secret, ses clés",
    "Backup passphrase: ": "Phrase secrète de la sauvegarde : ",
    "Again: ": "Encore une fois : ",
    "The two passphrases differ: nothing was written.":
        "Les deux phrases secrètes diffèrent : rien n'a été écrit.",
    "The daemon or the terminal interface is running on this data: stop them (systemctl --user "
    "stop sessiond; quit the TUI) and run the restore again.":
        "Le démon ou l'interface du terminal tourne sur ces données : arrêtez-les (systemctl "
        "--user stop sessiond ; quittez l'interface) et relancez la restauration.",
    "restored": "restauré",
    "replaced (the old one set aside)": "remplacé (l'ancien mis de côté)",
    "kept (it already holds everything in the backup)":
        "conservé (il contient déjà tout ce que contient la sauvegarde)",
    "Log intact: {events} and {checkpoints} verified.":
        "Journal intact : {events} et {checkpoints} vérifiés.",
    "The log FAILED verification after the restore: {problem}":
        "Le journal a ÉCHOUÉ à la vérification après la restauration : {problem}",
    "No problem found.": "Aucun problème trouvé.",
    "Problems found: {count}.": "Problèmes trouvés : {count}.",
    "The backup {path} FAILED verification:": "La sauvegarde {path} a ÉCHOUÉ à la vérification :",
    "already in place": "déjà en place",
    "{n} event": "{n} événement",
    "{n} events": "{n} événements",
    "{n} checkpoint": "{n} point de contrôle",
    "{n} checkpoints": "{n} points de contrôle",
    "Data directory": "Répertoire des données",
    "Configuration": "Configuration",
    "Database": "Base de données",
    "Run sessiond verify for the details, then restore the last good backup: sessiond restore "
    "DIR.":
        "Lancez sessiond verify pour le détail, puis restaurez la dernière bonne sauvegarde : "
        "sessiond restore DOSSIER.",
    "Signing and master keys": "Clés de signature et maîtresse",
    "Put the original key back from your backup: sessiond restore DIR. sessiond never makes a "
    "new key for a log that depends on one; until then the commands that need it refuse.":
        "Remettez la clé d'origine depuis votre sauvegarde : sessiond restore DOSSIER. "
        "sessiond ne crée jamais de nouvelle clé pour un journal qui dépend d'une clé ; d'ici "
        "là, les commandes qui en ont besoin refusent.",
    "Log": "Journal",
    "Display": "Affichage",
    "Fonts for PDFs": "Polices des PDF",
    "systemd units": "Unités systemd",
    "Free space": "Place libre",
    "{free} MB free on {path}": "{free} Mo libres sur {path}",
    "Backups": "Sauvegardes",
    "Daemon": "Démon",
    "{path}: yours, private": "{path} : à vous, privé",
    "chain and signatures verified: {events}, {checkpoints}":
        "chaîne et signatures vérifiées : {events}, {checkpoints}",
    "Under Wayland, global hotkeys and idle detection need an X11 session; choose \"GNOME on "
    "Xorg\" (or similar) at login, or use the TUI's keys.":
        "Sous Wayland, les raccourcis globaux et la détection d'inactivité demandent une "
        "session X11 ; choisissez « GNOME sur Xorg » (ou équivalent) à la connexion, ou "
        "utilisez les touches de l'interface.",
    "Run the daemon inside your graphical session (systemctl --user import-environment DISPLAY "
    "XAUTHORITY).":
        "Lancez le démon dans votre session graphique (systemctl --user import-environment "
        "DISPLAY XAUTHORITY).",
    "running (pid {pid})": "en marche (pid {pid})",
    "{path} does not exist yet: it is created (0700) at first use":
        "{path} n'existe pas encore : il est créé (0700) à la première utilisation",
    "Only you should read the log and keys: chmod 700 on the directories and chmod 600 on the "
    "files (or chown them to yourself).":
        "Vous seul devez pouvoir lire le journal et les clés : chmod 700 sur les répertoires "
        "et chmod 600 sur les fichiers (ou chown pour vous les attribuer).",
    "marked damaged: {problem}": "marqué endommagé : {problem}",
    "SQLite integrity check passed ({size} MB)": "contrôle d'intégrité SQLite réussi ({size} Mo)",
    "{name} is missing, and the log's checkpoints are signed with it":
        "{name} manque, et les points de contrôle du journal sont signés avec",
    "{name} is missing, and the log's client data is sealed under it":
        "{name} manque, et les données des clients du journal sont scellées avec",
    "both present and those of the log": "toutes deux présentes et celles du journal",
    "X display {display}: global hotkeys and idle detection available":
        "affichage X {display} : raccourcis globaux et détection d'inactivité disponibles",
    "no TrueType font found: PDFs use the core fonts (no € sign, no narrow no-break space)":
        "aucune police TrueType trouvée : les PDF utilisent les polices de base (sans signe €, "
        "sans espace fine insécable)",
    "Install DejaVu: sudo apt install fonts-dejavu-core.":
        "Installez DejaVu : sudo apt install fonts-dejavu-core.",
    "not installed: {names}": "non installées : {names}",
    "sessiond systemd install, then systemctl --user enable --now sessiond.service":
        "sessiond systemd install, puis systemctl --user enable --now sessiond.service",
    "others can write {names}": "d'autres peuvent écrire {names}",
    "sessiond systemd install --force (writes them 0644).":
        "sessiond systemd install --force (les écrit en 0644).",
    "differ from what sessiond would write: {names}":
        "diffèrent de ce qu'écrirait sessiond : {names}",
    "sessiond systemd install --force, if you did not change them on purpose.":
        "sessiond systemd install --force, si vous ne les avez pas modifiées exprès.",
    "Free some space: with a full disk nothing can be recorded.":
        "Libérez de la place : disque plein, rien ne peut être enregistré.",
    "Free some space soon.": "Libérez bientôt de la place.",
    "no daily backup configured": "aucune sauvegarde quotidienne configurée",
    "Set directory and key_file under [backup] in config.toml (the daemon then makes one a "
    "day), or run sessiond backup DIR regularly onto another disk.":
        "Renseignez directory et key_file sous [backup] dans config.toml (le démon en fait "
        "alors une par jour), ou lancez régulièrement sessiond backup DOSSIER vers un autre "
        "disque.",
    "the key file {path} is missing": "le fichier de clé {path} manque",
    "Create it (e.g. head -c 32 /dev/urandom > FILE) and keep a copy elsewhere: without it no "
    "backup can be restored.":
        "Créez-le (par ex. head -c 32 /dev/urandom > FICHIER) et gardez-en une copie "
        "ailleurs : sans lui, aucune sauvegarde ne peut être restaurée.",
    "no backup in {path} yet": "pas encore de sauvegarde dans {path}",
    "The daemon makes one a day; or run sessiond backup DIR now.":
        "Le démon en fait une par jour ; ou lancez sessiond backup DOSSIER maintenant.",
    "the latest backup is {n} day old": "la dernière sauvegarde date de {n}\u00a0jour",
    "the latest backup is {n} days old": "la dernière sauvegarde date de {n}\u00a0jours",
    "Is the daemon running? sessiond daemon status":
        "Le démon tourne-t-il ? sessiond daemon status",
    "not running: no reminders, hotkeys, daily export or backup":
        "arrêté : ni rappels, ni raccourcis, ni export ou sauvegarde quotidiens",
    "systemctl --user enable --now sessiond.service (after sessiond systemd install)":
        "systemctl --user enable --now sessiond.service (après sessiond systemd install)",
    "{path} belongs to uid {uid}": "{path} appartient à l'uid {uid}",
    "no {path}": "pas de {path}",
    "Receipts need your identity: sessiond config init.":
        "Les relevés ont besoin de votre identité : sessiond config init.",
    "no log yet": "pas encore de journal",
    "{name} is not the key that signed the log": "{name} n'est pas la clé qui a signé le journal",
    "{names}: created at first use": "{names} : créée à la première utilisation",
    "Reinstall sessiond: pip install sessiond.": "Réinstallez sessiond : pip install sessiond.",
    "not verified (see above)": "non vérifié (voir plus haut)",
    "{path} has mode {mode} (others can look in)":
        "{path} a le mode {mode} (d'autres peuvent y regarder)",
    "{path} has mode {mode}": "{path} a le mode {mode}",
    "Fix the line named in {path}.": "Corrigez la ligne indiquée dans {path}.",
    "not compared with the log (see above)": "non comparées au journal (voir plus haut)",
    "{name} does not open the log's client keys":
        "{name} n'ouvre pas les clés des clients du journal",
    "{id!r} is not a policy id (lower-case letters, digits and dashes, at most 63). See "
    "sessiond policy list.":
        "{id!r} n'est pas un identifiant de politique (minuscules, chiffres et tirets, 63 au "
        "plus). Voir sessiond policy list.",
    "Daily backup failed: {problem}": "La sauvegarde quotidienne a échoué : {problem}",
    "Argument {number} holds a NUL character: no file name or text may.":
        "L'argument {number} contient un caractère NUL : aucun nom de fichier ni texte "
        "ne le peut.",
    "{path}: the events table holds text that is not UTF-8: the database is damaged. Run "
    "sessiond verify, then restore from a backup (sessiond restore DIR).":
        "{path} : la table des événements contient du texte qui n'est pas en UTF-8 : la "
        "base de données est endommagée. Lancez sessiond verify, puis restaurez une "
        "sauvegarde (sessiond restore DOSSIER).",
    "The backup holds signed checkpoints but no signing key.":
        "La sauvegarde contient des points de contrôle signés mais aucune clé de signature.",
    # --- invoices and credit notes (issue 15) -----------------------------------------
    "invoice event #{seq} has no readable number":
        "l'événement de facture n°\u00a0{seq} n'a pas de numéro lisible",
    "invoice event #{seq} prints {number}, not the number of its place in the series "
    "({expected})":
        "l'événement de facture n°\u00a0{seq} porte le numéro {number}, pas celui de sa place dans "
        "la série ({expected})",
    "invoice {number} (#{seq}) of {year} comes after a document of {later}: the series is "
    "not chronological":
        "la facture {number} (n°\u00a0{seq}) de {year} vient après un document de {later}\u202f: "
        "la "
        "série n'est pas chronologique",
    "number {serial} of the invoice series of {year} is used again by {number} (#{seq})":
        "le numéro {serial} de la série de factures de {year} est réutilisé par {number} "
        "(n°\u00a0{seq})",
    "the invoice series of {year} has a gap: numbers {first} to {last} are missing before "
    "{number} (#{seq})":
        "la série de factures de {year} a un trou\u202f: les numéros {first} à {last} manquent "
        "avant {number} (n°\u00a0{seq})",
    "--client needs the period: --from DATE [--to DATE].":
        "--client demande la période\u202f: --from DATE [--to DATE].",
    "--from and --to go with --client CLIENT.": "--from et --to vont avec --client CLIENT.",
    "--reason goes with cancel: sessiond invoice cancel NUMBER --reason TEXT.":
        "--reason va avec cancel\u202f: sessiond invoice cancel NUMÉRO --reason TEXTE.",
    "A credit note says why: --reason TEXT.": "Un avoir dit pourquoi\u202f: --reason TEXTE.",
    "Client {client} updated (event #{seq}).":
        "Client {client} mis à jour (événement n°\u00a0{seq}).",
    "Credit note {number} cancels invoice {invoice}: {total}.":
        "L'avoir {number} annule la facture {invoice}\u202f: {total}.",
    "Factur-X (EN 16931): the XML is embedded as factur-x.xml.":
        "Factur-X (EN 16931)\u202f: le XML est joint sous le nom factur-x.xml.",
    "Give sessions or --client with a period, not both.":
        "Indiquez des interventions ou --client avec une période, pas les deux.",
    "Invoice {number} for {sessions}: {total}.": "Facture {number} pour {sessions}\u202f: {total}.",
    "Name the invoice to cancel: sessiond invoice cancel NUMBER --reason TEXT.":
        "Indiquez la facture à annuler\u202f: sessiond invoice cancel NUMÉRO --reason TEXTE.",
    "No invoice yet.": "Aucune facture pour l'instant.",
    "cancelled by {number}": "annulée par {number}",
    "cancels {number}": "annule {number}",
    "first day of the period (with --client)": "premier jour de la période (avec --client)",
    "invoice this client's uninvoiced sessions of a period":
        "facturer les interventions non facturées de ce client sur une période",
    "issue the invoice of finished sessions (PDF, Factur-X for a business), or cancel one "
    "with a credit note":
        "émettre la facture d'interventions terminées (PDF, Factur-X pour un professionnel), ou "
        "en annuler une par un avoir",
    "last day of the period (default: today)":
        "dernier jour de la période (par défaut\u202f: aujourd'hui)",
    "sessiond invoice SESSION...; sessiond invoice --client CLIENT --from DATE --to DATE; "
    "sessiond invoice cancel NUMBER --reason TEXT; sessiond invoice list; sessiond invoice "
    "show NUMBER.":
        "sessiond invoice INTERVENTION...\u202f; sessiond invoice --client CLIENT --from DATE --to "
        "DATE\u202f; sessiond invoice cancel NUMÉRO --reason TEXTE\u202f; sessiond invoice "
        "list\u202f; sessiond invoice show NUMÉRO.",
    "sessiond invoice list takes no other argument.":
        "sessiond invoice list ne prend pas d'autre argument.",
    "sessions of one client; or cancel NUMBER; or list; or show NUMBER":
        "interventions d'un même client\u202f; ou cancel NUMÉRO\u202f; ou list\u202f; ou show "
        "NUMÉRO",
    "Name the invoice: sessiond invoice show NUMBER.":
        "Indiquez la facture\u202f: sessiond invoice show NUMÉRO.",
    "Invoice {number} can no longer be rebuilt as it was issued (its data digest differs): "
    "[technician], [invoice] or the policy changed since. Its event #{seq} still proves what "
    "was invoiced.":
        "La facture {number} ne peut plus être reconstituée telle qu'émise (l'empreinte de ses "
        "données diffère)\u202f: [technician], [invoice] ou la politique ont changé depuis. Son "
        "événement n°\u00a0{seq} prouve toujours ce qui a été facturé.",
    "Credit note {number} can no longer be rebuilt as it was issued (its data digest "
    "differs): [technician], [invoice] or the policy changed since. Its event #{seq} still "
    "proves what was credited.":
        "L'avoir {number} ne peut plus être reconstitué tel qu'émis (l'empreinte de ses "
        "données diffère)\u202f: [technician], [invoice] ou la politique ont changé depuis. Son "
        "événement n°\u00a0{seq} prouve toujours ce qui a été crédité.",
    "Credit note {number} is issued all the same (event #{seq}): do not issue it again, "
    "write its PDF elsewhere: sessiond invoice show {number} --out FOLDER.":
        "L'avoir {number} est pourtant émis (événement n°\u00a0{seq})\u202f: ne l'émettez pas "
        "de nouveau, écrivez son PDF ailleurs\u202f: sessiond invoice show {number} --out "
        "DOSSIER.",
    "Invoice {number} is issued all the same (event #{seq}): do not issue it again, write "
    "its PDF elsewhere: sessiond invoice show {number} --out FOLDER.":
        "La facture {number} est pourtant émise (événement n°\u00a0{seq})\u202f: ne l'émettez "
        "pas de nouveau, écrivez son PDF ailleurs\u202f: sessiond invoice show {number} --out "
        "DOSSIER.",
    "the PDF's path or directory (default: the current directory)":
        "chemin ou dossier du PDF (par défaut\u202f: le dossier courant)",
    "why the invoice is cancelled (cancel; kept sealed in the log)":
        "pourquoi la facture est annulée (cancel\u202f; gardé scellé dans le journal)",
    "record a client's address, SIREN, e-mail or phone":
        "enregistrer l'adresse, le SIREN, l'e-mail ou le téléphone d'un client",
    "Invoice {number} (#{seq}) was issued before the correction {events}: it no longer "
    "states this intervention. Cancel it with a credit note (sessiond invoice cancel "
    "{number} --reason TEXT), then invoice the session again.":
        "La facture {number} (n°\u00a0{seq}) a été émise avant la correction {events}\u202f: elle "
        "ne "
        "décrit plus cette intervention. Annulez-la par un avoir (sessiond invoice cancel "
        "{number} --reason TEXTE), puis facturez de nouveau l'intervention.",
    "Invoice {number} (#{seq}) states {stated}, but its sessions are billed {now} "
    "now (the client's history was corrected since: a duplicate merged, a package "
    "withdrawn, another of his sessions corrected). Cancel it with a credit note "
    "(sessiond invoice cancel {number} --reason TEXT), then invoice the session again.":
        "La facture {number} (n°\u00a0{seq}) indique {stated}, mais ses interventions sont "
        "désormais facturées {now} (l'historique du client a été corrigé depuis\u202f: un "
        "doublon fusionné, un forfait retiré, une autre de ses interventions corrigée). "
        "Annulez-la par un avoir (sessiond invoice cancel {number} --reason TEXTE), puis "
        "facturez de nouveau l'intervention.",
    "Cancelled as a duplicate of {session}, which bills this work: nothing is due.":
        "Annulée comme doublon de {session}, qui facture ce travail\u202f: rien n'est dû.",
    "Cancelled: nothing is due.": "Annulée\u202f: rien n'est dû.",
    "Client {client} was merged into {into}: record the package for {into} (sessiond "
    "credit add {into} --hours H).":
        "Le client {client} a été fusionné avec {into}\u202f: enregistrez le forfait pour "
        "{into} (sessiond credit add {into} --hours H).",
    "0 to 60 days": "de 0 à 60\u00a0jours",
    "0 to 60 days (Code de commerce L441-10)": "de 0 à 60\u00a0jours (Code de commerce L441-10)",
    "An invoice covers at most {count} sessions: split the period.":
        "Une facture couvre au plus {count} interventions\u202f: découpez la période.",
    "An invoice is numbered only once your identity is complete. Under [technician] in "
    "{path}, fill in: {fields}.":
        "Une facture n'est numérotée qu'une fois votre identité complète. Sous [technician] "
        "dans {path}, renseignez\u202f: {fields}.",
    "Cancellation of invoice {number} of {day}": "Annulation de la facture {number} du {day}",
    "Client {client} has no finished session to invoice from {first} to {last}.":
        "Le client {client} n'a aucune intervention terminée à facturer du {first} au {last}.",
    "Client {client} has no postal address (address), which an invoice must state: "
    "sessiond client edit {client} --address \"12 rue des Lilas, 75011 Paris\".":
        "Le client {client} n'a pas d'adresse postale (address), qu'une facture doit "
        "mentionner\u202f: sessiond client edit {client} --address \"12 rue des Lilas, 75011 "
        "Paris\".",
    "Client {client} is a business: its invoice must state its SIREN (siren): sessiond "
    "client edit {client} --siren NUMBER.":
        "Le client {client} est un professionnel\u202f: sa facture doit mentionner son SIREN "
        "(siren)\u202f: sessiond client edit {client} --siren NUMÉRO.",
    "Client {client} was erased: he can no longer be invoiced.":
        "Le client {client} a été effacé\u202f: il ne peut plus être facturé.",
    "Invoice {number} was already cancelled by credit note {credit}.":
        "La facture {number} a déjà été annulée par l'avoir {credit}.",
    "Name the sessions to invoice (sessiond invoice SESSION...), or a client and a period "
    "(--client CLIENT --from DATE --to DATE).":
        "Indiquez les interventions à facturer (sessiond invoice INTERVENTION...), ou un client et "
        "une "
        "période (--client CLIENT --from DATE --to DATE).",
    "No invoice {number}. `sessiond invoice list` shows them.":
        "Aucune facture {number}. `sessiond invoice list` les affiche.",
    "Payable on receipt of the invoice.": "Paiement à réception de la facture.",
    "Payable within {days} days of the invoice date.":
        "Paiement à {days}\u00a0jours à compter de la date de la facture.",
    "Refund of the amounts paid, or deduction from the next invoice.":
        "Remboursement des sommes versées, ou déduction de la prochaine facture.",
    "Session {session} cannot be invoiced: {problem}":
        "L'intervention {session} ne peut pas être facturée\u202f: {problem}",
    "These sessions are under terms that set different payment terms (due date, "
    "late-payment rate or early-payment discount): {groups}. Invoice them apart, one "
    "invoice per terms.":
        "Ces interventions relèvent de conditions aux modalités de paiement différentes "
        "(échéance, pénalités de retard ou escompte)\u202f: {groups}. Facturez-les à part, "
        "une facture par conditions.",
    "due {date}": "échéance le {date}",
    "late payment: {rate}": "pénalités de retard\u202f: {rate}",
    "early payment: {terms}": "escompte\u202f: {terms}",
    "Session {session} is not finished: stop it first (sessiond stop {session}), then "
    "invoice it.":
        "L'intervention {session} n'est pas terminée\u202f: arrêtez-la d'abord (sessiond stop "
        "{session}), puis facturez-la.",
    "Session {session} is on invoice {number} already. To invoice it again, cancel that "
    "invoice first: sessiond invoice cancel {number} --reason TEXT.":
        "L'intervention {session} figure déjà sur la facture {number}. Pour la facturer de "
        "nouveau, annulez d'abord cette facture\u202f: sessiond invoice cancel {number} --reason "
        "TEXTE.",
    "Session {session} was cancelled: it cannot be invoiced.":
        "L'intervention {session} a été annulée\u202f: elle ne peut pas être facturée.",
    "The Factur-X XML of invoice {number} does not conform to its schema: {problem}":
        "Le XML Factur-X de la facture {number} n'est pas conforme à son schéma\u202f: {problem}",
    "The address of client {client} (address) needs a street, then the postcode and city as "
    "its last part: sessiond client edit {client} --address \"12 rue des Lilas, 75011 "
    "Paris\".":
        "L'adresse du client {client} (address) doit donner la rue, puis le code postal et la "
        "ville en dernier\u202f: sessiond client edit {client} --address \"12 rue des Lilas, 75011 "
        "Paris\".",
    "The last invoice is of {year}, after today ({today}): check the computer's date; "
    "invoice numbers follow the calendar.":
        "La dernière facture est de {year}, après aujourd'hui ({today})\u202f: vérifiez la date de "
        "l'ordinateur\u202f; les numéros de facture suivent le calendrier.",
    "These sessions belong to different clients ({clients}): an invoice is for one client.":
        "Ces interventions appartiennent à des clients différents ({clients})\u202f: une facture "
        "est "
        "pour un seul client.",
    "the European Central Bank's most recent refinancing rate plus 10 percentage points":
        "taux d'intérêt appliqué par la Banque centrale européenne à son opération de "
        "refinancement la plus récente, majoré de 10 points de pourcentage",
    "{number} is a credit note: only an invoice can be cancelled.":
        "{number} est un avoir\u202f: seule une facture peut être annulée.",
    "{what}: {breakdown} ({billed})": "{what}\u202f: {breakdown} ({billed})",
    "Invoice up to date": "Facture à jour",
    "Nothing to change: give --address TEXT, --siren NUMBER, --email or --phone.":
        "Rien à changer\u202f: indiquez --address TEXTE, --siren NUMÉRO, --email ou --phone.",
    "invoice no. {number}": "facture n°\u00a0{number}",
    "Credit notes (EUR)": "Avoirs (€)",
    "Invoiced (EUR)": "Facturé (€)",
    "Invoices and credit notes": "Factures et avoirs",
    "Net invoiced (EUR)": "Net facturé (€)",
    "Number of payments": "Nombre d'encaissements",
    "Payments received (EUR)": "Encaissé (€)",
    "VAT category": "Catégorie de TVA",
    "VAT exemption": "Motif d'exonération de TVA",
    # --- issue 12: every article right (withdrawal, warranty, referral, fees, retention) ---
    "{fee}: included in the rates, billed only with {others} (art. {article}); not billed.":
        "{fee}\u202f: compris dans les tarifs, facturé seulement avec {others} (art. "
        "{article})\u202f; non facturé.",
    "{fee}: the appointment is not on record (session new --appointment), so the notice of "
    "{hours} h cannot be shown (art. {article}); not billed.":
        "{fee}\u202f: le rendez-vous n'est pas enregistré (session new --appointment), le délai "
        "de prévenance de {hours}\u00a0h ne peut pas être établi (art. {article})\u202f; non "
        "facturé.",
    "{fee}: cancelled {notice} before the appointment, at least {hours} h ahead (art. "
    "{article}); not billed.":
        "{fee}\u202f: annulé {notice} avant le rendez-vous, au moins {hours}\u00a0h à l'avance "
        "(art. {article})\u202f; non facturé.",
    "{fee}: the client cancelled {notice} before the appointment, at least {hours} h ahead: "
    "no fee is due for it, travel included (art. {article}); not billed.":
        "{fee}\u202f: le client a annulé {notice} avant le rendez-vous, au moins {hours}\u00a0h "
        "à l'avance\u202f: rien n'est dû, déplacement compris (art. {article})\u202f; "
        "non facturé.",
    "{fee}: not announced to the client before the intervention (art. {article}); not billed. "
    "Announce it first: sessiond record {session} fee-announced --kind {name}.":
        "{fee}\u202f: non annoncé au client avant l'intervention (art. {article})\u202f; non "
        "facturé. Annoncez-le d'abord\u202f: sessiond record {session} fee-announced --kind "
        "{name}.",
    "{worked}: {billed}, a flat charge": "{worked}\u202f: {billed}, forfaitaire",
    "{worked}: a price agreed for the session, whatever the time worked":
        "{worked}\u202f: prix convenu pour l'intervention, quel que soit le temps passé",
    "Agreed price for the session (art. {article})":
        "Prix convenu pour l'intervention (art. {article})",
    "Defective hardware: no hourly rate to compare the agreed price with; the price is "
    "billed (art. {article})":
        "Matériel défectueux\u202f: aucun tarif horaire auquel comparer le prix convenu\u202f; "
        "le prix est facturé (art. {article})",
    "Defective hardware: the time at the hourly rate, {hourly}, costs less than the agreed "
    "price of {price}; the cheaper is billed (art. {article})":
        "Matériel défectueux\u202f: le temps au tarif horaire, {hourly}, coûte moins que le "
        "prix convenu de {price}\u202f; le moins cher est facturé (art. {article})",
    "Defective hardware: the agreed price of {price} costs no more than the time at the "
    "hourly rate, {hourly}; the cheaper is billed (art. {article})":
        "Matériel défectueux\u202f: le prix convenu de {price} ne coûte pas plus que le temps "
        "au tarif horaire, {hourly}\u202f; le moins cher est facturé (art. {article})",
    "The terms {policy} set no price per session: bill it by the hour (--rate "
    "EUR_PER_HOUR), or add [fixed_price] to the policy, citing the article that provides "
    "for it.":
        "Les conditions {policy} ne prévoient pas de prix par intervention\u202f: facturez-la à "
        "l'heure (--rate EUR_PAR_HEURE), ou ajoutez [fixed_price] à la politique, en citant "
        "l'article qui le prévoit.",
    "--price {price!r}: give the session's price in euros, e.g. 80, 79,90 or 80 €.":
        "--price {price!r}\u202f: indiquez le prix de l'intervention en euros, par exemple 80, "
        "79,90 ou 80\u00a0€.",
    "a price agreed for the whole session (a package, a quote)":
        "un prix convenu pour toute l'intervention (un forfait, un devis)",
    "the client's hardware proved defective": "le matériel du client s'est révélé défectueux",
    "the defective hardware": "le matériel défectueux",
    "A price agreed for the session (session new --price) is billed whatever the time "
    "worked (art. {article})":
        "Un prix convenu pour l'intervention (session new --price) est facturé quel que soit "
        "le temps passé (art. {article})",
    "Defective hardware (sessiond record SESSION hardware-defective): the cheaper of that "
    "price and the time at the hourly rate (art. {article})":
        "Matériel défectueux (sessiond record SESSION hardware-defective)\u202f: le moins cher "
        "de ce prix et du temps au tarif horaire (art. {article})",
    "Warranty: the time is not billed (art. {article})":
        "Garantie\u202f: le temps n'est pas facturé (art. {article})",
    "Warranty: the fees are not billed either (art. {article})":
        "Garantie\u202f: les frais ne sont pas facturés non plus (art. {article})",
    "Missed appointment: its fees are due whatever intervention was ordered; the warranty "
    "does not cover them (art. {article})":
        "Rendez-vous manqué\u202f: ses frais sont dus quelle que soit la prestation "
        "commandée\u202f; la garantie ne les couvre pas (art. {article})",
    "Client known since {day}, before sessiond: this is not his first intervention, no "
    "new-client discount (art. {article})":
        "Client connu depuis le {day}, avant sessiond\u202f: ce n'est pas sa première "
        "intervention, pas de remise de nouveau client (art. {article})",
    "Referral of client {referred}: {percent} % off (art. {article})":
        "Parrainage du client {referred}\u202f: remise de {percent}\u00a0% (art. {article})",
    "Referral of client {referred}: its discount was valid until {day}, before this "
    "intervention; no referral discount (art. {article})":
        "Parrainage du client {referred}\u202f: sa remise était valable jusqu'au {day}, avant "
        "cette intervention\u202f; pas de remise de parrainage (art. {article})",
    "{n} hour": "{n}\u00a0heure",
    "{n} hours": "{n}\u00a0heures",
    "{n} day": "{n}\u00a0jour",
    "{n} days": "{n}\u00a0jours",
    "{n} month": "{n}\u00a0mois",
    "{n} months": "{n}\u00a0mois",
    "free, its fees included": "gratuite, frais compris",
    "its time is free": "son temps n'est pas facturé",
    "Re-intervention under warranty for session {session}, made necessary by that intervention: "
    "{covered} (art. {article})":
        "Ré-intervention sous garantie de l'intervention {session}, rendue nécessaire par cette "
        "intervention\u202f: {covered} (art. {article})",
    "Session {session} is no earlier intervention of this client (cancelled, never started, or "
    "another client's): billed as any session":
        "L'intervention {session} n'est pas une intervention antérieure de ce client (annulée, "
        "jamais commencée ou d'un autre client)\u202f: facturée comme toute intervention",
    "Re-intervention for session {session}, made necessary by {why}: not covered by the warranty "
    "(art. {article}), billed as any session":
        "Ré-intervention pour l'intervention {session}, rendue nécessaire par {why}\u202f: hors "
        "garantie (art. {article}), facturée comme toute intervention",
    "Re-intervention for session {session}: these terms state no warranty, billed as any session":
        "Ré-intervention pour l'intervention {session}\u202f: ces conditions ne prévoient pas "
        "de garantie, facturée comme toute intervention",
    "Re-intervention for session {session}: the terms promise a suitable solution, not a free "
    "one (art. {article}); billed as any session":
        "Ré-intervention pour l'intervention {session}\u202f: les conditions promettent une "
        "solution adaptée, pas une solution gratuite (art. {article})\u202f; facturée comme "
        "toute intervention",
    "Re-intervention for session {session}, ordered {late} after it ended: beyond the warranty "
    "of {window} (art. {article}), billed as any session":
        "Ré-intervention pour l'intervention {session}, commandée {late} après sa fin\u202f: "
        "au-delà de la garantie de {window} (art. {article}), facturée comme toute intervention",
    "Re-intervention for session {session}, made necessary by the client: the warranty does not "
    "apply, a flat {flat} is due, taken from the prepaid credit (art. {article})":
        "Ré-intervention pour l'intervention {session}, due au client\u202f: la garantie ne "
        "s'applique pas, un forfait de {flat} est dû, pris sur le crédit prépayé (art. {article})",
    "Re-intervention for session {session}, made necessary by {why}: billed as any session":
        "Ré-intervention pour l'intervention {session}, rendue nécessaire par {why}\u202f: "
        "facturée comme toute intervention",
    "only with {fees}": "seulement avec {fees}",
    "if cancelled less than {hours} h before the appointment":
        "si l'annulation a lieu moins de {hours}\u00a0h avant le rendez-vous",
    "if announced to the client beforehand": "s'ils ont été annoncés au client avant",
    "Re-intervention under warranty caused by the client: {flat} taken from the credit (art. "
    "{article})":
        "Ré-intervention sous garantie due au client\u202f: {flat} pris sur le crédit (art. "
        "{article})",
    "free, fees included": "gratuite, frais compris",
    "free": "gratuite",
    "Warranty: a re-intervention made necessary by the earlier work is {what}, within {window} "
    "(art. {article})":
        "Garantie\u202f: une ré-intervention rendue nécessaire par le travail précédent est "
        "{what}, dans un délai de {window} (art. {article})",
    "Retention: personal data kept {years} years after the last contact, {accounting} years "
    "after the last accounting document ({article})":
        "Conservation\u202f: données personnelles gardées {years}\u00a0ans après le dernier "
        "contact, {accounting}\u00a0ans après la dernière pièce comptable ({article})",
    "Warranty: a re-intervention is billed as any session (art. {article})":
        "Garantie\u202f: une ré-intervention est facturée comme toute intervention (art. "
        "{article})",
    "Warranty: a re-intervention made necessary by the earlier work is {what}, with no time "
    "limit (art. {article})":
        "Garantie\u202f: une ré-intervention rendue nécessaire par le travail précédent est "
        "{what}, sans limite de temps (art. {article})",
    "The law, where these terms are silent:": "La loi, là où ces conditions sont muettes\u202f:",
    "valid {months} months": "valable {months}\u00a0mois",
    "(the law: the terms are silent)": "(la loi\u202f: les conditions n'en disent rien)",
    "Data of client {client} written to {path} ({count} events; event #{seq}).":
        "Données du client {client} écrites dans {path} ({count} événements\u202f; événement "
        "n°\u00a0{seq}).",
    "Referral recorded: {sponsor} recommended {referred} (event #{seq}); his next intervention "
    "gets the referral discount of his terms.":
        "Parrainage enregistré\u202f: {sponsor} a recommandé {referred} (événement "
        "n°\u00a0{seq})\u202f; sa prochaine intervention bénéficie de la remise de parrainage de "
        "ses conditions.",
    "Question #{id}: the personal data of client {client} is erased for good.":
        "Question n°\u00a0{id}\u202f: les données personnelles du client {client} sont effacées "
        "définitivement.",
    "Question #{id}: the data of client {client} is kept; asked again next year.":
        "Question n°\u00a0{id}\u202f: les données du client {client} sont conservées\u202f; la "
        "question reviendra l'an prochain.",
    "Answer with: sessiond daemon answer ID erase|keep":
        "Répondez par\u202f: sessiond daemon answer ID erase|keep",
    "the client was told beforehand that this fee may be charged":
        "le client a été prévenu à l'avance que ces frais pourraient être facturés",
    "how the client was told": "comment le client a été prévenu",
    "a client from before sessiond: the day you first worked for him (he gets no new-client "
    "discount)":
        "un client d'avant sessiond\u202f: le jour de votre première intervention pour lui (il "
        "n'a pas la remise de nouveau client)",
    "everything about a client, decrypted, as JSON (his rights of access and portability)":
        "tout ce qui concerne un client, déchiffré, en JSON (ses droits d'accès et de "
        "portabilité)",
    "write it to this file (or directory) instead of printing it":
        "l'écrire dans ce fichier (ou ce dossier) au lieu de l'afficher",
    "the client recommended a new client (referral discount on his next intervention)":
        "le client a recommandé un nouveau client (remise de parrainage sur sa prochaine "
        "intervention)",
    "the client who recommended": "le client qui a recommandé (le parrain)",
    "the new client he recommended (who had an intervention and paid it)":
        "le nouveau client qu'il a recommandé (le filleul, qui a eu une intervention et l'a "
        "réglée)",
    "when he mentioned it": "quand il l'a mentionné",
    "this session re-does that one under warranty":
        "cette intervention reprend celle-là sous garantie",
    "what made it necessary (default: that intervention)":
        "ce qui l'a rendue nécessaire (par défaut\u202f: cette intervention)",
    "the agreed date and time of the intervention":
        "la date et l'heure convenues de l'intervention",
    "--appointment {text}: give the day too, e.g. 2026-11-22T14:00.":
        "--appointment {text}\u202f: donnez aussi le jour, par ex. 2026-11-22T14:00.",
    "--appointment {text}: more than two years ahead; check the year.":
        "--appointment {text}\u202f: plus de deux ans à l'avance\u202f; vérifiez l'année.",
    "The consumer bought the package that pays for this session on {ordered}":
        "Le consommateur a acheté le forfait qui paie cette intervention le {ordered}",
    "The consumer ordered on {ordered}": "Le consommateur a commandé le {ordered}",
    "{what}; his withdrawal period runs until the end of {last} (C. consom. L221-18): his "
    "express request to start within it must be on record first (L221-25).":
        "{what}\u202f; son délai de rétractation court jusqu'à la fin du {last} (C. consom. "
        "L221-18)\u202f: sa demande expresse de commencer avant doit d'abord être enregistrée "
        "(L221-25).",
    "Never made under these terms, even at the client's request: {items}.":
        "Jamais fait sous ces conditions, même à la demande du client\u202f: {items}.",
    "The start ({start}) is dated before the order ({ordered}): correct the one that is wrong "
    "(sessiond amend, or the session's --ordered-at).":
        "Le début ({start}) est daté d'avant la commande ({ordered})\u202f: corrigez celui qui "
        "est faux (sessiond amend, ou le --ordered-at de l'intervention).",
    "Client {client}: last event on {last}; the retention of his data ({article}, policy "
    "{policy}) ended on {ends}. Erase his personal data for good? sessiond daemon answer ID "
    "erase|keep":
        "Client {client}\u202f: dernier événement le {last}\u202f; la durée de conservation de "
        "ses données ({article}, politique {policy}) a pris fin le {ends}. Effacer "
        "définitivement ses données personnelles\u202f? sessiond daemon answer ID erase|keep",
    "Question #{id} is answered with erase or keep.":
        "La question n°\u00a0{id} se répond par erase ou keep.",
    "the earlier intervention": "l'intervention précédente",
    "another cause": "une autre cause",
    "session log": "journal de l'intervention",
    "log of the session": "journal de l'intervention",
    "referral of a new client": "recommandation d'un nouveau client",
    "a session log": "un journal de l'intervention",
    "a fee cannot depend on itself": "des frais ne peuvent pas dépendre d'eux-mêmes",
    "only a late cancellation has a notice":
        "seule une annulation tardive a un délai de prévenance",
    "only a referral discount expires": "seule la remise de parrainage expire",
    "give at most one of window_hours, window_days, window_months (found {found})":
        "donnez au plus un de window_hours, window_days, window_months (trouvé\u202f: {found})",
    "goes with free = true": "va avec free = true",
    "--known-since {day}: that day has not come yet; give the day the client first called on you.":
        "--known-since {day}\u202f: ce jour n'est pas encore venu\u202f; donnez le jour où le "
        "client a fait appel à vous la première fois.",
    "--warranty-of {session}: that session is client {other}'s, not {client}'s.":
        "--warranty-of {session}\u202f: cette intervention est celle du client {other}, pas de "
        "{client}.",
    "it has not ended": "elle n'est pas terminée",
    "--warranty-of {session}: {why}; only an intervention that took place can be re-done under "
    "warranty.":
        "--warranty-of {session}\u202f: {why}\u202f; seule une intervention qui a eu lieu peut "
        "être reprise sous garantie.",
    "Cannot start session {session} at {at}: the client ordered it at {ordered}, later. Check "
    "--at (or the order time given to session new).":
        "Impossible de commencer l'intervention {session} à {at}\u202f: le client l'a commandée "
        "à {ordered}, plus tard. Vérifiez --at (ou l'heure de commande donnée à session new).",
    "A client cannot refer himself.": "Un client ne peut pas se parrainer lui-même.",
    "Client {sponsor} already referred {referred}.":
        "Le client {sponsor} a déjà parrainé {referred}.",
    "Client {referred} is not a confirmed new client yet: the terms count a referral once he has "
    "had an intervention and paid it (record the payment: sessiond record SESSION payment).":
        "Le client {referred} n'est pas encore un filleul confirmé\u202f: les conditions "
        "comptent un parrainage une fois qu'il a eu une intervention et l'a réglée (enregistrez "
        "le paiement\u202f: sessiond record SESSION payment).",
    "Client {referred} has not paid his intervention {session} in full ({due} left): the "
    "terms count a referral once the referred client has paid the whole of an intervention.":
        "Le client {referred} n'a pas réglé en totalité son intervention {session} (reste "
        "{due})\u202f: les conditions comptent un parrainage une fois que le filleul a réglé "
        "la totalité d'une intervention.",
    "--warranty-cause goes with --warranty-of SESSION: the session this one re-does under "
    "warranty.":
        "--warranty-cause va avec --warranty-of SESSION\u202f: l'intervention que celle-ci "
        "reprend sous garantie.",
    "--warranty-of {session}: no such session (sessiond log lists them).":
        "--warranty-of {session}\u202f: pas d'intervention (sessiond log les liste).",
    # --- TUI for a real day (issue 16): plural forms of messages ---
    "{n} error against the terms ({rules}). The receipt states the facts only and does not "
    "show it; your report (r) lists it. Issue the receipt?":
        "{n} erreur au regard des conditions ({rules}). Le relevé n'indique que les faits et "
        "ne la mentionne pas\u202f; votre rapport (r) la liste. Émettre le relevé\u202f?",
    "{n} errors against the terms ({rules}). The receipt states the facts only and does not "
    "show them; your report (r) lists them. Issue the receipt?":
        "{n} erreurs au regard des conditions ({rules}). Le relevé n'indique que les faits et "
        "ne les mentionne pas\u202f; votre rapport (r) les liste. Émettre le relevé\u202f?",
    "{n} question waiting for an answer: sessiond daemon questions.":
        "{n} question en attente de réponse\u202f: sessiond daemon questions.",
    "{n} questions waiting for an answer: sessiond daemon questions.":
        "{n} questions en attente de réponse\u202f: sessiond daemon questions.",
    "{path}: valid (policy {id}, {rules}, {count})":
        "{path}\u202f: valide (politique {id}, {rules}, {count})",
    "{n} value to review":
        "{n} valeur à revoir",
    "{n} values to review":
        "{n} valeurs à revoir",
    "{n} rule":
        "{n} règle",
    "{n} rules":
        "{n} règles",
    "Book of takings {span}: {payments}, total {total}, {path}":
        "Livre des recettes {span}\u202f: {payments}, total {total}, {path}",
    "Export {span}: {sessions}, total {total}, {path}":
        "Export {span}\u202f: {sessions}, total {total}, {path}",
    "{n} invoice or credit note":
        "{n} facture ou avoir",
    "{n} invoices and credit notes":
        "{n} factures et avoirs",
    "E-reporting {span}: {documents}, net invoiced {total}, received {paid}, {path}":
        "E-reporting {span}\u202f: {documents}, net facturé {total}, encaissé {paid}, {path}",
    "{n} export: the file is the one its proof covers, and the log still holds the events "
    "it was made from.":
        "{n} export\u202f: le fichier est celui que couvre sa preuve, et le journal contient "
        "toujours les événements dont il a été tiré.",
    "{n} exports: each file is the one its proof covers, and the log still holds the "
    "events they were made from.":
        "{n} exports\u202f: chaque fichier est celui que couvre sa preuve, et le journal "
        "contient toujours les événements dont ils ont été tirés.",
    "{n} payment":
        "{n} encaissement",
    "{n} payments":
        "{n} encaissements",
    "{n} session":
        "{n} intervention",
    "{n} sessions":
        "{n} interventions",
    "{file}: the log begins during a connection (line {line}, at {at}, ends one whose start "
    "is not in it): give its earlier, rotated file too, or that connection is missing.":
        "{file}\u202f: le journal commence pendant une connexion (la ligne {line}, à {at}, "
        "en termine une dont le début n'y est pas)\u202f: donnez aussi son fichier "
        "précédent, tourné, sinon cette connexion manque.",
    "{found} in {file} ({fmt}): {new} recorded now, {unmatched} matching no session.":
        "{found} dans {file} ({fmt})\u202f: enregistrées maintenant\u202f: {new}\u202f; sans "
        "intervention correspondante\u202f: {unmatched}.",
    "{n} connection":
        "{n} connexion",
    "{n} connections":
        "{n} connexions",
    "{errors}, {warnings}":
        "{errors}, {warnings}",
    "compliance check: {errors}, {warnings}; details: sessiond check {session}":
        "contrôle de conformité\u202f: {errors}, {warnings}\u202f; "
        "détails\u202f: sessiond check {session}",
    "{n} receipt without its signed data (a print or a copy of its text): its visible text "
    "matches the log.":
        "{n} relevé sans ses données signées (une impression ou une copie de son "
        "texte)\u202f: son texte visible est conforme au journal.",
    "{n} receipts without their signed data (prints or copies of their text): their visible "
    "text matches the log.":
        "{n} relevés sans leurs données signées (des impressions ou des copies de leur "
        "texte)\u202f: leur texte visible est conforme au journal.",
    "{n} receipt: signature, data and visible text match the log.":
        "{n} relevé\u202f: signature, données et texte visible conformes au journal.",
    "{n} receipts: signature, data and visible text match the log.":
        "{n} relevés\u202f: signature, données et texte visible conformes au journal.",
    "{n} receipt laid out by another version of sessiond: signature and data match the "
    "log; its visible text was not compared.":
        "{n} relevé mis en page par une autre version de sessiond\u202f: signature et "
        "données conformes au journal\u202f; son texte visible n'a pas été comparé.",
    "{n} receipts laid out by another version of sessiond: signature and data match the "
    "log; their visible text was not compared.":
        "{n} relevés mis en page par une autre version de sessiond\u202f: signature et "
        "données conformes au journal\u202f; leur texte visible n'a pas été comparé.",
    "{errors}, {warnings}.":
        "{errors}, {warnings}.",
    "private clients and businesses abroad: {days}, {total} EUR invoiced, {paid} EUR "
    "received":
        "clients particuliers et professionnels établis à l'étranger\u202f: {days}, "
        "{total}\u00a0€ facturés, {paid}\u00a0€ encaissés",
    "private clients: {days}, {total} EUR invoiced, {paid} EUR received":
        "clients particuliers\u202f: {days}, {total}\u00a0€ facturés, {paid}\u00a0€ encaissés",
    "{payments}, total {total} EUR":
        "{payments}, total {total}\u00a0€",
    "{sessions}, total {total} EUR":
        "{sessions}, total {total}\u00a0€",
    "Receipts":
        "Relevés",
    "{what}: the sessions' events are not those it was issued with ({printed} events of "
    "{sessions} printed, {found} of {found_sessions} in the log): events were deleted, altered "
    "or rolled back":
        "{what}\u202f: les événements des interventions ne sont plus ceux de son émission "
        "({printed} événements de {sessions} imprimés, {found} de {found_sessions} dans le "
        "journal)\u202f: des événements ont été supprimés, modifiés ou restaurés",
    "Session {session} has {count} ({rules}): the receipt does not show them. Your report: "
    "sessiond check {session} --pdf FILE.":
        "L'intervention {session} a {count} ({rules})\u202f: le relevé ne les mentionne pas. "
        "Votre rapport\u202f: sessiond check {session} --pdf FICHIER.",
    "{n} compliance error":
        "{n} erreur de conformité",
    "{n} compliance errors":
        "{n} erreurs de conformité",
    "Partial results: {count} × {each} % = {raw} %, capped at {share} % (art. {article})":
        "Résultats partiels\u202f: {count} × {each}\u00a0% = {raw}\u00a0%, plafonné à "
        "{share}\u00a0% (art. {article})",
    "Partial results: {count} × {each} % = {share} % (art. {article})":
        "Résultats partiels\u202f: {count} × {each}\u00a0% = {share}\u00a0% (art. {article})",
    "No problem was listed when the session was planned: the result guarantee covers only the "
    "problems the client mentioned in his request (art. {article})":
        "Aucun problème n'a été listé à la planification de l'intervention\u202f: la garantie "
        "de résultat ne couvre que les problèmes mentionnés par le client dans sa demande "
        "(art. {article})",
    "Session {session} lists {n} problem: there is no problem {problem} (--problem 1).":
        "L'intervention {session} liste {n}\u00a0problème\u202f: il n'y a pas de problème "
        "{problem} (--problem 1).",
    "Session {session} lists {n} problems: there is no problem {problem} (--problem 1 to {n}).":
        "L'intervention {session} liste {n}\u00a0problèmes\u202f: il n'y a pas de problème "
        "{problem} (--problem 1 à {n}).",
    "{n} listed problem unsolved: on request the client gets {percent} % off (art. {article}); "
    "record it with sessiond record {session} reduction-requested.":
        "{n} problème listé non résolu\u202f: sur demande, le client obtient {percent}\u00a0% "
        "de réduction (art. {article})\u202f; enregistrez-la avec sessiond record {session} "
        "reduction-requested.",
    "{n} listed problems unsolved: on request the client gets {percent} % off (art. "
    "{article}); record it with sessiond record {session} reduction-requested.":
        "{n} problèmes listés non résolus\u202f: sur demande, le client obtient {percent}\u00a0"
        "% de réduction (art. {article})\u202f; enregistrez-la avec sessiond record {session} "
        "reduction-requested.",
    "{n} unsolved problem":
        "{n} problème non résolu",
    "{n} unsolved problems":
        "{n} problèmes non résolus",
    "{day} at {time}":
        "{day} à {time}",
    "The quote was accepted in {given} form; only the {wanted} form counts.":
        "Le devis a été accepté sous forme {given}\u202f; seule la forme {wanted} compte.",
    # --- TUI for a real day (issue 16): the facts as sentences name them ---
    "Recorded: {what} (event #{seq}).":
        "Enregistré\u202f: {what} (événement n°\u00a0{seq}).",
    "the new client":
        "le nouveau client",
    "the prepaid hours":
        "les heures prépayées",
    "the referral":
        "la recommandation",
    "the planned session":
        "l'intervention prévue",
    "the consent":
        "le consentement",
    "the start":
        "le début",
    "the pause":
        "la pause",
    "the resumption":
        "la reprise",
    "the stop":
        "l'arrêt",
    "the note":
        "la note",
    "the outcome of the problem":
        "le résultat du problème",
    "the request for the reduction":
        "la demande de réduction",
    "the fee":
        "les frais",
    "the announced fee":
        "les frais annoncés",
    "the acceptance of the quote":
        "l'acceptation du devis",
    "the request to start within the withdrawal period":
        "la demande de commencer pendant le délai de rétractation",
    "the invitation to close sensitive documents":
        "l'invitation à fermer les documents sensibles",
    "the backup answer":
        "la réponse sur la sauvegarde",
    "the payment":
        "le paiement",
    "the refund":
        "le remboursement",
    "Payment #{seq} was refunded since (sessiond log {session}): withdraw the refund first, "
    "if it too was recorded by mistake.":
        "Le paiement n° {seq} a été remboursé depuis (sessiond log {session})\u202f: retirez "
        "d'abord le remboursement, s'il a lui aussi été saisi par erreur.",
    "{n} refund":
        "{n} remboursement",
    "{n} refunds":
        "{n} remboursements",
    "A refund of {amount!r} gives no money back: give the amount refunded (e.g. 45,50).":
        "Un remboursement de {amount!r} ne rend rien\u202f: donnez le montant remboursé "
        "(par ex. 45,50).",
    "A refund of {amount} is more than the client paid for session {session} and kept "
    "({paid}): record the payment first (sessiond record {session} payment), or refund on "
    "the session he paid.":
        "Un remboursement de {amount} dépasse ce que le client a payé pour l'intervention "
        "{session} et gardé ({paid})\u202f: enregistrez d'abord le paiement (sessiond record "
        "{session} payment), ou remboursez sur l'intervention qu'il a payée.",
    "the amount given back, in euros (e.g. 45 or 45,50)":
        "le montant rendu, en euros (par ex. 45 ou 45,50)",
    "how the money was given back":
        "comment l'argent a été rendu",
    "money given back to the client (a guarantee, a withdrawal, paid twice)":
        "de l'argent rendu au client (garantie, rétractation, payé deux fois)",
    "the copy":
        "la copie",
    "the client's control":
        "la reprise en main par le client",
    "the disconnection":
        "la déconnexion",
    "the check of the terms":
        "le contrôle des conditions",
    "the receipt":
        "le relevé",
    "the decision about unseen time":
        "la décision sur le temps sans trace",
    "the corrected time":
        "l'heure corrigée",
    "the reopening":
        "la réouverture",
    "the cancellation":
        "l'annulation",
    "the move":
        "le rattachement à un autre client",
    "the redaction":
        "l'effacement",
    "the merge of the client":
        "la fusion du client",
    "the export of the client's data":
        "l'export des données du client",
    "the connection":
        "la connexion",
    "the end of the connection":
        "la fin de la connexion",
    "the connection read further without its end":
        "la connexion relue plus loin sans sa fin",
    "the client's details":
        "les coordonnées du client",
    "the invoice":
        "la facture",
    "the credit note":
        "l'avoir",
    "the export":
        "l'export",
    # --- TUI for a real day (issue 16): help of the CLI's options ---
    "the policy (sessiond policy list shows them)":
        "la politique (sessiond policy list les montre)",
    "the policy file (TOML) to check":
        "le fichier de politique (TOML) à vérifier",
    "the client who bought the hours":
        "le client qui a acheté les heures",
    "the question's number (sessiond daemon questions lists them)":
        "le numéro de la question (sessiond daemon questions les liste)",
    "the answer: worked or paused for unseen time; start, stop, pause or ignore for a "
    "connection":
        "la réponse\u202f: «\u00a0worked\u00a0» ou «\u00a0paused\u00a0» pour un temps sans "
        "trace\u202f; «\u00a0start\u00a0», «\u00a0stop\u00a0», «\u00a0pause\u00a0» ou "
        "«\u00a0ignore\u00a0» pour une connexion",
    "the remote tool's logs or connection files to read; a log and its rotated copy "
    "(TeamViewer's _OLD file, RustDesk's dated files) are read together, oldest first":
        "les journaux ou fichiers de connexions de l'outil de prise en main à lire\u202f; un "
        "journal et sa copie archivée (le fichier _OLD de TeamViewer, les fichiers datés de "
        "RustDesk) sont lus ensemble, du plus ancien au plus récent",
    "the finished session":
        "l'intervention terminée",
    "he accepted it":
        "il l'a acceptée",
    "he declined it":
        "il l'a refusée",
    "he has his own backup":
        "il a sa propre sauvegarde",
    "solved, diagnosed (the cause is found) or unsolved":
        "résolu, diagnostiqué (la cause est trouvée) ou non résolu",
    "who signed the quote":
        "qui a signé le devis",
    "how it was signed: by hand or electronically":
        "comment il a été signé\u202f: à la main ou électroniquement",
    "how the client made his request":
        "comment le client a fait sa demande",
    "a backup was offered to the client":
        "une sauvegarde a été proposée au client",
    "the amount received, in euros (e.g. 45 or 45,50)":
        "le montant reçu, en euros (par ex. 45 ou 45,50)",
    "how the client paid":
        "comment le client a payé",
    "what was copied or captured":
        "ce qui a été copié ou capturé",
    "which fee":
        "quels frais",
    "the client's name, as on his documents":
        "le nom du client, tel que sur ses documents",
    "the client (sessiond client list shows them)":
        "le client (sessiond client list les montre)",
    "remote (default), on site or in the workshop":
        "à distance (par défaut), sur place ou à l'atelier",
    "the remote tool (default teamviewer)":
        "l'outil de prise en main (par défaut teamviewer)",
    "the client's system":
        "le système du client",
    "how the client gave it: orally, by phone, e-mail, SMS, the remote tool's code, a signature":
        "comment le client l'a donné\u202f: oralement, par téléphone, e-mail, SMS, le code de "
        "l'outil de prise en main, une signature",
    "with --without-consent: why access starts before it (kept in the log and reported)":
        "avec --without-consent\u202f: pourquoi l'accès commence avant lui (gardé dans le "
        "journal et signalé)",
    "why (optional), e.g. the client's call":
        "pourquoi (facultatif), par ex. l'appel du client",
    "the note (a password or a code in it is refused)":
        "la note (un mot de passe ou un code y est refusé)",
    # --- TUI for a real day (issue 16): keys ---
    "Find":
        "Chercher",
    "Pause, saying why":
        "Pause avec motif",
    "Control back":
        "Main rendue",
    "Copy":
        "Copie",
    "Identity":
        "Identité",
    "Report":
        "Rapport",
    # --- TUI for a real day (issue 16): clients and identity ---
    "/ find a client":
        "/ chercher un client",
    "Credit":
        "Crédit",
    "address":
        "adresse",
    # --- TUI for a real day (issue 16): a second clock ---
    "warning: session {sessions} is running too: the same minutes are billed twice; pause it "
    "if it is not worked on (sessiond pause ID).":
        "attention\u202f: l'intervention {sessions} tourne aussi\u202f: les mêmes minutes sont "
        "facturées deux fois\u202f; mettez-la en pause si vous n'y travaillez pas (sessiond "
        "pause ID).",
    "warning: sessions {sessions} are running too: the same minutes are billed twice; pause "
    "those not worked on (sessiond pause ID).":
        "attention\u202f: les interventions {sessions} tournent aussi\u202f: les mêmes minutes "
        "sont facturées deux fois\u202f; mettez en pause celles où vous ne travaillez pas "
        "(sessiond pause ID).",
    "{typed} would mean {meant}, more than 12 hours from {kind} it corrects (on {at}): a "
    "time without its day is the most recent one; give the day too, e.g. --at {iso}.":
        "{typed} voudrait dire le {meant}, à plus de 12\u00a0heures de {kind} qu'elle "
        "corrige (le {at})\u202f: une heure sans jour est la plus récente\u202f; donnez "
        "aussi le jour, par ex. --at {iso}.",
    # --- corrections: two clocks over the same minutes ---
    "warning: the clock of session {session} ran {span} while that of session {other}, of "
    "the same client, ran too: the same minutes are billed twice. If a time is wrong, "
    "correct it (sessiond amend SESSION SEQ --at TIME --reason TEXT); if it is the same "
    "work timed twice: sessiond cancel {session} --duplicate-of {other} --reason TEXT.":
        "attention\u202f: le chronomètre de l'intervention {session} a tourné {span} pendant "
        "que celui de l'intervention {other}, du même client, tournait aussi\u202f: les "
        "mêmes minutes sont facturées deux fois. Si une heure est fausse, corrigez-la "
        "(sessiond amend INTERVENTION N --at HEURE --reason TEXTE)\u202f; si c'est le même "
        "travail chronométré deux fois\u202f: sessiond cancel {session} --duplicate-of "
        "{other} --reason TEXTE.",
    "warning: the clock of session {session} ran {span} while that of session {other} ran "
    "too: the same minutes are billed to two clients. If a time is wrong, correct it "
    "(sessiond amend SESSION SEQ --at TIME --reason TEXT).":
        "attention\u202f: le chronomètre de l'intervention {session} a tourné {span} pendant "
        "que celui de l'intervention {other} tournait aussi\u202f: les mêmes minutes sont "
        "facturées à deux clients. Si une heure est fausse, corrigez-la (sessiond amend "
        "INTERVENTION N --at HEURE --reason TEXTE).",
    # --- TUI for a real day (issue 16): findings in the CLI ---
    "{severity}: {rule}{article}: {message}{events}":
        "{severity}\u202f: {rule}{article}\u202f: {message}{events}",
    # --- TUI invoices (issue 15) ---
    "Invoice it":
        "Facturer",
    "Edit":
        "Modifier",
    "Invoice a month":
        "Facturer un mois",
    "Issuing the invoice…":
        "Émission de la facture…",
    "Invoice {number}: {total}, in {path}.":
        "Facture {number}\u202f: {total}, dans {path}.",
    "Your identity first":
        "Votre identité d'abord",
    "Details of {client} saved (event #{seq}).":
        "Coordonnées de {client} enregistrées (événement n°\u00a0{seq}).",
    "postal address, e.g. 12 rue des Lilas, 75011 Paris":
        "adresse postale, par ex. 12 rue des Lilas, 75011 Paris",
    "SIREN or SIRET of a business":
        "SIREN ou SIRET d'un professionnel",
    "Details of {client}":
        "Coordonnées de {client}",
    "An invoice states the client's postal address, and a business's SIREN. A field left as "
    "it is keeps its value.":
        "Une facture indique l'adresse postale du client, et le SIREN d'un professionnel. Un "
        "champ laissé tel quel garde sa valeur.",
    "Nothing changed: type the address or the SIREN to record.":
        "Rien n'a changé\u202f: tapez l'adresse ou le SIREN à enregistrer.",
    "Invoice a month of {client}":
        "Facturer un mois de {client}",
    "The month's finished sessions not yet invoiced go on one invoice.":
        "Les interventions terminées du mois qui ne sont pas encore facturées vont sur une "
        "seule facture.",
    "{month}: nothing to invoice":
        "{month}\u202f: rien à facturer",
    "{month}: {n} session to invoice":
        "{month}\u202f: {n} intervention à facturer",
    "{month}: {n} sessions to invoice":
        "{month}\u202f: {n} interventions à facturer",
    "Nothing to invoice for {client} in {month}: no finished session that is not on an "
    "invoice already.":
        "Rien à facturer pour {client} en {month}\u202f: aucune intervention terminée qui ne "
        "soit déjà sur une facture.",
    # --- TUI corrections (issue 18) ---
    "Correct":
        "Corriger",
    "Reopen":
        "Rouvrir",
    "Cancel it":
        "Annuler",
    "“{event}” at {time} would come before “{other}” at {other_time}, which happened first: "
    "give a later time.":
        "«\u00a0{event}\u00a0» à {time} viendrait avant «\u00a0{other}\u00a0» à {other_time}, "
        "qui a eu lieu d'abord\u202f: donnez une heure postérieure.",
    "“{event}” at {time} would come after “{other}” at {other_time}, which happened next: "
    "give an earlier time.":
        "«\u00a0{event}\u00a0» à {time} viendrait après «\u00a0{other}\u00a0» à {other_time}, "
        "qui a eu lieu ensuite\u202f: donnez une heure antérieure.",
    "c: correct a time or a note":
        "c\u202f: corriger une heure ou une note",
    "correct the time":
        "corriger l'heure",
    "replace or redact":
        "remplacer ou effacer",
    "Reopen the session: the stop was a mistake (it goes on, paused from the stop)":
        "Rouvrir l'intervention\u202f: l'arrêt était une erreur (elle reprend, en pause depuis "
        "l'arrêt)",
    "Change the client: the session is another client's":
        "Changer de client\u202f: l'intervention est celle d'un autre client",
    "Cancel the session: it was planned by mistake (it leaves Today and the exports)":
        "Annuler l'intervention\u202f: préparée par erreur (elle quitte Aujourd'hui et les "
        "exports)",
    "Correct the session":
        "Corriger l'intervention",
    "Nothing is erased: the correction is recorded with its reason, and the log keeps what "
    "it corrects. Enter chooses, escape closes.":
        "Rien n'est effacé\u202f: la correction est enregistrée avec son motif, et le journal "
        "garde ce qu'elle corrige. Entrée choisit, Échap ferme.",
    "Correct the time of “{event}”":
        "Corriger l'heure de «\u00a0{event}\u00a0»",
    "Recorded {time}. The right time, as --at takes it: HH:MM or 9h30 (last 12 hours), "
    "yesterday 18:30, 30/11 9h30 or {example}.":
        "Enregistré {time}. L'heure juste, comme --at la lit\u202f: HH:MM ou 9h30 "
        "(12\u00a0dernières heures), hier 18:30, 30/11 9h30 ou {example}.",
    "Why (kept in the log):":
        "Pourquoi (gardé dans le journal)\u202f:",
    "Give the right time: HH:MM, or a date and time.":
        "Indiquez l'heure juste\u202f: HH:MM, ou une date et une heure.",
    "More than 7 days ago":
        "Il y a plus de 7\u00a0jours",
    "{time} is more than 7 days ago. Is that really when it happened?":
        "{time}, c'est il y a plus de 7\u00a0jours. Est-ce bien à ce moment-là\u202f?",
    "Yes, correct it":
        "Oui, corriger",
    "Change the client":
        "Changer de client",
    "The client the session belongs to (ctrl+n: a new client):":
        "Le client de l'intervention (ctrl+n\u202f: un nouveau client)\u202f:",
    "Pick the client the session belongs to.":
        "Choisissez le client de l'intervention.",
    "Correct the note":
        "Corriger la note",
    "Replace its text (the log keeps the old one, marked as replaced), or redact it: "
    "unreadable for ever (a password or a personal detail written by mistake).":
        "Remplacer son texte (le journal garde l'ancien, marqué comme remplacé), ou "
        "l'effacer\u202f: illisible pour toujours (un mot de passe ou un détail personnel "
        "écrit par erreur).",
    "Replace the text":
        "Remplacer le texte",
    "Redact for ever":
        "Effacer pour toujours",
    "Replace the note":
        "Remplacer la note",
    "The new text (passwords and codes are refused):":
        "Le nouveau texte (mots de passe et codes sont refusés)\u202f:",
    "Replace":
        "Remplacer",
    "Type the note's new text.":
        "Tapez le nouveau texte de la note.",
    "Note replaced.":
        "Note remplacée.",
    "Redact the note":
        "Effacer la note",
    "Why (kept in the log), e.g. a personal detail written by mistake:":
        "Pourquoi (gardé dans le journal), par ex. un détail personnel écrit par erreur\u202f:",
    "Next":
        "Suivant",
    "Redact the note for ever?":
        "Effacer la note pour toujours\u202f?",
    "Its text becomes unreadable for ever, here, in the log and in every document issued "
    "from now on; this cannot be undone.":
        "Son texte devient illisible pour toujours, ici, dans le journal et dans tout document "
        "émis désormais\u202f; c'est irréversible.",
    "The note can no longer be read.":
        "La note ne peut plus être lue.",
    "Reopen the session":
        "Rouvrir l'intervention",
    "Why was the stop a mistake (kept in the log)? The session is paused from its stop, so "
    "the time in between is not billed.":
        "Pourquoi l'arrêt était-il une erreur (gardé dans le journal)\u202f? L'intervention est "
        "en pause depuis son arrêt\u202f: le temps écoulé entre-temps n'est pas facturé.",
    "Session reopened: paused since its stop; r resumes it.":
        "Intervention rouverte\u202f: en pause depuis son arrêt\u202f; r la reprend.",
    "The session now belongs to the client chosen.":
        "L'intervention appartient désormais au client choisi.",
    "Cancel the session":
        "Annuler l'intervention",
    "Why (kept in the log), e.g. planned by mistake? Only a session that never started can "
    "be cancelled.":
        "Pourquoi (gardé dans le journal), par ex. préparée par erreur\u202f? Seule une "
        "intervention jamais commencée peut être annulée.",
    "Session cancelled: it is gone from Today and the exports (the log keeps it).":
        "Intervention annulée\u202f: elle quitte Aujourd'hui et les exports (le journal la "
        "garde).",
    "Time corrected; the clock and the bill follow.":
        "Heure corrigée\u202f; le chronomètre et le montant suivent.",
    "time corrected":
        "heure corrigée",
    "the stop, undone":
        "arrêt annulé",
    "text redacted":
        "texte effacé",
    "replaced":
        "remplacée",
    "(redacted)":
        "(effacée)",
    "This client may exist already":
        "Ce client existe peut-être déjà",
    "A client with the same name or e-mail is on record:\n{clients}\nA client added twice "
    "is billed as new twice. Use the one on record, or add a new client anyway?":
        "Un client du même nom ou de la même adresse e-mail est enregistré\u202f:\n{clients}\n"
        "Un client ajouté deux fois est facturé deux fois comme nouveau. Utiliser celui qui "
        "est enregistré, ou ajouter quand même un nouveau client\u202f?",
    "Use this client":
        "Utiliser ce client",
    "Use no. {number}":
        "Utiliser le n°\u00a0{number}",
    "Add anyway":
        "Ajouter quand même",
    "a time corrected: {reason}":
        "une heure corrigée\u202f: {reason}",
    "the stop undone, the session goes on: {reason}":
        "arrêt annulé, l'intervention continue\u202f: {reason}",
    "session moved to another client: {reason}":
        "intervention passée à un autre client\u202f: {reason}",
    "a text redacted: {reason}":
        "un texte effacé\u202f: {reason}",
    # --- a real day: fees that cannot be lost or recorded too early ---
    "Session {session}: the appointment is on {appointment}; a no-show can be recorded "
    "only once that time has come (--at for the moment it was noticed).":
        "Intervention {session}\u202f: le rendez-vous est le {appointment}\u202f; une "
        "absence ne peut être enregistrée qu'une fois cette heure venue (--at pour le "
        "moment où elle a été constatée).",
    "Session {session} has a fee or a payment on record (#{seq}): it stays in the "
    "exports, with what is due. If that was recorded by mistake: sessiond withdraw "
    "{session} {seq} --reason TEXT, then cancel.":
        "L'intervention {session} a des frais ou un paiement enregistrés (n°\u00a0{seq})\u202f: "
        "elle reste dans les exports, avec ce qui est dû. S'ils l'ont été par erreur\u202f: "
        "sessiond withdraw {session} {seq} --reason TEXTE, puis annulez.",
    "{label}: {detail}": "{label}\u202f: {detail}",
    "take back a fee, its announcement or a payment recorded by mistake":
        "reprendre des frais, leur annonce ou un paiement enregistrés par erreur",
    "the fee or payment, as `sessiond log` numbers it":
        "les frais ou le paiement, numérotés comme dans `sessiond log`",
    "Event #{seq} withdrawn: the bill and the documents leave it out (event #{event}).":
        "Événement n°\u00a0{seq} retiré\u202f: le montant dû et les documents n'en tiennent "
        "plus compte (événement n°\u00a0{event}).",
    "Event #{seq} is already withdrawn.": "L'événement n°\u00a0{seq} est déjà retiré.",
    "Session {session} already counts as client {client}'s: its client {own} was merged "
    "into him.":
        "L'intervention {session} compte déjà pour le client {client}\u202f: son client {own} "
        "a été fusionné avec lui.",
    "The text of event #{seq} was redacted already (#{by}): nothing of it can be read any "
    "more.":
        "Le texte de l'événement n°\u00a0{seq} a déjà été effacé (n°\u00a0{by})\u202f: plus "
        "rien n'en est lisible.",
    "Event #{seq} ({kind}) holds no text: there is nothing to redact.":
        "L'événement n°\u00a0{seq} ({kind}) ne contient aucun texte\u202f: rien à effacer.",
    "Client {into} was erased: nothing can be merged into him ({client}'s sessions would "
    "count as an erased client's, never invoiced again). Keep {client} as he is.":
        "Le client {into} a été effacé\u202f: rien ne peut plus être fusionné avec lui (les "
        "interventions de {client} deviendraient celles d'un client effacé, qui ne peut plus "
        "être facturé). Gardez {client} tel quel.",
    "Client {client} was erased: no session can be moved to him (it could never be "
    "invoiced).":
        "Le client {client} a été effacé\u202f: aucune intervention ne peut lui être "
        "attribuée (elle ne pourrait jamais être facturée).",
    "Event #{seq} ({kind}) was undone by #{undo} (sessiond reopen): it no longer counts, "
    "so it has no time to correct.":
        "L'événement n°\u00a0{seq} ({kind}) a été annulé par le n°\u00a0{undo} (sessiond "
        "reopen)\u202f: il ne compte plus, il n'a donc pas d'heure à corriger.",
    "the withdrawal of a fact recorded by mistake":
        "le retrait d'un fait enregistré par erreur",
    "withdraw: recorded by mistake": "retirer\u202f: enregistré par erreur",
    "Withdrawn: the amount due and the documents leave it out.":
        "Retiré\u202f: le montant dû et les documents n'en tiennent plus compte.",
    "Withdraw what was recorded by mistake": "Retirer ce qui a été enregistré par erreur",
    "Why (kept in the log), e.g. the client came after all, a payment typed twice? The log "
    "keeps it, marked as withdrawn.":
        "Pourquoi (gardé dans le journal), par ex. le client est finalement venu, un "
        "paiement saisi deux fois\u202f? Le journal le garde, marqué comme retiré.",
    "Withdraw": "Retirer",
    # What the system and tomllib say (errors.system_problem, errors.toml_problem).
    '"=" expected after a key': '« = » attendu après une clé',
    '"]" expected at the end of a table name': "« ] » attendu à la fin du nom d'une table",
    '"]]" expected at the end of an array of tables':
        "« ]] » attendu à la fin d'un tableau de tables",
    'a \\ in a text (write \\\\ or use single quotes)':
        'un \\ dans un texte (écrivez \\\\ ou mettez le texte entre apostrophes)',
    'a key cannot start this way': 'une clé ne peut pas commencer ainsi',
    'a line that is neither a key = value nor a [table]':
        "une ligne qui n'est ni une clé = valeur ni une [table]",
    'a list whose "]" is missing': 'une liste dont le « ] » manque',
    'a part of the path is not a directory': "une partie du chemin n'est pas un dossier",
    'a text whose closing quote is missing': 'un texte dont le guillemet fermant manque',
    'a value TOML does not know (text goes between quotes)':
        "une valeur que TOML ne connaît pas (un texte s'écrit entre guillemets)",
    'a value given twice': 'une valeur donnée deux fois',
    'an escape that names no character': 'un échappement qui ne désigne aucun caractère',
    'an inline table whose "}}" is missing': 'une table en ligne dont le « }} » manque',
    'an invalid \\u escape': 'un échappement \\u invalide',
    'an invalid date or time': 'une date ou une heure invalide',
    'device or resource busy': 'périphérique ou ressource occupé',
    'directory not empty': 'dossier non vide',
    'disk quota exceeded': 'quota de disque dépassé',
    'file name too long': 'nom de fichier trop long',
    'input/output error': "erreur d'entrée/sortie",
    'it is a directory': "c'est un dossier",
    'no space left on the disk': 'plus de place sur le disque',
    'no such device or address': 'périphérique ou adresse introuvable',
    'no such file or directory': 'fichier ou dossier introuvable',
    'one key = value per line': 'une seule clé = valeur par ligne',
    'operation not permitted': 'opération non permise',
    'permission denied': 'permission refusée',
    'read-only file system': 'système de fichiers en lecture seule',
    'resource temporarily unavailable': 'ressource momentanément indisponible',
    'stale file handle (a network file system)':
        'descripteur de fichier périmé (système de fichiers réseau)',
    'the character {what} is not allowed here': "le caractère {what} n'est pas permis ici",
    'the file already exists': 'le fichier existe déjà',
    'the key {what} given twice': 'la clé {what} donnée deux fois',
    'the rename crosses file systems': "le renommage passe d'un système de fichiers à un autre",
    'too many levels of symbolic links': 'trop de liens symboliques en chaîne',
    'too many open files': 'trop de fichiers ouverts',
    '{problem} (at the end of the file)': '{problem} (à la fin du fichier)',
    '{problem} (line {line}, column {column})': '{problem} (ligne {line}, colonne {column})',
    '{what} declared twice': '{what} déclaré deux fois',
    '{what} defined twice': '{what} défini deux fois',
    '{what} expected': '{what} attendu',
    # --- VAT of foreign business clients (law.vat) -----------------------------------------
    "your intra-EU VAT number (FR and 11 characters), needed to invoice a business "
    "elsewhere in the EU":
        "votre n° de TVA intracommunautaire (FR et 11\u00a0caractères), nécessaire pour facturer "
        "un professionnel établi ailleurs dans l'UE",
    "a business client's intra-EU VAT number (e.g. DE123456789), needed to invoice a "
    "business elsewhere in the EU":
        "le n° de TVA intracommunautaire d'un client professionnel (p. ex. DE123456789), "
        "nécessaire pour facturer un professionnel établi ailleurs dans l'UE",
    "VAT number": "N° de TVA",
    "The VAT number": "Le n° de TVA",
    "record a client's address, SIREN, VAT number, e-mail or phone":
        "enregistrer l'adresse, le SIREN, le n° de TVA, l'e-mail ou le téléphone d'un client",
    "Client {client} is a business in another EU country: its invoice is under the reverse "
    "charge (autoliquidation, CGI art. 283-2) and must state its intra-EU VAT number: "
    "sessiond client edit {client} --vat-number NUMBER.":
        "Le client {client} est un professionnel établi dans un autre pays de l'UE\u202f: sa "
        "facture relève de l'autoliquidation (CGI art. 283-2) et doit indiquer son n° de "
        "TVA intracommunautaire\u202f: sessiond client edit {client} --vat-number NUMÉRO.",
    "a business in another EU country is invoiced under the reverse charge (CGI art. 283-2 "
    "and annex II art. 242 nonies A): the invoice states your intra-EU VAT number, which "
    "the franchise en base does not spare you (CGI art. 286 ter: ask your tax office, the "
    "SIE, for it); then set vat_number under [technician] in config.toml.":
        "un professionnel établi dans un autre pays de l'UE est facturé en autoliquidation "
        "(CGI art. 283-2 et ann. II art. 242 nonies A)\u202f: la facture indique votre n° de "
        "TVA intracommunautaire, que la franchise en base ne vous dispense pas d'avoir (CGI "
        "art. 286 ter\u202f: demandez-le à votre SIE), puis indiquez-le (vat_number) sous "
        "[technician] dans config.toml.",
    "a business in another EU country is invoiced under the reverse charge (CGI art. "
    "283-2): the invoice states its intra-EU VAT number ({field}).":
        "un professionnel établi dans un autre pays de l'UE est facturé en autoliquidation "
        "(CGI art. 283-2)\u202f: la facture indique son n° de TVA intracommunautaire "
        "({field}).",
    "an invoice under the rule {value!r} states no VAT number (EN 16931 BR-O-02).":
        "une facture sous la règle {value!r} n'indique aucun n° de TVA (EN 16931 BR-O-02).",
    "private client": "particulier",
    "the VAT rule {value!r} is not the one of a {kind} in {country}.":
        "la règle de TVA {value!r} n'est pas celle d'un {kind} situé en {country}.",
    "Intra-EU VAT number: {number}": "N° de TVA intracommunautaire\u202f: {number}",
    "{value} is not a VAT number of {country}: check it on the European Commission's VIES "
    "site (ec.europa.eu/taxation_customs/vies).":
        "{value} n'est pas un n° de TVA de ce pays ({country})\u202f: vérifiez-le sur le "
        "site VIES de la Commission européenne (ec.europa.eu/taxation_customs/vies).",
    "{value} is not an intra-EU VAT number: the prefix {prefix} then letters and digits, "
    "e.g. {example}.":
        "{value} n'est pas un n° de TVA intracommunautaire\u202f: le préfixe {prefix} puis "
        "des lettres et des chiffres, p. ex. {example}.",
    "{value}: Greek VAT numbers start with EL, not GR.":
        "{value}\u202f: les n° de TVA grecs commencent par EL, non par GR.",
    "{value}: a French VAT number ends with its holder's SIREN; yours is {siren}.":
        "{value}\u202f: un n° de TVA français se termine par le SIREN de son titulaire\u202f; "
        "le vôtre est {siren}.",
    "{value}: an intra-EU VAT number is for a business established in the EU; a client in "
    "{country} is invoiced outside the scope of French VAT (CGI art. 259-1) and his "
    "invoice states no VAT number.":
        "{value}\u202f: un n° de TVA intracommunautaire est celui d'un professionnel établi "
        "dans l'UE\u202f; un client de ce pays ({country}) est facturé hors du champ de la "
        "TVA française (CGI art. 259-1) et sa facture n'indique aucun n° de TVA.",
    "{value}: its key (the two characters after FR) does not match the SIREN that "
    "follows; copy it again from an invoice of the client or check it on VIES.":
        "{value}\u202f: sa clé (les deux caractères après FR) ne correspond pas au SIREN "
        "qui suit\u202f; recopiez-le depuis une facture du client ou vérifiez-le sur VIES.",
    "{value}: the VAT number of a business in {country} starts with {prefix}.":
        "{value}\u202f: le n° de TVA d'un professionnel de ce pays ({country}) commence par "
        "{prefix}.",
    "A private client has no VAT number: his invoices follow the French rules whatever "
    "his country. If he is a business, add him again with --business and merge the two "
    "(sessiond client merge).":
        "Un particulier n'a pas de n° de TVA\u202f: ses factures suivent les règles "
        "françaises, quel que soit son pays. Si c'est un professionnel, ajoutez-le à "
        "nouveau avec --business et fusionnez les deux (sessiond client merge).",
    "Nothing to change: give --address TEXT, --siren NUMBER, --vat-number NUMBER, --email "
    "or --phone.":
        "Rien à changer\u202f: indiquez --address TEXTE, --siren NUMÉRO, --vat-number "
        "NUMÉRO, --email ou --phone.",
    "intra-EU VAT number of a business elsewhere in the EU":
        "n° de TVA intracommunautaire d'un professionnel établi ailleurs dans l'UE",
    "intra-EU VAT number, to invoice businesses elsewhere in the EU (optional)":
        "n° de TVA intracommunautaire, pour facturer des professionnels ailleurs dans l'UE "
        "(facultatif)",
    "a business elsewhere in the EU is invoiced under the reverse charge, which states its "
    "intra-EU VAT number: sessiond client edit {client} --vat-number NUMBER.":
        "un professionnel établi ailleurs dans l'UE est facturé en autoliquidation, qui "
        "indique son n° de TVA intracommunautaire\u202f: sessiond client edit {client} "
        "--vat-number NUMÉRO.",
}
