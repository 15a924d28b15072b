<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AdvancedSettings</name>
    <message>
        <source>Settings shown greyed out are managed by your IT department (managed configuration file).</source>
        <translation>Les réglages grisés sont gérés par votre service informatique (fichier de configuration géré).</translation>
    </message>
    <message>
        <source>API address</source>
        <translation>Adresse de l&apos;API</translation>
    </message>
    <message>
        <source>The provider&apos;s API address; leave empty for the usual one</source>
        <translation>L&apos;adresse de l&apos;API du fournisseur ; laissez vide pour l&apos;adresse habituelle</translation>
    </message>
    <message>
        <source>API &amp;address</source>
        <translation>&amp;Adresse de l&apos;API</translation>
    </message>
    <message>
        <source>system default browser</source>
        <translation>navigateur par défaut du système</translation>
    </message>
    <message>
        <source>A command that opens a URL; {url} is replaced by the address. PAIRING_WIZARD_BROWSER, when set, wins.</source>
        <translation>Une commande qui ouvre une URL ; {url} est remplacé par l&apos;adresse. PAIRING_WIZARD_BROWSER, s&apos;il est défini, l&apos;emporte.</translation>
    </message>
    <message>
        <source>Browser command</source>
        <translation>Commande du navigateur</translation>
    </message>
    <message>
        <source>B&amp;rowser command</source>
        <translation>Commande du &amp;navigateur</translation>
    </message>
    <message>
        <source>Xee app</source>
        <translation>Application Xee</translation>
    </message>
    <message>
        <source>Xee client id</source>
        <translation>Identifiant client Xee</translation>
    </message>
    <message>
        <source>The client id of the Xee app Pairing Wizard signs in with</source>
        <translation>L&apos;identifiant client de l&apos;application Xee avec laquelle Pairing Wizard se connecte</translation>
    </message>
    <message>
        <source>client id</source>
        <translation>identifiant client</translation>
    </message>
    <message>
        <source>Xee client secret</source>
        <translation>Secret client Xee</translation>
    </message>
    <message>
        <source>The Xee app&apos;s client secret, kept in the system keychain</source>
        <translation>Le secret client de l&apos;application Xee, gardé dans le trousseau du système</translation>
    </message>
    <message>
        <source>client secret</source>
        <translation>secret client</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>The language of Pairing Wizard; applied the next time it starts</source>
        <translation>La langue de Pairing Wizard ; appliquée au prochain démarrage</translation>
    </message>
    <message>
        <source>System ({language})</source>
        <translation>Système ({language})</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Redémarrer maintenant</translation>
    </message>
    <message>
        <source>Close Pairing Wizard and open it again in the chosen language</source>
        <translation>Fermer Pairing Wizard et le rouvrir dans la langue choisie</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Réseau</translation>
    </message>
    <message>
        <source>Managed by your IT department</source>
        <translation>Géré par votre service informatique</translation>
    </message>
    <message>
        <source>set by your IT department</source>
        <translation>défini par votre service informatique</translation>
    </message>
    <message>
        <source>The offline sandbox runs on this computer; its address shows once it has started.</source>
        <translation>Le bac à sable hors ligne tourne sur cet ordinateur ; son adresse s&apos;affiche une fois qu&apos;il a démarré.</translation>
    </message>
    <message>
        <source>Leave empty for the provider&apos;s address shown in grey.</source>
        <translation>Laissez vide pour l&apos;adresse du fournisseur affichée en gris.</translation>
    </message>
    <message>
        <source>XEE_CLIENT_ID / XEE_CLIENT_SECRET are set in the environment: they win over these fields.</source>
        <translation>XEE_CLIENT_ID / XEE_CLIENT_SECRET sont définis dans l&apos;environnement : ils l&apos;emportent sur ces champs.</translation>
    </message>
    <message>
        <source>The secret is stored in the system keychain; type a new one to replace it.</source>
        <translation>Le secret est gardé dans le trousseau du système ; saisissez-en un nouveau pour le remplacer.</translation>
    </message>
    <message>
        <source>Needed to sign in to Xee outside the demo ({environment}). The secret is kept in the system keychain, never in a file.</source>
        <translation>Nécessaire pour se connecter à Xee hors de la démo ({environment}). Le secret est gardé dans le trousseau du système, jamais dans un fichier.</translation>
    </message>
    <message>
        <source>stored in the keychain</source>
        <translation>gardé dans le trousseau</translation>
    </message>
    <message>
        <source>Saved: the client id in the settings; the secret stays in the keychain.</source>
        <translation>Enregistré : l&apos;identifiant client dans les réglages ; le secret reste dans le trousseau.</translation>
    </message>
    <message>
        <source>Saved: the client id in the settings, the secret in the system keychain.</source>
        <translation>Enregistré : l&apos;identifiant client dans les réglages, le secret dans le trousseau du système.</translation>
    </message>
    <message>
        <source>The keychain refused the secret: unlock it, or set XEE_CLIENT_SECRET in the environment.</source>
        <translation>Le trousseau a refusé le secret : déverrouillez-le, ou définissez XEE_CLIENT_SECRET dans l&apos;environnement.</translation>
    </message>
    <message>
        <source>Xee sign-in</source>
        <translation>Connexion Xee</translation>
    </message>
    <message>
        <source>default: 127.0.0.1, any port</source>
        <translation>par défaut : 127.0.0.1, n&apos;importe quel port</translation>
    </message>
    <message>
        <source>Xee redirect URI</source>
        <translation>URI de redirection Xee</translation>
    </message>
    <message>
        <source>The redirect URI exactly as registered for the Xee app, such as http://localhost:8080/callback; Xee refuses any other</source>
        <translation>L&apos;URI de redirection exactement telle qu&apos;enregistrée pour l&apos;app Xee, par exemple http://localhost:8080/callback ; Xee refuse toute autre</translation>
    </message>
    <message>
        <source>ports, in order: e.g. 8080,8081</source>
        <translation>ports, dans l&apos;ordre : par ex. 8080,8081</translation>
    </message>
    <message>
        <source>Xee redirect ports</source>
        <translation>Ports de redirection Xee</translation>
    </message>
    <message>
        <source>Ports registered for the Xee app, tried in order when one is busy</source>
        <translation>Ports enregistrés pour l&apos;app Xee, essayés dans l&apos;ordre quand l&apos;un est occupé</translation>
    </message>
    <message>
        <source>How long to wait for an answer from {providers} (and the {provider} sign-in) before giving up</source>
        <translation>Combien de temps attendre une réponse de {providers} (et de la connexion {provider}) avant d’abandonner</translation>
    </message>
    <message>
        <source>How long to wait for an answer from {providers} before giving up</source>
        <translation>Combien de temps attendre une réponse de {providers} avant d’abandonner</translation>
    </message>
    <message>
        <source>Saved: this is the language in use.</source>
        <translation>Enregistré : c&apos;est la langue utilisée.</translation>
    </message>
    <message>
        <source>Saved: applied the next time Pairing Wizard starts. Restart now to use it at once.</source>
        <translation>Enregistré : appliqué au prochain démarrage de Pairing Wizard. Redémarrez maintenant pour l&apos;utiliser tout de suite.</translation>
    </message>
    <message>
        <source>Pairing Wizard could not be started again: close it and start it yourself.</source>
        <translation>Pairing Wizard n&apos;a pas pu être redémarré : fermez-le et relancez-le vous-même.</translation>
    </message>
    <message>
        <source>Xee does not echo state</source>
        <translation>Xee ne renvoie pas state</translation>
    </message>
    <message>
        <source>Confirm the signed-in account after each sign-in.</source>
        <translation>Confirmer le compte connecté après chaque connexion.</translation>
    </message>
    <message>
        <source>Accept Xee&apos;s sign-in answer without state, then confirm the signed-in account</source>
        <translation>Accepter la réponse de connexion de Xee sans state, puis confirmer le compte connecté</translation>
    </message>
    <message>
        <source>Send no scope</source>
        <translation>N&apos;envoyer aucun scope</translation>
    </message>
    <message>
        <source>The scopes set for the app at Xee apply.</source>
        <translation>Les scopes définis pour l&apos;application chez Xee s&apos;appliquent.</translation>
    </message>
    <message>
        <source>Leave scope out of the sign-in address, as Xee&apos;s own SDK does</source>
        <translation>Ne pas mettre scope dans l&apos;adresse de connexion, comme le SDK de Xee</translation>
    </message>
    <message>
        <source>Xee scopes</source>
        <translation>Scopes Xee</translation>
    </message>
    <message>
        <source>Space-separated scopes to ask for; empty for the usual ones</source>
        <translation>Scopes à demander, séparés par des espaces ; vide pour les scopes habituels</translation>
    </message>
    <message>
        <source>The Xee redirect URI setting cannot be used: {reason}</source>
        <translation>Le réglage d&apos;URI de redirection Xee est inutilisable : {reason}</translation>
    </message>
    <message>
        <source>Saved: the next sign-in uses it.</source>
        <translation>Enregistré : la prochaine connexion l&apos;utilisera.</translation>
    </message>
    <message>
        <source>Xee API</source>
        <translation>API Xee</translation>
    </message>
    <message>
        <source>Xee API version</source>
        <translation>Version de l’API Xee</translation>
    </message>
    <message>
        <source>The Xee API the pairing and the sign-in use; changing it asks for a new sign-in</source>
        <translation>L’API Xee qu’utilisent l’association et la connexion ; la changer demande de vous reconnecter</translation>
    </message>
    <message>
        <source>v3 (the product&apos;s documented API)</source>
        <translation>v3 (l’API documentée du produit)</translation>
    </message>
    <message>
        <source>v4 (Xee&apos;s current SDK)</source>
        <translation>v4 (le SDK actuel de Xee)</translation>
    </message>
    <message>
        <source>device id: 10 letters or digits</source>
        <translation>identifiant : 10 lettres ou chiffres</translation>
    </message>
    <message>
        <source>Xee device id format</source>
        <translation>Format de l’identifiant du boîtier Xee</translation>
    </message>
    <message>
        <source>A regular expression the whole device id must match; empty for Xee&apos;s usual format</source>
        <translation>Une expression régulière à laquelle tout l’identifiant doit correspondre ; vide pour le format habituel de Xee</translation>
    </message>
    <message>
        <source>pin format: exactly 4 digits</source>
        <translation>format du code : exactement 4 chiffres</translation>
    </message>
    <message>
        <source>Xee pin format</source>
        <translation>Format du code Xee</translation>
    </message>
    <message>
        <source>A regular expression the whole pin must match; empty for Xee&apos;s usual format</source>
        <translation>Une expression régulière à laquelle tout le code doit correspondre ; vide pour le format habituel de Xee</translation>
    </message>
    <message>
        <source>Saved: Xee&apos;s {version} is used from now on; sign in again.</source>
        <translation>Enregistré : la {version} de Xee est utilisée désormais ; reconnectez-vous.</translation>
    </message>
    <message>
        <source>Saved: the device page checks these formats.</source>
        <translation>Enregistré : la page de l’appareil vérifie ces formats.</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Request timeout</source>
        <translation>Délai d’attente des requêtes</translation>
    </message>
    <message>
        <source>Request &amp;timeout</source>
        <translation>&amp;Délai d’attente des requêtes</translation>
    </message>
    <message>
        <source>Applied the next time Pairing Wizard starts.</source>
        <translation>Appliquée au prochain démarrage de Pairing Wizard.</translation>
    </message>
