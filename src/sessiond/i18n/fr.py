"""French catalogue: English message -> French message.

Keep one block per feature area so that additions do not collide.
"""

CATALOG: dict[str, str] = {
    # --- general -------------------------------------------------------------------------
    "error: {message}": "erreur : {message}",
    "Interrupted.": "Interrompu.",
    # argparse's own words (cli/__init__.py hands them to this catalogue)
    "usage: ": "usage : ",
    "positional arguments": "arguments positionnels",
    "options": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version et quitter",
    "the following arguments are required: %s": "arguments obligatoires manquants : %s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "choix invalide : %(value)r (au choix : %(choices)s)",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "expected one argument": "un argument attendu",
    "invalid %(type)s value: %(value)r": "valeur %(type)s invalide : %(value)r",
    "not allowed with argument %s": "incompatible avec l'argument %s",
    "one of the arguments %s is required": "l'un des arguments %s est obligatoire",
    "ambiguous option: %(option)s could match %(matches)s":
        "option ambiguë : %(option)s peut désigner %(matches)s",
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
    "{amount!r} is not an amount in euros (e.g. 45 or 45,50).":
        "{amount!r} n'est pas un montant en euros (par ex. 45 ou 45,50).",
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
    "This text seems to contain: {items}.": "Ce texte semble contenir : {items}.",
    "API token or key": "jeton ou clé d'API",
    "software product key": "clé de produit (licence logicielle)",
    "one-time login code (SMS, 2FA)": "code de connexion à usage unique (SMS, double "
        "authentification)",
    "answer to a secret question": "réponse à une question secrète",
    "{citation}: no password is written down, and only the information strictly needed "
    "is kept.":
        "{citation} : aucun mot de passe n'est noté, et seules les informations "
        "strictement nécessaires sont conservées.",
    "GDPR art. 5(1)(c) (data minimisation): only the information strictly needed is kept, "
    "and a password never is.":
        "RGPD art. 5(1)(c) (minimisation des données) : seules les informations "
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
    "missing; expected {expected}": "absente ; attendu : {expected}",
    "an id of lower-case letters, digits and dashes":
        "un identifiant en minuscules, chiffres et tirets",
    "unknown {section} entry; expected one of {choices}":
        "entrée de {section} inconnue ; attendu l'une de {choices}",
    "at least one of {choices}": "au moins l'une de {choices}",
    "required when review = true: say what to check":
        "obligatoire quand review = true : dites ce qu'il faut vérifier",
    "give at most one of amount, hours, percent_of_planned (found {found})":
        "donnez au plus une valeur parmi amount, hours, percent_of_planned (trouvé : {found})",
    "a list of ISO country codes such as \"FR\"": "une liste de codes pays ISO comme \"FR\"",
    "Unknown policy {id!r}. Known policies: {known}. See sessiond policy list.":
        "Politique inconnue {id!r}. Politiques connues : {known}. Voir sessiond policy list.",
    "{path}: id: {problem}": "{path} : id : {problem}",
    "{path}: no such file.": "{path} : fichier introuvable.",
    "{path}: cannot be read ({problem}).": "{path} : lecture impossible ({problem}).",
    "{path} is not UTF-8 text.": "{path} n'est pas du texte UTF-8.",
    "the id {id!r} must equal the file name {stem!r}; rename the file or change the id":
        "l'identifiant {id!r} doit être le nom du fichier {stem!r} ; renommez le fichier "
        "ou changez l'identifiant",
    "Policy {policy} has no prepaid credit; choose one that has, e.g. --policy mri87.":
        "La politique {policy} n'a pas de crédit prépayé ; choisissez-en une qui en a, "
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
    "Time: {billed} at {rate}/h": "Temps facturé : {billed} à {rate}/h",
    "New client's first intervention: {percent} % off (art. {article})":
        "Offre de bienvenue, première intervention d'un nouveau client : remise de "
        "{percent} % (art. {article})",
    "No valid solution: the intervention is not billed (art. {article})":
        "Aucune solution valide : l'intervention n'est pas facturée (art. {article})",
    "Partial results: {count} unsolved problem(s) × {each} % = {raw} %, capped at {share} % "
    "(art. {article})":
        "Résultats partiels : {count} problème(s) non résolu(s) × {each} % = {raw} %, "
        "plafonné à {share} % (art. {article})",
    "Partial results: {count} unsolved problem(s) × {each} % = {share} % (art. {article})":
        "Résultats partiels : {count} problème(s) non résolu(s) × {each} % = {share} % "
        "(art. {article})",
    "Prepaid package: {covered} deducted from the credit (art. {article})":
        "Forfait prépayé : {covered} déduites du crédit (art. {article})",
    "No outcome is recorded: the result guarantee cannot be applied. Record each listed "
    "problem: sessiond record {session} outcome --problem N solved|diagnosed|unsolved.":
        "Aucun résultat enregistré : la garantie de résultat ne peut pas s'appliquer. "
        "Enregistrez chaque problème listé : sessiond record {session} outcome --problem N "
        "solved|diagnosed|unsolved.",
    "Listed problems without a recorded outcome: {problems}.":
        "Problèmes listés sans résultat enregistré : {problems}.",
    "{count} listed problem(s) unsolved: on request the client gets {percent} % off "
    "(art. {article}); record it with sessiond record {session} reduction-requested.":
        "{count} problème(s) listé(s) non résolu(s) : sur demande, le client obtient "
        "{percent} % de réduction (art. {article}) ; enregistrez-la avec sessiond record "
        "{session} reduction-requested.",
    "Prepaid credit does not cover {missing} of this session: the client must first buy a "
    "new package (art. {article}).":
        "Le crédit prépayé ne couvre pas {missing} de cette séance : le client doit d'abord "
        "acheter un nouveau forfait (art. {article}).",
    "Policy {policy} has no hourly rate for {mode} sessions: give the session a quoted rate "
    "(sessiond session new --rate) or add [rates.{mode}] to the policy.":
        "La politique {policy} n'a pas de tarif horaire pour les séances en mode {mode} : "
        "donnez un prix convenu à la séance (sessiond session new --rate) ou ajoutez "
        "[rates.{mode}] à la politique.",
    "{fee}: not billed for a {mode} session under this policy (art. {article}).":
        "{fee} : non facturés pour une séance {mode} selon cette politique "
        "(art. {article}).",
    "{fee}: no amount; the policy leaves it open (art. {article}). Record the fee with its "
    "amount: sessiond record {session} fee --kind {name} --amount EUR.":
        "{fee} : aucun montant ; la politique le laisse ouvert (art. {article}). "
        "Enregistrez ces frais avec leur montant : sessiond record {session} fee --kind "
        "{name} --amount EUR.",
    "{fee} is not a fee of policy {policy}; billed as recorded.":
        "{fee} : frais absents de la politique {policy} ; facturés tels qu'enregistrés.",
    "{label} (art. {article})": "{label} (art. {article})",
    "{hours} at {rate}/h": "{hours} à {rate}/h",
    "{percent} % of the planned {planned}": "{percent} % des {planned} prévus",
    # explanations
    "No time worked, no time billed": "Aucun temps travaillé, aucun temps facturé",
    "{worked}: {breakdown} = {billed}": "{worked} : {breakdown} = {billed}",
    " (grace of {duration} per tranche)": " (tolérance de {duration} par tranche)",
    "{duration} worked": "{duration} travaillées",
    "{duration} billed": "{duration} facturées",
    "1 h worked": "1 h travaillée",
    "1 min worked": "1 min travaillée",
    "1 h billed": "1 h facturée",
    "1 min billed": "1 min facturée",
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
        "afficher une politique : tranches, tarifs, frais, règles, articles",
    "check a policy file": "vérifier un fichier de politique",
    "bill a session: worked and billed time, lines, total":
        "facturer une séance : temps travaillé et facturé, lignes, total",
    "prepaid hour packages of a client": "forfaits d'heures prépayés d'un client",
    "record a package bought": "enregistrer un forfait acheté",
    "hours bought, e.g. 3": "heures achetées, par ex. 3",
    "when it was bought (default: now)": "date d'achat (par défaut : maintenant)",
    "policy whose validity applies (default: as for credit show)":
        "politique dont la durée de validité s'applique (par défaut : comme credit show)",
    "packages, what each session used, what is left":
        "forfaits, ce que chaque séance a utilisé, ce qui reste",
    "policy with prepaid credit (default: that of the client's latest such session, else "
    "the configured one)":
        "politique à crédit prépayé (par défaut : celle de la dernière séance du client qui "
        "en a une, sinon celle de la configuration)",
    "No policy found.": "Aucune politique trouvée.",
    "BROKEN: {error}": "INVALIDE : {error}",
    "{count} value(s) to review": "{count} valeur(s) à revoir",
    "to review: {note}": "à revoir : {note}",
    "Document: {name}, {business}, {date} ({file})": "Document : {name}, {business}, {date} "
                                                      "({file})",
    "undated": "non daté",
    "Tranches: first block {first}, then {increment}, grace {grace} (art. {article})":
        "Tranches : premier bloc {first}, puis {increment}, tolérance {grace} "
        "(art. {article})",
    "Rate {mode}: {rate}/h (art. {article})": "Tarif {mode} : {rate}/h (art. {article})",
    "{hours} at the session's rate": "{hours} au tarif de la séance",
    "{percent} % of the planned price": "{percent} % du prix prévu",
    "amount given when recorded": "montant indiqué à l'enregistrement",
    "Fee {name}: {how} (art. {article})": "Frais {name} : {how} (art. {article})",
    "Discount {name}: {percent} % (art. {article})":
        "Remise {name} : {percent} % (art. {article})",
    "Guarantee: no valid solution, no fee (art. {article})":
        "Garantie : pas de solution valide, pas de facture (art. {article})",
    "Guarantee: a diagnosis of an unsolvable problem is a valid solution (art. {article})":
        "Garantie : le diagnostic d'un problème insoluble est une solution valide "
        "(art. {article})",
    "Guarantee: on request {each} % off per unsolved listed problem, at most {cap} % "
    "(art. {article})":
        "Garantie : sur demande, {each} % de réduction par problème listé non résolu, au "
        "plus {cap} % (art. {article})",
    "Prepaid credit: packages valid {months} months (art. {article})":
        "Crédit prépayé : forfaits valables {months} mois (art. {article})",
    "VAT: {mention} (art. {article})": "TVA : {mention} (art. {article})",
    "Rules:": "Règles :",
    "art. {article}": "art. {article}",
    "To review before use ({count}): {keys}": "À revoir avant usage ({count}) : {keys}",
    "{path}: valid (policy {id}, {rules} rule(s), {count} value(s) to review)":
        "{path} : valide (politique {id}, {rules} règle(s), {count} valeur(s) à revoir)",
    "Note: to use it, save it as {name} in {dir}.":
        "Note : pour l'utiliser, enregistrez-la sous le nom {name} dans {dir}.",
    "Session {session} · client {client} · policy {policy} ({state})":
        "Séance {session} · client {client} · politique {policy} ({state})",
    "Worked: {worked}   Billed: {billed}": "Travaillé : {worked}   Facturé : {billed}",
    "Total so far": "Total à ce stade",
    "Total": "Total",
    "Next tranche in {wait} (at {time}): +{amount}":
        "Prochaine tranche dans {wait} (à {time}) : +{amount}",
    "Paused: the next tranche starts after {wait} more work: +{amount}":
        "En pause : la prochaine tranche commence après {wait} de travail : +{amount}",
    "Prepaid credit left after this session: {left}":
        "Crédit prépayé restant après cette séance : {left}",
    "--hours {hours!r}: give a positive number of hours, e.g. 3 or 1.5.":
        "--hours {hours!r} : indiquez un nombre d'heures positif, par ex. 3 ou 1.5.",
    "Credit added: {hours} h for client {client} (event #{seq}).":
        "Crédit ajouté : {hours} h pour le client {client} (événement n° {seq}).",
    "Valid until {day} (policy {policy}, art. {article}).":
        "Valable jusqu'au {day} (politique {policy}, art. {article}).",
    "Prepaid credit of client {client} (policy {policy}, art. {article})":
        "Crédit prépayé du client {client} (politique {policy}, art. {article})",
    "No package bought: sessiond credit add {client} --hours H":
        "Aucun forfait acheté : sessiond credit add {client} --hours H",
    "#{seq} bought {day}: {hours}, used {used}, left {left}":
        "n° {seq} acheté le {day} : {hours}, utilisé {used}, reste {left}",
    "expired {day}: {left} lost": "expiré le {day} : {left} perdu(es)",
    "valid until {day}": "valable jusqu'au {day}",
    "session {session}: {billed} billed, {covered} from the credit":
        "séance {session} : {billed} facturé(es), {covered} prises sur le crédit",
    "{missing} not covered": "{missing} non couvertes",
    "Left: {left}": "Reste : {left}",
    # --- daemon ---
    "Another sessiond daemon is already running (pid {pid}).":
        "Un autre démon sessiond tourne déjà (pid {pid}).",
    "turned off by --no-idle": "désactivée par --no-idle",
    "turned off by --no-hotkeys": "désactivés par --no-hotkeys",
    "Hotkeys and idle detection off: {reason}.":
        "Raccourcis et détection d'inactivité désactivés : {reason}.",
    "hotkeys": "raccourcis",
    "idle detection": "détection d'inactivité",
    "{name}: on": "{name} : en service",
    "{name}: off ({reason})": "{name} : hors service ({reason})",
    "{name}: unknown": "{name} : inconnu",
    "Answer worked or paused.": "Répondez worked (travaillé) ou paused (pause).",
    "No question #{id}. sessiond daemon questions lists them.":
        "Aucune question n° {id}. sessiond daemon questions les liste.",
    "Session {session}: {length} without trace, from {start} to {end}: {why}. "
    "Worked or paused? See sessiond daemon questions.":
        "Session {session} : {length} sans trace, de {start} à {end} : {why}. "
        "Travaillé ou pause ? Voir sessiond daemon questions.",
    "sessiond was not running (crash, kill or power loss)":
        "sessiond ne tournait pas (plantage, arrêt forcé ou coupure de courant)",
    "the computer was asleep": "l'ordinateur était en veille",
    "no keyboard or mouse input": "aucune action au clavier ni à la souris",
    "End-of-day export made for {first} to {last}: {path}":
        "Export de fin de journée fait pour le {first} au {last} : {path}",
    "End-of-day export made for {day}: {path}":
        "Export de fin de journée fait pour le {day} : {path}",
    "End-of-day export failed: {problem}": "Échec de l'export de fin de journée : {problem}",
    "Session {session} started.": "Session {session} démarrée.",
    "Session {session} resumed.": "Session {session} reprise.",
    "Session {session} paused.": "Session {session} en pause.",
    "Session {session} stopped.": "Session {session} terminée.",
    "Session {session} is already running.": "La session {session} est déjà en cours.",
    "Session {session}: no input for {minutes} min. Still working?":
        "Session {session} : aucune action depuis {minutes} min. Toujours au travail ?",
    "No session to start: plan one first (sessiond session new CLIENT).":
        "Aucune session à démarrer : créez-en une d'abord (sessiond session new CLIENT).",
    "No running session to pause.": "Aucune session en cours à mettre en pause.",
    "No running or paused session to stop.": "Aucune session en cours ou en pause à terminer.",
    "Session {session}: in {minutes} min, next tranche, +{length} / +{amount} EUR":
        "Session {session} : dans {minutes} min : tranche suivante, +{length} / +{amount} EUR",
    "Wayland session (global hotkeys would only work in XWayland windows); bind "
    "sessiond start/pause/stop to desktop shortcuts instead":
        "session Wayland (les raccourcis globaux ne marcheraient que dans les fenêtres "
        "XWayland) ; associez plutôt sessiond start/pause/stop à des raccourcis du bureau",
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
        "{setting} = {value!r} : indiquez une heure locale HH:MM, par ex. 19:30.",
    "{setting} = {value!r}: the clocks change between 02:00 and 03:00 (that hour is "
    "skipped in March and repeated in October); choose another time.":
        "{setting} = {value!r} : l'heure change entre 02:00 et 03:00 (cette heure est "
        "sautée en mars et répétée en octobre) ; choisissez une autre heure.",
    "Daemon: running (pid {pid}); {hotkeys}; {idle}.":
        "Démon : en marche (pid {pid}) ; {hotkeys} ; {idle}.",
    "Daemon: not running; the terminal interface runs the scheduled jobs (no hotkeys, "
    "no idle detection).":
        "Démon : arrêté ; l'interface du terminal exécute les tâches planifiées (sans "
        "raccourcis ni détection d'inactivité).",
    "Daemon: not running (sessiond daemon, or sessiond systemd install); hotkeys, idle "
    "detection and reminders are off.":
        "Démon : arrêté (sessiond daemon, ou sessiond systemd install) ; raccourcis, "
        "détection d'inactivité et rappels désactivés.",
    "{count} question(s) waiting for an answer: sessiond daemon questions.":
        "{count} question(s) en attente de réponse : sessiond daemon questions.",
    "the exports module is not available ({problem})":
        "le module d'export n'est pas disponible ({problem})",
    "Question #{id}: recorded as worked (event #{seq}).":
        "Question n° {id} : enregistré comme travaillé (événement n° {seq}).",
    "Question #{id}: recorded as a pause (event #{seq}).":
        "Question n° {id} : enregistré comme pause (événement n° {seq}).",
    "Question #{id} was already answered that way.":
        "La question n° {id} a déjà reçu cette réponse.",
    "Answer with: sessiond daemon answer ID worked|paused":
        "Répondez avec : sessiond daemon answer ID worked|paused",
    "No question waiting.": "Aucune question en attente.",
    "{files} already exist in {dir} and differ from what sessiond would write; add "
    "--force to replace them.":
        "{files} existent déjà dans {dir} et diffèrent de ce que sessiond écrirait ; "
        "ajoutez --force pour les remplacer.",
    "Cannot find the sessiond executable to put in ExecStart=; install sessiond (pip "
    "install .) and run this again.":
        "Exécutable sessiond introuvable pour ExecStart= ; installez sessiond (pip "
        "install .) puis relancez.",
    "Units written to {dir}: {names}.": "Unités écrites dans {dir} : {names}.",
    "none (already up to date)": "aucune (déjà à jour)",
    "Run: systemctl --user daemon-reload": "Lancez : systemctl --user daemon-reload",
    "Start the daemon with your graphical session: "
    "systemctl --user enable --now sessiond.service":
        "Pour lancer le démon avec la session graphique : "
        "systemctl --user enable --now sessiond.service",
    "It needs DISPLAY: if your desktop does not start graphical-session.target or import "
    "DISPLAY, run systemctl --user import-environment DISPLAY XAUTHORITY in your session "
    "start-up.":
        "Il a besoin de DISPLAY : si votre bureau ne démarre pas graphical-session.target "
        "ou n'importe pas DISPLAY, lancez systemctl --user import-environment DISPLAY "
        "XAUTHORITY au démarrage de votre session.",
    "Without the daemon, the timer still makes the end-of-day export: "
    "systemctl --user enable --now sessiond-export.timer":
        "Sans le démon, le minuteur fait quand même l'export de fin de journée : "
        "systemctl --user enable --now sessiond-export.timer",
    "run the daemon: reminders, hotkeys, idle detection, daily export":
        "lancer le démon : rappels, raccourcis, détection d'inactivité, export quotidien",
    "Without an action, runs the daemon in the foreground (the systemd unit does this).":
        "Sans action, lance le démon au premier plan (c'est ce que fait l'unité systemd).",
    "do not listen for the global hotkeys": "ne pas écouter les raccourcis globaux",
    "do not watch for idle time": "ne pas surveiller l'inactivité",
    "is the daemon running; hotkeys and idle detection":
        "le démon tourne-t-il ; raccourcis et détection d'inactivité",
    "the daemon's questions waiting for an answer": "les questions du démon en attente",
    "also the recent notifications and answered questions":
        "aussi les notifications récentes et les questions répondues",
    "answer a question: was that span work, or a pause?":
        "répondre à une question : cette période était-elle du travail ou une pause ?",
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
        "Pour les tests seulement : SESSIOND_HEARTBEAT_SECONDS fixe l'intervalle des "
        "battements (15 s par défaut) ; trois intervalles sans battement font un trou.",
    "the keyboard listener stopped (X connection lost?)":
        "l'écoute du clavier s'est arrêtée (connexion X perdue ?)",
    "the X server stopped answering": "le serveur X ne répond plus",
    # --- exports and receipts ---
    # proof of the events behind a document (verify)
    "the export of {first} to {last}": "l'export du {first} au {last}",
    "the receipt of session {session}": "le relevé de la séance {session}",
    "the export of {day}": "l'export du {day}",
    "{what} covers the log up to event #{upto} but the log ends at event #{last}: the log "
    "was truncated or rolled back":
        "{what} couvre le journal jusqu'à l'événement n° {upto} mais le journal s'arrête à "
        "l'événement n° {last} : le journal a été tronqué ou restauré à un état antérieur",
    "{what} was issued with event #{upto}, but the log holds another event there (the log "
    "was rewritten)":
        "{what} a été émis avec l'événement n° {upto}, mais le journal contient un autre "
        "événement à cette place (le journal a été réécrit)",
    "{what}: the sessions' events are not those it was issued with ({printed} events of "
    "{sessions} session(s) printed, {found} of {found_sessions} in the log): events were "
    "deleted, altered or rolled back":
        "{what} : les événements des séances ne sont plus ceux de son émission ({printed} "
        "événements de {sessions} séance(s) imprimés, {found} de {found_sessions} dans le "
        "journal) : des événements ont été supprimés, modifiés ou restaurés",
    "{what}: its events line names an unknown time zone":
        "{what} : sa ligne d'événements indique un fuseau horaire inconnu",
    # exports
    "Unknown export format {format!r}: choose csv or json.":
        "Format d'export inconnu {format!r} : choisissez csv ou json.",
    "The range ends ({last}) before it starts ({first}).":
        "La période se termine ({last}) avant de commencer ({first}).",
    "A range of at most {days} days can be exported at once.":
        "Un export couvre au plus {days} jours.",
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
    "{count} session(s)": "{count} séance(s)",
    "Sessions covered (events digest)": "Séances couvertes (empreinte des événements)",
    "Public key (Ed25519)": "Clé publique (Ed25519)",
    "Signed checkpoint": "Point de contrôle signé",
    "{first} then tranches of {increment}": "{first} puis tranches de {increment}",
    "tranches of {increment}": "tranches de {increment}",
    "not checked": "non vérifiée",
    "compliant": "conforme",
    "{count} error(s)": "{count} erreur(s)",
    "{count} warning(s)": "{count} avertissement(s)",
    "session not started.": "séance non commencée.",
    "session not finished: amount so far.": "séance non terminée : montant à ce stade.",
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
    "recording of the session": "enregistrement de la séance",
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
        "La séance {session} n'est pas terminée ({state}) : arrêtez-la d'abord "
        "(sessiond stop {session}), puis émettez son relevé.",
    "The receipt of session {session} cannot be issued: {problem}":
        "Le relevé de la séance {session} ne peut pas être émis : {problem}",
    "Your identity is incomplete on the receipt: set {fields} under [technician] in "
    "config.toml (a micro-entrepreneur's documents must carry them).":
        "Votre identité est incomplète sur le relevé : renseignez {fields} dans la section "
        "[technician] de config.toml (obligatoire sur les documents d'un micro-entrepreneur).",
    "receipt": "releve",
    "Service record": "Relevé d'intervention",
    "Service record no. {number}": "Relevé d'intervention n° {number}",
    "Service record no. {number} — session {session}":
        "Relevé d'intervention n° {number} — séance {session}",
    "Supporting document no. {number}, issued on {moment}":
        "Document justificatif n° {number}, émis le {moment}",
    "Service provider": "Prestataire",
    "Full name": "Nom",
    "{name}, sole trader (EI)": "{name}, entrepreneur individuel (EI)",
    "Trade name": "Nom commercial",
    "Registration": "Immatriculation",
    "Postal address": "Adresse",
    "Contact details": "Contact",
    "The client": "Client",
    "(client erased)": "(client effacé)",
    "Client reference": "Référence client",
    "Client status": "Qualité",
    "The intervention": "Intervention",
    "Session reference": "Référence de la séance",
    "Date of the intervention": "Date",
    "Mode and place": "Mode et lieu",
    "Client's system": "Système du client",
    "Terms applied": "Conditions appliquées",
    "Problem {n}": "Problème {n}",
    "Client's consent": "Consentement",
    "Consent given": "Consentement donné",
    "{channel}, on {moment}, by {by}": "{channel}, le {moment}, par {by}",
    "No consent is on record for this session.":
        "Aucun consentement n'est enregistré pour cette séance.",
    "Started without consent on record; reason given: {reason}":
        "Démarrée sans consentement enregistré ; motif indiqué : {reason}",
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
        "{start} à {end} : inactivité constatée, non travaillée",
    "Stopped at": "Fin",
    "Time worked": "Temps travaillé",
    "Time billed": "Temps facturé",
    "Detail of the amount": "Détail",
    "Total (excl. VAT = incl. VAT)": "Total HT = TTC",
    "Prepaid credit used": "Crédit prépayé utilisé",
    "Prepaid credit left": "Crédit prépayé restant",
    "Payment received on {moment} ({method})": "Paiement reçu le {moment} ({method})",
    "Left to pay": "Reste à payer",
    "Confidentiality": "Confidentialité",
    " (art. {articles})": " (art. {articles})",
    "No screen capture, no file kept{cited}.":
        "Aucune capture d'écran, aucun fichier conservé{cited}.",
    "Kept during the session{cited}:": "Conservé pendant la séance{cited} :",
    "at the client's request: « {request} »": "à la demande du client : « {request} »",
    "WITHOUT a documented request from the client": "SANS demande documentée du client",
    "other item": "autre élément",
    "sessiond records no screen content, keystroke or file content: only the facts above "
    "(times, consent, outcome).":
        "sessiond n'enregistre ni le contenu de l'écran, ni les frappes au clavier, ni le "
        "contenu des fichiers : seulement les faits ci-dessus (horaires, consentement, "
        "résultat).",
    "Compliance with the terms": "Conformité aux conditions",
    "No finding: the session kept the terms applied.":
        "Aucune anomalie : la séance a respecté les conditions appliquées.",
    "{severity} (art. {article})": "{severity} (art. {article})",
    "How to verify this document": "Vérification",
    "The technician's log is hash-chained and signed (Ed25519). The checkpoint below "
    "proves that the log holds this session, unchanged, as it was when this document was "
    "issued: keep this document. Check it with sessiond verify --receipt FILE.":
        "Le journal du prestataire est chaîné et signé (Ed25519). Le point de contrôle "
        "ci-dessous prouve que le journal contient cette séance, inchangée depuis l'émission "
        "de ce document : conservez-le. Vérification : sessiond verify --receipt FICHIER.",
    "Signing key fingerprint": "Empreinte de la clé",
    "Public signing key": "Clé publique",
    # the commands
    "export the sessions of a day or of a range of days (CSV or JSON)":
        "exporter les séances d'un jour ou d'une période (CSV ou JSON)",
    "a local day: YYYY-MM-DD, DD/MM/YYYY, today or yesterday (default: today)":
        "un jour : AAAA-MM-JJ, JJ/MM/AAAA, today ou yesterday (par défaut : aujourd'hui)",
    "first day of a range (with --to)": "premier jour d'une période (avec --to)",
    "last day of the range (default: today)":
        "dernier jour de la période (par défaut : aujourd'hui)",
    "csv for a spreadsheet (default), json for other tools":
        "csv pour un tableur (par défaut), json pour d'autres outils",
    "directory of the export file (default: the current one)":
        "dossier du fichier exporté (par défaut : le dossier courant)",
    "issue the client's receipt of a finished session (PDF and text)":
        "émettre le relevé d'intervention d'une séance terminée (PDF et texte)",
    "the PDF's path (the text version goes beside it, .txt); default: the current "
    "directory":
        "chemin du PDF (la version texte est écrite à côté, .txt) ; par défaut : le "
        "dossier courant",
    "Cannot read the day {text!r}: give YYYY-MM-DD (2026-11-22), DD/MM/YYYY (22/11/2026), "
    "today or yesterday.":
        "Jour illisible {text!r} : indiquez AAAA-MM-JJ (2026-11-22), JJ/MM/AAAA "
        "(22/11/2026), today ou yesterday.",
    "--to needs --from: sessiond export --from DATE --to DATE.":
        "--to va avec --from : sessiond export --from DATE --to DATE.",
    "from {first} to {last}": "du {first} au {last}",
    "of {day}": "du {day}",
    "Export {span}: {count} session(s), total {total}, {path}":
        "Export {span} : {count} séance(s), total {total}, {path}",
    "Nothing changed since the export of event #{seq}: no new event; file {state}.":
        "Rien n'a changé depuis l'export de l'événement n° {seq} : aucun nouvel événement ; "
        "fichier {state}.",
    "written (again)": "écrit",
    "kept as it was": "conservé tel quel",
    "Recorded as event #{seq}, signed checkpoint #{seq}.":
        "Enregistré comme événement n° {seq}, point de contrôle signé n° {seq}.",
    "warning: session {session} has no amount: {problem}":
        "attention : la séance {session} n'a pas de montant : {problem}",
    "Receipt no. {number} of session {session}: total {total}.":
        "Relevé n° {number} de la séance {session} : total {total}.",
    "text version": "version texte",
    "  event #{seq}, signed checkpoint #{seq}":
        "  événement n° {seq}, point de contrôle signé n° {seq}",
    "Cannot write {path}: {error}. Choose another place with --out.":
        "Impossible d'écrire {path} : {error}. Choisissez un autre emplacement avec --out.",
    # --- compliance ---
    "No consent of the client on record before the access.":
        "Aucun consentement du client enregistré avant l'accès.",
    "The policy could not be read, nothing was checked: {problem}":
        "La politique n'a pas pu être lue, rien n'a été contrôlé : {problem}",
    "{what} is dated {at}, after the start ({start}).":
        "{what} est daté(e) du {at}, après le début ({start}).",
    "The acceptance of the quote": "L'acceptation du devis",
    "No signed quote on record before the start: nothing starts before the client accepts "
    "the quote.":
        "Aucun devis signé enregistré avant le début : rien ne commence avant que le client "
        "accepte le devis.",
    "The consumer's request to start within the withdrawal period":
        "La demande du consommateur de commencer pendant le délai de rétractation",
    "The consumer ordered on {ordered}, less than {days} days before the start: his express "
    "request to start within the withdrawal period must be on record first "
    "(C. consom. L221-25).":
        "Le consommateur a commandé le {ordered}, moins de {days} jours avant le début : sa "
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
        "Aucune question de sauvegarde enregistrée avant le début : proposez une sauvegarde "
        "et enregistrez la réponse du client.",
    "The payment": "Le paiement",
    "No payment on record before the start.": "Aucun paiement enregistré avant le début.",
    "The prepaid credit does not cover {missing} of this session: the client must first buy "
    "a new package.":
        "Le crédit prépayé ne couvre pas {missing} de cette séance : le client doit d'abord "
        "acheter un nouveau forfait.",
    "The client is in {country}; the terms cover {wanted} only.":
        "Le client est en {country} ; les conditions ne couvrent que {wanted}.",
    "The client is recorded as a business; check that these terms cover him (see the "
    "article).":
        "Le client est enregistré comme professionnel ; vérifiez que ces conditions le "
        "couvrent (voir l'article).",
    "Kept without the client's explicit, documented request: {items}.":
        "Conservé sans demande explicite et documentée du client : {items}.",
    "Stored text seems to hold secrets ({items}); no password or secret may be kept.":
        "Un texte enregistré semble contenir des secrets ({items}) ; aucun mot de passe ni "
        "secret ne doit être conservé.",
    "Paid by {given} ({events}); the terms accept {wanted}.":
        "Payé par {given} ({events}) ; les conditions acceptent : {wanted}.",
    "Payment {events} taken while no signed quote was on record: a payment alone is not "
    "acceptance of the quote.":
        "Paiement {events} reçu alors qu'aucun devis signé n'était enregistré : un paiement "
        "seul ne vaut pas acceptation du devis.",
    "No disconnection on record after the intervention: the technician must no longer be "
    "able to take control.":
        "Aucune déconnexion enregistrée après l'intervention : le technicien ne doit plus "
        "pouvoir prendre le contrôle.",
    "No receipt was issued for this session.":
        "Aucun document justificatif n'a été remis pour cette séance.",
    "Started WITHOUT the client's consent (the reason is recorded with the start).":
        "Commencée SANS le consentement du client (le motif est enregistré avec le début).",
    "The client's consent": "Le consentement du client",
    "Consent given by {given}; the terms ask for {wanted}.":
        "Consentement donné par {given} ; les conditions demandent : {wanted}.",
    "The quote was accepted by {given}; only {wanted} counts.":
        "Le devis a été accepté par {given} ; seul(e) {wanted} compte.",
    "The client's system is not on record (session new --client-os); the terms cover "
    "{wanted} only.":
        "Le système du client n'est pas enregistré (session new --client-os) ; les "
        "conditions ne couvrent que {wanted}.",
    "The client's system is {os}; the terms cover {wanted} only.":
        "Le système du client est {os} ; les conditions ne couvrent que {wanted}.",
    "To do now: disconnect from the client's computer and record it (sessiond record "
    "{session} disconnect-confirmed).":
        "À faire maintenant : déconnectez-vous de l'ordinateur du client et enregistrez-le "
        "(sessiond record {session} disconnect-confirmed).",
    "To do now: give the client the supporting document of this intervention.":
        "À faire maintenant : remettez au client le document justificatif de cette "
        "intervention.",
    "No receipt on record for this session: give the client a supporting document.":
        "Aucun document justificatif enregistré pour cette séance : remettez-en un au "
        "client.",
    "Declared instants (--at) more than {minutes} min from when they were recorded: "
    "{events}.":
        "Heures déclarées (--at) à plus de {minutes} min de leur enregistrement : {events}.",
    "The wall clock jumped while the machine ran (compared with its boot clock): {jumps}.":
        "L'horloge murale a sauté pendant le fonctionnement de la machine (comparée à son "
        "horloge de démarrage) : {jumps}.",
    "{delta} between #{first} and #{second}": "{delta} entre n° {first} et n° {second}",
    "a screenshot": "une capture d'écran",
    "a file copy": "une copie de fichier",
    "a recording": "un enregistrement",
    "another copy": "une autre copie",
    "No session on {day}.": "Aucune séance le {day}.",
    "ERROR": "ERREUR",
    "kept its terms: no finding": "conditions respectées : aucun constat",
    "{errors} error(s), {warnings} warning(s)": "{errors} erreur(s), {warnings} avertissement(s)",
    "check a session, or a day's sessions, against the policy's rules":
        "contrôler une séance, ou les séances d'un jour, selon les règles de la politique",
    "a session (default: today's sessions)": "une séance (par défaut : celles du jour)",
    "Give a session or --day, not both.": "Indiquez une séance ou --day, pas les deux.",
    "sessiond: compliance check: {errors} error(s), {warnings} warning(s); details: "
    "sessiond check {session}":
        "sessiond : contrôle de conformité : {errors} erreur(s), {warnings} "
        "avertissement(s) ; détails : sessiond check {session}",
    # --- TUI -----------------------------------------------------------------------------
    "Help": "Aide",
    "Quit": "Quitter",
    "Questions": "Questions",
    "Reminder": "Rappel",
    "Refused": "Refusé",
    "Scheduled jobs not started": "Tâches planifiées non démarrées",
    "New session": "Nouvelle séance",
    "Plan a session for a client": "Préparer une séance pour un client",
    "Today": "Aujourd'hui",
    "The day's sessions": "Les séances du jour",
    "Clients": "Clients",
    "Clients, their sessions and prepaid hours":
        "Les clients, leurs séances et leurs heures prépayées",
    "Terms": "Conditions",
    "The policies and their rules": "Les politiques et leurs règles",
    "Keys and how the clock works": "Les touches, et comment le chronomètre compte",
    "Open {client} ({session})": "Ouvrir {client} ({session})",
    "Session {state}": "Séance {state}",
    "Close": "Fermer",
    "Key": "Touche",
    "Action": "Action",
    "The clock is computed from the recorded events and the current time: it stays right after a "
    "suspend or a restart, and a start, pause or stop typed in another terminal (sessiond pause "
    "…) shows here within a second.\nNotes and reasons are scanned as you type: a password, a "
    "code or a card number is refused before anything is written.\nKeys can be changed in "
    'config.toml, section [keymap], by the ids shown above (e.g. "session.pause" = '
    '"f5").\nCtrl+P opens the command palette.':
        "Le chronomètre est calculé à partir des événements enregistrés et de l'heure : il reste "
        "juste après une mise en veille ou un redémarrage, et un démarrage, une pause ou un "
        "arrêt tapé dans un autre terminal (sessiond pause …) s'affiche ici en moins d'une "
        "seconde.\nNotes et motifs sont analysés pendant la frappe : un mot de passe, un code ou "
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
    "Session": "Séance",
    "Start": "Début",
    "Worked": "Travaillé",
    "Billed": "Facturé",
    "Amount": "Montant",
    "Today, {day}": "Aujourd'hui, {day}",
    "Day total: {worked} worked · {billed} billed · {amount}":
        "Total du jour : {worked} travaillé · {billed} facturé · {amount}",
    "No session today. Press n to plan one.":
        "Aucune séance aujourd'hui. Appuyez sur n pour en préparer une.",
    "✖ {count}": "✖ {count}",
    "⚠ {count}": "⚠ {count}",
    "Create": "Créer",
    "Back": "Retour",
    "Mode": "Mode",
    "Client's computer": "Ordinateur du client",
    "unknown": "inconnu",
    "Partner ID (remote tool)": "ID du client (outil de prise en main)",
    "Quoted hourly rate (optional)": "Tarif horaire du devis (facultatif)",
    "terms' price": "prix des conditions",
    "Problems the client listed (one per line)": "Problèmes signalés par le client (un par ligne)",
    "Pick a client": "Choisir un client",
    "New client…": "Nouveau client…",
    "Pick the terms": "Choisir les conditions",
    "Create the session": "Créer la séance",
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
        "Indiquez un motif : il est enregistré et signalé.",
    "Stop the session?": "Arrêter la séance ?",
    "The clock stops, the terms are checked and the log is signed.":
        "Le chronomètre s'arrête, les conditions sont vérifiées et le journal est signé.",
    "The client ended it": "Le client y a mis fin",
    "Artifact made at the client's request": "Copie faite à la demande du client",
    "The client's request, as he made it (when, how):":
        "La demande du client, telle qu'il l'a faite (quand, comment) :",
    "Payment received": "Paiement reçu",
    "Amount in euros:": "Montant en euros :",
    "A span without trace": "Une période sans trace",
    "Worked (w)": "Travaillé (w)",
    "Paused (p)": "En pause (p)",
    "Later": "Plus tard",
    "Start without consent": "Démarrer sans consentement",
    "The client's consent to the remote access": "Consentement du client à la prise en main",
    "Consumer: request to start within the withdrawal period":
        "Particulier : demande de commencer pendant le délai de rétractation",
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
    "{count} point(s) of the terms still open: starting now reports them.":
        "{count} point(s) des conditions encore ouvert(s) : démarrer maintenant les signalera.",
    "Everything the terms ask for is on record.":
        "Tout ce que demandent les conditions est enregistré.",
    "Say who gave consent (the client, or the person he trusted).":
        "Indiquez qui a donné son consentement (le client, ou la personne de confiance).",
    "Say who signed the quote.": "Indiquez qui a signé le devis.",
    "Say who: --by NAME.": "Indiquez qui : --by NOM.",
    "Why must access start before the client's consent is on record? The reason is recorded and "
    "reported.":
        "Pourquoi l'accès doit-il commencer avant que le consentement du client soit enregistré "
        "? Le motif est enregistré et signalé.",
    "Start the clock (ctrl+s)": "Démarrer le chronomètre (ctrl+s)",
    "Start without consent…": "Démarrer sans consentement…",
    "who gave it (name)": "qui l'a donné (nom)",
    "signed by (name)": "signé par (nom)",
    "amount": "montant",
    "Pause": "Pause",
    "Resume": "Reprendre",
    "Stop": "Arrêter",
    "Note": "Note",
    "Client took control": "Le client reprend la main",
    "Disconnected": "Déconnecté",
    "Artifact": "Copie",
    "RUNNING": "EN COURS",
    "PAUSED for {duration}": "EN PAUSE depuis {duration}",
    "started at {time}": "démarrée à {time}",
    "{count} pause(s), {duration}": "{count} pause(s), {duration}",
    "No bill: {problem}": "Pas de facture : {problem}",
    "Amount so far": "Montant à ce stade",
    "Next tranche": "Prochaine tranche",
    "in {duration} of work: +{amount}": "dans {duration} de travail : +{amount}",
    "(at {time})": "(à {time})",
    "Reason (optional), e.g. the client's call, a restart:":
        "Motif (facultatif), par ex. appel du client, redémarrage :",
    "Recorded: the client took control back.": "Enregistré : le client a repris la main.",
    "Recorded: disconnected.": "Enregistré : déconnecté.",
    "Recorded without a request from the client: the terms allow copies only at his request; "
    "this will be reported.":
        "Enregistré sans demande du client : les conditions n'autorisent les copies qu'à sa "
        "demande ; ce sera signalé.",
    "Note recorded.": "Note enregistrée.",
    "Note: enter saves it; passwords and codes are refused":
        "Note : Entrée l'enregistre ; mots de passe et codes sont refusés",
    "Terms kept so far.": "Conditions respectées jusqu'ici.",
    "(art. {article})": "(art. {article})",
    "ID {partner}": "ID {partner}",
    "planned at {time}": "préparée à {time}",
    "Terms: {policy}": "Conditions : {policy}",
    "Receipt": "Relevé",
    "Payment": "Paiement",
    "Reduction asked": "Réduction demandée",
    "Bill": "Facture",
    "Line": "Ligne",
    "Art.": "Art.",
    "Rule": "Règle",
    "Finding": "Constat",
    "{start} → {end} · worked {worked} · {count} pause(s), {paused} · ended by {who}":
        "{start} → {end} · travaillé {worked} · {count} pause(s), {paused} · fin par {who}",
    "Billed {billed} for {worked} worked.": "Facturé {billed} pour {worked} travaillé.",
    "The terms could not be checked: {problem}":
        "Les conditions n'ont pas pu être vérifiées : {problem}",
    "✔ Nothing to report against the terms.": "✔ Rien à signaler au regard des conditions.",
    "{errors} error(s), {warnings} warning(s):":
        "{errors} erreur(s), {warnings} avertissement(s) :",
    "Outcome of each problem the client listed": "Résultat de chaque problème signalé",
    "outcome…": "résultat…",
    "Paid: {payments}": "Payé : {payments}",
    "Receipt issued at {time}.": "Relevé émis à {time}.",
    "Issuing the receipt…": "Émission du relevé…",
    "Receipt no. {number}: {total}\n{path}": "Relevé n° {number} : {total}\n{path}",
    "Prepaid hours": "Heures prépayées",
    "Status": "Statut",
    "Sessions": "Séances",
    "Credit left": "Crédit restant",
    "Prepaid credit": "Crédit prépayé",
    "No client yet. Press a to add one.": "Aucun client. Appuyez sur a pour en ajouter un.",
    "His terms have no prepaid hours.": "Ses conditions ne prévoient pas d'heures prépayées.",
    "{policy} (art. {article}): {left} left": "{policy} (art. {article}) : reste {left}",
    "bought {day}: {hours}, {left} left": "acheté le {day} : {hours}, reste {left}",
    "expired {day}": "expiré le {day}",
    "No package bought yet.": "Aucun forfait acheté.",
    "Prepaid hours for {client}": "Heures prépayées pour {client}",
    "Hours bought (e.g. 3 or 1,5):": "Heures achetées (par ex. 3 ou 1,5) :",
    "Give a positive number of hours, e.g. 3 or 1,5.":
        "Indiquez un nombre d'heures positif, par ex. 3 ou 1,5.",
    "File: {path} ({source})": "Fichier : {path} ({source})",
    "Tranches (art. {article})": "Tranches (art. {article})",
    "then tranches of {duration}; a started tranche is due":
        "puis tranches de {duration} ; toute tranche commencée est due",
    "grace {duration}": "tolérance {duration}",
    "Rates": "Tarifs",
    "{mode}: {price} per hour (art. {article})": "{mode} : {price} de l'heure (art. {article})",
    "Fees": "Frais",
    "{hours} h at the session's rate": "{hours} h au tarif de la séance",
    "Discount {name} (art. {article})": "Remise {name} (art. {article})",
    "Result guarantee": "Garantie de résultat",
    "{each} % off per unsolved problem, at most {cap} % (art. {article})":
        "{each} % de remise par problème non résolu, au plus {cap} % (art. {article})",
    "Prepaid hours (art. {article})": "Heures prépayées (art. {article})",
    "valid {months} months from purchase": "valables {months} mois après l'achat",
    "Rules checked": "Règles vérifiées",
    "session planned": "séance préparée",
    "consent: {channel}, {by}": "consentement : {channel}, {by}",
    "started WITHOUT consent: {reason}": "démarrée SANS consentement : {reason}",
    "started": "démarrée",
    "paused: {reason}": "en pause : {reason}",
    "resumed": "reprise",
    "stopped by {who}": "arrêtée par {who}",
    "note: {text}": "note : {text}",
    "{artifact} at the client's request: {request}":
        "{artifact} à la demande du client : {request}",
    "{artifact} WITHOUT a request from the client": "{artifact} SANS demande du client",
    "the client took control back": "le client a repris la main",
    "disconnected: no more access to the client's computer":
        "déconnecté : plus d'accès à l'ordinateur du client",
    "quote accepted ({how})": "devis accepté ({how})",
    "withdrawal waiver ({medium})": "renonciation au délai de rétractation ({medium})",
    "client asked to close his sensitive documents":
        "client invité à fermer ses documents sensibles",
    "backup: {answer}": "sauvegarde : {answer}",
    "payment: {amount} ({method})": "paiement : {amount} ({method})",
    "problem {number}: {result}": "problème {number} : {result}",
    "fee: {fee}": "frais : {fee}",
    "terms checked: {errors} error(s), {warnings} warning(s)":
        "conditions vérifiées : {errors} erreur(s), {warnings} avertissement(s)",
    "receipt issued": "relevé émis",
    "unseen span {start}–{end}: {decision}": "période sans trace {start}–{end} : {decision}",
    "worked": "travaillé",
    "Paused": "En pause",
    "Start now": "Démarrer",
    "{name}: {value}": "{name} : {value}",
    "shipped with sessiond": "fournie avec sessiond",
    "your own": "la vôtre",
    # --- invoices ----------------------------------------------------------------------

    # --- invoices: validation -------------------------------------------------------------
    "Invoice {number}: {problem}": "Facture {number} : {problem}",
    "Credit note {number}: {problem}": "Avoir {number} : {problem}",
    "{field} is missing.": "{field} manque.",
    "{field} {value!r} is not an invoice number: letters, digits and - / _ . only, at most "
    "30 characters (e.g. F-2026-0007).":
        "{field} {value!r} n'est pas un numéro de facture : lettres, chiffres et - / _ . "
        "seulement, 30 caractères au plus (par ex. F-2026-0007).",
    "{field} must be \"invoice\" or \"credit-note\", not {value!r}.":
        "{field} doit valoir « invoice » ou « credit-note », et non {value!r}.",
    "{field} must be a two-letter country code such as FR, not {value!r}.":
        "{field} doit être un code pays à deux lettres comme FR, et non {value!r}.",
    "{field} {value!r} is not a SIREN (9 digits) or a SIRET (14 digits).":
        "{field} {value!r} n'est ni un SIREN (9 chiffres) ni un SIRET (14 chiffres).",
    "{field} {value!r} fails the SIREN check digit: check it on "
    "annuaire-entreprises.data.gouv.fr.":
        "{field} {value!r} a une clé de contrôle SIREN fausse : vérifiez-le sur "
        "annuaire-entreprises.data.gouv.fr.",
    "{field} {value!r} is not an e-mail address.":
        "{field} {value!r} n'est pas une adresse e-mail.",
    "the seller's name {value!r} must end with \" EI\" (entrepreneur individuel, Code de "
    "commerce L526-22), e.g. {example!r}.":
        "le nom du vendeur {value!r} doit se terminer par « EI » (entrepreneur individuel, "
        "Code de commerce L526-22), par ex. {example!r}.",
    "a French business client needs its SIREN ({field}).":
        "un client professionnel établi en France doit avoir son SIREN ({field}).",
    "line {line}: the unit must be HUR (hours) or C62 (units), not {value!r}.":
        "ligne {line} : l'unité doit être HUR (heures) ou C62 (unités), et non {value!r}.",
    "line {line}: the unit price cannot be negative; enter a discount as a negative "
    "quantity.":
        "ligne {line} : le prix unitaire ne peut pas être négatif ; saisissez une remise "
        "avec une quantité négative.",
    "line {line}: the amount {amount} is not the quantity times the unit price "
    "({expected}); bill a tranche that is not a whole number of cents per hour in units "
    "(C62) at the tranche's price.":
        "ligne {line} : le montant {amount} n'est pas la quantité multipliée par le prix "
        "unitaire ({expected}) ; facturez une tranche qui ne tombe pas juste à l'heure en "
        "unités (C62) au prix de la tranche.",
    "the total {total} is not the sum of the lines ({expected}).":
        "le total {total} n'est pas la somme des lignes ({expected}).",
    "the total cannot be negative; a credit note cancels an invoice with positive amounts.":
        "le total ne peut pas être négatif ; un avoir annule une facture avec des montants "
        "positifs.",
    "{field} {amount} is not a positive amount in euros and cents.":
        "{field} {amount} n'est pas un montant positif en euros et centimes.",
    "{field} {amount} has more than two decimals.":
        "{field} {amount} a plus de deux décimales.",
    "the payments received ({paid}) exceed the total ({total}).":
        "les paiements reçus ({paid}) dépassent le total ({total}).",
    "the due date {due} is before the issue date {issued}.":
        "l'échéance {due} précède la date d'émission {issued}.",
    "only EUR is supported, not {value!r}.": "seul l'euro (EUR) est pris en charge, et non "
                                             "{value!r}.",
    # --- invoices: document ---------------------------------------------------------------
    "Invoice": "Facture",
    "Credit note": "Avoir",
    "Invoice no. {number}": "Facture n° {number}",
    "Credit note no. {number}": "Avoir n° {number}",
    "Date: {date}": "Date : {date}",
    "Cancels invoice no. {number}": "Annule la facture n° {number}",
    "Cancels invoice no. {number} of {date}": "Annule la facture n° {number} du {date}",
    "Reason: {reason}": "Motif : {reason}",
    "Seller": "Prestataire",
    "SIRET: {number}": "SIRET : {number}",
    "SIREN: {number}": "SIREN : {number}",
    "E-mail: {address}": "E-mail : {address}",
    "Date of the service: {date}": "Date de la prestation : {date}",
    "Dates of the service: from {first} to {last}":
        "Dates de la prestation : du {first} au {last}",
    "Description": "Désignation",
    "Date": "Date",
    "Quantity": "Quantité",
    "Unit price excl. VAT": "Prix unitaire HT",
    "Amount excl. VAT": "Montant HT",
    "{hours} h": "{hours} h",
    "Total excl. VAT": "Total HT",
    "Paid on {date} ({method})": "Réglé le {date} ({method})",
    "Net amount due": "Net à payer",
    "Amount credited": "Montant de l'avoir",
    "Due date: {date}": "Date d'échéance : {date}",
    "Payment terms: {terms}": "Conditions de paiement : {terms}",
    "Late-payment penalties: {rate} (Code de commerce, art. L441-10).":
        "Pénalités de retard : {rate} (Code de commerce, art. L441-10).",
    "In case of late payment, fixed indemnity for recovery costs: {amount} (Code de "
    "commerce, art. L441-10 and D441-5).":
        "En cas de retard de paiement, indemnité forfaitaire pour frais de recouvrement : "
        "{amount} (Code de commerce, art. L441-10 et D441-5).",
    "Early payment: {terms}": "Escompte : {terms}",
    "No discount for early payment.": "Pas d'escompte pour paiement anticipé.",
    "A PDF/A invoice needs an embedded TrueType font: install fonts-dejavu-core, or set "
    "SESSIOND_PDF_FONTS to a directory of .ttf files.":
        "Une facture PDF/A exige une police TrueType incorporée : installez "
        "fonts-dejavu-core, ou indiquez dans SESSIOND_PDF_FONTS un dossier de fichiers .ttf.",
    "Factur-X needs the factur-x package: pip install 'sessiond[facturx]'.":
        "Factur-X exige le paquet factur-x : pip install 'sessiond[facturx]'.",
    # --- configuration values ----------------------------------------------------------
    "a policy id (lower-case letters, digits and dashes)":
        "un identifiant de conditions (minuscules, chiffres et tirets)",
    "0 to 60 minutes": "de 0 à 60\u00a0minutes",
    "1 to 240 minutes": "de 1 à 240\u00a0minutes",
    "a time of day HH:MM, e.g. 19:30": "une heure HH:MM, par ex. 19:30",
    "{path}: keymap: unknown binding id {ids}; the ids are listed by F1 in the terminal "
    "interface.":
        "{path} : keymap : identifiant de raccourci inconnu {ids} ; F1 dans l'interface "
        "les liste.",
    # --- remote-tool logs ------------------------------------------------------------------
    "This is not a TeamViewer, AnyDesk or RustDesk log that sessiond can read.":
        "Ce n'est pas un journal TeamViewer, AnyDesk ou RustDesk que sessiond sait lire.",
    "{name} is not a TeamViewer, AnyDesk or RustDesk log that sessiond can read.":
        "{name} n'est pas un journal TeamViewer, AnyDesk ou RustDesk que sessiond sait lire.",
    "This log was written by {found}, not by {tool}.":
        "Ce journal a été écrit par {found}, pas par {tool}.",
    "Unknown log format {fmt!r}; the known formats are {known}.":
        "Format de journal inconnu {fmt!r} ; formats connus : {known}.",
    "Unknown remote-control tool {tool!r}; the known tools are {known}.":
        "Outil de prise en main inconnu {tool!r} ; outils connus : {known}.",
    # --- corrections -----------------------------------------------------------------------
    "[corrected by {events}]": "[corrigé par {events}]",
    "confirm a time more than 7 days ago": "confirmer une heure de plus de 7 jours",
    "Client {client} merged into {into}: his sessions and credit count as {into}'s (event "
    "#{event}).":
        "Client {client} fusionné avec {into} : ses interventions et son crédit comptent "
        "pour {into} (événement n° {event}).",
    "Event #{seq} corrected (event #{event}).":
        "Événement n° {seq} corrigé (événement n° {event}).",
    "Give the right time: --at TIME.": "Indiquez l'heure exacte : --at HEURE.",
    "Session {session} cancelled (event #{event}).":
        "Session {session} annulée (événement n° {event}).",
    "Session {session} now belongs to client {client} (event #{event}).":
        "La session {session} appartient désormais au client {client} (événement n° {event}).",
    "Session {session} reopened, paused since its stop: sessiond resume {session} continues "
    "it (event #{event}).":
        "Session {session} rouverte, en pause depuis son arrêt : sessiond resume {session} la "
        "reprend (événement n° {event}).",
    "The text of event #{seq} can no longer be read (event #{event}).":
        "Le texte de l'événement n° {seq} est désormais illisible (événement n° {event}).",
    "cancel a session planned by mistake (never started)":
        "annuler une session prévue par erreur (jamais commencée)",
    "correct the time of a start, pause, resume or stop":
        "corriger l'heure d'un début, d'une pause, d'une reprise ou d'un arrêt",
    "make the text of a note, reason or problem unreadable for good":
        "rendre illisible pour toujours le texte d'une note, d'un motif ou d'un problème",
    "the event to correct, as `sessiond log` numbers it":
        "l'événement à corriger, numéroté comme dans `sessiond log`",
    "the event whose text goes, as `sessiond log` numbers it":
        "l'événement dont le texte disparaît, numéroté comme dans `sessiond log`",
    "the right time: HH:MM, ISO date-time, or with offset":
        "l'heure exacte : HH:MM, date-heure ISO, ou avec décalage",
    "the session": "la session",
    "undo a stop pressed by mistake (the session is paused from the stop)":
        "annuler un arrêt par erreur (la session est en pause depuis l'arrêt)",
    "why the correction is made (kept in the log)":
        "pourquoi la correction est faite (gardé dans le journal)",
    "Note #{seq} replaced (event #{event}).": "Note n° {seq} remplacée (événement n° {event}).",
    "a client added twice: count the duplicate as the other":
        "un client ajouté deux fois : compter le doublon comme l'autre",
    "the client added by mistake": "le client ajouté par erreur",
    "the client he really is": "le client qu'il est vraiment",
    "the client it belongs to": "le client à qui elle appartient",
    "the note it corrects, as `sessiond log` numbers it":
        "la note qu'elle corrige, numérotée comme dans `sessiond log`",
    "the session belongs to another client": "la session appartient à un autre client",
    "The time {text} is before 2000: check the year.":
        "L'heure {text} est antérieure à 2000 : vérifiez l'année.",
    "The time {text} is more than 7 days ago ({meant}); if that is really when it happened, "
    "add --yes.":
        "L'heure {text} date de plus de 7 jours ({meant}) ; si c'est bien le moment, ajoutez "
        "--yes.",
    "{text} would mean {meant}, more than 12 hours ago (today's {text} is still to come). "
    "For that instant give the date too: --at {iso}.":
        "{text} voudrait dire {meant}, il y a plus de 12 heures ({text} aujourd'hui n'est pas "
        "encore passé). Pour ce moment-là, donnez aussi la date : --at {iso}.",
    "it is already stopped (sessiond reopen {session} --reason TEXT if the stop was a "
    "mistake)":
        "elle est déjà arrêtée (sessiond reopen {session} --reason TEXTE si l'arrêt était une "
        "erreur)",
    "it was cancelled": "elle a été annulée",
    "A correction needs a reason: --reason TEXT.":
        "Une correction a besoin d'un motif : --reason TEXTE.",
    "Client {client} cannot be merged into itself.":
        "Le client {client} ne peut pas être fusionné avec lui-même.",
    "Client {client} was already merged into {into}.":
        "Le client {client} a déjà été fusionné avec {into}.",
    "Client {client} was merged into {into}: move the session to {into}.":
        "Le client {client} a été fusionné avec {into} : déplacez la session vers {into}.",
    "Event #{seq} ({kind}) at {at} would come after #{other} ({other_kind} at {other_at}), "
    "which happened after it.":
        "L'événement n° {seq} ({kind}) à {at} viendrait après le n° {other} ({other_kind} à "
        "{other_at}), qui a eu lieu après lui.",
    "Event #{seq} ({kind}) at {at} would come before #{other} ({other_kind} at {other_at}), "
    "which happened first.":
        "L'événement n° {seq} ({kind}) à {at} viendrait avant le n° {other} ({other_kind} à "
        "{other_at}), qui a eu lieu d'abord.",
    "Event #{seq} holds no text that can be redacted on its own (none, already redacted, or "
    "written before texts had keys of their own: erasing the client removes it).":
        "L'événement n° {seq} ne contient aucun texte effaçable seul (aucun, déjà effacé, ou "
        "écrit avant que les textes aient leur propre clé : effacer le client le supprime).",
    "Event #{seq} is a {kind}; this correction applies to {kinds}.":
        "L'événement n° {seq} est un {kind} ; cette correction s'applique à {kinds}.",
    "Event #{seq} is not an event of session {session} (sessiond log {session} lists them).":
        "L'événement n° {seq} n'appartient pas à la session {session} (sessiond log {session} "
        "les liste).",
    "Session {session} already belongs to client {client}.":
        "La session {session} appartient déjà au client {client}.",
    "Session {session} has started (#{seq}): only a session that never started can be "
    "cancelled; correct its times with sessiond amend.":
        "La session {session} a commencé (n° {seq}) : seule une session jamais commencée peut "
        "être annulée ; corrigez ses heures avec sessiond amend.",
    "Session {session} is already cancelled.": "La session {session} est déjà annulée.",
    "Session {session} is not stopped: there is nothing to reopen.":
        "La session {session} n'est pas arrêtée : rien à rouvrir.",
    "The receipt #{receipt} was issued before the correction {events}: it no longer states "
    "this intervention; issue a new one (sessiond receipt {session}).":
        "Le relevé n° {receipt} a été émis avant la correction {events} : il ne décrit plus "
        "cette intervention ; émettez-en un nouveau (sessiond receipt {session}).",
    "a client with the same name or e-mail exists already: {clients}. If it is the same "
    "person: sessiond client merge {client} --into {first} --reason TEXT.":
        "un client du même nom ou de la même adresse existe déjà : {clients}. Si c'est la même "
        "personne : sessiond client merge {client} --into {first} --reason TEXTE.",
    "{business}, art. {article}": "{business}, art. {article}",
    # --- evidence from the remote tool (issue 14) -----------------------------------------
    "Cannot read the log {name}: {error}.": "Impossible de lire le journal {name} : {error}.",
    "The saved reading position of a remote-tool log is damaged; read that log again from "
    "the start.":
        "La position de lecture enregistrée d'un journal d'outil distant est abîmée ; relisez "
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
        "les journaux de RustDesk ; chaque connexion est enregistrée dans la session qui lui "
        "correspond (par l'ID partenaire de la session, sinon par l'heure avec une session "
        "de cet outil). Son ID partenaire est scellé comme celui de la session.",
    "read a remote tool's log and record its connections":
        "lire le journal d'un outil distant et enregistrer ses connexions",
    "the tool that wrote it (default: recognised from its content)":
        "l'outil qui l'a écrit (par défaut : reconnu d'après son contenu)",
    "the connections recorded for a session or a day":
        "les connexions enregistrées d'une session ou d'un jour",
    "one session's connections": "les connexions d'une session",
    "{start} → still open": "{start} → encore ouverte",
    "no session matches: not recorded": "aucune session ne correspond : non enregistrée",
    "{session} (new)": "{session} (nouvelle)",
    "{session} (already recorded)": "{session} (déjà enregistrée)",
    "{found} connection(s) in {file} ({fmt}): {new} recorded now, {unmatched} matching no "
    "session.":
        "{found} connexion(s) dans {file} ({fmt}) : {new} enregistrée(s) maintenant, "
        "{unmatched} sans session correspondante.",
    "A connection is recorded once it matches a session: plan it with the partner ID "
    "(sessiond session new CLIENT --tool TOOL --partner-id ID), or start the session of "
    "that tool, then import again.":
        "Une connexion est enregistrée dès qu'elle correspond à une session : planifiez-la "
        "avec l'ID partenaire (sessiond session new CLIENT --tool OUTIL --partner-id ID), ou "
        "démarrez la session de cet outil, puis importez à nouveau.",
    "No connection recorded for session {session}.":
        "Aucune connexion enregistrée pour la session {session}.",
    "No connection recorded on {day}.": "Aucune connexion enregistrée le {day}.",
    "a list of paths": "une liste de chemins",
    "{tool} connected at {at} ({direction}) and no session runs: start {session} at {at}? "
    "(sessiond daemon questions)":
        "{tool} connecté à {at} ({direction}) et aucune session en cours : démarrer "
        "{session} à {at} ? (sessiond daemon questions)",
    "{tool} connected at {at} ({direction}) and no session runs: plan the session "
    "(sessiond session new CLIENT --tool {name}), then answer start SESSION.":
        "{tool} connecté à {at} ({direction}) et aucune session en cours : planifiez la "
        "session (sessiond session new CLIENT --tool {name}), puis répondez start SESSION.",
    "{tool} disconnected at {at} while session {session} runs: stop it (or pause it) at "
    "{at}? (sessiond daemon questions)":
        "{tool} déconnecté à {at} pendant la session {session} : l'arrêter (ou la mettre en "
        "pause) à {at} ? (sessiond daemon questions)",
    "Question #{id} is answered with {choices}.":
        "La question n° {id} se répond par {choices}.",
    " or ": " ou ",
    "Question #{id} was answered already: {answer}.":
        "La question n° {id} a déjà sa réponse : {answer}.",
    "Say which session: sessiond daemon answer {id} {verb} SESSION.":
        "Dites quelle session : sessiond daemon answer {id} {verb} SESSION.",
    "answer a question: was that span work, or a pause? start, stop or pause at the instant "
    "the remote tool logged?":
        "répondre à une question : ce temps était-il du travail ou une pause ? démarrer, "
        "arrêter ou mettre en pause à l'instant journalisé par l'outil distant ?",
    "for start, stop or pause: the session (default: the one the question names)":
        "pour start, stop ou pause : la session (par défaut : celle que nomme la question)",
    "for start, stop or pause: another instant than the logged one":
        "pour start, stop ou pause : un autre instant que celui journalisé",
    "Question #{id}: session {session} started at {at} (event #{seq}).":
        "Question n° {id} : session {session} démarrée à {at} (événement n° {seq}).",
    "Question #{id}: session {session} stopped at {at} (event #{seq}).":
        "Question n° {id} : session {session} arrêtée à {at} (événement n° {seq}).",
    "Question #{id}: session {session} paused at {at} (event #{seq}).":
        "Question n° {id} : session {session} mise en pause à {at} (événement n° {seq}).",
    "Question #{id}: ignored.": "Question n° {id} : ignorée.",
    "Answer with: sessiond daemon answer ID start|stop|pause [SESSION] [--at TIME], or "
    "ignore":
        "Répondez avec : sessiond daemon answer ID start|stop|pause [SESSION] [--at HEURE], "
        "ou ignore",
    "What the remote tool logged": "Ce qu'a journalisé l'outil distant",
    "Start {session}": "Démarrer {session}",
    "Stop {session}": "Arrêter {session}",
    "Pause {session}": "Mettre {session} en pause",
    "Ignore": "Ignorer",
    "{tool} {start} (#{seq})": "{tool} {start} (n° {seq})",
    "Connection {connections} with no consent of the client on record.":
        "Connexion {connections} sans consentement du client enregistré.",
    "Connection {connections} began before the client's consent was on record ({consent}, "
    "#{seq}).":
        "Connexion {connections} commencée avant que le consentement du client soit "
        "enregistré ({consent}, n° {seq}).",
    "The {tool} connection #{seq} stayed open until {end}, {late} after the stop ({stop}).":
        "La connexion {tool} n° {seq} est restée ouverte jusqu'à {end}, {late} après l'arrêt "
        "({stop}).",
    "The {tool} connection #{seq} was still open at {seen}, {late} after the stop ({stop}).":
        "La connexion {tool} n° {seq} était encore ouverte à {seen}, {late} après l'arrêt "
        "({stop}).",
    "To do now: the {tool} connection #{seq} is still open; disconnect from the client's "
    "computer.":
        "À faire maintenant : la connexion {tool} n° {seq} est encore ouverte ; "
        "déconnectez-vous de l'ordinateur du client.",
    "Worked time {worked} exceeds the time connected through {tools} ({connected}) by more "
    "than one tranche ({tranche}).":
        "Le temps travaillé {worked} dépasse de plus d'une tranche ({tranche}) le temps "
        "connecté par {tools} ({connected}).",
    "Connection {connections} reached another partner ID than the one the session was "
    "planned with.":
        "La connexion {connections} a joint un autre ID partenaire que celui de la session.",
    "The connections of this session reached {count} different partner IDs: "
    "{connections}.":
        "Les connexions de cette session ont joint {count} ID partenaires différents : "
        "{connections}.",
    # --- documents: receipts, reports, exports, book of takings, Kimai (issue 13) ---
    'A document FAILED verification:': 'Un document a ÉCHOUÉ à la vérification\u202f:',
    '{count} receipt(s): signature, data and visible text match the log.':
        '{count} relevé(s)\u202f: signature, données et texte visible conformes au journal.',
    '--pdf writes the report of one session: sessiond check SESSION --pdf FILE.':
        "--pdf écrit le rapport d'une intervention\u202f: sessiond check INTERVENTION --pdf "
        'FICHIER.',
    'Compliance report: {path}': 'Rapport de conformité\u202f: {path}',
    "also write the technician's compliance report of the session (a PDF, or a directory)":
        "écrire aussi le rapport de conformité de l'intervention, pour le technicien (un PDF, ou "
        'un dossier)',
    '--book writes a CSV: leave out --format.': '--book écrit un CSV\u202f: retirez --format.',
    'Book of takings {span}: {count} payment(s), total {total}, {path}':
        'Livre des recettes {span}\u202f: {count} encaissement(s), total {total}, {path}',
    'Its proof: {path} (sessiond verify --export {file})':
        'Sa preuve\u202f: {path} (sessiond verify --export {file})',
    "csv for a spreadsheet (default), json for other tools, kimai for Kimai's import":
        "csv pour un tableur (par défaut), json pour d'autres outils, kimai pour l'import de "
        'Kimai',
    'event #{seq}, signed checkpoint #{seq}':
        'événement n° {seq}, point de contrôle signé n° {seq}',
    'export the sessions of a day or of a range of days (CSV, JSON, Kimai), or the book of '
    'takings (--book)':
        "exporter les interventions d'un jour ou d'une période (CSV, JSON, Kimai), ou le livre "
        'des recettes (--book)',
    'replaces receipt no. {number} (the session changed since)':
        "remplace le relevé n° {number} (l'intervention a changé depuis)",
    'the livre des recettes: the payments received in the range (CSV)':
        'le livre des recettes\u202f: les encaissements de la période (CSV)',
    'unchanged since it was issued: same number, same content, no new event':
        'inchangé depuis son émission\u202f: même numéro, même contenu, aucun nouvel événement',
    'Date received': "Date d'encaissement",
    'Document reference': 'Référence du justificatif',
    'Nature of the service': 'Nature de la prestation',
    'Payment method': 'Mode de règlement',
    'receipt no. {number}': 'relevé n° {number}',
    'session {session}': 'intervention {session}',
    '{mode}, {billed} billed': '{mode}, {billed} facturé',
    'the book of takings of {first} to {last}': 'le livre des recettes du {first} au {last}',
    'Unknown export format {format!r}: choose csv, json or kimai.':
        "Format d'export inconnu {format!r}\u202f: choisissez csv, json ou kimai.",
    '{count} payment(s), total {total} EUR': '{count} encaissement(s), total {total} EUR',
    '{count} session(s), total {total} EUR': '{count} intervention(s), total {total} EUR',
    'A Kimai file needs your name and e-mail (its User and Email columns): set {fields} under '
    '[technician] in config.toml.':
        'Un fichier Kimai a besoin de votre nom et de votre e-mail (ses colonnes User et '
        'Email)\u202f: renseignez {fields} dans la section [technician] de config.toml.',
    'IT assistance': 'Assistance informatique',
    'client {client}': 'client {client}',
    'receipt {numbers}': 'relevé {numbers}',
    'Paid (EUR)': 'Réglé (€)',
    'Payments': 'Paiements',
    'Receipt(s)': 'Relevé(s)',
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
    '{proof} is not the proof of an export (its lines were damaged).':
        "{proof} n'est pas la preuve d'un export (ses lignes ont été abîmées).",
    '{proof}: the log recorded another file for this export (event #{seq}): the proof was edited':
        '{proof}\u202f: le journal a enregistré un autre fichier pour cet export (événement n° '
        '{seq})\u202f: la preuve a été modifiée',
    'A receipt is numbered only once your identity is complete. Under [technician] in {path}, '
    'fill in: {fields}.':
        "Un relevé n'est numéroté qu'une fois votre identité complète. Dans la section "
        '[technician] de {path}, renseignez\u202f: {fields}.',
    'Ed25519 signature of the data': 'Signature Ed25519 des données',
    'Session {session} has {count} compliance error(s) ({rules}): the receipt does not show '
    'them. Your report: sessiond check {session} --pdf FILE.':
        "L'intervention {session} a {count} erreur(s) de conformité ({rules})\u202f: le relevé "
        'ne les mentionne pas. Votre rapport\u202f: sessiond check {session} --pdf FICHIER.',
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
        "Ce relevé remplace le relevé n° {number}\u202f: l'intervention a changé après son "
        'émission.',
    'remote tool': 'outil de prise en main',
    '{tool} connection observed from {start} to {end}':
        'connexion {tool} observée du {start} à {end}',
    '{tool} connection observed from {start}, end not seen':
        'connexion {tool} observée à partir du {start}, fin non vue',
    'its data is not the data recorded in the log when receipt no. {number} was issued (event '
    '#{seq})':
        "ses données ne sont pas celles que le journal a enregistrées à l'émission du relevé n° "
        '{number} (événement n° {seq})',
    "its data is signed with another key than this technician's ({fingerprint})":
        'ses données sont signées avec une autre clé que celle de ce technicien ({fingerprint})',
    'its signed data cannot be read: the attached data was replaced or damaged':
        'ses données signées sont illisibles\u202f: les données jointes ont été remplacées ou '
        'abîmées',
    'its signed data does not have the form of a receipt':
        "ses données signées n'ont pas la forme d'un relevé",
    'its visible text does not state {field} as its signed data does (expected: « {expected} »): '
    'the document was edited':
        "son texte visible n'indique pas {field} comme ses données signées (attendu\u202f: "
        '«\xa0{expected}\xa0»)\u202f: le document a été modifié',
    'nothing after the record': 'rien après le relevé',
    'receipt no. {number} was replaced by receipt no. {replacement} on {day} (the session '
    'changed after it was issued): hand over the new one':
        'le relevé n° {number} a été remplacé par le relevé n° {replacement} le {day} '
        "(l'intervention a changé après son émission)\u202f: remettez le nouveau",
    'the log holds no receipt of session {session} at event #{seq}':
        "le journal ne contient aucun relevé de l'intervention {session} à l'événement n° {seq}",
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
    '{errors} error(s), {warnings} warning(s).': '{errors} erreur(s), {warnings} avertissement(s).',
    'your name (name = "Jean Dupont")': 'votre nom (name = "Jean Dupont")',
    'your SIRET or SIREN (siret = "732 829 320 00074")':
        'votre SIRET ou SIREN (siret = "732 829 320 00074")',
    'your SIRET {siret!r} is not valid (14 digits, or the 9 of a SIREN, whose last one is a '
    'check digit): check it on your registration certificate':
        "votre SIRET {siret!r} n'est pas valide (14 chiffres, ou les 9 d'un SIREN, dont le "
        'dernier est une clé de contrôle)\u202f: vérifiez-le sur votre avis de situation',
    'your postal address (address = "3 rue de l\'Église, 54230 Chaligny")':
        'votre adresse postale (address = "3 rue de l\'Église, 54230 Chaligny")',
    'A receipt is numbered only once your identity is complete: fill it in, then press e again.':
        "Un relevé n'est numéroté qu'une fois votre identité complète\u202f: renseignez-la, puis "
        'appuyez de nouveau sur e.',
    'The session has compliance errors': "L'intervention a des erreurs de conformité",
    '{count} error(s) against the terms ({rules}). The receipt states the facts only and does '
    'not show them; your report (r) lists them. Issue the receipt?':
        "{count} erreur(s) au regard des conditions ({rules}). Le relevé n'indique que les faits "
        'et ne les mentionne pas\u202f; votre rapport (r) les liste. Émettre le relevé\u202f?',
    'Issue the receipt': 'Émettre le relevé',
    'My report first': "D'abord mon rapport",
    'Receipt no. {number}: {total}, in {folder} (PDF and text).':
        'Relevé n° {number}\u202f: {total}, dans {folder} (PDF et texte).',
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
    "/ find: name, e-mail, phone, town…":
        "/ chercher\u202f: nom, e-mail, téléphone, ville…",
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
    "{path} is too large ({size} MB; at most {limit} MB): it is not a file sessiond wrote.":
        "{path} est trop gros ({size} Mo ; au plus {limit} Mo) : ce n'est pas un fichier écrit "
        "par sessiond.",
    "{path} is too large (at most {limit} MB): it is not a file sessiond wrote.":
        "{path} est trop gros (au plus {limit} Mo) : ce n'est pas un fichier écrit par "
        "sessiond.",
    "{path} already exists and is not an empty directory: give a new directory for the backup.":
        "{path} existe déjà et n'est pas un répertoire vide : donnez un nouveau répertoire "
        "pour la sauvegarde.",
    "{path} is not a sessiond backup (no such directory).":
        "{path} n'est pas une sauvegarde sessiond (ce répertoire n'existe pas).",
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
    "{path}: values are nested too deeply.":
        "{path} : les valeurs sont imbriquées trop profondément.",
    "The day {day} is out of range: give a day from {first} to {last}.":
        "Le jour {day} est hors limites : donnez un jour entre le {first} et le {last}.",
    "Put the original file back (from your backup: sessiond restore DIR); sessiond never makes "
    "a new key for a log that already depends on one.":
        "Remettez le fichier d'origine (depuis votre sauvegarde : sessiond restore DOSSIER) ; "
        "sessiond ne crée jamais de nouvelle clé pour un journal qui dépend déjà d'une clé.",
    "The backup passphrase is too short: give at least {count} characters.":
        "La phrase secrète de la sauvegarde est trop courte : donnez au moins {count} "
        "caractères.",
    "The sealed keys of the backup are damaged.":
        "Les clés scellées de la sauvegarde sont endommagées.",
    "The key {path} is damaged: {size} bytes instead of {expected}. {hint}":
        "La clé {path} est endommagée : {size} octets au lieu de {expected}. {hint}",
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
    "event #{seq} does not hash right": "l'empreinte de l'événement n° {seq} est fausse",
    "event #{seq} does not follow the one before": "l'événement n° {seq} ne suit pas le précédent",
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
        "la clé du texte {field} de l'événement n° {seq} ne s'ouvre pas (endommagée)",
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
        "Sauvegarde écrite dans {path} : {events} jusqu'au n° {seq}, clés scellées (clé "
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
    "the latest backup is {n} day old": "la dernière sauvegarde date de {n} jour",
    "the latest backup is {n} days old": "la dernière sauvegarde date de {n} jours",
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
    # --- invoices and credit notes (issue 15) -----------------------------------------
    "invoice event #{seq} has no readable number":
        "l'événement de facture n° {seq} n'a pas de numéro lisible",
    "invoice event #{seq} prints {number}, not the number of its place in the series "
    "({expected})":
        "l'événement de facture n° {seq} porte le numéro {number}, pas celui de sa place dans "
        "la série ({expected})",
    "invoice {number} (#{seq}) of {year} comes after a document of {later}: the series is "
    "not chronological":
        "la facture {number} (n° {seq}) de {year} vient après un document de {later} : la "
        "série n'est pas chronologique",
    "number {serial} of the invoice series of {year} is used again by {number} (#{seq})":
        "le numéro {serial} de la série de factures de {year} est réutilisé par {number} "
        "(n° {seq})",
    "the invoice series of {year} has a gap: numbers {first} to {last} are missing before "
    "{number} (#{seq})":
        "la série de factures de {year} a un trou : les numéros {first} à {last} manquent "
        "avant {number} (n° {seq})",
    "--client needs the period: --from DATE [--to DATE].":
        "--client demande la période : --from DATE [--to DATE].",
    "--from and --to go with --client CLIENT.": "--from et --to vont avec --client CLIENT.",
    "--reason goes with cancel: sessiond invoice cancel NUMBER --reason TEXT.":
        "--reason va avec cancel : sessiond invoice cancel NUMÉRO --reason TEXTE.",
    "A credit note says why: --reason TEXT.": "Un avoir dit pourquoi : --reason TEXTE.",
    "Client {client} updated (event #{seq}).": "Client {client} mis à jour (événement n° {seq}).",
    "Credit note {number} cancels invoice {invoice}: {total}.":
        "L'avoir {number} annule la facture {invoice} : {total}.",
    "Factur-X (EN 16931): the XML is embedded as factur-x.xml.":
        "Factur-X (EN 16931) : le XML est joint sous le nom factur-x.xml.",
    "Give sessions or --client with a period, not both.":
        "Indiquez des séances ou --client avec une période, pas les deux.",
    "Invoice {number} for {sessions}: {total}.": "Facture {number} pour {sessions} : {total}.",
    "Name the invoice to cancel: sessiond invoice cancel NUMBER --reason TEXT.":
        "Indiquez la facture à annuler : sessiond invoice cancel NUMÉRO --reason TEXTE.",
    "No invoice yet.": "Aucune facture pour l'instant.",
    "cancelled by {number}": "annulée par {number}",
    "cancels {number}": "annule {number}",
    "first day of the period (with --client)": "premier jour de la période (avec --client)",
    "invoice this client's uninvoiced sessions of a period":
        "facturer les séances non facturées de ce client sur une période",
    "issue the invoice of finished sessions (PDF, Factur-X for a business), or cancel one "
    "with a credit note":
        "émettre la facture de séances terminées (PDF, Factur-X pour un professionnel), ou "
        "en annuler une par un avoir",
    "last day of the period (default: today)":
        "dernier jour de la période (par défaut : aujourd'hui)",
    "sessiond invoice SESSION...; sessiond invoice --client CLIENT --from DATE --to DATE; "
    "sessiond invoice cancel NUMBER --reason TEXT; sessiond invoice list.":
        "sessiond invoice SÉANCE... ; sessiond invoice --client CLIENT --from DATE --to DATE ; "
        "sessiond invoice cancel NUMÉRO --reason TEXTE ; sessiond invoice list.",
    "sessiond invoice list takes no other argument.":
        "sessiond invoice list ne prend pas d'autre argument.",
    "sessions of one client; or cancel NUMBER; or list":
        "séances d'un même client ; ou cancel NUMÉRO ; ou list",
    "the PDF's path or directory (default: the current directory)":
        "chemin ou dossier du PDF (par défaut : le dossier courant)",
    "why the invoice is cancelled (cancel; kept sealed in the log)":
        "pourquoi la facture est annulée (cancel ; gardé scellé dans le journal)",
    "record a client's address, SIREN, e-mail or phone":
        "enregistrer l'adresse, le SIREN, l'e-mail ou le téléphone d'un client",
    "Invoice {number} (#{seq}) was issued before the correction {events}: it no longer "
    "states this intervention. Cancel it with a credit note (sessiond invoice cancel "
    "{number} --reason TEXT), then invoice the session again.":
        "La facture {number} (n° {seq}) a été émise avant la correction {events} : elle ne "
        "décrit plus cette intervention. Annulez-la par un avoir (sessiond invoice cancel "
        "{number} --reason TEXTE), puis facturez de nouveau la séance.",
    "0 to 60 days": "de 0 à 60 jours",
    "0 to 60 days (Code de commerce L441-10)": "de 0 à 60 jours (Code de commerce L441-10)",
    "An invoice covers at most {count} sessions: split the period.":
        "Une facture couvre au plus {count} séances : découpez la période.",
    "An invoice is numbered only once your identity is complete. Under [technician] in "
    "{path}, fill in: {fields}.":
        "Une facture n'est numérotée qu'une fois votre identité complète. Sous [technician] "
        "dans {path}, renseignez : {fields}.",
    "Cancellation of invoice {number} of {day}": "Annulation de la facture {number} du {day}",
    "Client {client} has no finished session to invoice from {first} to {last}.":
        "Le client {client} n'a aucune séance terminée à facturer du {first} au {last}.",
    "Client {client} has no postal address (address), which an invoice must state: "
    "sessiond client edit {client} --address \"12 rue des Lilas, 75011 Paris\".":
        "Le client {client} n'a pas d'adresse postale (address), qu'une facture doit "
        "mentionner : sessiond client edit {client} --address \"12 rue des Lilas, 75011 "
        "Paris\".",
    "Client {client} is a business: its invoice must state its SIREN (siren): sessiond "
    "client edit {client} --siren NUMBER.":
        "Le client {client} est un professionnel : sa facture doit mentionner son SIREN "
        "(siren) : sessiond client edit {client} --siren NUMÉRO.",
    "Client {client} was erased: he can no longer be invoiced.":
        "Le client {client} a été effacé : il ne peut plus être facturé.",
    "Invoice {number} was already cancelled by credit note {credit}.":
        "La facture {number} a déjà été annulée par l'avoir {credit}.",
    "Name the sessions to invoice (sessiond invoice SESSION...), or a client and a period "
    "(--client CLIENT --from DATE --to DATE).":
        "Indiquez les séances à facturer (sessiond invoice SÉANCE...), ou un client et une "
        "période (--client CLIENT --from DATE --to DATE).",
    "No invoice {number}. `sessiond invoice list` shows them.":
        "Aucune facture {number}. `sessiond invoice list` les affiche.",
    "Payable on receipt of the invoice.": "Paiement à réception de la facture.",
    "Payable within {days} days of the invoice date.":
        "Paiement à {days} jours à compter de la date de la facture.",
    "Refund of the amounts paid, or deduction from the next invoice.":
        "Remboursement des sommes versées, ou déduction de la prochaine facture.",
    "Session {session} cannot be invoiced: {problem}":
        "La séance {session} ne peut pas être facturée : {problem}",
    "Session {session} is not finished: stop it first (sessiond stop {session}), then "
    "invoice it.":
        "La séance {session} n'est pas terminée : arrêtez-la d'abord (sessiond stop "
        "{session}), puis facturez-la.",
    "Session {session} is on invoice {number} already. To invoice it again, cancel that "
    "invoice first: sessiond invoice cancel {number} --reason TEXT.":
        "La séance {session} figure déjà sur la facture {number}. Pour la facturer de "
        "nouveau, annulez d'abord cette facture : sessiond invoice cancel {number} --reason "
        "TEXTE.",
    "Session {session} was cancelled: it cannot be invoiced.":
        "La séance {session} a été annulée : elle ne peut pas être facturée.",
    "The Factur-X XML of invoice {number} does not conform to its schema: {problem}":
        "Le XML Factur-X de la facture {number} n'est pas conforme à son schéma : {problem}",
    "The address of client {client} (address) needs a street, then the postcode and city as "
    "its last part: sessiond client edit {client} --address \"12 rue des Lilas, 75011 "
    "Paris\".":
        "L'adresse du client {client} (address) doit donner la rue, puis le code postal et la "
        "ville en dernier : sessiond client edit {client} --address \"12 rue des Lilas, 75011 "
        "Paris\".",
    "The last invoice is of {year}, after today ({today}): check the computer's date; "
    "invoice numbers follow the calendar.":
        "La dernière facture est de {year}, après aujourd'hui ({today}) : vérifiez la date de "
        "l'ordinateur ; les numéros de facture suivent le calendrier.",
    "These sessions belong to different clients ({clients}): an invoice is for one client.":
        "Ces séances appartiennent à des clients différents ({clients}) : une facture est "
        "pour un seul client.",
    "the European Central Bank's most recent refinancing rate plus 10 percentage points":
        "taux d'intérêt appliqué par la Banque centrale européenne à son opération de "
        "refinancement la plus récente, majoré de 10 points de pourcentage",
    "{number} is a credit note: only an invoice can be cancelled.":
        "{number} est un avoir : seule une facture peut être annulée.",
    "{what}: {breakdown} ({billed})": "{what} : {breakdown} ({billed})",
    "Invoice up to date": "Facture à jour",
    "Nothing to change: give --address TEXT, --siren NUMBER, --email or --phone.":
        "Rien à changer : indiquez --address TEXTE, --siren NUMÉRO, --email ou --phone.",
}