</context>
<context>
    <name>ApiKeyPanel</name>
    <message>
        <source>&amp;Api key</source>
        <translation>&amp;Clé API</translation>
    </message>
    <message>
        <source>&amp;Remember in keychain</source>
        <translation>&amp;Mémoriser dans le trousseau</translation>
    </message>
    <message>
        <source>Keep the key in the system keychain for this provider and environment; never in a settings file.</source>
        <translation>Garder la clé dans le trousseau du système pour ce fournisseur et cet environnement ; jamais dans un fichier de réglages.</translation>
    </message>
    <message>
        <source>Remember in keychain</source>
        <translation>Mémoriser dans le trousseau</translation>
    </message>
    <message>
        <source>&amp;Test key</source>
        <translation>&amp;Tester la clé</translation>
    </message>
    <message>
        <source>Try the key with a harmless read</source>
        <translation>Essayer la clé avec une lecture sans effet</translation>
    </message>
    <message>
        <source>Fill &amp;demo values</source>
        <translation>Valeurs de &amp;démo</translation>
    </message>
    <message>
        <source>Use a key of the offline sandbox</source>
        <translation>Utiliser une clé du bac à sable hors ligne</translation>
    </message>
    <message>
        <source>No usable keychain on this computer: the key is kept for this session only.</source>
        <translation>Aucun trousseau utilisable sur cet ordinateur : la clé n&apos;est gardée que pour cette session.</translation>
    </message>
    <message>
        <source>Key read from the keychain.</source>
        <translation>Clé lue dans le trousseau.</translation>
    </message>
    <message>
        <source>Testing the key with a harmless read…</source>
        <translation>Test de la clé avec une lecture sans effet…</translation>
    </message>
    <message>
        <source>Demo key filled in.</source>
        <translation>Clé de démo saisie.</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <source>Ready</source>
        <translation>Prête</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Invalide</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Envoi…</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Faite</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Unknown: check by hand</source>
        <translation>Inconnu : à vérifier à la main</translation>
    </message>
    <message>
        <source>Left out</source>
        <translation>Écartée</translation>
    </message>
    <message>
        <source>{seconds} s</source>
        <translation>{seconds} s</translation>
    </message>
    <message>
        <source>{minutes} min {seconds} s</source>
        <translation>{minutes} min {seconds} s</translation>
    </message>
    <message>
        <source>{hours} h {minutes} min</source>
        <translation>{hours} h {minutes} min</translation>
    </message>
    <message>
        <source>Save &amp;template…</source>
        <translation>Enregistrer le &amp;modèle…</translation>
    </message>
    <message>
        <source>A CSV file with the columns this provider needs</source>
        <translation>Un fichier CSV avec les colonnes dont ce fournisseur a besoin</translation>
    </message>
    <message>
        <source>&amp;Open CSV…</source>
        <translation>&amp;Ouvrir un CSV…</translation>
    </message>
    <message>
        <source>Open a CSV file: every row is checked, nothing is sent</source>
        <translation>Ouvrir un fichier CSV : chaque ligne est vérifiée, rien n&apos;est envoyé</translation>
    </message>
    <message>
        <source>No file opened yet.</source>
        <translation>Aucun fichier ouvert pour l&apos;instant.</translation>
    </message>
    <message>
        <source>Leave out the invalid rows</source>
        <translation>Écarter les lignes invalides</translation>
    </message>
    <message>
        <source>Start sends the valid rows only; the invalid ones are recorded as left out</source>
        <translation>Démarrer n&apos;envoie que les lignes valides ; les invalides sont notées comme écartées</translation>
    </message>
    <message>
        <source>Rows of the file</source>
        <translation>Lignes du fichier</translation>
    </message>
    <message>
        <source>One line per row of the file: its values, its state and the details</source>
        <translation>Une ligne par ligne du fichier : ses valeurs, son état et les détails</translation>
    </message>
    <message>
        <source>Re&amp;quests at a time</source>
        <translation>Re&amp;quêtes simultanées</translation>
    </message>
    <message>
        <source>Requests at a time</source>
        <translation>Requêtes simultanées</translation>
    </message>
    <message>
        <source>How many requests run at the same time. The batch slows down by itself when the provider asks.</source>
        <translation>Combien de requêtes partent en même temps. Le lot ralentit de lui-même quand le fournisseur le demande.</translation>
    </message>
    <message>
        <source>Rows finished</source>
        <translation>Lignes terminées</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Démarrer</translation>
    </message>
    <message>
        <source>Pair every valid row of the file with the provider</source>
        <translation>Appairer chaque ligne valide du fichier auprès du fournisseur</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reprendre</translation>
    </message>
    <message>
        <source>Continue the interrupted batch: rows already paired are not sent again</source>
        <translation>Poursuivre le lot interrompu : les lignes déjà appairées ne sont pas renvoyées</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop taking rows; the requests in flight finish and are recorded</source>
        <translation>Ne plus prendre de lignes ; les requêtes en cours se terminent et sont enregistrées</translation>
    </message>
    <message>
        <source>Save res&amp;ults…</source>
        <translation>Enregistrer les rés&amp;ultats…</translation>
    </message>
    <message>
        <source>Write one line per row, with its outcome, to a CSV file</source>
        <translation>Écrire une ligne par ligne, avec son résultat, dans un fichier CSV</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the batch window</source>
        <translation>Fermer la fenêtre du lot</translation>
    </message>
    <message>
        <source>Batch pairing — {provider} — Pairing Wizard</source>
        <translation>Appairage par lot — {provider} — Pairing Wizard</translation>
    </message>
    <message>
        <source>Batch pairing with {provider}</source>
        <translation>Appairage par lot avec {provider}</translation>
    </message>
    <message>
        <source>Batch pairing</source>
        <translation>Appairage par lot</translation>
    </message>
    <message>
        <source>{environment}, as {account}. Every row is checked before anything is sent; a device is never paired twice.</source>
        <translation>{environment}, en tant que {account}. Chaque ligne est vérifiée avant tout envoi ; un appareil n&apos;est jamais appairé deux fois.</translation>
    </message>
    <message>
        <source>{environment}, no sign-in needed. Every row is checked before anything is sent; a device is never paired twice.</source>
        <translation>{environment}, sans connexion. Chaque ligne est vérifiée avant tout envoi ; un appareil n&apos;est jamais appairé deux fois.</translation>
    </message>
    <message>
        <source>{environment}, as nobody (sign in first). Every row is checked before anything is sent; a device is never paired twice.</source>
        <translation>{environment}, sans compte (connectez-vous d&apos;abord). Chaque ligne est vérifiée avant tout envoi ; un appareil n&apos;est jamais appairé deux fois.</translation>
    </message>
    <message>
        <source>{environment}, with the api key entered in the wizard. Every row is checked before anything is sent; a device is never paired twice.</source>
        <translation>{environment}, avec la clé API saisie dans l&apos;assistant. Chaque ligne est vérifiée avant tout envoi ; un appareil n&apos;est jamais appairé deux fois.</translation>
    </message>
    <message>
        <source>No file opened yet: save the template, fill it in, then open it here.</source>
        <translation>Aucun fichier ouvert pour l&apos;instant : enregistrez le modèle, remplissez-le, puis ouvrez-le ici.</translation>
    </message>
    <message numerus="yes">
        <source>Leave out the %n invalid rows (they are not sent)</source>
        <translation>
            <numerusform>Écarter %n ligne invalide (elle n&apos;est pas envoyée)</numerusform>
            <numerusform>Écarter les %n lignes invalides (elles ne sont pas envoyées)</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the template</source>
        <translation>Enregistrer le modèle</translation>
    </message>
    <message>
        <source>Could not save the template to {path}: {error}.</source>
        <translation>Impossible d&apos;enregistrer le modèle dans {path} : {error}.</translation>
    </message>
    <message>
        <source>Template saved to {path}: one line per device, then open it here.</source>
        <translation>Modèle enregistré dans {path} : une ligne par appareil, puis ouvrez-le ici.</translation>
    </message>
    <message>
        <source>Open a {provider} batch file</source>
        <translation>Ouvrir un fichier de lot {provider}</translation>
    </message>
    <message>
        <source>Checking {file}…</source>
        <translation>Vérification de {file}…</translation>
    </message>
    <message>
        <source>This file was interrupted before (batch #{id}, started {when} UTC). Resume continues it: rows already paired are not sent again.</source>
        <translation>Ce fichier a déjà été interrompu (lot n° {id}, commencé le {when} UTC). Reprendre le poursuit : les lignes déjà appairées ne sont pas renvoyées.</translation>
    </message>
    <message>
        <source>This file was already run (batch #{id}, {when} UTC): its outcomes are shown. Running it again would pair every device a second time, so Start is off; Save results writes them.</source>
        <translation>Ce fichier a déjà été traité (lot n° {id}, {when} UTC) : ses résultats sont affichés. Le relancer appairerait chaque appareil une seconde fois, donc Démarrer est désactivé ; Enregistrer les résultats les écrit.</translation>
    </message>
    <message>
        <source>{file}: this file cannot be used for {provider}:</source>
        <translation>{file} : ce fichier n&apos;est pas utilisable pour {provider} :</translation>
    </message>
    <message numerus="yes">
        <source>%n rows for {provider}: {valid} valid, {invalid} invalid (their reasons are in the table). Nothing is sent while a row is invalid: fix the file and open it again, or leave those rows out.</source>
        <translation>
            <numerusform>%n ligne pour {provider} : {valid} valide, {invalid} invalide (les raisons sont dans le tableau). Rien n&apos;est envoyé tant qu&apos;une ligne est invalide : corrigez le fichier et rouvrez-le, ou écartez ces lignes.</numerusform>
            <numerusform>%n lignes pour {provider} : {valid} valides, {invalid} invalides (les raisons sont dans le tableau). Rien n&apos;est envoyé tant qu&apos;une ligne est invalide : corrigez le fichier et rouvrez-le, ou écartez ces lignes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rows for {provider}, all valid. Nothing has been sent yet.</source>
        <translation>
            <numerusform>%n ligne pour {provider}, valide. Rien n&apos;a encore été envoyé.</numerusform>
            <numerusform>%n lignes pour {provider}, toutes valides. Rien n&apos;a encore été envoyé.</numerusform>
        </translation>
    </message>
    <message>
        <source>{problem} Nothing was sent.</source>
        <translation>{problem} Rien n&apos;a été envoyé.</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Reprise…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>{finished} of {total} rows</source>
        <translation>{finished} lignes sur {total}</translation>
    </message>
    <message>
        <source>{count} done</source>
        <translation>{count} faites</translation>
    </message>
    <message>
        <source>{count} failed</source>
        <translation>{count} en échec</translation>
    </message>
    <message>
        <source>{count} to check by hand</source>
        <translation>{count} à vérifier à la main</translation>
    </message>
    <message>
        <source>{count} left out</source>
        <translation>{count} écartées</translation>
    </message>
    <message>
        <source>{count} in flight ({limit} at a time)</source>
        <translation>{count} en cours ({limit} à la fois)</translation>
    </message>
    <message>
        <source>about {duration} left</source>
        <translation>environ {duration} restantes</translation>
    </message>
    <message>
        <source>Batch #{id} finished: {done} done, {failed} failed, {unknown} to check by hand, {skipped} left out.</source>
        <translation>Lot n° {id} terminé : {done} faites, {failed} en échec, {unknown} à vérifier à la main, {skipped} écartées.</translation>
    </message>
    <message>
        <source>The highlighted rows may or may not be paired: check them by hand before sending them again.</source>
        <translation>Les lignes surlignées sont peut-être appairées, peut-être pas : vérifiez-les à la main avant de les renvoyer.</translation>
    </message>
    <message>
        <source>Save results keeps one line per row.</source>
        <translation>Enregistrer les résultats garde une ligne par ligne du fichier.</translation>
    </message>
    <message numerus="yes">
        <source>Batch #{id} stopped with %n rows not sent. {reason} Resume continues where it stopped; rows already paired are not sent again.</source>
        <translation>
            <numerusform>Lot n° {id} arrêté avec %n ligne non envoyée. {reason} Reprendre continue là où il s&apos;est arrêté ; les lignes déjà appairées ne sont pas renvoyées.</numerusform>
            <numerusform>Lot n° {id} arrêté avec %n lignes non envoyées. {reason} Reprendre continue là où il s&apos;est arrêté ; les lignes déjà appairées ne sont pas renvoyées.</numerusform>
        </translation>
    </message>
    <message>
        <source>stopping: waiting for the requests in flight…</source>
        <translation>arrêt : attente des requêtes en cours…</translation>
    </message>
    <message>
        <source>Save the results</source>
        <translation>Enregistrer les résultats</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}. Choose another folder.</source>
        <translation>Impossible d&apos;écrire {path} : {error}. Choisissez un autre dossier.</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n rows to {path}.</source>
        <translation>
            <numerusform>%n ligne enregistrée dans {path}.</numerusform>
            <numerusform>%n lignes enregistrées dans {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BatchModel</name>
    <message>
        <source>Line</source>
        <translation>Ligne</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>Identifiant du boîtier</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>Consumer id</source>
        <translation>Identifiant client</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>TV device id</source>
        <translation>Identifiant du téléviseur</translation>
    </message>
    <message>
        <source>deviceid {deviceid}</source>
        <translation>deviceid {deviceid}</translation>
    </message>
</context>
<context>
    <name>CredentialsPage</name>
    <message>
        <source>Sign in to {provider}</source>
        <translation>Connexion à {provider}</translation>
    </message>
    <message>
        <source>{provider} api key</source>
        <translation>Clé API {provider}</translation>
    </message>
    <message>
        <source>The box will be associated to this account. Environment: {environment}.</source>
        <translation>Le boîtier sera associé à ce compte. Environnement : {environment}.</translation>
    </message>
    <message>
        <source>The key authorises the request. Environment: {environment}.</source>
        <translation>La clé autorise la requête. Environnement : {environment}.</translation>
    </message>
</context>
<context>
    <name>DemoBanner</name>
    <message>
        <source>Offline demo — sandbox data</source>
        <translation>Démo hors ligne — données du bac à sable</translation>
    </message>
    <message>
        <source>Nothing leaves this computer. Starting the sandbox…</source>
        <translation>Rien ne quitte cet ordinateur. Démarrage du bac à sable…</translation>
    </message>
    <message>
        <source>Reset demo data</source>
        <translation>Réinitialiser les données de démo</translation>
    </message>
    <message>
        <source>Put the demo&apos;s boxes, devices and pins back as they were; the sign-in and the keys stay</source>
        <translation>Remettre les boîtiers, appareils et pins de la démo dans leur état initial ; la connexion et les clés restent</translation>
    </message>
</context>
<context>
    <name>DevicePage</name>
    <message>
        <source>Fill &amp;demo values</source>
        <translation>Valeurs de &amp;démo</translation>
    </message>
    <message>
        <source>Use a device of the offline sandbox</source>
        <translation>Utiliser un appareil du bac à sable hors ligne</translation>
    </message>
    <message>
        <source>&amp;Find consumer</source>
        <translation>&amp;Trouver le client</translation>
    </message>
    <message>
        <source>Look the consumer up by the email of their account</source>
        <translation>Rechercher le client par l&apos;e-mail de son compte</translation>
    </message>
    <message>
        <source>Consumers found</source>
        <translation>Clients trouvés</translation>
    </message>
    <message>
        <source>Pick the consumer to link: Enter fills in the consumer id</source>
        <translation>Choisissez le client à lier : Entrée remplit l&apos;identifiant client</translation>
    </message>
    <message>
        <source>Looking for {email}…</source>
        <translation>Recherche de {email}…</translation>
    </message>
    <message>
        <source>No {provider} consumer has the email {email}. Check the spelling with the customer.</source>
        <translation>Aucun client {provider} n&apos;a l&apos;e-mail {email}. Vérifiez l&apos;orthographe avec le client.</translation>
    </message>
    <message>
        <source>Linked devices: {devices}</source>
        <translation>Appareils liés : {devices}</translation>
    </message>
    <message>
        <source>No linked device yet</source>
        <translation>Aucun appareil lié pour l&apos;instant</translation>
    </message>
    <message>
        <source>Found one consumer: filled in.</source>
        <translation>Un client trouvé : champ rempli.</translation>
    </message>
    <message numerus="yes">
        <source>%n consumers have this email: pick the right one.</source>
        <translation>
            <numerusform>%n client a cet e-mail : choisissez le bon.</numerusform>
            <numerusform>%n clients ont cet e-mail : choisissez le bon.</numerusform>
        </translation>
    </message>
    <message>
        <source>The sandbox has no free demo device left: restart the demo to reset it.</source>
        <translation>Le bac à sable n&apos;a plus d&apos;appareil de démo libre : relancez la démo pour le réinitialiser.</translation>
    </message>
    <message>
        <source>Demo values filled in.</source>
        <translation>Valeurs de démo saisies.</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <source>optional</source>
        <translation>facultatif</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Show the value (Ctrl+Shift+R)</source>
        <translation>Afficher la valeur (Ctrl+Maj+R)</translation>
    </message>
    <message>
        <source>Hide the value (Ctrl+Shift+R)</source>
        <translation>Masquer la valeur (Ctrl+Maj+R)</translation>
    </message>
</context>
<context>
    <name>HistoryWindow</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Unknown: check by hand</source>
        <translation>Inconnu : à vérifier à la main</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Appairer</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Connexion</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Déconnexion</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Offline demo</source>
        <translation>Démo hors ligne</translation>
    </message>
    <message>
        <source>Online sandbox</source>
        <translation>Bac à sable en ligne</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Identifiers</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <source>Time: {time} ({utc})</source>
        <translation>Heure : {time} ({utc})</translation>
    </message>
    <message>
        <source>Environment: {environment}</source>
        <translation>Environnement : {environment}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>non enregistré</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field} : {value}</translation>
    </message>
    <message>
        <source>Error: {error}</source>
        <translation>Erreur : {error}</translation>
    </message>
    <message>
        <source>Request id: {id}</source>
        <translation>Identifiant de requête : {id}</translation>
    </message>
    <message>
        <source>Message: {message}</source>
        <translation>Message : {message}</translation>
    </message>
    <message>
        <source>Batch: #{id}</source>
        <translation>Lot : n° {id}</translation>
    </message>
    <message>
        <source>History entry: #{id}</source>
        <translation>Entrée de l&apos;historique : n° {id}</translation>
    </message>
    <message>
        <source>{action} (batch #{id})</source>
        <translation>{action} (lot n° {id})</translation>
    </message>
    <message>
        <source>Pairing history — Pairing Wizard</source>
        <translation>Historique des appairages — Pairing Wizard</translation>
    </message>
    <message>
        <source>Pairing history</source>
        <translation>Historique des appairages</translation>
    </message>
    <message>
        <source>Every pairing, undo and sign-in made on this computer, newest first. Identifiers only: never a key, token or {provider} pin.</source>
        <translation>Chaque appairage, annulation et connexion faits sur cet ordinateur, du plus récent au plus ancien. Des identifiants seulement : jamais une clé, un jeton ni un code {provider}.</translation>
    </message>
    <message>
        <source>Every pairing, undo and sign-in made on this computer, newest first. Identifiers only: never a key or token.</source>
        <translation>Chaque appairage, annulation et connexion faits sur cet ordinateur, du plus récent au plus ancien. Des identifiants seulement : jamais une clé ni un jeton.</translation>
    </message>
    <message>
        <source>Search: device id, serial number, email, error…</source>
        <translation>Rechercher : identifiant, numéro de série, e-mail, erreur…</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Rechercher dans l&apos;historique</translation>
    </message>
    <message>
        <source>Shows the entries whose identifiers, error or message contain this text (Ctrl+F)</source>
        <translation>Affiche les entrées dont les identifiants, l&apos;erreur ou le message contiennent ce texte (Ctrl+F)</translation>
    </message>
    <message>
        <source>Shows one provider&apos;s entries only</source>
        <translation>N&apos;affiche que les entrées d&apos;un fournisseur</translation>
    </message>
    <message>
        <source>All providers</source>
        <translation>Tous les fournisseurs</translation>
    </message>
    <message>
        <source>Shows the entries with this outcome only</source>
        <translation>N&apos;affiche que les entrées ayant ce résultat</translation>
    </message>
    <message>
        <source>All outcomes</source>
        <translation>Tous les résultats</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <source>The first day shown (Any date: from the first entry)</source>
        <translation>Le premier jour affiché (Toute date : depuis la première entrée)</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <source>The last day shown, included (Any date: up to today)</source>
        <translation>Le dernier jour affiché, inclus (Toute date : jusqu&apos;à aujourd&apos;hui)</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>t&amp;o</source>
        <translation>a&amp;u</translation>
    </message>
    <message>
        <source>History entries</source>
        <translation>Entrées de l&apos;historique</translation>
    </message>
    <message>
        <source>Newest first; select an entry to see its details below</source>
        <translation>Les plus récentes d&apos;abord ; sélectionnez une entrée pour voir ses détails en dessous</translation>
    </message>
    <message>
        <source>Select an entry to see its details.</source>
        <translation>Sélectionnez une entrée pour voir ses détails.</translation>
    </message>
    <message>
        <source>Entry details</source>
        <translation>Détails de l&apos;entrée</translation>
    </message>
    <message>
        <source>The selected entry&apos;s details, as Copy details copies them</source>
        <translation>Les détails de l&apos;entrée sélectionnée, tels que Copier les détails les copie</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Copier les détails</translation>
    </message>
    <message>
        <source>Copy the selected entry&apos;s details to the clipboard (no key, token or pin in them)</source>
        <translation>Copier les détails de l&apos;entrée sélectionnée dans le presse-papiers (sans clé, jeton ni code)</translation>
    </message>
    <message>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <source>Write the entries the filters show to a CSV file, without the table&apos;s limit</source>
        <translation>Écrire les entrées retenues par les filtres dans un fichier CSV, sans la limite du tableau</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualiser</translation>
    </message>
    <message>
        <source>Read the history again</source>
        <translation>Relire l&apos;historique</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the history window</source>
        <translation>Fermer la fenêtre de l&apos;historique</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>Toute date</translation>
    </message>
    <message>
        <source>The history could not be read ({error}). Try Refresh.</source>
        <translation>L&apos;historique n&apos;a pas pu être lu ({error}). Essayez Actualiser.</translation>
    </message>
    <message>
        <source>No entry matches.</source>
        <translation>Aucune entrée ne correspond.</translation>
    </message>
    <message>
        <source>No pairing recorded yet on this computer.</source>
        <translation>Aucun appairage enregistré pour l&apos;instant sur cet ordinateur.</translation>
    </message>
    <message>
        <source>Showing the newest {count} entries: search or filter to narrow them down. Export CSV writes them all.</source>
        <translation>Affichage des {count} entrées les plus récentes : recherchez ou filtrez pour affiner. Exporter en CSV les écrit toutes.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries match.</source>
        <translation>
            <numerusform>%n entrée correspond.</numerusform>
            <numerusform>%n entrées correspondent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries.</source>
        <translation>
            <numerusform>%n entrée.</numerusform>
            <numerusform>%n entrées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Details of entry #{id} copied to the clipboard (no key, token or pin in them).</source>
        <translation>Détails de l&apos;entrée n° {id} copiés dans le presse-papiers (sans clé, jeton ni code).</translation>
    </message>
    <message>
        <source>Export the history</source>
        <translation>Exporter l&apos;historique</translation>
    </message>
    <message>
        <source>Could not write {path}: {error}. Choose another folder.</source>
        <translation>Impossible d&apos;écrire {path} : {error}. Choisissez un autre dossier.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n entries to {path}.</source>
        <translation>
            <numerusform>%n entrée exportée dans {path}.</numerusform>
            <numerusform>%n entrées exportées dans {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Fichiers CSV (*.csv);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Fichiers CSV (*.csv *.txt);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>InputError</name>
    <message>
        <source>Xee device id</source>
        <translation>identifiant du boîtier Xee</translation>
    </message>
    <message>
        <source>Xee pin</source>
        <translation>code Xee</translation>
    </message>
    <message>
        <source>RUFUS device model</source>
        <translation>modèle d&apos;appareil RUFUS</translation>
    </message>
    <message>
        <source>RUFUS serial number</source>
        <translation>numéro de série RUFUS</translation>
    </message>
    <message>
        <source>RUFUS device alias</source>
        <translation>alias d&apos;appareil RUFUS</translation>
    </message>
    <message>
        <source>RUFUS firmware version</source>
        <translation>version du firmware RUFUS</translation>
    </message>
    <message>
        <source>RUFUS device type</source>
        <translation>type d&apos;appareil RUFUS</translation>
    </message>
    <message>
        <source>RUFUS api key</source>
        <translation>clé API RUFUS</translation>
    </message>
    <message>
        <source>Zype api key</source>
        <translation>clé API Zype</translation>
    </message>
    <message>
        <source>Zype consumer id</source>
        <translation>identifiant client Zype</translation>
    </message>
    <message>
        <source>Zype linked device id</source>
        <translation>identifiant d&apos;appareil lié Zype</translation>
    </message>
    <message>
        <source>customer&apos;s email</source>
        <translation>e-mail du client</translation>
    </message>
    <message>
        <source>The {label} is missing: enter it.</source>
        <translation>Champ « {label} » manquant : saisissez-le.</translation>
    </message>
    <message>
        <source>The {label} contains an invisible character (such as a soft hyphen or a zero-width space): type it again without it.</source>
        <translation>Le champ « {label} » contient un caractère invisible (comme un trait d’union conditionnel ou une espace de largeur nulle) : saisissez-le à nouveau sans ce caractère.</translation>
    </message>
    <message>
        <source>The {label} is empty: enter it.</source>
        <translation>Le champ « {label} » est vide : remplissez-le.</translation>
    </message>
    <message>
        <source>The {label} is too long ({len_value} characters; at most {max_len}): check that only this value was pasted.</source>
        <translation>Le champ « {label} » est trop long ({len_value} caractères ; {max_len} au plus) : vérifiez que seule cette valeur a été collée.</translation>
    </message>
    <message>
        <source>The Xee device id may contain only letters, digits, &apos;-&apos; and &apos;_&apos; (it looks like E133742015, printed on the box).</source>
        <translation>L&apos;identifiant du boîtier Xee ne peut contenir que des lettres, des chiffres, « - » et « _ » (il ressemble à E133742015, imprimé sur le boîtier).</translation>
    </message>
    <message>
        <source>The Xee device id must be exactly 10 letters or digits, like E133742015 (printed on the box); this one has {len_value}. Check it before sending: Xee counts every refused attempt toward locking the box.</source>
        <translation>L’identifiant du boîtier Xee doit compter exactement 10 lettres ou chiffres, comme E133742015 (imprimé sur le boîtier) ; celui-ci en a {len_value}. Vérifiez-le avant l’envoi : Xee compte chaque tentative refusée pour le verrouillage du boîtier.</translation>
    </message>
    <message>
        <source>The Xee device id does not have the format set in the settings (xee/deviceIdPattern: {override_pattern}). Check it against the box.</source>
        <translation>L’identifiant du boîtier Xee n’a pas le format défini dans les réglages (xee/deviceIdPattern : {override_pattern}). Comparez-le avec le boîtier.</translation>
    </message>
    <message>
        <source>The Xee pin may contain only letters and digits (it is printed on the box, usually 4 digits).</source>
        <translation>Le code Xee ne peut contenir que des lettres et des chiffres (il est imprimé sur le boîtier, en général 4 chiffres).</translation>
    </message>
    <message>
        <source>The Xee pin must be exactly 4 digits (on the card delivered with the box). Check it before sending: three wrong pins lock the box.</source>
        <translation>Le code PIN Xee doit compter exactement 4 chiffres (sur la carte livrée avec le boîtier). Vérifiez-le avant l’envoi : trois codes erronés verrouillent le boîtier.</translation>
    </message>
    <message>
        <source>The Xee pin does not have the format set in the settings (xee/pinPattern: {override_pattern}). Check it against the box&apos;s card.</source>
        <translation>Le code PIN Xee n’a pas le format défini dans les réglages (xee/pinPattern : {override_pattern}). Comparez-le avec la carte du boîtier.</translation>
    </message>
    <message>
        <source>The RUFUS deviceid must be exactly 64 hexadecimal characters (0-9, A-F), as returned by the bind.</source>
        <translation>Le deviceid RUFUS doit compter exactement 64 caractères hexadécimaux (0-9, A-F), tel que renvoyé par la liaison.</translation>
    </message>
    <message>
        <source>The {label} may contain only printable ASCII characters without spaces: copy it again from the provider&apos;s console.</source>
        <translation>Le champ « {label} » ne peut contenir que des caractères ASCII imprimables sans espace : copiez-le à nouveau depuis la console du fournisseur.</translation>
    </message>
    <message>
        <source>The Zype pin must be exactly 7 letters or digits, as shown by the TV app (for example zabc123).</source>
        <translation>Le code Zype doit compter exactement 7 lettres ou chiffres, tel qu&apos;affiché par l&apos;application TV (par exemple zabc123).</translation>
    </message>
    <message>
        <source>The Zype consumer id may contain only letters, digits and punctuation, without spaces: find it with the customer&apos;s email.</source>
        <translation>L&apos;identifiant client Zype ne peut contenir que des lettres, des chiffres et de la ponctuation, sans espace : trouvez-le avec l&apos;e-mail du client.</translation>
    </message>
    <message>
        <source>The customer&apos;s email does not look like an address (name@example.com): check it.</source>
        <translation>L&apos;e-mail du client ne ressemble pas à une adresse (nom@example.com) : vérifiez-le.</translation>
    </message>
    <message>
        <source>The {label} contains an invisible or control character (such as a tab or a line break): type it again without it.</source>
        <translation>Le champ « {label} » contient un caractère invisible ou de contrôle (comme une tabulation ou un saut de ligne) : saisissez-le à nouveau sans lui.</translation>
    </message>
    <message>
        <source>The format in {setting} is not a valid regular expression ({exc}): fix it, or clear it to use Xee&apos;s usual format.</source>
        <translation>Le format de {setting} n’est pas une expression régulière valide ({exc}) : corrigez-le, ou videz-le pour utiliser le format habituel de Xee.</translation>
    </message>
    <message>
        <source>RUFUS deviceid</source>
        <translation>deviceid RUFUS</translation>
    </message>
    <message>
        <source>Zype pin</source>
        <translation>code Zype</translation>
    </message>
    <message>
        <source>Unknown environment {environment}: use production, sandbox or demo.</source>
        <translation>Environnement inconnu {environment} : utilisez production, sandbox ou demo.</translation>
    </message>
    <message>
        <source>The Xee API version {text} is not one Pairing Wizard speaks: use v3 (the default) or v4.</source>
        <translation>La version d’API Xee {text} n’est pas prise en charge par Pairing Wizard : utilisez v3 (par défaut) ou v4.</translation>
    </message>
    <message>
        <source>The {provider} API address must be an http(s) URL without query, such as https://api.example.com/v1.</source>
        <translation>L&apos;adresse de l&apos;API {provider} doit être une URL http(s) sans paramètres, comme https://api.example.com/v1.</translation>
    </message>
    <message>
        <source>Unknown provider {provider}: use {choices} or {last}.</source>
        <translation>Fournisseur inconnu {provider} : utilisez {choices} ou {last}.</translation>
    </message>
    <message>
        <source>{provider} has no online sandbox: use production, or demo for the offline sandbox.</source>
        <translation>{provider} n&apos;a pas de bac à sable en ligne : utilisez production, ou demo pour le bac à sable hors ligne.</translation>
    </message>
    <message>
        <source>The demo environment needs the address of the running offline sandbox.</source>
        <translation>L&apos;environnement de démo a besoin de l&apos;adresse du bac à sable hors ligne en marche.</translation>
    </message>
    <message>
        <source>The Xee access token is not usable (empty or with invalid characters): sign in to Xee again.</source>
        <translation>Le jeton d&apos;accès Xee est inutilisable (vide ou avec des caractères invalides) : reconnectez-vous à Xee.</translation>
    </message>
    <message>
        <source>Pages start at 1 and hold 1 to 5000 devices.</source>
        <translation>Les pages commencent à 1 et contiennent de 1 à 5000 appareils.</translation>
    </message>
    <message>
        <source>Unknown provider {provider}: no provider is registered.</source>
        <translation>Fournisseur inconnu {provider} : aucun fournisseur n&apos;est enregistré.</translation>
    </message>
    <message>
        <source>Unknown provider {provider}: use {only}.</source>
        <translation>Fournisseur inconnu {provider} : utilisez {only}.</translation>
    </message>
</context>
<context>
    <name>NetworkCheckDialog</name>
    <message>
        <source>Network check — Pairing Wizard</source>
        <translation>Vérification du réseau — Pairing Wizard</translation>
    </message>
    <message>
        <source>Network check</source>
        <translation>Vérification du réseau</translation>
    </message>
    <message>
        <source>Check &amp;again</source>
        <translation>&amp;Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Vérifier à nouveau</translation>
    </message>
    <message>
        <source>Run the checks again: DNS, connection, TLS and HTTP</source>
        <translation>Refaire les vérifications : DNS, connexion, TLS et HTTP</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the report to the clipboard</source>
        <translation>Copier le rapport dans le presse-papiers</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close the network check</source>
        <translation>Fermer la vérification du réseau</translation>
    </message>
    <message>
        <source>The settings changed: Check again.</source>
        <translation>Les réglages ont changé : vérifiez à nouveau.</translation>
    </message>
    <message>
        <source>Network check: {provider}</source>
        <translation>Vérification du réseau : {provider}</translation>
    </message>
    <message>
        <source>Checking DNS, the connection, TLS and HTTP…</source>
        <translation>Vérification du DNS, de la connexion, de TLS et de HTTP…</translation>
    </message>
    <message>
        <source>API address: {address}</source>
        <translation>Adresse de l&apos;API : {address}</translation>
    </message>
    <message>
        <source>{provider} is reachable from this computer.</source>
        <translation>{provider} est joignable depuis cet ordinateur.</translation>
    </message>
    <message>
        <source>{provider} is NOT reachable from this computer.</source>
        <translation>{provider} n&apos;est PAS joignable depuis cet ordinateur.</translation>
    </message>
</context>
<context>
    <name>NetworkCheckPanel</name>
    <message>
        <source>Check the net&amp;work…</source>
        <translation>Vérifier le &amp;réseau…</translation>
    </message>
    <message>
        <source>Can this computer reach the provider&apos;s API address? DNS, connection, TLS and one harmless HTTP request.</source>
        <translation>Cet ordinateur peut-il joindre l&apos;adresse de l&apos;API du fournisseur ? DNS, connexion, TLS et une requête HTTP sans effet.</translation>
    </message>
    <message>
        <source>Check the network</source>
        <translation>Vérifier le réseau</translation>
    </message>
</context>
<context>
    <name>PairingPage</name>
    <message>
        <source>Waiting for the provider</source>
        <translation>En attente du fournisseur</translation>
    </message>
    <message>
        <source>Cancel stops waiting. A request that already reached the provider may still be carried out: the result page tells you how to check.</source>
        <translation>Annuler arrête l&apos;attente. Une requête déjà parvenue au fournisseur peut tout de même être exécutée : la page de résultat indique comment vérifier.</translation>
    </message>
    <message>
        <source>Talking to the provider. The window stays usable; Cancel is always available.</source>
        <translation>Échange avec le fournisseur. La fenêtre reste utilisable ; Annuler est toujours disponible.</translation>
    </message>
    <message>
        <source>Pairing…</source>
        <translation>Appairage…</translation>
    </message>
    <message>
        <source>Sending the request…</source>
        <translation>Envoi de la requête…</translation>
    </message>
    <message>
        <source>Waiting for the answer… {seconds} s</source>
        <translation>En attente de la réponse… {seconds} s</translation>
    </message>
</context>
<context>
    <name>PairingWizard</name>
    <message>
        <source>Nothing leaves this computer · {url}</source>
        <translation>Rien ne quitte cet ordinateur · {url}</translation>
    </message>
    <message>
        <source>Step {number}: {title}</source>
        <translation>Étape {number} : {title}</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historique</translation>
    </message>
    <message>
        <source>Every pairing made on this computer (Ctrl+H)</source>
        <translation>Tous les appairages faits sur cet ordinateur (Ctrl+H)</translation>
    </message>
    <message>
        <source>Batch from CSV…</source>
        <translation>Lot depuis un CSV…</translation>
    </message>
    <message>
        <source>Pair many devices from a CSV file, with the provider and credentials entered here</source>
        <translation>Appairer de nombreux appareils depuis un fichier CSV, avec le fournisseur et les identifiants saisis ici</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>Back to the previous page (Alt+B)</source>
        <translation>Revenir à la page précédente (Alt+P)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Stop waiting for the request, or close the wizard (Esc)</source>
        <translation>Arrêter d&apos;attendre la requête, ou fermer l&apos;assistant (Échap)</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivant</translation>
    </message>
    <message>
        <source>On to the next page (Alt+N)</source>
        <translation>Passer à la page suivante (Alt+S)</translation>
    </message>
    <message>
        <source>Pair</source>
        <translation>Appairer</translation>
    </message>
    <message>
        <source>Send the one request shown on this page</source>
        <translation>Envoyer la requête unique décrite sur cette page</translation>
    </message>
    <message>
        <source>&amp;Finish</source>
        <translation>&amp;Terminer</translation>
    </message>
    <message>
        <source>Close the wizard (Alt+F)</source>
        <translation>Fermer l&apos;assistant (Alt+T)</translation>
    </message>
    <message>
        <source>The offline sandbox did not start ({error}).</source>
        <translation>Le bac à sable hors ligne n&apos;a pas démarré ({error}).</translation>
    </message>
    <message>
        <source>Could not reset the demo data ({error}): restart the demo.</source>
        <translation>Impossible de réinitialiser les données de démo ({error}) : redémarrez la démo.</translation>
    </message>
    <message>
        <source>Demo data reset: boxes, devices and pins are as new; the sign-in and the keys are kept.</source>
        <translation>Données de démo réinitialisées : boîtiers, appareils et pins sont comme neufs ; la connexion et les clés sont conservées.</translation>
    </message>
    <message>
        <source>Close the wizard?</source>
        <translation>Fermer l&apos;assistant ?</translation>
    </message>
    <message>
        <source>The values typed so far will be lost.</source>
        <translation>Les valeurs saisies jusqu&apos;ici seront perdues.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Continuer la saisie</translation>
    </message>
    <message>
        <source>Restart Pairing Wizard?</source>
        <translation>Redémarrer Pairing Wizard ?</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Redémarrer maintenant</translation>
    </message>
    <message>
        <source>Batch from CSV: {problem}</source>
        <translation>Lot depuis un CSV : {problem}</translation>
    </message>
    <message>
        <source>Wrong pins already sent for this box: {failed}. If this pin is wrong too, {provider} locks the box and only {provider} support can unlock it.</source>
        <translation>Codes pin erronés déjà envoyés pour ce boîtier : {failed}. Si celui-ci est faux aussi, {provider} verrouille le boîtier et seul le support {provider} peut le déverrouiller.</translation>
    </message>
    <message>
        <source>Last attempt before the box locks</source>
        <translation>Dernier essai avant le verrouillage du boîtier</translation>
    </message>
    <message>
        <source>Two wrong pins were already sent for this box. If this pin is wrong too, {provider} locks the box and only {provider} support can unlock it.</source>
        <translation>Deux codes pin erronés ont déjà été envoyés pour ce boîtier. Si celui-ci est faux aussi, {provider} verrouille le boîtier et seul le support {provider} peut le déverrouiller.</translation>
    </message>
    <message>
        <source>Check the pin on the box&apos;s card (Show reveals it).</source>
        <translation>Vérifiez le pin sur la carte du boîtier (Afficher le révèle).</translation>
    </message>
    <message>
        <source>Send this pin</source>
        <translation>Envoyer ce pin</translation>
    </message>
    <message>
        <source>Check the pin first</source>
        <translation>Vérifier le pin d’abord</translation>
    </message>
    <message>
        <source>{action}?</source>
        <translation>{action} ?</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Le garder</translation>
    </message>
    <message>
        <source>{action}…</source>
        <translation>{action}…</translation>
    </message>
    <message>
        <source>Leave it anyway?</source>
        <translation>Partir quand même ?</translation>
    </message>
    <message>
        <source>Leave without it</source>
        <translation>Partir sans lui</translation>
    </message>
    <message>
        <source>Go back</source>
        <translation>Revenir</translation>
    </message>
</context>
<context>
    <name>ProviderError</name>
    <message>
        <source>Xee rejected the device id or the pin (wrong format or wrong pin). Check both against the box&apos;s label and try again, carefully: Xee locks a box after 3 failed attempts.</source>
        <translation>Xee a refusé l&apos;identifiant ou le code (mauvais format ou mauvais code). Vérifiez les deux sur l&apos;étiquette du boîtier et réessayez, prudemment : Xee verrouille un boîtier après 3 tentatives échouées.</translation>
    </message>
    <message>
        <source>This box has already failed 3 association attempts, so Xee refuses any further pin for it: do not try again, ask Xee support (or the box owner, from their Xee account) to unlock the box, then associate it.</source>
        <translation>Ce boîtier a déjà échoué à 3 tentatives d&apos;association, Xee refuse donc tout nouveau code : ne réessayez pas, demandez au support Xee (ou au propriétaire du boîtier, depuis son compte Xee) de le déverrouiller, puis associez-le.</translation>
    </message>
    <message>
        <source>Xee knows no box with this device id (or the signed-in user no longer exists). Check the device id on the box&apos;s label and that you use the right environment.</source>
        <translation>Xee ne connaît aucun boîtier avec cet identifiant (ou l&apos;utilisateur connecté n&apos;existe plus). Vérifiez l&apos;identifiant sur l&apos;étiquette du boîtier et que vous utilisez le bon environnement.</translation>
    </message>
    <message>
        <source>This box is already associated to another Xee user. Its current owner must dissociate it (or ask Xee support to) before it can be associated here.</source>
        <translation>Ce boîtier est déjà associé à un autre utilisateur Xee. Son propriétaire actuel doit le dissocier (ou le demander au support Xee) avant qu&apos;il puisse être associé ici.</translation>
    </message>
    <message>
        <source>Xee rejected the device id. Check it against the box&apos;s label and try again.</source>
        <translation>Xee a refusé l&apos;identifiant. Vérifiez-le sur l&apos;étiquette du boîtier et réessayez.</translation>
    </message>
    <message>
        <source>Xee knows no box (or car) with this device id. Check the device id and that you use the right environment.</source>
        <translation>Xee ne connaît aucun boîtier (ni véhicule) avec cet identifiant. Vérifiez l&apos;identifiant et que vous utilisez le bon environnement.</translation>
    </message>
    <message>
        <source>This box is not associated to any user, so there is nothing to dissociate: no action is needed.</source>
        <translation>Ce boîtier n&apos;est associé à aucun utilisateur, il n&apos;y a donc rien à dissocier : aucune action n&apos;est nécessaire.</translation>
    </message>
    <message>
        <source>A device with this serial number is already bound to this RUFUS account (deviceid {deviceid}). Hand over that deviceid, or unbind that device first if it must be bound again.</source>
        <translation>Un appareil avec ce numéro de série est déjà lié à ce compte RUFUS (deviceid {deviceid}). Transmettez ce deviceid, ou déliez d&apos;abord cet appareil s&apos;il doit être lié à nouveau.</translation>
    </message>
    <message>
        <source>RUFUS knows no device with this deviceid on this account. Check the deviceid (64 hexadecimal characters) and that the api key belongs to the right account.</source>
        <translation>RUFUS ne connaît aucun appareil avec ce deviceid sur ce compte. Vérifiez le deviceid (64 caractères hexadécimaux) et que la clé API appartient au bon compte.</translation>
    </message>
    <message>
        <source>This RUFUS api key may not unbind devices: it needs WRITE or READ_WRITE access with the unbind permission. Enable unbind on the key in the RUFUS console, or use another key.</source>
        <translation>Cette clé API RUFUS ne peut pas délier d&apos;appareils : il faut un accès WRITE ou READ_WRITE avec l&apos;autorisation unbind. Activez unbind sur la clé dans la console RUFUS, ou utilisez une autre clé.</translation>
    </message>
    <message>
        <source>RUFUS knows no device with this deviceid, so nothing was unbound (it may already have been unbound). Check the deviceid and the account.</source>
        <translation>RUFUS ne connaît aucun appareil avec ce deviceid, rien n&apos;a donc été délié (il l&apos;a peut-être déjà été). Vérifiez le deviceid et le compte.</translation>
    </message>
    <message>
        <source>Zype knows no active pin with this value: it is mistyped or expired (pins last 30 minutes). Ask the customer to show a new pin in the TV app and enter it.</source>
        <translation>Zype ne connaît aucun code actif avec cette valeur : il est mal saisi ou expiré (les codes durent 30 minutes). Demandez au client d&apos;afficher un nouveau code dans l&apos;application TV et saisissez-le.</translation>
    </message>
    <message>
        <source>Zype knows no consumer with this id. Look the customer up by email to get the right consumer id, then link again.</source>
        <translation>Zype ne connaît aucun client avec cet identifiant. Recherchez le client par e-mail pour obtenir le bon identifiant, puis liez à nouveau.</translation>
    </message>
    <message>
        <source>Zype refused the api key: it is missing or invalid. Check the key in the Zype dashboard (Settings, API keys) and enter it again.</source>
        <translation>Zype a refusé la clé API : elle est absente ou invalide. Vérifiez la clé dans le tableau de bord Zype (Settings, API keys) et saisissez-la à nouveau.</translation>
    </message>
    <message>
        <source>Zype could not process the request ({message}). Check the values entered and try again.</source>
        <translation>Zype n&apos;a pas pu traiter la requête ({message}). Vérifiez les valeurs saisies et réessayez.</translation>
    </message>
    <message>
        <source>The Xee sign-in lacks the devices_management permission (the device scope) needed to associate a box. Xee sets an app&apos;s scopes on its client: if the consent page did not offer device management, ask Xee to enable the device scope for this Xee app. Sign in to Xee again and accept the device-management permission.</source>
        <translation>La connexion Xee n&apos;a pas l&apos;autorisation devices_management (le scope appareils) nécessaire pour associer un boîtier. Xee définit les scopes d&apos;une app sur son client : si la page de consentement ne proposait pas la gestion des appareils, demandez à Xee d&apos;activer le scope appareils pour cette app Xee. Reconnectez-vous à Xee et acceptez l&apos;autorisation de gestion des appareils.</translation>
    </message>
    <message>
        <source>The Xee sign-in lacks the cars_read permission needed to list the account&apos;s cars, so Pairing Wizard cannot see whether the box was associated. Add cars_read to the Xee scopes (Advanced settings, or ask IT), sign in to Xee again and accept it; meanwhile ask the customer whether the box shows in the Xee app.</source>
        <translation>La connexion Xee n’a pas l’autorisation cars_read nécessaire pour lister les voitures du compte : Pairing Wizard ne peut donc pas voir si le boîtier a été associé. Ajoutez cars_read aux autorisations Xee (Paramètres avancés, ou demandez au service informatique), reconnectez-vous à Xee et acceptez-la ; en attendant, demandez au client si le boîtier apparaît dans l’application Xee.</translation>
    </message>
    <message>
        <source>Xee no longer knows the signed-in user. Sign in to Xee again with the customer&apos;s account.</source>
        <translation>Xee ne connaît plus l’utilisateur connecté. Reconnectez-vous à Xee avec le compte du client.</translation>
    </message>
    <message>
        <source>RUFUS rejected the bind&apos;s fields ({message}). RUFUS may require model, serial number and type (alias and firmware are optional): fill in the field it names (the Type field, or the default type in the settings), then bind again.</source>
        <translation>RUFUS a rejeté les champs de la liaison ({message}). RUFUS peut exiger le modèle, le numéro de série et le type (l&apos;alias et le firmware sont facultatifs) : remplissez le champ qu&apos;il nomme (le champ Type, ou le type par défaut dans les réglages), puis liez à nouveau.</translation>
    </message>
    <message>
        <source>RUFUS refused the api key: it may be mistyped, unknown to RUFUS, or lack the access type this needs (reading: READ or READ_WRITE; binding: WRITE or READ_WRITE). Check the key and its access type in the RUFUS console, then enter it again or use another key.</source>
        <translation>RUFUS a refusé la clé API : elle est peut-être mal saisie, inconnue de RUFUS, ou sans le type d&apos;accès nécessaire (lecture : READ ou READ_WRITE ; liaison : WRITE ou READ_WRITE). Vérifiez la clé et son type d&apos;accès dans la console RUFUS, puis saisissez-la à nouveau ou utilisez une autre clé.</translation>
    </message>
    <message>
        <source>RUFUS refused to bind with this api key: it may lack write access (WRITE or READ_WRITE; a READ key may only read), or be mistyped or unknown to RUFUS. Check the key and its access type in the RUFUS console, or use a key with write access.</source>
        <translation>RUFUS a refusé la liaison avec cette clé API : elle n&apos;a peut-être pas l&apos;accès en écriture (WRITE ou READ_WRITE ; une clé READ ne peut que lire), ou elle est mal saisie ou inconnue de RUFUS. Vérifiez la clé et son type d&apos;accès dans la console RUFUS, ou utilisez une clé avec accès en écriture.</translation>
    </message>
    <message>
        <source>RUFUS refused to read devices with this api key: it may lack read access (READ or READ_WRITE; a WRITE key may only bind), or be mistyped or unknown to RUFUS. Check the key and its access type in the RUFUS console, or use a key with read access.</source>
        <translation>RUFUS a refusé la lecture des appareils avec cette clé API : elle n&apos;a peut-être pas l&apos;accès en lecture (READ ou READ_WRITE ; une clé WRITE ne peut que lier), ou elle est mal saisie ou inconnue de RUFUS. Vérifiez la clé et son type d&apos;accès dans la console RUFUS, ou utilisez une clé avec accès en lecture.</translation>
    </message>
    <message>
        <source>Zype refused this change with this api key: either the key is invalid, or this key may not modify anything (a Read Only or Player key, which can still look consumers up). Use an Admin api key from the Zype dashboard (Settings, API keys).</source>
        <translation>Zype a refusé cette modification avec cette clé API : soit la clé n&apos;est pas valide, soit cette clé ne peut rien modifier (une clé Read Only ou Player, qui peut encore rechercher des consommateurs). Utilisez une clé API Admin du tableau de bord Zype (Settings, API keys).</translation>
    </message>
    <message>
        <source>Zype refused this change: this key may not modify anything (it is a Read Only or Player key). Use an Admin api key from the Zype dashboard (Settings, API keys).</source>
        <translation>Zype a refusé cette modification : cette clé ne peut rien modifier (c&apos;est une clé Read Only ou Player). Utilisez une clé API Admin du tableau de bord Zype (Settings, API keys).</translation>
    </message>
    <message>
        <source>Zype has no pin for this linked device id: the TV app has not asked for one. Ask the customer to open the app&apos;s link screen, then check again.</source>
        <translation>Zype n&apos;a aucun code pour cet identifiant d&apos;appareil lié : l&apos;application TV n&apos;en a pas demandé. Demandez au client d&apos;ouvrir l&apos;écran de liaison de l&apos;application, puis vérifiez à nouveau.</translation>
    </message>
    <message>
        <source>Xee received no access token with the request. Sign in to Xee again; if it keeps happening, report it as a Pairing Wizard bug.</source>
        <translation>Xee n&apos;a reçu aucun jeton d&apos;accès avec la requête. Reconnectez-vous à Xee ; si cela se reproduit, signalez-le comme un bogue de Pairing Wizard.</translation>
    </message>
    <message>
        <source>Xee could not read the access token sent with the request. Sign in to Xee again; if it keeps happening, report it as a Pairing Wizard bug.</source>
        <translation>Xee n&apos;a pas pu lire le jeton d&apos;accès envoyé avec la requête. Reconnectez-vous à Xee ; si cela se reproduit, signalez-le comme un bogue de Pairing Wizard.</translation>
    </message>
    <message>
        <source>Xee does not recognise the access token (it may belong to another environment or have been replaced). Sign in to Xee again.</source>
        <translation>Xee ne reconnaît pas le jeton d&apos;accès (il appartient peut-être à un autre environnement ou a été remplacé). Reconnectez-vous à Xee.</translation>
    </message>
    <message>
        <source>The Xee sign-in did not grant the permission (scope) this action needs. Xee sets an app&apos;s scopes on its client: if the consent page did not offer it, Xee must enable it for this Xee app first. Sign in to Xee again and accept every permission the consent page asks for.</source>
        <translation>La connexion Xee n&apos;a pas accordé l&apos;autorisation (scope) nécessaire à cette action. Xee définit les scopes d&apos;une app sur son client : si la page de consentement ne la proposait pas, Xee doit d&apos;abord l&apos;activer pour cette app Xee. Reconnectez-vous à Xee et acceptez toutes les autorisations demandées par la page de consentement.</translation>
    </message>
    <message>
        <source>The Xee sign-in has expired and could not be renewed. Sign in to Xee again.</source>
        <translation>La connexion Xee a expiré et n&apos;a pas pu être renouvelée. Reconnectez-vous à Xee.</translation>
    </message>
    <message>
        <source>The Xee sign-in was revoked (the user or Xee withdrew this app&apos;s access). Sign in to Xee again.</source>
        <translation>La connexion Xee a été révoquée (l&apos;utilisateur ou Xee a retiré l&apos;accès de cette application). Reconnectez-vous à Xee.</translation>
    </message>
    <message>
        <source>The signed-in Xee account may not act for this user or box (the account may be disabled, or the box may belong to another user). Sign in with the customer&apos;s own Xee account (or one allowed to manage it) and try again.</source>
        <translation>Le compte Xee connecté ne peut pas agir pour cet utilisateur ou ce boîtier (le compte est peut-être désactivé, ou le boîtier appartient à un autre utilisateur). Connectez-vous avec le compte Xee du client (ou un compte autorisé à le gérer) et réessayez.</translation>
    </message>
    <message>
        <source>None of the signed-in Xee account&apos;s vehicles has this box, so there is nothing to remove: check the device id, or that the box is associated with this account.</source>
        <translation>Aucun véhicule du compte Xee connecté n’a ce boîtier, il n’y a donc rien à retirer : vérifiez l’identifiant du boîtier, ou qu’il est bien associé à ce compte.</translation>
    </message>
    <message>
        <source>{provider} is limiting requests (status 429){wait}. Wait, then try again; the wizard does not retry by itself.</source>
        <translation>{provider} limite les requêtes (statut 429){wait}. Patientez, puis réessayez ; l&apos;assistant ne réessaie pas de lui-même.</translation>
    </message>
    <message>
        <source>{provider} is temporarily unavailable (status 503){wait}. Wait, then try again; the wizard does not retry by itself.</source>
        <translation>{provider} est temporairement indisponible (statut 503){wait}. Patientez, puis réessayez ; l&apos;assistant ne réessaie pas de lui-même.</translation>
    </message>
    <message>
        <source>{provider} had an internal error (status 500), so the action may or may not have been done. Check the result, then try again in a few minutes.</source>
        <translation>{provider} a eu une erreur interne (statut 500) : l&apos;action a peut-être été faite, ou pas. Vérifiez le résultat, puis réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <source>A gateway between this computer and {provider} failed (status 502). Check the result, then try again in a few minutes.</source>
        <translation>Une passerelle entre cet ordinateur et {provider} a échoué (statut 502). Vérifiez le résultat, puis réessayez dans quelques minutes.</translation>
    </message>
    <message>
        <source>A gateway timed out waiting for {provider} (status 504), so the action may have been done. Check the result before trying again.</source>
        <translation>Une passerelle a expiré en attendant {provider} (statut 504) : l&apos;action a peut-être été faite. Vérifiez le résultat avant de réessayer.</translation>
    </message>
    <message>
        <source>{provider} answered with an HTML page (status {status}) instead of API data: a proxy, a captive portal or a wrong API address is in the way. Check the network and the API address, then check the result before trying again.</source>
        <translation>{provider} a répondu par une page HTML (statut {status}) au lieu de données d&apos;API : un proxy, un portail captif ou une mauvaise adresse d&apos;API fait obstacle. Vérifiez le réseau et l&apos;adresse de l&apos;API, puis le résultat avant de réessayer.</translation>
    </message>
    <message>
        <source>{provider} sent an unreadable answer (status {status}, not valid JSON). Check the result before trying again; if it persists, report it with the copied details.</source>
        <translation>{provider} a envoyé une réponse illisible (statut {status}, JSON invalide). Vérifiez le résultat avant de réessayer ; si cela persiste, signalez-le avec les détails copiés.</translation>
    </message>
    <message>
        <source>{provider} sent data in an unexpected layout (status {status}: {message}), so the answer could not be read. Check the result before trying again; if it persists, report it with the copied details.</source>
        <translation>{provider} a envoyé des données dans une forme inattendue (statut {status} : {message}) : la réponse n&apos;a pas pu être lue. Vérifiez le résultat avant de réessayer ; si cela persiste, signalez-le avec les détails copiés.</translation>
    </message>
    <message>
        <source>{provider} answered with status {status}, which its documentation does not list for this action. Check the result before trying again; if it persists, report it with the copied details.</source>
        <translation>{provider} a répondu avec le statut {status}, que sa documentation ne prévoit pas pour cette action. Vérifiez le résultat avant de réessayer ; si cela persiste, signalez-le avec les détails copiés.</translation>
    </message>
    <message>
        <source>{provider} refused the request with an error its documentation does not list (status {status}: {message}). Follow the provider&apos;s tip if there is one, or report it with the copied details.</source>
        <translation>{provider} a refusé la requête avec une erreur que sa documentation ne prévoit pas (statut {status} : {message}). Suivez le conseil du fournisseur s&apos;il y en a un, ou signalez-le avec les détails copiés.</translation>
    </message>
    <message>
        <source>{provider} did not accept the connection in time, so nothing was sent. Check the internet connection (and any proxy or firewall), then try again.</source>
        <translation>{provider} n&apos;a pas accepté la connexion à temps : rien n&apos;a été envoyé. Vérifiez la connexion Internet (et tout proxy ou pare-feu), puis réessayez.</translation>
    </message>
    <message>
        <source>{provider} did not answer in time after the request was sent, so it may have been carried out. Check the result before trying again.</source>
        <translation>{provider} n&apos;a pas répondu à temps après l&apos;envoi de la requête : elle a peut-être été exécutée. Vérifiez le résultat avant de réessayer.</translation>
    </message>
    <message>
        <source>The request could not be sent to {provider} in time and may have partly reached it. Check the result before trying again.</source>
        <translation>La requête n&apos;a pas pu être envoyée à {provider} à temps et lui est peut-être parvenue en partie. Vérifiez le résultat avant de réessayer.</translation>
    </message>
    <message>
        <source>The connection to {provider} was cut after the request was sent, so it may have been carried out. Check the result before trying again.</source>
        <translation>La connexion à {provider} a été coupée après l&apos;envoi de la requête : elle a peut-être été exécutée. Vérifiez le résultat avant de réessayer.</translation>
    </message>
    <message>
        <source>The secure connection to {provider} failed (certificate or TLS error), so nothing was sent. Check the computer&apos;s date and time and any proxy that inspects HTTPS.</source>
        <translation>La connexion sécurisée à {provider} a échoué (erreur de certificat ou TLS) : rien n&apos;a été envoyé. Vérifiez la date et l&apos;heure de l&apos;ordinateur et tout proxy qui inspecte le HTTPS.</translation>
    </message>
    <message>
        <source>Nothing accepted the connection at the {provider} API address, so nothing was sent. Check the address and that the service (or the demo sandbox) is running.</source>
        <translation>Rien n&apos;a accepté la connexion à l&apos;adresse de l&apos;API {provider} : rien n&apos;a été envoyé. Vérifiez l&apos;adresse et que le service (ou le bac à sable de démo) tourne.</translation>
    </message>
    <message>
        <source>The {provider} server name could not be found, so nothing was sent. Check the internet connection and the API address.</source>
        <translation>Le nom du serveur {provider} est introuvable : rien n&apos;a été envoyé. Vérifiez la connexion Internet et l&apos;adresse de l&apos;API.</translation>
    </message>
    <message>
        <source>The connection to {provider} could not be opened ({message}), so nothing was sent. Check the internet connection and the API address, then try again.</source>
        <translation>La connexion à {provider} n&apos;a pas pu être ouverte ({message}) : rien n&apos;a été envoyé. Vérifiez la connexion Internet et l&apos;adresse de l&apos;API, puis réessayez.</translation>
    </message>
    <message>
        <source>The proxy refused or failed the connection to {provider}, so nothing was sent. Check the proxy settings of this computer.</source>
        <translation>Le proxy a refusé ou fait échouer la connexion à {provider} : rien n&apos;a été envoyé. Vérifiez les réglages de proxy de cet ordinateur.</translation>
    </message>
    <message>
        <source>The connection to {provider} failed ({message}) and the request may have been sent. Check the result before trying again.</source>
        <translation>La connexion à {provider} a échoué ({message}) et la requête a peut-être été envoyée. Vérifiez le résultat avant de réessayer.</translation>
    </message>
    <message>
        <source>The {provider} API address is not a usable http(s) address ({message}). Fix the address in the settings.</source>
        <translation>L&apos;adresse de l&apos;API {provider} n&apos;est pas une adresse http(s) utilisable ({message}). Corrigez l&apos;adresse dans les réglages.</translation>
    </message>
    <message>
        <source>RUFUS answered the bind with status {status} but no readable deviceid, so the device may have been bound. Look up its serial number in the device list (or the RUFUS console) before binding again.</source>
        <translation>RUFUS a répondu à la liaison avec le statut {status} mais sans deviceid lisible : l&apos;appareil a peut-être été lié. Cherchez son numéro de série dans la liste des appareils (ou la console RUFUS) avant de lier à nouveau.</translation>
    </message>
    <message>
        <source>RUFUS answered the bind with a deviceid that does not look like one ({deviceid}), so the device was probably bound. Save this value and check the device list before binding again.</source>
        <translation>RUFUS a répondu à la liaison avec un deviceid qui n&apos;en a pas l&apos;air ({deviceid}) : l&apos;appareil a probablement été lié. Enregistrez cette valeur et vérifiez la liste des appareils avant de lier à nouveau.</translation>
    </message>
    <message>
        <source>The answer to the RUFUS bind was lost ({reason}), so the device may have been bound: look up its serial number in the device list before binding again, as binding twice can create a duplicate.</source>
        <translation>La réponse à la liaison RUFUS a été perdue ({reason}) : l&apos;appareil a peut-être été lié. Cherchez son numéro de série dans la liste des appareils avant de lier à nouveau, car lier deux fois peut créer un doublon.</translation>
    </message>
    <message>
        <source>The answer to the Xee association was lost ({reason}), so the box may be associated already: check in the customer&apos;s Xee app before trying again, as every failed attempt counts towards Xee&apos;s 3-failure lock.</source>
        <translation>La réponse à l&apos;association Xee a été perdue ({reason}) : le boîtier est peut-être déjà associé. Vérifiez dans l&apos;application Xee du client avant de réessayer, car chaque tentative échouée compte pour le verrouillage de Xee après 3 échecs.</translation>
    </message>
    <message>
        <source>The answer to the Zype link was lost ({reason}), so the pin may be linked already: check the pin&apos;s status before linking again.</source>
        <translation>La réponse à la liaison Zype a été perdue ({reason}) : le code est peut-être déjà lié. Vérifiez l&apos;état du code avant de lier à nouveau.</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>pas de réponse à temps</translation>
    </message>
    <message>
        <source>the request could not be sent in time</source>
        <translation>la requête n&apos;a pas pu être envoyée à temps</translation>
    </message>
    <message>
        <source>the connection was cut</source>
        <translation>la connexion a été coupée</translation>
    </message>
    <message>
        <source>the connection failed</source>
        <translation>la connexion a échoué</translation>
    </message>
    <message>
        <source>the server had an internal error</source>
        <translation>le serveur a eu une erreur interne</translation>
    </message>
    <message>
        <source>a gateway failed</source>
        <translation>une passerelle a échoué</translation>
    </message>
    <message>
        <source>a gateway timed out</source>
        <translation>une passerelle a expiré</translation>
    </message>
    <message>
        <source>an HTML page came back instead</source>
        <translation>une page HTML est revenue à la place</translation>
    </message>
    <message>
        <source>the answer was unreadable</source>
        <translation>la réponse était illisible</translation>
    </message>
    <message>
        <source>the answer had an unexpected layout</source>
        <translation>la réponse avait une forme inattendue</translation>
    </message>
    <message>
        <source>an undocumented status came back</source>
        <translation>un statut non documenté est revenu</translation>
    </message>
    <message>
        <source> and asked us to wait {seconds} second</source>
        <translation> et demande d&apos;attendre {seconds} seconde</translation>
    </message>
    <message>
        <source> and asked us to wait {seconds} seconds</source>
        <translation> et demande d&apos;attendre {seconds} secondes</translation>
    </message>
    <message>
        <source> and asked us to wait {minutes} minutes</source>
        <translation> et demande d&apos;attendre {minutes} minutes</translation>
    </message>
</context>
<context>
    <name>ProviderPage</name>
    <message>
        <source>&amp;Environment</source>
        <translation>&amp;Environnement</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <source>Where the device is paired: the offline demo, the provider&apos;s test service, or production</source>
        <translation>Où l&apos;appareil est appairé : la démo hors ligne, le service de test du fournisseur ou la production</translation>
    </message>
    <message>
        <source>IT&apos;s configuration file was not used: {error}</source>
        <translation>Le fichier de configuration du service informatique n&apos;a pas été utilisé : {error}</translation>
    </message>
    <message>
        <source>Advanced settings</source>
        <translation>Réglages avancés</translation>
    </message>
    <message>
        <source>Show or hide the API address, the browser command, the Xee app&apos;s credentials, the language and the network check</source>
        <translation>Afficher ou masquer l&apos;adresse de l&apos;API, la commande du navigateur, les identifiants de l&apos;application Xee, la langue et la vérification du réseau</translation>
    </message>
    <message>
        <source>Which cloud does the device belong to, and where should it be paired?</source>
        <translation>À quel cloud appartient l&apos;appareil, et où faut-il l&apos;appairer ?</translation>
    </message>
    <message>
        <source>The built-in sandbox answers like the real service, with demo data. Nothing leaves this computer.</source>
        <translation>Le bac à sable intégré répond comme le vrai service, avec des données de démo. Rien ne quitte cet ordinateur.</translation>
    </message>
    <message>
        <source>{provider}&apos;s own test service: fake data, real network.</source>
        <translation>Le service de test de {provider} : fausses données, vrai réseau.</translation>
    </message>
    <message>
        <source>Real customers and real devices: changes are live.</source>
        <translation>Vrais clients et vrais appareils : les changements sont immédiats.</translation>
    </message>
    <message>
        <source>Choose a provider first.</source>
        <translation>Choisissez d&apos;abord un fournisseur.</translation>
    </message>
    <message>
        <source>Switch to production?</source>
        <translation>Passer en production ?</translation>
    </message>
    <message>
        <source>Production pairs real customers&apos; devices with {name}: every change is live.</source>
        <translation>La production associe les appareils de vrais clients à {name} : chaque modification est immédiate.</translation>
    </message>
    <message>
        <source>Stay in the offline demo to practise.</source>
        <translation>Restez dans la démo hors ligne pour vous entraîner.</translation>
    </message>
    <message>
        <source>Use production</source>
        <translation>Utiliser la production</translation>
    </message>
    <message>
        <source>Stay here</source>
        <translation>Rester ici</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copier</translation>
    </message>
    <message>
        <source>&amp;Save…</source>
        <translation>&amp;Enregistrer…</translation>
    </message>
    <message>
        <source>Copy what happened, without any key or pin</source>
        <translation>Copier ce qui s&apos;est passé, sans clé ni code</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Corriger</translation>
    </message>
    <message>
        <source>Go back to the page where this can be fixed</source>
        <translation>Revenir à la page où cela peut être corrigé</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>A&amp;nnuler l&apos;opération</translation>
    </message>
    <message>
        <source>Reverse this pairing (asks first)</source>
        <translation>Défaire cet appairage (demande d&apos;abord)</translation>
    </message>
    <message>
        <source>Check the net&amp;work…</source>
        <translation>Vérifier le &amp;réseau…</translation>
    </message>
    <message>
        <source>Can this computer reach the provider? DNS, connection, TLS and one harmless request</source>
        <translation>Cet ordinateur peut-il joindre le fournisseur ? DNS, connexion, TLS et une requête sans effet</translation>
    </message>
    <message>
        <source>&amp;Pair another device</source>
        <translation>&amp;Appairer un autre appareil</translation>
    </message>
    <message>
        <source>Same provider and credentials, a new device</source>
        <translation>Même fournisseur et mêmes identifiants, un nouvel appareil</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <source>Cop&amp;y details</source>
        <translation>Cop&amp;ier les détails</translation>
    </message>
    <message>
        <source>Details copied to the clipboard.</source>
        <translation>Détails copiés dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Could not save to {path}: {reason}. Copy it instead.</source>
        <translation>Impossible d&apos;enregistrer dans {path} : {reason}. Copiez-le plutôt.</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Enregistré dans {path}.</translation>
    </message>
    <message>
        <source>The provider</source>
        <translation>Le fournisseur</translation>
    </message>
    <message>
        <source>&lt;b&gt;Technical detail:&lt;/b&gt; {detail}</source>
        <translation>&lt;b&gt;Détail technique :&lt;/b&gt; {detail}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{provider} said:&lt;/b&gt; {message}</source>
        <translation>&lt;b&gt;Message de {provider} :&lt;/b&gt; {message}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tip:&lt;/b&gt; {tip}</source>
        <translation>&lt;b&gt;Conseil :&lt;/b&gt; {tip}</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Check &amp;now</source>
        <translation>&amp;Vérifier maintenant</translation>
    </message>
    <message>
        <source>Ask the provider whether the last request was carried out</source>
        <translation>Demander au fournisseur si la dernière requête a été exécutée</translation>
    </message>
    <message>
        <source>Nothing has been sent yet. Check what will be sent, where, and as whom.</source>
        <translation>Rien n&apos;a encore été envoyé. Vérifiez ce qui sera envoyé, où, et au nom de qui.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
    <message>
        <source>Production: this changes a real customer&apos;s device right away.</source>
        <translation>Production : cela modifie immédiatement l&apos;appareil d&apos;un vrai client.</translation>
    </message>
    <message>
        <source>“{action}” sends one request. You can undo it from the result page.</source>
        <translation>« {action} » envoie une seule requête. Vous pourrez l&apos;annuler depuis la page de résultat.</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <source>Show {field}</source>
        <translation>Afficher {field}</translation>
    </message>
    <message>
        <source>Show or hide {field}, about to be sent</source>
        <translation>Afficher ou masquer {field} avant l’envoi</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Masquer</translation>
    </message>
</context>
<context>
    <name>SignInError</name>
    <message>
        <source>The Xee sign-in was declined in the browser. Sign in again and approve the access Pairing Wizard asks for.</source>
        <translation>La connexion Xee a été refusée dans le navigateur. Reconnectez-vous et approuvez l&apos;accès que demande Pairing Wizard.</translation>
    </message>
    <message>
        <source>Xee did not authorize the sign-in. Check the Xee account and the app&apos;s settings, then sign in again.</source>
        <translation>Xee n&apos;a pas autorisé la connexion. Vérifiez le compte Xee et les réglages de l&apos;application, puis reconnectez-vous.</translation>
    </message>
    <message>
        <source>The sign-in was not finished in time. Start the sign-in again and complete it in the browser.</source>
        <translation>La connexion n&apos;a pas été terminée à temps. Recommencez-la et terminez-la dans le navigateur.</translation>
    </message>
    <message>
        <source>The sign-in was cancelled. Start it again when you are ready.</source>
        <translation>La connexion a été annulée. Recommencez-la quand vous serez prêt.</translation>
    </message>
    <message>
        <source>The browser returned a sign-in that Pairing Wizard did not start. Close old sign-in tabs and start the sign-in again.</source>
        <translation>Le navigateur a renvoyé une connexion que Pairing Wizard n&apos;a pas lancée. Fermez les anciens onglets de connexion et recommencez.</translation>
    </message>
    <message>
        <source>Xee refused to complete the sign-in. Start the sign-in again; if it keeps failing, check the app&apos;s client id and secret.</source>
        <translation>Xee a refusé de terminer la connexion. Recommencez ; si l&apos;échec persiste, vérifiez l&apos;identifiant et le secret client de l&apos;application.</translation>
    </message>
    <message>
        <source>Xee could not be reached. Check the internet connection (or that the demo sandbox is running), then try again.</source>
        <translation>Xee est injoignable. Vérifiez la connexion Internet (ou que le bac à sable de démo tourne), puis réessayez.</translation>
    </message>
    <message>
        <source>Pairing Wizard could not listen for the browser&apos;s answer on this computer. Check that local connections to 127.0.0.1 are allowed, then try again.</source>
        <translation>Pairing Wizard n&apos;a pas pu écouter la réponse du navigateur sur cet ordinateur. Vérifiez que les connexions locales vers 127.0.0.1 sont autorisées, puis réessayez.</translation>
    </message>
    <message>
        <source>Pairing Wizard could not listen on the redirect port registered for the Xee app: another program may be using it. Close that program, or register another port for the Xee app and add it to the Xee redirect ports setting, then try again.</source>
        <translation>Pairing Wizard n&apos;a pas pu écouter sur le port de redirection enregistré pour l&apos;app Xee : un autre programme l&apos;utilise peut-être. Fermez ce programme, ou enregistrez un autre port pour l&apos;app Xee et ajoutez-le au réglage des ports de redirection Xee, puis réessayez.</translation>
    </message>
    <message>
        <source>Xee sent the sign-in back without the state check value, so Pairing Wizard refused it. If this Xee app never returns it, turn on the setting &quot;Xee does not echo state&quot; (Advanced settings, or --no-state-echo on the command line) and sign in again; you will then confirm the signed-in account.</source>
        <translation>Xee a renvoyé la connexion sans la valeur de contrôle state, donc Pairing Wizard l&apos;a refusée. Si cette app Xee ne la renvoie jamais, activez le réglage « Xee ne renvoie pas state » (Réglages avancés, ou --no-state-echo en ligne de commande) et reconnectez-vous ; vous confirmerez alors le compte connecté.</translation>
    </message>
    <message>
        <source>The signed-in Xee account was not confirmed, so nothing was kept and nothing will be paired. Sign in again with the customer&apos;s account.</source>
        <translation>Le compte Xee connecté n&apos;a pas été confirmé : rien n&apos;a été conservé et rien ne sera appairé. Reconnectez-vous avec le compte du client.</translation>
    </message>
    <message>
        <source>No one is signed in to Xee. Sign in first.</source>
        <translation>Personne n&apos;est connecté à Xee. Connectez-vous d&apos;abord.</translation>
    </message>
    <message>
        <source>The Xee sign-in has expired or was revoked. Sign in again.</source>
        <translation>La connexion Xee a expiré ou a été révoquée. Reconnectez-vous.</translation>
    </message>
    <message>
        <source>The sign-in could not be read from or saved to the system keychain. Unlock the keychain or keep the sign-in for this session only.</source>
        <translation>La connexion n&apos;a pas pu être lue dans le trousseau du système ni y être enregistrée. Déverrouillez le trousseau ou gardez la connexion pour cette session seulement.</translation>
    </message>
    <message>
        <source>The Xee sign-in failed. Try again.</source>
        <translation>La connexion Xee a échoué. Réessayez.</translation>
    </message>
</context>
<context>
    <name>XeeSignInPanel</name>
    <message>
        <source>Sign in with the Xee account the box will belong to. The sign-in happens in your browser; Pairing Wizard never sees the password.</source>
        <translation>Connectez-vous avec le compte Xee auquel appartiendra le boîtier. La connexion se fait dans votre navigateur ; Pairing Wizard ne voit jamais le mot de passe.</translation>
    </message>
    <message>
        <source>&amp;Sign in with Xee</source>
        <translation>Se c&amp;onnecter avec Xee</translation>
    </message>
    <message>
        <source>Opens the Xee sign-in page in your browser</source>
        <translation>Ouvre la page de connexion Xee dans votre navigateur</translation>
    </message>
    <message>
        <source>Xee&apos;s online sandbox needs no sign-in: continue to the device.</source>
        <translation>Le bac à sable en ligne de Xee ne demande aucune connexion : passez à l&apos;appareil.</translation>
    </message>
    <message>
        <source>Finish the sign-in in the browser window that opened. If no browser opened, copy this address into one:</source>
        <translation>Terminez la connexion dans la fenêtre du navigateur qui s&apos;est ouverte. Si aucun navigateur ne s&apos;est ouvert, copiez cette adresse dans l&apos;un d&apos;eux :</translation>
    </message>
    <message>
        <source>Sign-in address</source>
        <translation>Adresse de connexion</translation>
    </message>
    <message>
        <source>The Xee sign-in address, to open in a browser if none opened</source>
        <translation>L&apos;adresse de connexion Xee, à ouvrir dans un navigateur si aucun ne s&apos;est ouvert</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copier</translation>
    </message>
    <message>
        <source>Copy the sign-in address</source>
        <translation>Copier l&apos;adresse de connexion</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>Annuler la connexion</translation>
    </message>
    <message>
        <source>Stop waiting for the browser</source>
        <translation>Arrêter d&apos;attendre le navigateur</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Se déconnecter</translation>
    </message>
    <message>
        <source>Forget this Xee sign-in on this computer</source>
        <translation>Oublier cette connexion Xee sur cet ordinateur</translation>
    </message>
    <message>
        <source>Pairing Wizard needs the Xee app&apos;s client id and secret to sign in to {environment}. Enter them on the Provider page, under Advanced settings (or set XEE_CLIENT_ID and XEE_CLIENT_SECRET).</source>
        <translation>Pairing Wizard a besoin de l&apos;identifiant et du secret client de l&apos;application Xee pour se connecter à {environment}. Saisissez-les sur la page Fournisseur, dans Réglages avancés (ou définissez XEE_CLIENT_ID et XEE_CLIENT_SECRET).</translation>
    </message>
    <message>
        <source>Signed in as {account}</source>
        <translation>Connecté en tant que {account}</translation>
    </message>
    <message>
        <source>The sign-in is kept in the system keychain for the next time.</source>
        <translation>La connexion est gardée dans le trousseau du système pour la prochaine fois.</translation>
    </message>
    <message>
        <source>The sign-in is kept for this session only (no usable keychain).</source>
        <translation>La connexion n&apos;est gardée que pour cette session (aucun trousseau utilisable).</translation>
    </message>
    <message>
        <source>Demo accounts for the sandbox&apos;s sign-in page: {accounts}</source>
        <translation>Comptes de démo pour la page de connexion du bac à sable : {accounts}</translation>
    </message>
    <message>
        <source>Checking the stored sign-in…</source>
        <translation>Vérification de la connexion enregistrée…</translation>
    </message>
    <message>
        <source>The stored sign-in no longer works: {advice}</source>
        <translation>La connexion enregistrée ne fonctionne plus : {advice}</translation>
    </message>
    <message>
        <source>No keychain</source>
        <translation>Pas de trousseau</translation>
    </message>
    <message>
        <source>This computer has no usable keychain, so the Xee sign-in cannot be kept after Pairing Wizard closes.</source>
        <translation>Cet ordinateur n&apos;a aucun trousseau utilisable : la connexion Xee ne peut pas être gardée après la fermeture de Pairing Wizard.</translation>
    </message>
    <message>
        <source>Keep the sign-in for this session only?</source>
        <translation>Garder la connexion pour cette session seulement ?</translation>
    </message>
    <message>
        <source>Keep for this session</source>
        <translation>Garder pour cette session</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Sign-in cancelled: nothing kept.</source>
        <translation>Connexion annulée : rien n&apos;a été gardé.</translation>
    </message>
    <message>
        <source>The Xee redirect URI setting cannot be used: {reason}</source>
        <translation>Le réglage d&apos;URI de redirection Xee est inutilisable : {reason}</translation>
    </message>
    <message>
        <source>The browser could not be opened: copy the address above into a browser.</source>
        <translation>Le navigateur n&apos;a pas pu être ouvert : copiez l&apos;adresse ci-dessus dans un navigateur.</translation>
    </message>
    <message>
        <source>Signed in. Reading the account…</source>
        <translation>Connecté. Lecture du compte…</translation>
    </message>
    <message>
        <source>{advice} (technical detail: {detail})</source>
        <translation>{advice} (détail technique : {detail})</translation>
    </message>
    <message>
        <source>{advice} (Xee said: {message})</source>
        <translation>{advice} (message de Xee : {message})</translation>
    </message>
    <message>
        <source>Signed in, but the keychain refused to keep the sign-in: it lasts for this session only.</source>
        <translation>Connecté, mais le trousseau a refusé de garder la connexion : elle ne dure que pour cette session.</translation>
    </message>
    <message>
        <source>Confirm the Xee account</source>
        <translation>Confirmer le compte Xee</translation>
    </message>
    <message>
        <source>Signed in as {account}.</source>
        <translation>Connecté en tant que {account}.</translation>
    </message>
    <message>
        <source>Xee did not return the sign-in&apos;s check value (state), so make sure this is the customer&apos;s Xee account before pairing.</source>
        <translation>Xee n&apos;a pas renvoyé la valeur de contrôle de la connexion (state) : vérifiez qu&apos;il s&apos;agit bien du compte Xee du client avant d&apos;appairer.</translation>
    </message>
    <message>
        <source>This is the right account</source>
        <translation>C&apos;est le bon compte</translation>
    </message>
    <message>
        <source>Not this account</source>
        <translation>Pas ce compte</translation>
    </message>
    <message>
        <source>Waiting for the browser… {time} left</source>
        <translation>En attente du navigateur… encore {time}</translation>
    </message>
</context>
<context>
    <name>batch</name>
    <message>
        <source>The file is empty: the first line must name the columns ({join_expected}).</source>
        <translation>Le fichier est vide : la première ligne doit nommer les colonnes ({join_expected}).</translation>
    </message>
    <message>
        <source>Unknown column(s) {join_unknown}: a {provider} file has the columns {join_expected} (see the template).</source>
        <translation>Colonne(s) inconnue(s) {join_unknown} : un fichier {provider} a les colonnes {join_expected} (voir le modèle).</translation>
    </message>
    <message>
        <source>Missing column(s): {join_missing}.</source>
        <translation>Colonne(s) manquante(s) : {join_missing}.</translation>
    </message>
    <message>
        <source>Column(s) given twice: {join_duplicated}.</source>
        <translation>Colonne(s) donnée(s) deux fois : {join_duplicated}.</translation>
    </message>
    <message>
        <source>A Zype file needs a consumer_id or an email column.</source>
        <translation>Un fichier Zype doit avoir une colonne consumer_id ou email.</translation>
    </message>
    <message>
        <source>The file has a header but no rows.</source>
        <translation>Le fichier a un en-tête mais aucune ligne.</translation>
    </message>
    <message>
        <source>This file was already run for {name} (batch #{batch_id}, started {started}): nothing was sent. Use --resume to continue it (rows already paired are not sent again).</source>
        <translation>Ce fichier a déjà été traité pour {name} (lot n° {batch_id}, commencé le {started}) : rien n&apos;a été envoyé. Utilisez --resume pour le poursuivre (les lignes déjà appairées ne sont pas renvoyées).</translation>
    </message>
    <message>
        <source>This file was already run for {name} (batch #{batch_id}, started {started}): nothing was sent. Use Resume to continue it (rows already paired are not sent again).</source>
        <translation>Ce fichier a déjà été traité pour {name} (lot n° {batch_id}, commencé le {started}) : rien n&apos;a été envoyé. Utilisez Reprendre pour le poursuivre (les lignes déjà appairées ne sont pas renvoyées).</translation>
    </message>
    <message>
        <source>Zype&apos;s answer was lost ({reason}): check by hand whether pin {pin} is linked, in the Zype dashboard or on the TV.</source>
        <translation>La réponse de Zype a été perdue ({reason}) : vérifiez à la main si le code {pin} est lié, dans le tableau de bord Zype ou sur la TV.</translation>
    </message>
    <message>
        <source>{path_name} is larger than {megabytes} MB.</source>
        <translation>{path_name} dépasse {megabytes} Mo.</translation>
    </message>
    <message>
        <source>The batch journal could not be written ({error}), so the batch stopped: nothing is sent without it. Free disk space or close what holds the history database, then run the same file again with --resume: rows already sent are checked, never sent twice.</source>
        <translation>Le journal du lot n’a pas pu être écrit ({error}), le lot s’est donc arrêté : rien n’est envoyé sans lui. Libérez de l’espace disque ou fermez ce qui bloque la base de l’historique, puis relancez le même fichier avec --resume : les lignes déjà envoyées sont vérifiées, jamais envoyées deux fois.</translation>
    </message>
    <message>
        <source>The batch journal could not be written ({error}), so the batch stopped: nothing is sent without it. Free disk space or close what holds the history database, then run the same file again with Resume: rows already sent are checked, never sent twice.</source>
        <translation>Le journal du lot n’a pas pu être écrit ({error}), le lot s’est donc arrêté : rien n’est envoyé sans lui. Libérez de l’espace disque ou fermez ce qui bloque la base de l’historique, puis relancez le même fichier avec Reprendre : les lignes déjà envoyées sont vérifiées, jamais envoyées deux fois.</translation>
    </message>
    <message>
        <source>Unknown provider {provider}: no provider is registered.</source>
        <translation>Fournisseur inconnu {provider} : aucun fournisseur n&apos;est enregistré.</translation>
    </message>
    <message>
        <source>Unknown provider {provider}: use {only}.</source>
        <translation>Fournisseur inconnu {provider} : utilisez {only}.</translation>
    </message>
    <message>
        <source>Unknown provider {provider}: use {choices} or {last}.</source>
        <translation>Fournisseur inconnu {provider} : utilisez {choices} ou {last}.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {exc_strerror_or_exc}.</source>
        <translation>Impossible de lire {path} : {exc_strerror_or_exc}.</translation>
    </message>
    <message>
        <source>The file is not valid CSV: {exc}.</source>
        <translation>Le fichier n&apos;est pas un CSV valide : {exc}.</translation>
    </message>
    <message>
        <source>The file is not valid CSV near line {reader_line_num}: {exc}.</source>
        <translation>Le fichier n&apos;est pas un CSV valide vers la ligne {reader_line_num} : {exc}.</translation>
    </message>
    <message>
        <source>This file was interrupted for {name} (batch #{batch_id}, started {started}): nothing was sent. Use --resume to continue it (rows already paired are not sent again).</source>
        <translation>Ce fichier a été interrompu pour {name} (lot n° {batch_id}, commencé le {started}) : rien n&apos;a été envoyé. Utilisez --resume pour le poursuivre (les lignes déjà appairées ne sont pas renvoyées).</translation>
    </message>
    <message>
        <source>This file was interrupted for {name} (batch #{batch_id}, started {started}): nothing was sent. Use Resume to continue it (rows already paired are not sent again).</source>
        <translation>Ce fichier a été interrompu pour {name} (lot n° {batch_id}, commencé le {started}) : rien n&apos;a été envoyé. Utilisez Reprendre pour le poursuivre (les lignes déjà appairées ne sont pas renvoyées).</translation>
    </message>
    <message>
        <source>No batch #{self_batch_id} in the journal.</source>
        <translation>Aucun lot n° {self_batch_id} dans le journal.</translation>
    </message>
    <message>
        <source>The file no longer matches batch #{self_batch_id} (rows {missing} are missing): use the original file.</source>
        <translation>Le fichier ne correspond plus au lot n° {self_batch_id} (les lignes {missing} manquent) : utilisez le fichier d&apos;origine.</translation>
    </message>
    <message>
        <source>Cancelled: run the same file again with --resume to continue.</source>
        <translation>Annulé : relancez le même fichier avec --resume pour continuer.</translation>
    </message>
    <message>
        <source>Cancelled: use Resume to continue.</source>
        <translation>Annulé : utilisez Reprendre pour continuer.</translation>
    </message>
    <message>
        <source>Bound by an earlier try whose answer was lost.</source>
        <translation>Lié par un essai précédent dont la réponse a été perdue.</translation>
    </message>
    <message>
        <source>{provider} refused the credentials: {error_advice} Nothing is lost: fix it, then resume.</source>
        <translation>{provider} a refusé les identifiants : {error_advice} Rien n&apos;est perdu : corrigez, puis reprenez.</translation>
    </message>
    <message>
        <source>{provider} asked us to slow down: waiting {seconds} s (now {limit} at a time)</source>
        <translation>{provider} nous demande de ralentir : attente de {seconds} s ({limit} requêtes à la fois désormais)</translation>
    </message>
    <message>
        <source>No Zype consumer has the email {email}: check it, or give the consumer_id.</source>
        <translation>Aucun client Zype n&apos;a l&apos;e-mail {email} : vérifiez-le, ou donnez le consumer_id.</translation>
    </message>
    <message>
        <source>{len_consumers} Zype consumers have the email {email}: give the consumer_id instead.</source>
        <translation>{len_consumers} clients Zype ont l&apos;e-mail {email} : donnez plutôt le consumer_id.</translation>
    </message>
    <message>
        <source>Sent again after an uncertain answer ({reason}).</source>
        <translation>Renvoyée après une réponse incertaine ({reason}).</translation>
    </message>
    <message>
        <source>Xee&apos;s answer was lost several times: check by hand whether the box is associated (Xee app or console).</source>
        <translation>La réponse de Xee a été perdue plusieurs fois : vérifiez à la main si le boîtier est associé (application ou console Xee).</translation>
    </message>
    <message>
        <source>RUFUS&apos;s answer was lost ({reason}) and the device list could not be read: check by hand whether serial number {serial} is bound (RUFUS console).</source>
        <translation>La réponse de RUFUS a été perdue ({reason}) et la liste des appareils n&apos;a pas pu être lue : vérifiez à la main si le numéro de série {serial} est lié (console RUFUS).</translation>
    </message>
    <message>
        <source>Zype&apos;s answer was lost ({reason}): check by hand whether pin {pin} is linked, in the Zype dashboard or on the TV (add a linked_device_id column to let the batch check by itself).</source>
        <translation>La réponse de Zype a été perdue ({reason}) : vérifiez à la main si le code {pin} est lié, dans le tableau de bord Zype ou sur la TV (ajoutez une colonne linked_device_id pour que le lot vérifie de lui-même).</translation>
    </message>
    <message>
        <source>The file looks like UTF-16 without a byte-order mark: save it as CSV UTF-8 and try again.</source>
        <translation>Le fichier semble être en UTF-16 sans indicateur d’ordre des octets : enregistrez-le au format CSV UTF-8 et réessayez.</translation>
    </message>
    <message>
        <source>More than {max_rows} rows: split the file.</source>
        <translation>Plus de {max_rows} lignes : découpez le fichier.</translation>
    </message>
    <message>
        <source>This line has {cell_count} cells but the header only {header_count}: check the separators.</source>
        <translation>Cette ligne a {cell_count} cellules mais l&apos;en-tête seulement {header_count} : vérifiez les séparateurs.</translation>
    </message>
    <message>
        <source>Give the consumer_id or the customer&apos;s email.</source>
        <translation>Donnez le consumer_id ou l&apos;e-mail du client.</translation>
    </message>
    <message>
        <source>the previous run stopped while this request was in flight</source>
        <translation>l&apos;exécution précédente s&apos;est arrêtée pendant que cette requête était en cours</translation>
    </message>
    <message>
        <source>{last_advice} (Tried {row_attempts} times; each time the check showed the change was not made.)</source>
        <translation>{last_advice} ({row_attempts} essais ; à chaque fois, la vérification a montré que le changement n&apos;avait pas été fait.)</translation>
    </message>
    <message>
        <source>{provider} asked to wait {duration_error_retry_after}, longer than the {duration_self_max_retry_after} a batch waits. The batch stopped; nothing is lost: resume it later.</source>
        <translation>{provider} a demandé d’attendre {duration_error_retry_after}, plus que les {duration_self_max_retry_after} qu’un lot attend. Le lot s’est arrêté ; rien n’est perdu : reprenez-le plus tard.</translation>
    </message>
    <message>
        <source>The Xee sign-in has expired and Xee refused to renew it. The batch stopped; nothing is lost: sign in to Xee again, then run it again with --resume.</source>
        <translation>La connexion Xee a expiré et Xee a refusé de la renouveler. Le lot s&apos;est arrêté ; rien n&apos;est perdu : reconnectez-vous à Xee, puis relancez-le avec --resume.</translation>
    </message>
    <message>
        <source>The Xee sign-in has expired and Xee refused to renew it. The batch stopped; nothing is lost: sign in to Xee again, then run it again with Resume.</source>
        <translation>La connexion Xee a expiré et Xee a refusé de la renouveler. Le lot s&apos;est arrêté ; rien n&apos;est perdu : reconnectez-vous à Xee, puis relancez-le avec Reprendre.</translation>
    </message>
    <message>
        <source>Xee&apos;s answer was lost ({reason}); the account&apos;s cars show the box.</source>
        <translation>La réponse de Xee a été perdue ({reason}) ; les voitures du compte montrent le boîtier.</translation>
    </message>
    <message>
        <source>RUFUS&apos;s answer was lost ({reason}); the device list shows it bound.</source>
        <translation>La réponse de RUFUS a été perdue ({reason}) ; la liste des appareils le montre lié.</translation>
    </message>
    <message>
        <source>Not bound after an uncertain answer ({reason}): sent again.</source>
        <translation>Non lié après une réponse incertaine ({reason}) : renvoyé.</translation>
    </message>
    <message>
        <source>Zype&apos;s answer was lost ({reason}); the pin&apos;s status shows it linked.</source>
        <translation>La réponse de Zype a été perdue ({reason}) ; l&apos;état du code le montre lié.</translation>
    </message>
    <message>
        <source>Not linked after an uncertain answer ({reason}): sent again.</source>
        <translation>Non lié après une réponse incertaine ({reason}) : renvoyé.</translation>
    </message>
    <message>
        <source>The file is not text (save it as CSV, UTF-8).</source>
        <translation>Le fichier n&apos;est pas du texte (enregistrez-le en CSV, UTF-8).</translation>
    </message>
    <message>
        <source>The {unique} {key} is already on line {seen_key}: a device is paired once; remove one of the lines.</source>
        <translation>Le {unique} {key} figure déjà ligne {seen_key} : un appareil s&apos;appaire une seule fois ; supprimez l&apos;une des lignes.</translation>
    </message>
    <message>
        <source>Row {row_row_no} could not be sent after {row_attempts} tries ({row_message}) The batch stopped; nothing is lost: run it again with --resume when the problem is solved.</source>
        <translation>La ligne {row_row_no} n&apos;a pas pu être envoyée après {row_attempts} essais ({row_message}) Le lot s&apos;est arrêté ; rien n&apos;est perdu : relancez-le avec --resume une fois le problème résolu.</translation>
    </message>
    <message>
        <source>Row {row_row_no} could not be sent after {row_attempts} tries ({row_message}) The batch stopped; nothing is lost: run it again with Resume when the problem is solved.</source>
        <translation>La ligne {row_row_no} n&apos;a pas pu être envoyée après {row_attempts} essais ({row_message}) Le lot s&apos;est arrêté ; rien n&apos;est perdu : relancez-le avec Reprendre une fois le problème résolu.</translation>
    </message>
    <message>
        <source>{len_devices} RUFUS devices have serial number {serial}: check by hand which one to keep.</source>
        <translation>{len_devices} appareils RUFUS ont le numéro de série {serial} : vérifiez à la main lequel garder.</translation>
    </message>
    <message>
        <source>The pin is linked to another consumer: check by hand.</source>
        <translation>Le code est lié à un autre client : vérifiez à la main.</translation>
    </message>
    <message>
        <source>The check of an uncertain row failed: {error_advice}</source>
        <translation>La vérification d&apos;une ligne incertaine a échoué : {error_advice}</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Yes</source>
        <translation>Oui</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Fichiers texte (*.txt);;Tous les fichiers (*)</translation>
    </message>
</context>
<context>
    <name>errors_dialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>Erreur inattendue</translation>
    </message>
    <message>
        <source>Something went wrong inside Pairing Wizard. Nothing you typed is lost; you can go on, or restart the wizard if the window misbehaves.</source>
        <translation>Un problème est survenu dans Pairing Wizard. Rien de ce que vous avez saisi n&apos;est perdu ; vous pouvez continuer, ou redémarrer l&apos;assistant si la fenêtre se comporte mal.</translation>
    </message>
    <message>
        <source>The log file in {folder} has the details for a bug report.</source>
        <translation>Le fichier journal dans {folder} contient les détails pour un rapport de bogue.</translation>
    </message>
</context>
<context>
    <name>flow</name>
    <message>
        <source>Provider</source>
        <translation>Fournisseur</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Identifiants</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Appareil</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Vérification</translation>
    </message>
    <message>
        <source>Pairing</source>
        <translation>Appairage</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Offline demo (built-in sandbox)</source>
        <translation>Démo hors ligne (bac à sable intégré)</translation>
    </message>
    <message>
        <source>Offline demo</source>
        <translation>Démo hors ligne</translation>
    </message>
    <message>
        <source>Online sandbox (the provider&apos;s test service)</source>
        <translation>Bac à sable en ligne (service de test du fournisseur)</translation>
    </message>
    <message>
        <source>Online sandbox</source>
        <translation>Bac à sable en ligne</translation>
    </message>
    <message>
        <source>Production (real customers)</source>
        <translation>Production (vrais clients)</translation>
    </message>
    <message>
        <source>Production</source>
        <translation>Production</translation>
    </message>
    <message>
        <source>Connected-car box: sign in with the customer&apos;s Xee account, then associate the box with its pin.</source>
        <translation>Boîtier de voiture connectée : connectez-vous avec le compte Xee du client, puis associez le boîtier avec son code.</translation>
    </message>
    <message>
        <source>Associate</source>
        <translation>Associer</translation>
    </message>
    <message>
        <source>Timing device: bind it to the company account with an api key, then store the deviceid on the device.</source>
        <translation>Appareil de chronométrage : liez-le au compte de l&apos;entreprise avec une clé API, puis enregistrez le deviceid sur l&apos;appareil.</translation>
    </message>
    <message>
        <source>Bind</source>
        <translation>Lier</translation>
    </message>
    <message>
        <source>Unbind</source>
        <translation>Délier</translation>
    </message>
    <message>
        <source>TV app: link the customer (consumer) to the pin the TV shows, with an api key.</source>
        <translation>Application TV : liez le client (consumer) au code affiché par la TV, avec une clé API.</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Lier</translation>
    </message>
    <message>
        <source>Unlink</source>
        <translation>Délier</translation>
    </message>
    <message>
        <source>Api key</source>
        <translation>Clé API</translation>
    </message>
    <message>
        <source>The RUFUS company api key (ror-…) with WRITE or READ_WRITE access.</source>
        <translation>La clé API de l&apos;entreprise chez RUFUS (ror-…) avec un accès WRITE ou READ_WRITE.</translation>
    </message>
    <message>
        <source>An Admin api key of the Zype channel (Settings, API keys).</source>
        <translation>Une clé API Admin de la chaîne Zype (Settings, API keys).</translation>
    </message>
    <message>
        <source>Device id</source>
        <translation>Identifiant du boîtier</translation>
    </message>
    <message>
        <source>Printed on the box, for example E133742015.</source>
        <translation>Imprimé sur le boîtier, par exemple E133742015.</translation>
    </message>
    <message>
        <source>Pin</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>On the card delivered with the box. Three wrong pins lock the box.</source>
        <translation>Sur la carte livrée avec le boîtier. Trois codes erronés verrouillent le boîtier.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>The device model, e.g. Model X1.</source>
        <translation>Le modèle de l&apos;appareil, par ex. Model X1.</translation>
    </message>
    <message>
        <source>Serial number</source>
        <translation>Numéro de série</translation>
    </message>
    <message>
        <source>As printed on the device&apos;s label.</source>
        <translation>Tel qu&apos;imprimé sur l&apos;étiquette de l&apos;appareil.</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Optional: a name to recognise the device by.</source>
        <translation>Facultatif : un nom pour reconnaître l&apos;appareil.</translation>
    </message>
    <message>
        <source>Firmware</source>
        <translation>Firmware</translation>
    </message>
    <message>
        <source>Optional: the firmware version, e.g. 1.4.2.</source>
        <translation>Facultatif : la version du firmware, par ex. 1.4.2.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Optional: the device type, sent only when filled in (some RUFUS accounts require it).</source>
        <translation>Facultatif : le type d&apos;appareil, envoyé seulement s&apos;il est rempli (certains comptes RUFUS l&apos;exigent).</translation>
    </message>
    <message>
        <source>Consumer id</source>
        <translation>Identifiant client</translation>
    </message>
    <message>
        <source>The customer&apos;s consumer id, or find it by email below.</source>
        <translation>L&apos;identifiant client (consumer id), ou trouvez-le par e-mail ci-dessous.</translation>
    </message>
    <message>
        <source>Customer&apos;s email</source>
        <translation>E-mail du client</translation>
    </message>
    <message>
        <source>Look the consumer up by the email of their account.</source>
        <translation>Rechercher le client par l&apos;e-mail de son compte.</translation>
    </message>
    <message>
        <source>The 7-character pin the TV app shows, e.g. zabc123. Pins expire after 30 minutes.</source>
        <translation>Le code de 7 caractères affiché par l&apos;application TV, par ex. zabc123. Les codes expirent au bout de 30 minutes.</translation>
    </message>
    <message>
        <source>Choose a provider.</source>
        <translation>Choisissez un fournisseur.</translation>
    </message>
    <message>
        <source>{failed} wrong pins for this box so far: the box is probably locked. Contact {provider} support before trying again.</source>
        <translation>{failed} codes erronés pour ce boîtier jusqu&apos;ici : le boîtier est probablement verrouillé. Contactez le support {provider} avant de réessayer.</translation>
    </message>
    <message>
        <source>Choose an environment.</source>
        <translation>Choisissez un environnement.</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Environnement</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Serveur</translation>
    </message>
    <message>
        <source>As</source>
        <translation>En tant que</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Requête</translation>
    </message>
    <message>
        <source>Associated to</source>
        <translation>Associé à</translation>
    </message>
    <message>
        <source>User id</source>
        <translation>Identifiant utilisateur</translation>
    </message>
    <message>
        <source>Device associated</source>
        <translation>Boîtier associé</translation>
    </message>
    <message>
        <source>TV device id</source>
        <translation>Identifiant du téléviseur</translation>
    </message>
    <message>
        <source>Zype device id</source>
        <translation>Identifiant de l’appareil Zype</translation>
    </message>
    <message>
        <source>Zype site id</source>
        <translation>Identifiant du site Zype</translation>
    </message>
    <message>
        <source>Sign in to {provider} first.</source>
        <translation>Connectez-vous d&apos;abord à {provider}.</translation>
    </message>
    <message>
        <source>That was the third wrong pin for this box: {provider} has now locked it. Contact {provider} support to unlock the box; another pin will not be accepted.</source>
        <translation>C’était le troisième pin erroné pour ce boîtier : {provider} l’a maintenant verrouillé. Contactez le support {provider} pour le déverrouiller ; aucun autre pin ne sera accepté.</translation>
    </message>
    <message>
        <source>It was carried out: RUFUS has a device with serial number {serial} (deviceid {deviceid}; status {status}, battery {battery}, last telemetry {telemetry}, last login {login}). Do not bind it again: store this deviceid on the device.</source>
        <translation>Elle a été exécutée : RUFUS a un appareil avec le numéro de série {serial} (deviceid {deviceid} ; état {status}, batterie {battery}, dernière télémétrie {telemetry}, dernière connexion {login}). Ne l’associez pas à nouveau : enregistrez ce deviceid sur l’appareil.</translation>
    </message>
    <message>
        <source>It was carried out: pin {pin} is linked to consumer {consumer} (TV device id {device}). Do not link it again.</source>
        <translation>C’est fait : le code {pin} est lié au client {consumer} (identifiant du téléviseur {device}). Ne le liez pas à nouveau.</translation>
    </message>
    <message>
        <source>It was not carried out: none of the {count} device(s) linked to consumer {consumer} shows pin {pin}. You can link it now.</source>
        <translation>Ce n’est pas fait : aucun des {count} appareil(s) lié(s) au client {consumer} n’affiche le code {pin}. Vous pouvez le lier maintenant.</translation>
    </message>
    <message>
        <source>Pin {pin} is linked, but to another consumer ({other}), not to {consumer}: do not link again before the customer confirms which account is theirs.</source>
        <translation>Le code {pin} est lié, mais à un autre client ({other}), pas à {consumer} : ne le liez pas à nouveau avant que le client ait confirmé quel compte est le sien.</translation>
    </message>
    <message>
        <source>Zype has no consumer {consumer} with email {email}: check the email and the consumer id on the device page, then Check now again.</source>
        <translation>Zype n’a pas de client {consumer} avec l’e-mail {email} : vérifiez l’e-mail et l’identifiant client sur la page de l’appareil, puis relancez Vérifier maintenant.</translation>
    </message>
    <message>
        <source>It was carried out: box {device} is on the signed-in account&apos;s car “{car}”. Do not associate it again.</source>
        <translation>C’est fait : le boîtier {device} est sur la voiture « {car} » du compte connecté. Ne l’associez pas à nouveau.</translation>
    </message>
    <message>
        <source>It was not carried out: none of the signed-in account&apos;s {count} car(s) has box {device}. You can associate it now (a wrong pin counts toward Xee&apos;s lock after 3 failures).</source>
        <translation>Ce n’est pas fait : aucune des {count} voiture(s) du compte connecté n’a le boîtier {device}. Vous pouvez l’associer maintenant (un code erroné compte pour le blocage de Xee après 3 échecs).</translation>
    </message>
    <message>
        <source>Network problem: the request did not complete</source>
        <translation>Problème de réseau : la requête n’a pas abouti</translation>
    </message>
    <message>
        <source>The answer could not be understood</source>
        <translation>La réponse est incompréhensible</translation>
    </message>
    <message>
        <source>Remove the box from the car</source>
        <translation>Retirer le boîtier de la voiture</translation>
    </message>
    <message>
        <source>The Xee box</source>
        <translation>Le boîtier Xee</translation>
    </message>
    <message>
        <source>Enter the device id and the pin from the box&apos;s card.</source>
        <translation>Saisissez l&apos;identifiant et le code figurant sur la carte du boîtier.</translation>
    </message>
    <message>
        <source>Associating the box with Xee…</source>
        <translation>Association du boîtier avec Xee…</translation>
    </message>
    <message>
        <source>This will remove the box {device} from the car it is fitted to: Xee dissociates the box from the car and from the Xee account, and the car no longer reports through it until the box is associated again.</source>
        <translation>Le boîtier {device} va être retiré de la voiture où il est installé : Xee le dissocie de la voiture et du compte Xee, et la voiture ne remonte plus de données par lui tant que le boîtier n’est pas de nouveau associé.</translation>
    </message>
    <message>
        <source>Done: the box is removed from the car and dissociated from the Xee account.</source>
        <translation>Terminé : le boîtier est retiré de la voiture et dissocié du compte Xee.</translation>
    </message>
    <message>
        <source>The RUFUS device</source>
        <translation>L&apos;appareil RUFUS</translation>
    </message>
    <message>
        <source>Describe the device to bind to the company account.</source>
        <translation>Décrivez l&apos;appareil à lier au compte de l&apos;entreprise.</translation>
    </message>
    <message>
        <source>Binding the device with RUFUS…</source>
        <translation>Liaison de l&apos;appareil avec RUFUS…</translation>
    </message>
    <message>
        <source>Done: the device is unbound.</source>
        <translation>C&apos;est fait : l&apos;appareil est délié.</translation>
    </message>
    <message>
        <source>The Zype customer and pin</source>
        <translation>Le client Zype et le code</translation>
    </message>
    <message>
        <source>Who the TV belongs to, and the pin it shows.</source>
        <translation>À qui appartient la TV, et le code qu&apos;elle affiche.</translation>
    </message>
    <message>
        <source>Linking the pin with Zype…</source>
        <translation>Liaison du code avec Zype…</translation>
    </message>
    <message>
        <source>Done: the pin is unlinked from the consumer.</source>
        <translation>C&apos;est fait : le code est délié du client.</translation>
    </message>
    <message>
        <source>Box removed from the car</source>
        <translation>Boîtier retiré de la voiture</translation>
    </message>
    <message>
        <source>deviceid</source>
        <translation>deviceid</translation>
    </message>
    <message>
        <source>This will unbind the device with serial number {serial} (RUFUS deletes its sessions and passings).</source>
        <translation>L&apos;appareil de numéro de série {serial} sera délié (RUFUS supprime ses sessions et ses passages).</translation>
    </message>
    <message>
        <source>This will unlink the pin {pin} from the consumer {consumer}.</source>
        <translation>Le code {pin} sera délié du client {consumer}.</translation>
    </message>
    <message>
        <source>Xee account</source>
        <translation>Compte Xee</translation>
    </message>
    <message>
        <source>Sign in with {provider} first.</source>
        <translation>Connectez-vous d&apos;abord avec {provider}.</translation>
    </message>
    <message>
        <source>Device bound</source>
        <translation>Appareil lié</translation>
    </message>
    <message>
        <source>Device unbound</source>
        <translation>Appareil délié</translation>
    </message>
    <message>
        <source>Consumer</source>
        <translation>Client</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Lié</translation>
    </message>
    <message>
        <source>Device pin id</source>
        <translation>Identifiant du code</translation>
    </message>
    <message>
        <source>Pin expires</source>
        <translation>Expiration du code</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Créé</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Mis à jour</translation>
    </message>
    <message>
        <source>Device linked</source>
        <translation>Appareil lié</translation>
    </message>
    <message>
        <source>Pin unlinked</source>
        <translation>Code délié</translation>
    </message>
    <message>
        <source>not signed in</source>
        <translation>non connecté</translation>
    </message>
    <message>
        <source>{account} (Xee sign-in)</source>
        <translation>{account} (connexion Xee)</translation>
    </message>
    <message>
        <source>api key {key}</source>
        <translation>clé API {key}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <source>Choose the provider first.</source>
        <translation>Choisissez d&apos;abord le fournisseur.</translation>
    </message>
    <message>
        <source>Enter the api key first.</source>
        <translation>Saisissez d&apos;abord la clé API.</translation>
    </message>
    <message>
        <source>Pairing was cancelled while waiting for {name}. The request may already have reached {name}: check the user&apos;s devices before pairing again.</source>
        <translation>L&apos;appairage a été annulé pendant l&apos;attente de {name}. La requête est peut-être déjà parvenue à {name} : vérifiez les appareils de l&apos;utilisateur avant de réessayer.</translation>
    </message>
    <message>
        <source>Pairing was cancelled while waiting for {name}. The request may already have reached {name}: look the serial number up in the RUFUS device list before pairing again.</source>
        <translation>L&apos;appairage a été annulé pendant l&apos;attente de {name}. La requête est peut-être déjà parvenue à {name} : cherchez le numéro de série dans la liste des appareils RUFUS avant de réessayer.</translation>
    </message>
    <message>
        <source>Pairing was cancelled while waiting for {name}. The request may already have reached {name}: check the pin&apos;s status before pairing again.</source>
        <translation>L&apos;appairage a été annulé pendant l&apos;attente de {name}. La requête est peut-être déjà parvenue à {name} : vérifiez l&apos;état du code avant de réessayer.</translation>
    </message>
    <message>
        <source>Pairing was cancelled while waiting for {name}. The request may already have reached {name}: check before pairing again.</source>
        <translation>L&apos;appairage a été annulé pendant l&apos;attente de {name}. La requête est peut-être déjà parvenue à {name} : vérifiez avant de réessayer.</translation>
    </message>
    <message>
        <source>the provider</source>
        <translation>le fournisseur</translation>
    </message>
    <message>
        <source>Pairing was cancelled before the request was sent: nothing was sent, so you can pair again right away.</source>
        <translation>L&apos;appairage a été annulé avant l&apos;envoi de la requête : rien n&apos;a été envoyé, vous pouvez donc réessayer tout de suite.</translation>
    </message>
    <message>
        <source>Undo interrupted by closing the window: check whether it was carried out.</source>
        <translation>Annulation interrompue par la fermeture de la fenêtre : vérifiez si elle a été effectuée.</translation>
    </message>
    <message>
        <source>Wrong pin: 1 attempt left before the box locks. Check the pin on the box&apos;s card before trying again.</source>
        <translation>Pin erroné : il reste 1 essai avant le verrouillage du boîtier. Vérifiez le pin sur la carte du boîtier avant de réessayer.</translation>
    </message>
    <message>
        <source>Wrong pin: {left} attempts left before the box locks.</source>
        <translation>Pin erroné : il reste {left} essais avant le verrouillage du boîtier.</translation>
    </message>
    <message>
        <source>The last request may have been carried out: {name} did not confirm it. Check now before sending it again.</source>
        <translation>La dernière requête a peut-être été exécutée : {name} ne l’a pas confirmé. Vérifiez maintenant avant de l’envoyer à nouveau.</translation>
    </message>
    <message>
        <source>It was not carried out: RUFUS has no device with serial number {serial}. You can bind it now.</source>
        <translation>Elle n’a pas été exécutée : RUFUS n’a aucun appareil avec le numéro de série {serial}. Vous pouvez l’associer maintenant.</translation>
    </message>
    <message>
        <source>Zype finds a consumer&apos;s linked devices through its email: enter the customer&apos;s email on the device page (Find consumer), then Check now again; or ask the customer whether the TV app shows the account.</source>
        <translation>Zype retrouve les appareils liés d’un client par son e-mail : saisissez l’e-mail du client sur la page de l’appareil (Trouver le client), puis relancez Vérifier maintenant ; ou demandez au client si l’application TV affiche le compte.</translation>
    </message>
    <message>
        <source>Could not check: {advice}</source>
        <translation>Vérification impossible : {advice}</translation>
    </message>
    <message>
        <source>Pairing failed</source>
        <translation>Échec de l&apos;appairage</translation>
    </message>
    <message>
        <source>Check the input</source>
        <translation>Vérifiez la saisie</translation>
    </message>
    <message>
        <source>The provider refused</source>
        <translation>Le fournisseur a refusé</translation>
    </message>
    <message>
        <source>Sign-in or key problem</source>
        <translation>Problème de connexion ou de clé</translation>
    </message>
    <message>
        <source>Cancelled, but the request may have reached {name}: check before sending it again</source>
        <translation>Annulé, mais la requête est peut-être parvenue à {name} : vérifiez avant de la renvoyer</translation>
    </message>
    <message>
        <source>Cancelled before sending: nothing was sent</source>
        <translation>Annulé avant l&apos;envoi : rien n&apos;a été envoyé</translation>
    </message>
    <message>
        <source>Change the &amp;settings</source>
        <translation>Modifier les &amp;réglages</translation>
    </message>
    <message>
        <source>Change the c&amp;redentials</source>
        <translation>Modifier les &amp;identifiants</translation>
    </message>
    <message>
        <source>Fix the &amp;device details</source>
        <translation>Corriger les infos de l&apos;&amp;appareil</translation>
    </message>
    <message>
        <source>T&amp;ry again</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Précédent</translation>
    </message>
    <message>
        <source>{failed} wrong pin for this box so far: {left} attempts left before the box locks. Check the pin carefully.</source>
        <translation>{failed} code erroné pour ce boîtier jusqu&apos;ici : encore {left} tentatives avant le verrouillage. Vérifiez soigneusement le code.</translation>
    </message>
    <message>
        <source>{failed} wrong pins for this box so far: one more wrong pin locks the box. Check the pin on the box&apos;s card before pairing.</source>
        <translation>{failed} codes erronés pour ce boîtier jusqu&apos;ici : un code erroné de plus verrouille le boîtier. Vérifiez le code sur la carte du boîtier avant d&apos;appairer.</translation>
    </message>
    <message>
        <source>The key was refused: {advice}</source>
        <translation>La clé a été refusée : {advice}</translation>
    </message>
    <message>
        <source>RUFUS refused to read with this key. A WRITE key may only bind, so it can still pair, but that cannot be tested without binding a device; the key may also be mistyped or unknown to RUFUS. Check its access type in the RUFUS console.</source>
        <translation>RUFUS a refusé la lecture avec cette clé. Une clé WRITE ne peut que lier : elle peut donc appairer, mais cela ne peut pas être testé sans lier un appareil ; la clé est peut-être aussi mal saisie ou inconnue de RUFUS. Vérifiez son type d&apos;accès dans la console RUFUS.</translation>
    </message>
    <message>
        <source>The key works for reading devices. Whether it may also bind (WRITE or READ_WRITE access) cannot be tested without binding a device: if it is a READ key, it works, but read-only: cannot pair.</source>
        <translation>La clé permet de lire les appareils. Qu&apos;elle puisse aussi lier (accès WRITE ou READ_WRITE) ne peut pas être testé sans lier un appareil : si c&apos;est une clé READ, elle fonctionne, mais en lecture seule : elle ne peut pas appairer.</translation>
    </message>
    <message>
        <source>Could not check the key: {advice}</source>
        <translation>Impossible de vérifier la clé : {advice}</translation>
    </message>
    <message>
        <source>The key works.</source>
        <translation>La clé fonctionne.</translation>
    </message>
    <message>
        <source>The key works for reading consumers. Whether it may link (an Admin key) cannot be tested without linking: a Read Only key also passes this test, and would then be refused when linking.</source>
        <translation>La clé permet de lire les consommateurs. Qu&apos;elle puisse lier (une clé Admin) ne peut pas être testé sans lier : une clé Read Only réussit aussi ce test, et serait ensuite refusée lors de la liaison.</translation>
    </message>
    <message>
        <source>Enter the Xee app&apos;s client id (from the Xee developer console).</source>
        <translation>Saisissez l&apos;identifiant client de l&apos;application Xee (depuis la console développeur Xee).</translation>
    </message>
    <message>
        <source>Enter the Xee app&apos;s client secret.</source>
        <translation>Saisissez le secret client de l&apos;application Xee.</translation>
    </message>
    <message>
        <source>The client id may contain only printable characters without spaces (at most 256): copy it again.</source>
        <translation>L&apos;identifiant client ne peut contenir que des caractères imprimables sans espace (256 au plus) : copiez-le à nouveau.</translation>
    </message>
    <message>
        <source>The client secret may contain only printable characters without spaces (at most 256): copy it again.</source>
        <translation>Le secret client ne peut contenir que des caractères imprimables sans espace (256 au plus) : copiez-le à nouveau.</translation>
    </message>
    <message>
        <source>{provider} answers with a {handover} that must be stored on the device: the result page shows it with Copy and Save.</source>
        <translation>{provider} répond avec un {handover} à enregistrer sur l&apos;appareil : la page de résultat l&apos;affiche avec Copier et Enregistrer.</translation>
    </message>
    <message>
        <source>Store this {handover} on the device. Copy it or save it to a file now: it is what the device authenticates with.</source>
        <translation>Enregistrez ce {handover} sur l&apos;appareil. Copiez-le ou enregistrez-le dans un fichier maintenant : c&apos;est avec lui que l&apos;appareil s&apos;authentifie.</translation>
    </message>
    <message>
        <source>The {handover} {provider} returned: store it on the device</source>
        <translation>Le {handover} renvoyé par {provider} : enregistrez-le sur l&apos;appareil</translation>
    </message>
    <message>
        <source>Copy the {handover} to the clipboard</source>
        <translation>Copier le {handover} dans le presse-papiers</translation>
    </message>
    <message>
        <source>Save the {handover} to a text file</source>
        <translation>Enregistrer le {handover} dans un fichier texte</translation>
    </message>
    <message>
        <source>{handover} copied to the clipboard.</source>
        <translation>{handover} copié dans le presse-papiers.</translation>
    </message>
    <message>
        <source>Save the {handover}</source>
        <translation>Enregistrer le {handover}</translation>
    </message>
    <message>
        <source>Keep the {handover}?</source>
        <translation>Garder le {handover} ?</translation>
    </message>
    <message>
        <source>The {handover} was neither copied nor saved. The device needs it, and {provider} will not show it again.</source>
        <translation>Le {handover} n&apos;a été ni copié ni enregistré. L&apos;appareil en a besoin, et {provider} ne le montrera plus.</translation>
    </message>
    <message>
        <source>Front door</source>
        <translation>Porte d&apos;entrée</translation>
    </message>
</context>
<context>
    <name>i18n</name>
    <message>
        <source>{choices} or {last}</source>
        <translation>{choices} ou {last}</translation>
    </message>
</context>
<context>
    <name>netcheck</name>
    <message>
        <source>the secure connection failed ({error})</source>
        <translation>la connexion sécurisée a échoué ({error})</translation>
    </message>
    <message>
        <source>a firewall or proxy may block it; ask IT whether this address is allowed</source>
        <translation>un pare-feu ou un proxy la bloque peut-être ; demandez au service informatique si cette adresse est autorisée</translation>
    </message>
    <message>
        <source>the certificate is not trusted</source>
        <translation>le certificat n&apos;est pas reconnu</translation>
    </message>
    <message>
        <source>a company proxy may inspect traffic; ask IT to install its certificate in the system store</source>
        <translation>un proxy d&apos;entreprise inspecte peut-être le trafic ; demandez au service informatique d&apos;installer son certificat dans le magasin du système</translation>
    </message>
    <message>
        <source>the certificate of {host} has expired</source>
        <translation>le certificat de {host} a expiré</translation>
    </message>
    <message>
        <source>check the computer&apos;s date and time; if it is right, the provider&apos;s certificate really expired: try later or contact the provider</source>
        <translation>vérifiez la date et l&apos;heure de l&apos;ordinateur ; si elles sont justes, le certificat du fournisseur a vraiment expiré : réessayez plus tard ou contactez le fournisseur</translation>
    </message>
    <message>
        <source>the certificate does not belong to {host}</source>
        <translation>le certificat n&apos;appartient pas à {host}</translation>
    </message>
    <message>
        <source>something in between answers in the provider&apos;s place (a proxy or a captive portal): check the network, or ask IT</source>
        <translation>quelque chose entre les deux répond à la place du fournisseur (un proxy ou un portail captif) : vérifiez le réseau, ou demandez au service informatique</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>pas de réponse à temps</translation>
    </message>
    <message>
        <source>{host} is {join_addresses}</source>
        <translation>{host} correspond à {join_addresses}</translation>
    </message>
    <message>
        <source>connected to {host} port {port}</source>
        <translation>connecté à {host} port {port}</translation>
    </message>
    <message>
        <source>{api_root} is not an http(s) address</source>
        <translation>{api_root} n&apos;est pas une adresse http(s)</translation>
    </message>
    <message>
        <source>check the API address in the settings</source>
        <translation>vérifiez l&apos;adresse de l&apos;API dans les réglages</translation>
    </message>
    <message>
        <source>the system settings send {host} through the proxy {report_proxy}</source>
        <translation>les réglages du système font passer {host} par le proxy {report_proxy}</translation>
    </message>
    <message>
        <source>cannot connect to {host} port {port} ({join_errors})</source>
        <translation>connexion impossible à {host} port {port} ({join_errors})</translation>
    </message>
    <message>
        <source>the computer answered that nothing listens there: check the API address and port</source>
        <translation>l&apos;ordinateur a répondu que rien n&apos;écoute à cet endroit : vérifiez l&apos;adresse et le port de l&apos;API</translation>
    </message>
    <message>
        <source>a firewall may block it, or the network is down: check the network or ask IT</source>
        <translation>un pare-feu la bloque peut-être, ou le réseau est coupé : vérifiez le réseau ou demandez au service informatique</translation>
    </message>
    <message>
        <source>cannot connect ({exc})</source>
        <translation>connexion impossible ({exc})</translation>
    </message>
    <message>
        <source>check the network or the proxy settings</source>
        <translation>vérifiez le réseau ou les réglages du proxy</translation>
    </message>
    <message>
        <source>answered with status {status}</source>
        <translation>a répondu avec le statut {status}</translation>
    </message>
    <message>
        <source>{name} or a gateway in between has a problem: try again later</source>
        <translation>{name} ou une passerelle intermédiaire a un problème : réessayez plus tard</translation>
    </message>
    <message>
        <source>cannot resolve {host} ({why})</source>
        <translation>impossible de résoudre {host} ({why})</translation>
    </message>
    <message>
        <source>{address}: no answer in {step_timeout} s</source>
        <translation>{address} : pas de réponse en {step_timeout} s</translation>
    </message>
    <message>
        <source>{version}, certificate trusted by the system store</source>
        <translation>{version}, certificat reconnu par le magasin du système</translation>
    </message>
    <message>
        <source>the proxy refused or failed ({exc})</source>
        <translation>le proxy a refusé ou échoué ({exc})</translation>
    </message>
    <message>
        <source>check the proxy settings, or ask IT</source>
        <translation>vérifiez les réglages du proxy, ou demandez au service informatique</translation>
    </message>
    <message>
        <source>{name} did not answer in {step_timeout} s</source>
        <translation>{name} n&apos;a pas répondu en {step_timeout} s</translation>
    </message>
    <message>
        <source>the provider or the network is slow or down: try again later</source>
        <translation>le fournisseur ou le réseau est lent ou coupé : réessayez plus tard</translation>
    </message>
    <message>
        <source>the connection failed ({type_exc_name})</source>
        <translation>la connexion a échoué ({type_exc_name})</translation>
    </message>
    <message>
        <source>answered with a web page (status {status}), not the API</source>
        <translation>a répondu par une page web (statut {status}), pas par l&apos;API</translation>
    </message>
    <message>
        <source>a captive portal (hotel, guest Wi-Fi) or a proxy may be in the way: sign in to the network in a browser, or check the API address</source>
        <translation>un portail captif (hôtel, Wi-Fi invités) ou un proxy est peut-être sur le chemin : connectez-vous au réseau dans un navigateur, ou vérifiez l&apos;adresse de l&apos;API</translation>
    </message>
    <message>
        <source>{name} answered (status {status})</source>
        <translation>{name} a répondu (statut {status})</translation>
    </message>
    <message>
        <source>the secure handshake got no answer</source>
        <translation>la négociation sécurisée n&apos;a pas reçu de réponse</translation>
    </message>
    <message>
        <source>a firewall or proxy may block it; ask IT</source>
        <translation>un pare-feu ou un proxy la bloque peut-être ; demandez au service informatique</translation>
    </message>
</context>
</TS>
